//! The quantize job: up to [`MAX_VALUES`] numbers through one scheme, and the step-by-step
//! trace of any window of rows on demand.
//!
//! The job returns everything `lowbit quantize --json` prints except the trace: a trace row per
//! element would cost ~100 bytes each (100 MB for a million values), while the page shows a
//! few dozen rows at a time. [`trace_window`] computes the rows of a window with
//! [`Scheme::trace`]: the quantizer's fast path over the input, then the step-by-step rows of
//! the window only — exactly the rows of the full trace (tested for every scheme).

use lowbit_core::metrics::Metrics;
use lowbit_core::quant::{Granularity, MxScaleRule, Options, Quantized, Scheme, TraceRow};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

use lowbit_core::decimal::js_string;

use crate::levels::LevelsHistogram;
use crate::text::{attr_list, bracketed_list, show};
pub use crate::text::LIST_MAX;
use crate::protocol::{JobId, Outcome};
use crate::task::{Clock, Step, Task};

/// The most values a quantize job takes (2^20).
pub const MAX_VALUES: usize = 1 << 20;

/// The most trace rows one window returns.
pub const MAX_TRACE_ROWS: usize = 4096;

/// The options of a quantization run that travel in messages (mirrors
/// [`lowbit_core::quant::Options`] without the trace switch; `Default` = every scheme's
/// defaults).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunOptions {
    /// Block size; None = the scheme's default.
    pub block: Option<usize>,
    /// `tensor`, `row` or `block`; None = the scheme's default.
    pub granularity: Option<String>,
    /// Row length of a 2-D input.
    pub row_len: Option<usize>,
    /// Mean-std schemes' k.
    pub k: f64,
    /// MX scale rule: `ceil` instead of the OCP `floor`.
    pub mx_ceil: bool,
    /// QLoRA double quantization.
    pub double_quant: bool,
    /// LLM.int8() outlier threshold.
    pub outlier_threshold: f64,
    /// NVFP4 two-level scaling.
    pub nvfp4_tensor_scale: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        let d = Options::default();
        RunOptions {
            block: d.block,
            granularity: d.granularity.map(|g| g.name().to_string()),
            row_len: d.row_len,
            k: d.k,
            mx_ceil: d.mx_scale == MxScaleRule::Ceil,
            double_quant: d.double_quant,
            outlier_threshold: d.outlier_threshold,
            nvfp4_tensor_scale: d.nvfp4_tensor_scale,
        }
    }
}

impl RunOptions {
    /// The core's options (an unknown granularity name means the scheme's default).
    pub fn to_options(&self) -> Options {
        Options {
            block: self.block,
            granularity: self.granularity.as_deref().and_then(|g| Granularity::parse(g).ok()),
            row_len: self.row_len,
            k: self.k,
            mx_scale: if self.mx_ceil { MxScaleRule::Ceil } else { MxScaleRule::Floor },
            double_quant: self.double_quant,
            outlier_threshold: self.outlier_threshold,
            nvfp4_tensor_scale: self.nvfp4_tensor_scale,
            trace: false,
        }
    }
}

/// The aggregate error metrics (the core's [`Metrics`] without the per-element series).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetricsData {
    /// Pairs compared.
    pub count: usize,
    /// Pairs left out because a value was not finite.
    pub skipped: usize,
    /// Mean squared error.
    pub mse: f64,
    /// Root mean squared error.
    pub rmse: f64,
    /// Largest |error|.
    pub max_abs_error: f64,
    /// Mean relative error.
    pub mean_relative_error: f64,
    /// SQNR in dB.
    pub sqnr_db: f64,
}

impl From<&Metrics> for MetricsData {
    fn from(m: &Metrics) -> Self {
        MetricsData {
            count: m.count,
            skipped: m.skipped,
            mse: m.mse,
            rmse: m.rmse,
            max_abs_error: m.max_abs_error,
            mean_relative_error: m.mean_relative_error,
            sqnr_db: m.sqnr_db,
        }
    }
}

