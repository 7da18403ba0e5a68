//! The worker's state machine, independent of the browser: it takes [`Request`]s, runs one
//! heavy job at a time step by step, and keeps the last results that trace windows and probes
//! read.
//!
//! The worker's JavaScript glue only moves bytes: it decodes a request, hands it to
//! [`Engine::handle`], posts the responses, and while [`Engine::busy`] calls [`Engine::step`]
//! for a few milliseconds at a time, returning to the event loop in between so that a newer
//! request (which supersedes the running job) or a cancel is seen between two steps.
//!
//! A read (a trace window, a probe) of the job that is still running waits for it: it is
//! answered right after that job's `Done` (or `Failed` when the job ends otherwise), so the
//! page may post a job and a read of it back to back.
//!
//! To add a heavy job: a [`Job`] variant, a [`Running`] variant made in [`Running::start`] and
//! its task in [`Running::task`]; what it keeps for later reads (if anything) in
//! [`Engine::keep`].

use crate::bench::BenchTask;
use crate::mnist::{MnistEvalTask, MnistLab, MnistTrainTask};
use crate::protocol::{Job, JobId, Outcome, Request, Response};
use crate::quantize::{QuantizeData, QuantizeTask, KEPT_PASTES, PASTE_NOT_KEPT};
use crate::ranking::RankingTask;
use crate::signal::{SignalData, SignalTask};
use crate::tensor::TensorTask;
use crate::task::{progress_of, Clock, Step, Task};

/// A heavy job in progress.
#[derive(Debug)]
enum Running {
    Signal(Box<SignalTask>),
    Quantize(Box<QuantizeTask>),
    Bench(Box<BenchTask>),
    MnistEval(Box<MnistEvalTask>),
    MnistTrain(Box<MnistTrainTask>),
    Ranking(Box<RankingTask>),
    Tensor(Box<TensorTask>),
}

impl Running {
    /// The task of a heavy job (the MNIST lab's read the lab's weights and digits); any other
    /// job is given back.
    fn start(job: Job, mnist: Option<&MnistLab>) -> Result<Running, Box<Job>> {
        match job {
            Job::Signal(j) => Ok(Running::Signal(Box::new(SignalTask::new(j)))),
            Job::Quantize(j) => Ok(Running::Quantize(Box::new(QuantizeTask::new(j)))),
            Job::Bench(j) => Ok(Running::Bench(Box::new(BenchTask::new(j)))),
            Job::MnistEval(j) => Ok(Running::MnistEval(Box::new(MnistEvalTask::new(mnist, j)))),
            Job::MnistTrain(j) => Ok(Running::MnistTrain(Box::new(MnistTrainTask::new(mnist, j)))),
            Job::Ranking(j) => Ok(Running::Ranking(Box::new(RankingTask::new(j)))),
            Job::Tensor(j) => Ok(Running::Tensor(Box::new(TensorTask::new(j)))),
            other => Err(Box::new(other)),
        }
    }

    fn task(&mut self) -> &mut dyn Task {
        match self {
            Running::Signal(t) => t.as_mut(),
            Running::Quantize(t) => t.as_mut(),
            Running::Bench(t) => t.as_mut(),
            Running::MnistEval(t) => t.as_mut(),
            Running::MnistTrain(t) => t.as_mut(),
            Running::Ranking(t) => t.as_mut(),
            Running::Tensor(t) => t.as_mut(),
        }
    }
}

/// The worker's state.
#[derive(Debug, Default)]
pub struct Engine {
    current: Option<(JobId, Running)>,
    /// Reads of the running job, answered when it ends.
    waiting: Vec<(JobId, Job)>,
    last_signal: Option<(JobId, SignalData)>,
    last_quantize: Option<(JobId, QuantizeData)>,
    /// The numbers of the last pastes read with `keep_over` (newest last, at most
    /// [`KEPT_PASTES`]), by the reading job's id.
    pastes: Vec<(JobId, std::sync::Arc<[f32]>)>,
    mnist: Option<MnistLab>,
}

/// The job a read job reads from (None: not a read).
fn read_target(job: &Job) -> Option<JobId> {
    match job {
        Job::Trace(t) => Some(t.quantize),
        Job::Probe(p) => Some(p.signal),
        _ => None,
    }
}

impl Engine {
    /// A worker with nothing running and nothing kept.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Whether a heavy job is running (call [`Engine::step`]).
    pub fn busy(&self) -> bool {
        self.current.is_some()
    }

