//! Facts the hot loops use, derived from the format descriptions — never typed by hand — and
//! tested against the exact kernel ([`crate::float::round_float`]).
//!
//! - [`NibbleFloat`]: a signed 4-bit float (OCP E2M1 and any other `eXmY` of 4 bits whose codes
//!   are all finite) encoded by counting thresholds. Round-to-nearest-even with saturation is
//!   `code = #{t : |x| > t}` plus the sign bit, where each threshold is the midpoint of two
//!   neighbouring magnitudes — or the f32 just below it when the upper neighbour has the even
//!   code (the exact kernel's choice at the midpoint), so that the tie goes up with a strict
//!   comparison too. For E2M1 that gives
//!   0.25, 0.75⁻, 1.25, 1.75⁻, 2.5, 3.5⁻, 5 (⁻: the next f32 down).
//! - [`NormalRounder`]: round an f32 in the normal range of a narrow float to nearest even by
//!   integer arithmetic on its bits (the E4M3 block-scale trick of NVFP4): add
//!   `2^(22 − m) − 1` plus the lowest kept bit, clear the `23 − m` dropped bits, rebias the
//!   exponent from 127 to the format's bias.
//! - NVFP4's tensor-scale divisor 448 · 6 is the largest scale (E4M3) times the largest element
//!   (E2M1): [`super::ScaleFormat::max`] × the element's max, computed from the formats.

use std::sync::LazyLock;

use crate::float::FloatFormat;
use crate::format::{Format, Kind};
use crate::float::round_float;
use crate::round::{Exact, OverflowPolicy, RoundingMode};

/// A signed 4-bit float whose 16 codes are all finite, encoded by threshold counting.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NibbleFloat {
    /// The format.
    pub format: FloatFormat,
    /// The value of each code (code 8 is −0), as f32.
    pub values: [f32; 16],
    /// Strict thresholds on |x|, ascending: the magnitude code is the number below |x|.
    pub thresholds: [f32; 7],
    /// The largest value.
    pub max: f32,
}

impl NibbleFloat {
    /// The description for a 4-bit signed float format with only finite codes, or None
    /// (another width, unsigned, Inf/NaN codes, or values that are not f32 midpoints).
    pub fn new(format: &FloatFormat) -> Option<NibbleFloat> {
        if format.bits() != 4 || !format.signed() || format.has_nan() || format.has_inf() || !format.has_zero() {
            return None;
        }
        let mut values = [0f32; 16];
        for (code, v) in values.iter_mut().enumerate() {
            let exact = format.value(code as u64);
            *v = exact as f32;
            if *v as f64 != exact {
                return None;
            }
        }
        let mut thresholds = [0f32; 7];
        for (k, t) in thresholds.iter_mut().enumerate() {
            let (low, high) = (format.value(k as u64), format.value(k as u64 + 1));
            let mid = (low + high) / 2.0;
            let m = mid as f32;
            if m as f64 != mid || low >= high || mid.is_nan() {
                return None;
            }
            // Where a tie goes is the exact kernel's answer at the midpoint (to the even code).
            let tie = round_float(format, &Exact::from_f64(mid), RoundingMode::NearestEven, OverflowPolicy::Saturate, 0);
            *t = if tie.code == k as u64 + 1 { f32::from_bits(m.to_bits() - 1) } else { m };
        }
        Some(NibbleFloat { format: *format, values, thresholds, max: values[7] })
    }

    /// The code of `x`: round to nearest even, saturating; the sign is the f32 sign bit
    /// (−0.1 → −0); NaN → ±0. Branch-free.
    #[inline(always)]
    pub fn code(&self, x: f32) -> u8 {
        let bits = x.to_bits();
        let a = f32::from_bits(bits & 0x7FFF_FFFF);
        let mut magnitude = 0u32;
        for t in self.thresholds {
            magnitude += (a > t) as u32;
        }
        (magnitude | ((bits >> 28) & 8)) as u8
    }
}

fn catalogue_float(id: &str) -> FloatFormat {
    match Format::parse(id).map(|f| *f.kind()) {
        Ok(Kind::Float(f)) => f,
        // The catalogue holds these ids; a missing one is a build error caught by the tests.
        _ => FloatFormat::FLOAT32,
    }
}

/// OCP FP4 E2M1 (`float4_e2m1fn`) as a [`NibbleFloat`], derived from the catalogue.
pub static E2M1: LazyLock<NibbleFloat> = LazyLock::new(|| {
    let f = catalogue_float("float4_e2m1fn");
    NibbleFloat::new(&f).unwrap_or(NibbleFloat { format: f, values: [0.0; 16], thresholds: [f32::INFINITY; 7], max: 0.0 })
});

/// Round-to-nearest-even of an f32 in the normal range of a narrow float format, by integer
/// arithmetic on the f32 bits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NormalRounder {
    /// The format.
    pub format: FloatFormat,
    /// f32 mantissa bits dropped: 23 − m.
    dropped: u32,
    /// The format's smallest normal value.
    pub min_normal: f32,
    /// The format's largest finite value.
    pub max: f32,
}

