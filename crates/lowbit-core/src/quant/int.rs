//! Integer quantizers: symmetric absmax, asymmetric zero point, mean-std clipping (seed 002),
//! and LLM.int8()'s row-wise absmax with outlier columns.
//!
//! Arithmetic is f32, as `torch` does it: `scale = absmax / qmax`, `q = round(x / scale)` with
//! round half to even, clamped to [qmin, qmax], `dequantized = q × scale`. Statistics (min, max,
//! mean, std) skip NaN and ±Inf; ±Inf inputs saturate to the end codes and NaN inputs take the
//! code of 0 (the zero point), dequantizing to 0 — an integer code has no NaN.

use super::pack::{pack_nibbles, NibbleOrder};
use super::{Granularity, Grouping, Options, Quantized, ScaleRule, TraceRow};

/// The statistics of one group of inputs (finite values only).
struct Stats {
    absmax: f32,
    min: f32,
    max: f32,
    mean: f64,
    std: f64,
    finite: usize,
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

/// Runs `int{8,4}_{absmax,zeropoint,meanstd}`.
pub(crate) fn run(rule: ScaleRule, bits: u32, input: &[f32], grouping: Grouping, options: &Options, q: &mut Quantized) {
    let (qmin, qmax) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
    let size = grouping.size.max(1);
    q.codes.reserve(input.len());
    q.dequantized.reserve(input.len());
    for (g_index, group) in input.chunks(size).enumerate() {
        let s = stats(group);
        let g = group_scale(rule, &s, qmin, qmax, options.k);
        q.scales.push(g.scale);
        if rule == ScaleRule::ZeroPoint {
            q.zero_points.push(g.zero_point);
        }
        for (j, &x) in group.iter().enumerate() {
            let (scaled, rounded, code, dequantized) = quantize_one(x, g, qmin, qmax);
            let clipped = rounded.is_finite() && (rounded < qmin as f32 || rounded > qmax as f32) || x.is_infinite();
            q.record(
                TraceRow {
                    index: g_index * size + j,
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
                    dequantized: dequantized as f64,
                    error: 0.0,
                },
                options.trace,
            );
        }
        if s.finite < group.len() && !group.is_empty() {
            q.notes.push(format!(
                "group {g_index}: {} NaN/Inf input(s) skipped in the statistics (Inf saturates, NaN takes the zero code)",
                group.len() - s.finite
            ));
        }
    }
    match rule {
        ScaleRule::MeanStd => {
            q.notes.push(format!("clipping threshold min(absmax, |mean| + {} std) per group", options.k))
        }
        ScaleRule::ZeroPoint => {
            q.notes.push("zero point stored as a 32-bit integer (it may lie outside the element's range)".into())
        }
        _ => {}
    }
    if grouping.granularity == Granularity::Tensor {
        q.block = input.len();
    }
    if bits == 4 {
        let nibbles: Vec<u8> = q.codes.iter().map(|&c| (c as u8) & 0x0F).collect();
        q.packed = pack_nibbles(&nibbles, NibbleOrder::LowFirst, 0);
    }
}

/// f32 → fp16 (IEEE binary16) value, round to nearest even, via the exact kernel.
fn to_f16(x: f32) -> f32 {
    let f16 = crate::float::FloatFormat::ieee(5, 10);
    let r = crate::round::round_float(
        &f16,
        &crate::round::Exact::from_f64(x as f64),
        crate::round::RoundingMode::NearestEven,
        crate::round::OverflowPolicy::Inf,
        0,
    );
    f16.value(r.code) as f32
}

/// Runs `int8_rowwise` (LLM.int8(), bitsandbytes' `int8_vectorwise_quant` with threshold).
pub(crate) fn run_rowwise(input: &[f32], grouping: Grouping, options: &Options, q: &mut Quantized) {
    let cols = grouping.size.max(1);
    let rows = input.len().div_ceil(cols);
    let threshold = options.outlier_threshold as f32;
    let decompose = threshold > 0.0;
    let mut outlier = vec![false; cols.min(input.len()).max(1)];
    if decompose {
        for (i, x) in input.iter().enumerate() {
            if x.abs() >= threshold {
                outlier[i % cols] = true;
            }
        }
    }
    #[allow(clippy::excessive_precision)] // bnb's literal for 1/127
    const INV127: f32 = 7.874_015_718_698_502e-3;
    for (r, row) in input.chunks(cols).enumerate() {
        // Row absmax over the values below the threshold (the kernel's sparse decomposition).
        let rowmax = row
            .iter()
            .filter(|x| x.is_finite() && (!decompose || x.abs() < threshold))
            .fold(0f32, |m, x| m.max(x.abs()));
        q.scales.push(rowmax);
        let factor = 127.0f32 / rowmax;
        for (c, &x) in row.iter().enumerate() {
            let is_outlier = decompose && (outlier[c] || x.abs() >= threshold);
            let (scaled, rounded, code, dequantized) = if is_outlier {
                (f32::NAN, f32::NAN, 0i64, to_f16(x))
            } else if rowmax == 0.0 || x.is_nan() {
                (0.0, 0.0, 0, 0.0)
            } else {
                let scaled = x * factor;
                let rounded = scaled.round_ties_even();
                let code = rounded.clamp(-127.0, 127.0) as i64;
                (scaled, rounded, code, code as f32 * rowmax * INV127)
            };
            let clipped = rounded.is_finite() && rounded.abs() > 127.0 || (!is_outlier && x.is_infinite());
            q.record(
                TraceRow {
                    index: r * cols + c,
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
                    dequantized: dequantized as f64,
                    error: 0.0,
                },
                options.trace,
            );
        }
    }
    q.outlier_columns = outlier.iter().enumerate().filter(|(_, &o)| o).map(|(c, _)| c).collect();
    q.block = cols;
    q.notes.push(format!(
        "outlier threshold {}: {} outlier column(s) kept in fp16{}",
        options.outlier_threshold,
        q.outlier_columns.len(),
        if q.outlier_columns.is_empty() { String::new() } else { format!(" ({:?})", q.outlier_columns) }
    ));
    q.notes.push(format!(
        "{rows} row(s) of {cols}; scales are the row absmax values (bnb's row_stats), dequantized = q * rowmax / 127"
    ));
}
