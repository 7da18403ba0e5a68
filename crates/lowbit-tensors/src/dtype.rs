//! Element types and the exact conversion of a tensor's bytes to `f64` values.

use lowbit_core::Format;

use crate::{ErrorKind, TensorError};

/// The element types read here, by their safetensors names ([`Dtype::name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Dtype {
    /// IEEE binary64.
    F64,
    /// IEEE binary32.
    F32,
    /// IEEE binary16.
    F16,
    /// bfloat16.
    BF16,
    /// OCP FP8 E4M3 (`float8_e4m3fn`: no infinities).
    F8E4M3,
    /// OCP FP8 E5M2 (`float8_e5m2`).
    F8E5M2,
    /// FP8 E4M3 FNUZ (`float8_e4m3fnuz`).
    F8E4M3Fnuz,
    /// FP8 E5M2 FNUZ (`float8_e5m2fnuz`).
    F8E5M2Fnuz,
    /// The MX scale E8M0 (`float8_e8m0fnu`).
    F8E8M0,
    /// Signed 8-bit integer.
    I8,
    /// Unsigned 8-bit integer.
    U8,
    /// Signed 16-bit integer.
    I16,
    /// Unsigned 16-bit integer.
    U16,
    /// Signed 32-bit integer.
    I32,
    /// Unsigned 32-bit integer.
    U32,
    /// Signed 64-bit integer (values above 2^53 in magnitude are refused unless exact).
    I64,
    /// Unsigned 64-bit integer (likewise).
    U64,
    /// Boolean (one byte: 0 false, anything else true).
    Bool,
}

/// The byte order of multi-byte elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ByteOrder {
    /// Least significant byte first (safetensors; `<` in `.npy`).
    Little,
    /// Most significant byte first (`>` in `.npy`).
    Big,
}

impl Dtype {
    /// Every dtype, in the order the error messages list them.
    pub const ALL: [Dtype; 18] = [
        Dtype::F64,
        Dtype::F32,
        Dtype::F16,
        Dtype::BF16,
        Dtype::F8E4M3,
        Dtype::F8E5M2,
        Dtype::F8E4M3Fnuz,
        Dtype::F8E5M2Fnuz,
        Dtype::F8E8M0,
        Dtype::I8,
        Dtype::U8,
        Dtype::I16,
        Dtype::U16,
        Dtype::I32,
        Dtype::U32,
        Dtype::I64,
        Dtype::U64,
        Dtype::Bool,
    ];

    /// The safetensors name (`F32`, `BF16`, `F8_E4M3`…), which the app shows for both kinds of
    /// file.
    pub fn name(self) -> &'static str {
        match self {
            Dtype::F64 => "F64",
            Dtype::F32 => "F32",
            Dtype::F16 => "F16",
            Dtype::BF16 => "BF16",
            Dtype::F8E4M3 => "F8_E4M3",
            Dtype::F8E5M2 => "F8_E5M2",
            Dtype::F8E4M3Fnuz => "F8_E4M3FNUZ",
            Dtype::F8E5M2Fnuz => "F8_E5M2FNUZ",
            Dtype::F8E8M0 => "F8_E8M0",
            Dtype::I8 => "I8",
            Dtype::U8 => "U8",
            Dtype::I16 => "I16",
            Dtype::U16 => "U16",
            Dtype::I32 => "I32",
            Dtype::U32 => "U32",
            Dtype::I64 => "I64",
            Dtype::U64 => "U64",
            Dtype::Bool => "BOOL",
        }
    }

    /// Parses a safetensors dtype name.
    pub fn parse(name: &str) -> Option<Dtype> {
        Dtype::ALL.into_iter().find(|d| d.name() == name)
    }

    /// Bytes per element.
    pub fn size(self) -> u64 {
        match self {
            Dtype::F64 | Dtype::I64 | Dtype::U64 => 8,
            Dtype::F32 | Dtype::I32 | Dtype::U32 => 4,
            Dtype::F16 | Dtype::BF16 | Dtype::I16 | Dtype::U16 => 2,
            _ => 1,
        }
    }

    /// The `lowbit-core` catalogue format of a 16- or 8-bit float dtype.
    pub fn core_format(self) -> Option<&'static str> {
        Some(match self {
            Dtype::F16 => "float16",
            Dtype::BF16 => "bfloat16",
            Dtype::F8E4M3 => "float8_e4m3fn",
            Dtype::F8E5M2 => "float8_e5m2",
            Dtype::F8E4M3Fnuz => "float8_e4m3fnuz",
            Dtype::F8E5M2Fnuz => "float8_e5m2fnuz",
            Dtype::F8E8M0 => "float8_e8m0fnu",
            _ => return None,
        })
    }

    /// The names of every dtype, for messages.
    pub fn names() -> String {
        Dtype::ALL.iter().map(|d| d.name()).collect::<Vec<_>>().join(", ")
    }
}

