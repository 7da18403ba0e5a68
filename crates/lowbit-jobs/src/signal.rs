//! The signal job: a test signal of up to [`MAX_SAMPLES`] samples quantized by several schemes.
//!
//! Metrics ([`lowbit_core::metrics::Metrics`]) are exact over every sample; the charts get a
//! [`Columns`] view (min and max per pixel column) of the original, of each reconstruction and
//! of its absolute and relative error, so a million samples travel as a few thousand points.
//! The worker keeps the last signal's samples, so [`ProbeJob`] reads exact values at one
//! sample (the hover read-out) without sending the million samples to the page.
//!
//! Steps: one to generate the signal, one per scheme (quantize, metrics, decimated view).

use lowbit_core::metrics::Metrics;
use lowbit_core::quant::Scheme;
use lowbit_core::signal::{self as core_signal, SignalKind, MIN_SAMPLES};
use serde::{Deserialize, Serialize};

use crate::decimate::Columns;
use crate::protocol::{JobId, Outcome};
use crate::quantize::{MetricsData, RunOptions};
use crate::task::{Clock, Step, Task};

/// The most samples a signal job takes (2^20).
pub const MAX_SAMPLES: usize = 1 << 20;

/// The most schemes one signal job quantizes.
pub const MAX_SCHEMES: usize = 16;

/// The test signal (mirrors [`lowbit_core::signal::SignalSpec`], with this job's limit on
/// `samples`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalInput {
    /// `sine`, `ramp` or `noise`.
    pub wave: String,
    /// Peak value (sine, ramp) or standard deviation (noise).
    pub amplitude: f64,
    /// Periods (sine) or teeth (ramp) over the signal.
    pub periods: f64,
    /// Number of samples, [`MIN_SAMPLES`]`..=`[`MAX_SAMPLES`].
    pub samples: usize,
    /// The noise generator's seed.
    pub seed: u64,
}

impl SignalInput {
    /// Checks the signal as [`lowbit_core::signal::SignalSpec::validate`] does, with
    /// [`MAX_SAMPLES`] as the limit; the error is a sentence for the page.
    pub fn validate(&self) -> Result<SignalKind, String> {
        let kind = SignalKind::parse(&self.wave).map_err(|e| e.to_string())?;
        if !(MIN_SAMPLES..=MAX_SAMPLES).contains(&self.samples) {
            return Err(format!("samples must be between {MIN_SAMPLES} and {MAX_SAMPLES}, got {}", self.samples));
        }
        // The core checks the amplitude (its own sample limit is lower: it is asked about a
        // signal of its largest size); the periods are checked against this job's samples.
        let spec = core_signal::SignalSpec { kind, amplitude: self.amplitude, periods: 1.0, samples: core_signal::MAX_SAMPLES, seed: self.seed };
        spec.validate().map_err(|e| e.to_string())?;
        let half = self.samples as f64 / 2.0;
        if kind != SignalKind::Noise && !(self.periods.is_finite() && self.periods > 0.0 && self.periods <= half) {
            return Err(format!(
                "periods must be greater than 0 and at most samples/2 = {half} (two samples per period), got {}",
                self.periods
            ));
        }
        Ok(kind)
    }

    /// The samples (validate first; an invalid signal gives an empty vector).
    pub fn generate(&self) -> Vec<f32> {
        let Ok(kind) = self.validate() else { return Vec::new() };
        match kind {
            SignalKind::Sine => core_signal::sine(self.amplitude, self.periods, self.samples),
            SignalKind::Ramp => core_signal::ramp(self.amplitude, self.periods, self.samples),
            SignalKind::Noise => core_signal::gaussian_noise(self.amplitude, self.samples, self.seed),
        }
    }
}

/// One scheme of a signal job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchemeRun {
    /// A scheme id [`Scheme::parse`] accepts.
    pub id: String,
    /// Its options.
    pub options: RunOptions,
}

