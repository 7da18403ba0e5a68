//! The view's line to its compute worker: the MNIST lab (weights, digits, every scheme's
//! network) lives in a worker of its own (the same `lowbit-worker` binary, a separate
//! instance), so a training run never queues behind another view's jobs and the lab's memory
//! is freed with it. This file fetches the data files, reads dropped files, sends jobs and
//! routes every answer to [`MnistModel::receive`]. In a native (ssr) build there is no worker:
//! nothing is sent.

use lowbit_jobs::protocol::{Job, JobId};

use super::view::MnistModel;

/// The jobs of the view, by slot: a newer job of a slot supersedes the older one's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Loading weights and digits.
    Load,
    /// The accuracy/size table.
    Eval,
    /// The digit browser.
    Sample,
    /// The drawing's live predictions.
    Draw,
    /// The histograms.
    Histogram,
    /// A training run.
    Train,
}

impl Slot {
    /// Every slot.
    pub const ALL: [Slot; 6] = [Slot::Load, Slot::Eval, Slot::Sample, Slot::Draw, Slot::Histogram, Slot::Train];

    /// The slot's name in [`lowbit_worker::Slots`]-style bookkeeping.
    pub fn name(self) -> &'static str {
        match self {
            Slot::Load => "mnist-load",
            Slot::Eval => "mnist-eval",
            Slot::Sample => "mnist-sample",
            Slot::Draw => "mnist-draw",
            Slot::Histogram => "mnist-histogram",
            Slot::Train => "mnist-train",
        }
    }

    /// The slot named `name`.
    pub fn from_name(name: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.name() == name)
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::cell::RefCell;

    use js_sys::Uint8Array;
    use lowbit_jobs::protocol::{Envelope, Job, JobId, Request};
    use lowbit_worker::{Slots, WorkerClient};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::{MnistModel, Slot};

    struct Line {
        client: WorkerClient,
        slots: Slots,
        sent_at: Vec<(JobId, f64)>,
    }

    thread_local! {
        static LINE: RefCell<Option<Line>> = const { RefCell::new(None) };
    }

    fn with_line<R>(model: MnistModel, f: impl FnOnce(&mut Line) -> R) -> R {
        LINE.with(|cell| {
            let mut guard = cell.borrow_mut();
            let line = guard.get_or_insert_with(|| Line {
                client: WorkerClient::new(move |response| on_response(model, response)),
                slots: Slots::new(),
                sent_at: Vec::new(),
            });
            f(line)
        })
    }

    fn on_response(model: MnistModel, response: Envelope) {
        let id = match &response {
            Envelope::Progress(p) => Some(p.id),
            Envelope::Done { id, .. } | Envelope::Cancelled { id } => Some(*id),
            Envelope::Failed { id, .. } => *id,
            Envelope::Ready => None,
        };
        let (slot, elapsed) = LINE.with(|cell| {
            let mut guard = cell.borrow_mut();
            let Some(line) = guard.as_mut() else { return (None, None) };
            let slot = id.and_then(|id| line.slots.owner(id)).and_then(Slot::from_name);
            let finished = !matches!(response, Envelope::Progress(_));
            let elapsed = id.and_then(|id| line.sent_at.iter().find(|(j, _)| *j == id)).map(|(_, t)| crate::perf::now() - t);
            if finished {
                line.sent_at.retain(|(j, _)| Some(*j) != id);
            }
            (slot, elapsed)
        });
        match (id, slot) {
            // A failure without an id: the worker itself stopped; every waiting slot hears it.
            (None, _) => model.receive(None, response, elapsed),
            (Some(_), Some(slot)) => model.receive(Some(slot), response, elapsed),
            // Superseded: ignored.
            (Some(_), None) => {}
        }
    }

    /// Sends `job` as the slot's newest job.
    pub fn send(model: MnistModel, slot: Slot, job: Job) -> JobId {
        with_line(model, |line| {
            let id = line.slots.start(slot.name());
            line.sent_at.push((id, crate::perf::now()));
            line.client.send(&Request::Run { id, job });
            id
        })
    }

    /// Cancels the slot's current job.
    pub fn cancel(model: MnistModel, slot: Slot) {
        with_line(model, |line| {
            if let Some(id) = line.slots.current(slot.name()) {
                line.client.send(&Request::Cancel { id });
            }
        })
    }

    /// The bytes at `url` (relative to the page); the error names the URL and the HTTP status.
    pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
        let window = web_sys::window().ok_or("no window")?;
        let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| format!("cannot fetch {url}: {}", describe(&e)))?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{url}: not a response"))?;
        if !response.ok() {
            return Err(format!("cannot fetch {url}: HTTP {}", response.status()));
        }
        let buffer = JsFuture::from(response.array_buffer().map_err(|e| describe(&e))?).await.map_err(|e| format!("{url}: {}", describe(&e)))?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    /// The bytes of a file the visitor dropped or chose (read in the page).
    pub async fn file_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
        let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| format!("cannot read {}: {}", file.name(), describe(&e)))?;
        Ok(Uint8Array::new(&buffer).to_vec())
    }

    fn describe(value: &wasm_bindgen::JsValue) -> String {
        value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| "unknown error".into())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{fetch_bytes, file_bytes};

/// Sends `job` as the slot's newest job; returns its id (0 without a worker: native builds).
pub fn send(model: MnistModel, slot: Slot, job: Job) -> JobId {
    #[cfg(target_arch = "wasm32")]
    {
        browser::send(model, slot, job)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (model, slot, job);
        0
    }
}

/// Cancels the slot's running job.
pub fn cancel(model: MnistModel, slot: Slot) {
    #[cfg(target_arch = "wasm32")]
    browser::cancel(model, slot);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (model, slot);
}

