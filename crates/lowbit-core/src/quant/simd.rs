//! SIMD hot loops for the 4-bit quantizers on x86_64: AVX2 when the CPU has it (detected at run
//! time), else SSE2 (part of the x86_64 baseline). The only `unsafe` is the call into a
//! `#[target_feature]` function after that check. Each function handles a multiple of 16 elements and
//! returns how many it did; the callers finish with the portable per-element code, and the
//! tests check both against the straightforward path. On wasm32 with the crate's `simd128`
//! feature (the compute worker) the same kernels come from [`super::simd_wasm`]; other targets
//! use the portable loops only.
//!
//! The codes are counts of strict threshold comparisons, the thresholds passed in by the caller
//! (this module knows no format): a compare gives an all-ones lane, and subtracting it adds one,
//! in 32-bit lanes; 16 codes are then narrowed to bytes and paired into nibbles in one go. The
//! scalar forms are [`super::bnb::nf4_code`], [`super::bnb::fp4_code`] and
//! [`super::facts::NibbleFloat::code`].

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    #[inline]
    #[target_feature(enable = "sse2")]
    fn load4(x: &[f32]) -> __m128 {
        _mm_set_ps(x[3], x[2], x[1], x[0])
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    fn abs(x: __m128) -> __m128 {
        _mm_castsi128_ps(_mm_and_si128(_mm_castps_si128(x), _mm_set1_epi32(0x7FFF_FFFF)))
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    fn count_gt(a: __m128, thresholds: &[__m128]) -> __m128i {
        let mut acc = _mm_setzero_si128();
        for &t in thresholds {
            acc = _mm_sub_epi32(acc, _mm_castps_si128(_mm_cmpgt_ps(a, t)));
        }
        acc
    }

    /// 16 codes (i32 lanes, 0..15) → 16 bytes.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn narrow(c: [__m128i; 4]) -> __m128i {
        _mm_packus_epi16(_mm_packs_epi32(c[0], c[1]), _mm_packs_epi32(c[2], c[3]))
    }

    /// 16 code bytes → 8 packed bytes, first element in the high nibble (bnb).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn pair_high_first(w: __m128i) -> [u8; 8] {
        let v = _mm_or_si128(_mm_slli_epi16(w, 4), _mm_srli_epi16(w, 8));
        let v = _mm_and_si128(v, _mm_set1_epi16(0xFF));
        (_mm_cvtsi128_si64(_mm_packus_epi16(v, v)) as u64).to_le_bytes()
    }

    /// 16 code bytes → 8 packed bytes, first element in the low nibble (MX, torch).
    #[inline]
    #[target_feature(enable = "sse2")]
    fn pair_low_first(w: __m128i) -> [u8; 8] {
        let v = _mm_and_si128(_mm_or_si128(w, _mm_srli_epi16(w, 4)), _mm_set1_epi16(0xFF));
        (_mm_cvtsi128_si64(_mm_packus_epi16(v, v)) as u64).to_le_bytes()
    }

    /// Sorted-threshold codes (NF4) of `x · inv`, packed high nibble first; returns the number
    /// of elements done.
    #[target_feature(enable = "sse2")]
    pub fn sorted<const N: usize>(input: &[f32], inv: f32, thresholds: &[f32; N], out: &mut [u8]) -> usize {
        let t: [__m128; N] = thresholds.map(|t| _mm_set1_ps(t));
        let inv = _mm_set1_ps(inv);
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            let c = [0, 4, 8, 12].map(|i| count_gt(_mm_mul_ps(load4(&x[i..i + 4]), inv), &t));
            o.copy_from_slice(&pair_high_first(narrow(c)));
            done += 16;
        }
        done
    }

    /// bnb FP4 codes of `x · inv` (sign for `s < 0`, then the magnitude interval mapped by
    /// `i ^ ((i & 2) << 1)`), packed high nibble first; returns the number of elements done.
    #[target_feature(enable = "sse2")]
    pub fn fp4(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
        let t: [__m128; 7] = thresholds.map(|t| _mm_set1_ps(t));
        let inv = _mm_set1_ps(inv);
        let (two, eight, zero) = (_mm_set1_epi32(2), _mm_set1_epi32(8), _mm_setzero_ps());
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            let c = [0, 4, 8, 12].map(|i| {
                let s = _mm_mul_ps(load4(&x[i..i + 4]), inv);
                let interval = count_gt(abs(s), &t);
                let magnitude = _mm_xor_si128(interval, _mm_slli_epi32(_mm_and_si128(interval, two), 1));
                let sign = _mm_and_si128(_mm_castps_si128(_mm_cmplt_ps(s, zero)), eight);
                _mm_or_si128(magnitude, sign)
            });
            o.copy_from_slice(&pair_high_first(narrow(c)));
            done += 16;
        }
        done
    }

    /// Sign-bit float codes of `x · inv`: the number of strict thresholds below |x · inv|, plus
    /// 8 for a set sign bit, packed low nibble first; returns the number of elements done.
    #[target_feature(enable = "sse2")]
    pub fn nibble_float(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
        let t: [__m128; 7] = thresholds.map(|t| _mm_set1_ps(t));
        let inv = _mm_set1_ps(inv);
        let eight = _mm_set1_epi32(8);
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            let c = [0, 4, 8, 12].map(|i| {
                let s = _mm_mul_ps(load4(&x[i..i + 4]), inv);
                let sign = _mm_and_si128(_mm_srli_epi32(_mm_castps_si128(s), 28), eight);
                _mm_or_si128(count_gt(abs(s), &t), sign)
            });
            o.copy_from_slice(&pair_low_first(narrow(c)));
            done += 16;
        }
        done
    }

    /// max |x| over a multiple-of-8 prefix, NaN ignored (maxps returns its second operand
    /// when the first is NaN, and the accumulator never is). Returns (max, whether a NaN was
    /// seen, elements done).
    #[target_feature(enable = "sse2")]
    pub fn absmax(input: &[f32]) -> (f32, bool, usize) {
        let (mut m0, mut m1, mut nan) = (_mm_setzero_ps(), _mm_setzero_ps(), _mm_setzero_ps());
        let mut done = 0;
        for x in input.chunks_exact(8) {
            let (a, b) = (load4(&x[..4]), load4(&x[4..8]));
            nan = _mm_or_ps(nan, _mm_cmpunord_ps(a, b));
            m0 = _mm_max_ps(abs(a), m0);
            m1 = _mm_max_ps(abs(b), m1);
            done += 8;
        }
        let m = _mm_max_ps(m0, m1);
        let m = _mm_max_ps(m, _mm_movehl_ps(m, m));
        let m = _mm_max_ss(m, _mm_shuffle_ps::<1>(m, m));
        (_mm_cvtss_f32(m), _mm_movemask_ps(nan) != 0, done)
    }

    // AVX2: the same loops, 8 lanes per vector (selected at run time).

    #[target_feature(enable = "avx2")]
    pub fn absmax_avx2(input: &[f32]) -> (f32, bool, usize) {
        let (mut m, mut nan) = (_mm256_setzero_ps(), _mm256_setzero_ps());
        let mut done = 0;
        for x in input.chunks_exact(8) {
            let v = load8(x);
            nan = _mm256_or_ps(nan, _mm256_cmp_ps::<_CMP_UNORD_Q>(v, v));
            m = _mm256_max_ps(abs8(v), m);
            done += 8;
        }
        let h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps::<1>(m));
        let h = _mm_max_ps(h, _mm_movehl_ps(h, h));
        let h = _mm_max_ss(h, _mm_shuffle_ps::<1>(h, h));
        (_mm_cvtss_f32(h), _mm256_movemask_ps(nan) != 0, done)
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn load8(x: &[f32]) -> __m256 {
        _mm256_set_ps(x[7], x[6], x[5], x[4], x[3], x[2], x[1], x[0])
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn abs8(x: __m256) -> __m256 {
        _mm256_castsi256_ps(_mm256_and_si256(_mm256_castps_si256(x), _mm256_set1_epi32(0x7FFF_FFFF)))
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn count_gt8(a: __m256, thresholds: &[__m256]) -> __m256i {
        let mut acc = _mm256_setzero_si256();
        for &t in thresholds {
            acc = _mm256_sub_epi32(acc, _mm256_castps_si256(_mm256_cmp_ps::<_CMP_GT_OQ>(a, t)));
        }
        acc
    }

    #[inline]
    #[target_feature(enable = "avx2")]
    fn halves(a: __m256i, b: __m256i) -> [__m128i; 4] {
        [_mm256_castsi256_si128(a), _mm256_extracti128_si256::<1>(a), _mm256_castsi256_si128(b), _mm256_extracti128_si256::<1>(b)]
    }

    #[target_feature(enable = "avx2")]
    pub fn sorted_avx2<const N: usize>(input: &[f32], inv: f32, thresholds: &[f32; N], out: &mut [u8]) -> usize {
        let t: [__m256; N] = thresholds.map(|t| _mm256_set1_ps(t));
        let inv = _mm256_set1_ps(inv);
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            let a = count_gt8(_mm256_mul_ps(load8(&x[..8]), inv), &t);
            let b = count_gt8(_mm256_mul_ps(load8(&x[8..16]), inv), &t);
            o.copy_from_slice(&pair_high_first(narrow(halves(a, b))));
            done += 16;
        }
        done
    }

    #[target_feature(enable = "avx2")]
    pub fn fp4_avx2(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
        let t: [__m256; 7] = thresholds.map(|t| _mm256_set1_ps(t));
        let inv = _mm256_set1_ps(inv);
        let (two, eight, zero) = (_mm256_set1_epi32(2), _mm256_set1_epi32(8), _mm256_setzero_ps());
        let code = |x: &[f32]| {
            let s = _mm256_mul_ps(load8(x), inv);
            let interval = count_gt8(abs8(s), &t);
            let magnitude = _mm256_xor_si256(interval, _mm256_slli_epi32::<1>(_mm256_and_si256(interval, two)));
            let sign = _mm256_and_si256(_mm256_castps_si256(_mm256_cmp_ps::<_CMP_LT_OQ>(s, zero)), eight);
            _mm256_or_si256(magnitude, sign)
        };
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            o.copy_from_slice(&pair_high_first(narrow(halves(code(&x[..8]), code(&x[8..16])))));
            done += 16;
        }
        done
    }

    #[target_feature(enable = "avx2")]
    pub fn nibble_float_avx2(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
        let t: [__m256; 7] = thresholds.map(|t| _mm256_set1_ps(t));
        let inv = _mm256_set1_ps(inv);
        let eight = _mm256_set1_epi32(8);
        let code = |x: &[f32]| {
            let s = _mm256_mul_ps(load8(x), inv);
            let sign = _mm256_and_si256(_mm256_srli_epi32::<28>(_mm256_castps_si256(s)), eight);
            _mm256_or_si256(count_gt8(abs8(s), &t), sign)
        };
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            o.copy_from_slice(&pair_low_first(narrow(halves(code(&x[..8]), code(&x[8..16])))));
            done += 16;
        }
        done
    }
}