/// Quantize a test signal with several schemes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalJob {
    /// The signal.
    pub signal: SignalInput,
    /// The schemes, in legend order (at most [`MAX_SCHEMES`]).
    pub schemes: Vec<SchemeRun>,
    /// The chart width in device pixels (the decimated view's columns).
    pub columns: usize,
}

/// One scheme's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchemeOutcome {
    /// The canonical scheme id.
    pub id: String,
    /// The block size in effect.
    pub block: usize,
    /// The granularity in effect (`tensor`, `row`, `block`).
    pub granularity: String,
    /// Bits per element including scales.
    pub bits_per_element: f64,
    /// Inputs clipped by the element's range.
    pub clipped: usize,
    /// The quantizer's remarks, typed (the page words them in its language).
    pub notes: Vec<lowbit_core::quant::Remark>,
    /// Exact metrics over every sample.
    pub metrics: MetricsData,
    /// The reconstruction's view (same columns as [`SignalOutcome::indices`]).
    pub values: Vec<f32>,
    /// |error| view.
    pub abs_error: Vec<f32>,
    /// |error| / |original| view (NaN where the original is 0).
    pub rel_error: Vec<f32>,
}

/// The result of a signal job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SignalOutcome {
    /// The number of samples.
    pub samples: usize,
    /// Whether the views hold every sample (no decimation).
    pub whole: bool,
    /// The sample index of each point of the views.
    pub indices: Vec<u32>,
    /// The original's view.
    pub original: Vec<f32>,
    /// One per scheme that ran, in order.
    pub series: Vec<SchemeOutcome>,
    /// Schemes that could not run, and why.
    pub notices: Vec<String>,
}

/// Exact values at one sample of the last signal job (the hover read-out).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProbeJob {
    /// The signal job's id.
    pub signal: JobId,
    /// The sample index.
    pub index: usize,
}

/// The values at one sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProbeOutcome {
    /// The signal job's id.
    pub signal: JobId,
    /// The sample index.
    pub index: usize,
    /// The original value.
    pub original: f32,
    /// Each series' reconstruction, in the order of [`SignalOutcome::series`].
    pub values: Vec<f32>,
}

/// The samples a finished signal job keeps for probes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignalData {
    /// The original.
    pub original: Vec<f32>,
    /// The reconstructions.
    pub reconstructions: Vec<Vec<f32>>,
}

impl SignalData {
    /// The probe at `index` (None past the end).
    pub fn probe(&self, signal: JobId, index: usize) -> Option<ProbeOutcome> {
        let original = *self.original.get(index)?;
        let values = self.reconstructions.iter().map(|r| r.get(index).copied().unwrap_or(f32::NAN)).collect();
        Some(ProbeOutcome { signal, index, original, values })
    }
}

/// A signal job in progress.
#[derive(Debug)]
pub struct SignalTask {
    job: SignalJob,
    original: Option<Vec<f32>>,
    columns: Columns,
    next_scheme: usize,
    outcome: SignalOutcome,
    data: SignalData,
}

impl SignalTask {
    /// Prepares the job (nothing is computed yet).
    pub fn new(mut job: SignalJob) -> SignalTask {
        let mut notices = Vec::new();
        if job.schemes.len() > MAX_SCHEMES {
            notices.push(format!("At most {MAX_SCHEMES} schemes at once; left out {}.", job.schemes.len() - MAX_SCHEMES));
            job.schemes.truncate(MAX_SCHEMES);
        }
        let columns = Columns::new(job.signal.samples.min(MAX_SAMPLES), job.columns);
        SignalTask {
            job,
            original: None,
            columns,
            next_scheme: 0,
            outcome: SignalOutcome { samples: 0, whole: true, indices: Vec::new(), original: Vec::new(), series: Vec::new(), notices },
            data: SignalData::default(),
        }
    }

    /// The samples kept for probes once the task is done.
    pub fn take_data(&mut self) -> SignalData {
        std::mem::take(&mut self.data)
    }

