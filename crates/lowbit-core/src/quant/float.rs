//! `cast:FORMAT` (a direct element-wise cast with the format's ml_dtypes behaviour) and
//! `absmax:FORMAT` (a per-tensor / row / block absmax scale that maps the group's absmax onto
//! the format's largest value, then a saturating round-to-nearest-even cast — as
//! TransformerEngine and `torch._scaled_mm` recipes do for FP8).

use super::pack::{pack_nibbles, NibbleOrder};
use super::{Granularity, Grouping, Options, Quantized, ScaleRule, TraceRow};
use crate::format::{Format, Kind};
use crate::round::{OverflowPolicy, Status};
use crate::Encoder;

/// The signed code shown for a format's code: integers as their value, others as the code.
fn shown_code(format: &Format, code: u64) -> i64 {
    match &format.kind {
        Kind::Int(i) => i.value(code),
        _ => code as i64,
    }
}

/// Encodes one value exactly (status flags tell overflow).
struct ElementCast {
    exact: Encoder,
}

impl ElementCast {
    fn new(format: &Format, overflow: OverflowPolicy) -> Self {
        ElementCast { exact: Encoder::new(format, Some(format.default_rounding()), overflow, 0) }
    }

    /// (code, value, overflowed)
    fn cast(&mut self, x: f32) -> (u64, f64, bool) {
        let e = self.exact.encode_f64(x as f64);
        (e.code, e.value, e.status.contains(Status::OVERFLOW))
    }
}

/// Runs `cast:FORMAT` and `absmax:FORMAT`.
pub(crate) fn run(
    format: &Format,
    rule: ScaleRule,
    input: &[f32],
    grouping: Grouping,
    options: &Options,
    q: &mut Quantized,
) {
    let scaled_rule = rule == ScaleRule::Absmax;
    let overflow = if scaled_rule { OverflowPolicy::Saturate } else { OverflowPolicy::Default };
    let mut cast = ElementCast::new(format, overflow);
    let limits = format.limits();
    let target = limits.max as f32;
    let size = if scaled_rule { grouping.size.max(1) } else { input.len().max(1) };
    for (g_index, group) in input.chunks(size).enumerate() {
        let amax = group.iter().filter(|x| x.is_finite()).fold(0f32, |m, x| m.max(x.abs()));
        let scale = if scaled_rule { amax / target } else { 1.0 };
        if scaled_rule {
            q.scales.push(scale);
        }
        for (j, &x) in group.iter().enumerate() {
            let scaled = if !scaled_rule {
                x
            } else if scale == 0.0 || !scale.is_finite() {
                if x.is_nan() {
                    x
                } else {
                    0.0
                }
            } else {
                x / scale
            };
            let (code, value, overflowed) = cast.cast(scaled);
            let dequantized = if scaled_rule { (value as f32) * scale } else { value as f32 };
            let shown = shown_code(format, code);
            q.record(
                TraceRow {
                    index: g_index * size + j,
                    group: g_index,
                    input: x as f64,
                    absmax: amax as f64,
                    scale: scale as f64,
                    zero_point: 0.0,
                    scaled: scaled as f64,
                    rounded: value,
                    clamped: value,
                    clipped: overflowed,
                    code: shown,
                    dequantized: dequantized as f64,
                    error: 0.0,
                },
                options.trace,
            );
        }
    }
    if format.bits() == 4 {
        let nibbles: Vec<u8> = q.codes.iter().map(|&c| (c as u8) & 0x0F).collect();
        let zero = cast.cast(0.0).0 as u8;
        q.packed = pack_nibbles(&nibbles, NibbleOrder::LowFirst, zero);
    }
    if !scaled_rule || grouping.granularity == Granularity::Tensor {
        q.block = input.len();
    }
    if scaled_rule {
        q.notes.push(format!(
            "scale = absmax / {} (the largest {} value); saturating round-to-nearest-even cast",
            limits.max, format.id
        ));
    } else {
        q.notes.push(format!(
            "direct cast with ml_dtypes' behaviour: {} rounding, overflow {}",
            format.default_rounding().name(),
            format.default_overflow().name()
        ));
    }
}
