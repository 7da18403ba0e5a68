//! `cast:FORMAT` (a direct element-wise cast with the format's ml_dtypes behaviour) and
//! `absmax:FORMAT` (a per-tensor / row / block absmax scale that maps the group's absmax onto
//! the format's largest value, then a saturating round-to-nearest-even cast — as
//! TransformerEngine and `torch._scaled_mm` recipes do for FP8).

use std::ops::Range;
use std::sync::Arc;

use super::arith::finite_absmax;
use super::Remark;
use super::{Codes, Granularity, Grouping, NibbleOrder, Quantized, ScaleRule, TraceRow};
use crate::fast::{FastDecoder, FastEncoder};
use crate::format::{Format, Kind};
use crate::round::{OverflowPolicy, RoundingMode, Status};
use crate::Encoder;

/// The signed code shown for a format's code: integers as their value, others as the code.
fn shown_code(format: &Format, code: u64) -> i64 {
    match &format.kind() {
        Kind::Int(i) => i.value(code),
        _ => code as i64,
    }
}

/// The overflow policy: ml_dtypes' default for a cast, saturation under an absmax scale.
fn overflow(rule: ScaleRule) -> OverflowPolicy {
    if rule == ScaleRule::Absmax { OverflowPolicy::Saturate } else { OverflowPolicy::Default }
}

/// The exact encoder of the cast (status flags tell overflow).
fn exact(format: &Format, rule: ScaleRule) -> Encoder {
    Encoder::new(format, Some(format.default_rounding()), overflow(rule), 0)
}

/// The value handed to the element: x, or x / scale (0 for a degenerate scale, NaN kept).
#[inline]
fn scaled(x: f32, scale: f32, scaled_rule: bool) -> f32 {
    if !scaled_rule {
        x
    } else if scale == 0.0 || !scale.is_finite() {
        if x.is_nan() { x } else { 0.0 }
    } else {
        x / scale
    }
}

/// How codes are computed: the exact kernel's f32 table when the format has one, else the
/// exact kernel element by element.
enum Cast {
    Table(Arc<FastEncoder>),
    Exact(Box<Encoder>),
}

/// Below this many values a cast skips the lookup tables (a float16 table has 65 536 entries
/// and takes longer to build than the exact kernel takes for a few values); the tables are the
/// exact kernel's results, so the codes are the same either way (tested).
pub(crate) const TABLE_MIN_VALUES: usize = 4096;

impl Cast {
    fn new(format: &Format, rule: ScaleRule, values: usize) -> Cast {
        if values < TABLE_MIN_VALUES {
            return Cast::Exact(Box::new(exact(format, rule)));
        }
        match super::mx::table_encoder(format, format.default_rounding(), overflow(rule)) {
            Some(t) if format.default_rounding() != RoundingMode::Stochastic => Cast::Table(t),
            _ => Cast::Exact(Box::new(exact(format, rule))),
        }
    }

    #[inline]
    fn code(&mut self, x: f32) -> u64 {
        match self {
            Cast::Table(t) => t.encode(x) as u64,
            Cast::Exact(e) => e.encode_f64(x as f64).code,
        }
    }
}

