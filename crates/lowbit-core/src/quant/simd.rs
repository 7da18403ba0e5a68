//! SIMD hot loops for the 4-bit quantizers on x86_64: AVX2 when the CPU has it (detected at run
//! time), else SSE2 (part of the x86_64 baseline). The only `unsafe` is the call into a
//! `#[target_feature]` function after that check. Each function handles a multiple of 16 elements and
//! returns how many it did; the callers finish with the portable per-element code, and the
//! tests check both against the straightforward path. Other targets (wasm32) use the portable
//! loops only.
//!
//! The codes are the same counts of threshold comparisons as the scalar [`super::bnb::nf4_code`],
//! [`super::bnb::fp4_code`] and [`super::mx::e2m1_code`]: a compare gives an all-ones lane, and
//! subtracting it adds one, in 32-bit lanes; 16 codes are then narrowed to bytes and paired into
//! nibbles in one go.

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    use crate::quant::bnb::{FP4_THRESHOLDS, NF4_THRESHOLDS};

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

    /// NF4 codes of `x · inv`, packed; returns the number of elements done.
    #[target_feature(enable = "sse2")]
    pub fn nf4(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
        let t: [__m128; 15] = NF4_THRESHOLDS.map(|t| _mm_set1_ps(t));
        let inv = _mm_set1_ps(inv);
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            let c = [0, 4, 8, 12].map(|i| count_gt(_mm_mul_ps(load4(&x[i..i + 4]), inv), &t));
            o.copy_from_slice(&pair_high_first(narrow(c)));
            done += 16;
        }
        done
    }

    /// bnb FP4 codes of `x · inv`, packed; returns the number of elements done.
    #[target_feature(enable = "sse2")]
    pub fn fp4(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
        let t: [__m128; 7] = FP4_THRESHOLDS.map(|t| _mm_set1_ps(t));
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

    /// E2M1 codes of `x · inv` (round to nearest even, saturating), packed low nibble first;
    /// returns the number of elements done.
    #[target_feature(enable = "sse2")]
    pub fn e2m1(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
        let gt = [0.25f32, 1.25, 2.5, 5.0].map(|t| _mm_set1_ps(t));
        let ge = [0.75f32, 1.75, 3.5].map(|t| _mm_set1_ps(t));
        let inv = _mm_set1_ps(inv);
        let eight = _mm_set1_epi32(8);
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            let c = [0, 4, 8, 12].map(|i| {
                let s = _mm_mul_ps(load4(&x[i..i + 4]), inv);
                let a = abs(s);
                let mut acc = count_gt(a, &gt);
                for &t in &ge {
                    acc = _mm_sub_epi32(acc, _mm_castps_si128(_mm_cmpge_ps(a, t)));
                }
                let sign = _mm_and_si128(_mm_srli_epi32(_mm_castps_si128(s), 28), eight);
                _mm_or_si128(acc, sign)
            });
            o.copy_from_slice(&pair_low_first(narrow(c)));
            done += 16;
        }
        done
    }

    /// max |x| over a multiple-of-8 prefix, NaN ignored (maxps returns its second operand
    /// when the first is NaN, and the accumulator never is). Returns (max, elements done).
    #[target_feature(enable = "sse2")]
    pub fn absmax(input: &[f32]) -> (f32, usize) {
        let (mut m0, mut m1) = (_mm_setzero_ps(), _mm_setzero_ps());
        let mut done = 0;
        for x in input.chunks_exact(8) {
            m0 = _mm_max_ps(abs(load4(&x[..4])), m0);
            m1 = _mm_max_ps(abs(load4(&x[4..8])), m1);
            done += 8;
        }
        let m = _mm_max_ps(m0, m1);
        let m = _mm_max_ps(m, _mm_movehl_ps(m, m));
        let m = _mm_max_ss(m, _mm_shuffle_ps::<1>(m, m));
        (_mm_cvtss_f32(m), done)
    }

    // AVX2: the same loops, 8 lanes per vector (selected at run time).

    #[target_feature(enable = "avx2")]
    pub fn absmax_avx2(input: &[f32]) -> (f32, usize) {
        let mut m = _mm256_setzero_ps();
        let mut done = 0;
        for x in input.chunks_exact(8) {
            m = _mm256_max_ps(abs8(load8(x)), m);
            done += 8;
        }
        let h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps::<1>(m));
        let h = _mm_max_ps(h, _mm_movehl_ps(h, h));
        let h = _mm_max_ss(h, _mm_shuffle_ps::<1>(h, h));
        (_mm_cvtss_f32(h), done)
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
    pub fn nf4_avx2(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
        let t: [__m256; 15] = NF4_THRESHOLDS.map(|t| _mm256_set1_ps(t));
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
    pub fn fp4_avx2(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
        let t: [__m256; 7] = FP4_THRESHOLDS.map(|t| _mm256_set1_ps(t));
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
    pub fn e2m1_avx2(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
        let gt = [0.25f32, 1.25, 2.5, 5.0].map(|t| _mm256_set1_ps(t));
        let ge = [0.75f32, 1.75, 3.5].map(|t| _mm256_set1_ps(t));
        let inv = _mm256_set1_ps(inv);
        let eight = _mm256_set1_epi32(8);
        let code = |x: &[f32]| {
            let s = _mm256_mul_ps(load8(x), inv);
            let a = abs8(s);
            let mut acc = count_gt8(a, &gt);
            for &t in &ge {
                acc = _mm256_sub_epi32(acc, _mm256_castps_si256(_mm256_cmp_ps::<_CMP_GE_OQ>(a, t)));
            }
            let sign = _mm256_and_si256(_mm256_srli_epi32::<28>(_mm256_castps_si256(s)), eight);
            _mm256_or_si256(acc, sign)
        };
        let mut done = 0;
        for (x, o) in input.chunks_exact(16).zip(out.chunks_exact_mut(8)) {
            o.copy_from_slice(&pair_low_first(narrow(halves(code(&x[..8]), code(&x[8..16])))));
            done += 16;
        }
        done
    }
}

/// NF4 codes of `input · inv` packed high nibble first into `out`, for a prefix of `input`
/// (a multiple of 16 elements); returns its length.
#[inline]
pub(crate) fn nf4_prefix(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::nf4_avx2(input, inv, out) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::nf4(input, inv, out) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (input, inv, out);
        0
    }
}

