//! A minimal unsigned big integer: just what exact decimal input and output need
//! (multiply or divide by a small number, shift, bit length, decimal digits). Hand-written
//! instead of a dependency to keep the WebAssembly build small.

/// An unsigned integer as little-endian 32-bit limbs, without leading zero limbs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BigUint {
    limbs: Vec<u32>,
}

const BILLION: u32 = 1_000_000_000;

impl BigUint {
    /// The number `v`.
    pub fn from_u64(v: u64) -> BigUint {
        let mut n = BigUint { limbs: vec![v as u32, (v >> 32) as u32] };
        n.trim();
        n
    }

    /// Parses ASCII decimal digits (the caller checked they are digits).
    pub fn from_decimal(digits: &[u8]) -> BigUint {
        let mut n = BigUint::default();
        for chunk in digits.chunks(9) {
            let value = chunk.iter().fold(0u32, |v, d| v * 10 + (d - b'0') as u32);
            n.mul_add_small(10u32.pow(chunk.len() as u32), value);
        }
        n
    }

    fn trim(&mut self) {
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
    }

    /// Whether the number is zero.
    pub fn is_zero(&self) -> bool {
        self.limbs.is_empty()
    }

    /// self = self × factor + addend.
    pub fn mul_add_small(&mut self, factor: u32, addend: u32) {
        let mut carry = addend as u64;
        for limb in &mut self.limbs {
            let v = *limb as u64 * factor as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
        self.trim();
    }

    /// self = self × 10^k.
    pub fn mul_pow10(&mut self, k: u32) {
        for _ in 0..k / 9 {
            self.mul_add_small(BILLION, 0);
        }
        self.mul_add_small(10u32.pow(k % 9), 0);
    }

    /// self = self × 5^k.
    pub fn mul_pow5(&mut self, k: u32) {
        const FIVE_13: u32 = 1_220_703_125; // 5^13 < 2^32
        for _ in 0..k / 13 {
            self.mul_add_small(FIVE_13, 0);
        }
        self.mul_add_small(5u32.pow(k % 13), 0);
    }

    /// self = floor(self / divisor); returns the remainder.
    pub fn div_small(&mut self, divisor: u32) -> u32 {
        let mut remainder = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let v = (remainder << 32) | *limb as u64;
            *limb = (v / divisor as u64) as u32;
            remainder = v % divisor as u64;
        }
        self.trim();
        remainder as u32
    }

    /// self = floor(self / 10^k); returns whether any remainder was dropped.
    pub fn div_pow10(&mut self, k: u32) -> bool {
        let mut inexact = false;
        for _ in 0..k / 9 {
            inexact |= self.div_small(BILLION) != 0;
        }
        inexact |= self.div_small(10u32.pow(k % 9)) != 0;
        inexact
    }

    /// self = self × 2^shift.
    pub fn shl(&mut self, shift: u64) {
        if self.is_zero() {
            return;
        }
        let (words, bits) = ((shift / 32) as usize, (shift % 32) as u32);
        if bits > 0 {
            let mut carry = 0u32;
            for limb in &mut self.limbs {
                let v = *limb;
                *limb = (v << bits) | carry;
                carry = v >> (32 - bits);
            }
            if carry > 0 {
                self.limbs.push(carry);
            }
        }
        self.limbs.splice(0..0, std::iter::repeat_n(0, words));
    }

    /// The number of significant bits (0 for zero).
    pub fn bits(&self) -> u64 {
        match self.limbs.last() {
            None => 0,
            Some(top) => self.limbs.len() as u64 * 32 - top.leading_zeros() as u64,
        }
    }

    /// Bits [from, from + 64) as a u64, and whether any bit below `from` is set.
    pub fn window(&self, from: u64) -> (u64, bool) {
        let bit = |i: u64| -> u64 {
            self.limbs.get((i / 32) as usize).map_or(0, |l| (*l >> (i % 32)) as u64 & 1)
        };
        let value = (0..64).fold(0u64, |v, i| v | bit(from + i) << i);
        let whole = (from / 32) as usize;
        let below = self.limbs.iter().take(whole).any(|l| *l != 0)
            || self.limbs.get(whole).is_some_and(|l| !from.is_multiple_of(32) && l & ((1u32 << (from % 32)) - 1) != 0);
        (value, below)
    }

