//! IEEE binary16 ⇄ binary32 conversions as ggml performs them (`GGML_FP32_TO_FP16`,
//! `GGML_FP16_TO_FP32` of ggml-base): f32 → f16 rounds to nearest, ties to even, overflows to
//! ±Inf, and turns every NaN into the quiet NaN 0x7E00 with the input's sign; f16 → f32 is exact
//! (a NaN keeps its payload and gets the quiet bit, as the x86 multiply in ggml's conversion
//! does). Bit manipulation only: the constants come from [`F16`] and f32's own layout, and the
//! tests check both directions against the exact rounding kernel.

use crate::float::FloatFormat;

/// IEEE binary16 as a format description (the scale format of every GGUF block but MXFP4).
pub const F16: FloatFormat = FloatFormat::FLOAT16;

const F32_MANTISSA: u32 = f32::MANTISSA_DIGITS - 1;
const F32_BIAS: u32 = (f32::MAX_EXP - 1) as u32;
const F16_MANTISSA: u32 = F16.mantissa_bits();
const F16_BIAS: u32 = F16.bias() as u32;
const F16_EXP_MAX: u32 = (1 << F16.exponent_bits()) - 1;
/// Mantissa bits dropped from an f32 to an f16.
const SHIFT: u32 = F32_MANTISSA - F16_MANTISSA;
const ABS: u32 = !(1 << 31);
const F32_INF: u32 = 0xFF << F32_MANTISSA;
const F16_INF: u16 = (F16_EXP_MAX << F16_MANTISSA) as u16;
const F16_QNAN: u16 = F16_INF | (1 << (F16_MANTISSA - 1));
/// |x| at or above this bit pattern rounds to Inf: the midpoint between the largest finite f16
/// (exponent field max − 1, all mantissa ones) and 2^(emax + 1), which ties to the even Inf.
const OVERFLOW_AT: u32 = ((F16_EXP_MAX - 1 + F32_BIAS - F16_BIAS) << F32_MANTISSA) | (((1 << F16_MANTISSA) - 1) << SHIFT) | (1 << (SHIFT - 1));
/// |x| below 2^(1 − bias) (the smallest normal f16) is encoded as a subnormal.
const MIN_NORMAL: u32 = (1 + F32_BIAS - F16_BIAS) << F32_MANTISSA;
/// 2^(bias − 1 + mantissa): scales the subnormal range onto integers.
const SUBNORMAL_SCALE: f32 = f32::from_bits((F16_BIAS - 1 + F16_MANTISSA + F32_BIAS) << F32_MANTISSA);
/// 2^23: adding it rounds a value below 2^23 to an integer (nearest, ties to even).
const ROUND_TO_INTEGER: f32 = f32::from_bits((F32_MANTISSA + F32_BIAS) << F32_MANTISSA);

/// The f16 bit pattern of an f32, as ggml rounds it.
#[inline]
pub fn f32_to_f16(x: f32) -> u16 {
    let bits = x.to_bits();
    let sign = ((bits >> 16) & 0x8000) as u16;
    let a = bits & ABS;
    if a > F32_INF {
        return sign | F16_QNAN;
    }
    if a >= OVERFLOW_AT {
        return sign | F16_INF;
    }
    if a < MIN_NORMAL {
        // |x| · 2^24 is exact and below 2^10: round it to an integer, ties to even.
        let scaled = f32::from_bits(a) * SUBNORMAL_SCALE;
        let rounded = (scaled + ROUND_TO_INTEGER) - ROUND_TO_INTEGER;
        return sign | rounded as u16;
    }
    // Round the mantissa to nearest even; a carry moves into the exponent as it should.
    let odd = (a >> SHIFT) & 1;
    let rounded = a + ((1 << (SHIFT - 1)) - 1) + odd;
    sign | ((rounded >> SHIFT) - ((F32_BIAS - F16_BIAS) << F16_MANTISSA)) as u16
}

/// The f32 value of an f16 bit pattern (exact).
#[inline]
pub fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h & 0x8000) as u32) << 16;
    let exponent = ((h >> F16_MANTISSA) as u32) & F16_EXP_MAX;
    let mantissa = (h as u32) & ((1 << F16_MANTISSA) - 1);
    let bits = if exponent == F16_EXP_MAX {
        let quiet = if mantissa != 0 { 1 << (F32_MANTISSA - 1) } else { 0 };
        F32_INF | (mantissa << SHIFT) | quiet
    } else if exponent == 0 {
        // mantissa · 2^(1 − bias − 10): exact in f32.
        return f32::from_bits(sign | (mantissa as f32 / SUBNORMAL_SCALE).to_bits());
    } else {
        ((exponent + F32_BIAS - F16_BIAS) << F32_MANTISSA) | (mantissa << SHIFT)
    };
    f32::from_bits(sign | bits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::float::round_float;
    use crate::round::{Exact, OverflowPolicy, RoundingMode};

    fn exact(x: f32) -> u16 {
        round_float(&F16, &Exact::from_f64(x as f64), RoundingMode::NearestEven, OverflowPolicy::Inf, 0).code as u16
    }

    #[test]
    fn every_f16_decodes_exactly() {
        for h in 0..=u16::MAX {
            let v = f16_to_f32(h);
            if F16.is_nan(h as u64) {
                assert!(v.is_nan());
                assert_eq!(v.to_bits() >> 31, (h >> 15) as u32);
            } else {
                assert_eq!(v as f64, F16.value(h as u64), "{h:#06x}");
                assert_eq!(f32_to_f16(v), h, "round trip {h:#06x}");
            }
        }
    }

    #[test]
    fn encoding_matches_the_exact_kernel() {
        // Every f32 whose top 20 bits vary, with low bits 0, 1, the midpoint and all ones.
        for top in 0..(1u32 << 20) {
            for low in [0u32, 1, 0x7FF, 0x800, 0x801, 0xFFF] {
                let x = f32::from_bits(top << 12 | low);
                if x.is_nan() {
                    assert_eq!(f32_to_f16(x) & 0x7FFF, F16_QNAN);
                } else {
                    assert_eq!(f32_to_f16(x), exact(x), "{:#010x}", x.to_bits());
                }
            }
        }
    }
}
