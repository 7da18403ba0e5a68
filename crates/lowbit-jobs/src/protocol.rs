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
use crate::paste::{PasteJob, PasteJobRef, PasteOutcome};
use crate::quantize::{QuantizeJob, QuantizeOutcome, QuantizePastedJob, TraceJob, TraceOutcome};
use crate::ranking::{RankingJob, RankingOutcome};
use crate::signal::{ProbeJob, ProbeOutcome, SignalJob, SignalOutcome};
use crate::tensor::{TensorJob, TensorOutcome};

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
    /// Every scheme ranked on one tensor (heavy).
    Ranking(RankingJob),
    /// A long pasted text read as numbers (answered at once).
    ReadPaste(PasteJob),
    /// The numbers of an earlier [`Job::ReadPaste`], kept by the worker, quantized (heavy).
    QuantizePasted(QuantizePastedJob),
    /// One tensor's bytes decoded, its histogram, and every scheme ranked on it (heavy; its
    /// bytes travel beside the request: [`with_bytes`]).
    Tensor(TensorJob),
}

impl Job {
    /// Whether the job runs in steps and supersedes the running one (trace and probe jobs read
    /// the last results and are answered at once, without disturbing a running job).
    pub fn is_heavy(&self) -> bool {
        matches!(self, Job::Signal(_) | Job::Quantize(_) | Job::QuantizePasted(_) | Job::Bench(_) | Job::MnistEval(_) | Job::MnistTrain(_) | Job::Ranking(_) | Job::Tensor(_))
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
    /// What the next step does (typed: the page puts it in its own words and language).
    pub stage: Stage,
    /// Results so far, for jobs that report them while running.
    pub partial: Option<Partial>,
}

/// What a job's next step does ([`Progress::stage`]): data only (counts, ids), no words, so
/// that the page writes it in its language. [`Stage`]'s `Display` is the English wording.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Stage {
    /// Before the worker's first answer (set by the page).
    Starting,
    /// Reading a long paste of this size (as the page writes it: "1.2 MB") as numbers.
    ReadingPaste(String),
    /// Generating a signal of this many samples.
    Generating(usize),
    /// Quantizing the signal with the scheme of this id.
    QuantizingSignal(String),
    /// Quantizing this many values with the scheme of this id.
    Quantizing {
        /// How many values.
        values: usize,
        /// The scheme's id.
        scheme: String,
    },
    /// Measuring the quantization error.
    MeasuringError,
    /// Ranking the schemes' results.
    Ranking,
    /// Making this many random normal values (the bench).
    MakingValues(usize),
    /// Timing a workload of the bench: `encode`/`decode` of a format (`format` true), else
    /// `quantize`/`dequantize` of a scheme or GGUF type, by its id.
    Timing {
        /// Whether the subject is a number format (encode/decode), else a scheme.
        format: bool,
        /// The format's, scheme's or type's id.
        subject: String,
    },
    /// Scoring the test digits with these schemes (MNIST; one id, or ids joined by ",").
    Scoring(String),
    /// Training: epoch (from 1) of epochs, batch (from 1) of batches.
    Training {
        /// The epoch, from 1.
        epoch: usize,
        /// The epochs in all.
        epochs: usize,
        /// The batch, from 1.
        batch: usize,
        /// The batches per epoch.
        batches: usize,
    },
    /// Scoring this epoch (from 1) on this many test digits.
    ScoringEpoch {
        /// The epoch, from 1.
        epoch: usize,
        /// The test digits.
        digits: usize,
    },
    /// Nothing left to do.
    Done,
}