/// Quantize the page's numbers with one scheme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantizeJob {
    /// A scheme id [`Scheme::parse`] accepts.
    pub scheme: String,
    /// The numbers (at most [`MAX_VALUES`]).
    #[serde(with = "crate::wire::f32s")]
    pub values: Vec<f32>,
    /// The options.
    pub options: RunOptions,
    /// The most entries of each list the answer holds (codes, the reconstruction, packed
    /// bytes, scales…: [`QuantizeOutcome::cut`]; their full lengths in
    /// [`QuantizeOutcome::lengths`]); None: every entry. The Quantize view asks for the entries
    /// it shows, so a million values cross to the page as a few kilobytes, and the page
    /// decodes no more than it shows.
    pub list_max: Option<usize>,
}

/// A [`QuantizeJob`] of numbers the worker keeps from an earlier paste read
/// ([`crate::paste::PasteJob::keep_over`]): a million pasted numbers are read in the worker
/// and stay there, so the page neither receives them nor sends them back (copying and encoding
/// them cost the page's main thread ~150 ms at each quantize). The worker answers as for the
/// [`QuantizeJob`] with those numbers; when it no longer holds them (it restarted, or newer
/// pastes evicted them: it keeps the last [`KEPT_PASTES`]) the job fails with
/// [`PASTE_NOT_KEPT`] at the start of its message, and the page reads the text again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantizePastedJob {
    /// The id of the paste-reading job whose numbers to quantize.
    pub paste: JobId,
    /// The scheme, options and list limit (its `values` are ignored: the kept numbers are
    /// quantized).
    pub job: QuantizeJob,
}

/// How many pastes' numbers the worker keeps (the newest).
pub const KEPT_PASTES: usize = 2;

/// The start of the failure message of a [`QuantizePastedJob`] whose numbers the worker no
/// longer holds (the page reads the pasted text again when it sees it).
pub const PASTE_NOT_KEPT: &str = "the pasted numbers are no longer held by the compute worker";

/// QLoRA double quantization state (mirrors [`lowbit_core::quant::DoubleQuant`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DoubleQuantData {
    /// The mean subtracted from every absmax.
    pub offset: f32,
    /// 8-bit codes, one per 4-bit block.
    pub codes: Vec<u8>,
    /// The f32 absmax of each group of 256.
    pub absmax: Vec<f32>,
}

/// The result of a quantize job: the fields of `lowbit quantize --json` but the trace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantizeOutcome {
    /// The canonical scheme id.
    pub scheme: String,
    /// The block size in effect.
    pub block: usize,
    /// `tensor`, `row` or `block`.
    pub granularity: String,
    /// One code per input.
    #[serde(with = "crate::wire::i64s")]
    pub codes: Vec<i64>,
    /// Packed bytes of 4-bit schemes.
    #[serde(with = "crate::wire::bytes")]
    pub packed: Vec<u8>,
    /// The stored scale per group.
    #[serde(with = "crate::wire::f32s")]
    pub scales: Vec<f32>,
    /// The raw code of each scale (MX E8M0, NVFP4 E4M3).
    pub scale_codes: Vec<u8>,
    /// NVFP4's tensor scale.
    pub tensor_scale: Option<f32>,
    /// Zero points per group.
    pub zero_points: Vec<i64>,
    /// The reconstruction.
    #[serde(with = "crate::wire::f32s")]
    pub dequantized: Vec<f32>,
    /// Bits per element including scales.
    pub bits_per_element: f64,
    /// Bits stored once per tensor.
    pub tensor_bits: u64,
    /// Exact storage in bytes.
    pub storage_bytes: u64,
    /// Inputs clipped.
    pub clipped: usize,
    /// LLM.int8() outlier columns.
    pub outlier_columns: Vec<usize>,
    /// Double quantization state.
    pub double_quant: Option<DoubleQuantData>,
    /// The GGUF types with an additive min: the value of level 0 of each group (empty
    /// otherwise; [`Quantized::mins`]).
    pub mins: Vec<f32>,
    /// The quantizer's remarks, typed (the page words them in its language).
    pub notes: Vec<lowbit_core::quant::Remark>,
    /// Error metrics over every value.
    pub metrics: MetricsData,
    /// The values' histogram with the reconstruction's stored values overlaid.
    pub histogram: LevelsHistogram,
    /// The full lengths of the lists, which a job's `list_max` may have cut.
    pub lengths: ListLengths,
    /// The lists of numbers as the Quantize view shows them, written where the job ran (in
    /// the compute worker for a large input: writing thousands of numbers would cost the page's
    /// main thread a long task).
    pub texts: NumberTexts,
}

