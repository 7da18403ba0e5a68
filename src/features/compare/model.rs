//! The Compare view as data, all from `lowbit-core` (no limit is typed here): where each
//! format's values lie on a number line (exact values where they are few, counts per bin
//! where they are many — found by rounding the bin edges, so even float32's 4 billion codes
//! cost two encodes per bin), the relative spacing ULP(x)/x as a sawtooth, the limits side by
//! side, and one number encoded in every format.

use lowbit_charts::compare::{draw_number_line, draw_spacing_plot, Axis, LineRow, NumberLine, SpacingPlot, SpacingSeries};
use lowbit_charts::plotters::coord::Shift;
use lowbit_charts::plotters::drawing::DrawingArea;
use lowbit_charts::plotters::prelude::DrawingBackend;
use lowbit_charts::{series_color, PixelRect};
use lowbit_core::decimal::{js_string, parse_decimal};
use lowbit_core::format::Kind;
use lowbit_core::{Class, Encoder, Format, OverflowPolicy, RoundingMode, Status, CATALOGUE};

use crate::chart::Chart;
use crate::i18n::CompareText;
use crate::export::Table;
use crate::text::{compact, shorten_quoted};

/// The formats compared when the URL names none.
pub const DEFAULT_FORMATS: [&str; 2] = ["float8_e4m3fn", "float8_e5m2"];
/// The most formats on one number line.
pub const MAX_FORMATS: usize = 8;
/// The number encoded in every format when the URL names none.
pub const DEFAULT_VALUE: &str = "3.14";
/// Up to this many values in view, each is drawn as a tick; beyond, counts per bin.
pub const TICK_LIMIT: u64 = 600;
/// The number of density bins across the number line.
pub const BINS: usize = 320;
/// The narrowest zoom: the axis never spans less than this fraction of its value (linear)
/// or this many decades (log).
const MIN_SPAN: f64 = 1e-9;

/// The scale of the number line's x axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Scale {
    /// Positions proportional to x (negative values too).
    #[default]
    Linear,
    /// Positions proportional to log10 x (positive values; formats are symmetric).
    Log,
}

impl Scale {
    /// The URL name.
    pub fn id(self) -> &'static str {
        match self {
            Scale::Linear => "linear",
            Scale::Log => "log",
        }
    }

    /// Parses a URL name.
    pub fn parse(text: &str) -> Option<Scale> {
        [Scale::Linear, Scale::Log].into_iter().find(|s| s.id() == text)
    }
}

/// Counts a format's finite values below any x: exact, from the format's own rounding.
enum Ranker {
    /// A float: positive values have consecutive codes `first..first + positives`.
    Float {
        /// Rounds toward +∞, saturating (the smallest value ≥ x).
        up: Encoder,
        /// The code of the smallest positive value.
        first: u64,
        /// How many positive finite values.
        positives: u64,
        /// The largest finite value.
        max: f64,
        /// Whether 0 is a value.
        zero: bool,
        /// Whether negative values mirror the positive ones.
        signed: bool,
    },
    /// Integers and lookup tables: their distinct finite values, ascending.
    Listed(Vec<f64>),
}

impl Ranker {
    fn new(format: &Format) -> Ranker {
        match &format.kind() {
            Kind::Float(f) => {
                let limits = format.limits();
                let mut up = Encoder::new(format, Some(RoundingMode::Up), OverflowPolicy::Saturate, 0);
                let first = up.encode_f64(limits.min_positive.unwrap_or(limits.max)).code;
                let last = up.encode_f64(limits.max).code;
                let zero = format.decode(0).value == 0.0;
                Ranker::Float { up, first, positives: last.saturating_sub(first) + 1, max: limits.max, zero, signed: f.signed() }
            }
            _ => {
                let count = 1u64 << format.bits().min(16);
                // At most 256 values (integers and tables are small): insertion keeps the
                // code small (no sort routine in the page's wasm).
                let mut values: Vec<f64> = Vec::new();
                for v in (0..count).map(|c| format.decode(c).value).filter(|v| v.is_finite()) {
                    let at = values.partition_point(|x| *x < v);
                    if values.get(at) != Some(&v) {
                        values.insert(at, v);
                    }
                }
                Ranker::Listed(values)
            }
        }
    }

    /// Positive values below `m` (`or_equal`: at most `m`).
    fn positives(&mut self, m: f64, or_equal: bool) -> u64 {
        let Ranker::Float { up, first, positives, max, .. } = self else { return 0 };
        if m <= 0.0 || m.is_nan() {
            return 0;
        }
        if m > *max || (or_equal && m == *max) {
            return *positives;
        }
        let e = up.encode_f64(m);
        e.code.saturating_sub(*first) + u64::from(or_equal && e.value == m)
    }