impl std::fmt::Display for Stage {
    /// The English wording ("quantizing 4 values with nf4").
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stage::Starting => f.write_str("starting"),
            Stage::ReadingPaste(size) => write!(f, "reading {size} of pasted numbers"),
            Stage::Generating(n) => write!(f, "generating {n} samples"),
            Stage::QuantizingSignal(id) => write!(f, "quantizing with {id}"),
            Stage::Quantizing { values, scheme } => write!(f, "quantizing {values} values with {scheme}"),
            Stage::MeasuringError => f.write_str("measuring the error"),
            Stage::Ranking => f.write_str("ranking"),
            Stage::MakingValues(n) => write!(f, "making {n} random normal values"),
            Stage::Timing { format: true, subject } => write!(f, "encode/decode {subject}"),
            Stage::Timing { format: false, subject } => write!(f, "quantize/dequantize {subject}"),
            Stage::Scoring(ids) => write!(f, "scoring {ids}"),
            Stage::Training { epoch, epochs, batch, batches } => write!(f, "epoch {epoch} of {epochs}: batch {batch} of {batches}"),
            Stage::ScoringEpoch { epoch, digits } => write!(f, "epoch {epoch}: scoring {digits} test digits"),
            Stage::Done => f.write_str("done"),
        }
    }
}

/// Results a job reports while it runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Partial {
    /// The epochs of an MNIST training run finished so far.
    MnistEpochs(Vec<EpochLine>),
    /// The tensor of a [`Job::Tensor`], decoded (its histogram shows while the schemes run):
    /// a [`TensorSummary`] still encoded, which only the Tensors view decodes
    /// ([`decode_body`]), so that the other views' progress decoders do not link its decoder.
    Tensor(Vec<u8>),
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
    /// Of a [`Job::Ranking`].
    Ranking(RankingOutcome),
    /// Of a [`Job::ReadPaste`].
    Pasted(PasteOutcome),
    /// Of a [`Job::Tensor`].
    Tensor(TensorOutcome),
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

/// Decodes a value [`encode`] wrote (an encoded body inside a message, such as
/// [`Partial::Tensor`]'s).
pub fn decode_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    use bincode::Options;
    options().deserialize(bytes).map_err(|e| format!("malformed message body ({} bytes): {e}", bytes.len()))
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

/// A [`Response`] as the page reads it first: everything but a result's body, which stays
/// bytes until the view that asked decodes it as the one type it expects
/// ([`decode_outcome_as`]). The page then links the decoders of the results it shows only,
/// not of every job the worker knows (the first view's download budget).
#[derive(Clone, Debug, PartialEq)]
pub enum Envelope {
    /// [`Response::Ready`].
    Ready,
    /// [`Response::Progress`].
    Progress(Progress),
    /// [`Response::Done`], its [`Outcome`] still encoded.
    Done {
        /// The job's id.
        id: JobId,
        /// The encoded [`Outcome`] (its variant tag, then its body).
        outcome: Vec<u8>,
    },
    /// [`Response::Cancelled`].
    Cancelled {
        /// The job's id.
        id: JobId,
    },
    /// [`Response::Failed`].
    Failed {
        /// The job's id, when known.
        id: Option<JobId>,
        /// What went wrong.
        message: String,
    },
}

/// The variant index of each [`Outcome`] in the wire format (the order of the enum).
pub mod outcome_tag {
    /// [`super::Outcome::Signal`].
    pub const SIGNAL: u32 = 0;
    /// [`super::Outcome::Quantize`].
    pub const QUANTIZE: u32 = 1;
    /// [`super::Outcome::Trace`].
    pub const TRACE: u32 = 2;
    /// [`super::Outcome::Probe`].
    pub const PROBE: u32 = 3;
    /// [`super::Outcome::Bench`].
    pub const BENCH: u32 = 4;
    /// [`super::Outcome::Ranking`].
    pub const RANKING: u32 = 10;
    /// [`super::Outcome::Pasted`].
    pub const PASTED: u32 = 11;
    /// [`super::Outcome::Tensor`].
    pub const TENSOR: u32 = 12;
}

