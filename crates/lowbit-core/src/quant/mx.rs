//! OCP Microscaling (MX v1.0) and NVIDIA NVFP4 block formats.
//!
//! MX: blocks of 32 share one E8M0 scale X = 2^e with e = floor(log2 amax) − emax_elem
//! (emax_elem = floor(log2 of the element's largest value): E4M3 8, E5M2 15, E3M2 4, E2M3 2,
//! E2M1 2, INT8 0), clamped to [−127, 127]; an all-zero block uses amax = 2^-126 as the
//! microxcaling reference code does. Elements are x / X rounded to nearest even with
//! saturation (MXINT8: int8 × 2^-6, clamped to ±127). The floor rule may clip the largest
//! element (MXFP4: amax 7.9 → X = 1 → 6); [`MxScaleRule::Ceil`] picks the smallest power of two
//! that does not clip (NVIDIA's RCEIL). A block holding NaN or ±Inf gets the NaN scale (0xFF)
//! and dequantizes to NaN, as the spec prescribes.
//!
//! NVFP4 (torchao's `nvfp4_quantize`): p = amax_tensor / (448 · 6) in f32; per block of 16
//! s = e4m3(clamp((amax_block / 6) / p, 2^-6, 448)); x · ((1/p) / s) in f32, clamped to ±6,
//! to E2M1 (nearest even); value = e2m1 · (p · s). Single level: p = 1.
//!
//! Packed FP4 puts the FIRST element in the LOW nibble (PyTorch `float4_e2m1fn_x2`, torchao).

use super::pack::{pack_nibbles, NibbleOrder};
use super::{Element, MxScaleRule, Options, Quantized, Scheme, TraceRow};
use crate::float::{exponent_of, FloatFormat};
use crate::format::Kind;
use crate::round::{round_float, Exact, OverflowPolicy, RoundingMode};

/// The 16 values of OCP FP4 E2M1 by code (code 8 is −0).
pub const E2M1_VALUES: [f32; 16] =
    [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, -0.0, -0.5, -1.0, -1.5, -2.0, -3.0, -4.0, -6.0];

/// E2M1 code of an f32: round to nearest, ties to even, saturating at ±6; the sign is the f32
/// sign bit (−0.1 → −0); NaN → ±0. Branch-free: each tie threshold is compared with `>` when
/// the lower neighbour is even and `>=` when the upper one is.
#[inline(always)]
pub fn e2m1_code(x: f32) -> u8 {
    let bits = x.to_bits();
    let a = f32::from_bits(bits & 0x7FFF_FFFF);
    let magnitude = (a > 0.25) as u32
        + (a >= 0.75) as u32
        + (a > 1.25) as u32
        + (a >= 1.75) as u32
        + (a > 2.5) as u32
        + (a >= 3.5) as u32
        + (a > 5.0) as u32;
    (magnitude | ((bits >> 28) & 8)) as u8
}

/// 2^k as an f32, for k in −149..=127 (subnormal below −126).
#[inline]
pub fn pow2_f32(k: i32) -> f32 {
    if k >= -126 {
        f32::from_bits(((k + 127).clamp(1, 254) as u32) << 23)
    } else {
        f32::from_bits(1u32 << (k + 149).clamp(0, 22))
    }
}

/// The shared exponent of a block with finite `amax` (≥ 0) for an element whose largest
/// value is `max_elem` = (something in [1, 2)) · 2^emax.
pub fn shared_exponent(amax: f32, emax: i32, max_elem: f64, rule: MxScaleRule) -> i32 {
    let amax = amax as f64;
    let floor_log2 = if amax > 0.0 { exponent_of(amax) } else { -126 };
    let mut e = floor_log2 - emax;
    if rule == MxScaleRule::Ceil && amax > max_elem * 2f64.powi(e) {
        e += 1;
    }
    e.clamp(-127, 127)
}

