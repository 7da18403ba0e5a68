//! The page's side of the compute worker (WebAssembly only).

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, JsString, Uint8Array};
use lowbit_jobs::paste::PasteJob;
use lowbit_jobs::protocol::{decode_envelope, encode, encode_cancel, encode_run, Envelope as Response, JobBody, JobId, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::WORKER_URL;

type Listener = Rc<dyn Fn(Response)>;

/// How long a started worker may take to say it is ready — its script and WebAssembly
/// (~260 KB gzip) fetched and compiled — before the page gives up on it. A worker whose
/// WebAssembly cannot load never says so itself: Trunk's loader shim leaves the rejected
/// promise unhandled, which is not reported to the page, so without this limit its jobs
/// would wait for ever.
pub const START_TIMEOUT_MS: i32 = 20_000;

struct Running {
    worker: Worker,
    /// Which start this is (a timer of an earlier worker must not stop a later one).
    generation: u32,
    ready: bool,
    /// The pending start timer: its handle (cleared on "ready") and its callback, kept alive.
    start_timer: Option<(i32, Closure<dyn FnMut()>)>,
    /// Messages posted before the worker was ready: (message, buffers to transfer).
    queue: Vec<(JsValue, Array)>,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Running {
    /// A worker dropped before its timer fired (terminated, failed, or timed out) clears the
    /// timer, whose callback is dropped with it.
    fn drop(&mut self) {
        if let Some((handle, _)) = self.start_timer.take() {
            clear_timeout(handle);
        }
    }
}

struct Inner {
    url: String,
    running: Option<Running>,
    /// How many workers have been started.
    starts: u32,
    listener: Listener,
}

/// A lazily started compute worker. Cloning gives another handle on the same worker.
#[derive(Clone)]
pub struct WorkerClient {
    inner: Rc<RefCell<Inner>>,
}

impl WorkerClient {
    /// A handle whose worker starts on the first [`WorkerClient::send`]; every response
    /// (progress, results, failures) goes to `listener`.
    pub fn new(listener: impl Fn(Response) + 'static) -> WorkerClient {
        WorkerClient::with_url(WORKER_URL, listener)
    }

    /// The same, with another script URL.
    pub fn with_url(url: &str, listener: impl Fn(Response) + 'static) -> WorkerClient {
        WorkerClient { inner: Rc::new(RefCell::new(Inner { url: url.to_string(), running: None, starts: 0, listener: Rc::new(listener) })) }
    }

    /// Whether a worker is running (started and not failed).
    pub fn started(&self) -> bool {
        self.inner.borrow().running.is_some()
    }

    /// Sends a request, starting the worker if needed; queued until the worker is ready.
    /// A failure to start or to post is reported to the listener as [`Response::Failed`].
    pub fn send(&self, request: &Request) {
        self.send_encoded(request_id(request), encode(request));
    }

    /// Sends `Request::Run { id, job }` for the job whose body is `body` (its encoder only is
    /// linked: see [`JobBody`]); otherwise as [`WorkerClient::send`].
    pub fn send_run<J: JobBody>(&self, id: JobId, body: &J) {
        self.send_encoded(Some(id), encode_run(id, body));
    }

    /// Sends `Request::Run` of a `PasteJob` reading `text`, a JavaScript string: posted as
    /// `[request, text]` (`lowbit_jobs::protocol::with_text`), the browser clones the string
    /// for the worker, so megabytes of pasted text never pass through the page's WebAssembly
    /// memory. `keep_over`: as `PasteJob::keep_over`.
    pub fn send_read_paste(&self, id: JobId, text: &JsString, keep_over: Option<usize>) {
        match encode_run(id, &PasteJob { text: String::new(), keep_over }) {
            Ok(head) => {
                let head = Uint8Array::from(&head[..]);
                let transfer = Array::of1(&head.buffer());
                self.send_message(Some(id), Array::of2(&head, text).into(), transfer);
            }
            Err(message) => self.report(Some(id), message),
        }
    }

    /// Sends `Request::Run { id, job }` for a job whose bytes travel beside it (a
    /// `TensorJob` without its bytes, `lowbit_jobs::protocol::with_bytes`): posted as
    /// `[request, bytes]` with `bytes` transferred, not copied — the page's buffer is detached,
    /// and the bytes never pass through the page's WebAssembly memory.
    pub fn send_run_with_bytes<J: JobBody>(&self, id: JobId, body: &J, bytes: &js_sys::ArrayBuffer) {
        match encode_run(id, body) {
            Ok(head) => {
                let head = Uint8Array::from(&head[..]);
                let transfer = Array::of2(&head.buffer(), bytes);
                self.send_message(Some(id), Array::of2(&head, bytes).into(), transfer);
            }
            Err(message) => self.report(Some(id), message),
        }
    }

    /// Sends `Request::Cancel { id }`; otherwise as [`WorkerClient::send`].
    pub fn send_cancel(&self, id: JobId) {
        self.send_encoded(Some(id), encode_cancel(id));
    }

    /// Sends an encoded request (`id`: its job, for a failure report).
    fn send_encoded(&self, id: Option<JobId>, bytes: Result<Vec<u8>, String>) {
        match bytes {
            Ok(b) => {
                let array = Uint8Array::from(&b[..]);
                let transfer = Array::of1(&array.buffer());
                self.send_message(id, array.into(), transfer)
            }
            Err(message) => self.report(id, message),
        }
    }

    /// Posts a message (an encoded request, or a request and its text), transferring the
    /// buffers in `transfer`.
    fn send_message(&self, id: Option<JobId>, message: JsValue, transfer: Array) {
        if self.inner.borrow().running.is_none() {
            if let Err(message) = self.start() {
                return self.report(id, message);
            }
        }
        let mut inner = self.inner.borrow_mut();
        let Some(running) = inner.running.as_mut() else { return };
        if running.ready {
            let result = post(&running.worker, &message, &transfer);
            drop(inner);
            if let Err(message) = result {
                self.report(id, message);
            }
        } else {
            running.queue.push((message, transfer));
        }
    }

    /// Stops the worker (a running job is abandoned); the next request starts a new one.
    pub fn terminate(&self) {
        if let Some(running) = self.inner.borrow_mut().running.take() {
            running.worker.terminate();
        }
    }

    fn report(&self, id: Option<JobId>, message: String) {
        let listener = self.inner.borrow().listener.clone();
        listener(Response::Failed { id, message });
    }

    fn start(&self) -> Result<(), String> {
        let url = self.inner.borrow().url.clone();
        let worker = Worker::new(&url).map_err(|e| format!("cannot start the compute worker ({url}): {}", describe(&e)))?;
        let weak = Rc::downgrade(&self.inner);
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(inner) = weak.upgrade() else { return };
            let response = match event.data().dyn_into::<Uint8Array>() {
                Ok(array) => decode_envelope(&array.to_vec()),
                Err(_) => Err("the compute worker sent a message that is not bytes".to_string()),
            };
            let response = response.unwrap_or_else(|message| Response::Failed { id: None, message });
            if response == Response::Ready {
                let mut guard = inner.borrow_mut();
                if let Some(running) = guard.running.as_mut() {
                    running.ready = true;
                    if let Some((handle, _)) = running.start_timer.take() {
                        clear_timeout(handle);
                    }
                    for (message, transfer) in std::mem::take(&mut running.queue) {
                        let _ = post(&running.worker, &message, &transfer);
                    }
                }
                return;
            }
            let listener = inner.borrow().listener.clone();
            listener(response);
        });
        let weak = Rc::downgrade(&self.inner);
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let Some(inner) = weak.upgrade() else { return };
            // The worker's WebAssembly trapped (out of memory, or an abort): it cannot go on.
            if let Some(running) = inner.borrow_mut().running.take() {
                running.worker.terminate();
            }
            let detail = event.message();
            let listener = inner.borrow().listener.clone();
            listener(Response::Failed {
                id: None,
                message: format!("the compute worker stopped ({}); it restarts for the next job", if detail.is_empty() { "no detail" } else { &detail }),
            });
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let generation = {
            let mut inner = self.inner.borrow_mut();
            inner.starts = inner.starts.wrapping_add(1);
            inner.starts
        };
        let weak = Rc::downgrade(&self.inner);
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            let Some(inner) = weak.upgrade() else { return };
            let stalled = {
                let mut guard = inner.borrow_mut();
                let stalled = guard.running.as_ref().is_some_and(|r| r.generation == generation && !r.ready);
                if stalled {
                    if let Some(running) = guard.running.take() {
                        running.worker.terminate();
                    }
                }
                stalled
            };
            if stalled {
                let listener = inner.borrow().listener.clone();
                let seconds = START_TIMEOUT_MS / 1000;
                listener(Response::Failed {
                    id: None,
                    message: format!("the compute worker did not start within {seconds} s (its WebAssembly could not be loaded); it restarts for the next job"),
                });
            }
        });
        let start_timer = set_timeout(&on_timeout, START_TIMEOUT_MS).map(|handle| (handle, on_timeout));
        self.inner.borrow_mut().running =
            Some(Running { worker, generation, ready: false, start_timer, queue: Vec::new(), _on_message: on_message, _on_error: on_error });
        Ok(())
    }
}

fn request_id(request: &Request) -> Option<JobId> {
    match request {
        Request::Run { id, .. } | Request::Cancel { id } => Some(*id),
    }
}

/// Posts a message, transferring its buffers (no copy on the receiving side).
fn post(worker: &Worker, message: &JsValue, transfer: &Array) -> Result<(), String> {
    worker.post_message_with_transfer(message, transfer).map_err(|e| format!("cannot reach the compute worker: {}", describe(&e)))
}

/// `setTimeout(callback, ms)` on the page (None where there is no window).
fn set_timeout(callback: &Closure<dyn FnMut()>, ms: i32) -> Option<i32> {
    web_sys::window()?.set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms).ok()
}

fn clear_timeout(handle: i32) {
    if let Some(window) = web_sys::window() {
        window.clear_timeout_with_handle(handle);
    }
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
