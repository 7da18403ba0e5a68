//! The compute worker: lowbit-jobs' [`Engine`] behind a `DedicatedWorkerGlobalScope`.
//!
//! On start it posts `Ready`. Each message is one encoded [`lowbit_jobs::protocol::Request`]
//! in a `Uint8Array` (or `[request, text]`: a pasted text beside its request,
//! `lowbit_jobs::protocol::with_text`; or `[request, ArrayBuffer]`: a tensor's bytes beside its
//! request, transferred, `lowbit_jobs::protocol::with_bytes`); each answer one encoded
//! `Response`, its buffer transferred. While a job
//! runs, the worker does steps for up to [`SLICE_MS`] milliseconds, posts the progress, and
//! yields to its event loop through a `MessageChannel` (no timer clamping), so a newer request
//! or a cancel is handled between two steps. A panic (impossible by design) posts a `Failed`
//! message before WebAssembly aborts; the page then restarts the worker.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use js_sys::{Array, ArrayBuffer, Uint8Array};
    use lowbit_jobs::engine::Engine;
    use lowbit_jobs::protocol::{decode_request, encode, with_bytes, with_text, Response};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

    /// How long the worker computes before it looks at its messages again.
    pub const SLICE_MS: f64 = 12.0;

    struct State {
        engine: Engine,
        scope: DedicatedWorkerGlobalScope,
        wake: Option<MessageChannel>,
        pumping: bool,
    }

    thread_local! {
        static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    }

    fn now(scope: &DedicatedWorkerGlobalScope) -> f64 {
        scope.performance().map_or(0.0, |p| p.now())
    }

    fn post(scope: &DedicatedWorkerGlobalScope, response: &Response) {
        let bytes = match encode(response) {
            Ok(b) => b,
            Err(message) => match encode(&Response::Failed { id: None, message }) {
                Ok(b) => b,
                Err(_) => return,
            },
        };
        let array = Uint8Array::from(&bytes[..]);
        let _ = scope.post_message_with_transfer(&array, &Array::of1(&array.buffer()));
    }

    /// Runs steps for one slice, then schedules the next slice if work is left.
    fn pump() {
        STATE.with(|cell| {
            let mut guard = cell.borrow_mut();
            let Some(state) = guard.as_mut() else { return };
            state.pumping = false;
            let scope = state.scope.clone();
            let start = now(&scope);
            let mut clock = || now(&scope) / 1000.0;
            while state.engine.busy() {
                for response in state.engine.step(&mut clock) {
                    post(&scope, &response);
                }
                if now(&scope) - start > SLICE_MS {
                    break;
                }
            }
            schedule(state);
        });
    }

    fn schedule(state: &mut State) {
        if state.engine.busy() && !state.pumping {
            if let Some(channel) = &state.wake {
                state.pumping = channel.port2().post_message(&JsValue::NULL).is_ok();
            }
        }
    }

    fn on_message(event: MessageEvent) {
        STATE.with(|cell| {
            let mut guard = cell.borrow_mut();
            let Some(state) = guard.as_mut() else { return };
            let data = event.data();
            // `[request, text]` or `[request, ArrayBuffer]`: a request whose text (`with_text`) or
            // bytes (`with_bytes`) travel beside it.
            let responses = match data.dyn_ref::<Array>() {
                Some(parts) => {
                    let head = parts.get(0).dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
                    let beside = parts.get(1);
                    match decode_request(&head) {
                        Ok(request) => state.engine.handle(match beside.dyn_ref::<ArrayBuffer>() {
                            Some(buffer) => with_bytes(request, Uint8Array::new(buffer).to_vec()),
                            None => with_text(request, beside.as_string().unwrap_or_default()),
                        }),
                        Err(message) => vec![Response::Failed { id: None, message }],
                    }
                }
                None => state.engine.handle_bytes(&data.dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default()),
            };
            for response in responses {
                post(&state.scope, &response);
            }
            schedule(state);
        });
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let panic_scope = scope.clone();
        std::panic::set_hook(Box::new(move |info| {
            post(&panic_scope, &Response::Failed { id: None, message: format!("the compute worker failed: {info}") });
        }));
        let wake = MessageChannel::new().ok();
        if let Some(channel) = &wake {
            let on_wake = Closure::<dyn FnMut(MessageEvent)>::new(|_: MessageEvent| pump());
            channel.port1().set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
            on_wake.forget();
        }
        let handler = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
        scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        handler.forget();
        STATE.with(|cell| *cell.borrow_mut() = Some(State { engine: Engine::new(), scope: scope.clone(), wake, pumping: false }));
        post(&scope, &Response::Ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
