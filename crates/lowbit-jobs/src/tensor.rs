//! The Tensors view's job: one tensor's bytes, as read from the visitor's file, decoded to
//! exact values ([`lowbit_tensors::TensorEntry::values`]: the one decoder, also used natively),
//! its histogram, and every scheme ranked on it ([`crate::ranking`]) — all in the compute
//! worker, so that a tensor of up to 2^25 elements never blocks the page.
//!
//! The page sends a [`TensorJob`]: the tensor's entry (dtype, shape, byte order, Fortran order)
//! with its bytes beside the encoded request, in a transferred `ArrayBuffer`
//! ([`crate::protocol::with_bytes`]), never copied through the page's WebAssembly memory.
//!
//! Steps: the first decodes the bytes, counts the histogram and rounds the values to f32 (what
//! the schemes take); its progress messages carry the [`TensorSummary`], encoded
//! ([`crate::protocol::Partial::Tensor`], read with [`TensorSummary::decode`]), so the page
//! draws the histogram while the schemes run; then one step per scheme. A tensor whose bytes are refused (a size that does not match
//! its shape, a 64-bit integer `f64` cannot hold…) ends the job with
//! [`TensorOutcome::Refused`], naming the tensor and the problem.

use lowbit_tensors::{Dtype, Histogram, TensorEntry, TensorError};
use serde::{Deserialize, Serialize};

use crate::protocol::{decode_body, encode, Outcome, Partial, Stage};
use crate::ranking::{ranking_schemes, RankingJob, RankingOutcome, RankingTask, MAX_BINS};
use crate::task::{Clock, Step, Task};

/// Decode one tensor and rank every scheme on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TensorJob {
    /// The tensor: its name, dtype, shape, byte order and layout (its `bytes` range is the one
    /// in the file, used only for its length).
    pub entry: TensorEntry,
    /// The histogram's bins (1 to [`MAX_BINS`]).
    pub bins: usize,
    /// Exactly the tensor's bytes. Empty in a request whose bytes travel beside it
    /// ([`crate::protocol::with_bytes`] puts them back).
    pub bytes: Vec<u8>,
}

impl TensorJob {
    /// The job for `entry` without its bytes (they travel beside the request).
    pub fn head(entry: &TensorEntry, bins: usize) -> TensorJob {
        TensorJob { entry: entry.clone(), bins, bytes: Vec::new() }
    }

    /// The steps of the job: decoding, then one per scheme.
    pub fn total_steps() -> u32 {
        1 + ranking_schemes().len() as u32
    }
}

/// The decoded tensor as the page shows it: its histogram and counts, not its values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TensorSummary {
    /// The tensor's name.
    pub name: String,
    /// Its dtype.
    pub dtype: Dtype,
    /// Its shape.
    pub shape: Vec<u64>,
    /// Its number of elements.
    pub elements: usize,
    /// The histogram of its exact values.
    pub histogram: Histogram,
    /// How many values changed when rounded to f32 for the schemes (f64 and wide integers).
    pub rounded: usize,
}

impl TensorSummary {
    /// The summary from [`crate::protocol::Partial::Tensor`]'s bytes.
    pub fn decode(bytes: &[u8]) -> Result<TensorSummary, String> {
        decode_body(bytes)
    }
}

/// The result of a [`TensorJob`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TensorOutcome {
    /// The tensor's bytes were refused (the error names the tensor and the problem).
    Refused(TensorError),
    /// The tensor was decoded; its ranking, unless it has no elements.
    Read {
        /// The decoded tensor.
        tensor: TensorSummary,
        /// Every scheme on it, best first (None: no elements to rank).
        ranking: Option<RankingOutcome>,
    },
}

/// The row length of the per-row schemes: the last dimension of a tensor of two or more.
pub fn row_len(shape: &[u64]) -> Option<usize> {
    shape.last().copied().filter(|&r| r > 0 && shape.len() > 1).map(|r| r as usize)
}

/// Decodes `job`'s bytes: the summary and the values as the schemes take them (f32).
pub fn decode(job: &TensorJob) -> Result<(TensorSummary, Vec<f32>), TensorError> {
    let exact = job.entry.values(&job.bytes)?;
    let histogram = Histogram::of(&exact, job.bins.clamp(1, MAX_BINS));
    let (values, rounded) = lowbit_tensors::to_f32(&exact);
    let summary = TensorSummary { name: job.entry.name.clone(), dtype: job.entry.dtype, shape: job.entry.shape.clone(), elements: values.len(), histogram, rounded };
    Ok((summary, values))
}

/// The job as a step machine: decode, then one scheme per step.
#[derive(Debug)]
pub struct TensorTask {
    /// The job, until it is decoded.
    job: Option<TensorJob>,
    tensor: Option<TensorSummary>,
    /// The summary encoded once, for every progress message.
    encoded: Option<Vec<u8>>,
    ranking: Option<RankingTask>,
}