    /// The id of the running job.
    pub fn running(&self) -> Option<JobId> {
        self.current.as_ref().map(|(id, _)| *id)
    }

    /// Takes a request; returns what to post at once. A heavy job supersedes the running one
    /// (which is answered `Cancelled`); trace windows and probes are answered at once, or
    /// when the job they read ends if it is the running one.
    pub fn handle(&mut self, request: Request) -> Vec<Response> {
        match request {
            Request::Cancel { id } => match &self.current {
                Some((running, _)) if *running == id => self.stop(vec![Response::Cancelled { id }], "was cancelled"),
                _ => Vec::new(),
            },
            Request::Run { id, job: Job::QuantizePasted(j) } => match self.pastes.iter().find(|(p, _)| *p == j.paste) {
                // The kept numbers are shared with the task, not copied.
                Some((_, values)) => {
                    let task = Running::Quantize(Box::new(QuantizeTask::of_kept(j.job, values.clone())));
                    self.begin(id, task)
                }
                None => vec![Response::Failed {
                    id: Some(id),
                    message: format!("{PASTE_NOT_KEPT} (paste {}: the worker restarted, or newer pastes replaced it)", j.paste),
                }],
            },
            Request::Run { id, job } => match Running::start(job, self.mnist.as_ref()) {
                Ok(task) => self.begin(id, task),
                Err(read) if read_target(&read).is_some() && read_target(&read) == self.running() => {
                    self.waiting.push((id, *read));
                    Vec::new()
                }
                Err(read) => vec![self.read(id, *read)],
            },
        }
    }

    /// Starts a heavy job's task, superseding the running one (answered `Cancelled`).
    fn begin(&mut self, id: JobId, task: Running) -> Vec<Response> {
        let out = match &self.current {
            Some((old, _)) => self.stop(vec![Response::Cancelled { id: *old }], "was superseded"),
            None => Vec::new(),
        };
        self.current = Some((id, task));
        out
    }

    /// Ends the running job: `out`, then a failure for each read waiting for it.
    fn stop(&mut self, mut out: Vec<Response>, why: &str) -> Vec<Response> {
        if let Some((id, _)) = self.current.take() {
            for (read, _) in std::mem::take(&mut self.waiting) {
                out.push(Response::Failed { id: Some(read), message: format!("job {id} {why} before it could be read") });
            }
        }
        out
    }

    /// Answers a job that is not heavy at once: a read of the kept results, or one of the
    /// MNIST lab's quick jobs.
    fn read(&mut self, id: JobId, job: Job) -> Response {
        match job {
            Job::MnistLoad(j) => match MnistLab::load(Some(&mut self.mnist), j) {
                Ok(loaded) => Response::Done { id, outcome: Outcome::MnistLoaded(loaded) },
                Err(message) => Response::Failed { id: Some(id), message },
            },
            Job::MnistDigit(j) => match self.mnist.as_ref().map(|lab| lab.digit(&j)) {
                Some(Ok(d)) => Response::Done { id, outcome: Outcome::MnistDigit(d) },
                Some(Err(message)) => Response::Failed { id: Some(id), message },
                None => Response::Failed { id: Some(id), message: "the MNIST lab has no weights and digits yet".into() },
            },
            Job::MnistHistogram(j) => match self.mnist.as_ref().map(|lab| lab.histograms(&j)) {
                Some(Ok(h)) => Response::Done { id, outcome: Outcome::MnistHistograms(h) },
                Some(Err(message)) => Response::Failed { id: Some(id), message },
                None => Response::Failed { id: Some(id), message: "the MNIST lab has no weights and digits yet".into() },
            },
            Job::ReadPaste(p) => {
                let (outcome, keep) = crate::paste::read_paste_job(&p);
                if let Some(values) = keep {
                    self.pastes.push((id, values.into()));
                    let evict = self.pastes.len().saturating_sub(KEPT_PASTES);
                    self.pastes.drain(..evict);
                }
                Response::Done { id, outcome: Outcome::Pasted(outcome) }
            }
            Job::Trace(t) => match &self.last_quantize {
                Some((qid, data)) if *qid == t.quantize => {
                    Response::Done { id, outcome: Outcome::Trace(data.trace(t.quantize, t.start, t.len)) }
                }
                _ => Response::Failed { id: Some(id), message: format!("the quantize job {} is no longer held by the worker", t.quantize) },
            },
            Job::Probe(p) => match &self.last_signal {
                Some((sid, data)) if *sid == p.signal => match data.probe(p.signal, p.index) {
                    Some(o) => Response::Done { id, outcome: Outcome::Probe(o) },
                    None => Response::Failed { id: Some(id), message: format!("sample {} is past the end of the signal", p.index) },
                },
                _ => Response::Failed { id: Some(id), message: format!("the signal job {} is no longer held by the worker", p.signal) },
            },
            _ => Response::Failed { id: Some(id), message: "not a job the worker can run".into() },
        }
    }

