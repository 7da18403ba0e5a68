//! Shared-scale block formats: OCP Microscaling (MX v1.0) and NVIDIA NVFP4.
//!
//! MX ([`super::ScaleRule::SharedExponent`] × [`super::ScaleFormat::E8M0`]): blocks of 32
//! share one scale X = 2^e with e = floor(log2 amax) − emax_elem (emax_elem = the exponent of
//! the element's largest value: E4M3 8, E5M2 15, E3M2 4, E2M3 2, E2M1 2, INT8 0 — derived),
//! clamped to [−127, 127]; an all-zero block uses amax = 2^-126 as the microxcaling reference
//! code does. Elements are x · 2^-e (exact in f32 for every value that does not round to 0)
//! rounded to nearest even with saturation (MXINT8: int8 × 2^-6, clamped to ±127). The floor
//! rule may clip the largest element (MXFP4: amax 7.9 → X = 1 → 6); [`MxScaleRule::Ceil`]
//! picks the smallest power of two that does not clip (NVIDIA's RCEIL). A block holding NaN or
//! ±Inf gets the NaN scale (0xFF), codes 0, and dequantizes to NaN, as the spec prescribes.
//!
//! Kernels by element: a 4-bit float counts thresholds ([`NibbleFloat`], SIMD on x86_64);
//! other floats go through the exact kernel's f32 table ([`FastEncoder`], built once per format
//! and cached); integers round in f32.
//!
//! NVFP4 ([`super::ScaleRule::Absmax`] × [`super::ScaleFormat::E4M3`] ×
//! [`super::SecondLevel::TensorAmax`], torchao's `nvfp4_quantize`): p = amax_tensor / (448 · 6)
//! in f32 (the largest scale times the largest element, derived); per block of 16
//! s = e4m3(clamp((amax_block / 6) / p, 2^-6, 448)); x · ((1/p) / s) in f32, clamped to ±6,
//! to E2M1 (nearest even); value = e2m1 · (p · s). Single level: p = 1.
//!
//! Packed FP4 puts the FIRST element in the LOW nibble (PyTorch `float4_e2m1fn_x2`, torchao).

use std::ops::Range;
use std::sync::{Arc, LazyLock, Mutex};

use super::arith::{abs_bits_max, finite_absmax, rint};
use super::facts::{NibbleFloat, NormalRounder, E2M1, E4M3};
use super::pack::NibbleOrder;
use super::Remark;
use super::{Codes, Element, MxScaleRule, Options, Quantized, ScaleFormat, TraceRow};
use crate::fast::{FastDecoder, FastEncoder};
use crate::float::{exponent_of, FloatFormat};
use crate::format::{Format, Kind};
use crate::round::{OverflowPolicy, RoundingMode};

/// The 16 values of OCP FP4 E2M1 by code (code 8 is −0), derived from `float4_e2m1fn`.
pub static E2M1_VALUES: LazyLock<[f32; 16]> = LazyLock::new(|| E2M1.values);

/// E2M1 code of an f32: round to nearest, ties to even, saturating at ±6; the sign is the f32
/// sign bit (−0.1 → −0); NaN → ±0 ([`NibbleFloat::code`] of `float4_e2m1fn`).
#[inline]
pub fn e2m1_code(x: f32) -> u8 {
    E2M1.code(x)
}

