//! `iq4_nl` (a 16-value non-linear codebook under an f16 scale), the ternary `tq1_0` /
//! `tq2_0` (BitNet b1.58 weights, 256 per block) and ggml's `mxfp4` layout.

use super::half::{f16_to_f32, f32_to_f16};
use super::{c_to_i32, put_f16, read_f16, GROUP_MAX_EPS, QK, QK_K};
use crate::format::{Format, Kind};

/// ggml's `kvalues_iq4nl` (ggml-common.h, ggml 0.25.3): the 16 levels of IQ4_NL. Data, not a
/// derived constant: ggml fitted them to weight distributions.
pub const IQ4_NL_VALUES: [i8; 16] = [-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113];

/// `best_index_int8`: the nearest level by binary search; a tie goes to the upper level.
#[inline]
fn best_index(values: &[i8; 16], x: f32) -> u8 {
    let n = values.len();
    if x <= values[0] as f32 {
        return 0;
    }
    if x >= values[n - 1] as f32 {
        return (n - 1) as u8;
    }
    let (mut ml, mut mu) = (0usize, n - 1);
    while mu - ml > 1 {
        let mav = (ml + mu) / 2;
        if x < values[mav] as f32 {
            mu = mav;
        } else {
            ml = mav;
        }
    }
    if x - (values[mu - 1] as f32) < values[mu] as f32 - x {
        (mu - 1) as u8
    } else {
        mu as u8
    }
}

/// The candidate scales `ggml_quantize_chunk` tries on each side of the first guess
/// (`quantize_iq4_nl` passes ntry = 7: 15 candidates).
const IQ4_NL_NTRY: i32 = 7;

/// One `iq4_nl` block as `quantize_iq4_nl` (ggml_quantize_chunk's path) writes it: weights x²,
/// a first scale −max / −127 refined by least squares over 15 candidate scales
/// (−127 + t) / max, t = −7..7; the f16 of the best scale is stored, and the elements are
/// re-indexed against the f32 best scale.
pub(super) fn quantize_iq4_nl(x: &[f32], out: &mut [u8]) {
    let values = &IQ4_NL_VALUES;
    let v0 = values[0] as f32;
    let (mut amax, mut max) = (0f32, 0f32);
    for &v in x {
        if v.abs() > amax {
            amax = v.abs();
            max = v;
        }
    }
    let mut weight = [0f32; QK];
    for (w, v) in weight.iter_mut().zip(x) {
        *w = v * v;
    }
    let mut scale = 0f32;
    if amax >= GROUP_MAX_EPS {
        let sums = |id: f32| {
            let (mut sumqx, mut sumq2) = (0f32, 0f32);
            for (&xi, &w) in x.iter().zip(&weight) {
                let q = values[best_index(values, id * xi) as usize] as f32;
                sumqx += w * q * xi;
                sumq2 += w * q * q;
            }
            (sumqx, sumq2)
        };
        let d = -max / v0;
        let (sumqx, sumq2) = sums(1.0 / d);
        let mut d = if sumq2 > 0.0 { sumqx / sumq2 } else { 0.0 };
        let mut best = d * sumqx;
        for itry in -IQ4_NL_NTRY..=IQ4_NL_NTRY {
            let id = (itry + values[0] as i32) as f32 / max;
            let (sumqx, sumq2) = sums(id);
            if sumq2 > 0.0 && sumqx * sumqx > best * sumq2 {
                d = sumqx / sumq2;
                best = d * sumqx;
            }
        }
        scale = d;
    }
    put_f16(out, 0, f32_to_f16(scale));
    let id = if scale != 0.0 { 1.0 / scale } else { 0.0 };
    let half = QK / 2;
    for j in 0..half {
        out[2 + j] = best_index(values, id * x[j]) | (best_index(values, id * x[j + half]) << 4);
    }
}

/// Dequantizes one `iq4_nl` block: d · value[code].
pub(super) fn dequantize_iq4_nl(b: &[u8], y: &mut [f32]) {
    let d = f16_to_f32(read_f16(b, 0));
    let half = QK / 2;
    for j in 0..half {
        y[j] = d * IQ4_NL_VALUES[(b[2 + j] & 0xF) as usize] as f32;
        y[j + half] = d * IQ4_NL_VALUES[(b[2 + j] >> 4) as usize] as f32;
    }
}

