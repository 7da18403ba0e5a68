//! WebAssembly SIMD (simd128) hot loops for the 4-bit quantizers: the same threshold counts
//! as the x86 kernels in [`super::simd`] (the thresholds passed in by the caller), four lanes
//! at a time; the scalar forms are [`super::bnb::nf4_code`], [`super::bnb::fp4_code`] and
//! [`super::facts::NibbleFloat::code`].
//!
//! Each function is `#[target_feature(enable = "simd128")]`, so only these functions carry
//! v128 instructions, and they are called only when the crate's `simd128` feature is on —
//! which the compute worker enables and the page's main module does not (WebAssembly has no
//! run-time feature detection: a module either validates with SIMD or not). Each handles a
//! multiple of 16 elements (absmax: 8) and returns how many it did; the callers finish with
//! the scalar code. The wasm-bindgen tests of the worker (`crates/lowbit-worker/tests/simd.rs`)
//! check them against the scalar paths.

use core::arch::wasm32::*;


#[inline]
#[target_feature(enable = "simd128")]
fn load4(x: &[f32]) -> v128 {
    f32x4(x[0], x[1], x[2], x[3])
}

/// Lanes of `a` greater than each threshold, counted (0..=thresholds.len()).
#[inline]
#[target_feature(enable = "simd128")]
fn count_gt(a: v128, thresholds: &[v128]) -> v128 {
    let mut acc = i32x4_splat(0);
    for &t in thresholds {
        acc = i32x4_sub(acc, f32x4_gt(a, t));
    }
    acc
}

/// 16 codes (i32 lanes, 0..15) → 16 bytes.
#[inline]
#[target_feature(enable = "simd128")]
fn narrow(c: [v128; 4]) -> v128 {
    u8x16_narrow_i16x8(i16x8_narrow_i32x4(c[0], c[1]), i16x8_narrow_i32x4(c[2], c[3]))
}

/// 16 code bytes → 8 packed bytes, first element in the high nibble (bitsandbytes).
#[inline]
#[target_feature(enable = "simd128")]
fn pair_high_first(w: v128) -> [u8; 8] {
    let v = v128_and(v128_or(i16x8_shl(w, 4), u16x8_shr(w, 8)), i16x8_splat(0xFF));
    (i64x2_extract_lane::<0>(u8x16_narrow_i16x8(v, v)) as u64).to_le_bytes()
}

/// 16 code bytes → 8 packed bytes, first element in the low nibble (MX, PyTorch).
#[inline]
#[target_feature(enable = "simd128")]
fn pair_low_first(w: v128) -> [u8; 8] {
    let v = v128_and(v128_or(w, u16x8_shr(w, 4)), i16x8_splat(0xFF));
    (i64x2_extract_lane::<0>(u8x16_narrow_i16x8(v, v)) as u64).to_le_bytes()
}

/// Sorted-threshold codes (NF4) of `x · inv`, packed high nibble first; returns the number
/// of elements done.
#[target_feature(enable = "simd128")]
pub fn sorted<const N: usize>(input: &[f32], inv: f32, thresholds: &[f32; N], out: &mut [u8]) -> usize {
    let t: [v128; N] = thresholds.map(|t| f32x4_splat(t));
    let inv = f32x4_splat(inv);
    let mut done = 0;
    for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
        let c = [0, 4, 8, 12].map(|i| count_gt(f32x4_mul(load4(&x[i..i + 4]), inv), &t));
        o.copy_from_slice(&pair_high_first(narrow(c)));
        done += 16;
    }
    done
}

/// bnb FP4 codes of four lanes `s` (sign for `s < 0`, then the magnitude interval of |s|
/// among the thresholds `t` mapped by `i ^ ((i & 2) << 1)`).
#[inline]
#[target_feature(enable = "simd128")]
fn fp4_codes(s: v128, t: &[v128; 7]) -> v128 {
    let interval = count_gt(f32x4_abs(s), t);
    let magnitude = v128_xor(interval, i32x4_shl(v128_and(interval, i32x4_splat(2)), 1));
    v128_or(magnitude, v128_and(f32x4_lt(s, f32x4_splat(0.0)), i32x4_splat(8)))
}