/// f32 → float8_e4m3fn code and value, round to nearest even, for x in [2^-6, 448]
/// ([`NormalRounder::round`] of `float8_e4m3fn`).
#[inline]
pub fn e4m3_normal(x: f32) -> (u8, f32) {
    let (code, value) = E4M3.round(x);
    (code as u8, value)
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

/// The 4-bit float MX kernel: fills `packed` (first element in the LOW nibble) and one E8M0
/// code per block of 32 (0xFF = NaN block); returns the number of clipped elements.
fn quantize_nibble(nf: &NibbleFloat, input: &[f32], rule: MxScaleRule, packed: &mut Vec<u8>, scale_codes: &mut Vec<u8>) -> usize {
    let emax = exponent_of(nf.max as f64);
    packed.clear();
    packed.resize(input.len().div_ceil(2), 0);
    scale_codes.clear();
    scale_codes.reserve(input.len().div_ceil(32));
    let mut clipped = 0;
    // A block's scale from its max |x| bits: the E8M0 code recorded (0xFF for NaN or Inf, then
    // None), the elements beyond the element's range counted, the reciprocal returned.
    let mut scale = |m: u32, block: &[f32]| {
        if m >= 0x7F80_0000 {
            scale_codes.push(0xFF);
            return None;
        }
        let amax = f32::from_bits(m);
        let e = shared_exponent(amax, emax, nf.max as f64, rule);
        scale_codes.push((e + 127) as u8);
        let inv = pow2_f32(-e);
        if amax * inv > nf.max {
            clipped += block.iter().filter(|&&x| (x * inv).abs() > nf.max).count();
        }
        Some(inv)
    };
    let done = super::simd::nibble_float_blocks_prefix(input, 32, &nf.thresholds, packed, &mut scale);
    for (block, out) in input[done..].chunks(32).zip(packed[done / 2..].chunks_mut(16)) {
        let Some(inv) = scale(abs_bits_max(block), block) else {
            out.fill(0);
            continue;
        };
        let done = super::simd::nibble_float_prefix(block, inv, &nf.thresholds, out);
        let (block, out) = (&block[done..], &mut out[done / 2..]);
        let mut pairs = block.chunks_exact(2);
        for (pair, byte) in (&mut pairs).zip(out.iter_mut()) {
            *byte = nf.code(pair[1] * inv) << 4 | nf.code(pair[0] * inv);
        }
        if let ([last], Some(byte)) = (pairs.remainder(), out.last_mut()) {
            *byte = nf.code(last * inv);
        }
    }
    clipped
}

/// The MXFP4 kernel (what `mxfp4` runs): fills `packed` (first element in the LOW nibble)
/// and one E8M0 code per block of 32 (0xFF = NaN block).
pub fn quantize_mxfp4(input: &[f32], rule: MxScaleRule, packed: &mut Vec<u8>, scale_codes: &mut Vec<u8>) {
    quantize_nibble(&E2M1, input, rule, packed, scale_codes);
}

/// Dequantizes 4-bit float codes (LOW nibble first) times one f32 scale per block of
/// `block` (an even size).
fn dequantize_nibble(values: &[f32; 16], packed: &[u8], scales: &[f32], block: usize, n: usize, out: &mut Vec<f32>) {
    let mut pairs = [[0f32; 2]; 256];
    for (b, pair) in pairs.iter_mut().enumerate() {
        *pair = [values[b & 15], values[b >> 4]];
    }
    let block = block.max(2) & !1;
    out.clear();
    out.resize(n.div_ceil(2) * 2, 0.0);
    for ((bytes, values), &x) in packed.chunks(block / 2).zip(out.chunks_mut(block)).zip(scales) {
        for (byte, v) in bytes.iter().zip(values.chunks_exact_mut(2)) {
            let [a, b] = pairs[*byte as usize];
            v[0] = a * x;
            v[1] = b * x;
        }
    }
    out.truncate(n);
}

/// Dequantizes `n` MXFP4 elements (what `mxfp4` runs).
pub fn dequantize_mxfp4(packed: &[u8], scale_codes: &[u8], n: usize, out: &mut Vec<f32>) {
    let scales: Vec<f32> = scale_codes.iter().map(|&c| e8m0_value(c)).collect();
    dequantize_nibble(&E2M1.values, packed, &scales, 32, n, out);
}

/// The value of an E8M0 scale code (0xFF = NaN).
#[inline]
fn e8m0_value(code: u8) -> f32 {
    if code == 0xFF { f32::NAN } else { pow2_f32(code as i32 - 127) }
}

/// The table encoders of the exact kernel, one per (format, mode, overflow), built on first
/// use and kept (each is ~0.4 MB and takes the exact kernel ~10⁵ calls to fill).
fn cached_encoder(format: &Format, mode: RoundingMode, overflow: OverflowPolicy) -> Option<Arc<FastEncoder>> {
    type Key = (FloatFormat, RoundingMode, OverflowPolicy);
    static CACHE: Mutex<Vec<(Key, Arc<FastEncoder>)>> = Mutex::new(Vec::new());
    let Kind::Float(f) = *format.kind() else { return None };
    let key = (f, mode, overflow);
    let mut cache = CACHE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, e)) = cache.iter().find(|(k, _)| *k == key) {
        return Some(e.clone());
    }
    let encoder = Arc::new(FastEncoder::new(format, mode, overflow)?);
    cache.push((key, encoder.clone()));
    Some(encoder)
}