impl TensorTask {
    /// A task decoding and ranking `job`.
    pub fn new(job: TensorJob) -> TensorTask {
        TensorTask { job: Some(job), tensor: None, encoded: None, ranking: None }
    }

    fn done(tensor: TensorSummary, ranking: Option<RankingOutcome>) -> Step {
        Step::Done(Outcome::Tensor(TensorOutcome::Read { tensor, ranking }))
    }
}

impl Task for TensorTask {
    fn total_steps(&self) -> u32 {
        TensorJob::total_steps()
    }

    fn done_steps(&self) -> u32 {
        match &self.ranking {
            Some(r) => 1 + r.done_steps(),
            None => u32::from(self.job.is_none()),
        }
    }

    fn stage(&self) -> Stage {
        match &self.ranking {
            Some(r) => r.stage(),
            None => Stage::Starting,
        }
    }

    fn partial(&self) -> Option<Partial> {
        self.encoded.clone().map(Partial::Tensor)
    }

    fn step(&mut self, clock: &mut dyn Clock) -> Result<Step, String> {
        if let Some(job) = self.job.take() {
            let (tensor, values) = match decode(&job) {
                Ok(decoded) => decoded,
                Err(e) => return Ok(Step::Done(Outcome::Tensor(TensorOutcome::Refused(e)))),
            };
            drop(job);
            if values.is_empty() {
                return Ok(TensorTask::done(tensor, None));
            }
            let h = &tensor.histogram;
            let ranking = RankingJob { values, row_len: row_len(&tensor.shape), lo: h.lo, hi: h.hi, bins: h.counts.len(), schemes: Vec::new() };
            self.ranking = Some(RankingTask::new(ranking));
            self.encoded = encode(&tensor).ok();
            self.tensor = Some(tensor);
            return Ok(Step::Continue);
        }
        let (Some(ranking), Some(tensor)) = (self.ranking.as_mut(), self.tensor.as_ref()) else {
            return Err("the tensor job has already finished".into());
        };
        match ranking.step(clock)? {
            Step::Continue => Ok(Step::Continue),
            Step::Done(Outcome::Ranking(o)) => Ok(TensorTask::done(tensor.clone(), Some(o))),
            Step::Done(_) => Err("the ranking ended with another kind of result".into()),
        }
    }
}