/// Sorted-threshold codes (the number of `thresholds` strictly below `x · inv`; NF4) packed
/// high nibble first into `out`, for a prefix of `input` (a multiple of 16 elements); returns
/// its length.
#[inline]
pub(crate) fn sorted_prefix<const N: usize>(input: &[f32], inv: f32, thresholds: &[f32; N], out: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::sorted_avx2(input, inv, thresholds, out) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::sorted(input, inv, thresholds, out) }
    }
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        // Safe on wasm: an engine without SIMD refuses the whole module, it never misruns it.
        super::simd_wasm::sorted(input, inv, thresholds, out)
    }
    #[cfg(not(any(target_arch = "x86_64", all(target_arch = "wasm32", feature = "simd128"))))]
    {
        let _ = (input, inv, thresholds, out);
        0
    }
}

/// bnb FP4 codes (thresholds on |x · inv|), as [`sorted_prefix`].
#[inline]
pub(crate) fn fp4_prefix(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::fp4_avx2(input, inv, thresholds, out) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::fp4(input, inv, thresholds, out) }
    }
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        // Safe on wasm: an engine without SIMD refuses the whole module, it never misruns it.
        super::simd_wasm::fp4(input, inv, thresholds, out)
    }
    #[cfg(not(any(target_arch = "x86_64", all(target_arch = "wasm32", feature = "simd128"))))]
    {
        let _ = (input, inv, thresholds, out);
        0
    }
}