/// The encoder a cast to `format` uses: the cached table when the format has one.
pub(crate) fn table_encoder(format: &Format, mode: RoundingMode, overflow: OverflowPolicy) -> Option<Arc<FastEncoder>> {
    cached_encoder(format, mode, overflow)
}

/// An MX element, resolved.
enum MxElement {
    /// A 4-bit float (threshold counting).
    Nibble(NibbleFloat),
    /// Another float (the exact kernel's table).
    Table { format: FloatFormat, encoder: Arc<FastEncoder>, decoder: FastDecoder },
    /// A signed integer of `bits` with code 1 worth `step` (MXINT8: 2^-6).
    Int { bits: u32, step: f32 },
}

impl MxElement {
    fn of(element: &Element) -> Option<MxElement> {
        match element {
            Element::Format(format) => {
                let Kind::Float(f) = *format.kind() else { return None };
                if let Some(nf) = NibbleFloat::new(&f) {
                    return Some(MxElement::Nibble(nf));
                }
                let encoder = cached_encoder(format, RoundingMode::NearestEven, OverflowPolicy::Saturate)?;
                Some(MxElement::Table { format: f, encoder, decoder: FastDecoder::new(format)? })
            }
            Element::Int { bits, step } => Some(MxElement::Int { bits: (*bits).clamp(2, 24), step: *step as f32 }),
            Element::Codebook(_) | Element::Gguf(_) => None,
        }
    }

    fn max(&self) -> f32 {
        match self {
            MxElement::Nibble(nf) => nf.max,
            MxElement::Table { format, .. } => format.max_finite() as f32,
            MxElement::Int { bits, step } => ((1i32 << (bits - 1)) - 1) as f32 * step,
        }
    }

    fn qmax(&self) -> f32 {
        match self {
            MxElement::Int { bits, .. } => ((1i32 << (bits - 1)) - 1) as f32,
            _ => 0.0,
        }
    }

    /// (code, value) of a finite scaled value: round to nearest even, saturating.
    #[inline]
    fn round(&self, scaled: f32) -> (u64, f32) {
        match self {
            MxElement::Nibble(nf) => {
                let c = nf.code(scaled);
                (c as u64, nf.values[c as usize])
            }
            MxElement::Table { encoder, decoder, .. } => {
                let c = encoder.encode(scaled);
                (c as u64, decoder.decode(c))
            }
            MxElement::Int { step, .. } => {
                let q = rint(scaled / step).clamp(-self.qmax(), self.qmax());
                (q as i32 as u64, q * step)
            }
        }
    }
}

/// Encodes an MX scheme for [`super::Scheme::encode`].
pub(crate) fn encode_mx(element: &Element, input: &[f32], options: &Options, q: &mut Quantized) {
    let Some(el) = MxElement::of(element) else {
        q.notes.push(Remark::NoMxKernel);
        return;
    };
    let max = el.max();
    let emax = exponent_of(max as f64);
    let rule = options.mx_scale;
    q.block = 32;
    match &el {
        MxElement::Nibble(nf) => {
            let (mut packed, mut codes) = (Vec::new(), Vec::new());
            q.clipped = quantize_nibble(nf, input, rule, &mut packed, &mut codes);
            q.scales = codes.iter().map(|&c| e8m0_value(c)).collect();
            q.scale_codes = codes;
            q.codes = Codes::nibbles(packed, input.len(), NibbleOrder::LowFirst, false);
        }
        _ => {
            let mut codes = vec![0u8; input.len()];
            let mut scaled = [0f32; 32];
            for (block, out) in input.chunks(32).zip(codes.chunks_mut(32)) {
                let m = abs_bits_max(block);
                if m >= 0x7F80_0000 {
                    q.scale_codes.push(0xFF);
                    q.scales.push(f32::NAN);
                    continue;
                }
                let e = shared_exponent(f32::from_bits(m), emax, max as f64, rule);
                q.scale_codes.push((e + 127) as u8);
                q.scales.push(pow2_f32(e));
                let inv = pow2_f32(-e);
                let scaled = &mut scaled[..block.len()];
                for (s, x) in scaled.iter_mut().zip(block) {
                    *s = x * inv;
                }
                q.clipped += scaled.iter().filter(|s| s.abs() > max).count();
                match &el {
                    MxElement::Table { encoder, .. } => encoder.encode_into_u8(scaled, out),
                    _ => {
                        for (c, &s) in out.iter_mut().zip(scaled.iter()) {
                            *c = el.round(s).0 as u8;
                        }
                    }
                }
            }
            let (bits, signed) = match &el {
                MxElement::Table { format, .. } => (format.bits(), false),
                MxElement::Int { bits, .. } => (*bits, true),
                MxElement::Nibble(_) => (4, false),
            };
            q.codes = Codes::bytes(codes, bits, signed);
        }
    }
    q.notes.push(Remark::MxScale { ceil: rule == MxScaleRule::Ceil, emax, max });
    if q.clipped > 0 && rule == MxScaleRule::Floor {
        q.notes.push(Remark::MxClipped(q.clipped));
    }
    let nan_blocks = q.scale_codes.iter().filter(|&&c| c == 0xFF).count();
    if nan_blocks > 0 {
        q.notes.push(Remark::MxNanBlocks(nan_blocks));
    }
}