/// C's `lroundf` (round half away from zero) on x86-64 glibc, narrowed to int: NaN and values
/// out of range give `LONG_MIN`, whose low 32 bits are 0.
#[inline]
fn lround_as_int(x: f32) -> i32 {
    if x.is_nan() || x.abs() >= -(i64::MIN as f32) {
        0
    } else {
        x.round() as i64 as i32
    }
}

/// Trits per byte of tq1_0's base-3 packing: 3^5 = 243 ≤ 256.
const TRITS: usize = 5;
/// 3^5.
const POW3_5: u16 = 243;
/// tq1_0 byte ranges: 32 bytes of 5 trits (160 elements), 16 bytes of 5 (80), 4 bytes of 4 (16).
const TQ1_QS: usize = (QK_K - 4 * QK_K / 64) / TRITS;
const TQ1_QH: usize = QK_K / 64;

/// The ternary level of x · id: 0, 1, 2 for −1, 0, +1 (lroundf, half away from zero).
#[inline]
fn trit(x: f32, id: f32) -> i32 {
    lround_as_int(x * id).wrapping_add(1)
}

/// d = amax, id = 1/d (0 for an all-zero block), as both ternary types compute them.
fn ternary_scale(x: &[f32]) -> (f32, f32) {
    let mut amax = 0f32;
    for &v in x {
        amax = if amax > v.abs() { amax } else { v.abs() };
    }
    (amax, if amax != 0.0 { 1.0 / amax } else { 0.0 })
}

/// Packs trits (most significant first) into a byte as ⌈q · 256 / 243⌉ (mod 256, as ggml).
#[inline]
fn pack_trits(trits: impl Iterator<Item = i32>, pad: u32) -> u8 {
    let mut q = 0u8;
    for t in trits {
        q = q.wrapping_mul(3).wrapping_add(t as u8);
    }
    for _ in 0..pad {
        q = q.wrapping_mul(3);
    }
    (q as u16 * 256).div_ceil(POW3_5) as u8
}

/// One `tq1_0` block: qs[48] (5 trits per byte), qh[4] (4 trits per byte), f16 d.
pub(super) fn quantize_tq1_0(x: &[f32], out: &mut [u8]) {
    let (d, id) = ternary_scale(x);
    let mut pos = 0;
    let mut byte = 0;
    for width in [32usize, 16] {
        for m in 0..width {
            out[byte + m] = pack_trits((0..TRITS).map(|n| trit(x[pos + m + n * width], id)), 0);
        }
        byte += width;
        pos += TRITS * width;
    }
    for j in 0..TQ1_QH {
        out[TQ1_QS + j] = pack_trits((0..4).map(|m| trit(x[pos + j + m * TQ1_QH], id)), 1);
    }
    put_f16(out, TQ1_QS + TQ1_QH, f32_to_f16(d));
}

/// The trit stored at position n (0 = most significant) of a tq1_0 byte: ((q · 3^n mod 256) · 3) >> 8.
#[inline]
fn unpack_trit(q: u8, n: usize) -> i32 {
    let q = q.wrapping_mul(3u8.pow(n as u32));
    ((q as u16 * 3) >> 8) as i32
}

/// The stored trits (0, 1, 2) of a tq1_0 block, element order.
pub(super) fn codes_tq1_0(b: &[u8], codes: &mut [i32]) {
    let mut e = 0;
    let mut byte = 0;
    for width in [32usize, 16] {
        for n in 0..TRITS {
            for m in 0..width {
                codes[e] = unpack_trit(b[byte + m], n);
                e += 1;
            }
        }
        byte += width;
    }
    for n in 0..4 {
        for j in 0..TQ1_QH {
            codes[e] = unpack_trit(b[TQ1_QS + j], n);
            e += 1;
        }
    }
}

/// One `tq2_0` block: qs[64] (element 128c + 32n + m in bits 2n of byte 32c + m), f16 d.
pub(super) fn quantize_tq2_0(x: &[f32], out: &mut [u8]) {
    let (d, id) = ternary_scale(x);
    for c in 0..QK_K / 128 {
        for m in 0..32 {
            let mut q = 0u8;
            for n in 0..4 {
                q = q.wrapping_add(((trit(x[128 * c + m + 32 * n], id) & 3) << (2 * n)) as u8);
            }
            out[32 * c + m] = q;
        }
    }
    put_f16(out, QK_K / 4, f32_to_f16(d));
}

