//! The quantized-signal view without the browser: its parameters as URL query parameters and
//! back (with a notice for anything unusable), the scheme list, the one-click examples of the
//! seed article, and the computation — generate the signal, quantize it in every chosen
//! scheme, compare — down to the strings the metrics table and the hover read-out show.
//! Drawing both charts is [`draw_plots`], generic over the plotters backend (a canvas in the
//! app, an SVG string in the tests). Tested natively: `cargo test -p lowbit-app --lib`.
//!
//! URL contract (issue #4): `schemes` (comma-separated scheme ids), `block`, `samples`,
//! `periods` (default 2), `amplitude`; plus `wave` (`sine`, `ramp`, `noise`) and `error`
//! (`abs`, `rel`). `?view=signal&schemes=nf4,fp4_bnb&block=64&samples=256` is the seed's
//! example.

use lowbit_charts::plotters::coord::Shift;
use lowbit_charts::plotters::prelude::{DrawingArea, DrawingBackend, IntoDrawingArea, SVGBackend};
use lowbit_charts::{draw_error_plot, draw_signal_plot, series_color, series_css, ChartError, ErrorPlot, PlotMapping, Series, SignalPlot, TickStyle};
use lowbit_core::decimal::js_string;
use lowbit_core::metrics::Metrics;
use lowbit_core::quant::{BlockSizes, Granularity, Options, Scheme};
use lowbit_core::signal::{SignalKind, SignalSpec};

use lowbit_jobs::placement::MAIN_THREAD_MAX_WORK;
use lowbit_jobs::quantize::RunOptions;
use lowbit_jobs::signal::{SchemeRun, SignalInput, SignalJob, SignalOutcome};

use crate::export::Table;
use crate::i18n::SignalText;
use crate::text::{compact, with_decimals};

pub use super::params::{canonical_scheme, SignalParams, DEFAULT_BLOCK, DEFAULT_SCHEMES, MAX_BLOCK, MAX_SCHEMES};

/// Relative errors above this are drawn clamped to the top of the error plot.
pub const RELATIVE_CAP: f64 = 1.0;

/// The scheme checkboxes, grouped: (group title, scheme ids). Every non-template scheme of
/// the registry is here, and the `cast:` / `absmax:` templates with the formats the seed uses.
pub const SCHEME_GROUPS: &[(&str, &[&str])] = &[
    ("FP8", &["cast:float8_e4m3fn", "cast:float8_e5m2", "absmax:float8_e4m3fn", "absmax:float8_e5m2"]),
    ("4-bit (seed)", &["fp4_bnb", "nf4", "cast:float4_e2m1fn", "absmax:float4_e2m1fn"]),
    ("MX / NVFP4", &["mxfp4", "nvfp4", "mxfp6_e2m3", "mxfp6_e3m2", "mxfp8_e4m3", "mxfp8_e5m2", "mxint8"]),
    ("Integer", &["int8_absmax", "int4_absmax", "int8_zeropoint", "int4_zeropoint", "int8_meanstd", "int4_meanstd", "int8_rowwise"]),
    ("16-bit and 1–2-bit", &["cast:bfloat16", "cast:float16", "ternary", "binary"]),
    ("GGUF (llama.cpp)", &["q8_0", "q4_0", "q4_1", "q5_0", "q5_1", "q2_k", "q3_k", "q4_k", "q5_k", "q6_k", "iq4_nl", "tq1_0", "tq2_0", "mxfp4_gguf"]),
];

/// The ids of [`SCHEME_GROUPS`], in order.
pub fn offered_schemes() -> Vec<&'static str> {
    SCHEME_GROUPS.iter().flat_map(|(_, ids)| ids.iter().copied()).collect()
}

/// A one-click example.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// `data-preset` and test id suffix.
    pub id: &'static str,
    /// Button text.
    pub label: &'static str,
    /// Tooltip.
    pub description: &'static str,
    /// The parameters it sets.
    pub params: SignalParams,
}

impl Preset {
    /// Whether `params` show this example (same signal and schemes; the error mode and the
    /// block of fixed-block schemes do not matter).
    pub fn matches(&self, params: &SignalParams) -> bool {
        let p = &self.params;
        (p.kind, p.amplitude, p.periods, p.samples, p.block) == (params.kind, params.amplitude, params.periods, params.samples, params.block)
            && p.schemes == params.schemes
    }
}

fn preset(kind: SignalKind, samples: usize, schemes: &[&str]) -> SignalParams {
    SignalParams {
        kind,
        samples,
        schemes: schemes.iter().map(|s| s.to_string()).collect(),
        ..SignalParams::default()
    }
}

/// The examples: the seed article's two sine plots first; labels and descriptions in `tr`'s
/// language.
pub fn presets(tr: &SignalText) -> Vec<Preset> {
    let examples: [(&'static str, SignalParams); 5] = [
        ("seed-fp4", preset(SignalKind::Sine, 256, &["fp4_bnb"])),
        ("seed-fp8", preset(SignalKind::Sine, 200, &["cast:float8_e4m3fn", "cast:float8_e5m2"])),
        ("seed-nf4", preset(SignalKind::Sine, 256, &["nf4", "fp4_bnb"])),
        ("fp4-family", preset(SignalKind::Sine, 256, &["fp4_bnb", "nf4", "mxfp4", "nvfp4", "int4_absmax"])),
        ("noise-4bit", SignalParams { amplitude: 1.0, ..preset(SignalKind::Noise, 1024, &["nf4", "fp4_bnb", "int4_absmax"]) }),
    ];
    examples.into_iter().zip(tr.presets).map(|((id, params), (label, description))| Preset { id, label, description, params }).collect()
}

/// The title of scheme group `title` ([`SCHEME_GROUPS`], or the link's extra group) in `tr`'s
/// language.
pub fn group_title(title: &str, tr: &SignalText) -> &'static str {
    let i = SCHEME_GROUPS.iter().position(|(t, _)| *t == title).unwrap_or(SCHEME_GROUPS.len());
    tr.scheme_groups[i.min(tr.scheme_groups.len() - 1)]
}