    /// Finite values strictly below x.
    fn below(&mut self, x: f64) -> u64 {
        let (positives, zero, signed) = match self {
            Ranker::Listed(values) => return values.partition_point(|v| *v < x) as u64,
            Ranker::Float { positives, zero, signed, .. } => (*positives, *zero, *signed),
        };
        let negatives = if !signed {
            0
        } else if x > 0.0 {
            positives
        } else {
            positives - self.positives(-x, true)
        };
        negatives + u64::from(zero && x > 0.0) + self.positives(x, false)
    }
}

/// One format's row of the number line, computed for an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// The format id.
    pub id: String,
    /// The values in view as ticks (value, subnormal?) when there are at most
    /// [`TICK_LIMIT`]; empty otherwise.
    pub ticks: Vec<(f64, bool)>,
    /// Counts per bin when the values in view are more than [`TICK_LIMIT`]; empty otherwise.
    pub bins: Vec<u64>,
    /// How many values lie in view.
    pub in_view: u64,
    /// The subnormal band (min positive, min normal), if any.
    pub subnormal: Option<(f64, f64)>,
    /// The largest finite value.
    pub max: f64,
    /// Whether the format has negative values.
    pub signed: bool,
    /// What overflow does by default.
    pub overflow: Overflow,
}

/// What an input past the largest finite value becomes under a format's default policy
/// (put in words by [`CompareText::overflow`]: "→ inf", "→ NaN", "saturates").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Overflow {
    /// It becomes infinity.
    Inf,
    /// It becomes NaN.
    Nan,
    /// It stays at the largest finite value.
    Saturates,
}

impl Overflow {
    /// Its words in the language of `tr`.
    pub fn text(self, tr: &CompareText) -> &'static str {
        tr.overflow[self as usize]
    }
}

/// What an input past the largest finite value becomes under the format's default policy,
/// found by encoding one (never typed per format).
pub fn overflow_of(format: &Format) -> Overflow {
    let max = format.limits().max;
    let past = if max.is_finite() { max * 4.0 } else { f64::MAX };
    match format.decode(Encoder::with_defaults(format).encode_f64(past).code).class {
        Class::Infinite => Overflow::Inf,
        Class::Nan => Overflow::Nan,
        _ => Overflow::Saturates,
    }
}

/// Whether negative values exist.
fn is_signed(format: &Format) -> bool {
    format.limits().min < 0.0
}

/// The subnormal band of a float format with subnormals.
fn subnormal_band(format: &Format) -> Option<(f64, f64)> {
    let l = format.limits();
    match (l.min_positive, l.min_normal) {
        (Some(p), Some(n)) if p < n && matches!(format.kind(), Kind::Float(_)) => Some((p, n)),
        _ => None,
    }
}

/// The number line row of `format` over `axis`.
pub fn strip(format: &Format, axis: Axis) -> Strip {
    let mut ranker = Ranker::new(format);
    let (lo, hi) = (axis.lo, axis.hi);
    let in_view = ranker.below(hi.next_up_compat()) - ranker.below(lo);
    let mut ticks = Vec::new();
    let mut bins = Vec::new();
    if in_view <= TICK_LIMIT {
        ticks = values_in(format, &mut ranker, lo, hi);
    } else {
        let (a, b) = (axis.coord(lo), axis.coord(hi));
        let mut prev = ranker.below(lo);
        for k in 1..=BINS {
            let edge = if k == BINS { hi.next_up_compat() } else { axis.value(a + (b - a) * k as f64 / BINS as f64) };
            let now = ranker.below(edge);
            bins.push(now.saturating_sub(prev));
            prev = now;
        }
    }
    Strip {
        id: format.id().to_string(),
        ticks,
        bins,
        in_view,
        subnormal: subnormal_band(format),
        max: format.limits().max,
        signed: is_signed(format),
        overflow: overflow_of(format),
    }
}

/// The next f64 above a finite x (`f64::next_up` needs Rust 1.86).
trait NextUp {
    fn next_up_compat(self) -> f64;
}

impl NextUp for f64 {
    fn next_up_compat(self) -> f64 {
        if self.is_nan() || self == f64::INFINITY {
            return self;
        }
        if self == 0.0 {
            return f64::from_bits(1);
        }
        let bits = self.to_bits();
        f64::from_bits(if self > 0.0 { bits + 1 } else { bits - 1 })
    }
}

