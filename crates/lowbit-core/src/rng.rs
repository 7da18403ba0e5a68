//! SplitMix64 (Steele, Lea and Flood, 2014): the one seeded pseudo-random generator of Lowbit.
//!
//! Tiny, fast, passes BigCrush, and every seed (0 included) gives a full-period stream. Used
//! where a result must be reproducible from a seed: the MNIST split and training
//! (`lowbit-mnist`), noise signals, stochastic rounding.

/// A SplitMix64 generator; `SplitMix64::new(seed)` always yields the same stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform f32 in [0, 1) with 24 random bits (the top bits of [`SplitMix64::next_u64`]),
    /// exact: k · 2^-24 for k in 0..2^24.
    pub fn next_f32(&mut self) -> f32 {
        const BITS: u32 = f32::MANTISSA_DIGITS;
        (self.next_u64() >> (64 - BITS)) as f32 * (1.0 / (1u32 << BITS) as f32)
    }

    /// A uniform f64 in [0, 1) with 53 random bits (the top bits of
    /// [`SplitMix64::next_u64`]), exact: k · 2^-53 for k in 0..2^53.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// An index in `0..n` as `next_u64() % n` (0 when `n` is 0). The modulo bias is below
    /// n / 2^64, negligible for any slice length.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles `items` in place by Fisher–Yates: for i from len − 1 down to 1, swap items[i]
    /// with items[j], j = [`SplitMix64::below`](i + 1).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_values() {
        // The reference C implementation seeded with 1234567.
        let mut r = SplitMix64::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn unit_and_shuffle() {
        let mut r = SplitMix64::new(0);
        for _ in 0..1000 {
            let u = r.next_f32();
            assert!((0.0..1.0).contains(&u));
        }
        let mut v: Vec<u32> = (0..100).collect();
        SplitMix64::new(7).shuffle(&mut v);
        let mut sorted = v.clone();
        sorted.sort();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
        assert_ne!(v, sorted);
        assert_eq!(SplitMix64::new(3).below(0), 0);
    }
}