/// Sign-bit 4-bit float codes (E2M1) packed LOW nibble first, as [`sorted_prefix`].
#[inline]
pub(crate) fn nibble_float_prefix(input: &[f32], inv: f32, thresholds: &[f32; 7], out: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::nibble_float_avx2(input, inv, thresholds, out) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::nibble_float(input, inv, thresholds, out) }
    }
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        // Safe on wasm: an engine without SIMD refuses the whole module, it never misruns it.
        super::simd_wasm::nibble_float(input, inv, thresholds, out)
    }
    #[cfg(not(any(target_arch = "x86_64", all(target_arch = "wasm32", feature = "simd128"))))]
    {
        let _ = (input, inv, thresholds, out);
        0
    }
}

/// Elements per call of a fused WebAssembly kernel (whole blocks, at least one). V8 first runs a
/// WebAssembly function as its baseline compiler (Liftoff) made it and gives only *later calls*
/// the optimised code (there is no on-stack replacement): a single call over a million elements
/// would run wholly in baseline code, which keeps every v128 value in memory — NF4's 15
/// thresholds made that 3–4× slower in the compute worker. Calls of this size let the rest of a
/// job run optimised once V8 has it; a call costs nanoseconds against ~30 µs of work.
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
const WASM_CALL_ELEMENTS: usize = 1 << 14;

