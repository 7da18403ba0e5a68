//! The page's side of the compute worker: one [`WorkerClient`] for the whole page, started on
//! the first job, and the routing of its responses to the view that asked.
//!
//! Each view is a slot (`"signal"`, `"quantize"`, `"bench"`). [`run`] gives the job a fresh id
//! that supersedes the slot's previous job ([`Slots`]) and remembers the view's handler; a
//! response reaches a handler only if it is about the slot's current job, so a superseded
//! job's progress or result never shows. When the worker itself fails (a trap, a script that
//! cannot load), every job in flight is told with [`JobEvent::Failed`]; the client has
//! terminated that worker, and the next [`run`] starts a fresh one.
//!
//! A job is sent as its body ([`JobBody`]: `SignalJob`, `BenchJob`…), so the page links the
//! encoders of the jobs it sends only.
//!
//! Where a job runs at all (main thread or worker) is `lowbit_jobs::placement`'s rule; this
//! module is only reached for the worker's jobs.

use std::cell::RefCell;
use std::rc::Rc;

use lowbit_jobs::protocol::{JobBody, JobId, Progress};
use lowbit_worker::{Envelope as Response, Slots};
#[cfg(target_arch = "wasm32")]
use lowbit_worker::WorkerClient;

/// The worker's page-side client (in a browser); natively (the views rendered by Leptos' ssr
/// renderer in tests) there is no worker, and every job fails with a sentence saying so.
#[cfg(target_arch = "wasm32")]
type Client = WorkerClient;
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
struct Client;

#[cfg(not(target_arch = "wasm32"))]
impl Client {
    fn new(listener: impl Fn(Response) + 'static) -> Client {
        let _ = listener;
        Client
    }

    fn send_run<J: JobBody>(&self, id: JobId, _body: &J) {
        on_response(Response::Failed { id: Some(id), message: "the compute worker runs only in a browser".into() });
    }

    fn send_cancel(&self, _id: JobId) {}

    fn send_run_with_bytes<J: JobBody>(&self, id: JobId, _body: &J, _bytes: &js_sys::ArrayBuffer) {
        on_response(Response::Failed { id: Some(id), message: "the compute worker runs only in a browser".into() });
    }

    fn send_read_paste(&self, id: JobId, _text: &js_sys::JsString, _keep_over: Option<usize>) {
        on_response(Response::Failed { id: Some(id), message: "the compute worker runs only in a browser".into() });
    }
}

/// What a view hears about its current job.
#[derive(Clone, Debug, PartialEq)]
pub enum JobEvent {
    /// It made progress.
    Progress(Progress),
    /// It finished: its result, still encoded (the view decodes the one type it expects with
    /// `lowbit_jobs::protocol::decode_outcome_as`, so the page links only the decoders of the
    /// results it shows).
    Done(Vec<u8>),
    /// It failed, or the worker failed: a sentence for the page.
    Failed(String),
}

type Handler = Rc<dyn Fn(JobEvent)>;

#[derive(Default)]
struct Router {
    client: Option<Client>,
    slots: Slots,
    /// The handler of each slot's current job, and whether that job is still in flight.
    handlers: Vec<(&'static str, JobId, Handler, bool)>,
}

thread_local! {
    static ROUTER: RefCell<Router> = RefCell::new(Router::default());
}

fn deliver(id: Option<JobId>, event: JobEvent) {
    // Handlers run outside the borrow: they update signals, whose effects may start jobs.
    let targets: Vec<Handler> = ROUTER.with(|r| {
        let mut r = r.borrow_mut();
        let ends = !matches!(event, JobEvent::Progress(_));
        let Router { slots, handlers, .. } = &mut *r;
        handlers
            .iter_mut()
            .filter(|(slot, job, _, in_flight)| match id {
                Some(id) => *job == id && slots.owner(id) == Some(*slot),
                // A failure without an id (the worker stopped): every job in flight.
                None => *in_flight,
            })
            .map(|entry| {
                if ends {
                    entry.3 = false;
                }
                entry.2.clone()
            })
            .collect()
    });
    for handler in targets {
        handler(event.clone());
    }
}

fn on_response(response: Response) {
    match response {
        Response::Ready => {}
        Response::Progress(p) => deliver(Some(p.id), JobEvent::Progress(p)),
        Response::Done { id, outcome } => deliver(Some(id), JobEvent::Done(outcome)),
        // Cancelled: superseded by a newer job (of this view or another); the view that
        // still wants a result asks again when it is shown.
        Response::Cancelled { id } => ROUTER.with(|r| {
            for entry in r.borrow_mut().handlers.iter_mut().filter(|e| e.1 == id) {
                entry.3 = false;
            }
        }),
        Response::Failed { id, message } => deliver(id, JobEvent::Failed(message)),
    }
}

/// Runs `job` in the worker for `slot`, superseding the slot's previous job; `on_event` hears
/// its progress and its end (never anything about an older job). Returns the job's id.
pub fn run<J: JobBody>(slot: &'static str, job: &J, on_event: impl Fn(JobEvent) + 'static) -> JobId {
    let (client, id) = start(slot, on_event);
    client.send_run(id, job);
    id
}

/// [`run`] for a job whose bytes travel beside it (a `lowbit_jobs::tensor::TensorJob` without
/// its bytes): `bytes` is transferred to the worker (detached here), never copied through the
/// page's WebAssembly memory. Returns the job's id.
pub fn run_with_bytes<J: JobBody>(slot: &'static str, job: &J, bytes: &js_sys::ArrayBuffer, on_event: impl Fn(JobEvent) + 'static) -> JobId {
    let (client, id) = start(slot, on_event);
    client.send_run_with_bytes(id, job, bytes);
    id
}

/// [`run`] for a `lowbit_jobs::paste::PasteJob` reading `text`, a JavaScript string the page
/// keeps as it is (the browser writes it into the message: a pasted million numbers never pass
/// through the page's WebAssembly memory); above `keep_over` numbers the worker keeps them
/// (`PasteJob::keep_over`). Returns the job's id.
pub fn read_paste(slot: &'static str, text: &js_sys::JsString, keep_over: Option<usize>, on_event: impl Fn(JobEvent) + 'static) -> JobId {
    let (client, id) = start(slot, on_event);
    client.send_read_paste(id, text, keep_over);
    id
}

/// A fresh job of `slot` (superseding the slot's previous one) that `on_event` hears about,
/// and the client to send it with.
fn start(slot: &'static str, on_event: impl Fn(JobEvent) + 'static) -> (Client, JobId) {
    ROUTER.with(|r| {
        let mut r = r.borrow_mut();
        let client = r.client.get_or_insert_with(|| Client::new(on_response)).clone();
        let id = r.slots.start(slot);
        r.handlers.retain(|(s, ..)| *s != slot);
        r.handlers.push((slot, id, Rc::new(on_event), true));
        (client, id)
    })
}

/// Reads from a finished (or running) job of the slot: a trace window, a probe. It does not
/// supersede the slot's job; `on_event` hears only the read's answer.
pub fn read<J: JobBody>(slot: &'static str, job: &J, on_event: impl Fn(JobEvent) + 'static) -> JobId {
    let reader: &'static str = match slot {
        "quantize" => "quantize-read",
        "signal" => "signal-read",
        _ => "read",
    };
    run(reader, job, on_event)
}