/// bnb FP4 codes, as [`nf4_prefix`].
#[inline]
pub(crate) fn fp4_prefix(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::fp4_avx2(input, inv, out) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::fp4(input, inv, out) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (input, inv, out);
        0
    }
}

/// E2M1 codes packed LOW nibble first, as [`nf4_prefix`].
#[inline]
pub(crate) fn e2m1_prefix(input: &[f32], inv: f32, out: &mut [u8]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::e2m1_avx2(input, inv, out) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::e2m1(input, inv, out) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (input, inv, out);
        0
    }
}

/// max |x| over a prefix of `input` (a multiple of 8 elements), NaN ignored; returns the
/// maximum (0 for an empty prefix) and the prefix length.
#[inline]
pub(crate) fn absmax_prefix(input: &[f32]) -> (f32, usize) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2 (checked just above).
            return unsafe { x86::absmax_avx2(input) };
        }
        // SAFETY: SSE2 is part of the x86_64 baseline; every x86_64 CPU has it.
        unsafe { x86::absmax(input) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = input;
        (0.0, 0)
    }
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::x86;
    use crate::quant::bnb::{fp4_code, nf4_code};
    use crate::quant::mx::e2m1_code;
    use crate::quant::pack::{pack_nibbles, NibbleOrder};

    /// Values around every threshold, specials, and a pseudo-random spread.
    fn samples() -> Vec<f32> {
        let mut v: Vec<f32> = Vec::new();
        let mut s = 12345u64;
        for _ in 0..4000 {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            v.push(((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 3.0);
        }
        let thresholds = crate::quant::bnb::NF4_THRESHOLDS.iter().chain(&crate::quant::bnb::FP4_THRESHOLDS).copied();
        for t in thresholds.chain([0.25, 0.75, 1.25, 1.75, 2.5, 3.5, 5.0, 6.0, 7.0]) {
            for x in [t, -t] {
                v.extend([x, f32::from_bits(x.to_bits() + 1), f32::from_bits(x.to_bits() - 1)]);
            }
        }
        v.extend([0.0, -0.0, f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e-40, -1e-40]);
        v.truncate(v.len() / 16 * 16);
        v
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
        unsafe { x86::nf4(i, v, o) }
    }
    fn nf4_avx2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::nf4_avx2(i, v, o) }
    }
    fn fp4_sse2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::fp4(i, v, o) }
    }
    fn fp4_avx2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::fp4_avx2(i, v, o) }
    }
    fn e2m1_sse2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::e2m1(i, v, o) }
    }
    fn e2m1_avx2(i: &[f32], v: f32, o: &mut [u8]) -> usize {
        unsafe { x86::e2m1_avx2(i, v, o) }
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
        check("nf4", &variants(nf4_sse2, nf4_avx2), nf4_code, NibbleOrder::HighFirst);
        check("fp4", &variants(fp4_sse2, fp4_avx2), fp4_code, NibbleOrder::HighFirst);
        check("e2m1", &variants(e2m1_sse2, e2m1_avx2), e2m1_code, NibbleOrder::LowFirst);
    }

    #[test]
    fn absmax_ignores_nan_and_sees_inf() {
        let mut v: Vec<f32> = (0..64).map(|i| (i as f32 - 30.0) / 7.0).collect();
        v[3] = f32::NAN;
        v[9] = -f32::NAN;
        // SAFETY: as above.
        let (m, done) = unsafe { x86::absmax(&v) };
        assert_eq!((m, done), (33.0 / 7.0, 64));
        if std::arch::is_x86_feature_detected!("avx2") {
            assert_eq!(unsafe { x86::absmax_avx2(&v) }, (33.0 / 7.0, 64));
        }
        v[10] = f32::NEG_INFINITY;
        assert_eq!(unsafe { x86::absmax(&v) }.0, f32::INFINITY);
    }
}