/// The values of `format` in `[lo, hi]` (at most [`TICK_LIMIT`] of them), with whether each
/// is subnormal.
fn values_in(format: &Format, ranker: &mut Ranker, lo: f64, hi: f64) -> Vec<(f64, bool)> {
    match ranker {
        Ranker::Listed(values) => values.iter().filter(|v| **v >= lo && **v <= hi).map(|v| (*v, false)).collect(),
        Ranker::Float { first, zero, signed, .. } => {
            let (first, zero, signed) = (*first, *zero, *signed);
            let positive = |ranker: &mut Ranker, a: f64, b: f64| -> Vec<(f64, bool)> {
                let (from, to) = (ranker.positives(a, false), ranker.positives(b, true));
                (from..to)
                    .map(|i| format.decode(first + i))
                    .map(|d| (d.value, d.class == Class::Subnormal))
                    .collect()
            };
            let mut out = Vec::new();
            if signed && lo < 0.0 {
                let mut neg = positive(ranker, (-hi).max(0.0), -lo);
                neg.reverse();
                out.extend(neg.into_iter().filter(|(v, _)| *v > 0.0).map(|(v, s)| (-v, s)));
            }
            if zero && lo <= 0.0 && hi >= 0.0 {
                out.push((0.0, false));
            }
            if hi > 0.0 {
                out.extend(positive(ranker, lo.max(0.0), hi).into_iter().filter(|(v, _)| *v >= lo));
            }
            out
        }
    }
}

/// The axis showing every chosen format whole: linear from −(largest max) to +(largest
/// max), log from half the smallest positive value to twice the largest max (8 % beyond the
/// largest max on a linear axis, so the overflow edges show).
pub fn default_axis(formats: &[Format], scale: Scale) -> Axis {
    let limits: Vec<_> = formats.iter().map(Format::limits).collect();
    let max = limits.iter().map(|l| l.max).filter(|m| m.is_finite()).fold(0.0, f64::max);
    let max = if max > 0.0 { max } else { 1.0 };
    match scale {
        Scale::Linear => {
            let signed = formats.iter().any(is_signed);
            Axis { log: false, lo: if signed { -max * 1.08 } else { 0.0 }, hi: max * 1.08 }
        }
        Scale::Log => {
            let min = limits.iter().filter_map(|l| l.min_positive).filter(|m| *m > 0.0).fold(f64::INFINITY, f64::min);
            let min = if min.is_finite() && min < max { min } else { max / 1024.0 };
            Axis { log: true, lo: (min / 2.0).max(f64::MIN_POSITIVE), hi: (max * 2.0).min(f64::MAX) }
        }
    }
}

/// The axis for a zoom range, or the default one when there is none or it does not fit the
/// scale (a log axis needs a positive range).
pub fn axis(formats: &[Format], scale: Scale, range: Option<(f64, f64)>) -> Axis {
    let log = scale == Scale::Log;
    match range {
        Some((lo, hi)) if (Axis { log, lo, hi }).is_valid() => Axis { log, lo, hi },
        _ => default_axis(formats, scale),
    }
}

/// The axis zoomed by `factor` (< 1 zooms in) around the axis coordinate at fraction `at`
/// (0 = left end, 1 = right end) and shifted by `shift` widths; never narrower than a tiny
/// span, never past the largest f64.
pub fn zoom(axis: Axis, factor: f64, at: f64, shift: f64) -> Axis {
    let (a, b) = (axis.coord(axis.lo), axis.coord(axis.hi));
    let width = b - a;
    let centre = a + width * at.clamp(0.0, 1.0);
    let min_width = if axis.log { MIN_SPAN * 1e3 } else { (a.abs().max(b.abs()) * MIN_SPAN).max(f64::MIN_POSITIVE * 1e3) };
    let new_width = (width * factor).max(min_width);
    let left = centre - (centre - a) * new_width / width + width * shift;
    let (lo, hi) = (axis.value(left), axis.value(left + new_width));
    let limit = if axis.log { (f64::MIN_POSITIVE, f64::MAX) } else { (-f64::MAX, f64::MAX) };
    let zoomed = Axis { log: axis.log, lo: lo.max(limit.0), hi: hi.min(limit.1) };
    if zoomed.is_valid() { zoomed } else { axis }
}

