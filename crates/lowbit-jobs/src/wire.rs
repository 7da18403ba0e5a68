//! Compact wire forms of large arrays in worker messages: `#[serde(with = "…")]` helpers that
//! write an array as one byte string (bincode: its length, then the bytes), so that a million
//! values encode and decode as one copy instead of a million calls — on the page, decoding a
//! million `f32` one by one took ~90 ms of the main thread.

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::Serializer;

/// Reads a byte string, or (from a format without byte strings) a sequence of bytes.
struct Bytes;

impl<'de> Visitor<'de> for Bytes {
    type Value = Vec<u8>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a byte string")
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
        Ok(v.to_vec())
    }

    fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
        Ok(v)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
        let mut out = Vec::new();
        while let Some(b) = seq.next_element()? {
            out.push(b);
        }
        Ok(out)
    }
}

/// `Vec<u8>` as one byte string.
pub mod bytes {
    use super::*;

    /// Writes the bytes.
    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    /// Reads them back.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        d.deserialize_byte_buf(Bytes)
    }
}

/// `Vec<f32>` as one byte string of little-endian values (4 bytes each).
pub mod f32s {
    use super::*;

    /// Writes the values.
    pub fn serialize<S: Serializer>(v: &[f32], s: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(4 * v.len());
        for x in v {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        s.serialize_bytes(&bytes)
    }

    /// Reads them back; a length that is not a multiple of 4 is an error.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<f32>, D::Error> {
        let bytes = d.deserialize_byte_buf(Bytes)?;
        if !bytes.len().is_multiple_of(4) {
            return Err(serde::de::Error::custom(format!("{} bytes are not a whole number of f32 values", bytes.len())));
        }
        Ok(bytes.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
}

/// `Vec<i64>` as one byte string: the width in bytes of the narrowest little-endian integer
/// that holds every value (1, 2, 4 or 8), then each value in that width (a million 4-bit codes
/// are a megabyte, read back in one pass).
pub mod i64s {
    use super::*;

    /// The narrowest width (bytes) holding every value.
    fn width(v: &[i64]) -> usize {
        let (lo, hi) = v.iter().fold((0i64, 0i64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        if lo >= i8::MIN as i64 && hi <= i8::MAX as i64 {
            1
        } else if lo >= i16::MIN as i64 && hi <= i16::MAX as i64 {
            2
        } else if lo >= i32::MIN as i64 && hi <= i32::MAX as i64 {
            4
        } else {
            8
        }
    }

    /// Writes the values.
    pub fn serialize<S: Serializer>(v: &[i64], s: S) -> Result<S::Ok, S::Error> {
        let w = width(v);
        let mut bytes = Vec::with_capacity(1 + w * v.len());
        bytes.push(w as u8);
        for x in v {
            bytes.extend_from_slice(&x.to_le_bytes()[..w]);
        }
        s.serialize_bytes(&bytes)
    }

    /// Reads them back (sign-extended from their width).
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<i64>, D::Error> {
        let bytes = d.deserialize_byte_buf(Bytes)?;
        let Some((&w, body)) = bytes.split_first() else { return Ok(Vec::new()) };
        let w = w as usize;
        if !matches!(w, 1 | 2 | 4 | 8) || !body.len().is_multiple_of(w) {
            return Err(serde::de::Error::custom(format!("malformed integers: width {w}, {} bytes", body.len())));
        }
        Ok(match w {
            1 => body.iter().map(|&b| b as i8 as i64).collect(),
            2 => body.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]]) as i64).collect(),
            4 => body.chunks_exact(4).map(|c| i32::from_le_bytes([c[0], c[1], c[2], c[3]]) as i64).collect(),
            _ => body.chunks_exact(8).map(|c| i64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Arrays {
        #[serde(with = "super::f32s")]
        f: Vec<f32>,
        #[serde(with = "super::bytes")]
        b: Vec<u8>,
        #[serde(with = "super::i64s")]
        i: Vec<i64>,
    }

    #[test]
    fn arrays_round_trip_bit_for_bit_in_the_narrowest_width() {
        let f = vec![0.0, -0.0, 1.5, f32::MIN_POSITIVE / 4.0, f32::INFINITY, f32::from_bits(0x7fc0_1234), -3.25e38];
        for i in [vec![], vec![0, -1, 15], vec![-128, 127], vec![-129, 300], vec![1 << 20, -(1 << 31)], vec![i64::MIN, i64::MAX, 0]] {
            let a = Arrays { f: f.clone(), b: vec![0, 255, 7], i: i.clone() };
            let bytes = crate::protocol::encode(&a).unwrap();
            let back: Arrays = bincode::Options::deserialize(bincode::Options::with_limit(bincode::DefaultOptions::new(), 1 << 20), &bytes).unwrap();
            assert_eq!(back.f.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), f.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
            assert_eq!((back.b, back.i), (a.b, i));
        }
        // A million codes of a 4-bit scheme: a byte each.
        let codes = Arrays { f: vec![], b: vec![], i: (0..1 << 20).map(|k| k % 16).collect() };
        assert!(crate::protocol::encode(&codes).unwrap().len() < (1 << 20) + 16);
    }
}