/// Runs a whole-blocks kernel over `0..len` in calls of about [`WASM_CALL_ELEMENTS`] elements
/// (`call(range)` does the whole blocks of `range` and returns how many elements it did);
/// returns the elements done, stopping at the first call that did less than its range's whole
/// blocks (the kernel refused the block size, or the input's tail is shorter than a block).
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
fn in_calls(len: usize, block: usize, mut call: impl FnMut(core::ops::Range<usize>) -> usize) -> usize {
    if block == 0 {
        return 0;
    }
    let step = (WASM_CALL_ELEMENTS / block).max(1) * block;
    let mut done = 0;
    while len - done >= block {
        let end = (done + step).min(len);
        let whole = (end - done) / block * block;
        let did = call(done..end);
        done += did;
        if did < whole {
            break;
        }
    }
    done
}

/// Whole blocks of bitsandbytes' 4-bit quantizer in one pass each, sorted-threshold codes
/// (NF4): each block's absmax (NaN ignored) pushed to `absmax`, its codes packed high nibble
/// first into `packed`, an all-zero block filled with `zero_code`. Only where a fused kernel
/// pays: on wasm32 with `simd128`, where per-block calls of [`absmax_prefix`] and
/// [`sorted_prefix`] cost as much as the codes themselves. Returns the elements done (whole
/// blocks; none elsewhere, or when `block` is not a multiple of 16) and whether they hold a NaN.
#[inline]
pub(crate) fn sorted_blocks_prefix<const N: usize>(
    input: &[f32],
    block: usize,
    thresholds: &[f32; N],
    zero_code: u8,
    packed: &mut [u8],
    absmax: &mut Vec<f32>,
) -> (usize, bool) {
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        let mut saw_nan = false;
        let done = in_calls(input.len(), block, |r| {
            let (done, nan) = super::simd_wasm::sorted_blocks(&input[r.clone()], block, thresholds, zero_code, &mut packed[r.start / 2..], absmax);
            saw_nan |= nan;
            done
        });
        (done, saw_nan)
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "simd128")))]
    {
        let _ = (input, block, thresholds, zero_code, packed, absmax);
        (0, false)
    }
}