/// The number lists of a [`QuantizeOutcome`] as the Quantize view shows them: the first
/// [`LIST_MAX`] entries, each number as [`show`] (or JavaScript) writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NumberTexts {
    /// The scales ("[0.5, 0.25, … 16,128 more]").
    pub scales: String,
    /// The reconstruction, for reading.
    pub dequantized: String,
    /// The reconstruction as JavaScript's numbers, comma-joined (`data-values`).
    pub values_attr: String,
    /// The GGUF mins (empty when there are none).
    pub mins: String,
}

impl NumberTexts {
    /// The texts of an outcome's lists (as they are: whole, or cut with their full lengths).
    pub fn of(q: &QuantizeOutcome) -> NumberTexts {
        let lengths = &q.lengths;
        NumberTexts {
            scales: bracketed_list(&q.scales, lengths.scales, |s| show(*s as f64)),
            dequantized: bracketed_list(&q.dequantized, lengths.codes, |d| show(*d as f64)),
            values_attr: attr_list(&q.dequantized, |&d| js_string(d as f64)),
            mins: if q.mins.is_empty() { String::new() } else { bracketed_list(&q.mins, lengths.mins, |m| show(*m as f64)) },
        }
    }
}

/// The full lengths of a [`QuantizeOutcome`]'s lists (before [`QuantizeOutcome::cut`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListLengths {
    /// Codes (one per input: also the reconstruction's length).
    pub codes: usize,
    /// Packed bytes.
    pub packed: usize,
    /// Scales.
    pub scales: usize,
    /// Scale codes.
    pub scale_codes: usize,
    /// Zero points.
    pub zero_points: usize,
    /// LLM.int8() outlier columns.
    pub outlier_columns: usize,
    /// GGUF mins.
    pub mins: usize,
}

impl QuantizeOutcome {
    fn new(values: &[f32], q: Quantized, metrics: &Metrics) -> QuantizeOutcome {
        let histogram = LevelsHistogram::of(values, &q.dequantized);
        let (codes, packed) = (q.codes.to_vec(), q.packed().to_vec());
        QuantizeOutcome {
            scheme: q.scheme,
            block: q.block,
            granularity: q.granularity.name().to_string(),
            packed,
            codes,
            scales: q.scales,
            scale_codes: q.scale_codes,
            tensor_scale: q.tensor_scale,
            zero_points: q.zero_points,
            dequantized: q.dequantized,
            bits_per_element: q.bits_per_element,
            tensor_bits: q.tensor_bits,
            storage_bytes: q.storage_bytes,
            clipped: q.clipped,
            outlier_columns: q.outlier_columns,
            double_quant: q.double_quant.map(|d| DoubleQuantData { offset: d.offset, codes: d.codes, absmax: d.absmax }),
            mins: q.mins,
            notes: q.notes,
            metrics: MetricsData::from(metrics),
            histogram,
            lengths: ListLengths::default(),
            texts: NumberTexts::default(),
        }
        .with_lengths()
    }

    /// Sets [`QuantizeOutcome::lengths`] from the lists as they are (whole).
    fn with_lengths(mut self) -> QuantizeOutcome {
        self.lengths = ListLengths {
            codes: self.codes.len(),
            packed: self.packed.len(),
            scales: self.scales.len(),
            scale_codes: self.scale_codes.len(),
            zero_points: self.zero_points.len(),
            outlier_columns: self.outlier_columns.len(),
            mins: self.mins.len(),
        };
        self.texts = NumberTexts::of(&self);
        self
    }

    /// The outcome with each list cut to its first `max` entries (codes, packed bytes, scales,
    /// scale codes, zero points, the reconstruction, outlier columns, mins, the double
    /// quantization's codes and absmax); [`QuantizeOutcome::lengths`] keeps the full lengths,
    /// the metrics stay those of every value.
    pub fn cut(mut self, max: usize) -> QuantizeOutcome {
        self.codes.truncate(max);
        self.packed.truncate(max);
        self.scales.truncate(max);
        self.scale_codes.truncate(max);
        self.zero_points.truncate(max);
        self.dequantized.truncate(max);
        self.outlier_columns.truncate(max);
        self.mins.truncate(max);
        if let Some(d) = self.double_quant.as_mut() {
            d.codes.truncate(max);
            d.absmax.truncate(max);
        }
        self.texts = NumberTexts::of(&self);
        self
    }
}