/// The variant index of each [`Job`] in the wire format (the order of the enum).
pub mod job_tag {
    /// [`super::Job::Signal`].
    pub const SIGNAL: u32 = 0;
    /// [`super::Job::Quantize`].
    pub const QUANTIZE: u32 = 1;
    /// [`super::Job::Trace`].
    pub const TRACE: u32 = 2;
    /// [`super::Job::Probe`].
    pub const PROBE: u32 = 3;
    /// [`super::Job::Bench`].
    pub const BENCH: u32 = 4;
    /// [`super::Job::Ranking`].
    pub const RANKING: u32 = 10;
    /// [`super::Job::ReadPaste`].
    pub const READ_PASTE: u32 = 11;
    /// [`super::Job::QuantizePasted`].
    pub const QUANTIZE_PASTED: u32 = 12;
    /// [`super::Job::Tensor`].
    pub const TENSOR: u32 = 13;
}

/// The body of one [`Job`] variant, with that variant's tag: [`encode_run`] writes the
/// [`Request::Run`] of such a body without going through [`Job`], so the page links the
/// encoders of the jobs it sends only, not of every job the worker knows (the first view's
/// download budget; the mirror of [`decode_outcome_as`]).
pub trait JobBody: Serialize {
    /// The [`Job`] variant's index ([`job_tag`]).
    const TAG: u32;
}

impl JobBody for SignalJob {
    const TAG: u32 = job_tag::SIGNAL;
}

impl JobBody for QuantizeJob {
    const TAG: u32 = job_tag::QUANTIZE;
}

impl JobBody for TraceJob {
    const TAG: u32 = job_tag::TRACE;
}

impl JobBody for ProbeJob {
    const TAG: u32 = job_tag::PROBE;
}

impl JobBody for BenchJob {
    const TAG: u32 = job_tag::BENCH;
}

impl JobBody for RankingJob {
    const TAG: u32 = job_tag::RANKING;
}

impl JobBody for QuantizePastedJob {
    const TAG: u32 = job_tag::QUANTIZE_PASTED;
}

impl JobBody for TensorJob {
    const TAG: u32 = job_tag::TENSOR;
}

impl JobBody for PasteJob {
    const TAG: u32 = job_tag::READ_PASTE;
}

impl JobBody for PasteJobRef<'_> {
    const TAG: u32 = job_tag::READ_PASTE;
}

/// The wire form of `Request::Run { id, job }` where `job` is the [`Job`] variant holding
/// `body`: byte for byte what [`encode`] writes (variant indexes and integers are the same
/// variable-length integers in bincode's encoding).
pub fn encode_run<J: JobBody>(id: JobId, body: &J) -> Result<Vec<u8>, String> {
    encode(&(0u32, id, J::TAG, body))
}

/// A request whose text travels beside its bytes: the page posts `[request, text]`, the
/// request's `PasteJob` with an empty text and the browser's string of the text (cloned by the
/// browser, never copied through the page's WebAssembly memory); the worker puts the text
/// into the decoded request with this. Other requests are given back unchanged.
pub fn with_text(request: Request, text: String) -> Request {
    match request {
        Request::Run { id, job: Job::ReadPaste(p) } => Request::Run { id, job: Job::ReadPaste(PasteJob { text, ..p }) },
        other => other,
    }
}

/// A request whose bytes travel beside it: the page posts `[request, bytes]`, the request's
/// `TensorJob` with no bytes and the tensor's bytes in an `ArrayBuffer` transferred to the
/// worker (never copied through the page's WebAssembly memory); the worker puts the bytes
/// into the decoded request with this. Other requests are given back unchanged.
pub fn with_bytes(request: Request, bytes: Vec<u8>) -> Request {
    match request {
        Request::Run { id, job: Job::Tensor(t) } => Request::Run { id, job: Job::Tensor(TensorJob { bytes, ..t }) },
        other => other,
    }
}

/// The wire form of `Request::Cancel { id }`, as [`encode`] writes it.
pub fn encode_cancel(id: JobId) -> Result<Vec<u8>, String> {
    encode(&(1u32, id))
}