    fn quantize_next(&mut self, original: &[f32]) {
        let Some(run) = self.job.schemes.get(self.next_scheme) else { return };
        self.next_scheme += 1;
        let scheme = match Scheme::parse(&run.id) {
            Ok(s) => s,
            Err(e) => {
                self.outcome.notices.push(e);
                return;
            }
        };
        let q = scheme.quantize(original, &run.options.to_options());
        let m = Metrics::compare(original, &q.dequantized);
        let cols = self.columns;
        let values = cols.reduce_slice(&q.dequantized);
        let abs_error = cols.reduce(|i| m.errors.get(i).map_or(f32::NAN, |e| e.abs() as f32));
        let rel_error = cols.reduce(|i| match (m.errors.get(i), original.get(i)) {
            (Some(e), Some(&o)) if o != 0.0 => (e.abs() / (o as f64).abs()) as f32,
            _ => f32::NAN,
        });
        self.outcome.series.push(SchemeOutcome {
            id: scheme.id.clone(),
            block: q.block,
            granularity: q.granularity.name().to_string(),
            bits_per_element: q.bits_per_element,
            clipped: q.clipped,
            notes: q.notes,
            metrics: MetricsData::from(&m),
            values,
            abs_error,
            rel_error,
        });
        self.data.reconstructions.push(q.dequantized);
    }
}

impl Task for SignalTask {
    fn total_steps(&self) -> u32 {
        1 + self.job.schemes.len() as u32
    }

    fn done_steps(&self) -> u32 {
        self.original.is_some() as u32 + self.next_scheme as u32
    }

    fn stage(&self) -> crate::protocol::Stage {
        use crate::protocol::Stage;
        match (&self.original, self.job.schemes.get(self.next_scheme)) {
            (None, _) => Stage::Generating(self.job.signal.samples),
            (Some(_), Some(run)) => Stage::QuantizingSignal(run.id.clone()),
            (Some(_), None) => Stage::Done,
        }
    }

    fn step(&mut self, _clock: &mut dyn Clock) -> Result<Step, String> {
        let Some(original) = self.original.take() else {
            self.job.signal.validate()?;
            let original = self.job.signal.generate();
            self.outcome.samples = original.len();
            self.outcome.whole = self.columns.is_whole();
            self.outcome.indices = self.columns.indices();
            self.outcome.original = self.columns.reduce_slice(&original);
            self.original = Some(original);
            return Ok(if self.job.schemes.is_empty() { self.finish() } else { Step::Continue });
        };
        self.quantize_next(&original);
        self.original = Some(original);
        if self.next_scheme < self.job.schemes.len() {
            return Ok(Step::Continue);
        }
        Ok(self.finish())
    }
}