/// [`sorted_blocks_prefix`] with bnb FP4 codes ([`fp4_prefix`]).
#[inline]
pub(crate) fn fp4_blocks_prefix(
    input: &[f32],
    block: usize,
    thresholds: &[f32; 7],
    zero_code: u8,
    packed: &mut [u8],
    absmax: &mut Vec<f32>,
) -> (usize, bool) {
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        let mut saw_nan = false;
        let done = in_calls(input.len(), block, |r| {
            let (done, nan) = super::simd_wasm::fp4_blocks(&input[r.clone()], block, thresholds, zero_code, &mut packed[r.start / 2..], absmax);
            saw_nan |= nan;
            done
        });
        (done, saw_nan)
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "simd128")))]
    {
        let _ = (input, block, thresholds, zero_code, packed, absmax);
        (0, false)
    }
}

/// Whole blocks of an MX 4-bit float quantizer in one pass each, where a fused kernel pays (wasm32
/// with `simd128`): `scale(max |x| bits, block)` records a block's scale and returns its
/// reciprocal, or None for a NaN block (zeroed); codes as [`nibble_float_prefix`]. Returns the
/// elements done (whole blocks; none elsewhere, or when `block` is not a multiple of 16).
#[inline]
pub(crate) fn nibble_float_blocks_prefix(
    input: &[f32],
    block: usize,
    thresholds: &[f32; 7],
    packed: &mut [u8],
    mut scale: impl FnMut(u32, &[f32]) -> Option<f32>,
) -> usize {
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        in_calls(input.len(), block, |r| super::simd_wasm::nibble_float_blocks(&input[r.clone()], block, thresholds, &mut packed[r.start / 2..], &mut scale))
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "simd128")))]
    {
        let _ = (input, block, thresholds, packed, &mut scale);
        0
    }
}