/// The MXFP4 hot path: fills `packed` (first element in the LOW nibble) and one E8M0 code per
/// block of 32 (0xFF = NaN block).
pub fn quantize_mxfp4(input: &[f32], rule: MxScaleRule, packed: &mut Vec<u8>, scale_codes: &mut Vec<u8>) {
    packed.clear();
    packed.resize(input.len().div_ceil(2), 0);
    scale_codes.clear();
    scale_codes.reserve(input.len().div_ceil(32));
    for (block, out) in input.chunks(32).zip(packed.chunks_mut(16)) {
        let mut m = 0u32;
        for x in block {
            m = m.max(x.to_bits() & 0x7FFF_FFFF);
        }
        if m >= 0x7F80_0000 {
            scale_codes.push(0xFF);
            out.fill(0);
            continue;
        }
        let e = shared_exponent(f32::from_bits(m), 2, 6.0, rule);
        scale_codes.push((e + 127) as u8);
        let inv = pow2_f32(-e);
        let done = super::simd::e2m1_prefix(block, inv, out);
        let (block, out) = (&block[done..], &mut out[done / 2..]);
        let mut pairs = block.chunks_exact(2);
        for (pair, byte) in (&mut pairs).zip(out.iter_mut()) {
            *byte = e2m1_code(pair[1] * inv) << 4 | e2m1_code(pair[0] * inv);
        }
        if let ([last], Some(byte)) = (pairs.remainder(), out.last_mut()) {
            *byte = e2m1_code(last * inv);
        }
    }
}

/// Dequantizes `n` MXFP4 elements.
pub fn dequantize_mxfp4(packed: &[u8], scale_codes: &[u8], n: usize, out: &mut Vec<f32>) {
    let mut pairs = [[0f32; 2]; 256];
    for (b, pair) in pairs.iter_mut().enumerate() {
        *pair = [E2M1_VALUES[b & 15], E2M1_VALUES[b >> 4]];
    }
    out.clear();
    out.resize(n.div_ceil(2) * 2, 0.0);
    for ((bytes, values), &code) in packed.chunks(16).zip(out.chunks_mut(32)).zip(scale_codes) {
        let x = if code == 0xFF { f32::NAN } else { pow2_f32(code as i32 - 127) };
        for (byte, v) in bytes.iter().zip(values.chunks_exact_mut(2)) {
            let [a, b] = pairs[*byte as usize];
            v[0] = a * x;
            v[1] = b * x;
        }
    }
    out.truncate(n);
}

/// An MX element: how to round x / X.
enum MxElement {
    Float(FloatFormat),
    /// Signed integer with 2^-6 steps (MXINT8).
    Int8,
}

impl MxElement {
    fn max(&self) -> f64 {
        match self {
            MxElement::Float(f) => f.max_finite(),
            MxElement::Int8 => 127.0 / 64.0,
        }
    }

    /// (code, value) of a finite scaled value, saturating.
    fn round(&self, scaled: f64) -> (i64, f64) {
        match self {
            MxElement::Float(f) => {
                let r =
                    round_float(f, &Exact::from_f64(scaled), RoundingMode::NearestEven, OverflowPolicy::Saturate, 0);
                (r.code as i64, f.value(r.code))
            }
            MxElement::Int8 => {
                let q = (scaled * 64.0).round_ties_even().clamp(-127.0, 127.0);
                (q as i64, q / 64.0)
            }
        }
    }
}

/// Runs the six `mx*` schemes (block 32).
pub(crate) fn run_mx(scheme: &Scheme, input: &[f32], options: &Options, q: &mut Quantized) {
    let element = match &scheme.element {
        Element::Format(f) => match &f.kind {
            Kind::Float(ff) => MxElement::Float(*ff),
            _ => MxElement::Int8,
        },
        _ => MxElement::Int8,
    };
    let max_elem = element.max();
    let emax = exponent_of(max_elem);
    let mut nan_blocks = 0;
    for (b, block) in input.chunks(32).enumerate() {
        let finite = block.iter().all(|x| x.is_finite());
        let amax = block.iter().fold(0f32, |m, x| m.max(x.abs()));
        let (e, code) = if finite {
            let e = shared_exponent(amax, emax, max_elem, options.mx_scale);
            (e, (e + 127) as u8)
        } else {
            nan_blocks += 1;
            (0, 0xFF)
        };
        let scale = if finite { pow2_f32(e) } else { f32::NAN };
        q.scales.push(scale);
        q.scale_codes.push(code);
        for (j, &x) in block.iter().enumerate() {
            let scaled = if finite { x as f64 * 2f64.powi(-e) } else { 0.0 };
            let (c, value) = element.round(scaled);
            let dequantized = if finite { (value * 2f64.powi(e)) as f32 } else { f32::NAN };
            let clipped = finite && scaled.abs() > max_elem;
            q.record(
                TraceRow {
                    index: b * 32 + j,
                    group: b,
                    input: x as f64,
                    absmax: amax as f64,
                    scale: scale as f64,
                    zero_point: 0.0,
                    scaled,
                    rounded: value,
                    clamped: value,
                    clipped,
                    code: c,
                    dequantized: dequantized as f64,
                    error: 0.0,
                },
                options.trace,
            );
        }
    }
    if scheme.element_bits() == 4 {
        let nibbles: Vec<u8> = q.codes.iter().map(|&c| c as u8 & 0x0F).collect();
        q.packed = pack_nibbles(&nibbles, NibbleOrder::LowFirst, 0);
    }
    q.block = 32;
    q.notes.push(format!(
        "E8M0 scale 2^e, e = {} - {emax} (element max {max_elem}), clamped to [-127, 127]",
        match options.mx_scale {
            MxScaleRule::Floor => "floor(log2 amax)",
            MxScaleRule::Ceil => "the smallest power of two with amax / 2^e <= max: ceil(log2(amax / max)) + emax",
        }
    ));
    if q.clipped > 0 && options.mx_scale == MxScaleRule::Floor {
        q.notes.push(format!(
            "{} value(s) clipped: the spec's floor rule clips values above max * 2^e; the ceil scale rule avoids it",
            q.clipped
        ));
    }
    if nan_blocks > 0 {
        q.notes.push(format!("{nan_blocks} block(s) hold NaN or Inf: NaN scale (0xFF), dequantized to NaN"));
    }
}