/// The whole job at once (the native reference of the worker's steps).
pub fn run_all(job: TensorJob) -> Result<TensorOutcome, String> {
    let mut task = TensorTask::new(job);
    loop {
        match task.step(&mut crate::task::no_clock())? {
            Step::Done(Outcome::Tensor(o)) => return Ok(o),
            Step::Done(_) => return Err("the tensor job ended with another kind of result".into()),
            Step::Continue => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::protocol::{decode_outcome_as, decode_request, encode, encode_run, outcome_tag, with_bytes, Job, Request, Response};
    use crate::ranking::rank_all;
    use crate::task::no_clock;
    use lowbit_tensors::write::{f32_bytes, npy};
    use lowbit_tensors::ErrorKind;

    fn weights(n: usize) -> Vec<f32> {
        (0..n).map(|i| ((i as f32) * 0.37).sin() * 0.05 + if i % 17 == 0 { 0.2 } else { 0.0 }).collect()
    }

    /// A `.npy` file of `values` with `shape`, its entry and its data bytes.
    fn file(values: &[f32], shape: &str) -> (TensorEntry, Vec<u8>) {
        let bytes = npy(1, "<f4", false, shape, &f32_bytes(values));
        let entry = lowbit_tensors::open("w.npy", &bytes).unwrap().tensors.remove(0);
        let data = bytes[entry.bytes.start as usize..].to_vec();
        (entry, data)
    }

    #[test]
    fn decodes_counts_and_ranks_as_the_direct_computation() {
        let values = weights(512);
        let (entry, bytes) = file(&values, "(8, 64)");
        let job = TensorJob { bytes: bytes.clone(), ..TensorJob::head(&entry, 80) };
        let Ok(TensorOutcome::Read { tensor, ranking: Some(ranking) }) = run_all(job) else { panic!() };
        let exact = entry.values(&bytes).unwrap();
        assert_eq!(tensor.histogram, Histogram::of(&exact, 80));
        assert_eq!((tensor.elements, tensor.rounded, tensor.dtype, tensor.shape.clone()), (512, 0, Dtype::F32, vec![8, 64]));
        let h = &tensor.histogram;
        assert_eq!(ranking, rank_all(&RankingJob { values, row_len: Some(64), lo: h.lo, hi: h.hi, bins: 80, schemes: Vec::new() }));
    }

    #[test]
    fn the_worker_runs_it_from_bytes_beside_the_request_with_progress_and_cancel() {
        let values = weights(1024);
        let (entry, bytes) = file(&values, "(16, 64)");
        // The request travels without its bytes; the worker puts them back.
        let head = TensorJob::head(&entry, 40);
        let wire = encode_run(7, &head).unwrap();
        assert_eq!(wire, encode(&Request::Run { id: 7, job: Job::Tensor(head.clone()) }).unwrap());
        let request = with_bytes(decode_request(&wire).unwrap(), bytes.clone());
        let mut e = Engine::new();
        assert!(e.handle(request).is_empty());
        let mut out = Vec::new();
        while e.busy() {
            out.extend(e.step(&mut no_clock()));
        }
        let total = TensorJob::total_steps();
        // The first progress carries the decoded tensor (the page draws its histogram).
        let Response::Progress(first) = &out[0] else { panic!("{:?}", out[0]) };
        assert_eq!((first.done, first.total), (1, total));
        let Some(Partial::Tensor(summary)) = &first.partial else { panic!("{first:?}") };
        let summary = TensorSummary::decode(summary).unwrap();
        assert_eq!(summary.elements, 1024);
        assert!(TensorSummary::decode(&[1, 2]).is_err());
        assert_eq!(out.len(), total as usize);
        let Some(Response::Done { id: 7, outcome }) = out.last() else { panic!("{:?}", out.last()) };
        let expected = run_all(TensorJob { bytes: bytes.clone(), ..head.clone() }).unwrap();
        assert_eq!(*outcome, Outcome::Tensor(expected.clone()));
        // The page decodes the body as the one type it expects.
        let done = encode(&Response::Done { id: 7, outcome: outcome.clone() }).unwrap();
        let Ok(crate::protocol::Envelope::Done { outcome: body, .. }) = crate::protocol::decode_envelope(&done) else { panic!() };
        assert_eq!(decode_outcome_as::<TensorOutcome>(&body, outcome_tag::TENSOR), Ok(expected));
        // Cancelled after the decoding step: nothing more.
        e.handle(with_bytes(Request::Run { id: 8, job: Job::Tensor(head.clone()) }, bytes));
        e.step(&mut no_clock());
        assert_eq!(e.handle(Request::Cancel { id: 8 }), vec![Response::Cancelled { id: 8 }]);
        assert!(!e.busy());
    }

    #[test]
    fn refused_bytes_name_the_tensor_and_the_problem() {
        let (entry, bytes) = file(&weights(64), "(64,)");
        // Too few bytes (a file that changed since its header was read).
        let Ok(TensorOutcome::Refused(e)) = run_all(TensorJob { bytes: bytes[..100].to_vec(), ..TensorJob::head(&entry, 80) }) else { panic!() };
        assert_eq!(e.kind, ErrorKind::SizeMismatch);
        assert!(e.message.contains("'w.npy'") && e.message.contains("read 100 bytes, expected 256"), "{}", e.message);
        // An I64 value f64 cannot hold.
        let wide = TensorEntry { name: "ids".into(), dtype: Dtype::I64, shape: vec![1], bytes: 0..8, order: lowbit_tensors::ByteOrder::Little, fortran: false };
        let Ok(TensorOutcome::Refused(e)) = run_all(TensorJob { bytes: ((1i64 << 60) + 1).to_le_bytes().to_vec(), ..TensorJob::head(&wide, 80) }) else { panic!() };
        assert_eq!(e.kind, ErrorKind::Inexact);
        assert!(e.message.contains("'ids'"), "{}", e.message);
        // No elements: a summary, nothing to rank.
        let empty = TensorEntry { shape: vec![0, 4], bytes: 0..0, ..wide.clone() };
        let Ok(TensorOutcome::Read { tensor, ranking: None }) = run_all(TensorJob::head(&empty, 80)) else { panic!() };
        assert_eq!(tensor.elements, 0);
        // A shape larger than is read at once.
        let huge = TensorEntry { dtype: Dtype::U8, shape: vec![1 << 26], bytes: 0..(1 << 26), ..wide };
        let Ok(TensorOutcome::Refused(e)) = run_all(TensorJob { bytes: vec![0; 1 << 26], ..TensorJob::head(&huge, 80) }) else { panic!() };
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }

    #[test]
    fn f64_tensors_count_what_rounding_to_f32_changed() {
        let data: Vec<u8> = [0.1f64, 0.5, f64::NAN].iter().flat_map(|v| v.to_le_bytes()).collect();
        let bytes = npy(1, "<f8", false, "(3,)", &data);
        let entry = lowbit_tensors::open("d.npy", &bytes).unwrap().tensors.remove(0);
        let Ok(TensorOutcome::Read { tensor, .. }) = run_all(TensorJob { bytes: data, ..TensorJob::head(&entry, 80) }) else { panic!() };
        assert_eq!((tensor.rounded, tensor.histogram.nonfinite, tensor.elements), (1, 1, 3));
    }
}