/// The stored 2-bit codes of a tq2_0 block (value (code − 1) · d; code 3 gives 2d).
pub(super) fn codes_tq2_0(b: &[u8], codes: &mut [i32]) {
    for (e, c) in codes.iter_mut().enumerate() {
        *c = ((b[32 * (e / 128) + e % 32] >> (2 * ((e % 128) / 32))) & 3) as i32;
    }
}

/// Dequantizes a ternary block from its codes: (code − 1) · d.
pub(super) fn dequantize_ternary(codes: &[i32], d: f32, y: &mut [f32]) {
    for (o, &c) in y.iter_mut().zip(codes) {
        *o = (c - 1) as f32 * d;
    }
}

/// ggml's doubled E2M1 levels (`kvalues_mxfp4`): 2 × the value of each float4_e2m1fn code, as
/// int8 (so code 8, E2M1's −0, is 0), derived from the catalogue's description.
pub fn mxfp4_levels() -> [i8; 16] {
    let mut out = [0i8; 16];
    if let Ok(Kind::Float(f)) = Format::parse("float4_e2m1fn").map(|f| *f.kind()) {
        for (code, o) in out.iter_mut().enumerate() {
            *o = (f.value(code as u64) * 2.0) as i8;
        }
    }
    out
}

/// The largest binade of E2M1 (6 = 1.5 · 2^2): ggml's shared exponent is floor(log2 amax) − 2.
fn e2m1_emax() -> i32 {
    match Format::parse("float4_e2m1fn").map(|f| *f.kind()) {
        Ok(Kind::Float(f)) => crate::float::exponent_of(f.max_finite()),
        _ => 0,
    }
}

/// `ggml_e8m0_to_fp32_half`: 2^(e − 128) for every byte e (exact, subnormal for e < 2).
#[inline]
pub(super) fn e8m0_half(e: u8) -> f32 {
    if e < 2 {
        f32::from_bits(0x0020_0000 << e)
    } else {
        f32::from_bits(((e - 1) as u32) << 23)
    }
}

/// floor(log2f(a)) for a finite a > 0, where log2f is glibc's (evaluated in double, rounded
/// once to f32): the f32 rounding of log2 can reach the next integer just below a power of two.
#[inline]
fn floor_log2f(a: f32) -> f32 {
    ((a as f64).log2() as f32).floor()
}

/// One ggml `mxfp4` block: E8M0 e = floor(log2f(amax)) − 2 + 127 (0 for an all-zero block),
/// then each element is the FIRST of the 16 doubled levels nearest x / 2^(e − 128) (ties go to
/// the smaller magnitude, −0 and small negatives to code 0); low nibble elements 0–15, high
/// nibble 16–31.
pub(super) fn quantize_mxfp4(levels: &[i8; 16], emax: i32, x: &[f32], out: &mut [u8]) {
    let mut amax = 0f32;
    for &v in x {
        if amax < v.abs() {
            amax = v.abs();
        }
    }
    let e = if amax > 0.0 { c_to_i32(floor_log2f(amax) - emax as f32 + 127.0) as u8 } else { 0 };
    let d = e8m0_half(e);
    out[0] = e;
    let best = |v: f32| {
        let mut best_index = 0u8;
        let mut best_err = (levels[0] as f32 * d - v).abs();
        for (i, &l) in levels.iter().enumerate().skip(1) {
            let err = (l as f32 * d - v).abs();
            if err < best_err {
                best_index = i as u8;
                best_err = err;
            }
        }
        best_index
    };
    let half = QK / 2;
    for j in 0..half {
        out[1 + j] = best(x[j]) | (best(x[j + half]) << 4);
    }
}

/// Dequantizes one ggml `mxfp4` block: level · 2^(e − 128).
pub(super) fn dequantize_mxfp4(levels: &[i8; 16], b: &[u8], y: &mut [f32]) {
    let d = e8m0_half(b[0]);
    let half = QK / 2;
    for j in 0..half {
        y[j] = levels[(b[1 + j] & 0xF) as usize] as f32 * d;
        y[j + half] = levels[(b[1 + j] >> 4) as usize] as f32 * d;
    }
}

/// Facts derived once for the MXFP4 kernels.
pub(super) struct Mxfp4Facts {
    /// Doubled E2M1 levels by code.
    pub levels: [i8; 16],
    /// E2M1's largest binade (2).
    pub emax: i32,
}

impl Mxfp4Facts {
    /// Derives the facts from the catalogue's float4_e2m1fn.
    pub fn new() -> Mxfp4Facts {
        Mxfp4Facts { levels: mxfp4_levels(), emax: e2m1_emax() }
    }
}
