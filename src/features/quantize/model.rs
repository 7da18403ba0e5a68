//! Everything the Quantize view shows, derived by plain functions: the user's numbers
//! quantized by one scheme of `lowbit_core::quant` — codes, packed bytes (4-bit schemes, with
//! their nibbles), scales, the reconstruction, the error metrics and the step-by-step trace —
//! plus a note wherever the inputs are an example of the seed articles ([`ARTICLE_CLAIMS`]).
//!
//! The numbers are those of `lowbit quantize SCHEME --trace` for the same input, formatted the
//! same way ([`show`]); [`QuantizeDisplay`] holds them as the strings the view lays out.
//! Tested natively.

use lowbit_core::decimal::js_string;
use lowbit_core::quant::{Element, Granularity, NibbleOrder, ScaleRule, Scheme, SecondLevel, SCHEMES};
use lowbit_jobs::protocol::Outcome;
use lowbit_jobs::quantize::{QuantizeData, QuantizeJob, QuantizeOutcome, QuantizeTask, RunOptions, TraceRowData};
use lowbit_jobs::task::{no_clock, run_to_end};

use crate::chart::LevelsChart;
use crate::i18n::{Lang, QuantizeText, QuantizeWords, SummaryFacts};
use crate::export::Table;

pub use super::params::*;

// ---------------------------------------------------------------------------------------------
// Claims of the seed articles, checked against the computation.

/// What of the computation a claim is checked against (and the note quotes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// The codes.
    Codes,
    /// The stored (dequantized) values.
    Stored,
    /// The packed bytes.
    Packed,
}

/// One example of a seed article: its inputs and whether Lowbit agrees with what the article
/// prints for them. What it prints and, when that is wrong, why are sentences of each
/// language's table (`QuantizeText::claims`, in this order); the native tests check them
/// against the computation. The note quotes the computed [`Fact`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArticleClaim {
    /// The seed article ("002").
    pub seed: &'static str,
    /// The scheme.
    pub scheme: &'static str,
    /// The inputs.
    pub values: &'static [f32],
    /// What the note quotes from the computation.
    pub fact: Fact,
    /// Whether Lowbit computes what the article prints.
    pub agrees: bool,
}

/// The known examples of the seed articles.
pub const ARTICLE_CLAIMS: [ArticleClaim; 5] = [
    // "codes [-1, 1, 4, -7]": wrong at -0.5.
    ArticleClaim { seed: "002", scheme: "int4_absmax", values: &[-0.5, 0.3, 1.2, -2.1], fact: Fact::Codes, agrees: false },
    // "the INT8 representation [-1, 1, 4, -7]": those are 4-bit codes.
    ArticleClaim { seed: "002", scheme: "int8_absmax", values: &[-0.5, 0.3, 1.2, -2.1], fact: Fact::Codes, agrees: false },
    // "the FP16 values [-0.5, 0.3, 1.2, -2.1]": the stored values rounded away.
    ArticleClaim { seed: "002", scheme: "cast:float16", values: &[-0.5, 0.3, 1.2, -2.1], fact: Fact::Stored, agrees: false },
    ArticleClaim { seed: "000", scheme: "fp4_bnb", values: &[1.0, 2.0, 3.0, 4.0], fact: Fact::Packed, agrees: true },
    ArticleClaim { seed: "000", scheme: "fp4_bnb", values: &[1.0, 2.0, 3.0, 64.0], fact: Fact::Stored, agrees: true },
];

/// A claim about these inputs, and what Lowbit computes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClaimNote {
    /// Which claim ([`ARTICLE_CLAIMS`]).
    pub claim: usize,
    /// Whether Lowbit agrees with the article.
    pub agrees: bool,
    /// The computed fact as a list ("[-2, 1, 4, -7]").
    pub computed: String,
}

impl ClaimNote {
    /// The sentence shown, in `tr`'s language.
    pub fn text(&self, tr: &QuantizeText) -> String {
        let claim = &ARTICLE_CLAIMS[self.claim];
        let (says, wrong) = tr.claims[self.claim];
        let fact = tr.claim_facts[claim.fact as usize];
        (tr.claim_note)(claim.seed, says, &format!("{fact} {}", self.computed), wrong.unwrap_or(tr.claim_agrees))
    }
}