/// One row of the metrics table, as strings.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MetricsRow {
    /// `data-scheme`: the canonical scheme id.
    pub scheme: String,
    /// The legend label ("fp4_bnb b64").
    pub label: String,
    /// The series colour (CSS hex).
    pub color: &'static str,
    /// `data-mse` (JavaScript's `String(v)`).
    pub mse_attr: String,
    /// `data-max-abs-error`.
    pub max_abs_attr: String,
    /// `data-sqnr-db` ("Infinity" for an exact reconstruction).
    pub sqnr_attr: String,
    /// MSE for reading ("1.27e-3").
    pub mse: String,
    /// Max |error| for reading.
    pub max_abs: String,
    /// SQNR for reading ("23.4 dB").
    pub sqnr: String,
    /// Bits per element including scales ("4.5").
    pub bits: String,
    /// The block in effect ("64", "32 (fixed)", "—").
    pub block: String,
    /// The scheme's description.
    pub description: String,
}

/// One quantized series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesData {
    /// The canonical scheme id.
    pub id: String,
    /// Legend label.
    pub label: String,
    /// Colour index in the palette.
    pub color_index: usize,
    /// The reconstruction.
    pub values: Vec<f32>,
    /// |reconstruction − original| per sample.
    pub abs_error: Vec<f32>,
    /// |reconstruction − original| / |original| (NaN where the original is 0).
    pub rel_error: Vec<f32>,
    /// The metrics row.
    pub row: MetricsRow,
    /// Remarks from the quantizer (clipping, …), typed ([`crate::i18n::Lang::remark`]).
    pub notes: Vec<lowbit_core::quant::Remark>,
}

/// Everything the signal view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalResult {
    /// Sample positions (radians for a sine, the sample index otherwise).
    pub x: Vec<f64>,
    /// The original signal.
    pub original: Vec<f32>,
    /// One series per scheme that ran.
    pub series: Vec<SeriesData>,
    /// Notices: block sizes ignored, schemes that could not run.
    pub notices: Vec<String>,
    /// x tick style.
    pub x_ticks: TickStyle,
    /// Whether x is a phase in radians.
    pub radians: bool,
    /// The number of samples of the signal.
    pub samples: usize,
    /// With a decimated view (a large signal computed in the worker): the sample index of
    /// each point of `x`; empty when every sample is shown.
    pub indices: Vec<u32>,
}

impl Default for SignalResult {
    /// Nothing computed yet (a large signal whose first result is on its way).
    fn default() -> Self {
        SignalResult {
            x: Vec::new(),
            original: Vec::new(),
            series: Vec::new(),
            notices: Vec::new(),
            x_ticks: TickStyle::Decimal,
            radians: false,
            samples: 0,
            indices: Vec::new(),
        }
    }
}

/// How a block size applies to a scheme: the block to pass, a notice, and the label.
fn block_for(scheme: &Scheme, block: usize) -> (Option<usize>, Option<String>) {
    match scheme.info.allowed_blocks {
        BlockSizes::None => (None, None),
        BlockSizes::Exactly(fixed) if fixed != block => (
            None,
            Some(format!("{} always uses blocks of {fixed} (its spec fixes the block size); block {block} ignored.", scheme.id)),
        ),
        BlockSizes::Exactly(fixed) => (Some(fixed), None),
        sizes if sizes.allows(block) => (Some(block), None),
        sizes => {
            let fallback = scheme.info.default_block;
            (
                fallback,
                Some(format!(
                    "{} takes block sizes {}; block {block} ignored, using {}.",
                    scheme.id,
                    sizes.describe(),
                    fallback.map_or("its default".to_string(), |b| b.to_string())
                )),
            )
        }
    }
}

/// How a scheme ran on the signal and what it measured: the same for a signal computed here
/// ([`compute`]) and in the worker ([`from_outcome`]).
struct Ran {
    granularity: Granularity,
    block: usize,
    bits_per_element: f64,
    mse: f64,
    max_abs_error: f64,
    sqnr_db: f64,
}

impl Ran {
    /// The series' label ("nf4 b64") and its row of the metrics table.
    fn describe(&self, scheme: Option<&Scheme>, id: &str, color_index: usize) -> (String, MetricsRow) {
        let fixed = scheme.is_some_and(|sc| matches!(sc.info.allowed_blocks, BlockSizes::Exactly(_)));
        let no_scale = scheme.is_some_and(|sc| sc.info.scale_rule == lowbit_core::quant::ScaleRule::None);
        let block_label = match self.granularity {
            Granularity::Block if fixed => format!("{} (fixed)", self.block),
            Granularity::Block => self.block.to_string(),
            Granularity::Row => "row".into(),
            Granularity::Tensor if no_scale => "—".into(),
            Granularity::Tensor => "tensor".into(),
        };
        let label = match self.granularity {
            Granularity::Block => format!("{id} b{}", self.block),
            _ => id.to_string(),
        };
        let sqnr = if self.sqnr_db.is_finite() {
            format!("{:.2} dB", self.sqnr_db)
        } else if self.sqnr_db > 0.0 {
            "∞ (exact)".into()
        } else {
            "—".into()
        };
        let row = MetricsRow {
            scheme: id.to_string(),
            label: label.clone(),
            color: series_css(color_index),
            mse_attr: js_string(self.mse),
            max_abs_attr: js_string(self.max_abs_error),
            sqnr_attr: js_string(self.sqnr_db),
            mse: compact(self.mse),
            max_abs: compact(self.max_abs_error),
            sqnr,
            bits: format_bits(self.bits_per_element),
            block: block_label,
            description: scheme.map_or("", |sc| sc.info.description).to_string(),
        };
        (label, row)
    }
}