/// Where a format's relative spacing is constant: `[from, to]` with spacing `ulp`.
fn spacing_segments(format: &Format) -> Vec<(f64, f64, f64)> {
    let l = format.limits();
    match &format.kind() {
        Kind::Float(_) => {
            let mut out = Vec::new();
            let (Some(min_pos), Some(min_normal)) = (l.min_positive, l.min_normal) else { return out };
            if min_pos < min_normal {
                out.push((min_pos, min_normal, format.ulp(min_pos)));
            }
            let mut x = min_normal;
            while x <= l.max && x.is_finite() && out.len() < 4200 {
                let end = (x * 2.0).min(l.max);
                out.push((x, end, format.ulp(x)));
                if end >= l.max {
                    break;
                }
                x *= 2.0;
            }
            out
        }
        Kind::Int(_) => vec![(1.0, l.max, 1.0)],
        Kind::Codebook(_) => {
            let Ranker::Listed(values) = Ranker::new(format) else { return Vec::new() };
            let positive: Vec<f64> = values.into_iter().filter(|v| *v > 0.0).collect();
            positive.windows(2).map(|w| (w[0], w[1], w[1] - w[0])).collect()
        }
    }
}

/// The relative spacing ULP(x)/x of `format` over `[lo, hi]` as polyline points: each
/// constant-spacing segment clipped to the range gives two points (a straight falling line
/// on log-log axes), consecutive segments meet in a vertical jump — the sawtooth.
pub fn spacing_points(format: &Format, lo: f64, hi: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    for (from, to, ulp) in spacing_segments(format) {
        let (a, b) = (from.max(lo), to.min(hi));
        if a < b && a > 0.0 && ulp > 0.0 {
            out.push((a, ulp / a));
            out.push((b, ulp / b));
        }
    }
    out
}

/// The range of the spacing chart: the number line's on a log scale, else the log scale's
/// default.
pub fn spacing_axis(formats: &[Format], line: Axis) -> Axis {
    if line.log { line } else { default_axis(formats, Scale::Log) }
}

/// One row of the limits table.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LimitsRow {
    /// Format id.
    pub id: String,
    /// Cells in the order of [`CompareText::limit_columns`]: (short text, full text).
    pub cells: Vec<(String, String)>,
}

/// The layout of a format ("E4M3"; an integer, an unsigned integer or a lookup table in the
/// words of `tr`).
pub fn layout(format: &Format, tr: &CompareText) -> String {
    match &format.kind() {
        Kind::Float(f) => format!("E{}M{}", f.exponent_bits(), f.mantissa_bits()),
        Kind::Int(i) => tr.layouts[usize::from(!i.signed())].into(),
        Kind::Codebook(_) => tr.layouts[2].into(),
    }
}

/// The number of finite values (distinct: +0 and −0 count once).
pub fn finite_count(format: &Format) -> u64 {
    let mut r = Ranker::new(format);
    r.below(f64::INFINITY)
}

/// A format's limits, derived by `lowbit-core`, their words in the language of `tr`.
pub fn limits_row(format: &Format, tr: &CompareText) -> LimitsRow {
    let l = format.limits();
    let num = |x: Option<f64>| match x {
        Some(x) => (compact(x), js_string(x)),
        None => ("—".to_string(), tr.not_defined.to_string()),
    };
    let text = |s: String| (s.clone(), s);
    LimitsRow {
        id: format.id().to_string(),
        cells: vec![
            text(format.bits().to_string()),
            text(layout(format, tr)),
            num(Some(l.max)),
            num(l.min_normal),
            num(l.min_positive),
            num(l.epsilon),
            l.dynamic_range_binades.map_or_else(|| text("—".into()), |b| (format!("{b:.1}"), format!("log2(max / min positive) = {b}"))),
            text(finite_count(format).to_string()),
            text(tr.yes_no[usize::from(!l.has_inf)].into()),
            text(l.nan_codes.to_string()),
            text(overflow_of(format).text(tr).to_string()),
        ],
    }
}

/// The limits table for export: full values (the tooltips), not the short ones; its column
/// names in the language of `tr`.
pub fn limits_export(rows: &[LimitsRow], tr: &CompareText) -> Table {
    Table {
        headers: std::iter::once(tr.columns[0]).chain(tr.limit_columns).map(str::to_string).collect(),
        rows: rows
            .iter()
            .map(|r| std::iter::once(r.id.clone()).chain(r.cells.iter().map(|c| c.1.clone())).collect())
            .collect(),
    }
}

/// The value table for export (the code in decimal and hex), its column names in the language
/// of `tr`.
pub fn values_export(rows: &[ValueRow], tr: &CompareText) -> Table {
    Table {
        headers: tr.values_export.iter().map(|h| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| vec![r.id.clone(), r.code.to_string(), r.hex.clone(), r.bits.clone(), r.value.clone(), r.error.clone(), r.relative.clone(), r.status.clone()])
            .collect(),
    }
}