/// f32 → float8_e4m3fn code and value, round to nearest even, for x in [2^-6, 448].
#[inline]
pub fn e4m3_normal(x: f32) -> (u8, f32) {
    let bits = x.to_bits();
    let rounded = (bits + 0x7_FFFF + ((bits >> 20) & 1)) & !0xF_FFFF;
    let value = f32::from_bits(rounded);
    let exponent = ((rounded >> 23) as i32 - 127 + 7) as u32;
    let code = ((exponent << 3) | ((rounded >> 20) & 7)) as u8;
    (code, value)
}

/// The smallest normal E4M3 value, torchao's `E4M3_EPS`.
pub const E4M3_EPS: f32 = 0.015_625;

/// Runs `nvfp4`.
pub(crate) fn run_nvfp4(input: &[f32], options: &Options, q: &mut Quantized) {
    let amax = input.iter().filter(|x| x.is_finite()).fold(0f32, |m, x| m.max(x.abs()));
    let two_level = options.nvfp4_tensor_scale;
    let p = if two_level { amax / (448.0 * 6.0) } else { 1.0 };
    let zero_tensor = p == 0.0;
    if two_level {
        q.tensor_scale = Some(p);
    }
    for (b, block) in input.chunks(16).enumerate() {
        let bamax = block.iter().filter(|x| x.is_finite()).fold(0f32, |m, x| m.max(x.abs()));
        let (s_code, s) = if zero_tensor {
            e4m3_normal(E4M3_EPS)
        } else {
            let block_scale = bamax / 6.0;
            e4m3_normal((block_scale / p).clamp(E4M3_EPS, 448.0))
        };
        q.scales.push(s);
        q.scale_codes.push(s_code);
        let reciprocal = if zero_tensor { 0.0 } else { (1.0 / p) / s };
        let total = p * s;
        for (j, &x) in block.iter().enumerate() {
            let raw = if x.is_nan() {
                0.0
            } else if reciprocal.is_finite() {
                x * reciprocal
            } else {
                // p is subnormal and 1/p overflows: divide in f64 instead.
                (x as f64 / (p as f64 * s as f64)) as f32
            };
            let scaled = raw.clamp(-6.0, 6.0);
            let code = e2m1_code(scaled);
            let value = E2M1_VALUES[code as usize];
            let dequantized = value * total;
            let clipped = raw.abs() > 6.0;
            q.record(
                TraceRow {
                    index: b * 16 + j,
                    group: b,
                    input: x as f64,
                    absmax: bamax as f64,
                    scale: total as f64,
                    zero_point: 0.0,
                    scaled: raw as f64,
                    rounded: value as f64,
                    clamped: value as f64,
                    clipped,
                    code: code as i64,
                    dequantized: dequantized as f64,
                    error: 0.0,
                },
                options.trace,
            );
        }
    }
    let nibbles: Vec<u8> = q.codes.iter().map(|&c| c as u8).collect();
    q.packed = pack_nibbles(&nibbles, NibbleOrder::LowFirst, 0);
    q.block = 16;
    q.notes.push(if two_level {
        format!("two-level: tensor scale p = amax / 2688 = {p}; block scale s = e4m3(clamp(amax_block / 6 / p, 2^-6, 448)); value = e2m1 * (p * s)")
    } else {
        "single level (p = 1): block scale s = e4m3(clamp(amax_block / 6, 2^-6, 448))".into()
    });
    if input.iter().any(|x| !x.is_finite()) {
        q.notes.push("NaN inputs take code 0; Inf inputs saturate to +-6 (amax skips them)".into());
    }
}
