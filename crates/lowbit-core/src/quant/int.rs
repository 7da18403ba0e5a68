//! Integer quantizers: symmetric absmax, asymmetric zero point, mean-std clipping (seed 002),
//! and LLM.int8()'s row-wise absmax with outlier columns.
//!
//! Arithmetic is f32, as `torch` does it: `scale = absmax / qmax`, `q = round(x / scale)` with
//! round half to even, clamped to [qmin, qmax], `dequantized = q × scale`. Statistics (min, max,
//! mean, std) skip NaN and ±Inf; ±Inf inputs saturate to the end codes and NaN inputs take the
//! code of 0 (the zero point), dequantizing to 0 — an integer code has no NaN.

use std::ops::Range;

use super::arith::{finite_absmax, rint};
use super::pack::NibbleOrder;
use super::Remark;
use super::{Codes, Granularity, Grouping, Options, Quantized, ScaleRule, TraceRow};

/// The statistics of one group of inputs (finite values only).
struct Stats {
    absmax: f32,
    min: f32,
    max: f32,
    mean: f64,
    std: f64,
    finite: usize,
}

/// The statistics `rule` needs (absmax alone for the absmax rule, by the bits; min and max
/// for the zero point; everything for mean-std). `finite` is exact either way.
fn stats_for(rule: ScaleRule, group: &[f32]) -> Stats {
    match rule {
        ScaleRule::Absmax => {
            let (absmax, special) = finite_absmax(group);
            let finite = if special { group.iter().filter(|x| x.is_finite()).count() } else { group.len() };
            Stats { absmax, min: 0.0, max: 0.0, mean: 0.0, std: 0.0, finite }
        }
        ScaleRule::ZeroPoint => {
            let (mut min, mut max, mut finite) = (f32::INFINITY, f32::NEG_INFINITY, 0usize);
            for &x in group.iter().filter(|x| x.is_finite()) {
                min = min.min(x);
                max = max.max(x);
                finite += 1;
            }
            if finite == 0 {
                (min, max) = (0.0, 0.0);
            }
            Stats { absmax: 0.0, min, max, mean: 0.0, std: 0.0, finite }
        }
        _ => stats(group),
    }
}

fn stats(group: &[f32]) -> Stats {
    let (mut absmax, mut min, mut max) = (0f32, f32::INFINITY, f32::NEG_INFINITY);
    let (mut sum, mut finite) = (0f64, 0usize);
    for &x in group.iter().filter(|x| x.is_finite()) {
        absmax = absmax.max(x.abs());
        min = min.min(x);
        max = max.max(x);
        sum += x as f64;
        finite += 1;
    }
    let mean = if finite > 0 { sum / finite as f64 } else { 0.0 };
    let var = if finite > 0 {
        group.iter().filter(|x| x.is_finite()).map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / finite as f64
    } else {
        0.0
    };
    if finite == 0 {
        (min, max) = (0.0, 0.0);
    }
    Stats { absmax, min, max, mean, std: var.sqrt(), finite }
}

/// The scale and zero point of one group, plus the statistic shown in the trace.
#[derive(Clone, Copy)]
struct GroupScale {
    statistic: f32,
    scale: f32,
    zero_point: i64,
}

fn group_scale(rule: ScaleRule, s: &Stats, qmin: i64, qmax: i64, k: f64) -> GroupScale {
    match rule {
        ScaleRule::ZeroPoint => {
            let range = s.max - s.min;
            let scale = range / (qmax - qmin) as f32;
            if scale > 0.0 && scale.is_finite() {
                let zp = (qmin as f32 - s.min / scale).round_ties_even();
                GroupScale { statistic: range, scale, zero_point: zp as i64 }
            } else if s.max != 0.0 && s.max.is_finite() {
                // A constant group c: scale |c|, zero point qmin ∓ 1, so c maps to qmin exactly.
                let c = s.max;
                GroupScale { statistic: 0.0, scale: c.abs(), zero_point: qmin - c.signum() as i64 }
            } else {
                GroupScale { statistic: 0.0, scale: 1.0, zero_point: qmin }
            }
        }
        ScaleRule::MeanStd => {
            let threshold = (s.mean.abs() + k * s.std).min(s.absmax as f64) as f32;
            GroupScale { statistic: threshold, scale: threshold / qmax as f32, zero_point: 0 }
        }
        _ => GroupScale { statistic: s.absmax, scale: s.absmax / qmax as f32, zero_point: 0 },
    }
}