/// Computes the original, every scheme's reconstruction, errors and metrics.
pub fn compute(params: &SignalParams) -> SignalResult {
    let spec = params.spec();
    let mut notices = Vec::new();
    let spec = match spec.validate() {
        Ok(()) => spec,
        Err(e) => {
            notices.push(format!("{e}; showing the default signal."));
            SignalSpec::default()
        }
    };
    let original = spec.generate();
    let x = spec.positions();
    let radians = spec.kind == SignalKind::Sine;
    let mut series = Vec::with_capacity(params.schemes.len());
    for id in &params.schemes {
        let scheme = match Scheme::parse(id) {
            Ok(s) => s,
            Err(e) => {
                notices.push(e);
                continue;
            }
        };
        let (block, notice) = block_for(&scheme, params.block);
        notices.extend(notice);
        let options = Options { block, ..Options::default() };
        let q = scheme.quantize(&original, &options);
        let m = Metrics::compare(&original, &q.dequantized);
        let color_index = series.len();
        let abs_error: Vec<f32> = m.errors.iter().map(|e| e.abs() as f32).collect();
        let rel_error: Vec<f32> = m
            .errors
            .iter()
            .zip(&original)
            .map(|(e, &o)| if o != 0.0 { (e.abs() / (o as f64).abs()) as f32 } else { f32::NAN })
            .collect();
        let ran = Ran { granularity: q.granularity, block: q.block, bits_per_element: q.bits_per_element, mse: m.mse, max_abs_error: m.max_abs_error, sqnr_db: m.sqnr_db };
        let (label, row) = ran.describe(Some(&scheme), &scheme.id, color_index);
        series.push(SeriesData { id: scheme.id.clone(), label, color_index, values: q.dequantized, abs_error, rel_error, row, notes: q.notes });
    }
    let x_ticks = if radians { TickStyle::Pi } else { TickStyle::Decimal };
    let samples = original.len();
    SignalResult { x, original, series, notices, x_ticks, radians, samples, indices: Vec::new() }
}

/// Where a signal is computed: on the main thread when its work (samples × schemes) is at
/// most [`MAIN_THREAD_MAX_WORK`] element-operations — at once, every sample kept, as
/// [`compute`] — else in the compute worker ([`signal_job`], [`from_outcome`]).
pub fn runs_on_main_thread(params: &SignalParams) -> bool {
    params.samples.saturating_mul(params.schemes.len().max(1)) <= MAIN_THREAD_MAX_WORK
}

/// The worker's job for `params`, its views `columns` device pixels wide; block sizes as
/// [`compute`] applies them (with the same notices).
pub fn signal_job(params: &SignalParams, columns: usize) -> (SignalJob, Vec<String>) {
    let mut notices = Vec::new();
    let mut schemes = Vec::new();
    for id in &params.schemes {
        match Scheme::parse(id) {
            Ok(scheme) => {
                let (block, notice) = block_for(&scheme, params.block);
                notices.extend(notice);
                schemes.push(SchemeRun { id: id.clone(), options: RunOptions { block, ..RunOptions::default() } });
            }
            Err(e) => notices.push(e),
        }
    }
    let signal = SignalInput {
        wave: params.kind.id().to_string(),
        amplitude: params.amplitude,
        periods: params.periods,
        samples: params.samples,
        seed: 0,
    };
    (SignalJob { signal, schemes, columns }, notices)
}

/// The x position of sample `k` of `n`: the phase `k·2π·periods/n` of a sine (the step
/// rounded once, as [`SignalSpec::positions`]), the index otherwise.
fn position(params: &SignalParams, k: u32, n: usize) -> f64 {
    match params.kind {
        SignalKind::Sine => k as f64 * (2.0 * std::f64::consts::PI * params.periods / n as f64),
        _ => k as f64,
    }
}

/// What the view shows from the worker's result: the decimated views as the chart's series
/// (x at each point's sample), the exact metrics over every sample as the table's rows.
pub fn from_outcome(params: &SignalParams, outcome: &SignalOutcome, mut notices: Vec<String>) -> SignalResult {
    let n = outcome.samples;
    let x: Vec<f64> = outcome.indices.iter().map(|&k| position(params, k, n)).collect();
    let radians = params.kind == SignalKind::Sine;
    notices.extend(outcome.notices.iter().cloned());
    let series = outcome
        .series
        .iter()
        .enumerate()
        .map(|(color_index, s)| {
            let scheme = Scheme::parse(&s.id).ok();
            // The job writes `Granularity::name`; anything else reads as one scale per tensor.
            let granularity = Granularity::parse(&s.granularity).unwrap_or(Granularity::Tensor);
            let m = &s.metrics;
            let ran = Ran { granularity, block: s.block, bits_per_element: s.bits_per_element, mse: m.mse, max_abs_error: m.max_abs_error, sqnr_db: m.sqnr_db };
            let (label, row) = ran.describe(scheme.as_ref(), &s.id, color_index);
            SeriesData {
                id: s.id.clone(),
                label,
                color_index,
                values: s.values.clone(),
                abs_error: s.abs_error.clone(),
                rel_error: s.rel_error.clone(),
                row,
                notes: s.notes.clone(),
            }
        })
        .collect();
    let x_ticks = if radians { TickStyle::Pi } else { TickStyle::Decimal };
    let indices = if outcome.whole { Vec::new() } else { outcome.indices.clone() };
    SignalResult { x, original: outcome.original.clone(), series, notices, x_ticks, radians, samples: n, indices }
}

/// Bits per element with at most 4 decimals ("4.5", "8.25", "4.0625").
pub fn format_bits(bits: f64) -> String {
    with_decimals(bits, 4)
}

