//! The messages between the page and the compute worker, and their wire format.
//!
//! The page sends [`Request`]s, the worker answers with [`Response`]s. Both travel as one
//! `Uint8Array` each (its buffer transferred, not copied): [`encode`] writes the compact
//! binary form (bincode, variable-length integers; `f32` arrays as 4 bytes a value), so a
//! million samples cost 4 MB and a few milliseconds, where a JavaScript array of numbers
//! would cost tens of MB and a structured clone of every element.
//!
//! Sequence: the worker posts [`Response::Ready`] once its WebAssembly is initialised (messages
//! posted before that would be lost, so the page queues them until then). Each job carries a
//! [`JobId`] chosen by the page, increasing. The worker runs one heavy job at a time: a new
//! [`Request::Run`] of a heavy job supersedes the running one (answered
//! [`Response::Cancelled`]); [`Request::Cancel`] stops a job. The page shows a
//! [`Response::Done`] only when its id is the latest the page asked for, so a stale result
//! never shows even when it crossed a newer request on the way.

use serde::{Deserialize, Serialize};

use crate::bench::{BenchJob, BenchOutcome};
use crate::mnist::{
    EpochLine, MnistDigit, MnistDigitJob, MnistEvalJob, MnistHistogramJob, MnistHistograms, MnistLoadJob, MnistLoaded,
    MnistTable, MnistTrainJob, MnistTrained,
};
use crate::quantize::{QuantizeJob, QuantizeOutcome, TraceJob, TraceOutcome};
use crate::signal::{ProbeJob, ProbeOutcome, SignalJob, SignalOutcome};

/// The page's number for a job (increasing; never reused while the page lives).
pub type JobId = u64;

/// The most bytes a message may decode from (a malformed length cannot allocate more).
pub const MAX_MESSAGE_BYTES: u64 = 512 << 20;

/// A job the worker can run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// A test signal quantized by several schemes (heavy).
    Signal(SignalJob),
    /// The page's numbers quantized by one scheme (heavy).
    Quantize(QuantizeJob),
    /// Trace rows of the last quantize job (answered at once).
    Trace(TraceJob),
    /// The values at one sample of the last signal job (answered at once).
    Probe(ProbeJob),
    /// The throughput bench (heavy).
    Bench(BenchJob),
    /// New weights and/or digits for the MNIST lab (answered at once).
    MnistLoad(MnistLoadJob),
    /// The MNIST accuracy/size table (heavy).
    MnistEval(MnistEvalJob),
    /// One digit (a test digit or a drawing) through every scheme (answered at once).
    MnistDigit(MnistDigitJob),
    /// Weight histograms with a scheme's stored values (answered at once).
    MnistHistogram(MnistHistogramJob),
    /// A training run (heavy); the trained weights replace the lab's.
    MnistTrain(MnistTrainJob),
}

impl Job {
    /// Whether the job runs in steps and supersedes the running one (trace and probe jobs read
    /// the last results and are answered at once, without disturbing a running job).
    pub fn is_heavy(&self) -> bool {
        matches!(self, Job::Signal(_) | Job::Quantize(_) | Job::Bench(_) | Job::MnistEval(_) | Job::MnistTrain(_))
    }
}

/// A message from the page to the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Run a job.
    Run {
        /// The page's id for it.
        id: JobId,
        /// The job.
        job: Job,
    },
    /// Stop the job with this id if it is still running.
    Cancel {
        /// The job's id.
        id: JobId,
    },
}

/// How far a job is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The job's id.
    pub id: JobId,
    /// Steps done.
    pub done: u32,
    /// Steps in all (at least 1).
    pub total: u32,
    /// What the next step does.
    pub label: String,
    /// Results so far, for jobs that report them while running.
    pub partial: Option<Partial>,
}

/// Results a job reports while it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Partial {
    /// The epochs of an MNIST training run finished so far.
    MnistEpochs(Vec<EpochLine>),
}

impl Progress {
    /// The fraction done, 0 to 1.
    pub fn fraction(&self) -> f64 {
        (self.done as f64 / self.total.max(1) as f64).clamp(0.0, 1.0)
    }
}

/// The result of a finished job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    /// Of a [`Job::Signal`].
    Signal(SignalOutcome),
    /// Of a [`Job::Quantize`].
    Quantize(Box<QuantizeOutcome>),
    /// Of a [`Job::Trace`].
    Trace(TraceOutcome),
    /// Of a [`Job::Probe`].
    Probe(ProbeOutcome),
    /// Of a [`Job::Bench`].
    Bench(BenchOutcome),
    /// Of a [`Job::MnistLoad`].
    MnistLoaded(MnistLoaded),
    /// Of a [`Job::MnistEval`].
    MnistTable(MnistTable),
    /// Of a [`Job::MnistDigit`].
    MnistDigit(MnistDigit),
    /// Of a [`Job::MnistHistogram`].
    MnistHistograms(MnistHistograms),
    /// Of a [`Job::MnistTrain`].
    MnistTrained(MnistTrained),
}

/// A message from the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Response {
    /// The worker is initialised and takes requests.
    Ready,
    /// A job made progress.
    Progress(Progress),
    /// A job finished.
    Done {
        /// The job's id.
        id: JobId,
        /// Its result.
        outcome: Outcome,
    },
    /// A job was cancelled or superseded; it sends nothing more.
    Cancelled {
        /// The job's id.
        id: JobId,
    },
    /// A job failed, or a message could not be read (then `id` is None). The page shows the
    /// message; the worker keeps taking requests.
    Failed {
        /// The job's id, when known.
        id: Option<JobId>,
        /// What went wrong, as a sentence.
        message: String,
    },
}

fn options() -> impl bincode::Options {
    use bincode::Options;
    bincode::DefaultOptions::new().with_limit(MAX_MESSAGE_BYTES)
}

/// Encodes a message into its wire form.
pub fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>, String> {
    use bincode::Options;
    options().serialize(message).map_err(|e| format!("cannot encode the message: {e}"))
}

/// Decodes a request (the worker's side). A malformed message gives an error, never a panic.
pub fn decode_request(bytes: &[u8]) -> Result<Request, String> {
    use bincode::Options;
    options().deserialize(bytes).map_err(|e| format!("malformed request ({} bytes): {e}", bytes.len()))
}

/// Decodes a response (the page's side).
pub fn decode_response(bytes: &[u8]) -> Result<Response, String> {
    use bincode::Options;
    options().deserialize(bytes).map_err(|e| format!("malformed response ({} bytes): {e}", bytes.len()))
}
