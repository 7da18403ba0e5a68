//! ggml's blocks of 32 with one f16 scale (and f16 min for `_1`): `q8_0`, `q4_0`, `q4_1`,
//! `q5_0`, `q5_1`, as `quantize_row_*_ref` and `dequantize_row_*` compute them.
//!
//! The 4- and 5-bit types keep element j in the low nibble and element j + 16 in the high
//! nibble of byte j; `q5_*` store the fifth bits in a little-endian u32 (bit j = element j).

use super::half::{f16_to_f32, f32_to_f16};
use super::{c_to_i32, put_f16, read_f16, QK};

/// Levels of a signed `bits`-bit integer below zero (8 for 4 bits): the `_0` types divide the
/// value of largest magnitude by −levels.
const fn half_range(bits: u32) -> i32 {
    1 << (bits - 1)
}

/// The largest unsigned `bits`-bit code (15 for 4 bits).
const fn max_code(bits: u32) -> i32 {
    (1 << bits) - 1
}

/// The largest int8 magnitude (127): q8_0's d = amax / 127.
const Q8_MAX: f32 = i8::MAX as f32;

/// `amax` and the signed value of largest magnitude (the first one, compared with `<`).
#[inline]
fn signed_absmax(x: &[f32]) -> (f32, f32) {
    let (mut amax, mut max) = (0f32, 0f32);
    for &v in x {
        if amax < v.abs() {
            amax = v.abs();
            max = v;
        }
    }
    (amax, max)
}

/// The reciprocal ggml uses: `d ? 1/d : 0`.
#[inline]
fn reciprocal(d: f32) -> f32 {
    if d != 0.0 {
        1.0 / d
    } else {
        0.0
    }
}

/// One `q4_0` (bits 4) or `q5_0` (bits 5) block: d = max / −2^(bits−1), code
/// min(2^bits − 1, trunc(x / d + 2^(bits−1) + 0.5)).
pub(super) fn quantize_x_0(bits: u32, x: &[f32], out: &mut [u8]) {
    let (_, max) = signed_absmax(x);
    let d = max / -(half_range(bits) as f32);
    let id = reciprocal(d);
    let offset = half_range(bits) as f32 + 0.5;
    let top = max_code(bits);
    put_f16(out, 0, f32_to_f16(d));
    let mut codes = [0u8; QK];
    if id.is_finite() && max.is_finite() {
        // |x · id| ≤ 2^(bits−1) (plus rounding): the conversion is in range.
        for (c, &v) in codes.iter_mut().zip(x) {
            *c = ((v * id + offset) as i32 as i8 as i32).min(top) as u8;
        }
    } else {
        for (c, &v) in codes.iter_mut().zip(x) {
            *c = (c_to_i32(v * id + offset) as i8 as i32).min(top) as u8;
        }
    }
    pack_nibbles_and_high(bits, &codes, &mut out[2..]);
}

/// One `q4_1` / `q5_1` block: d = (max − min) / (2^bits − 1), m = min, code
/// trunc((x − min) / d + 0.5) (q4_1 clamps at 15; q5_1 keeps the low 5 bits).
pub(super) fn quantize_x_1(bits: u32, x: &[f32], out: &mut [u8]) {
    let (mut min, mut max) = (f32::MAX, -f32::MAX);
    for &v in x {
        if v < min {
            min = v;
        }
        if v > max {
            max = v;
        }
    }
    let d = (max - min) / max_code(bits) as f32;
    let id = reciprocal(d);
    put_f16(out, 0, f32_to_f16(d));
    put_f16(out, 2, f32_to_f16(min));
    let mut codes = [0u8; QK];
    let clamp = bits == 4;
    for (c, &v) in codes.iter_mut().zip(x) {
        let t = c_to_i32((v - min) * id + 0.5);
        *c = if clamp { (t as i8 as i32).min(max_code(bits)) as u8 } else { t as u8 };
    }
    pack_nibbles_and_high(bits, &codes, &mut out[4..]);
}

/// Packs 32 codes: for 5 bits first the u32 of fifth bits, then the nibbles.
fn pack_nibbles_and_high(bits: u32, codes: &[u8; QK], out: &mut [u8]) {
    let half = QK / 2;
    let nibbles = if bits == 5 {
        let mut qh = 0u32;
        for (j, &c) in codes.iter().enumerate() {
            qh |= (((c & 0x10) >> 4) as u32) << j;
        }
        out[..4].copy_from_slice(&qh.to_le_bytes());
        &mut out[4..]
    } else {
        out
    };
    for j in 0..half {
        nibbles[j] = (codes[j] & 0x0F) | (codes[j + half] << 4);
    }
}