/// Runs a quantize job at once (the main thread's path for small inputs; the worker runs the
/// same through [`QuantizeTask`]).
pub fn quantize(job: &QuantizeJob) -> Result<QuantizeOutcome, String> {
    if job.values.len() > MAX_VALUES {
        return Err(format!("{} values: at most {MAX_VALUES} are quantized here (the CLI takes any count)", job.values.len()));
    }
    let scheme = Scheme::parse(&job.scheme)?;
    let q = scheme.quantize(&job.values, &job.options.to_options());
    let metrics = Metrics::compare(&job.values, &q.dequantized);
    let outcome = QuantizeOutcome::new(&job.values, q, &metrics);
    Ok(match job.list_max {
        Some(max) => outcome.cut(max),
        None => outcome,
    })
}

/// Trace rows of the last quantize job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceJob {
    /// The quantize job's id.
    pub quantize: JobId,
    /// The first row.
    pub start: usize,
    /// How many rows (at most [`MAX_TRACE_ROWS`]).
    pub len: usize,
}

/// One trace row (mirrors [`lowbit_core::quant::TraceRow`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceRowData {
    /// Position in the input.
    pub index: usize,
    /// Scale group.
    pub group: usize,
    /// The input.
    pub input: f64,
    /// The group statistic.
    pub absmax: f64,
    /// The scale.
    pub scale: f64,
    /// The zero point.
    pub zero_point: f64,
    /// x / scale (+ zero point).
    pub scaled: f64,
    /// After rounding.
    pub rounded: f64,
    /// After clamping.
    pub clamped: f64,
    /// Whether clipping changed the value.
    pub clipped: bool,
    /// The code.
    pub code: i64,
    /// The dequantized value.
    pub dequantized: f64,
    /// dequantized − input.
    pub error: f64,
}

impl From<&TraceRow> for TraceRowData {
    fn from(r: &TraceRow) -> Self {
        TraceRowData {
            index: r.index,
            group: r.group,
            input: r.input,
            absmax: r.absmax,
            scale: r.scale,
            zero_point: r.zero_point,
            scaled: r.scaled,
            rounded: r.rounded,
            clamped: r.clamped,
            clipped: r.clipped,
            code: r.code,
            dequantized: r.dequantized,
            error: r.error,
        }
    }
}

/// A window of trace rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TraceOutcome {
    /// The quantize job's id.
    pub quantize: JobId,
    /// The first row's index.
    pub start: usize,
    /// The rows (fewer than asked at the end of the input).
    pub rows: Vec<TraceRowData>,
}

/// The trace rows `start .. start + len` (at most [`MAX_TRACE_ROWS`]) of `input` quantized as
/// `q` (this scheme's [`Scheme::quantize`] of `input` with `options`): the core recomputes just
/// those rows from the stored scales ([`Scheme::trace`]).
pub fn trace_window(scheme: &Scheme, input: &[f32], q: &Quantized, options: &Options, start: usize, len: usize) -> Vec<TraceRowData> {
    let end = start.saturating_add(len.min(MAX_TRACE_ROWS));
    scheme.trace(input, q, options, start..end).iter().map(TraceRowData::from).collect()
}

/// What a finished quantize job keeps for trace windows.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantizeData {
    /// The scheme.
    pub scheme: Scheme,
    /// The inputs (shared with the paste the worker keeps them for, never copied per job).
    pub input: Arc<[f32]>,
    /// Their quantization.
    pub quantized: Quantized,
    /// The options.
    pub options: Options,
}

impl QuantizeData {
    /// The trace rows of a window.
    pub fn trace(&self, quantize: JobId, start: usize, len: usize) -> TraceOutcome {
        TraceOutcome { quantize, start, rows: trace_window(&self.scheme, &self.input, &self.quantized, &self.options, start, len) }
    }
}

/// A quantize job in progress: one step quantizes, the next computes the metrics.
#[derive(Debug)]
pub struct QuantizeTask {
    /// The job (its `values` moved to `values`).
    job: QuantizeJob,
    /// The numbers quantized, shared (a kept paste's are not copied for each job).
    values: Arc<[f32]>,
    quantized: Option<Quantized>,
    kept: Option<QuantizeData>,
}

impl QuantizeTask {
    /// Prepares the job.
    pub fn new(mut job: QuantizeJob) -> QuantizeTask {
        let values = Arc::from(std::mem::take(&mut job.values));
        QuantizeTask::of_kept(job, values)
    }