/// Encodes `cast:FORMAT` and `absmax:FORMAT` for [`super::Scheme::encode`].
pub(crate) fn encode(format: &Format, rule: ScaleRule, input: &[f32], grouping: Grouping, q: &mut Quantized) {
    let scaled_rule = rule == ScaleRule::Absmax;
    let limits = format.limits();
    let target = limits.max as f32;
    let size = if scaled_rule { grouping.size.max(1) } else { input.len().max(1) };
    let bits = format.bits();
    let mut cast = Cast::new(format, rule, input.len());
    let mut check = exact(format, rule);
    let mut codes: Vec<u64> = Vec::new();
    let mut bytes: Vec<u8> = Vec::new();
    let narrow = bits <= 8;
    if narrow {
        bytes = vec![0; input.len()];
    } else {
        codes = vec![0; input.len()];
    }
    let mut buffer = Vec::new();
    for (g_index, group) in input.chunks(size).enumerate() {
        let start = g_index * size;
        let values: &[f32] = if scaled_rule {
            let (amax, _) = finite_absmax(group);
            let scale = amax / target;
            q.scales.push(scale);
            buffer.clear();
            if scale != 0.0 && scale.is_finite() {
                buffer.extend(group.iter().map(|&x| x / scale));
            } else {
                buffer.extend(group.iter().map(|&x| scaled(x, scale, true)));
            }
            &buffer
        } else {
            group
        };
        match (&mut cast, narrow) {
            (Cast::Table(t), true) => t.encode_into_u8(values, &mut bytes[start..start + group.len()]),
            (cast, true) => {
                for (c, &s) in bytes[start..].iter_mut().zip(values) {
                    *c = cast.code(s) as u8;
                }
            }
            (cast, false) => {
                for (c, &s) in codes[start..].iter_mut().zip(values) {
                    *c = cast.code(s);
                }
            }
        }
        // Overflow is rare: only finite values beyond the largest finite one can overflow.
        let beyond = |s: &f32| s.is_finite() && s.abs() as f64 > limits.max;
        if values.iter().any(beyond) {
            for &s in values.iter().filter(|s| beyond(s)) {
                q.clipped += check.encode_f64(s as f64).status.contains(Status::OVERFLOW) as usize;
            }
        }
    }
    let signed = matches!(format.kind(), Kind::Int(i) if i.signed());
    q.codes = if bits == 4 {
        let pad = check.encode_f64(0.0).code as u8 & 0x0F;
        let mut packed = vec![0u8; bytes.len().div_ceil(2)];
        for (byte, pair) in packed.iter_mut().zip(bytes.chunks(2)) {
            *byte = (pair.get(1).copied().unwrap_or(pad) & 0x0F) << 4 | (pair[0] & 0x0F);
        }
        Codes::nibbles(packed, input.len(), NibbleOrder::LowFirst, signed)
    } else if narrow {
        Codes::bytes(bytes, bits, signed)
    } else {
        Codes::wide(codes, bits, signed)
    };
    if !scaled_rule || grouping.granularity == Granularity::Tensor {
        q.block = input.len();
    }
    if scaled_rule {
        q.notes.push(Remark::ScaledCast { max: limits.max, format: format.id().to_string() });
    } else {
        q.notes.push(Remark::DirectCast {
            rounding: format.default_rounding().name().to_string(),
            overflow: format.default_overflow().name().to_string(),
        });
    }
}

/// Dequantizes `cast:` / `absmax:`: the code's value (× the group's scale).
pub(crate) fn decode(format: &Format, q: &Quantized, out: &mut Vec<f32>) {
    let n = q.codes.len();
    let size = q.block.max(1);
    out.reserve(n);
    let table = if n < TABLE_MIN_VALUES { None } else { FastDecoder::new(format) };
    let value = |i: usize| {
        let code = q.codes.raw(i).unwrap_or(0);
        match &table {
            Some(t) => t.decode(code as u16),
            None => format.decode(code).value as f32,
        }
    };
    if q.scales.is_empty() {
        out.extend((0..n).map(value));
    } else {
        for (g, &scale) in q.scales.iter().enumerate() {
            out.extend((g * size..((g + 1) * size).min(n)).map(|i| value(i) * scale));
        }
    }
    out.resize(n, f32::NAN);
}

/// Trace rows of `cast:` / `absmax:`, through the exact kernel.
pub(crate) fn trace(format: &Format, rule: ScaleRule, input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let scaled_rule = rule == ScaleRule::Absmax;
    let size = q.block.max(1);
    let mut cast = exact(format, rule);
    let mut cached: Option<(usize, f32)> = None;
    rows.filter_map(|i| {
        let (x, g) = (*input.get(i)?, if scaled_rule { i / size } else { 0 });
        let amax = match cached {
            Some((c, a)) if c == g => a,
            _ => {
                let group = if scaled_rule { input.get(g * size..((g + 1) * size).min(input.len()))? } else { input };
                let a = group.iter().filter(|x| x.is_finite()).fold(0f32, |m, x| m.max(x.abs()));
                cached = Some((g, a));
                a
            }
        };
        let scale = if scaled_rule { q.scales.get(g).copied()? } else { 1.0 };
        let s = scaled(x, scale, scaled_rule);
        let e = cast.encode_f64(s as f64);
        Some(TraceRow {
            index: i,
            group: g,
            input: x as f64,
            absmax: amax as f64,
            scale: scale as f64,
            zero_point: 0.0,
            scaled: s as f64,
            rounded: e.value,
            clamped: e.value,
            clipped: e.status.contains(Status::OVERFLOW),
            code: shown_code(format, e.code),
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}