/// The notes on the article claims about these inputs (none for other inputs), each quoting
/// the computed fact it is about (`q`: the parameters' result).
pub fn claim_notes(params: &QuantizeParams, q: &QuantizeOutcome) -> Vec<ClaimNote> {
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    ARTICLE_CLAIMS
        .iter()
        .enumerate()
        .filter(|(_, c)| c.scheme == params.scheme && params.block.is_none() && c.values.len() == params.values.len() && bits(c.values) == bits(&params.values))
        .map(|(claim, c)| ClaimNote {
            claim,
            agrees: c.agrees,
            computed: match c.fact {
                Fact::Codes => bracketed(&q.codes, |c| c.to_string()),
                Fact::Stored => bracketed(&q.dequantized, |d| show(*d as f64)),
                Fact::Packed => bracketed(&q.packed, |b| b.to_string()),
            },
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The computation and its display strings.

/// Everything the view shows for one set of parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantizeResult {
    /// The scheme's result: what the compute worker's quantize job returns
    /// ([`lowbit_jobs::quantize::quantize`]), whichever thread ran it.
    pub q: QuantizeOutcome,
    /// Whether the first element goes to the high nibble (bitsandbytes).
    pub high_first: bool,
    /// Whether the packed bytes are a GGUF type's blocks (as ggml stores them).
    pub gguf: bool,
    /// The article notes.
    pub claims: Vec<ClaimNote>,
    /// The trace's columns for this scheme (their headings in English; the page shows
    /// [`trace_headings`], in its language).
    pub columns: Vec<TraceColumn>,
    /// Trace rows computed with the result ([`compute`]: all of them, up to
    /// [`lowbit_jobs::quantize::MAX_TRACE_ROWS`]; the view reads windows instead).
    pub trace: Vec<TraceRowData>,
}

/// The scheme the parameters name; an id that does not parse (never from the URL, which
/// canonicalises it) runs the first registry scheme.
fn scheme_of(params: &QuantizeParams) -> Scheme {
    scheme_of_id(&params.scheme)
}

/// The scheme `id` names, else the first registry scheme (as [`scheme_of`]).
fn scheme_of_id(id: &str) -> Scheme {
    Scheme::parse(id).unwrap_or_else(|_| Scheme {
        id: SCHEMES[0].id.into(),
        info: SCHEMES[0],
        element: lowbit_core::quant::Element::Codebook(&lowbit_core::codebook::NF4),
    })
}

/// The compute worker's job for the parameters (the same job runs on the main thread for
/// small inputs: [`run_here`]). Its answer holds the first [`LIST_MAX`] entries of each list,
/// all the view shows, with their full lengths.
pub fn job(params: &QuantizeParams) -> QuantizeJob {
    QuantizeJob {
        scheme: scheme_of(params).id,
        values: params.values.clone(),
        options: RunOptions { block: params.block, ..RunOptions::default() },
        list_max: Some(LIST_MAX),
    }
}

/// The view's result from a quantize job's outcome for `params` (no trace rows: the view
/// reads windows of them).
pub fn from_outcome(params: &QuantizeParams, q: QuantizeOutcome) -> QuantizeResult {
    let scheme = scheme_of(params);
    let granularity = Granularity::parse(&q.granularity).unwrap_or(Granularity::Block);
    QuantizeResult {
        high_first: scheme.info.packing == NibbleOrder::HighFirst,
        gguf: matches!(scheme.element, Element::Gguf(_)),
        columns: trace_columns(&scheme, granularity, Lang::En.quantize_words()),
        claims: claim_notes(params, &q),
        q,
        trace: Vec::new(),
    }
}

/// Runs the parameters' quantize job here, at once: the compute worker's own task
/// ([`QuantizeTask`]) run to its end, so both threads share one implementation. Returns the
/// result and what trace windows read ([`QuantizeData::trace`]); None when the job fails
/// (more than [`MAX_VALUES`] values).
pub fn run_here(params: &QuantizeParams) -> Option<(QuantizeResult, QuantizeData)> {
    let mut task = QuantizeTask::new(job(params));
    let Ok(Outcome::Quantize(outcome)) = run_to_end(&mut task, &mut no_clock(), &mut |_| true) else { return None };
    let data = task.take_data()?;
    Some((from_outcome(params, *outcome), data))
}

/// Quantizes the parameters' numbers here, with the trace rows (up to
/// [`lowbit_jobs::quantize::MAX_TRACE_ROWS`]); an unknown scheme runs the default one.
pub fn compute(params: &QuantizeParams) -> QuantizeResult {
    match run_here(params) {
        Some((mut result, data)) => {
            result.trace = data.trace(0, 0, params.values.len()).rows;
            result
        }
        None => {
            // Too many values: nothing quantized (the numbers box refuses such input first).
            let mut empty = params.clone();
            empty.values.clear();
            compute(&empty)
        }
    }
}

pub use lowbit_jobs::text::show;
use lowbit_jobs::text::{attr_list, bracketed, bracketed_list};

impl QuantizeResult {
    /// The CLI's summary line ("int4_absmax: 4 elements, block scales (size 64), 4.5
    /// bits/element, 3 bytes"): [`Self::summary_in`] English.
    pub fn summary(&self) -> String {
        self.summary_in(Lang::En.quantize_words())
    }

    /// The summary line in `words`' language, from the same facts as the CLI's.
    pub fn summary_in(&self, words: &QuantizeWords) -> String {
        let q = &self.q;
        (words.summary)(&SummaryFacts {
            scheme: &q.scheme,
            elements: q.lengths.codes,
            granularity: self.granularity(),
            block: q.block,
            bits_per_element: &show(q.bits_per_element),
            tensor_bits: q.tensor_bits,
            bytes: q.storage_bytes,
        })
    }

    /// What one scale covers.
    fn granularity(&self) -> Granularity {
        Granularity::parse(&self.q.granularity).unwrap_or(Granularity::Block)
    }

    /// Where the nominal rate ("bits / element", the scales spread over a whole block, row or
    /// large tensor, as papers quote it) holds: "at block 64".
    pub fn nominal_where(&self, words: &QuantizeWords) -> String {
        (words.nominal_where)(self.granularity(), self.q.block)
    }

    /// Bits per element of this input as stored: its bytes (codes, scales, zero points,
    /// tensor constants) over its count — 4 INT4 values with one f32 scale take 6 bytes, 12
    /// bits each ("12 (6 bytes for 4 values; nominal 4.5 at block 64)"); "-" for no input.
    pub fn actual_bits(&self, words: &QuantizeWords) -> String {
        let n = self.q.lengths.codes;
        if n == 0 {
            return "-".into();
        }
        let bytes = self.q.storage_bytes;
        let each = (bytes * 8) as f64 / n as f64;
        (words.actual_bits)(&show(each), bytes, n as u64, &show(self.q.bits_per_element), &self.nominal_where(words))
    }

    /// Which inputs a packed byte holds: (high nibble's element, low nibble's element).
    pub fn nibble_elements(&self, byte: usize) -> (usize, usize) {
        if self.high_first { (2 * byte, 2 * byte + 1) } else { (2 * byte + 1, 2 * byte) }
    }
}
// ---------------------------------------------------------------------------------------------
// What the view shows, as strings.

/// A field of a trace row (`lowbit_core::quant::TraceRow`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TraceField {
    /// The element's position.
    Index,
    /// Its scale group (block or row).
    Group,
    /// The input x.
    Input,
    /// The group statistic the scale comes from (absmax, max − min, mean|W|, …).
    Statistic,
    /// The scale.
    Scale,
    /// The zero point.
    ZeroPoint,
    /// The value handed to the element: x / scale (+ zero point).
    Scaled,
    /// After rounding, before clamping (the chosen level or element value where those coincide).
    Rounded,
    /// After clamping.
    Clamped,
    /// The code.
    Code,
    /// The reconstruction.
    Dequantized,
    /// dequantized − x.
    Error,
}

/// One column of the trace: the field it shows and its heading, named for what it holds in
/// this scheme ("mean|W|" for ternary, "x / absmax" for bitsandbytes, "nearest float16 value"
/// for a cast).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TraceColumn {
    /// The field shown.
    pub field: TraceField,
    /// The heading.
    pub heading: String,
}

/// The element format's name in headings (`float4_e2m1fn`, `nf4`).
fn element_name(scheme: &Scheme) -> String {
    match &scheme.element {
        Element::Format(f) => f.id().to_string(),
        _ => scheme.info.element.to_string(),
    }
}