    /// Prepares the job for `values` (the job's own `values` are ignored): numbers the worker
    /// keeps ([`QuantizePastedJob`]), shared rather than copied.
    pub fn of_kept(mut job: QuantizeJob, values: Arc<[f32]>) -> QuantizeTask {
        job.values = Vec::new();
        QuantizeTask { job, values, quantized: None, kept: None }
    }

    /// The inputs kept for trace windows, once the task is done.
    pub fn take_data(&mut self) -> Option<QuantizeData> {
        self.kept.take()
    }
}

impl Task for QuantizeTask {
    fn total_steps(&self) -> u32 {
        2
    }

    fn done_steps(&self) -> u32 {
        self.quantized.is_some() as u32
    }

    fn stage(&self) -> crate::protocol::Stage {
        use crate::protocol::Stage;
        if self.quantized.is_none() {
            Stage::Quantizing { values: self.values.len(), scheme: self.job.scheme.clone() }
        } else {
            Stage::MeasuringError
        }
    }

    fn step(&mut self, _clock: &mut dyn Clock) -> Result<Step, String> {
        let scheme = Scheme::parse(&self.job.scheme)?;
        let Some(q) = self.quantized.take() else {
            if self.values.len() > MAX_VALUES {
                return Err(format!("{} values: at most {MAX_VALUES} are quantized here (the CLI takes any count)", self.values.len()));
            }
            self.quantized = Some(scheme.quantize(&self.values, &self.job.options.to_options()));
            return Ok(Step::Continue);
        };
        let metrics = Metrics::compare(&self.values, &q.dequantized);
        let q_kept = q.clone();
        let mut outcome = QuantizeOutcome::new(&self.values, q, &metrics);
        if let Some(max) = self.job.list_max {
            outcome = outcome.cut(max);
        }
        let input = std::mem::replace(&mut self.values, Arc::from(Vec::new()));
        self.kept = Some(QuantizeData { scheme, input, quantized: q_kept, options: self.job.options.to_options() });
        Ok(Step::Done(Outcome::Quantize(Box::new(outcome))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::{no_clock, run_to_end};
    use lowbit_core::quant::{SecondLevel, SCHEMES};
    use lowbit_core::signal::gaussian_noise;

    fn all_scheme_ids() -> Vec<String> {
        let mut ids: Vec<String> = SCHEMES.iter().filter(|s| !s.parametric).map(|s| s.id.to_string()).collect();
        ids.extend(["cast:float8_e4m3fn", "cast:bfloat16", "absmax:float4_e2m1fn"].map(String::from));
        ids
    }

    #[test]
    fn windows_equal_the_full_trace_for_every_scheme() {
        let mut input = gaussian_noise(1.0, 1000, 3);
        input[17] = 40.0; // an outlier: clipping, LLM.int8() outlier column
        for id in all_scheme_ids() {
            let scheme = Scheme::parse(&id).unwrap();
            let mut option_sets = vec![Options::default()];
            if scheme.check(&Options { block: Some(128), ..Options::default() }).is_ok() {
                option_sets.push(Options { block: Some(128), ..Options::default() });
            }
            if scheme.info.second_level == SecondLevel::DoubleQuant {
                option_sets.push(Options { double_quant: true, ..Options::default() });
            }
            for options in option_sets {
                let full = scheme.quantize(&input, &Options { trace: true, ..options.clone() });
                assert_eq!(full.trace.len(), input.len(), "{id}");
                let q = scheme.quantize(&input, &options);
                for (start, len) in [(0, 10), (60, 10), (63, 3), (500, 77), (990, 50), (1000, 5), (0, 1000)] {
                    let got = trace_window(&scheme, &input, &q, &options, start, len);
                    let want: Vec<TraceRowData> = full.trace.iter().skip(start).take(len).map(TraceRowData::from).collect();
                    assert_eq!(got.len(), want.len(), "{id} {options:?} {start}+{len}");
                    for (g, w) in got.iter().zip(&want) {
                        let same = |a: f64, b: f64| a == b || (a.is_nan() && b.is_nan());
                        assert!(
                            g.index == w.index && g.group == w.group && g.code == w.code && g.clipped == w.clipped
                                && [(g.input, w.input), (g.absmax, w.absmax), (g.scale, w.scale), (g.zero_point, w.zero_point), (g.scaled, w.scaled), (g.rounded, w.rounded), (g.clamped, w.clamped), (g.dequantized, w.dequantized), (g.error, w.error)].iter().all(|&(a, b)| same(a, b)),
                            "{id} {options:?} row {}: {g:?} vs {w:?}",
                            w.index
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_task_gives_the_cli_numbers_and_keeps_the_input() {
        let job = QuantizeJob { scheme: "fp4_bnb".into(), values: vec![1.0, 2.0, 3.0, 4.0], options: RunOptions::default(), list_max: None };
        let mut task = QuantizeTask::new(job.clone());
        let Ok(Outcome::Quantize(o)) = run_to_end(&mut task, &mut no_clock(), &mut |_| true) else { panic!() };
        assert_eq!(o.packed, vec![117, 35]);
        assert_eq!(o.dequantized, vec![1.0, 2.0, 2.6666667, 4.0]);
        assert_eq!(Ok(*o), quantize(&job));
        let kept = task.take_data().unwrap();
        let t = kept.trace(5, 1, 2);
        assert_eq!((t.quantize, t.start, t.rows.len()), (5, 1, 2));
        assert_eq!(t.rows[0].index, 1);
    }

    #[test]
    fn an_answer_cut_to_list_max_keeps_the_full_lengths_metrics_and_trace() {
        let values = gaussian_noise(1.0, 10_000, 7);
        for (id, options) in [("nf4", RunOptions { double_quant: true, ..RunOptions::default() }), ("q4_k", RunOptions::default()), ("int8_zeropoint", RunOptions::default()), ("mxfp4", RunOptions::default())] {
            let whole = QuantizeJob { scheme: id.into(), values: values.clone(), options, list_max: None };
            let cut = QuantizeJob { list_max: Some(100), ..whole.clone() };
            let full = quantize(&whole).unwrap();
            let short = quantize(&cut).unwrap();
            assert_eq!(full.lengths.codes, 10_000, "{id}");
            assert_eq!(short.lengths, full.lengths, "{id}");
            assert_eq!(short.metrics, full.metrics, "{id}: metrics over every value");
            assert_eq!(short, full.clone().cut(100), "{id}");
            assert_eq!((&short.codes[..], &short.dequantized[..]), (&full.codes[..100], &full.dequantized[..100]), "{id}");
            assert_eq!(short.packed[..], full.packed[..100.min(full.packed.len())], "{id}");
            assert_eq!(short.scales[..], full.scales[..100.min(full.scales.len())], "{id}");
            // The worker's task answers the same, and keeps everything for trace windows.
            let mut task = QuantizeTask::new(cut);
            let Ok(Outcome::Quantize(o)) = run_to_end(&mut task, &mut no_clock(), &mut |_| true) else { panic!("{id}") };
            assert_eq!(*o, short, "{id}");
            let rows = task.take_data().unwrap().trace(1, 9_990, 10).rows;
            assert_eq!((rows.len(), rows[9].index, rows[9].code), (10, 9_999, full.codes[9_999]), "{id}");
        }
        // A list shorter than the limit is whole.
        let small = QuantizeJob { scheme: "nf4".into(), values: vec![1.0, -2.0], options: RunOptions::default(), list_max: Some(100) };
        assert_eq!(quantize(&small).unwrap(), quantize(&QuantizeJob { list_max: None, ..small.clone() }).unwrap());
    }

    #[test]
    fn too_many_values_or_a_bad_scheme_fail() {
        let big = QuantizeJob { scheme: "nf4".into(), values: vec![0.0; MAX_VALUES + 1], options: RunOptions::default(), list_max: None };
        assert!(quantize(&big).is_err());
        assert!(run_to_end(&mut QuantizeTask::new(big), &mut no_clock(), &mut |_| true).is_err());
        let bad = QuantizeJob { scheme: "nope".into(), values: vec![1.0], options: RunOptions::default(), list_max: None };
        assert!(quantize(&bad).is_err());
    }

    #[test]
    fn run_options_round_trip_the_defaults() {
        assert_eq!(RunOptions::default().to_options(), Options::default());
        let o = RunOptions { granularity: Some("row".into()), mx_ceil: true, ..RunOptions::default() };
        assert_eq!(o.to_options().granularity, Some(Granularity::Row));
        assert_eq!(o.to_options().mx_scale, MxScaleRule::Ceil);
    }
}
