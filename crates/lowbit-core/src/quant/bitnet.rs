//! BitNet b1.58 ternary weights and 1-bit binary weights (seed 003).
//!
//! Ternary (absmean, BitNet b1.58): γ = max(mean|W|, 1e-5), q = clamp(round(W / γ), −1, 1)
//! with round half to even, value q · γ, in f32.
//! Binary: q = sign(W) with sign(0) = +1, value q · mean|W|. The mean skips NaN and ±Inf.

use super::{Granularity, Grouping, Options, Quantized, TraceRow};
use crate::codebook::Codebook;

/// Runs `ternary` / `binary`.
pub(crate) fn run(book: &Codebook, input: &[f32], grouping: Grouping, options: &Options, q: &mut Quantized) {
    let ternary = book.values.len() == 3;
    let size = grouping.size.max(1);
    for (g_index, group) in input.chunks(size).enumerate() {
        let finite: Vec<f64> = group.iter().filter(|x| x.is_finite()).map(|&x| x.abs() as f64).collect();
        let mean = if finite.is_empty() { 0.0 } else { finite.iter().sum::<f64>() / finite.len() as f64 } as f32;
        let gamma = if ternary { mean.max(1e-5) } else { mean };
        q.scales.push(gamma);
        for (j, &x) in group.iter().enumerate() {
            let (scaled, rounded, code, dequantized) = if ternary {
                let scaled = x / gamma;
                let rounded = if scaled.is_nan() { 0.0 } else { scaled.round_ties_even() };
                let code = rounded.clamp(-1.0, 1.0);
                (scaled, rounded, code as i64, code * gamma)
            } else {
                let code = if x < 0.0 { -1.0f32 } else { 1.0 };
                (x, code, code as i64, code * gamma)
            };
            let clipped = rounded.abs() > 1.0;
            q.record(
                TraceRow {
                    index: g_index * size + j,
                    group: g_index,
                    input: x as f64,
                    absmax: mean as f64,
                    scale: gamma as f64,
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
    if grouping.granularity == Granularity::Tensor {
        q.block = input.len();
    }
    q.notes.push(if ternary {
        "ternary codes -1/0/+1 stored in 2 bits (log2(3) = 1.58 bits of information); gamma = mean|W| clamped >= 1e-5"
            .into()
    } else {
        "binary codes -1/+1 in 1 bit; sign(0) = +1; scale = mean|W|".into()
    });
    if input.iter().any(|x| !x.is_finite()) {
        q.notes.push("NaN/Inf inputs are skipped in mean|W|; NaN takes code 0 (ternary) or +1 (binary)".into());
    }
}