/// The trace's columns for `scheme` run at `granularity`: what each kernel of
/// `lowbit_core::quant` puts in each field of its trace rows, named for it, and only the
/// fields that hold something of their own (no zero point for symmetric schemes, no scale for
/// plain casts, no "clamped" where it is the code).
pub fn trace_columns(scheme: &Scheme, granularity: Granularity, words: &QuantizeWords) -> Vec<TraceColumn> {
    use TraceField as F;
    let info = &scheme.info;
    let element = element_name(scheme);
    let [index, block, row, error, code, rounded, dequantized, scale, zero_point, absmax, block_absmax, row_absmax, threshold, level_index, value, level] = words.trace;
    let [element_level, nearest_level, nearest_value, element_code, stored_value, element_max] = words.element.map(|f| f(&element));
    let group = match granularity {
        Granularity::Block => Some(block),
        Granularity::Row => Some(row),
        Granularity::Tensor => None,
    };
    let (qmin, qmax) = match scheme.element {
        Element::Int { bits, .. } if (2..=32).contains(&bits) => (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1),
        _ => (0, 0),
    };
    let clamp = format!("{code} = clamp({rounded}, {qmin}, {qmax})");
    let fields: Vec<(F, String)> = match (info.scale_rule, &scheme.element) {
        // GGUF: ggml's (sub-)block scale d and, for the min-offset types, the min (read back
        // from the blocks: x ≈ level · d + min).
        (rule, Element::Gguf(_)) => {
            let mut f = vec![(F::Statistic, block_absmax.to_string()), (F::Scale, format!("{scale} d"))];
            if rule == ScaleRule::ZeroPoint {
                f.push((F::ZeroPoint, format!("{zero_point} −min / d")));
                f.push((F::Scaled, "(x − min) / d".into()));
            } else {
                f.push((F::Scaled, "x / d".into()));
            }
            f.push((F::Rounded, element_level));
            f.push((F::Code, code.into()));
            f.push((F::Dequantized, format!("{dequantized} (ggml)")));
            f
        }
        // bitsandbytes: s = x · (1/absmax), the nearest level's index.
        (ScaleRule::AbsmaxReciprocal, Element::Codebook(_)) => vec![
            (F::Statistic, absmax.into()),
            (F::Scaled, format!("x / {absmax}")),
            (F::Rounded, nearest_level),
            (F::Code, format!("{code} ({level_index})")),
            (F::Dequantized, format!("{dequantized} = {level} × {absmax}")),
        ],
        // LLM.int8(): rows scaled by 127 / row absmax.
        (ScaleRule::AbsmaxReciprocal, _) => vec![
            (F::Statistic, row_absmax.into()),
            (F::Scale, format!("{scale} = {row_absmax} / 127")),
            (F::Scaled, format!("x · 127 / {row_absmax}")),
            (F::Rounded, rounded.into()),
            (F::Code, format!("{code} = clamp({rounded}, -127, 127)")),
            (F::Dequantized, dequantized.into()),
        ],
        // OCP MX: a shared power of two, elements x · 2^-e in the element format.
        (ScaleRule::SharedExponent, _) => vec![
            (F::Statistic, block_absmax.into()),
            (F::Scale, format!("{scale} 2^e (E8M0)")),
            (F::Scaled, "x / 2^e".into()),
            (F::Rounded, nearest_value),
            (F::Code, element_code),
            (F::Dequantized, format!("{dequantized} = {value} × 2^e")),
        ],
        // NVFP4: a tensor scale p and an E4M3 block scale s.
        (ScaleRule::Absmax, Element::Format(_)) if info.second_level == SecondLevel::TensorAmax => vec![
            (F::Statistic, block_absmax.into()),
            (F::Scale, format!("{scale} p · s ({})", words.tensor_block)),
            (F::Scaled, "x / (p · s)".into()),
            (F::Rounded, nearest_value),
            (F::Code, element_code),
            (F::Dequantized, format!("{dequantized} = {value} × p · s")),
        ],
        // BitNet b1.58: γ = max(mean|W|, 1e-5), codes clamp(round(x / γ), -1, 1).
        (ScaleRule::AbsMean, Element::Codebook(book)) if book.values().len() == 3 => vec![
            (F::Statistic, "mean|W|".into()),
            (F::Scale, "γ = max(mean|W|, 1e-5)".into()),
            (F::Scaled, "x / γ".into()),
            (F::Rounded, "round(x / γ)".into()),
            (F::Code, format!("{code} = clamp(round(x / γ), -1, 1)")),
            (F::Dequantized, format!("{dequantized} = {code} × γ")),
        ],
        // Binary: sign(x) × mean|W|.
        (ScaleRule::AbsMean, _) => vec![
            (F::Scale, format!("{scale} = mean|W|")),
            (F::Code, format!("{code} = sign(x), sign(0) = +1")),
            (F::Dequantized, format!("{dequantized} = {code} × mean|W|")),
        ],
        (ScaleRule::ZeroPoint, _) => vec![
            (F::Statistic, "max − min".into()),
            (F::Scale, format!("{scale} = (max − min) / {}", qmax - qmin)),
            (F::ZeroPoint, format!("{zero_point} zp")),
            (F::Scaled, format!("x / {scale} + zp")),
            (F::Rounded, format!("round(x / {scale}) + zp")),
            (F::Code, clamp),
            (F::Dequantized, format!("{dequantized} = ({code} − zp) × {scale}")),
        ],
        (ScaleRule::MeanStd, _) => vec![
            (F::Statistic, format!("{threshold} = min(|mean| + k·std, absmax)")),
            (F::Scale, format!("{scale} = {threshold} / {qmax}")),
            (F::Scaled, format!("x / {scale}")),
            (F::Rounded, rounded.into()),
            (F::Code, clamp),
            (F::Dequantized, format!("{dequantized} = {code} × {scale}")),
        ],
        (_, Element::Int { .. }) => vec![
            (F::Statistic, absmax.into()),
            (F::Scale, format!("{scale} = {absmax} / {qmax}")),
            (F::Scaled, format!("x / {scale}")),
            (F::Rounded, rounded.into()),
            (F::Code, clamp),
            (F::Dequantized, format!("{dequantized} = {code} × {scale}")),
        ],
        // absmax:FORMAT: the absmax maps to the format's largest value.
        (ScaleRule::Absmax, _) => vec![
            (F::Statistic, absmax.into()),
            (F::Scale, format!("{scale} = {absmax} / {element_max}")),
            (F::Scaled, format!("x / {scale}")),
            (F::Rounded, nearest_value),
            (F::Code, element_code),
            (F::Dequantized, format!("{dequantized} = {value} × {scale}")),
        ],
        // cast:FORMAT: no scale; the stored value is the nearest value of the format, exact.
        _ => vec![(F::Code, element_code), (F::Rounded, stored_value)],
    };
    let mut columns = vec![TraceColumn { field: F::Index, heading: index.into() }];
    if let Some(g) = group.filter(|_| !matches!(info.scale_rule, ScaleRule::None)) {
        columns.push(TraceColumn { field: F::Group, heading: g.into() });
    }
    columns.push(TraceColumn { field: F::Input, heading: "x".into() });
    columns.extend(fields.into_iter().map(|(field, heading)| TraceColumn { field, heading }));
    columns.push(TraceColumn { field: F::Error, heading: format!("{error} = {dequantized} − x") });
    columns
}

/// One cell of a trace row.
fn trace_cell(t: &TraceRowData, field: TraceField) -> String {
    trace_text(t, field, show)
}

/// A trace cell with its number written by `number`.
fn trace_text(t: &TraceRowData, field: TraceField, show: fn(f64) -> String) -> String {
    match field {
        TraceField::Index => t.index.to_string(),
        TraceField::Group => t.group.to_string(),
        TraceField::Input => show(t.input),
        TraceField::Statistic => show(t.absmax),
        TraceField::Scale => show(t.scale),
        TraceField::ZeroPoint => show(t.zero_point),
        TraceField::Scaled => show(t.scaled),
        TraceField::Rounded => show(t.rounded),
        TraceField::Clamped => show(t.clamped),
        TraceField::Code => t.code.to_string(),
        TraceField::Dequantized => show(t.dequantized),
        TraceField::Error => show(t.error),
    }
}

/// The trace as a file: the same columns as the page, every number in full (JavaScript's
/// shortest round-trip text of the f64 the kernel computed), a row per element of `rows`,
/// under `headings` (the page's, [`trace_headings`]).
pub fn trace_export(columns: &[TraceColumn], headings: &[String], rows: &[TraceRowData]) -> Table {
    Table {
        headers: headings.to_vec(),
        rows: rows.iter().map(|t| columns.iter().map(|c| trace_text(t, c.field, js_string)).collect()).collect(),
    }
}

