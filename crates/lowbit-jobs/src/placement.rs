//! Where a job runs: on the page's main thread or in the compute worker.
//!
//! A job whose work is small enough runs on the main thread, at once, so that small edits
//! stay instant (no message round trip, no worker start-up on a first visit); anything larger
//! goes to the worker so that the page never blocks. The measure of work is the number of
//! element-operations: samples × schemes for a signal, values for a quantize job.
//!
//! The threshold, [`MAIN_THREAD_MAX_WORK`] = 8,192 element-operations, keeps a main-thread job
//! within the few milliseconds a frame can spare. Measured natively on this 2-core machine
//! (`Scheme::quantize`, 32,768 normal values, release build): the registry's schemes cost
//! 10–350 ns an element today (bnb FP4 and NVFP4 ~10–20 ns, integer schemes ~40–120 ns, MX
//! and `cast:`/`absmax:` through the exact element encoder ~200–350 ns), and WebAssembly is
//! up to ~2× slower: 8,192 element-operations at the slowest rate take ~3 ms natively, ~6 ms
//! in the page, and most schemes a tenth of that. Every default view is far below it (the
//! seed sine: 256 samples × 2 schemes; the 4-bit preset: 256 × 5); a pasted list of up to
//! 8,192 numbers stays instant; anything larger (a 65,536-sample signal, a million values)
//! goes to the worker. The bench always runs in the worker.

use crate::protocol::Job;

/// The most element-operations a job may have to run on the main thread.
pub const MAIN_THREAD_MAX_WORK: usize = 8_192;

/// The longest pasted text read on the main thread (bytes of UTF-8); a longer one is read by
/// the compute worker ([`crate::paste::PasteJob`]) and kept out of the page's text box. The
/// paste parser reads ~5 MB/s in the page (a million numbers, ~10 MB, took 1.9 s), so 64 KiB
/// (~6,000–9,000 numbers as people paste them) take ~12 ms: a pasted list of a few thousand
/// numbers stays instant, a megabyte never blocks the page.
pub const MAIN_THREAD_MAX_TEXT_BYTES: usize = 64 * 1024;

/// Where to run a job.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At once, on the page's thread.
    MainThread,
    /// In the compute worker.
    Worker,
}

/// The element-operations of a job (trace windows and probes: the rows or samples read).
pub fn work(job: &Job) -> usize {
    match job {
        Job::Signal(s) => s.signal.samples.saturating_mul(s.schemes.len().max(1)),
        Job::Quantize(q) => q.values.len(),
        // Kept in the worker: only the worker holds the numbers.
        Job::QuantizePasted(_) => usize::MAX,
        Job::Trace(t) => t.len,
        Job::Probe(_) => 1,
        // A text's bytes, in units of the longest text read here.
        Job::ReadPaste(p) => p.text.len().div_ceil(MAIN_THREAD_MAX_TEXT_BYTES / MAIN_THREAD_MAX_WORK),
        Job::Bench(b) => b.n.saturating_mul(crate::bench::workloads().len() * 2),
        // The MNIST lab lives in the worker: its jobs are never main-thread work.
        Job::MnistLoad(_) | Job::MnistEval(_) | Job::MnistDigit(_) | Job::MnistHistogram(_) | Job::MnistTrain(_) => usize::MAX,
        // Every scheme on a tensor.
        Job::Ranking(r) => r.values.len().saturating_mul(crate::ranking::ranking_schemes().len()),
        // A file's tensor: its bytes go to the worker, which decodes and ranks them.
        Job::Tensor(_) => usize::MAX,
    }
}

/// Where `job` runs: the bench, a file's tensor and the MNIST lab (which holds its weights
/// and digits there) always in the worker; other jobs on the main thread when
/// their [`work`] is at most [`MAIN_THREAD_MAX_WORK`]. (Trace windows and probes read what
/// the worker kept, so they go where their quantize or signal job ran.)
pub fn placement(job: &Job) -> Placement {
    match job {
        Job::Bench(_) | Job::QuantizePasted(_) | Job::Tensor(_) => Placement::Worker,
        Job::MnistLoad(_) | Job::MnistEval(_) | Job::MnistDigit(_) | Job::MnistHistogram(_) | Job::MnistTrain(_) => Placement::Worker,
        _ if work(job) <= MAIN_THREAD_MAX_WORK => Placement::MainThread,
        _ => Placement::Worker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::BenchJob;
    use crate::quantize::{QuantizeJob, RunOptions};
    use crate::signal::{SchemeRun, SignalInput, SignalJob};

    fn signal(samples: usize, schemes: usize) -> Job {
        Job::Signal(SignalJob {
            signal: SignalInput { wave: "sine".into(), amplitude: 1.0, periods: 2.0, samples, seed: 0 },
            schemes: vec![SchemeRun { id: "nf4".into(), options: RunOptions::default() }; schemes],
            columns: 800,
        })
    }

    #[test]
    fn small_jobs_stay_large_jobs_go() {
        assert_eq!(placement(&signal(256, 2)), Placement::MainThread);
        assert_eq!(placement(&signal(2048, 4)), Placement::MainThread);
        assert_eq!(placement(&signal(4096, 4)), Placement::Worker);
        assert_eq!(placement(&signal(65_536, 1)), Placement::Worker);
        assert_eq!(placement(&signal(1 << 20, 3)), Placement::Worker);
        let q = |n| Job::Quantize(QuantizeJob { scheme: "nf4".into(), values: vec![0.0; n], options: RunOptions::default(), list_max: None });
        assert_eq!(placement(&q(8192)), Placement::MainThread);
        assert_eq!(placement(&q(8193)), Placement::Worker);
        assert_eq!(placement(&Job::Bench(BenchJob { n: 1 })), Placement::Worker);
        let paste = |bytes| Job::ReadPaste(crate::paste::PasteJob { text: "1".repeat(bytes), keep_over: None });
        assert_eq!(placement(&paste(MAIN_THREAD_MAX_TEXT_BYTES)), Placement::MainThread);
        assert_eq!(placement(&paste(MAIN_THREAD_MAX_TEXT_BYTES + 1)), Placement::Worker);
        assert_eq!(work(&signal(usize::MAX, 3)), usize::MAX);
    }
}
