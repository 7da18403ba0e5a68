//! The element codes of a quantized tensor, stored compactly: two per byte for 4-bit elements
//! (in the scheme's nibble order), one per byte up to 8 bits, one `u64` beyond. Signed codes
//! (integers, BitNet's −1/0/+1) are stored in two's complement and read back sign-extended.
//!
//! Reading a code ([`Codes::get`]) costs nothing extra; the `[i64]` view (`codes[i]`,
//! `codes.iter()`, `&codes` as a slice) is built on first use and kept, so the hot path never
//! pays for it and display code can treat the codes as a slice.

use std::ops::Deref;
use std::sync::OnceLock;

use super::pack::NibbleOrder;

/// Where the codes live.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Store {
    /// Two 4-bit codes per byte.
    Nibbles(Vec<u8>, NibbleOrder),
    /// One code per byte.
    Bytes(Vec<u8>),
    /// One code per `u64` (wider formats: the bit pattern).
    Wide(Vec<u64>),
}

/// The codes of a quantized tensor: `len` codes of `bits` bits, read as `i64`
/// ([`Codes::get`], [`Codes::to_vec`], or as a `[i64]` slice through `Deref`).
#[derive(Clone, Debug)]
pub struct Codes {
    store: Store,
    len: usize,
    bits: u32,
    signed: bool,
    /// The `[i64]` view, built on first use.
    view: OnceLock<Vec<i64>>,
}

impl PartialEq for Codes {
    fn eq(&self, other: &Codes) -> bool {
        self.len == other.len && (0..self.len).all(|i| self.get(i) == other.get(i))
    }
}

impl Eq for Codes {}

impl Deref for Codes {
    type Target = [i64];

    fn deref(&self) -> &[i64] {
        self.view.get_or_init(|| (0..self.len).map(|i| self.get(i).unwrap_or(0)).collect())
    }
}

impl Default for Codes {
    fn default() -> Self {
        Codes::bytes(Vec::new(), 8, false)
    }
}

impl Codes {
    /// 4-bit codes packed two per byte (`packed.len() == len.div_ceil(2)`).
    pub fn nibbles(packed: Vec<u8>, len: usize, order: NibbleOrder, signed: bool) -> Codes {
        Codes { store: Store::Nibbles(packed, order), len, bits: 4, signed, view: OnceLock::new() }
    }

    /// One code of `bits` ≤ 8 bits per byte (signed codes in two's complement).
    pub fn bytes(bytes: Vec<u8>, bits: u32, signed: bool) -> Codes {
        let len = bytes.len();
        Codes { store: Store::Bytes(bytes), len, bits: bits.clamp(1, 8), signed, view: OnceLock::new() }
    }

    /// One code per `u64`.
    pub fn wide(codes: Vec<u64>, bits: u32, signed: bool) -> Codes {
        let len = codes.len();
        Codes { store: Store::Wide(codes), len, bits: bits.clamp(1, 64), signed, view: OnceLock::new() }
    }

    /// The number of codes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no codes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The raw (unsigned) code `i`.
    #[inline]
    pub fn raw(&self, i: usize) -> Option<u64> {
        if i >= self.len {
            return None;
        }
        match &self.store {
            Store::Nibbles(bytes, order) => {
                let byte = *bytes.get(i / 2)?;
                let high = (i & 1 == 0) == (*order == NibbleOrder::HighFirst);
                Some(if high { byte >> 4 } else { byte & 0x0F } as u64)
            }
            Store::Bytes(b) => b.get(i).map(|&c| c as u64),
            Store::Wide(w) => w.get(i).copied(),
        }
    }

    /// Code `i` as shown: sign-extended for signed codes.
    #[inline]
    pub fn get(&self, i: usize) -> Option<i64> {
        let raw = self.raw(i)?;
        Some(if self.signed && self.bits < 64 {
            let shift = 64 - self.bits;
            ((raw << shift) as i64) >> shift
        } else {
            raw as i64
        })
    }

    /// Every code, as shown, in a new vector.
    pub fn to_vec(&self) -> Vec<i64> {
        (0..self.len).map(|i| self.get(i).unwrap_or(0)).collect()
    }

    /// The packed bytes of 4-bit codes (empty for other widths).
    pub fn packed(&self) -> &[u8] {
        match &self.store {
            Store::Nibbles(bytes, _) => bytes,
            _ => &[],
        }
    }

    /// The bytes of 8-bit signed codes (two's complement), for the decoders' fast loops.
    pub(crate) fn signed_bytes(&self) -> Option<&[u8]> {
        match &self.store {
            Store::Bytes(b) if self.signed && self.bits == 8 => Some(b),
            _ => None,
        }
    }

    /// The nibble order of 4-bit codes.
    pub fn nibble_order(&self) -> Option<NibbleOrder> {
        match &self.store {
            Store::Nibbles(_, order) => Some(*order),
            _ => None,
        }
    }
}

impl<'a> IntoIterator for &'a Codes {
    type Item = &'a i64;
    type IntoIter = std::slice::Iter<'a, i64>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq<Vec<i64>> for Codes {
    fn eq(&self, other: &Vec<i64>) -> bool {
        self.len == other.len() && other.iter().enumerate().all(|(i, &b)| self.get(i) == Some(b))
    }
}

impl PartialEq<[i64]> for Codes {
    fn eq(&self, other: &[i64]) -> bool {
        self.len == other.len() && other.iter().enumerate().all(|(i, &b)| self.get(i) == Some(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_every_store() {
        let c = Codes::nibbles(vec![0x1e, 0x94], 4, NibbleOrder::LowFirst, true);
        assert_eq!(c, vec![-2, 1, 4, -7]);
        assert_eq!(c.packed(), &[0x1e, 0x94]);
        let c = Codes::nibbles(vec![117, 35], 3, NibbleOrder::HighFirst, false);
        assert_eq!(c.to_vec(), vec![7, 5, 2]);
        assert_eq!(c.get(3), None);
        let c = Codes::bytes(vec![0xFF, 1, 0x80], 8, true);
        assert_eq!(c, vec![-1, 1, -128]);
        assert!(c.packed().is_empty());
        let c = Codes::wide(vec![u64::MAX, 3], 64, false);
        assert_eq!(c, vec![-1, 3]);
        assert!(Codes::default().is_empty());
        // The slice view.
        let c = Codes::nibbles(vec![0x1e, 0x94], 4, NibbleOrder::LowFirst, true);
        assert_eq!(c[3], -7);
        assert_eq!(c.iter().map(|&x| x * 2).sum::<i64>(), -8);
        assert_eq!(c, Codes::bytes(vec![0xFE, 1, 4, 0xF9], 8, true));
    }
}