/// The numbers' histogram with the values the scheme stores overlaid
/// (`data-testid="quantize-histogram"`): lines at the stored values when there are few, else
/// the reconstruction's histogram as an outline; its words in `tr`'s language.
pub fn levels_chart(r: &QuantizeResult, tr: &QuantizeText) -> LevelsChart {
    let h = &r.q.histogram;
    let n = h.counts.iter().map(|&c| c as u64).sum::<u64>() as usize;
    let overlay_label = if h.overlay.levels.is_empty() {
        (tr.levels_outline)(&r.q.scheme, h.overlay.distinct.saturating_sub(1))
    } else {
        (tr.levels_lines)(&r.q.scheme, h.overlay.levels.len())
    };
    LevelsChart {
        title: (tr.levels_title)(&lowbit_jobs::text::thousands(n)),
        lo: h.lo,
        hi: h.hi,
        counts: h.counts.clone(),
        levels: h.overlay.levels.clone(),
        level_counts: h.overlay.level_counts.clone(),
        overlay_label,
        axis_titles: tr.histogram_axes,
    }
}

/// The chart's text summary, for screen readers.
pub fn levels_summary(chart: &LevelsChart, tr: &QuantizeText) -> String {
    (tr.levels_summary)(&chart.title, &show(chart.lo), &show(chart.hi), chart.counts.len(), &chart.overlay_label)
}

/// One packed byte of a 4-bit scheme.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PackedByte {
    /// Its position.
    pub index: usize,
    /// "0x75".
    pub hex: String,
    /// "01110101" (as seed 000 prints the bytes).
    pub binary: String,
    /// The byte.
    pub byte: u8,
    /// Its high nibble.
    pub high: u8,
    /// Its low nibble.
    pub low: u8,
}

/// The packed bytes of a 4-bit scheme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Packed {
    /// `data-bytes`: the bytes in decimal, comma-joined.
    pub bytes_attr: String,
    /// Whether the first element goes to the high nibble (bitsandbytes).
    pub high_first: bool,
    /// The heading of the high-nibble column ("high nibble: x[2i], first").
    pub high_heading: String,
    /// The heading of the low-nibble column.
    pub low_heading: String,
    /// One row per byte (the first [`PACKED_ROWS_MAX`]).
    pub bytes: Vec<PackedByte>,
    /// How many bytes there are.
    pub total: usize,
    /// The bytes the result holds (its first [`LIST_MAX`]), for the export.
    pub held: std::sync::Arc<[u8]>,
}

impl Packed {
    /// The packed bytes as a file: a row per byte the result holds (its first [`LIST_MAX`],
    /// more than the page's [`PACKED_ROWS_MAX`]), the page's columns — index, hex, binary,
    /// decimal, the high and the low nibble — under the page's headings (`columns`: the first
    /// four, in the page's language).
    pub fn export(&self, columns: [&str; 4]) -> Table {
        let mut headers: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
        headers.extend([self.high_heading.clone(), self.low_heading.clone()]);
        let rows = self
            .held
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                vec![
                    i.to_string(),
                    format!("0x{b:02x}"),
                    format!("{b:08b}"),
                    b.to_string(),
                    (b >> 4).to_string(),
                    (b & 15).to_string(),
                ]
            })
            .collect();
        Table { headers, rows }
    }
}

/// One row of the trace table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TraceRow {
    /// `data-index`.
    pub index: usize,
    /// `data-code`.
    pub code: i64,
    /// Whether clamping changed the value (row class `clipped`).
    pub clipped: bool,
    /// The cells, in the order of [`QuantizeDisplay::trace_columns`].
    pub cells: Vec<String>,
}

/// Everything the Quantize view shows for one result, as strings (`Default`: nothing yet).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuantizeDisplay {
    /// The CLI's summary line.
    pub summary: String,
    /// How many values were quantized (the trace's rows).
    pub count: usize,
    /// `data-codes`: the codes, comma-joined (the first [`LIST_MAX`]).
    pub codes_attr: String,
    /// The codes for reading ("[-2, 1, 4, -7]").
    pub codes: String,
    /// "scale" or "scales".
    pub scale_name: &'static str,
    /// The scales for reading.
    pub scales: String,
    /// Further facts of some schemes: (name, value), e.g. (zero_points, "[8]").
    pub extra: Vec<(&'static str, String)>,
    /// `data-values`: the dequantized values as JavaScript's numbers, comma-joined.
    pub values_attr: String,
    /// The dequantized values for reading.
    pub dequantized: String,
    /// The packed bytes (4-bit schemes).
    pub packed: Option<Packed>,
    /// The metrics: (name, value).
    pub metrics: Vec<(String, String)>,
    /// The quantizer's remarks.
    pub notes: Vec<String>,
    /// The article notes.
    pub claims: Vec<ClaimNote>,
    /// The trace's column headings, named for what they hold in this scheme.
    pub trace_columns: Vec<String>,
    /// Which trace column holds the code.
    pub code_column: Option<usize>,
    /// The trace (empty when the scheme gives none).
    pub trace: Vec<TraceRow>,
}

/// The most entries the lists of a result show (codes, scales, the reconstruction; their
/// `data-*` attributes hold the same): a million values stay a few kilobytes of page.
pub use lowbit_jobs::quantize::LIST_MAX;

/// The most rows of the packed-bytes table.
pub const PACKED_ROWS_MAX: usize = 256;

/// The trace table's rows for some trace rows of a result with these columns.
pub fn trace_rows(columns: &[TraceColumn], rows: &[TraceRowData]) -> Vec<TraceRow> {
    rows.iter()
        .map(|t| TraceRow { index: t.index, code: t.code, clipped: t.clipped, cells: columns.iter().map(|c| trace_cell(t, c.field)).collect() })
        .collect()
}

/// What the view shows for `r` in `lang`, with the trace rows `r` holds.
pub fn display(r: &QuantizeResult, lang: Lang) -> QuantizeDisplay {
    let mut d = display_without_trace(r, lang);
    d.trace = trace_rows(&r.columns, &r.trace);
    d
}

/// The trace's column headings for `r` in `words`' language (`r.columns` holds them in
/// English).
pub fn trace_headings(r: &QuantizeResult, words: &QuantizeWords) -> Vec<String> {
    trace_columns(&scheme_of_id(&r.q.scheme), r.granularity(), words).into_iter().map(|c| c.heading).collect()
}