impl SignalTask {
    fn finish(&mut self) -> Step {
        self.data.original = self.original.clone().unwrap_or_default();
        Step::Done(Outcome::Signal(std::mem::replace(
            &mut self.outcome,
            SignalOutcome { samples: 0, whole: true, indices: Vec::new(), original: Vec::new(), series: Vec::new(), notices: Vec::new() },
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::{no_clock, run_to_end};

    fn job(samples: usize, schemes: &[&str]) -> SignalJob {
        SignalJob {
            signal: SignalInput { wave: "sine".into(), amplitude: 1.0, periods: 2.0, samples, seed: 0 },
            schemes: schemes.iter().map(|id| SchemeRun { id: id.to_string(), options: RunOptions::default() }).collect(),
            columns: 800,
        }
    }

    fn run(job: SignalJob) -> (SignalOutcome, SignalData) {
        let mut task = SignalTask::new(job);
        let mut steps = 0;
        let out = run_to_end(&mut task, &mut no_clock(), &mut |p| {
            steps += 1;
            assert!(p.done <= p.total);
            true
        });
        let Ok(Outcome::Signal(o)) = out else { panic!("{out:?}") };
        (o, task.take_data())
    }

    #[test]
    fn seed_sine_matches_the_core_computation() {
        // 256 samples: the view is the whole series and the metrics are the core's.
        let (o, data) = run(job(256, &["nf4", "fp4_bnb"]));
        assert!(o.whole);
        let spec = core_signal::SignalSpec::default();
        let original = spec.generate();
        assert_eq!(o.original, original);
        assert_eq!(data.original, original);
        for (s, id) in o.series.iter().zip(["nf4", "fp4_bnb"]) {
            let q = Scheme::parse(id).unwrap().quantize(&original, &Default::default());
            let m = Metrics::compare(&original, &q.dequantized);
            assert_eq!(s.metrics, MetricsData::from(&m));
            assert_eq!(s.values, q.dequantized);
            assert_eq!((s.block, s.bits_per_element), (64, 4.5));
        }
    }

    #[test]
    fn a_million_samples_exact_metrics_small_view() {
        let n = MAX_SAMPLES;
        let (o, data) = run(job(n, &["nf4", "fp4_bnb", "mxfp4"]));
        assert_eq!(o.samples, n);
        assert!(!o.whole);
        assert_eq!(o.indices.len(), 1600);
        assert_eq!(o.original.len(), 1600);
        let original = core_signal::sine(1.0, 2.0, n);
        assert_eq!(data.original, original);
        for (s, id) in o.series.iter().zip(["nf4", "fp4_bnb", "mxfp4"]) {
            let q = Scheme::parse(id).unwrap().quantize(&original, &Default::default());
            let m = Metrics::compare(&original, &q.dequantized);
            assert_eq!(s.metrics.count, n);
            assert_eq!(s.metrics, MetricsData::from(&m), "{id}");
            assert_eq!(s.values.len(), 1600);
            let max_abs = s.abs_error.iter().copied().fold(0f32, f32::max);
            assert_eq!(max_abs as f64, m.max_abs_error as f32 as f64, "{id}: the view keeps the worst error");
        }
        let p = data.probe(7, 123_457).unwrap();
        assert_eq!(p.original, original[123_457]);
        assert_eq!(p.values.len(), 3);
        assert!(data.probe(7, n).is_none());
    }

    #[test]
    fn bad_inputs_fail_or_note_without_panicking() {
        let mut bad = job(MAX_SAMPLES + 1, &["nf4"]);
        assert!(matches!(run_to_end(&mut SignalTask::new(bad.clone()), &mut no_clock(), &mut |_| true), Err(crate::task::Stopped::Failed(_))));
        bad.signal.samples = 64;
        bad.signal.periods = 40.0;
        assert!(run_to_end(&mut SignalTask::new(bad.clone()), &mut no_clock(), &mut |_| true).is_err());
        bad.signal.periods = f64::NAN;
        assert!(run_to_end(&mut SignalTask::new(bad), &mut no_clock(), &mut |_| true).is_err());
        let (o, _) = run(job(64, &["nope", "nf4"]));
        assert_eq!(o.series.len(), 1);
        assert!(o.notices[0].contains("nope"));
        let (o, _) = run(job(64, &[]));
        assert!(o.series.is_empty());
        let (o, _) = run(SignalJob { signal: SignalInput { wave: "noise".into(), periods: 0.0, ..job(5000, &[]).signal }, ..job(5000, &["int4_absmax"]) });
        assert_eq!(o.series.len(), 1);
    }

    #[test]
    fn cancel_between_steps() {
        let mut task = SignalTask::new(job(4096, &["nf4", "fp4_bnb", "mxfp4"]));
        let mut calls = 0;
        let r = run_to_end(&mut task, &mut no_clock(), &mut |_| {
            calls += 1;
            calls < 2
        });
        assert_eq!(r, Err(crate::task::Stopped::Cancelled));
        assert_eq!(task.done_steps(), 2);
    }
}