impl SignalResult {
    /// The reconstructions as chart series.
    pub fn signal_series(&self) -> Vec<Series<'_>> {
        self.series
            .iter()
            .map(|s| Series { label: &s.label, color: series_color(s.color_index).rgb_color(), values: &s.values })
            .collect()
    }

    /// The error curves as chart series.
    pub fn error_series(&self, relative: bool) -> Vec<Series<'_>> {
        self.series
            .iter()
            .map(|s| Series {
                label: &s.label,
                color: series_color(s.color_index).rgb_color(),
                values: if relative { &s.rel_error } else { &s.abs_error },
            })
            .collect()
    }

    /// The error plot's y range: fitted for absolute errors; for relative errors (0, 1) when
    /// some exceed [`RELATIVE_CAP`] (near the zeros of the original they grow without bound).
    pub fn error_y_range(&self, relative: bool) -> Option<(f64, f64)> {
        if !relative {
            return None;
        }
        let max = self.series.iter().flat_map(|s| s.rel_error.iter()).filter(|v| v.is_finite()).fold(0f32, |a, &b| a.max(b));
        (max as f64 > RELATIVE_CAP).then_some((0.0, RELATIVE_CAP))
    }

    /// A chart's text summary, for screen readers and print, in `tr`'s language: the signal
    /// chart's (`error` false: the samples, the original's range, the reconstructions) or the
    /// error chart's (each reconstruction's largest error, `relative` or absolute; samples
    /// where the original is 0 have no relative error).
    pub fn summary(&self, error: bool, relative: bool, tr: &SignalText) -> String {
        if !error {
            let finite = self.original.iter().filter(|v| v.is_finite()).map(|&v| f64::from(v));
            let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
            let range = |v: f64| if v.is_finite() { compact(v) } else { "—".into() };
            let labels: Vec<&str> = self.series.iter().map(|s| s.label.as_str()).collect();
            return (tr.plot_summary)(self.samples, &range(lo), &range(hi), &labels.join(", "));
        }
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|s| {
                let largest = if relative {
                    let max = s.rel_error.iter().filter(|v| v.is_finite()).fold(None::<f32>, |m, &v| Some(m.map_or(v, |m| m.max(v))));
                    max.map_or_else(|| "—".into(), |m| compact(f64::from(m)))
                } else {
                    s.row.max_abs.clone()
                };
                format!("{} {largest}", s.label)
            })
            .collect();
        (tr.error_summary)(relative, &parts.join("; "))
    }

    /// The quantizers' remarks, one per scheme and remark ("nvfp4: …"), in `lang`.
    pub fn notes(&self, lang: crate::i18n::Lang) -> Vec<String> {
        self.series.iter().flat_map(|s| s.notes.iter().map(move |n| format!("{}: {}", s.id, lang.remark(n)))).collect()
    }

    /// What the hover read-out shows at sample `index`.
    pub fn hover(&self, index: usize) -> Option<Hover> {
        let x = *self.x.get(index)?;
        let original = *self.original.get(index)?;
        // A decimated view's point is a column's minimum or maximum, at one of its samples.
        let (sample, of_column) = match self.indices.get(index) {
            Some(&k) => (k as usize, " (a pixel column's min or max)"),
            None => (index, ""),
        };
        let position = if self.radians {
            format!("sample {sample}, x = {} = {}π{of_column}", fixed(x, 4), fixed(x / std::f64::consts::PI, 4))
        } else {
            format!("sample {sample}{of_column}")
        };
        let rows = self
            .series
            .iter()
            .map(|s| {
                let v = s.values.get(index).copied().unwrap_or(f32::NAN);
                let e = v as f64 - original as f64;
                HoverRow {
                    label: s.label.clone(),
                    color: series_css(s.color_index),
                    value: f32_text(v),
                    error: signed_compact(e),
                    relative: if original != 0.0 && e.is_finite() { format!("{}%", fixed(e.abs() / (original as f64).abs() * 100.0, 2)) } else { "—".into() },
                }
            })
            .collect();
        Some(Hover { index, position, original: f32_text(original), rows })
    }
}

/// The shortest decimal that reads back as the same f32 ("0.0052083335").
pub fn f32_text(v: f32) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity".into() } else { "-Infinity".into() }
    } else {
        format!("{v}")
    }
}

/// `x` with at most `decimals` decimals, and no "-0".
fn fixed(x: f64, decimals: usize) -> String {
    let text = with_decimals(x, decimals);
    if text == "-0" { "0".into() } else { text }
}

fn signed_compact(e: f64) -> String {
    if e > 0.0 { format!("+{}", compact(e)) } else if e == 0.0 { "0".into() } else { compact(e) }
}

/// The hover read-out at one sample.
#[derive(Clone, Debug, PartialEq)]
pub struct Hover {
    /// The sample index.
    pub index: usize,
    /// "sample 17, x = 0.8345 = 0.2656π".
    pub position: String,
    /// The original value.
    pub original: String,
    /// One row per scheme.
    pub rows: Vec<HoverRow>,
}

/// One scheme in the hover read-out.
#[derive(Clone, Debug, PartialEq)]
pub struct HoverRow {
    /// Legend label.
    pub label: String,
    /// Colour (CSS hex).
    pub color: &'static str,
    /// The reconstruction.
    pub value: String,
    /// reconstruction − original.
    pub error: String,
    /// |error| / |original| in percent.
    pub relative: String,
}

/// The block sizes the block selector offers.
pub const BLOCK_CHOICES: [usize; 9] = [16, 32, 64, 128, 256, 512, 1024, 2048, 4096];

/// The block selector's sizes: [`BLOCK_CHOICES`] plus the current size when it is not a
/// usual one, ascending.
pub fn block_choices(block: usize) -> Vec<usize> {
    let mut sizes = BLOCK_CHOICES.to_vec();
    if !sizes.contains(&block) {
        sizes.push(block);
        sizes.sort_unstable();
    }
    sizes
}

/// The signal selector's choices: (kind, label in the language of `t`).
pub fn wave_choices(t: &crate::i18n::SignalText) -> Vec<(SignalKind, &'static str)> {
    SignalKind::ALL
        .iter()
        .map(|&k| {
            let label = match k {
                SignalKind::Sine => t.waves[0],
                SignalKind::Ramp => t.waves[1],
                SignalKind::Noise => t.waves[2],
            };
            (k, label)
        })
        .collect()
}

/// One scheme checkbox: its id, description and plot colour when selected.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemeChoice {
    /// The canonical scheme id (`data-scheme`).
    pub id: String,
    /// The scheme's description (tooltip).
    pub description: &'static str,
    /// Its plot colour when selected.
    pub color: Option<&'static str>,
}