/// Reads one bincode variable-length integer at `at`: (value, bytes used).
fn varint(bytes: &[u8], at: usize) -> Result<(u64, usize), String> {
    let short = || "a truncated message".to_string();
    let first = *bytes.get(at).ok_or_else(short)?;
    let width = match first {
        0..=250 => return Ok((first as u64, 1)),
        251 => 2,
        252 => 4,
        253 => 8,
        _ => return Err(format!("an integer of an unsupported width (tag {first})")),
    };
    let body = bytes.get(at + 1..at + 1 + width).ok_or_else(short)?;
    Ok((body.iter().rev().fold(0u64, |v, &b| (v << 8) | b as u64), 1 + width))
}

/// Decodes a response's envelope (the page's side; see [`Envelope`]).
pub fn decode_envelope(bytes: &[u8]) -> Result<Envelope, String> {
    use bincode::Options;
    let bad = |e: String| format!("malformed response ({} bytes): {e}", bytes.len());
    let (tag, at) = varint(bytes, 0).map_err(bad)?;
    let rest = &bytes[at..];
    match tag {
        0 if rest.is_empty() => Ok(Envelope::Ready),
        1 => options().deserialize(rest).map(Envelope::Progress).map_err(|e| bad(e.to_string())),
        2 => {
            let (id, used) = varint(rest, 0).map_err(bad)?;
            Ok(Envelope::Done { id, outcome: rest[used..].to_vec() })
        }
        3 => options().deserialize(rest).map(|id| Envelope::Cancelled { id }).map_err(|e| bad(e.to_string())),
        4 => options().deserialize(rest).map(|(id, message)| Envelope::Failed { id, message }).map_err(|e| bad(e.to_string())),
        _ => Err(bad(format!("unknown response kind {tag}"))),
    }
}

/// Decodes an encoded [`Outcome`] of [`Envelope::Done`] as the body of variant `tag`
/// ([`outcome_tag`]); another variant is an error.
pub fn decode_outcome_as<T: serde::de::DeserializeOwned>(outcome: &[u8], tag: u32) -> Result<T, String> {
    use bincode::Options;
    let (got, at) = varint(outcome, 0)?;
    if got != tag as u64 {
        return Err(format!("the compute worker answered with result kind {got}, expected {tag}"));
    }
    options().deserialize(&outcome[at..]).map_err(|e| format!("malformed result ({} bytes): {e}", outcome.len()))
}

/// Decodes an encoded [`Outcome`] of [`Envelope::Done`] whatever its variant (for a view that
/// receives several kinds of results; it links the decoders of all of them).
pub fn decode_outcome(outcome: &[u8]) -> Result<Outcome, String> {
    use bincode::Options;
    options().deserialize(outcome).map_err(|e| format!("malformed result ({} bytes): {e}", outcome.len()))
}

#[cfg(test)]
mod envelope_tests {
    use super::*;
    use crate::bench::{BenchOutcome, BenchRow};