/// What the view shows for `r` in `lang` but the trace rows (the view reads windows of them).
pub fn display_without_trace(r: &QuantizeResult, lang: Lang) -> QuantizeDisplay {
    let w = lang.quantize_words();
    let [scale_codes, tensor_scale, zero_points, outlier_columns, mins, blocks] = w.facts;
    let q = &r.q;
    let lengths = &q.lengths;
    let mut extra = Vec::new();
    if !q.scale_codes.is_empty() {
        extra.push((scale_codes, bracketed_list(&q.scale_codes, lengths.scale_codes, |b| format!("0x{b:02x}"))));
    }
    if let Some(p) = q.tensor_scale {
        extra.push((tensor_scale, show(p as f64)));
    }
    if !q.zero_points.is_empty() {
        extra.push((zero_points, bracketed_list(&q.zero_points, lengths.zero_points, |z| z.to_string())));
    }
    if !q.outlier_columns.is_empty() {
        extra.push((outlier_columns, bracketed_list(&q.outlier_columns, lengths.outlier_columns, |c| c.to_string())));
    }
    let gguf = r.gguf;
    if !q.mins.is_empty() {
        extra.push((mins, q.texts.mins.clone()));
    }
    if gguf {
        let shown = q.packed.len().min(LIST_MAX);
        let mut hex: String = q.packed[..shown].iter().map(|b| format!("{b:02x}")).collect();
        if shown < lengths.packed {
            hex.push_str(&(w.more_bytes)(&lowbit_jobs::text::thousands(lengths.packed - shown)));
        }
        extra.push((blocks, hex));
    }
    let packed_bytes = &q.packed;
    let packed = (!packed_bytes.is_empty()).then(|| {
        // A GGUF block's bytes hold scales and codes in the type's own order (the block explorer
        // lays them out by field): the nibbles are shown without naming elements.
        let n = w.nibbles;
        let (hi, lo) = match (gguf, r.high_first) {
            (true, _) => (n[0].to_string(), n[1].to_string()),
            (false, true) => (n[2].into(), n[3].into()),
            (false, false) => (n[4].into(), n[5].into()),
        };
        Packed {
            bytes_attr: attr_list(packed_bytes, |b| b.to_string()),
            high_first: r.high_first,
            high_heading: hi,
            low_heading: lo,
            total: lengths.packed,
            bytes: packed_bytes
                .iter()
                .take(PACKED_ROWS_MAX)
                .enumerate()
                .map(|(index, &b)| PackedByte { index, hex: format!("0x{b:02x}"), binary: format!("{b:08b}"), byte: b, high: b >> 4, low: b & 15 })
                .collect(),
            held: packed_bytes[..packed_bytes.len().min(LIST_MAX)].into(),
        }
    });
    let m = &q.metrics;
    QuantizeDisplay {
        summary: r.summary_in(w),
        count: lengths.codes,
        codes_attr: attr_list(&q.codes, |c| c.to_string()),
        codes: bracketed_list(&q.codes, lengths.codes, |c| c.to_string()),
        scale_name: w.scale_names[usize::from(lengths.scales != 1)],
        scales: q.texts.scales.clone(),
        extra,
        values_attr: q.texts.values_attr.clone(),
        dequantized: q.texts.dequantized.clone(),
        packed,
        metrics: vec![
            (w.metrics[0].into(), show(m.mse)),
            (w.metrics[1].into(), show(m.max_abs_error)),
            (w.metrics[2].into(), show(m.sqnr_db)),
            (w.metrics[3].into(), show(q.bits_per_element)),
            (w.metrics[4].into(), r.actual_bits(w)),
        ],
        notes: q.notes.iter().map(|n| lang.remark(n)).collect(),
        claims: r.claims.clone(),
        trace_columns: trace_headings(r, w),
        code_column: r.columns.iter().position(|c| c.field == TraceField::Code),
        trace: Vec::new(),
    }
}

/// The scheme picker's choices, in order (the current scheme added when it is not offered):
/// (id, description).
pub fn scheme_choices(selected: &str) -> Vec<(String, &'static str)> {
    let mut ids: Vec<String> = offered_schemes().into_iter().map(String::from).collect();
    if !ids.iter().any(|s| s == selected) {
        ids.push(selected.to_string());
    }
    ids.into_iter()
        .map(|id| {
            let description = Scheme::parse(&id).map(|s| s.info.description).unwrap_or("");
            (id, description)
        })
        .collect()
}

/// The block size box: the size in effect (empty when the scheme has no blocks), whether the
/// user may change it, and the allowed sizes (its tooltip).
#[derive(Clone, Debug, PartialEq)]
pub struct BlockBox {
    /// The value shown.
    pub value: String,
    /// Whether the box is enabled.
    pub choosable: bool,
    /// "allowed: …".
    pub title: String,
}