/// Abandons the slot's current job: the worker stops it, and nothing more about it shows.
pub fn cancel(slot: &'static str) {
    let pending = ROUTER.with(|r| {
        let mut r = r.borrow_mut();
        let id = r.slots.current(slot);
        r.slots.clear(slot);
        r.handlers.retain(|(s, ..)| *s != slot);
        id.zip(r.client.clone())
    });
    if let Some((id, client)) = pending {
        client.send_cancel(id);
    }
}

/// The slot's current job (None after [`cancel`]): a result that arrived for an older job,
/// kept to apply in a later task, checks it is still wanted.
pub fn current(slot: &str) -> Option<JobId> {
    ROUTER.with(|r| r.borrow().slots.current(slot))
}

/// Whether the slot has a job in the worker that has not ended.
pub fn in_flight(slot: &str) -> bool {
    ROUTER.with(|r| r.borrow().handlers.iter().any(|(s, _, _, f)| *s == slot && *f))
}

/// Where a view shows the state of its heavy job in the worker: a progress bar while it runs,
/// a sentence when it failed.
#[derive(Clone, Copy)]
pub struct JobStatus {
    /// The running job's progress (None: none running).
    pub progress: leptos::prelude::RwSignal<Option<Progress>>,
    /// Why the last job failed (the worker restarts for the next one).
    pub failure: leptos::prelude::RwSignal<Option<String>>,
}

impl JobStatus {
    /// The view computes on the main thread now: the slot's job in the worker is abandoned,
    /// and neither its progress nor a failure shows.
    pub fn stand_down(&self, slot: &'static str) {
        use leptos::prelude::Set;
        cancel(slot);
        self.progress.set(None);
        self.failure.set(None);
    }

    /// Runs `job` in the worker for `slot` (superseding the slot's job), showing a progress bar
    /// of `steps` steps from the start ("starting the compute worker"). Its result, decoded by
    /// `decode` (`lowbit_jobs::protocol::decode_outcome_as` with the type's tag), goes to
    /// `on_result` with the job's id; a result that does not decode, or a failed job, is shown
    /// as the failure. `perf_name` records the round trip (`data-perf-{perf_name}`).
    pub fn run<J: JobBody, T: 'static>(
        &self,
        slot: &'static str,
        job: &J,
        steps: u32,
        decode: fn(&[u8]) -> Result<T, String>,
        perf_name: &'static str,
        on_result: impl Fn(T, JobId) + 'static,
    ) -> JobId {
        use leptos::prelude::Set;
        let status = *self;
        let started = crate::perf::now();
        status.failure.set(None);
        status.progress.set(Some(Progress { id: 0, done: 0, total: steps, stage: lowbit_jobs::protocol::Stage::Starting, partial: None }));
        let id = Rc::new(std::cell::Cell::new(0));
        let job_id = id.clone();
        let fail = move |message: String| {
            status.progress.set(None);
            status.failure.set(Some(message));
        };
        let on_result = Rc::new(on_result);
        let run = run(slot, job, move |event| match event {
            JobEvent::Progress(p) => status.progress.set(Some(p)),
            JobEvent::Done(bytes) => match crate::perf::timed(&format!("{slot}-decode-ms"), || decode(&bytes)) {
                // Shown in a task of its own: decoding a large result and showing it are
                // two short tasks, not one long one; a job superseded meanwhile shows nothing.
                Ok(outcome) => {
                    let (id, on_result) = (job_id.get(), on_result.clone());
                    leptos::prelude::set_timeout(
                        move || {
                            if current(slot) == Some(id) {
                                status.progress.set(None);
                                crate::perf::timed(&format!("{slot}-show-ms"), || on_result(outcome, id));
                                crate::perf::record_after_update(perf_name, started);
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                }
                Err(message) => fail(message),
            },
            JobEvent::Failed(message) => fail(message),
        });
        id.set(run);
        run
    }
}