    /// Compares two numbers.
    pub fn compare(&self, other: &BigUint) -> std::cmp::Ordering {
        self.limbs.len().cmp(&other.limbs.len()).then_with(|| self.limbs.iter().rev().cmp(other.limbs.iter().rev()))
    }

    /// self = self + other.
    pub fn add(&mut self, other: &BigUint) {
        if self.limbs.len() < other.limbs.len() {
            self.limbs.resize(other.limbs.len(), 0);
        }
        let mut carry = 0u64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let v = *limb as u64 + other.limbs.get(i).copied().unwrap_or(0) as u64 + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// self = |self − other| (the absolute difference, so it never underflows).
    pub fn abs_diff(&mut self, other: &BigUint) {
        let (big, small) = match self.compare(other) {
            std::cmp::Ordering::Less => (other.clone(), std::mem::take(self)),
            _ => (std::mem::take(self), other.clone()),
        };
        let mut limbs = big.limbs;
        let mut borrow = 0i64;
        for (i, limb) in limbs.iter_mut().enumerate() {
            let v = *limb as i64 - small.limbs.get(i).copied().unwrap_or(0) as i64 - borrow;
            borrow = i64::from(v < 0);
            *limb = (v + (borrow << 32)) as u32;
        }
        self.limbs = limbs;
        self.trim();
    }

    /// Decimal digits ("0" for zero).
    pub fn to_decimal(&self) -> String {
        if self.is_zero() {
            return "0".into();
        }
        let mut n = self.clone();
        let mut chunks = Vec::new();
        while !n.is_zero() {
            chunks.push(n.div_small(BILLION));
        }
        let mut text = chunks.pop().map(|c| c.to_string()).unwrap_or_default();
        for c in chunks.iter().rev() {
            text.push_str(&format!("{c:09}"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_round_trips() {
        let mut n = BigUint::from_decimal(b"123456789012345678901234567890");
        assert_eq!(n.to_decimal(), "123456789012345678901234567890");
        n.mul_pow10(20);
        assert_eq!(n.to_decimal(), "12345678901234567890123456789000000000000000000000");
        assert!(!n.div_pow10(20));
        assert_eq!(n.to_decimal(), "123456789012345678901234567890");
        assert!(n.div_pow10(2));
        assert_eq!(n.to_decimal(), "1234567890123456789012345678");
        let mut p = BigUint::from_u64(1);
        p.mul_pow5(30);
        assert_eq!(p.to_decimal(), "931322574615478515625");
        let mut s = BigUint::from_u64(3);
        s.shl(100);
        assert_eq!(s.bits(), 102);
        assert_eq!(s.window(100), (3, false));
        assert_eq!(s.window(38), (3 << 62, false));
        let mut t = BigUint::from_u64(0b1011);
        t.shl(3);
        assert_eq!(t.window(4), (0b101, true));
        assert_eq!(t.window(3), (0b1011, false));
        assert_eq!(BigUint::from_u64(0b1011).window(1), (0b101, true));
        assert_eq!(BigUint::default().to_decimal(), "0");
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_u128(a: u64, factor: u32, addend: u32, shift in 0u64..30, k in 0u32..10) {
            let mut n = BigUint::from_u64(a);
            n.mul_add_small(factor, addend);
            let wide = a as u128 * factor as u128 + addend as u128;
            proptest::prop_assert_eq!(n.to_decimal(), wide.to_string());
            n.shl(shift);
            let shifted = wide << shift;
            proptest::prop_assert_eq!(n.to_decimal(), shifted.to_string());
            let dropped = n.div_pow10(k);
            let p = 10u128.pow(k);
            proptest::prop_assert_eq!(n.to_decimal(), (shifted / p).to_string());
            proptest::prop_assert_eq!(dropped, !shifted.is_multiple_of(p));
        }

        #[test]
        fn add_and_difference_agree_with_u128(a: u64, b: u64, shift in 0u64..60) {
            let (mut x, mut y) = (BigUint::from_u64(a), BigUint::from_u64(b));
            x.shl(shift);
            let wide = (a as u128) << shift;
            proptest::prop_assert_eq!(x.compare(&y), wide.cmp(&(b as u128)));
            let mut sum = x.clone();
            sum.add(&y);
            proptest::prop_assert_eq!(sum.to_decimal(), (wide + b as u128).to_string());
            y.abs_diff(&x);
            proptest::prop_assert_eq!(y.to_decimal(), wide.abs_diff(b as u128).to_string());
        }
    }
}