/// One `q8_0` block: d = amax / 127, q = round-half-away(x / d) as int8.
pub(super) fn quantize_q8_0(x: &[f32], out: &mut [u8]) {
    let mut amax = 0f32;
    for &v in x {
        // MAX(amax, fabsf(v)) as ggml's macro evaluates it.
        amax = if amax > v.abs() { amax } else { v.abs() };
    }
    let d = amax / Q8_MAX;
    let id = reciprocal(d);
    put_f16(out, 0, f32_to_f16(d));
    let q = &mut out[2..2 + QK];
    if id.is_finite() && amax.is_finite() {
        // |v · id| ≤ 127 (plus rounding): truncate, then step away from zero when the exact
        // remainder is at least one half — roundf without a libm call.
        // (A NaN in the block does not count in ggml's amax, so |v · id| may exceed 127 or be
        // NaN or infinite: those take C's conversion, as x86-64 performs it.)
        for (o, &v) in q.iter_mut().zip(x) {
            let y = v * id;
            *o = if y.abs() < 2_147_483_648.0 {
                let t = y as i32;
                let rest = y - t as f32;
                (t + (rest >= 0.5) as i32 - (rest <= -0.5) as i32) as u8
            } else {
                c_to_i32(y) as u8
            };
        }
    } else {
        for (o, &v) in q.iter_mut().zip(x) {
            *o = c_to_i32((v * id).round()) as u8;
        }
    }
}

/// The 32 stored codes of a 4-/5-bit block (nibble plus fifth bit).
pub(super) fn codes_x(bits: u32, block: &[u8], with_min: bool) -> [u8; QK] {
    let start = if with_min { 4 } else { 2 };
    let (qh, qs) = if bits == 5 {
        let qh = u32::from_le_bytes([block[start], block[start + 1], block[start + 2], block[start + 3]]);
        (qh, &block[start + 4..])
    } else {
        (0, &block[start..])
    };
    let half = QK / 2;
    let mut codes = [0u8; QK];
    for j in 0..half {
        codes[j] = (qs[j] & 0x0F) | ((((qh >> j) & 1) as u8) << 4);
        codes[j + half] = (qs[j] >> 4) | ((((qh >> (j + half)) & 1) as u8) << 4);
    }
    codes
}

/// Dequantizes one `q4_0` / `q5_0` block: (code − 2^(bits−1)) · d.
pub(super) fn dequantize_x_0(bits: u32, block: &[u8], y: &mut [f32]) {
    let d = f16_to_f32(read_f16(block, 0));
    let codes = codes_x(bits, block, false);
    for (o, &c) in y.iter_mut().zip(&codes) {
        *o = (c as i32 - half_range(bits)) as f32 * d;
    }
}

/// Dequantizes one `q4_1` / `q5_1` block: code · d + m.
pub(super) fn dequantize_x_1(bits: u32, block: &[u8], y: &mut [f32]) {
    let d = f16_to_f32(read_f16(block, 0));
    let m = f16_to_f32(read_f16(block, 2));
    let codes = codes_x(bits, block, true);
    for (o, &c) in y.iter_mut().zip(&codes) {
        *o = c as f32 * d + m;
    }
}

/// Dequantizes one `q8_0` block: q · d.
pub(super) fn dequantize_q8_0(block: &[u8], y: &mut [f32]) {
    let d = f16_to_f32(read_f16(block, 0));
    for (o, &q) in y.iter_mut().zip(&block[2..2 + QK]) {
        *o = q as i8 as f32 * d;
    }
}

/// The q4_0 dequantizer's hot loop over whole blocks (bytes in, values out).
pub(super) fn dequantize_q4_0_fast(blocks: &[u8], y: &mut [f32]) {
    let half = QK / 2;
    for (block, out) in blocks.chunks_exact(2 + half).zip(y.chunks_exact_mut(QK)) {
        let d = f16_to_f32(read_f16(block, 0));
        let (lo, hi) = out.split_at_mut(half);
        for ((&q, a), b) in block[2..].iter().zip(lo).zip(hi) {
            *a = ((q & 0x0F) as i32 - half_range(4)) as f32 * d;
            *b = ((q >> 4) as i32 - half_range(4)) as f32 * d;
        }
    }
}