    /// Keeps what a finished job's later reads need.
    fn keep(&mut self, id: JobId, finished: Running) {
        match finished {
            Running::Signal(mut t) => self.last_signal = Some((id, t.take_data())),
            Running::Quantize(mut t) => self.last_quantize = t.take_data().map(|d| (id, d)),
            Running::MnistTrain(mut t) => {
                if let (Some(lab), Some(model)) = (self.mnist.as_mut(), t.take_model()) {
                    lab.set_model(model, format!("trained in the browser ({})", t.scheme_name()));
                }
            }
            Running::Bench(_) | Running::MnistEval(_) | Running::Ranking(_) | Running::Tensor(_) => {}
        }
    }

    /// Decodes and handles one message; a malformed one is answered `Failed` with no id.
    pub fn handle_bytes(&mut self, bytes: &[u8]) -> Vec<Response> {
        match crate::protocol::decode_request(bytes) {
            Ok(request) => self.handle(request),
            Err(message) => vec![Response::Failed { id: None, message }],
        }
    }

    /// Runs one step of the running job: its progress, or its end (`Done` / `Failed`, then
    /// the answers to the reads that waited for it). Empty when nothing runs.
    pub fn step(&mut self, clock: &mut dyn Clock) -> Vec<Response> {
        let Some((id, running)) = self.current.as_mut() else { return Vec::new() };
        let id = *id;
        match running.task().step(clock) {
            Ok(Step::Continue) => vec![Response::Progress(progress_of(id, running.task()))],
            Ok(Step::Done(outcome)) => {
                if let Some((_, finished)) = self.current.take() {
                    self.keep(id, finished);
                }
                let mut out = vec![Response::Done { id, outcome }];
                for (read, job) in std::mem::take(&mut self.waiting) {
                    out.push(self.read(read, job));
                }
                out
            }
            Err(message) => self.stop(vec![Response::Failed { id: Some(id), message }], "failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::BenchJob;
    use crate::protocol::{decode_response, encode, Progress};
    use crate::quantize::{QuantizeJob, RunOptions, TraceJob};
    use crate::signal::{ProbeJob, SchemeRun, SignalInput, SignalJob};
    use crate::task::no_clock;

    fn signal(samples: usize) -> Job {
        Job::Signal(SignalJob {
            signal: SignalInput { wave: "sine".into(), amplitude: 1.0, periods: 2.0, samples, seed: 0 },
            schemes: ["nf4", "fp4_bnb", "mxfp4"].map(|id| SchemeRun { id: id.into(), options: RunOptions::default() }).to_vec(),
            columns: 600,
        })
    }

    fn drain(engine: &mut Engine) -> Vec<Response> {
        let mut out = Vec::new();
        while engine.busy() {
            out.extend(engine.step(&mut no_clock()));
        }
        out
    }

    #[test]
    fn a_job_reports_progress_then_its_outcome() {
        let mut e = Engine::new();
        assert!(e.handle(Request::Run { id: 1, job: signal(4096) }).is_empty());
        assert!(e.busy());
        let out = drain(&mut e);
        assert_eq!(out.len(), 4);
        assert!(matches!(&out[0], Response::Progress(Progress { id: 1, done: 1, total: 4, .. })));
        assert!(matches!(&out[3], Response::Done { id: 1, outcome: Outcome::Signal(_) }));
        assert!(!e.busy());
        // Probes read the kept samples.
        let out = e.handle(Request::Run { id: 2, job: Job::Probe(ProbeJob { signal: 1, index: 100 }) });
        assert!(matches!(&out[..], [Response::Done { id: 2, outcome: Outcome::Probe(p) }] if p.values.len() == 3));
        let out = e.handle(Request::Run { id: 3, job: Job::Probe(ProbeJob { signal: 9, index: 100 }) });
        assert!(matches!(&out[..], [Response::Failed { id: Some(3), .. }]));
    }

    #[test]
    fn a_new_job_supersedes_the_running_one() {
        let mut e = Engine::new();
        e.handle(Request::Run { id: 1, job: signal(4096) });
        e.step(&mut no_clock());
        let out = e.handle(Request::Run { id: 2, job: signal(256) });
        assert_eq!(out, vec![Response::Cancelled { id: 1 }]);
        let out = drain(&mut e);
        assert!(out.iter().all(|r| !matches!(r, Response::Done { id: 1, .. } | Response::Progress(Progress { id: 1, .. }))));
        assert!(matches!(out.last(), Some(Response::Done { id: 2, .. })));
        // A cancel of a finished or unknown job does nothing; of the running one, stops it.
        assert!(e.handle(Request::Cancel { id: 2 }).is_empty());
        e.handle(Request::Run { id: 3, job: Job::Bench(BenchJob { n: 1024 }) });
        assert_eq!(e.handle(Request::Cancel { id: 3 }), vec![Response::Cancelled { id: 3 }]);
        assert!(e.step(&mut no_clock()).is_empty());
    }

    #[test]
    fn trace_windows_of_the_last_quantize_job() {
        let mut e = Engine::new();
        let values: Vec<f32> = (0..10_000).map(|i| (i as f32 * 0.37).sin()).collect();
        e.handle(Request::Run { id: 5, job: Job::Quantize(QuantizeJob { scheme: "nf4".into(), values, options: RunOptions::default(), list_max: None }) });
        let out = drain(&mut e);
        assert!(matches!(out.last(), Some(Response::Done { id: 5, outcome: Outcome::Quantize(q) }) if q.codes.len() == 10_000));
        let out = e.handle(Request::Run { id: 6, job: Job::Trace(TraceJob { quantize: 5, start: 9_990, len: 50 }) });
        let [Response::Done { outcome: Outcome::Trace(t), .. }] = &out[..] else { panic!("{out:?}") };
        assert_eq!((t.start, t.rows.len(), t.rows[0].index, t.rows[0].group), (9_990, 10, 9_990, 9_990 / 64));
    }

    #[test]
    fn a_read_of_the_running_job_waits_for_it() {
        let mut e = Engine::new();
        let values: Vec<f32> = (0..10_000).map(|i| (i as f32 * 0.37).sin()).collect();
        let quantize = |values: Vec<f32>| Job::Quantize(QuantizeJob { scheme: "nf4".into(), values, options: RunOptions::default(), list_max: None });
        e.handle(Request::Run { id: 1, job: quantize(values.clone()) });
        assert!(e.handle(Request::Run { id: 2, job: Job::Trace(TraceJob { quantize: 1, start: 0, len: 5 }) }).is_empty());
        let out = drain(&mut e);
        let n = out.len();
        assert!(matches!(&out[n - 2], Response::Done { id: 1, outcome: Outcome::Quantize(_) }), "{out:?}");
        assert!(matches!(&out[n - 1], Response::Done { id: 2, outcome: Outcome::Trace(t) } if t.rows.len() == 5));
        // Superseded before it ends: the waiting read fails, with a reason.
        e.handle(Request::Run { id: 3, job: quantize(values.clone()) });
        e.handle(Request::Run { id: 4, job: Job::Probe(ProbeJob { signal: 3, index: 0 }) });
        let out = e.handle(Request::Run { id: 5, job: quantize(values) });
        assert!(matches!(&out[..], [Response::Cancelled { id: 3 }, Response::Failed { id: Some(4), .. }]), "{out:?}");
        assert!(matches!(drain(&mut e).last(), Some(Response::Done { id: 5, .. })));
    }

    #[test]
    fn a_long_paste_is_read_at_once_without_disturbing_the_running_job() {
        use crate::paste::{read_pasted, PasteJob, PasteOutcome};
        let mut e = Engine::new();
        e.handle(Request::Run { id: 1, job: signal(4096) });
        for text in ["0,5; 1,25; -2,1e-3", "1 2 x3", "[1.5, 2.5]"] {
            let out = e.handle(Request::Run { id: 2, job: Job::ReadPaste(PasteJob { text: text.into(), keep_over: None }) });
            assert_eq!(out, vec![Response::Done { id: 2, outcome: Outcome::Pasted(PasteOutcome { read: read_pasted(text), bytes: text.len(), kept: None }) }], "{text}");
        }
        assert_eq!(e.running(), Some(1), "the signal job still runs");
    }

    #[test]
    fn a_long_paste_kept_in_the_worker_is_quantized_by_its_id() {
        use crate::paste::{read_pasted, PasteJob, PasteOutcome};
        use crate::quantize::{quantize, QuantizePastedJob};
        let text: String = (0..3000).map(|i| format!("{} ", (i % 37) as f32 / 8.0 - 2.0)).collect();
        let values = read_pasted(&text).unwrap().values;
        let mut e = Engine::new();
        let read = |e: &mut Engine, id, keep_over| e.handle(Request::Run { id, job: Job::ReadPaste(PasteJob { text: text.clone(), keep_over }) });
        // At most keep_over numbers: they come back, nothing is kept.
        let out = read(&mut e, 1, Some(3000));
        assert!(matches!(&out[..], [Response::Done { outcome: Outcome::Pasted(PasteOutcome { read: Ok(p), kept: None, .. }), .. }] if p.values == values), "{out:?}");
        // More: kept, only the count and the notes come back.
        let out = read(&mut e, 2, Some(100));
        let [Response::Done { outcome: Outcome::Pasted(o), .. }] = &out[..] else { panic!("{out:?}") };
        assert_eq!((o.kept, o.count(), o.read.as_ref().map(|p| p.values.len())), (Some(3000), Some(3000), Ok(0)));
        // A quantize job naming the paste quantizes the kept numbers, as if they were sent.
        let job = QuantizeJob { scheme: "nf4".into(), values: Vec::new(), options: RunOptions::default(), list_max: Some(10) };
        e.handle(Request::Run { id: 3, job: Job::QuantizePasted(QuantizePastedJob { paste: 2, job: job.clone() }) });
        let Some(Response::Done { id: 3, outcome: Outcome::Quantize(q) }) = drain(&mut e).pop() else { panic!() };
        assert_eq!(*q, quantize(&QuantizeJob { values: values.clone(), ..job.clone() }).unwrap());
        // Trace windows read it as any quantize job's.
        let out = e.handle(Request::Run { id: 4, job: Job::Trace(TraceJob { quantize: 3, start: 2990, len: 20 }) });
        assert!(matches!(&out[..], [Response::Done { outcome: Outcome::Trace(t), .. }] if t.rows.len() == 10));
        // Newer pastes evict the oldest: its id fails with the message the page looks for.
        read(&mut e, 5, Some(100));
        read(&mut e, 6, Some(100));
        let out = e.handle(Request::Run { id: 7, job: Job::QuantizePasted(QuantizePastedJob { paste: 2, job: job.clone() }) });
        assert!(matches!(&out[..], [Response::Failed { id: Some(7), message }] if message.starts_with(PASTE_NOT_KEPT)), "{out:?}");
        assert!(!e.busy());
        e.handle(Request::Run { id: 8, job: Job::QuantizePasted(QuantizePastedJob { paste: 5, job }) });
        assert!(matches!(drain(&mut e).pop(), Some(Response::Done { id: 8, .. })));
        // A refused text keeps nothing.
        let out = e.handle(Request::Run { id: 9, job: Job::ReadPaste(PasteJob { text: "1 2 x3".into(), keep_over: Some(0) }) });
        assert!(matches!(&out[..], [Response::Done { outcome: Outcome::Pasted(PasteOutcome { read: Err(_), kept: None, .. }), .. }]));
    }

    #[test]
    fn the_mnist_lab_loads_scores_trains_and_keeps_the_trained_weights() {
        use crate::mnist::{DigitSource, MnistDigitJob, MnistEvalJob, MnistLoadJob, MnistTrainJob, TrainStart};
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../lowbit-mnist/data/");
        let weights = std::fs::read(format!("{dir}seed0-fp32.safetensors")).unwrap();
        let data = std::fs::read(format!("{dir}mnist-10k.safetensors")).unwrap();
        let mut e = Engine::new();
        // Nothing loaded: every lab job says so.
        let digit = Job::MnistDigit(MnistDigitJob { source: DigitSource::Test(0) });
        assert!(matches!(&e.handle(Request::Run { id: 1, job: digit.clone() })[..], [Response::Failed { id: Some(1), .. }]));
        let load = MnistLoadJob { weights: Some(weights), data: Some(data), weights_name: "seed 0".into(), data_name: "mnist".into() };
        let out = e.handle(Request::Run { id: 2, job: Job::MnistLoad(load) });
        assert!(matches!(&out[..], [Response::Done { id: 2, outcome: Outcome::MnistLoaded(l) }] if l.test_digits == 2000));
        e.handle(Request::Run { id: 3, job: Job::MnistEval(MnistEvalJob { mixed: Vec::new() }) });
        let Some(Response::Done { outcome: Outcome::MnistTable(before), .. }) = drain(&mut e).pop() else { panic!() };
        assert_eq!(before.rows.len(), 14);
        // A training run; a digit asked for meanwhile is answered at once.
        let train = MnistTrainJob { seed: 1, epochs: 1, lr: 0.01, momentum: 0.5, batch: 64, qat: None, start: TrainStart::Scratch };
        e.handle(Request::Run { id: 4, job: Job::MnistTrain(train.clone()) });
        e.step(&mut no_clock());
        assert!(matches!(&e.handle(Request::Run { id: 5, job: digit })[..], [Response::Done { id: 5, outcome: Outcome::MnistDigit(_) }]));
        assert!(e.busy());
        // Cancelled: the weights stay.
        assert_eq!(e.handle(Request::Cancel { id: 4 }), vec![Response::Cancelled { id: 4 }]);
        e.handle(Request::Run { id: 6, job: Job::MnistEval(MnistEvalJob { mixed: Vec::new() }) });
        let Some(Response::Done { outcome: Outcome::MnistTable(same), .. }) = drain(&mut e).pop() else { panic!() };
        assert_eq!(same.rows, before.rows);
        // Finished: the table is the new weights'.
        e.handle(Request::Run { id: 7, job: Job::MnistTrain(train) });
        let out = drain(&mut e);
        assert!(matches!(out.last(), Some(Response::Done { id: 7, outcome: Outcome::MnistTrained(t) }) if t.epochs.len() == 1));
        e.handle(Request::Run { id: 8, job: Job::MnistEval(MnistEvalJob { mixed: Vec::new() }) });
        let Some(Response::Done { outcome: Outcome::MnistTable(after), .. }) = drain(&mut e).pop() else { panic!() };
        assert_ne!(after.rows, before.rows);
        assert!(after.weights_name.contains("trained"), "{}", after.weights_name);
    }

    #[test]
    fn failures_and_bad_messages_are_answered_not_panicked() {
        let mut e = Engine::new();
        assert!(matches!(&e.handle_bytes(&[1, 2, 3, 250, 250])[..], [Response::Failed { id: None, .. }]));
        assert!(matches!(&e.handle_bytes(&[])[..], [Response::Failed { id: None, .. }]));
        // A huge announced length is refused, not allocated.
        let mut huge = encode(&Request::Run { id: 1, job: Job::Bench(BenchJob { n: 1 }) }).unwrap();
        huge.extend([0xFF; 16]);
        let _ = e.handle_bytes(&huge);
        e.handle(Request::Run { id: 7, job: Job::Bench(BenchJob { n: 0 }) });
        assert!(matches!(&e.step(&mut no_clock())[..], [Response::Failed { id: Some(7), .. }]));
        assert!(!e.busy());
    }

    #[test]
    fn messages_round_trip_through_the_wire_format() {
        let request = Request::Run { id: 42, job: signal(1 << 20) };
        let bytes = encode(&request).unwrap();
        assert_eq!(crate::protocol::decode_request(&bytes), Ok(request));
        let values: Vec<f32> = (0..1 << 20).map(|i| i as f32).collect();
        let big = Request::Run { id: 1, job: Job::Quantize(QuantizeJob { scheme: "nf4".into(), values, options: RunOptions::default(), list_max: None }) };
        let bytes = encode(&big).unwrap();
        assert!(bytes.len() < (4 << 20) + 64, "f32 arrays cost 4 bytes a value: {}", bytes.len());
        assert_eq!(crate::protocol::decode_request(&bytes), Ok(big));
        let mut e = Engine::new();
        e.handle(Request::Run { id: 3, job: signal(300_000) });
        for r in drain(&mut e) {
            assert_eq!(decode_response(&encode(&r).unwrap()), Ok(r));
        }
    }
}