/// Dequantizes an MX scheme: element value × 2^e (one f32 rounding of the exact product).
pub(crate) fn decode_mx(element: &Element, q: &Quantized, out: &mut Vec<f32>) {
    let n = q.codes.len();
    let Some(el) = MxElement::of(element) else {
        out.resize(n, f32::NAN);
        return;
    };
    match &el {
        MxElement::Nibble(nf) => dequantize_nibble(&nf.values, q.packed(), &q.scales, 32, n, out),
        _ => {
            out.reserve(n);
            let mut values = [0f32; 256];
            for (c, v) in values.iter_mut().enumerate() {
                *v = match &el {
                    MxElement::Table { decoder, .. } => decoder.decode(c as u16),
                    MxElement::Int { step, .. } => (c as u8 as i8) as f32 * step,
                    MxElement::Nibble(_) => 0.0,
                };
            }
            for (b, &x) in q.scales.iter().enumerate() {
                let end = ((b + 1) * 32).min(n);
                out.extend((b * 32..end).map(|i| values[q.codes.raw(i).unwrap_or(0) as usize & 0xFF] * x));
            }
        }
    }
}

/// Trace rows of an MX scheme.
pub(crate) fn trace_mx(element: &Element, input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let Some(el) = MxElement::of(element) else { return Vec::new() };
    let max = el.max();
    rows.filter_map(|i| {
        let (x, b) = (*input.get(i)?, i / 32);
        let block = input.get(b * 32..((b + 1) * 32).min(input.len()))?;
        let code = *q.scale_codes.get(b)?;
        let finite = code != 0xFF;
        let amax = block.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = e8m0_value(code);
        let scaled = if finite { x * pow2_f32(127 - code as i32) } else { 0.0 };
        let (c, value) = el.round(scaled);
        let shown = match &el {
            MxElement::Int { .. } => c as i32 as i64,
            _ => c as i64,
        };
        Some(TraceRow {
            index: i,
            group: b,
            input: x as f64,
            absmax: amax as f64,
            scale: scale as f64,
            zero_point: 0.0,
            scaled: scaled as f64,
            rounded: value as f64,
            clamped: value as f64,
            clipped: finite && scaled.abs() > max,
            code: shown,
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}

/// NVFP4's parts, derived from the element and scale formats.
struct TwoLevel {
    element: NibbleFloat,
    scale: NormalRounder,
    /// max scale × max element (E4M3 · E2M1: 448 · 6 = 2688).
    divisor: f32,
}

impl TwoLevel {
    fn of(element: &Format, scale: ScaleFormat) -> Option<TwoLevel> {
        let Kind::Float(e) = element.kind() else { return None };
        let element = NibbleFloat::new(e)?;
        let scale = NormalRounder::new(&scale.format()?)?;
        Some(TwoLevel { divisor: scale.max * element.max, element, scale })
    }

}

/// The scaled value of the slow path: NaN → 0; a subnormal p whose reciprocal overflows
/// divides in f64 instead.
#[inline]
fn nvfp4_raw(x: f32, p: f32, s: f32, reciprocal: f32) -> f32 {
    if x.is_nan() {
        0.0
    } else if reciprocal.is_finite() {
        x * reciprocal
    } else {
        (x as f64 / (p as f64 * s as f64)) as f32
    }
}

/// Encodes `nvfp4` for [`super::Scheme::encode`].
pub(crate) fn encode_nvfp4(element: &Format, scale: ScaleFormat, input: &[f32], options: &Options, q: &mut Quantized) {
    let Some(t) = TwoLevel::of(element, scale) else {
        q.notes.push(Remark::Nvfp4Needs);
        return;
    };
    let block = q.block.max(2) & !1;
    let (amax, _) = finite_absmax(input);
    let two_level = options.nvfp4_tensor_scale;
    let p = if two_level { amax / t.divisor } else { 1.0 };
    let zero_tensor = p == 0.0;
    if two_level {
        q.tensor_scale = Some(p);
    }
    let (eps, top, max) = (t.scale.min_normal, t.scale.max, t.element.max);
    let mut packed = vec![0u8; input.len().div_ceil(2)];
    let mut special_inputs = false;
    for (chunk, out) in input.chunks(block).zip(packed.chunks_mut(block / 2)) {
        let (bamax, special) = finite_absmax(chunk);
        special_inputs |= special;
        let (s_code, s) = if zero_tensor { t.scale.round(eps) } else { t.scale.round(((bamax / max) / p).clamp(eps, top)) };
        q.scales.push(s);
        q.scale_codes.push(s_code as u8);
        let reciprocal = if zero_tensor { 0.0 } else { (1.0 / p) / s };
        if !special && !zero_tensor && reciprocal.is_finite() {
            if bamax * reciprocal > max {
                q.clipped += chunk.iter().filter(|&&x| (x * reciprocal).abs() > max).count();
            }
            let done = super::simd::nibble_float_prefix(chunk, reciprocal, &t.element.thresholds, out);
            for (j, &x) in chunk.iter().enumerate().skip(done) {
                let c = t.element.code(x * reciprocal);
                out[j / 2] |= if j % 2 == 0 { c } else { c << 4 };
            }
        } else {
            for (j, &x) in chunk.iter().enumerate() {
                let raw = nvfp4_raw(x, p, s, reciprocal);
                q.clipped += (raw.abs() > max) as usize;
                let c = t.element.code(raw.clamp(-max, max));
                out[j / 2] |= if j % 2 == 0 { c } else { c << 4 };
            }
        }
    }
    q.codes = Codes::nibbles(packed, input.len(), NibbleOrder::LowFirst, false);
    q.block = block;
    q.notes.push(if two_level {
        Remark::TwoLevel { divisor: t.divisor, p, max, eps, top }
    } else {
        Remark::SingleLevel { max, eps, top }
    });
    if special_inputs {
        q.notes.push(Remark::Nvfp4Special(max));
    }
}

/// Dequantizes `nvfp4`: e2m1 · (p · s).
pub(crate) fn decode_nvfp4(element: &Format, q: &Quantized, out: &mut Vec<f32>) {
    let Kind::Float(e) = element.kind() else { return };
    let Some(nf) = NibbleFloat::new(e) else { return };
    let p = q.tensor_scale.unwrap_or(1.0);
    let totals: Vec<f32> = q.scales.iter().map(|&s| p * s).collect();
    dequantize_nibble(&nf.values, q.packed(), &totals, q.block, q.codes.len(), out);
}

/// Trace rows of `nvfp4`.
pub(crate) fn trace_nvfp4(element: &Format, input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let Kind::Float(e) = element.kind() else { return Vec::new() };
    let Some(nf) = NibbleFloat::new(e) else { return Vec::new() };
    let block = q.block.max(1);
    let p = q.tensor_scale.unwrap_or(1.0);
    let zero_tensor = q.tensor_scale == Some(0.0);
    let max = nf.max;
    rows.filter_map(|i| {
        let (x, b) = (*input.get(i)?, i / block);
        let chunk = input.get(b * block..((b + 1) * block).min(input.len()))?;
        let (bamax, _) = finite_absmax(chunk);
        let s = *q.scales.get(b)?;
        let reciprocal = if zero_tensor { 0.0 } else { (1.0 / p) / s };
        let raw = nvfp4_raw(x, p, s, reciprocal);
        let code = nf.code(raw.clamp(-max, max));
        let value = nf.values[code as usize] as f64;
        Some(TraceRow {
            index: i,
            group: b,
            input: x as f64,
            absmax: bamax as f64,
            scale: (p * s) as f64,
            zero_point: 0.0,
            scaled: raw as f64,
            rounded: value,
            clamped: value,
            clipped: raw.abs() > max,
            code: code as i64,
            dequantized: *q.dequantized.get(i)? as f64,
            error: 0.0,
        })
    })
    .collect()
}