/// The scheme checkboxes, grouped: (group title, choices); the selected schemes that are not
/// offered (from a link) come last, under "from the link".
pub fn scheme_choices(selected: &[String]) -> Vec<(&'static str, Vec<SchemeChoice>)> {
    let choice = |id: String| SchemeChoice {
        description: Scheme::parse(&id).map(|s| s.info.description).unwrap_or(""),
        color: scheme_color(selected, &id),
        id,
    };
    let mut groups: Vec<(&'static str, Vec<SchemeChoice>)> =
        SCHEME_GROUPS.iter().map(|(title, ids)| (*title, ids.iter().map(|s| choice(s.to_string())).collect())).collect();
    let extra = extra_schemes(selected);
    if !extra.is_empty() {
        groups.push(("from the link", extra.into_iter().map(choice).collect()));
    }
    groups
}

/// The colour of scheme `id` if it is selected (the palette follows the selection order).
pub fn scheme_color(selected: &[String], id: &str) -> Option<&'static str> {
    selected.iter().position(|s| s == id).map(series_css)
}

/// The selected schemes that are not among [`offered_schemes`] (from a URL), so the picker
/// can list them too.
pub fn extra_schemes(selected: &[String]) -> Vec<String> {
    let offered = offered_schemes();
    selected.iter().filter(|s| !offered.contains(&s.as_str())).cloned().collect()
}

/// The device-pixel ratio to draw at: the browser's, kept within 1..=4 (plots drawn below 1
/// would be blurry when the page is zoomed back in).
pub fn draw_ratio(device_pixel_ratio: f64) -> f64 {
    if device_pixel_ratio.is_finite() { device_pixel_ratio.clamp(1.0, 4.0) } else { 1.0 }
}

/// A canvas's backing store for a CSS size at a device-pixel ratio (at least 1 × 1, at most
/// 16384 × 16384; 1 where the product is NaN).
// `max` (unlike `clamp`, which keeps NaN, and NaN as u32 is 0) turns NaN into 1.
#[allow(clippy::manual_clamp)]
pub fn backing_size(css_width: f64, css_height: f64, ratio: f64) -> (u32, u32) {
    let px = |css: f64| (css * ratio).round().max(1.0).min(16384.0) as u32;
    (px(css_width), px(css_height))
}

/// The sample under a pointer at CSS offset `offset_x` (the whole height of the plot counts).
pub fn hover_index(mapping: &PlotMapping, offset_x: f64, ratio: f64) -> Option<usize> {
    mapping.index_at(offset_x * ratio)
}

/// The CSS left offset of the hover cursor for sample `index`: the middle of its step.
pub fn cursor_left(mapping: &PlotMapping, index: usize, ratio: f64) -> Option<f64> {
    let start = mapping.sample_px(index)?;
    let end = mapping.sample_px(index + 1).unwrap_or_else(|| mapping.x_to_px(mapping.x_range.1));
    Some((start + end) / 2.0 / ratio)
}

/// The mappings of the signal plot and the error plot (None for a plot not drawn).
pub type Mappings = (Option<PlotMapping>, Option<PlotMapping>);

/// Draws the signal plot into `signal` and the error plot into `error` (at `scale` device
/// pixels per CSS pixel), with the axis titles in `lang`, and returns their mappings for hover
/// read-outs.
///
/// # Errors
/// Whatever the chart functions report (never for a [`SignalResult`] from [`compute`]).
pub fn draw_plots<DB: DrawingBackend>(
    result: &SignalResult,
    relative: bool,
    signal: Option<&DrawingArea<DB, Shift>>,
    error: Option<&DrawingArea<DB, Shift>>,
    scale: f64,
    lang: crate::i18n::Lang,
) -> Result<Mappings, ChartError<DB::ErrorType>> {
    let titles = lang.chart_titles();
    let x_title = if result.radians { titles.phase } else { titles.sample };
    let mut out = (None, None);
    if let Some(area) = signal {
        let series = result.signal_series();
        let mut plot = SignalPlot::new(&result.x, &result.original, &series);
        plot.x_ticks = result.x_ticks;
        plot.x_label = x_title;
        plot.y_label = titles.value;
        plot.original_label = titles.original;
        plot.scale = scale;
        out.0 = Some(draw_signal_plot(area, &plot)?);
    }
    if let Some(area) = error {
        let series = result.error_series(relative);
        let mut plot = ErrorPlot::new(&result.x, &series);
        plot.relative = relative;
        plot.x_ticks = result.x_ticks;
        plot.x_label = x_title;
        plot.y_label = Some(titles.errors[usize::from(relative)]);
        plot.y_range = result.error_y_range(relative);
        plot.scale = scale;
        out.1 = Some(draw_error_plot(area, &plot)?);
    }
    Ok(out)
}

/// One of the two charts as an SVG document of `width × height` pixels (`error`: the error
/// chart, else the signal chart): the same drawing as the canvas, on plotters' SVG backend,
/// with the axis titles in `lang`.
pub fn plot_svg(result: &SignalResult, relative: bool, error: bool, width: u32, height: u32, lang: crate::i18n::Lang) -> Result<String, String> {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (width.max(1), height.max(1))).into_drawing_area();
        let (signal, errors) = if error { (None, Some(&area)) } else { (Some(&area), None) };
        draw_plots(result, relative, signal, errors, 1.0, lang).map_err(|e| e.to_string())?;
    }
    Ok(svg)
}

