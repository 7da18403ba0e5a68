//! BitNet b1.58 ternary weights and 1-bit binary weights (seed 003).
//!
//! Ternary (absmean, BitNet b1.58): γ = max(mean|W|, 1e-5), q = clamp(round(W / γ), −1, 1)
//! with round half to even, value q · γ, in f32.
//! Binary: q = sign(W) with sign(0) = +1, value q · mean|W|. The mean skips NaN and ±Inf.

use std::ops::Range;

use super::arith::rint;
use super::Remark;
use super::{Codes, Granularity, Grouping, Quantized, TraceRow};
use crate::codebook::Codebook;

/// γ of a group: mean|x| over the finite values (in f64, then f32), clamped ≥ 1e-5 for
/// ternary; and the mean itself.
fn gamma(group: &[f32], ternary: bool) -> (f32, f32) {
    let (mut sum, mut count) = (0f64, 0usize);
    for x in group.iter().filter(|x| x.is_finite()) {
        sum += x.abs() as f64;
        count += 1;
    }
    let mean = if count == 0 { 0.0 } else { sum / count as f64 } as f32;
    (if ternary { mean.max(1e-5) } else { mean }, mean)
}

/// One element: (scaled, rounded, code).
#[inline]
fn element(x: f32, gamma: f32, ternary: bool) -> (f32, f32, i8) {
    if ternary {
        let scaled = x / gamma;
        let rounded = if scaled.is_nan() { 0.0 } else { rint(scaled) };
        (scaled, rounded, rounded.clamp(-1.0, 1.0) as i8)
    } else {
        let code = if x < 0.0 { -1 } else { 1 };
        (x, code as f32, code)
    }
}

/// Encodes `ternary` / `binary` for [`super::Scheme::encode`].
pub(crate) fn encode(book: &Codebook, input: &[f32], grouping: Grouping, q: &mut Quantized) {
    let ternary = book.values().len() == 3;
    let size = grouping.size.max(1);
    let mut codes = vec![0i8; input.len()];
    for (group, out) in input.chunks(size).zip(codes.chunks_mut(size)) {
        let (g, _) = gamma(group, ternary);
        q.scales.push(g);
        for (c, &x) in out.iter_mut().zip(group) {
            let (_, rounded, code) = element(x, g, ternary);
            q.clipped += (rounded.abs() > 1.0) as usize;
            *c = code;
        }
    }
    if grouping.granularity == Granularity::Tensor {
        q.block = input.len();
    }
    q.codes = Codes::bytes(codes.into_iter().map(|c| c as u8).collect(), 8, true);
    q.notes.push(if ternary { Remark::TernaryCodes } else { Remark::BinaryCodes });
    if input.iter().any(|x| !x.is_finite()) {
        q.notes.push(Remark::AbsMeanNonFinite);
    }
}

/// Trace rows of `ternary` / `binary`.
pub(crate) fn trace(book: &Codebook, input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let ternary = book.values().len() == 3;
    let size = q.block.max(1);
    let mut cached: Option<(usize, (f32, f32))> = None;
    rows.filter_map(|i| {
        let (x, g) = (*input.get(i)?, i / size);
        let (gamma, mean) = match cached {
            Some((c, v)) if c == g => v,
            _ => {
                let group = input.get(g * size..((g + 1) * size).min(input.len()))?;
                let v = gamma(group, ternary);
                cached = Some((g, v));
                v
            }
        };
        let (scaled, rounded, code) = element(x, gamma, ternary);
        Some(TraceRow {
            index: i,
            group: g,
            input: x as f64,
            absmax: mean as f64,
            scale: gamma as f64,
            zero_point: 0.0,
            scaled: scaled as f64,
            rounded: rounded as f64,
            clamped: code as f64,
            clipped: rounded.abs() > 1.0,
            code: code as i64,
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}