/// One number in one format.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ValueRow {
    /// Format id.
    pub id: String,
    /// The stored code.
    pub code: u64,
    /// The code in hex (`0x42`).
    pub hex: String,
    /// The code's bits (`0 1000 010`).
    pub bits: String,
    /// The stored value, as JavaScript prints it.
    pub value: String,
    /// stored − input, as JavaScript prints it ("0" when exact, "—" where undefined).
    pub error: String,
    /// |stored − input| / |input|, short ("—" where undefined).
    pub relative: String,
    /// Conversion flags ("exact", "inexact", "inexact, overflow", in the words of the table
    /// the rows were made with).
    pub status: String,
}

/// The formats of the "one number in every format" table: the catalogue (but float64, the
/// reference) and the chosen formats that are not in it.
pub fn value_formats(chosen: &[Format]) -> Vec<Format> {
    CATALOGUE
        .iter()
        .filter(|e| e.id() != "float64")
        .map(|e| e.format())
        .chain(chosen.iter().filter(|f| f.entry().is_none()).cloned())
        .collect()
}

/// Why a number typed for the value table was refused, put in words by [`ValueError::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValueError {
    /// Nothing typed.
    Empty,
    /// The core could not read it (its reason, the text quoted short).
    Refused(String),
}

impl ValueError {
    /// The message in the language of `t` (the core's reason as it wrote it).
    pub fn text(&self, t: &crate::i18n::CompareText) -> String {
        match self {
            ValueError::Empty => t.type_a_number.to_string(),
            ValueError::Refused(why) => why.clone(),
        }
    }
}

/// Checks a number typed for the value table (decimal, scientific, `inf`, `nan`, `-0`).
pub fn check_value(text: &str) -> Result<String, ValueError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty);
    }
    parse_decimal(trimmed).map(|_| trimmed.to_string()).map_err(|e| ValueError::Refused(shorten_quoted(&e.0, trimmed)))
}

/// The conversion flags of `status` in the words of `tr` ("inexact, overflow"; "exact" when
/// none is set).
pub fn status_words(status: Status, tr: &CompareText) -> String {
    let flags = [Status::INEXACT, Status::OVERFLOW, Status::UNDERFLOW, Status::INVALID];
    let words: Vec<&str> =
        flags.iter().zip(&tr.status[1..]).filter(|(f, _)| status.contains(**f)).map(|(_, w)| *w).collect();
    if words.is_empty() {
        tr.status[0].to_string()
    } else {
        words.join(", ")
    }
}

/// `text` encoded in each format with its default rounding and overflow (the flags in the
/// words of `tr`).
pub fn value_rows(text: &str, formats: &[Format], tr: &CompareText) -> Result<Vec<ValueRow>, ValueError> {
    let text = check_value(text)?;
    formats
        .iter()
        .map(|format| {
            let e = Encoder::with_defaults(format).encode_text(&text).map_err(|e| ValueError::Refused(shorten_quoted(&e.0, &text)))?;
            let (error, relative) = (e.error(), e.relative_error());
            Ok(ValueRow {
                id: format.id().to_string(),
                code: e.code,
                hex: format.hex_string(e.code),
                bits: format.bit_string(e.code),
                value: js_string(e.value),
                error: if error.is_nan() { "—".into() } else { js_string(error) },
                relative: if relative.is_nan() { "—".into() } else { compact(relative) },
                status: status_words(e.status, tr),
            })
        })
        .collect()
}

/// The number line of some formats over an axis: a [`Chart`].
#[derive(Clone, Debug, PartialEq)]
pub struct NumberLineChart {
    /// The axis.
    pub axis: Axis,
    /// One strip per format, in order (colour i for the i-th).
    pub strips: Vec<Strip>,
    /// The language of the axis title.
    pub lang: crate::i18n::Lang,
}

impl NumberLineChart {
    /// The chart of `formats` over `axis`, its axis titled in `lang`.
    pub fn new(formats: &[Format], axis: Axis, lang: crate::i18n::Lang) -> NumberLineChart {
        NumberLineChart { axis, strips: formats.iter().map(|f| strip(f, axis)).collect(), lang }
    }

    /// Its height in CSS pixels: a row per format.
    pub fn height(&self) -> f64 {
        64.0 + 44.0 * self.strips.len().max(1) as f64
    }

    /// A sentence per format for screen readers and the text summary, in `tr`'s language.
    pub fn summary(&self, tr: &CompareText) -> String {
        let parts: Vec<String> = self
            .strips
            .iter()
            .map(|s| (tr.line_part)(&s.id, s.in_view, &js_string(s.max), s.overflow.text(tr)))
            .collect();
        (tr.line_summary)(&js_string(self.axis.lo), &js_string(self.axis.hi), self.axis.log, &parts.join("; "))
    }
}

