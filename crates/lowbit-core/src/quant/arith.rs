//! Scalar f32 helpers shared by the kernels (no format knowledge).

/// Round half to even of an f32 (as `round_ties_even`, without a libm call on x86_64's
/// baseline): adding and subtracting 2^23 (with the sign of `v`) leaves the nearest-even
/// integer for |v| < 2^23; larger values are integers already. The sign of a zero result
/// follows `v`; NaN stays NaN.
#[inline(always)]
pub(crate) fn rint(v: f32) -> f32 {
    const TWO_23: f32 = 8_388_608.0;
    let m = TWO_23.copysign(v);
    let r = ((v + m) - m).copysign(v);
    // A select, not a branch, so that loops over it vectorize.
    if v.abs() < TWO_23 { r } else { v }
}

/// max |x| over the finite values of `block`, and whether it holds NaN or ±Inf.
#[inline(always)]
pub(crate) fn finite_absmax(block: &[f32]) -> (f32, bool) {
    let (mut m, mut special) = (0u32, false);
    for x in block {
        let a = x.to_bits() & 0x7FFF_FFFF;
        special |= a >= 0x7F80_0000;
        m = m.max(if a < 0x7F80_0000 { a } else { 0 });
    }
    (f32::from_bits(m), special)
}

/// max |x| of a block as f32 bits (NaN and Inf give ≥ 0x7F80_0000).
#[inline(always)]
pub(crate) fn abs_bits_max(block: &[f32]) -> u32 {
    block.iter().fold(0u32, |m, x| m.max(x.to_bits() & 0x7FFF_FFFF))
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rint_is_round_ties_even() {
        let mut xs = vec![0.5f32, 1.5, 2.5, -0.5, -2.5, 0.49999997, 4194303.5, 4194304.5, 8388607.5, 8388608.0, 1e30, -1e30, 0.0, -0.0, -0.3, f32::INFINITY];
        xs.extend((0..100_000).map(|i| (i as f32 - 50_000.0) * 0.0137));
        for x in xs {
            assert_eq!(rint(x).to_bits(), x.round_ties_even().to_bits(), "{x}");
        }
        assert!(rint(f32::NAN).is_nan());
    }

    #[test]
    fn absmax_helpers_see_specials() {
        assert_eq!(finite_absmax(&[1.0, -3.0, f32::NAN, f32::INFINITY]), (3.0, true));
        assert_eq!(finite_absmax(&[1.0, -0.0]), (1.0, false));
        assert!(abs_bits_max(&[1.0, f32::NAN]) >= 0x7F80_0000);
    }
}