/// bnb FP4 codes of `x · inv` ([`fp4_codes`]), packed high nibble first; returns the number of
/// elements done.
#[target_feature(enable = "simd128")]
pub fn fp4(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
    let t: [v128; 7] = thresholds.map(|t| f32x4_splat(t));
    let inv = f32x4_splat(inv);
    let mut done = 0;
    for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
        let c = [0, 4, 8, 12].map(|i| fp4_codes(f32x4_mul(load4(&x[i..i + 4]), inv), &t));
        o.copy_from_slice(&pair_high_first(narrow(c)));
        done += 16;
    }
    done
}

/// Sign-bit float codes (E2M1) of four lanes `s`: the number of thresholds `t` strictly below
/// |s|, plus 8 for a set sign bit.
#[inline]
#[target_feature(enable = "simd128")]
fn nibble_float_codes(s: v128, t: &[v128; 7]) -> v128 {
    v128_or(count_gt(f32x4_abs(s), t), v128_and(u32x4_shr(s, 28), i32x4_splat(8)))
}

/// Sign-bit float codes of `x · inv` ([`nibble_float_codes`]), packed low nibble first; returns
/// the number of elements done.
#[target_feature(enable = "simd128")]
pub fn nibble_float(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
    let t: [v128; 7] = thresholds.map(|t| f32x4_splat(t));
    let inv = f32x4_splat(inv);
    let mut done = 0;
    for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
        let c = [0, 4, 8, 12].map(|i| nibble_float_codes(f32x4_mul(load4(&x[i..i + 4]), inv), &t));
        o.copy_from_slice(&pair_low_first(narrow(c)));
        done += 16;
    }
    done
}

/// max |x| over a multiple-of-8 prefix, NaN ignored (`pmax(m, x)` is `m < x ? x : m`, which
/// keeps `m` when `x` is NaN, and the accumulator never is). Returns (max, whether a NaN was
/// seen, elements done), as the x86 kernels.
#[target_feature(enable = "simd128")]
pub fn absmax(input: &[f32]) -> (f32, bool, usize) {
    let (mut m0, mut m1, mut nan) = (f32x4_splat(0.0), f32x4_splat(0.0), i32x4_splat(0));
    let mut done = 0;
    for x in input.chunks_exact(8) {
        let (a, b) = (load4(&x[..4]), load4(&x[4..8]));
        nan = v128_or(nan, v128_or(f32x4_ne(a, a), f32x4_ne(b, b)));
        m0 = f32x4_pmax(m0, f32x4_abs(a));
        m1 = f32x4_pmax(m1, f32x4_abs(b));
        done += 8;
    }
    let m = f32x4_pmax(m0, m1);
    let lanes = [f32x4_extract_lane::<0>(m), f32x4_extract_lane::<1>(m), f32x4_extract_lane::<2>(m), f32x4_extract_lane::<3>(m)];
    (lanes.into_iter().fold(0.0, f32::max), v128_any_true(nan), done)
}

/// Whole blocks of bitsandbytes' 4-bit quantizer, `block` a multiple of 16, in one pass per
/// block: the block's max |x| (NaN ignored: |x| bit patterns order like the values, and a NaN's
/// are zeroed; +Inf if the block holds one) pushed to `absmax`, then `code(x · (1/absmax))`
/// for each four lanes packed high nibble first into `packed`, or `zero_code` throughout for an
/// all-zero block. The thresholds stay in registers across blocks (`code` captures them), which
/// per-block calls of [`sorted`] and [`absmax`] cannot do. Returns the elements done and whether
/// a NaN was seen; a shorter last block is left to the caller.
#[inline]
#[target_feature(enable = "simd128")]
fn bnb_blocks(input: &[f32], block: usize, zero_code: u8, packed: &mut [u8], absmax: &mut Vec<f32>, code: impl Fn(v128) -> v128) -> (usize, bool) {
    if block == 0 || !block.is_multiple_of(16) {
        return (0, false);
    }
    let (magnitude, zero_pair) = (i32x4_splat(0x7FFF_FFFF), zero_code << 4 | zero_code);
    let (mut saw_nan, mut done) = (i32x4_splat(0), 0);
    for (x, out) in input.chunks_exact(block).zip(packed.chunks_exact_mut(block / 2)) {
        let mut max = i32x4_splat(0);
        for v in x.chunks_exact(4) {
            let v = load4(v);
            let nan = f32x4_ne(v, v);
            saw_nan = v128_or(saw_nan, nan);
            max = i32x4_max(max, v128_andnot(v128_and(v, magnitude), nan));
        }
        let max = i32x4_max(max, i32x4_shuffle::<2, 3, 0, 1>(max, max));
        let max = i32x4_max(max, i32x4_shuffle::<1, 0, 3, 2>(max, max));
        let max = f32::from_bits(i32x4_extract_lane::<0>(max) as u32);
        absmax.push(max);
        if max == 0.0 {
            out.fill(zero_pair);
        } else {
            let inv = f32x4_splat(1.0 / max);
            for (x, o) in x.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
                let c = [0, 4, 8, 12].map(|i| code(f32x4_mul(load4(&x[i..i + 4]), inv)));
                o.copy_from_slice(&pair_high_first(narrow(c)));
            }
        }
        done += block;
    }
    (done, v128_any_true(saw_nan))
}