impl Chart for NumberLineChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String> {
        let rows: Vec<LineRow<'_>> = self
            .strips
            .iter()
            .enumerate()
            .map(|(i, s)| LineRow {
                label: &s.id,
                color: series_color(i).rgb_color(),
                ticks: &s.ticks,
                bins: &s.bins,
                subnormal: s.subnormal,
                max: s.max,
                signed: s.signed,
                overflow_label: s.overflow.text(self.lang.compare()),
            })
            .collect();
        let x_title = self.lang.chart_titles().number_line[usize::from(self.axis.log)];
        draw_number_line(area, &NumberLine { axis: self.axis, x_title, rows: &rows, scale }).map_err(|e| e.to_string())
    }
}

/// The relative spacing of some formats: a [`Chart`].
#[derive(Clone, Debug, PartialEq)]
pub struct SpacingChart {
    /// The x axis (log).
    pub axis: Axis,
    /// Per format: id and points.
    pub series: Vec<(String, Vec<(f64, f64)>)>,
    /// The language of the axis titles.
    pub lang: crate::i18n::Lang,
}

impl SpacingChart {
    /// The chart of `formats` over `axis` (made positive and logarithmic), its axes titled
    /// in `lang`.
    pub fn new(formats: &[Format], axis: Axis, lang: crate::i18n::Lang) -> SpacingChart {
        SpacingChart { axis, series: formats.iter().map(|f| (f.id().to_string(), spacing_points(f, axis.lo, axis.hi))).collect(), lang }
    }

    /// A sentence for screen readers and the text summary, in `tr`'s language: each format's
    /// smallest and largest relative spacing in the range.
    pub fn summary(&self, tr: &CompareText) -> String {
        let parts: Vec<String> = self
            .series
            .iter()
            .map(|(id, pts)| {
                let worst = pts.iter().map(|p| p.1).fold(0.0, f64::max);
                let best = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                if pts.is_empty() { (tr.spacing_none)(id) } else { (tr.spacing_part)(id, &compact(best), &compact(worst)) }
            })
            .collect();
        (tr.spacing_summary)(&js_string(self.axis.lo), &js_string(self.axis.hi), &parts.join("; "))
    }
}

impl Chart for SpacingChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String> {
        let series: Vec<SpacingSeries<'_>> = self
            .series
            .iter()
            .enumerate()
            .map(|(i, (id, pts))| SpacingSeries { label: id, color: series_color(i).rgb_color(), points: pts })
            .collect();
        let [x, y] = self.lang.chart_titles().spacing;
        draw_spacing_plot(area, &SpacingPlot { x: self.axis, series: &series, titles: lowbit_charts::AxisTitles { x, y }, scale }).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(id: &str) -> Format {
        Format::parse(id).unwrap()
    }