/// Quantizes one value: (scaled, rounded, clamped code, dequantized).
#[inline]
fn quantize_one(x: f32, g: GroupScale, qmin: i64, qmax: i64) -> (f32, f32, i64, f32) {
    if x.is_nan() || g.scale == 0.0 || !g.scale.is_finite() {
        let code = g.zero_point.clamp(qmin, qmax);
        return (0.0, 0.0, code, ((code - g.zero_point) as f32) * g.scale.min(f32::MAX));
    }
    let scaled = x / g.scale;
    let rounded = scaled.round_ties_even() + g.zero_point as f32;
    let clamped = if rounded.is_nan() { g.zero_point } else { (rounded.clamp(qmin as f32, qmax as f32)) as i64 };
    let dequantized = (clamped - g.zero_point) as f32 * g.scale;
    (scaled + g.zero_point as f32, rounded, clamped, dequantized)
}

/// The codes of one group with a usable scale: `x / scale` in f32, round half to even, plus
/// the zero point, clamped; NaN takes the zero point. Returns the number clipped.
#[inline(always)]
fn encode_group(group: &[f32], g: GroupScale, qmin: i64, qmax: i64, out: &mut [i8]) -> usize {
    let (lo, hi, zp) = (qmin as f32, qmax as f32, g.zero_point as f32);
    let nan_code = g.zero_point.clamp(qmin, qmax) as i8;
    let mut clipped = 0;
    for (c, &x) in out.iter_mut().zip(group) {
        let rounded = rint(x / g.scale) + zp;
        clipped += ((rounded < lo) | (rounded > hi)) as usize;
        *c = if rounded.is_nan() { nan_code } else { rounded.clamp(lo, hi) as i8 };
    }
    clipped
}

/// Encodes `int{8,4}_{absmax,zeropoint,meanstd}` for [`super::Scheme::encode`].
pub(crate) fn encode(rule: ScaleRule, bits: u32, input: &[f32], grouping: Grouping, options: &Options, q: &mut Quantized) {
    let bits = bits.clamp(2, 8);
    let (qmin, qmax) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
    let size = grouping.size.max(1);
    let mut codes = vec![0i8; input.len()];
    for (g_index, (group, out)) in input.chunks(size).zip(codes.chunks_mut(size)).enumerate() {
        let s = stats_for(rule, group);
        let g = group_scale(rule, &s, qmin, qmax, options.k);
        q.scales.push(g.scale);
        if rule == ScaleRule::ZeroPoint {
            q.zero_points.push(g.zero_point);
        }
        if g.scale == 0.0 || !g.scale.is_finite() {
            out.fill(g.zero_point.clamp(qmin, qmax) as i8);
        } else {
            // ±Inf inputs saturate; a finite input is clipped when its rounded value is out of range.
            q.clipped += encode_group(group, g, qmin, qmax, out);
        }
        if s.finite < group.len() && !group.is_empty() {
            q.notes.push(Remark::GroupNonFinite(g_index, group.len() - s.finite));
        }
    }
    match rule {
        ScaleRule::MeanStd => q.notes.push(Remark::MeanStdThreshold(options.k)),
        ScaleRule::ZeroPoint => q.notes.push(Remark::ZeroPointInt32),
        _ => {}
    }
    if grouping.granularity == Granularity::Tensor {
        q.block = input.len();
    }
    q.codes = signed_codes(codes, bits);
}

/// Signed codes: packed two's-complement nibbles (first element LOW) for 4 bits, bytes
/// otherwise.
pub(crate) fn signed_codes(codes: Vec<i8>, bits: u32) -> Codes {
    if bits == 4 {
        let n = codes.len();
        let mut packed = vec![0u8; n.div_ceil(2)];
        for (byte, pair) in packed.iter_mut().zip(codes.chunks(2)) {
            let high = pair.get(1).map_or(0, |&c| (c as u8) & 0x0F);
            *byte = high << 4 | (pair[0] as u8 & 0x0F);
        }
        Codes::nibbles(packed, n, NibbleOrder::LowFirst, true)
    } else {
        Codes::bytes(codes.into_iter().map(|c| c as u8).collect(), bits, true)
    }
}