/// The metrics table as a file: the same rows as the page, with the numbers in full
/// (JavaScript's shortest round-trip text, as the rows' data attributes hold them).
/// Its column names are in the language of `t`.
pub fn metrics_export(rows: &[MetricsRow], t: &crate::i18n::SignalText) -> Table {
    Table {
        headers: t.metrics_export.map(String::from).to_vec(),
        rows: rows
            .iter()
            .map(|r| vec![r.scheme.clone(), r.label.clone(), r.mse_attr.clone(), r.max_abs_attr.clone(), r.sqnr_attr.clone(), r.bits.clone(), r.block.clone()])
            .collect(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use lowbit_core::quant::SCHEMES;

    fn parse(query: &str) -> (SignalParams, Vec<String>) {
        let mut p = SignalParams::default();
        let mut notices = Vec::new();
        for (k, v) in crate::query::query_pairs(query) {
            match p.apply(&k, &v) {
                Some(n) => notices.extend(n.iter().map(crate::notice::Notice::english)),
                None => notices.push(format!("not a signal parameter: {k}")),
            }
        }
        notices.extend(p.settle().iter().map(crate::notice::Notice::english));
        (p, notices)
    }

    #[test]
    fn every_registry_scheme_is_offered_and_runs() {
        let offered = offered_schemes();
        for s in SCHEMES.iter().filter(|s| !s.parametric) {
            assert!(offered.contains(&s.id), "{}", s.id);
        }
        for id in ["cast:float8_e4m3fn", "absmax:float8_e4m3fn", "cast:float8_e5m2", "cast:float4_e2m1fn"] {
            assert!(offered.contains(&id));
        }
        let params = SignalParams { schemes: offered.iter().take(MAX_SCHEMES).map(|s| s.to_string()).collect(), ..SignalParams::default() };
        let r = compute(&params);
        assert_eq!(r.series.len(), MAX_SCHEMES);
        for id in &offered {
            assert_eq!(canonical_scheme(id).as_deref(), Ok(*id), "offered ids are canonical");
            let r = compute(&SignalParams { schemes: vec![id.to_string()], ..SignalParams::default() });
            let s = &r.series[0];
            assert_eq!(s.values.len(), 256);
            assert!(s.row.mse_attr.parse::<f64>().is_ok(), "{id}: {}", s.row.mse_attr);
            assert!(s.row.sqnr_attr.parse::<f64>().unwrap() > 0.0, "{id}");
        }
    }

    #[test]
    fn metrics_equal_the_core_computation() {
        let r = compute(&SignalParams::default());
        let sine = SignalSpec::default().generate();
        for (s, id) in r.series.iter().zip(["nf4", "fp4_bnb"]) {
            let q = Scheme::parse(id).unwrap().quantize(&sine, &Options { block: Some(64), ..Options::default() });
            let m = Metrics::compare(&sine, &q.dequantized);
            assert_eq!(s.row.scheme, id);
            assert_eq!(s.row.mse_attr.parse::<f64>().unwrap(), m.mse);
            assert_eq!(s.row.max_abs_attr.parse::<f64>().unwrap(), m.max_abs_error);
            assert_eq!(s.row.sqnr_attr.parse::<f64>().unwrap(), m.sqnr_db);
            assert_eq!(s.row.bits, "4.5");
            assert_eq!(s.row.block, "64");
            assert_eq!(s.label, format!("{id} b64"));
        }
        // The seed's bnb FP4 over the sine: the block absmax is 1, so the levels are bnb's table.
        let fp4 = &r.series[1];
        let levels = lowbit_core::codebook::FP4_BNB_VALUES;
        assert!(fp4.values.iter().all(|v| levels.contains(v)));
    }

    /// The worker's job for `params`, run natively to its end.
    fn worker_outcome(params: &SignalParams, columns: usize) -> (SignalOutcome, Vec<String>) {
        use lowbit_jobs::protocol::Outcome;
        use lowbit_jobs::signal::SignalTask;
        use lowbit_jobs::task::{no_clock, run_to_end};
        let (job, notices) = signal_job(params, columns);
        match run_to_end(&mut SignalTask::new(job), &mut no_clock(), &mut |_| true) {
            Ok(Outcome::Signal(o)) => (o, notices),
            other => panic!("signal job: {other:?}"),
        }
    }

    #[test]
    fn the_worker_path_shows_what_the_main_thread_path_shows() {
        // Every kind of row: blocks, fixed blocks, a block refused with a notice, a cast without
        // a scale, per-tensor absmax, and an unknown id.
        let params = SignalParams {
            schemes: vec!["nf4".into(), "mxfp4".into(), "nvfp4".into(), "cast:float8_e4m3fn".into(), "absmax:float8_e5m2".into(), "int8_absmax".into()],
            block: 128,
            samples: 1000,
            ..SignalParams::default()
        };
        let here = compute(&params);
        // Enough columns for every sample: the worker's views are whole.
        let (outcome, notices) = worker_outcome(&params, 1000);
        assert!(outcome.whole);
        let there = from_outcome(&params, &outcome, notices);
        assert_eq!(there.notices, here.notices);
        assert_eq!(there.samples, 1000);
        assert!(there.indices.is_empty(), "a whole view is not marked decimated");
        assert_eq!(there.x.len(), here.x.len());
        for (a, b) in there.x.iter().zip(&here.x) {
            assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} vs {b}");
        }
        assert_eq!(there.original, here.original);
        assert_eq!(there.series.len(), here.series.len());
        for (a, b) in there.series.iter().zip(&here.series) {
            assert_eq!(a.row, b.row, "the metrics rows are the same");
            assert_eq!((&a.label, &a.values, &a.notes), (&b.label, &b.values, &b.notes));
        }
        assert_eq!(there.notes(crate::i18n::Lang::Ru), here.notes(crate::i18n::Lang::Ru));
    }

    #[test]
    fn large_signals_go_to_the_worker_and_come_back_decimated() {
        let small = SignalParams { samples: 4096, schemes: vec!["nf4".into(), "fp4_bnb".into()], ..SignalParams::default() };
        assert!(runs_on_main_thread(&small), "4096 × 2 = 8192 element-operations stay here");
        let big = SignalParams { samples: 4097, ..small.clone() };
        assert!(!runs_on_main_thread(&big));
        let params = SignalParams { samples: 100_000, ..small };
        let (outcome, notices) = worker_outcome(&params, 256);
        let r = from_outcome(&params, &outcome, notices);
        assert_eq!(r.samples, 100_000);
        assert!(!r.indices.is_empty() && r.indices.len() == r.x.len() && r.x.len() <= 2 * 256);
        assert_eq!(r.series[0].row.block, "64");
        // A point of the decimated view says which sample it is.
        let k = r.indices[7];
        let h = r.hover(7).unwrap();
        assert!(h.position.starts_with(&format!("sample {k}, ")) && h.position.contains("min or max"), "{}", h.position);
    }

    #[test]
    fn fixed_block_schemes_ignore_the_block_with_a_notice() {
        let r = compute(&SignalParams { schemes: vec!["mxfp4".into(), "nvfp4".into(), "cast:float8_e4m3fn".into(), "fp4_bnb".into()], block: 48, ..SignalParams::default() });
        assert_eq!(r.notices.len(), 3, "{:?}", r.notices);
        assert!(r.notices[0].contains("mxfp4") && r.notices[0].contains("32"));
        assert!(r.notices[1].contains("nvfp4") && r.notices[1].contains("16"));
        assert!(r.notices[2].contains("fp4_bnb") && r.notices[2].contains("64"));
        let blocks: Vec<&str> = r.series.iter().map(|s| s.row.block.as_str()).collect();
        assert_eq!(blocks, ["32 (fixed)", "16 (fixed)", "—", "64"]);
        let bits: Vec<&str> = r.series.iter().map(|s| s.row.bits.as_str()).collect();
        assert_eq!(bits, ["4.25", "4.5", "8", "4.5"]);
        let r = compute(&SignalParams { schemes: vec!["mxfp4".into()], block: 32, ..SignalParams::default() });
        assert!(r.notices.is_empty());
    }

    #[test]
    fn errors_and_hover() {
        let r = compute(&SignalParams { schemes: vec!["cast:float8_e4m3fn".into()], ..SignalParams::default() });
        let s = &r.series[0];
        assert!(s.rel_error[0].is_nan(), "sin(0) = 0 has no relative error");
        let h = r.hover(32).unwrap();
        assert_eq!(h.original, "1");
        assert_eq!(h.rows[0].value, "1");
        assert_eq!(h.rows[0].error, "0");
        assert!(h.position.contains("0.5π"), "{}", h.position);
        let h = r.hover(1).unwrap();
        assert_eq!(h.rows[0].label, "cast:float8_e4m3fn");
        assert_eq!(h.rows[0].color, "var(--lowbit-series-0)");
        assert!(r.hover(256).is_none());
        assert_eq!(r.error_y_range(false), None);
        let noise = compute(&SignalParams { kind: SignalKind::Noise, schemes: vec!["int4_absmax".into()], ..SignalParams::default() });
        assert_eq!(noise.x_ticks, TickStyle::Decimal);
        assert_eq!(noise.hover(3).unwrap().position, "sample 3");
    }

    #[test]
    fn the_charts_have_text_summaries() {
        let r = compute(&SignalParams { schemes: vec!["nf4".into(), "fp4_bnb".into()], ..SignalParams::default() });
        let en = crate::i18n::Lang::En.signal();
        let (nf4, bnb) = (&r.series[0], &r.series[1]);
        assert_eq!(
            r.summary(false, false, en),
            format!("The signal, 256 samples from -1 to 1, and its reconstructions by {}, {}, drawn as steps.", nf4.label, bnb.label)
        );
        let absolute = r.summary(true, false, en);
        assert_eq!(absolute, format!("The absolute error of each reconstruction per sample; the largest: {} {}; {} {}.", nf4.label, nf4.row.max_abs, bnb.label, bnb.row.max_abs));
        // Relative: the largest |q − x| / |x| over the samples where x ≠ 0 (sin 0 has none).
        let largest = |s: &SeriesData| {
            s.original_samples_nonzero(&r.original).map(|(q, x)| ((q as f64 - x as f64) / x as f64).abs() as f32).fold(0f32, f32::max)
        };
        let relative = r.summary(true, true, en);
        assert!(relative.starts_with("The relative error"), "{relative}");
        for s in [nf4, bnb] {
            assert!(relative.contains(&format!("{} {}", s.label, compact(f64::from(largest(s))))), "{relative}");
        }
        let ru = r.summary(true, true, crate::i18n::Lang::Ru.signal());
        assert!(ru.starts_with("Относительная ошибка") && !ru.contains("error"), "{ru}");
    }

    impl SeriesData {
        /// (reconstruction, original) at the samples where the original is not 0.
        fn original_samples_nonzero<'a>(&'a self, original: &'a [f32]) -> impl Iterator<Item = (f32, f32)> + 'a {
            self.values.iter().zip(original).filter(|(_, &x)| x != 0.0).map(|(&q, &x)| (q, x))
        }
    }

    #[test]
    fn presets_are_valid() {
        let p = presets(crate::i18n::Lang::En.signal());
        assert_eq!(p[0].id, "seed-fp4");
        assert_eq!(p[0].params.schemes, ["fp4_bnb"]);
        assert_eq!((p[0].params.samples, p[0].params.block), (256, 64));
        for preset in &p {
            let mut params = preset.params.clone();
            assert!(params.settle().is_empty(), "{}", preset.id);
            let r = compute(&params);
            // Only the fixed-block schemes (MX, NVFP4) note that they ignore block 64.
            assert!(r.notices.iter().all(|n| n.contains("fixes the block size")), "{}: {:?}", preset.id, r.notices);
            assert_eq!(r.series.len(), params.schemes.len());
        }
    }

    #[test]
    fn canvas_geometry() {
        assert_eq!(backing_size(800.0, 320.0, 2.0), (1600, 640));
        assert_eq!(backing_size(0.0, 320.0, 1.5), (1, 480));
        assert_eq!(backing_size(f64::NAN, f64::INFINITY, 0.0), (1, 1), "NaN was a 0-pixel canvas");
        assert_eq!(backing_size(1e9, 320.0, 4.0), (16384, 1280));
        assert_eq!(draw_ratio(0.5), 1.0);
        assert_eq!(draw_ratio(f64::NAN), 1.0);
        assert_eq!(draw_ratio(2.0), 2.0);
        let r = compute(&SignalParams::default());
        let mut svg = String::new();
        let (m, _) = {
            let area = SVGBackend::with_string(&mut svg, (1600, 640)).into_drawing_area();
            draw_plots(&r, false, Some(&area), None, 2.0, crate::i18n::Lang::En).unwrap()
        };
        let m = m.unwrap();
        let left = cursor_left(&m, 100, 2.0).unwrap();
        assert_eq!(hover_index(&m, left, 2.0), Some(100));
        assert_eq!(hover_index(&m, 0.0, 2.0), None);
        assert!(cursor_left(&m, 255, 2.0).is_some());
    }

    #[test]
    fn scheme_colours_follow_the_selection() {
        let selected = vec!["fp4_bnb".to_string(), "cast:float6_e3m2fn".to_string()];
        assert_eq!(scheme_color(&selected, "fp4_bnb"), Some("var(--lowbit-series-0)"));
        assert_eq!(scheme_color(&selected, "cast:float6_e3m2fn"), Some("var(--lowbit-series-1)"));
        assert_eq!(scheme_color(&selected, "nf4"), None);
        assert_eq!(extra_schemes(&selected), ["cast:float6_e3m2fn"]);
    }

    #[test]
    fn presets_and_groups_read_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            let tr = lang.signal();
            let p = presets(tr);
            assert_eq!(p.len(), 5);
            assert_eq!((p[0].id, p[0].label), ("seed-fp4", tr.presets[0].0));
            assert_eq!(group_title("MX / NVFP4", tr), tr.scheme_groups[2]);
            assert_eq!(group_title("from the link", tr), tr.scheme_groups[SCHEME_GROUPS.len()]);
        }
        assert_eq!(group_title("4-bit (seed)", crate::i18n::Lang::Ru.signal()), "4 бита (статья)");
        assert_eq!(SCHEME_GROUPS.len() + 1, crate::i18n::Lang::En.signal().scheme_groups.len(), "a title per group and the link's");
        assert!(SCHEME_GROUPS.iter().zip(crate::i18n::Lang::En.signal().scheme_groups).all(|((key, _), title)| *key == title), "English titles are the groups' own");
    }

    #[test]
    fn the_seed_preset_matches_its_url() {
        let (from_url, _) = parse("schemes=fp4_bnb&block=64&samples=256");
        let p = presets(crate::i18n::Lang::En.signal());
        assert!(p[0].matches(&from_url));
        assert!(!p[1].matches(&from_url));
        assert!(!p[0].matches(&SignalParams::default()));
    }

    #[test]
    fn wave_choices_follow_the_language() {
        let en: Vec<&str> = wave_choices(crate::i18n::Lang::En.signal()).into_iter().map(|c| c.1).collect();
        assert_eq!(en, ["sine", "ramp (sawtooth)", "Gaussian noise"]);
        let ru = wave_choices(crate::i18n::Lang::Ru.signal());
        assert_eq!(ru.iter().map(|c| c.0).collect::<Vec<_>>(), SignalKind::ALL);
        assert_eq!(ru[0].1, "синус");
        for l in [crate::i18n::Lang::Ru, crate::i18n::Lang::De] {
            for ((_, a), b) in wave_choices(l.signal()).into_iter().zip(&en) {
                assert_ne!(a, *b, "{l:?}");
            }
        }
    }

    #[test]
    fn charts_and_metrics_export() {
        let r = compute(&SignalParams { schemes: vec!["nf4".into(), "fp4_bnb".into()], ..SignalParams::default() });
        let signal = plot_svg(&r, false, false, 800, 340, crate::i18n::Lang::En).unwrap();
        let error = plot_svg(&r, true, true, 800, 240, crate::i18n::Lang::En).unwrap();
        for svg in [&signal, &error] {
            assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{svg:.80}");
            assert!(svg.contains("width=\"800\""), "{svg:.200}");
        }
        assert_ne!(signal, error);
        assert!(signal.matches("<polyline").count() >= 3, "the original and two reconstructions");
        let table =
            metrics_export(&r.series.iter().map(|s| s.row.clone()).collect::<Vec<_>>(), crate::i18n::Lang::En.signal());
        assert_eq!(table.headers[..3], ["scheme", "label", "MSE"]);
        let ru =
            metrics_export(&r.series.iter().map(|s| s.row.clone()).collect::<Vec<_>>(), crate::i18n::Lang::Ru.signal());
        assert_eq!((ru.headers[0].as_str(), ru.headers[5].as_str()), ("схема", "бит на элемент"));
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0][0], "nf4");
        assert_eq!(table.rows[0][2], r.series[0].row.mse_attr, "the MSE in full");
        assert!(table.rows.iter().all(|row| row.len() == table.headers.len()));
    }

    #[test]
    fn plots_draw_into_svg() {
        let params = SignalParams { schemes: vec!["fp4_bnb".into(), "nf4".into(), "mxfp4".into(), "int4_absmax".into()], samples: 1024, ..SignalParams::default() };
        let r = compute(&params);
        for relative in [false, true] {
            let (mut a, mut b) = (String::new(), String::new());
            let (m1, m2) = {
                let sa = SVGBackend::with_string(&mut a, (800, 300)).into_drawing_area();
                let sb = SVGBackend::with_string(&mut b, (800, 240)).into_drawing_area();
                draw_plots(&r, relative, Some(&sa), Some(&sb), 1.0, crate::i18n::Lang::En).unwrap()
            };
            assert!(a.contains("fp4_bnb b64") && a.contains("mxfp4 b32"));
            assert!(b.contains(if relative { "relative error" } else { "absolute error" }));
            let (m1, m2) = (m1.unwrap(), m2.unwrap());
            // The two plots line up: the same sample under the same column.
            let px = m1.sample_px(500).unwrap();
            assert_eq!(m1.index_at(px), Some(500));
            assert_eq!(m2.index_at(px), Some(500));
        }
    }
}