/// max |x| over a prefix of `input` (a multiple of 8 elements), NaN ignored; returns the
/// maximum (0 for an empty prefix), whether the prefix holds a NaN, and its length.
#[inline]
pub(crate) fn absmax_prefix(input: &[f32]) -> (f32, bool, usize) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::absmax_avx2(input) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::absmax(input) }
    }
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        super::simd_wasm::absmax(input)
    }
    #[cfg(not(any(target_arch = "x86_64", all(target_arch = "wasm32", feature = "simd128"))))]
    {
        let _ = input;
        (0.0, false, 0)
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::x86;
    use crate::codebook::{FP4_BNB_MAGNITUDE_CODES, FP4_BNB_THRESHOLDS, NF4_THRESHOLDS};
    use crate::quant::facts::E2M1;
    use crate::quant::pack::{pack_nibbles, NibbleOrder};

    /// Values around every threshold, specials, and a pseudo-random spread.
    fn samples() -> Vec<f32> {
        let mut v: Vec<f32> = Vec::new();
        let mut s = 12345u64;
        for _ in 0..4000 {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            v.push(((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 3.0);
        }
        let thresholds = NF4_THRESHOLDS.iter().chain(&FP4_BNB_THRESHOLDS).chain(&E2M1.thresholds).copied();
        for t in thresholds.chain([6.0, 7.0]) {
            for x in [t, -t] {
                v.extend([x, f32::from_bits(x.to_bits() + 1), f32::from_bits(x.to_bits() - 1)]);
            }
        }
        v.extend([0.0, -0.0, f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e-40, -1e-40]);
        v.truncate(v.len() / 16 * 16);
        v
    }

    /// The scalar rules, written out from their definitions.
    fn count(thresholds: &[f32], a: f32) -> u8 {
        thresholds.iter().filter(|&&t| a > t).count() as u8
    }
    fn nf4(s: f32) -> u8 {
        count(&NF4_THRESHOLDS, s)
    }
    fn fp4(s: f32) -> u8 {
        FP4_BNB_MAGNITUDE_CODES[count(&FP4_BNB_THRESHOLDS, s.abs()) as usize] | ((s < 0.0) as u8) << 3
    }
    fn e2m1(s: f32) -> u8 {
        count(&E2M1.thresholds, s.abs()) | ((s.to_bits() >> 28) & 8) as u8
    }

    type Kernel = fn(&[f32], f32, &mut [u8]) -> usize;

    fn check(name: &str, simd: &[(&str, Kernel)], scalar: fn(f32) -> u8, order: NibbleOrder) {
        let input = samples();
        for inv in [1.0f32, 0.5, 3.0] {
            let codes: Vec<u8> = input.iter().map(|&x| scalar(x * inv)).collect();
            let expected = pack_nibbles(&codes, order, 0);
            for (variant, f) in simd {
                let mut out = vec![0u8; input.len() / 2];
                assert_eq!(f(&input, inv, &mut out), input.len());
                assert_eq!(out, expected, "{name} {variant} inv {inv}");
            }
        }
    }

    // SAFETY (all wrappers): SSE2 is baseline; the AVX2 variants only run when detected.
    fn nf4_sse2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::sorted(i, v, &NF4_THRESHOLDS, o) }
    }
    fn nf4_avx2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::sorted_avx2(i, v, &NF4_THRESHOLDS, o) }
    }
    fn fp4_sse2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::fp4(i, v, &FP4_BNB_THRESHOLDS, o) }
    }
    fn fp4_avx2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::fp4_avx2(i, v, &FP4_BNB_THRESHOLDS, o) }
    }
    fn e2m1_sse2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::nibble_float(i, v, &E2M1.thresholds, o) }
    }
    fn e2m1_avx2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::nibble_float_avx2(i, v, &E2M1.thresholds, o) }
    }

    #[test]
    fn sse2_and_avx2_agree_with_the_scalar_codes() {
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        let variants = |sse2: Kernel, wide: Kernel| -> Vec<(&'static str, Kernel)> {
            let mut v = vec![("sse2", sse2)];
            if avx2 {
                v.push(("avx2", wide));
            }
            v
        };
        check("nf4", &variants(nf4_sse2, nf4_avx2), nf4, NibbleOrder::HighFirst);
        check("fp4", &variants(fp4_sse2, fp4_avx2), fp4, NibbleOrder::HighFirst);
        check("e2m1", &variants(e2m1_sse2, e2m1_avx2), e2m1, NibbleOrder::LowFirst);
    }

    #[test]
    fn the_fp4_remap_is_bnb_magnitude_table() {
        for (i, &code) in FP4_BNB_MAGNITUDE_CODES.iter().enumerate() {
            assert_eq!(i as u8 ^ ((i as u8 & 2) << 1), code);
        }
    }

    #[test]
    fn absmax_ignores_nan_and_sees_inf() {
        let mut v: Vec<f32> = (0..64).map(|i| (i as f32 - 30.0) / 7.0).collect();
        v[3] = f32::NAN;
        v[9] = -f32::NAN;
        // SAFETY: as above.
        let (m, nan, done) = unsafe { x86::absmax(&v) };
        assert_eq!((m, nan, done), (33.0 / 7.0, true, 64));
        if std::arch::is_x86_feature_detected!("avx2") {
            assert_eq!(unsafe { x86::absmax_avx2(&v) }, (33.0 / 7.0, true, 64));
        }
        let clean: Vec<f32> = (0..64).map(|i| i as f32).collect();
        assert!(!unsafe { x86::absmax(&clean) }.1);
        if std::arch::is_x86_feature_detected!("avx2") {
            assert!(!unsafe { x86::absmax_avx2(&clean) }.1);
        }
        v[10] = f32::NEG_INFINITY;
        assert_eq!(unsafe { x86::absmax(&v) }.0, f32::INFINITY);
    }
}