/// The value of every code of a 16- or 8-bit float format, from `lowbit-core`'s exact decoder.
fn code_table(id: &str, bits: u32) -> Result<Vec<f64>, TensorError> {
    let format = Format::parse(id).map_err(|e| TensorError::new(ErrorKind::UnknownDtype, format!("format {id}: {e}")))?;
    Ok((0..1u64 << bits).map(|code| format.decode(code).value).collect())
}

/// Reads `N` bytes at a time in the given order.
fn words<const N: usize>(bytes: &[u8], order: ByteOrder) -> impl Iterator<Item = [u8; N]> + '_ {
    bytes.chunks_exact(N).map(move |c| {
        let mut w = [0u8; N];
        w.copy_from_slice(c);
        if order == ByteOrder::Big {
            w.reverse();
        }
        w
    })
}

/// The values of `bytes` as elements of `dtype` (a whole number of elements), exactly: every
/// dtype but the 64-bit integers is exact in `f64` by construction, a 64-bit integer that is
/// not gives an error naming it.
pub fn decode(dtype: Dtype, order: ByteOrder, bytes: &[u8]) -> Result<Vec<f64>, TensorError> {
    let size = dtype.size() as usize;
    if !bytes.len().is_multiple_of(size) {
        return Err(TensorError::new(
            ErrorKind::SizeMismatch,
            format!("{} bytes are not a whole number of {}-byte {} elements", bytes.len(), size, dtype.name()),
        ));
    }
    let inexact = |i: usize, v: String| {
        TensorError::new(ErrorKind::Inexact, format!("element {i} = {v} of a {} tensor is not exactly representable as a double (|v| > 2^53)", dtype.name()))
    };
    Ok(match dtype {
        Dtype::F64 => words::<8>(bytes, order).map(f64::from_le_bytes).collect(),
        Dtype::F32 => words::<4>(bytes, order).map(|w| f32::from_le_bytes(w) as f64).collect(),
        Dtype::F16 | Dtype::BF16 => {
            let table = code_table(dtype.core_format().unwrap_or("float16"), 16)?;
            words::<2>(bytes, order).map(|w| table[u16::from_le_bytes(w) as usize]).collect()
        }
        Dtype::F8E4M3 | Dtype::F8E5M2 | Dtype::F8E4M3Fnuz | Dtype::F8E5M2Fnuz | Dtype::F8E8M0 => {
            let table = code_table(dtype.core_format().unwrap_or("float8_e4m3fn"), 8)?;
            bytes.iter().map(|&b| table[b as usize]).collect()
        }
        Dtype::I8 => bytes.iter().map(|&b| b as i8 as f64).collect(),
        Dtype::U8 => bytes.iter().map(|&b| b as f64).collect(),
        Dtype::Bool => bytes.iter().map(|&b| if b != 0 { 1.0 } else { 0.0 }).collect(),
        Dtype::I16 => words::<2>(bytes, order).map(|w| i16::from_le_bytes(w) as f64).collect(),
        Dtype::U16 => words::<2>(bytes, order).map(|w| u16::from_le_bytes(w) as f64).collect(),
        Dtype::I32 => words::<4>(bytes, order).map(|w| i32::from_le_bytes(w) as f64).collect(),
        Dtype::U32 => words::<4>(bytes, order).map(|w| u32::from_le_bytes(w) as f64).collect(),
        Dtype::I64 => {
            let mut out = Vec::with_capacity(bytes.len() / 8);
            for (i, w) in words::<8>(bytes, order).enumerate() {
                let v = i64::from_le_bytes(w);
                let f = v as f64;
                // 2^63 rounds from i64::MAX and converts back saturated: compare below it.
                if !(f < 9_223_372_036_854_775_808.0 && f as i64 == v) {
                    return Err(inexact(i, v.to_string()));
                }
                out.push(f);
            }
            out
        }
        Dtype::U64 => {
            let mut out = Vec::with_capacity(bytes.len() / 8);
            for (i, w) in words::<8>(bytes, order).enumerate() {
                let v = u64::from_le_bytes(w);
                let f = v as f64;
                if !(f < 18_446_744_073_709_551_616.0 && f as u64 == v) {
                    return Err(inexact(i, v.to_string()));
                }
                out.push(f);
            }
            out
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for d in Dtype::ALL {
            assert_eq!(Dtype::parse(d.name()), Some(d));
        }
        assert_eq!(Dtype::parse("F4"), None);
    }

    #[test]
    fn small_floats_through_the_core() {
        // bf16 0x3F80 = 1, 0xC049 = -3.140625; f16 0x3C00 = 1, 0x0001 = 2^-24.
        let bf = decode(Dtype::BF16, ByteOrder::Little, &[0x80, 0x3F, 0x49, 0xC0]).unwrap();
        assert_eq!(bf, [1.0, -3.140625]);
        let h = decode(Dtype::F16, ByteOrder::Big, &[0x3C, 0x00, 0x00, 0x01]).unwrap();
        assert_eq!(h, [1.0, 2f64.powi(-24)]);
        let e4 = decode(Dtype::F8E4M3, ByteOrder::Little, &[0x7E, 0x7F, 0x01]).unwrap();
        assert_eq!(e4[0], 448.0);
        assert!(e4[1].is_nan());
        assert_eq!(e4[2], 2f64.powi(-9));
        let e5 = decode(Dtype::F8E5M2, ByteOrder::Little, &[0x7C, 0x7B]).unwrap();
        assert_eq!(e5, [f64::INFINITY, 57344.0]);
    }

    #[test]
    fn integers_and_their_limits() {
        assert_eq!(decode(Dtype::I8, ByteOrder::Little, &[0x80, 0x7F]).unwrap(), [-128.0, 127.0]);
        assert_eq!(decode(Dtype::I32, ByteOrder::Big, &[0xFF, 0xFF, 0xFF, 0xFE]).unwrap(), [-2.0]);
        let ok = (1i64 << 53).to_le_bytes();
        assert_eq!(decode(Dtype::I64, ByteOrder::Little, &ok).unwrap(), [9_007_199_254_740_992.0]);
        let bad = ((1i64 << 53) + 1).to_le_bytes();
        let e = decode(Dtype::I64, ByteOrder::Little, &bad).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Inexact);
        assert!(e.message.contains("9007199254740993"), "{e}");
        assert!(decode(Dtype::I64, ByteOrder::Little, &i64::MAX.to_le_bytes()).is_err());
        assert!(decode(Dtype::U64, ByteOrder::Little, &u64::MAX.to_le_bytes()).is_err());
        assert_eq!(decode(Dtype::I64, ByteOrder::Little, &i64::MIN.to_le_bytes()).unwrap(), [-(2f64.powi(63))]);
        assert_eq!(decode(Dtype::F32, ByteOrder::Little, &[1, 2, 3]).unwrap_err().kind, ErrorKind::SizeMismatch);
    }
}