    #[test]
    fn run_and_cancel_encode_as_the_request_enum_does() {
        use crate::bench::BenchJob;
        use crate::quantize::{QuantizeJob, RunOptions, TraceJob};
        use crate::signal::{ProbeJob, SchemeRun, SignalInput, SignalJob};
        let signal = SignalJob {
            signal: SignalInput { wave: "sine".into(), amplitude: 1.0, periods: 2.0, samples: 1 << 20, seed: 0 },
            schemes: vec![SchemeRun { id: "nf4".into(), options: RunOptions { block: Some(64), ..RunOptions::default() } }],
            columns: 2048,
        };
        let quantize = QuantizeJob { scheme: "fp4_bnb".into(), values: vec![1.0, -2.5, 3.0], options: RunOptions::default(), list_max: None };
        let trace = TraceJob { quantize: 9, start: 3, len: 40 };
        let probe = ProbeJob { signal: 300, index: 77 };
        let bench = BenchJob { n: 1 << 24 };
        let ranking = crate::ranking::RankingJob { values: vec![1.0, -0.5], row_len: Some(2), lo: -1.0, hi: 1.0, bins: 8, schemes: Vec::new() };
        let paste = PasteJob { text: "0,5; 1,25".into(), keep_over: Some(8192) };
        let pasted = crate::quantize::QuantizePastedJob { paste: 300, job: quantize.clone() };
        for id in [1, 250, 251, 65_536, u64::MAX] {
            assert_eq!(encode_run(id, &signal), encode(&Request::Run { id, job: Job::Signal(signal.clone()) }));
            assert_eq!(encode_run(id, &quantize), encode(&Request::Run { id, job: Job::Quantize(quantize.clone()) }));
            assert_eq!(encode_run(id, &trace), encode(&Request::Run { id, job: Job::Trace(trace.clone()) }));
            assert_eq!(encode_run(id, &probe), encode(&Request::Run { id, job: Job::Probe(probe.clone()) }));
            assert_eq!(encode_run(id, &bench), encode(&Request::Run { id, job: Job::Bench(bench.clone()) }));
            assert_eq!(encode_run(id, &ranking), encode(&Request::Run { id, job: Job::Ranking(ranking.clone()) }));
            assert_eq!(encode_run(id, &paste), encode(&Request::Run { id, job: Job::ReadPaste(paste.clone()) }));
            assert_eq!(encode_run(id, &pasted), encode(&Request::Run { id, job: Job::QuantizePasted(pasted.clone()) }));
            assert_eq!(encode_run(id, &PasteJobRef { text: &paste.text, keep_over: paste.keep_over }), encode_run(id, &paste));
            for text in ["", "0,5; 1,25", "−1 𝟙"] {
                for keep_over in [None, Some(8192)] {
                    let head = decode_request(&encode_run(id, &PasteJob { text: String::new(), keep_over }).unwrap()).unwrap();
                    assert_eq!(with_text(head, text.into()), Request::Run { id, job: Job::ReadPaste(PasteJob { text: text.into(), keep_over }) });
                }
            }
            assert_eq!(with_text(Request::Cancel { id }, "x".into()), Request::Cancel { id });
            assert_eq!(encode_cancel(id), encode(&Request::Cancel { id }));
            assert_eq!(decode_request(&encode_run(id, &signal).unwrap()), Ok(Request::Run { id, job: Job::Signal(signal.clone()) }));
        }
    }

    #[test]
    fn envelopes_read_every_response_and_bodies_decode_as_their_type() {
        let bench = BenchOutcome { n: 7, rows: vec![BenchRow { op: "encode".into(), subject: "float16".into(), block: None, elements_per_second: 1e9 }] };
        let progress = Progress { id: 300, done: 1, total: 3, stage: Stage::Quantizing { values: 4, scheme: "nf4".into() }, partial: None };
        let cases = [
            (Response::Ready, Envelope::Ready),
            (Response::Progress(progress.clone()), Envelope::Progress(progress)),
            (Response::Cancelled { id: 70_000 }, Envelope::Cancelled { id: 70_000 }),
            (Response::Failed { id: None, message: "m".into() }, Envelope::Failed { id: None, message: "m".into() }),
            (Response::Failed { id: Some(1 << 40), message: "n".into() }, Envelope::Failed { id: Some(1 << 40), message: "n".into() }),
        ];
        for (response, envelope) in cases {
            assert_eq!(decode_envelope(&encode(&response).unwrap()), Ok(envelope));
        }
        for id in [1, 250, 251, 65_536, u64::MAX] {
            let bytes = encode(&Response::Done { id, outcome: Outcome::Bench(bench.clone()) }).unwrap();
            let Ok(Envelope::Done { id: got, outcome }) = decode_envelope(&bytes) else { panic!() };
            assert_eq!(got, id);
            assert_eq!(decode_outcome_as::<BenchOutcome>(&outcome, outcome_tag::BENCH), Ok(bench.clone()));
            assert!(decode_outcome_as::<BenchOutcome>(&outcome, outcome_tag::SIGNAL).is_err());
            assert_eq!(decode_outcome(&outcome), Ok(Outcome::Bench(bench.clone())));
            assert!(decode_outcome(&outcome[..outcome.len() - 1]).is_err());
        }
        for bad in [&[][..], &[9], &[2], &[2, 253, 1], &[255]] {
            assert!(decode_envelope(bad).is_err(), "{bad:?}");
        }
    }
}