impl NormalRounder {
    /// The rounder of a float format with fewer mantissa bits than f32 and whose normal range
    /// lies in f32's normal range; None otherwise.
    pub fn new(format: &FloatFormat) -> Option<NormalRounder> {
        let (min_normal, max) = (format.min_normal()?, format.max_finite());
        let fits = format.mantissa_bits() < 23 && min_normal >= f32::MIN_POSITIVE as f64 && max <= f32::MAX as f64;
        fits.then_some(NormalRounder {
            format: *format,
            dropped: 23 - format.mantissa_bits(),
            min_normal: min_normal as f32,
            max: max as f32,
        })
    }

    /// (code, value) of `x` rounded to nearest even, for `x` in `[min_normal, max]`
    /// (positive; callers clamp first).
    #[inline]
    pub fn round(&self, x: f32) -> (u64, f32) {
        let bits = x.to_bits();
        let d = self.dropped;
        let rounded = (bits + ((1u32 << (d - 1)) - 1) + ((bits >> d) & 1)) & !((1u32 << d) - 1);
        let value = f32::from_bits(rounded);
        let exponent = ((rounded >> 23) as i64 - 127 + self.format.bias() as i64) as u64;
        let code = (exponent << self.format.mantissa_bits()) | ((rounded & 0x7F_FFFF) >> d) as u64;
        (code, value)
    }
}

/// float8_e4m3fn (NVFP4's block-scale format) as a [`NormalRounder`], from the catalogue.
pub static E4M3: LazyLock<NormalRounder> = LazyLock::new(|| {
    let f = catalogue_float("float8_e4m3fn");
    NormalRounder::new(&f).unwrap_or(NormalRounder { format: f, dropped: 20, min_normal: 0.015_625, max: 448.0 })
});

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(f: &FloatFormat, x: f32) -> (u64, f64) {
        let r = round_float(f, &Exact::from_f64(x as f64), RoundingMode::NearestEven, OverflowPolicy::Saturate, 0);
        (r.code, f.value(r.code))
    }

    /// Every threshold, its f32 neighbours, specials and a sweep.
    fn probes(thresholds: &[f32]) -> Vec<f32> {
        let mut v = vec![0.0, -0.0, f32::INFINITY, f32::NEG_INFINITY, f32::MIN_POSITIVE, 1e-40, 7.0, 1e30];
        for &t in thresholds {
            for x in [t, f32::from_bits(t.to_bits() + 1), f32::from_bits(t.to_bits() - 1)] {
                v.extend([x, -x]);
            }
        }
        v.extend((0..20_000).map(|i| (i as f32 - 10_000.0) / 1000.0));
        v
    }

    #[test]
    fn e2m1_thresholds_are_the_ocp_midpoints() {
        let e = &*E2M1;
        let below = |x: f32| f32::from_bits(x.to_bits() - 1);
        assert_eq!(e.thresholds, [0.25, below(0.75), 1.25, below(1.75), 2.5, below(3.5), 5.0]);
        assert_eq!(e.values[..8], [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0]);
        assert_eq!(e.max, 6.0);
    }

    #[test]
    fn every_4_bit_float_counts_like_the_exact_kernel() {
        let mut checked = 0;
        for (e, m) in [(2, 1), (1, 2), (3, 0)] {
            for bias in -2..5 {
                let spec = crate::float::FloatSpec { bias, specials: crate::float::Specials::Finite, ..crate::float::FloatSpec::ieee(e, m) };
                let Ok(f) = FloatFormat::new(spec) else { continue };
                let Some(nf) = NibbleFloat::new(&f) else { continue };
                for x in probes(&nf.thresholds) {
                    let (code, value) = exact(&f, x);
                    assert_eq!(nf.code(x) as u64, code, "e{e}m{m}b{bias} {x:e}");
                    assert_eq!(nf.values[code as usize] as f64, value);
                }
                checked += 1;
            }
        }
        assert!(checked >= 15, "{checked}");
        // NaN: code of ±0 by its sign bit.
        assert_eq!(E2M1.code(f32::NAN), 0);
        assert_eq!(E2M1.code(-f32::NAN), 8);
    }

    #[test]
    fn normal_rounder_is_the_exact_kernel_on_every_normal_f32_grid_point() {
        for id in ["float8_e4m3fn", "float8_e5m2", "float8_e4m3fnuz", "bfloat16", "float16", "float6_e2m3fn"] {
            let f = catalogue_float(id);
            let r = NormalRounder::new(&f).unwrap();
            let (lo, hi) = (r.min_normal.to_bits(), r.max.to_bits());
            // Every f32 between min normal and max for 8-bit formats is too many for 16-bit
            // ones: stride, plus both neighbours of every decision point below 2^16 codes.
            let step = ((hi - lo) / 3_000_000).max(1);
            let mut bits = lo;
            while bits <= hi {
                let x = f32::from_bits(bits);
                let (code, value) = r.round(x);
                assert_eq!((code, value as f64), exact(&f, x), "{id} {x:e}");
                bits += step;
            }
            assert_eq!(r.round(r.max).1, r.max);
        }
        assert_eq!((E4M3.min_normal, E4M3.max), (0.015_625, 448.0));
    }
}