/// Dequantizes the integer and BitNet schemes: `(code − zero point) · scale` per group (a
/// scale that is not finite counts as `f32::MAX`, so a degenerate group gives 0).
pub(crate) fn decode(q: &Quantized, out: &mut Vec<f32>) {
    let n = q.codes.len();
    let size = q.block.max(1);
    out.reserve(n);
    for (g, &scale) in q.scales.iter().enumerate() {
        let zp = q.zero_points.get(g).copied().unwrap_or(0);
        let scale = scale.min(f32::MAX);
        let end = ((g + 1) * size).min(n);
        // code − zp is exact in f32 while |zp| < 2^23 (codes are 8-bit).
        match q.codes.signed_bytes().filter(|_| zp.abs() < 1 << 23) {
            Some(bytes) => {
                let zp = zp as f32;
                out.extend(bytes.get(g * size..end).unwrap_or(&[]).iter().map(|&b| (b as i8 as f32 - zp) * scale));
            }
            None => out.extend((g * size..end).map(|i| (q.codes.get(i).unwrap_or(0) - zp) as f32 * scale)),
        }
    }
    out.resize(n, 0.0);
}

/// Trace rows of `int{8,4}_{absmax,zeropoint,meanstd}`.
pub(crate) fn trace(rule: ScaleRule, bits: u32, input: &[f32], q: &Quantized, rows: Range<usize>, k: f64) -> Vec<TraceRow> {
    let bits = bits.clamp(2, 8);
    let (qmin, qmax) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
    let size = q.block.max(1);
    let mut cached: Option<(usize, GroupScale)> = None;
    rows.filter_map(|i| {
        let (x, g_index) = (*input.get(i)?, i / size);
        let g = match cached {
            Some((c, g)) if c == g_index => g,
            _ => {
                let group = input.get(g_index * size..((g_index + 1) * size).min(input.len()))?;
                let g = group_scale(rule, &stats(group), qmin, qmax, k);
                cached = Some((g_index, g));
                g
            }
        };
        let (scaled, rounded, code, _) = quantize_one(x, g, qmin, qmax);
        let clipped = rounded.is_finite() && (rounded < qmin as f32 || rounded > qmax as f32) || x.is_infinite();
        Some(TraceRow {
            index: i,
            group: g_index,
            input: x as f64,
            absmax: g.statistic as f64,
            scale: g.scale as f64,
            zero_point: g.zero_point as f64,
            scaled: scaled as f64,
            rounded: rounded as f64,
            clamped: code as f64,
            clipped,
            code,
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}

/// f32 → fp16 (IEEE binary16) value, round to nearest even, via the exact kernel.
fn to_f16(x: f32) -> f32 {
    let f16 = crate::float::FloatFormat::FLOAT16;
    let r = crate::float::round_float(
        &f16,
        &crate::round::Exact::from_f64(x as f64),
        crate::round::RoundingMode::NearestEven,
        crate::round::OverflowPolicy::Inf,
        0,
    );
    f16.value(r.code) as f32
}

#[allow(clippy::excessive_precision)] // bnb's literal for 1/127
const INV127: f32 = 7.874_015_718_698_502e-3;

/// Which columns hold an |x| ≥ the threshold (none when the threshold is 0).
fn outlier_mask(input: &[f32], cols: usize, threshold: f32) -> Vec<bool> {
    let mut outlier = vec![false; cols.min(input.len()).max(1)];
    if threshold > 0.0 {
        for (i, x) in input.iter().enumerate() {
            if x.abs() >= threshold {
                outlier[i % cols] = true;
            }
        }
    }
    outlier
}

/// Row absmax over the values below the threshold (the kernel's sparse decomposition).
fn row_absmax(row: &[f32], threshold: f32) -> f32 {
    let decompose = threshold > 0.0;
    row.iter().filter(|x| x.is_finite() && (!decompose || x.abs() < threshold)).fold(0f32, |m, x| m.max(x.abs()))
}

/// One LLM.int8() element: (scaled, rounded, code, dequantized).
#[inline]
fn rowwise_one(x: f32, rowmax: f32, is_outlier: bool) -> (f32, f32, i64, f32) {
    if is_outlier {
        (f32::NAN, f32::NAN, 0, to_f16(x))
    } else if rowmax == 0.0 || x.is_nan() {
        (0.0, 0.0, 0, 0.0)
    } else {
        let scaled = x * (127.0f32 / rowmax);
        let rounded = scaled.round_ties_even();
        let code = rounded.clamp(-127.0, 127.0) as i64;
        (scaled, rounded, code, code as f32 * rowmax * INV127)
    }
}

/// Encodes `int8_rowwise` (LLM.int8(), bitsandbytes' `int8_vectorwise_quant` with threshold).
pub(crate) fn encode_rowwise(input: &[f32], grouping: Grouping, options: &Options, q: &mut Quantized) {
    let cols = grouping.size.max(1);
    let rows = input.len().div_ceil(cols);
    let threshold = options.outlier_threshold as f32;
    let decompose = threshold > 0.0;
    let outlier = outlier_mask(input, cols, threshold);
    let mut codes = vec![0i8; input.len()];
    for (row, out) in input.chunks(cols).zip(codes.chunks_mut(cols)) {
        let rowmax = row_absmax(row, threshold);
        q.scales.push(rowmax);
        let factor = 127.0f32 / rowmax;
        for (c, (code, &x)) in out.iter_mut().zip(row).enumerate() {
            let is_outlier = decompose && (outlier[c] || x.abs() >= threshold);
            if is_outlier {
                q.outlier_values.push(to_f16(x));
            } else if rowmax != 0.0 && !x.is_nan() {
                let rounded = rint(x * factor);
                q.clipped += (rounded.abs() > 127.0) as usize;
                *code = rounded.clamp(-127.0, 127.0) as i8;
            } else {
                q.clipped += x.is_infinite() as usize;
            }
        }
    }
    q.outlier_columns = outlier.iter().enumerate().filter(|(_, &o)| o).map(|(c, _)| c).collect();
    q.block = cols;
    q.codes = Codes::bytes(codes.into_iter().map(|c| c as u8).collect(), 8, true);
    q.notes.push(Remark::Outliers { threshold: options.outlier_threshold, columns: q.outlier_columns.clone() });
    q.notes.push(Remark::RowScales(rows, cols));
}

/// Dequantizes `int8_rowwise`: `code · rowmax · (1/127)`, the fp16 values at the outliers.
pub(crate) fn decode_rowwise(q: &Quantized, out: &mut Vec<f32>) {
    let n = q.codes.len();
    let cols = q.block.max(1);
    out.reserve(n);
    let mut stored = q.outlier_values.iter();
    for i in 0..n {
        let rowmax = q.scales.get(i / cols).copied().unwrap_or(0.0);
        let code = q.codes.get(i).unwrap_or(0);
        // An |x| above the threshold lists its column, so the outliers are exactly the listed
        // columns' elements, stored in order.
        let listed = q.outlier_columns.binary_search(&(i % cols)).is_ok();
        out.push(if listed { stored.next().copied().unwrap_or(f32::NAN) } else { code as f32 * rowmax * INV127 });
    }
}

/// Trace rows of `int8_rowwise`.
pub(crate) fn trace_rowwise(input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let cols = q.block.max(1);
    let is_outlier = |i: usize| q.outlier_columns.binary_search(&(i % cols)).is_ok();
    rows.filter_map(|i| {
        let (x, r) = (*input.get(i)?, i / cols);
        let rowmax = *q.scales.get(r)?;
        let (scaled, rounded, code, _) = rowwise_one(x, rowmax, is_outlier(i));
        let clipped = rounded.is_finite() && rounded.abs() > 127.0 || (!is_outlier(i) && x.is_infinite());
        Some(TraceRow {
            index: i,
            group: r,
            input: x as f64,
            absmax: rowmax as f64,
            scale: (rowmax * INV127) as f64,
            zero_point: 0.0,
            scaled: scaled as f64,
            rounded: rounded as f64,
            clamped: code as f64,
            clipped,
            code,
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}