/// [`bnb_blocks`] with sorted-threshold codes (NF4).
#[target_feature(enable = "simd128")]
pub fn sorted_blocks<const N: usize>(input: &[f32], block: usize, thresholds: &[f32; N], zero_code: u8, packed: &mut [u8], absmax: &mut Vec<f32>) -> (usize, bool) {
    let t: [v128; N] = thresholds.map(|t| f32x4_splat(t));
    bnb_blocks(input, block, zero_code, packed, absmax, |s| count_gt(s, &t))
}

/// [`bnb_blocks`] with bnb FP4 codes ([`fp4_codes`]).
#[target_feature(enable = "simd128")]
pub fn fp4_blocks(input: &[f32], block: usize, thresholds: &[f32; 7], zero_code: u8, packed: &mut [u8], absmax: &mut Vec<f32>) -> (usize, bool) {
    let t: [v128; 7] = thresholds.map(|t| f32x4_splat(t));
    bnb_blocks(input, block, zero_code, packed, absmax, |s| fp4_codes(s, &t))
}

/// Whole blocks of an MX 4-bit float quantizer (`block` a multiple of 16), one pass each: the
/// block's max |x| as f32 bits (NaN and Inf give ≥ 0x7F80_0000) goes to `scale`, which records
/// the block's scale and returns the reciprocal to multiply by, or None for a block stored as
/// NaN (its bytes are zeroed); the sign-bit codes of `x · reciprocal` ([`nibble_float`]) are
/// packed LOW nibble first into `packed`, the thresholds kept in registers across blocks.
/// Returns the elements done; a shorter last block is left to the caller.
#[target_feature(enable = "simd128")]
pub fn nibble_float_blocks(
    input: &[f32],
    block: usize,
    thresholds: &[f32; 7],
    packed: &mut [u8],
    mut scale: impl FnMut(u32, &[f32]) -> Option<f32>,
) -> usize {
    if block == 0 || !block.is_multiple_of(16) {
        return 0;
    }
    let t: [v128; 7] = thresholds.map(|t| f32x4_splat(t));
    let magnitude = i32x4_splat(0x7FFF_FFFF);
    let mut done = 0;
    for (x, out) in input.chunks_exact(block).zip(packed.chunks_exact_mut(block / 2)) {
        let mut max = i32x4_splat(0);
        for v in x.chunks_exact(4) {
            // |x| bits, NaN included (above +Inf's): unsigned order is the values' order.
            max = u32x4_max(max, v128_and(load4(v), magnitude));
        }
        let max = u32x4_max(max, i32x4_shuffle::<2, 3, 0, 1>(max, max));
        let max = u32x4_max(max, i32x4_shuffle::<1, 0, 3, 2>(max, max));
        match scale(u32x4_extract_lane::<0>(max), x) {
            None => out.fill(0),
            Some(reciprocal) => {
                let inv = f32x4_splat(reciprocal);
                for (x, o) in x.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
                    let c = [0, 4, 8, 12].map(|i| nibble_float_codes(f32x4_mul(load4(&x[i..i + 4]), inv), &t));
                    o.copy_from_slice(&pair_low_first(narrow(c)));
                }
            }
        }
        done += block;
    }
    done
}