/// The block size box for `params` (None for an unknown scheme).
pub fn block_box(params: &QuantizeParams) -> Option<BlockBox> {
    let s = Scheme::parse(&params.scheme).ok()?;
    Some(BlockBox {
        value: params.block.or(s.info.default_block).map(|b| b.to_string()).unwrap_or_default(),
        choosable: block_choosable(&s),
        title: format!("allowed: {}", s.info.allowed_blocks.describe()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static QuantizeText {
        crate::i18n::Lang::En.quantize()
    }
    use crate::query::ViewParams;

    fn params(scheme: &str, values: &[f32]) -> QuantizeParams {
        QuantizeParams { scheme: scheme.into(), values: values.to_vec(), block: None, left_out: None, in_worker: None }
    }

    #[test]
    fn the_trace_exports_in_full_and_the_numbers_histogram_shows_the_levels() {
        let r = compute(&params("int4_absmax", &[-0.5, 0.3, 1.2, -2.1]));
        let table = trace_export(&r.columns, &trace_headings(&r, Lang::En.quantize_words()), &r.trace);
        assert_eq!(table.headers, r.columns.iter().map(|c| c.heading.clone()).collect::<Vec<_>>(), "English: the result's own headings");
        assert_eq!(table.rows.len(), 4);
        let input = r.columns.iter().position(|c| c.field == TraceField::Input).unwrap();
        let scale = r.columns.iter().position(|c| c.field == TraceField::Scale).unwrap();
        assert_eq!(table.rows[1][input], js_string(r.trace[1].input));
        assert_eq!(table.rows[0][scale], js_string(r.trace[0].scale), "the scale in full, not the CLI's 8 digits");
        let en = crate::i18n::Lang::En.quantize();
        let chart = levels_chart(&r, en);
        assert_eq!(chart.counts.iter().sum::<u32>(), 4);
        assert_eq!(chart.levels.len(), 4, "four codes, four stored values: {:?}", chart.levels);
        assert!(chart.overlay_label.starts_with("int4_absmax: its 4 stored values"), "{}", chart.overlay_label);
        assert!(levels_summary(&chart, en).starts_with("Histogram of 4 numbers from -2.1 to 1.2 in 16 bins"), "{}", levels_summary(&chart, en));
        let ru = levels_chart(&r, crate::i18n::Lang::Ru.quantize());
        assert_eq!((ru.title.as_str(), ru.levels.len()), ("чисел: 4", 4));
    }

    #[test]
    fn every_language_quotes_the_claims_with_the_same_numbers() {
        // The numbers of a text, in order ("-0.5 / 0.3 = -1.67" → ["-0.5", "0.3", "-1.67"]).
        fn numbers(text: &str) -> Vec<String> {
            let mut out = Vec::new();
            let mut current = String::new();
            for ch in text.chars().chain([' ']) {
                if ch.is_ascii_digit() || (ch == '.' && !current.is_empty()) || (ch == '-' && current.is_empty()) {
                    current.push(ch);
                } else {
                    let n = current.trim_end_matches('.');
                    if n.chars().any(|c| c.is_ascii_digit()) {
                        out.push(n.to_string());
                    }
                    current.clear();
                }
            }
            out
        }
        let en = en();
        for lang in crate::i18n::Lang::ALL {
            let tr = lang.quantize();
            for (i, claim) in ARTICLE_CLAIMS.iter().enumerate() {
                let (says, wrong) = tr.claims[i];
                let mut sorted = |t: &str| {
                    let mut n = numbers(t);
                    n.sort();
                    n
                };
                assert_eq!(sorted(says), sorted(en.claims[i].0), "{lang:?} claim {i}: {says}");
                assert_eq!(wrong.is_none(), claim.agrees, "{lang:?} claim {i}: a reason exactly when Lowbit disagrees");
                assert_eq!(wrong.map(&mut sorted), en.claims[i].1.map(&mut sorted), "{lang:?} claim {i}");
            }
        }
        let r = compute(&params("int4_absmax", &[-0.5, 0.3, 1.2, -2.1]));
        let ru = r.claims[0].text(crate::i18n::Lang::Ru.quantize());
        assert!(ru.starts_with("Статья (seed 002) приводит") && ru.contains("коды [-2, 1, 4, -7]"), "{ru}");
    }

    #[test]
    fn seed_002_int4_trace_and_the_article_note() {
        let r = compute(&params("int4_absmax", &[-0.5, 0.3, 1.2, -2.1]));
        assert_eq!(r.q.codes, vec![-2, 1, 4, -7]);
        let t = &r.trace;
        assert_eq!(t.len(), 4);
        assert_eq!(show(t[0].absmax), "2.1");
        assert_eq!(show(t[0].scale), "0.29999998", "2.1 / 7 in f32, as the CLI prints it");
        assert_eq!(show(t[0].rounded), "-2");
        let d = display(&r, Lang::En);
        assert_eq!(d.trace.len(), 4);
        assert_eq!((d.trace[0].index, d.trace[0].code), (0, -2));
        assert_eq!(r.claims.len(), 1);
        let note = &r.claims[0];
        assert!(!note.agrees);
        assert!(note.text(en()).contains("seed 002") && note.text(en()).contains("[-1, 1, 4, -7]") && note.text(en()).contains("-0.5"), "{}", note.text(en()));
        assert!(note.text(en()).contains("-1.67") && note.text(en()).contains("rounds to -2"), "{}", note.text(en()));
        assert!(note.text(en()).contains("[-2, 1, 4, -7]"), "{}", note.text(en()));
        // The claim's numbers, checked: the article's code at -0.5 is not the computed one,
        // and -0.5 / scale is -1.67 to two decimals.
        assert_ne!(r.q.codes[0], -1);
        assert_eq!(format!("{:.2}", t[0].scaled), "-1.67");
        assert!(!d.claims.is_empty() && !d.claims[0].agrees && !d.trace.is_empty());
        assert_eq!(d.codes_attr, "-2,1,4,-7");
        assert_eq!(d.codes, "[-2, 1, 4, -7]");
        // INT4 packs two's-complement nibbles, the first element in the LOW nibble (as the CLI: 1e 94).
        assert_eq!(r.q.packed, vec![0x1e, 0x94]);
        assert!(!d.packed.as_ref().unwrap().high_first);
    }

    #[test]
    fn seed_000_fp4_bnb_packed_high_nibble_first() {
        let r = compute(&params("fp4_bnb", &[1.0, 2.0, 3.0, 4.0]));
        assert_eq!(r.q.packed, vec![117, 35]);
        assert!(r.high_first);
        assert_eq!(r.q.scales, vec![4.0]);
        assert_eq!(r.q.dequantized, vec![1.0, 2.0, 2.6666667, 4.0]);
        let d = display(&r, Lang::En);
        let packed = d.packed.as_ref().unwrap();
        assert_eq!(packed.bytes_attr, "117,35");
        assert_eq!(d.dequantized, "[1, 2, 2.6666667, 4]");
        assert_eq!(d.values_attr, "1,2,2.6666667461395264,4");
        // 0x75: high nibble 7 = code of x[0], low nibble 5 = code of x[1].
        assert_eq!(packed.bytes[0], PackedByte { index: 0, hex: "0x75".into(), binary: "01110101".into(), byte: 117, high: 7, low: 5 });
        assert_eq!(packed.high_heading, "high nibble: x[2i], first");
        let file = packed.export(en().byte_columns);
        assert_eq!(
            file.headers,
            ["byte i", "hex", "binary", "decimal", "high nibble: x[2i], first", "low nibble: x[2i+1]"]
        );
        assert_eq!(file.rows, [["0", "0x75", "01110101", "117", "7", "5"], ["1", "0x23", "00100011", "35", "2", "3"]]);
        assert_eq!(r.claims.len(), 1);
        assert!(r.claims[0].agrees, "{}", r.claims[0].text(en()));

        let r = compute(&params("fp4_bnb", &[1.0, 2.0, 3.0, 64.0]));
        assert_eq!(r.q.dequantized, vec![0.33333334, 0.33333334, 0.33333334, 64.0]);
        assert_eq!(display(&r, Lang::En).dequantized, "[0.33333334, 0.33333334, 0.33333334, 64]");
        assert!(r.claims[0].agrees);
        // Other inputs: no article note.
        assert!(compute(&params("fp4_bnb", &[1.0, 2.0])).claims.is_empty());
        // A 4-bit float packs the first element in the LOW nibble.
        let r = compute(&params("mxfp4", &[1.0, 2.0]));
        assert!(!r.high_first && r.nibble_elements(0) == (1, 0));
    }

    #[test]
    fn seed_002_under_int8_and_float16() {
        let seed = [-0.5f32, 0.3, 1.2, -2.1];
        let r = compute(&params("int8_absmax", &seed));
        assert_eq!(r.q.codes, vec![-30, 18, 73, -127]);
        assert_eq!(r.claims.len(), 1);
        let note = &r.claims[0];
        assert!(!note.agrees);
        assert!(note.text(en()).contains("[-1, 1, 4, -7]") && note.text(en()).contains("codes [-30, 18, 73, -127]"), "{}", note.text(en()));
        // The claim's numbers: the INT8 scale, and -0.5 / scale.
        assert_eq!(format!("{:.6}", r.q.scales[0]), "0.016535");
        assert_eq!(format!("{:.2}", r.trace[0].scaled), "-30.24");
        assert_eq!(r.trace[3].code, -127);

        let r = compute(&params("cast:float16", &seed));
        let stored = [-0.5f32, 0.30004883, 1.2001953, -2.0996094];
        assert_eq!(r.q.dequantized, stored);
        let note = &r.claims[0];
        assert!(!note.agrees);
        assert!(note.text(en()).contains("stored values [-0.5, 0.30004883, 1.2001953, -2.0996094]"), "{}", note.text(en()));
        assert!(note.text(en()).contains("rounds the stored values away"), "{}", note.text(en()));
        // The exact values the note spells out.
        for (v, exact) in stored.iter().zip(["-0.5", "0.300048828125", "1.2001953125", "-2.099609375"]) {
            assert_eq!(js_string(*v as f64), exact);
            assert!(*v == -0.5 || note.text(en()).contains(exact), "{exact}");
        }
        let d = display(&r, Lang::En);
        assert_eq!(d.trace_columns, ["index", "x", "float16 code", "stored float16 value", "error = dequantized − x"]);
        assert_eq!(d.trace[1].cells[3], "0.30004883");
        // Other schemes, other blocks: no note.
        assert!(compute(&params("cast:bfloat16", &seed)).claims.is_empty());
        let mut p = params("int8_absmax", &seed);
        p.block = Some(2);
        assert!(compute(&p).claims.is_empty());
    }

    #[test]
    fn the_result_reads_in_every_language_with_the_same_numbers() {
        let r = compute(&params("int4_absmax", &[-0.5, 0.3, 1.2, -2.1]));
        let (en, ru) = (display(&r, Lang::En), display(&r, Lang::Ru));
        assert_eq!(en.summary, "int4_absmax: 4 elements, block scales (size 64), 4.5 bits/element, 6 bytes", "the CLI's line");
        assert_eq!(ru.summary, "int4_absmax: 4 элемента, масштабы блоков (размер 64), 4.5 бит на элемент, 6 байт");
        assert_eq!(
            ru.trace_columns,
            ["индекс", "блок", "x", "absmax", "масштаб = absmax / 7", "x / масштаб", "округлённое", "код = clamp(округлённое, -8, 7)", "восстановленное = код × масштаб", "ошибка = восстановленное − x"]
        );
        assert_eq!(ru.metrics[4].1, "12 (6 байт на 4 числа; номинально 4.5 при блоке 64)");
        for l in [Lang::Ru, Lang::De] {
            let d = display(&r, l);
            assert_eq!((&d.codes, &d.dequantized, &d.trace), (&en.codes, &en.dequantized, &en.trace), "{l:?}: the numbers as in English");
            assert_eq!(d.metrics.iter().map(|m| &m.1).take(4).collect::<Vec<_>>(), en.metrics.iter().map(|m| &m.1).take(4).collect::<Vec<_>>());
            assert_eq!(d.trace_columns.len(), en.trace_columns.len());
        }
    }

    #[test]
    fn trace_columns_are_named_for_what_they_hold() {
        let columns = |id: &str| display(&compute(&params(id, &[-0.5, 0.3, 1.2, -2.1])), Lang::En).trace_columns;
        let ternary = columns("ternary");
        assert!(ternary.iter().any(|c| c == "mean|W|") && !ternary.iter().any(|c| c.contains("absmax")), "{ternary:?}");
        assert!(ternary.iter().any(|c| c.contains("γ")));
        let binary = columns("binary");
        assert!(binary.iter().any(|c| c.contains("sign(x)")) && !binary.iter().any(|c| c.contains("absmax")), "{binary:?}");
        assert_eq!(columns("int4_absmax"), ["index", "block", "x", "absmax", "scale = absmax / 7", "x / scale", "rounded", "code = clamp(rounded, -8, 7)", "dequantized = code × scale", "error = dequantized − x"]);
        assert!(columns("int8_zeropoint").iter().any(|c| c == "max − min") && columns("int8_zeropoint").iter().any(|c| c.contains("zero point")));
        assert!(columns("int4_meanstd").iter().any(|c| c.starts_with("threshold")));
        assert!(columns("nf4").iter().any(|c| c == "nearest nf4 level") && columns("nf4").iter().any(|c| c == "x / absmax"));
        assert!(columns("mxfp4").iter().any(|c| c == "scale 2^e (E8M0)") && columns("mxfp4").iter().any(|c| c.contains("float4_e2m1fn")));
        assert!(columns("nvfp4").iter().any(|c| c.contains("p · s")));
        assert!(columns("int8_rowwise").iter().any(|c| c == "row absmax"));
        assert!(columns("absmax:float8_e4m3fn").iter().any(|c| c == "scale = absmax / max float8_e4m3fn"));
        // Only symmetric schemes drop the zero point; only zero-point schemes show it.
        for id in offered_schemes() {
            let c = columns(id);
            let zero_point = Scheme::parse(id).unwrap().info.scale_rule == ScaleRule::ZeroPoint;
            assert_eq!(c.iter().any(|h| h.contains("zero point")), zero_point, "{id}: {c:?}");
            assert_eq!(c.iter().filter(|h| h.contains("code") && !h.starts_with("dequantized")).count(), 1, "{id}: {c:?}");
        }
    }

    #[test]
    fn bits_per_element_nominal_and_of_this_input() {
        let d = display(&compute(&params("int4_absmax", &[-0.5, 0.3, 1.2, -2.1])), Lang::En);
        let metric = |name: &str| d.metrics.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default();
        assert_eq!(metric("bits / element"), "4.5", "nominal");
        assert_eq!(metric("bits / element of this input"), "12 (6 bytes for 4 values; nominal 4.5 at block 64)", "4 × 4 bits + one f32 scale");
        let d = display(&compute(&params("cast:float8_e4m3fn", &[1.0, 2.0, 3.0])), Lang::En);
        assert!(d.metrics.iter().any(|(n, v)| n == "bits / element of this input" && v == "8 (3 bytes for 3 values; nominal 8 for a large tensor)"), "{:?}", d.metrics);
        let d = display(&compute(&params("nf4", &[])), Lang::En);
        assert!(d.metrics.iter().any(|(n, v)| n == "bits / element of this input" && v == "-"));
        // Packed bytes in binary, as seed 000 prints them.
        let d = display(&compute(&params("fp4_bnb", &[1.0, 2.0, 3.0, 4.0])), Lang::En);
        let bytes = &d.packed.as_ref().unwrap().bytes;
        assert_eq!((bytes[0].binary.as_str(), bytes[1].binary.as_str()), ("01110101", "00100011"));
    }

    #[test]
    fn a_refused_custom_scheme_says_why() {
        let mut p = QuantizeParams::default();
        let e = p.apply("scheme", "cast:e12m3").unwrap_err().english();
        assert_eq!(e, "scheme 'cast:e12m3': 'e12m3': the exponent width must be 1 to 11 bits, got 12; showing int4_absmax.");
        assert_eq!(p.scheme, "int4_absmax");
        assert_eq!(p.apply("scheme", "nf5").unwrap_err(), crate::notice::Notice::UnknownScheme { value: "nf5".into(), showing: "int4_absmax".into() });
        assert_eq!(p.apply("scheme", "nf5").unwrap_err().english(), "Unknown scheme 'nf5'; showing int4_absmax.");
        let long = format!("cast:e12m3{}", "x".repeat(200));
        assert!(p.apply("scheme", &long).unwrap_err().english().len() < 300);
    }

    #[test]
    fn values_parse_and_name_the_bad_token() {
        assert_eq!(parse_values("1, 2\n3 4,,5").unwrap(), vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(parse_values("-0.5; 1e-3 +.5").unwrap(), vec![-0.5, 1e-3, 0.5]);
        assert!(parse_values("inf -inf nan").unwrap()[2].is_nan());
        assert_eq!(parse_values("1 2 x3").unwrap_err(), "'x3' is not a number");
        assert!(parse_values("0x10").is_err());
        assert_eq!(parse_values("").unwrap(), Vec::<f32>::new());
        assert_eq!(values_text(&[-0.5, 2.6666667, f32::NAN, -0.0]), "-0.5,2.6666667,NaN,-0");
        let v = [0.1f32, -3.4e38, 1e-40, f32::INFINITY];
        let back = parse_values(&values_text(&v)).unwrap();
        assert_eq!(back.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), v.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn params_apply_settle_and_query() {
        let mut p = QuantizeParams::default();
        assert!(p.apply("scheme", "NF4").is_ok());
        assert_eq!(p.scheme, "nf4");
        assert!(p.apply("scheme", "nf5").unwrap_err().english().contains("nf5"));
        assert!(p.apply("values", "1,zz").unwrap_err().english().contains("'zz'"));
        assert_eq!(p.values, DEFAULT_VALUES.to_vec(), "kept");
        p.apply("block", "100").unwrap();
        let notes = p.settle();
        assert_eq!(notes.len(), 1, "nf4 refuses block 100");
        assert_eq!(p.block, None);
        p.apply("block", "128").unwrap();
        assert!(p.settle().is_empty());
        assert_eq!(p.query_parts().join("&"), "scheme=nf4&values=-0.5,0.3,1.2,-2.1&block=128");
        p.apply("scheme", "cast:float8_e4m3fn").unwrap();
        assert_eq!(p.query_parts()[0], "scheme=cast:float8_e4m3fn");
        assert!(p.apply("block", "-2").is_err());
        assert!(scheme_choices("nf4").iter().any(|(id, _)| id == "absmax:float8_e4m3fn"));
        assert!(scheme_choices(&p.scheme).iter().any(|(id, d)| id == "cast:float8_e4m3fn" && d.starts_with("direct cast")));
        assert!(!block_box(&p).unwrap().choosable, "casts have no blocks");
        assert_eq!(scheme_choices("cast:float8_e3m4").last().unwrap().0, "cast:float8_e3m4", "the current scheme is offered");
        for id in offered_schemes() {
            assert!(Scheme::parse(id).is_ok(), "{id}");
        }
    }

    #[test]
    fn every_offered_scheme_runs_and_formats_like_the_cli() {
        for id in offered_schemes() {
            let r = compute(&params(id, &[-0.5, 0.3, 1.2, -2.1, 7.9, 0.0]));
            assert_eq!(r.q.codes.len(), 6, "{id}");
            let d = display(&r, Lang::En);
            assert_eq!(d.trace.len(), r.trace.len(), "{id}");
            assert!(d.trace.iter().all(|row| row.cells.len() == d.trace_columns.len()), "{id}");
            assert!(d.code_column.is_some_and(|c| d.trace_columns[c].contains("code")), "{id}: {:?}", d.trace_columns);
        }
        assert_eq!(show(0.30000001192092896), "0.3");
        assert_eq!(show(1e-7), "1e-7");
        assert_eq!(show(f64::INFINITY), "inf");
        // The CLI's numbers for the seed traces.
        for (x, text) in [(-2.9802322e-8f32 as f64, "-2.9802322e-8"), (-0.099999964f32 as f64, "-0.099999964"), (2.6666667f32 as f64, "2.6666667"), (-0.0, "-0"), (64.0, "64"), (27.916909428, "27.916909"), (1.5e20, "1.5e20"), (123456789.0, "123456790")] {
            assert_eq!(show(x), text);
        }
        // A GGUF type: ggml's block bytes, its scales and mins, bits per element as ggml.
        let r = compute(&params("Q4_K", &[-0.5, 0.3, 1.2, -2.1]));
        assert_eq!(r.q.scheme, "q4_k");
        assert_eq!(r.q.packed[..], lowbit_core::gguf::quantize(lowbit_core::gguf::GgufType::Q4K, &[-0.5, 0.3, 1.2, -2.1])[..]);
        let d = display(&r, Lang::En);
        assert_eq!(d.packed.as_ref().unwrap().bytes.len(), 144);
        assert!(d.extra.iter().any(|(name, _)| *name == "mins"));
        assert!(d.metrics.iter().any(|(name, v)| *name == "bits / element" && v == "4.5"));
        assert!(d.notes.iter().any(|n| n.contains("padded with 252 zero(s)")), "{:?}", d.notes);
        let empty = compute(&params("nf4", &[]));
        assert!(empty.q.codes.is_empty());
        assert_eq!(display(&empty, Lang::En).metrics[0].1, "nan", "MSE of nothing");
    }

    #[test]
    fn the_main_thread_runs_the_workers_task_and_reads_trace_windows() {
        let values: Vec<f32> = (0..1000).map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0).collect();
        for id in ["nf4", "int4_absmax", "mxfp4", "q4_k", "cast:float8_e4m3fn"] {
            let p = params(id, &values);
            let (here, data) = run_here(&p).unwrap();
            // The worker's job, run at once: the same outcome.
            assert_eq!(lowbit_jobs::quantize::quantize(&job(&p)).unwrap(), here.q, "{id}");
            // A window's rows are the full trace's.
            let full = compute(&p);
            assert_eq!(full.trace.len(), 1000);
            let window = data.trace(0, 500, 64).rows;
            assert_eq!(window[..], full.trace[500..564], "{id}");
            let d = display(&full, Lang::En);
            assert_eq!(trace_rows(&full.columns, &window)[..], d.trace[500..564], "{id}");
        }
    }

    #[test]
    fn a_long_input_shows_bounded_lists() {
        let values: Vec<f32> = (0..10_000).map(|i| (i % 17) as f32 - 8.0).collect();
        let (r, _) = run_here(&params("nf4", &values)).unwrap();
        let d = display_without_trace(&r, Lang::En);
        // The job's answer holds the lists' first entries only: the view shows what it shows
        // of the whole outcome, for schemes with every kind of list.
        assert_eq!(r.q.codes.len(), LIST_MAX);
        for id in ["nf4", "q4_k", "int8_zeropoint", "mxfp4", "int8_rowwise"] {
            let p = params(id, &values);
            let whole = lowbit_jobs::quantize::quantize(&QuantizeJob { list_max: None, ..job(&p) }).unwrap();
            assert_eq!(whole.codes.len(), 10_000);
            let (cut, _) = run_here(&p).unwrap();
            assert_eq!(display_without_trace(&from_outcome(&p, whole), Lang::En), display_without_trace(&cut, Lang::En), "{id}");
        }
        assert_eq!(d.count, 10_000);
        assert!(d.trace.is_empty());
        assert_eq!(d.codes_attr.split(',').count(), LIST_MAX);
        assert_eq!(d.values_attr.split(',').count(), LIST_MAX);
        assert!(d.codes.ends_with(", … 5,904 more]"), "{}", &d.codes[d.codes.len() - 40..]);
        assert_eq!(d.codes_attr.split(',').map(|c| c.parse::<i64>().unwrap()).collect::<Vec<_>>(), r.q.codes[..LIST_MAX]);
        let packed = d.packed.unwrap();
        assert_eq!((packed.bytes.len(), packed.total), (PACKED_ROWS_MAX, 5000));
        assert_eq!(packed.bytes_attr.split(',').count(), LIST_MAX);
        // The export holds every byte the result holds, more than the page's rows.
        let file = packed.export(en().byte_columns);
        assert_eq!(file.rows.len(), LIST_MAX);
        assert!(file
            .rows
            .iter()
            .enumerate()
            .all(|(i, row)| row[3] == r.q.packed[i].to_string() && row[0] == i.to_string()));
        assert!(d.summary.contains("10000 elements"), "{}", d.summary);
        // Short inputs: everything, as before.
        let d = display(&compute(&params("nf4", &values[..100])), Lang::En);
        assert_eq!((d.codes_attr.split(',').count(), d.trace.len(), d.packed.unwrap().bytes.len()), (100, 100, 50));
    }
}