    /// Every finite value of a small format, ascending and distinct, by brute force.
    fn all_values(format: &Format) -> Vec<f64> {
        let mut v: Vec<f64> = (0..=format.max_code()).map(|c| format.decode(c).value).filter(|v| v.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        v.dedup_by(|a, b| a == b);
        v
    }

    #[test]
    fn the_charts_summaries_read_in_every_language() {
        let formats = vec![f("float8_e4m3fn"), f("float8_e5m2")];
        let axis = Axis { lo: -500.0, hi: 500.0, log: false };
        let line = NumberLineChart::new(&formats, axis, crate::i18n::Lang::En);
        let en = line.summary(crate::i18n::Lang::En.compare());
        assert!(en.starts_with("Number line from -500 to 500 (linear scale). float8_e4m3fn: "), "{en}");
        assert!(en.contains("largest finite 448, overflow → NaN"), "{en}");
        let ru = line.summary(crate::i18n::Lang::Ru.compare());
        assert!(ru.starts_with("Числовая ось от -500 до 500 (линейная шкала). float8_e4m3fn: ") && ru.contains("448"), "{ru}");
        let spacing = SpacingChart::new(&formats, spacing_axis(&formats, axis), crate::i18n::Lang::En);
        assert!(spacing.summary(crate::i18n::Lang::De.compare()).starts_with("Relativer Abstand ULP(x)/x von "));
    }

    #[test]
    fn counts_match_brute_force_for_small_formats() {
        for id in ["float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "float8_e8m0fnu", "float6_e2m3fn", "float4_e2m1fn", "p3109_k8p3ue", "p3109_k8p1se", "int4", "uint8", "nf4", "fp4_bnb", "e3m2b1_fn"] {
            let format = f(id);
            let values = all_values(&format);
            assert_eq!(finite_count(&format), values.len() as u64, "{id}");
            let mut ranker = Ranker::new(&format);
            for &x in &[-1e9, -448.0, -3.0, -0.3, -0.0, 0.0, 1e-9, 0.001953125, 0.25, 1.0, 1.1, 3.0, 448.0, 500.0, 1e40] {
                let want = values.partition_point(|v| *v < x) as u64;
                assert_eq!(ranker.below(x), want, "{id} below {x}");
            }
            for axis in [default_axis(std::slice::from_ref(&format), Scale::Linear), Axis { log: false, lo: -1.0, hi: 2.5 }, Axis { log: true, lo: 0.01, hi: 10.0 }] {
                let s = strip(&format, axis);
                let want: Vec<f64> = values.iter().copied().filter(|v| *v >= axis.lo && *v <= axis.hi).collect();
                assert_eq!(s.in_view, want.len() as u64, "{id} {axis:?}");
                let got: Vec<f64> = s.ticks.iter().map(|t| t.0).collect();
                assert_eq!(got, want, "{id} {axis:?}");
            }
        }
    }

    #[test]
    fn wide_formats_use_bins_that_add_up() {
        let format = f("float32");
        let axis = default_axis(std::slice::from_ref(&format), Scale::Log);
        let s = strip(&format, axis);
        assert!(s.ticks.is_empty());
        assert_eq!(s.bins.len(), BINS);
        assert_eq!(s.bins.iter().sum::<u64>(), s.in_view);
        // Every positive finite float32 is in view: 2^31 − 2^23 − 1 of them.
        assert_eq!(s.in_view, (1u64 << 31) - (1 << 23) - 1);
        assert_eq!(finite_count(&format), 2 * ((1u64 << 31) - (1 << 23) - 1) + 1);
        let line = strip(&f("float16"), Axis { log: false, lo: 1.0, hi: 2.0 });
        assert_eq!(line.in_view, 1025);
    }

    #[test]
    fn overflow_and_bands_are_derived() {
        assert_eq!(overflow_of(&f("float8_e4m3fn")), Overflow::Nan);
        assert_eq!(overflow_of(&f("float8_e5m2")), Overflow::Inf);
        assert_eq!(overflow_of(&f("float4_e2m1fn")), Overflow::Saturates);
        assert_eq!(overflow_of(&f("int8")), Overflow::Saturates);
        let en = crate::i18n::Lang::En.compare();
        assert_eq!(
            [Overflow::Inf, Overflow::Nan, Overflow::Saturates].map(|o| o.text(en)),
            ["→ inf", "→ NaN", "saturates"]
        );
        assert_eq!(Overflow::Saturates.text(crate::i18n::Lang::Ru.compare()), "насыщается");
        let s = strip(&f("float8_e4m3fn"), Axis { log: true, lo: 1e-3, hi: 1e3 });
        assert_eq!(s.subnormal, Some((0.001953125, 0.015625)));
        assert_eq!(s.max, 448.0);
        assert!(s.ticks.iter().any(|t| t.1) && s.ticks.iter().any(|t| !t.1));
        assert_eq!(subnormal_band(&f("float8_e8m0fnu")), None);
    }

    #[test]
    fn the_sawtooth_of_e4m3() {
        let p = spacing_points(&f("float8_e4m3fn"), 1.0, 4.0);
        assert_eq!(p, [(1.0, 0.125), (2.0, 0.0625), (2.0, 0.125), (4.0, 0.0625)]);
        let int = spacing_points(&f("int8"), 0.5, 1000.0);
        assert_eq!(int, [(1.0, 1.0), (127.0, 1.0 / 127.0)]);
        // Float32 has 254 normal binades and a subnormal segment.
        assert_eq!(spacing_segments(&f("float32")).len(), 255);
        assert!(!spacing_points(&f("nf4"), 1e-3, 1.0).is_empty());
    }

    #[test]
    fn zoom_stays_valid() {
        let a = Axis { log: false, lo: -10.0, hi: 10.0 };
        let z = zoom(a, 0.5, 0.5, 0.0);
        assert_eq!((z.lo, z.hi), (-5.0, 5.0));
        let moved = zoom(a, 1.0, 0.5, 0.25);
        assert_eq!((moved.lo, moved.hi), (-5.0, 15.0));
        let mut tiny = a;
        for _ in 0..200 {
            tiny = zoom(tiny, 0.1, 0.3, 0.0);
            assert!(tiny.is_valid());
        }
        let mut huge = Axis { log: true, lo: 1.0, hi: 10.0 };
        for _ in 0..50 {
            huge = zoom(huge, 10.0, 0.5, 0.0);
            assert!(huge.is_valid(), "{huge:?}");
        }
    }

    #[test]
    fn tables_for_export() {
        let en = crate::i18n::Lang::En.compare();
        let formats = [f("float8_e4m3fn"), f("int4")];
        let limits = limits_export(&formats.iter().map(|f| limits_row(f, en)).collect::<Vec<_>>(), en);
        assert_eq!(limits.headers.len(), limits.rows[0].len());
        assert_eq!(limits.headers[..4], ["format", "bits", "layout", "max"]);
        assert_eq!(limits.rows[0][..4], ["float8_e4m3fn", "8", "E4M3", "448"]);
        assert_eq!(limits.rows[1][2], "int");
        let values = values_export(&value_rows("3.14", &formats, en).unwrap(), en);
        assert_eq!(
            values.headers,
            ["format", "code", "hex", "bits", "stored value", "error", "relative error", "status"]
        );
        assert_eq!(values.rows[0][..5], ["float8_e4m3fn", "69", "0x45", "01000101", "3.25"]);
        assert!(values.rows.iter().all(|r| r.len() == values.headers.len()));
    }

    #[test]
    fn the_tables_words_follow_the_language() {
        let ru = crate::i18n::Lang::Ru.compare();
        let formats = [f("float8_e4m3fn"), f("int4"), f("nf4")];
        let rows: Vec<LimitsRow> = formats.iter().map(|f| limits_row(f, ru)).collect();
        let limits = limits_export(&rows, ru);
        assert_eq!(limits.headers[..4], ["формат", "бит", "структура", "макс."]);
        // e4m3fn: no ±Inf, overflow gives NaN; int4: an integer without subnormals.
        assert_eq!((rows[0].cells[8].0.as_str(), rows[0].cells[10].0.as_str()), ("нет", "→ NaN"));
        assert_eq!(
            (rows[1].cells[1].0.as_str(), rows[1].cells[3].1.as_str()),
            ("целое", "не определено для этого формата")
        );
        assert_eq!(rows[2].cells[1].0, "таблица");
        let values = values_export(&value_rows("3.14", &formats, ru).unwrap(), ru);
        assert_eq!(values.headers[7], "статус");
        assert_eq!(values.rows[0][7], "неточно");
        assert_eq!(value_rows("2", &formats[1..2], ru).unwrap()[0].status, "точно");
        assert_eq!(value_rows("100", &formats[1..2], ru).unwrap()[0].status, "неточно, переполнение");
        assert_eq!(
            status_words(Status::INEXACT | Status::OVERFLOW, crate::i18n::Lang::En.compare()),
            "inexact, overflow"
        );
        // No word left in English in Russian (but the symbols).
        let en = crate::i18n::Lang::En.compare();
        let words = |t: &'static CompareText| {
            t.limit_columns
                .iter()
                .chain(&t.status)
                .chain(&t.values_export)
                .chain(&t.layouts)
                .chain(&t.yes_no)
                .chain(&t.overflow[2..])
                .copied()
                .collect::<Vec<_>>()
        };
        for (a, b) in words(ru).into_iter().zip(words(en)) {
            if b != "±Inf" {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn one_number_in_every_format() {
        let en = crate::i18n::Lang::En.compare();
        let rows = value_rows("3.14", &value_formats(&[f("e3m3")]), en).unwrap();
        let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap().clone();
        let e4m3 = row("float8_e4m3fn");
        assert_eq!((e4m3.code, e4m3.value.as_str(), e4m3.hex.as_str()), (0x45, "3.25", "0x45"));
        assert_eq!(row("float16").value, "3.140625");
        assert_eq!(row("int8").value, "3");
        assert_eq!(row("nf4").value, "1");
        assert!(row("nf4").status.contains("overflow") || row("nf4").status.contains("inexact"));
        assert!(rows.iter().any(|r| r.id == "e3m3"));
        assert!(rows.iter().any(|r| r.id == "p3109_k8p3se"));
        assert!(!rows.iter().any(|r| r.id == "float64"));
        assert!(value_rows("3.1.4", &value_formats(&[]), en).is_err());
        assert!(value_rows("", &value_formats(&[]), en).is_err());
        let nan = value_rows("nan", &[f("float8_e4m3fn")], en).unwrap();
        assert_eq!((nan[0].value.as_str(), nan[0].error.as_str()), ("NaN", "—"));
    }
}
