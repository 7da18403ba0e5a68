//! Integer formats (two's complement or unsigned), 2 to 32 bits.

use crate::float::{FormatError, FormatReason};
use crate::round::{round_significand, Exact, OverflowPolicy, RoundingMode, Status};

/// An integer format: `bits` wide (2 to 32), signed (two's complement) or unsigned. Built by
/// [`IntFormat::new`], which checks the width, so every method is total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IntFormat {
    bits: u32,
    signed: bool,
}

impl IntFormat {
    /// The widths an integer format may have.
    pub const WIDTHS: std::ops::RangeInclusive<u32> = 2..=32;

    /// An integer format of `bits` (2 to 32) bits.
    pub fn new(bits: u32, signed: bool) -> Result<IntFormat, FormatError> {
        if !Self::WIDTHS.contains(&bits) {
            return Err(FormatError::new(FormatReason::IntWidth { got: bits }));
        }
        Ok(IntFormat { bits, signed })
    }

    /// A width known to be valid (the catalogue's; tested).
    pub(crate) const fn catalogue(bits: u32, signed: bool) -> IntFormat {
        IntFormat { bits, signed }
    }

    /// Width in bits.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Whether the format is two's complement (else unsigned).
    pub fn signed(&self) -> bool {
        self.signed
    }

    /// The smallest value (−2^(bits−1) or 0).
    pub fn min(&self) -> i64 {
        if self.signed { -(1i64 << (self.bits - 1)) } else { 0 }
    }

    /// The largest value (2^(bits−1) − 1 or 2^bits − 1).
    pub fn max(&self) -> i64 {
        if self.signed { (1i64 << (self.bits - 1)) - 1 } else { (1i64 << self.bits) - 1 }
    }

    fn mask(&self) -> u64 {
        (1u64 << self.bits) - 1
    }

    /// The value of a code.
    pub fn value(&self, code: u64) -> i64 {
        let code = code & self.mask();
        if self.signed && code >> (self.bits - 1) == 1 {
            code as i64 - (1i64 << self.bits)
        } else {
            code as i64
        }
    }

    /// The code of an in-range value (wraps otherwise).
    pub fn code_of(&self, value: i64) -> u64 {
        (value as u64) & self.mask()
    }

    /// Rounds an exact value to an integer code. Default: saturate; `Wrap` is the C cast
    /// (use with `TowardZero` to reproduce ml_dtypes: int4(9.0) = −7). Never panics.
    pub fn round_exact(&self, input: &Exact, mode: RoundingMode, overflow: OverflowPolicy, random: u64) -> (u64, Status) {
        let (negative, magnitude, mut status, huge) = match input.normalized() {
            Exact::Nan { .. } => return (0, Status::INVALID),
            Exact::Zero { .. } => return (0, Status::EXACT),
            // A C cast of ±Inf is undefined; x86 (where ml_dtypes runs) yields INT_MIN, whose
            // low bits are 0, so `Wrap` gives code 0 as ml_dtypes does there.
            Exact::Infinite { .. } if overflow == OverflowPolicy::Wrap => {
                return (0, Status::OVERFLOW | Status::INVALID);
            }
            Exact::Infinite { negative } => {
                let v = if negative { self.min() } else { self.max() };
                return (self.code_of(v), Status::OVERFLOW | Status::INVALID);
            }
            Exact::Finite { negative, significand, exponent, sticky } => {
                if exponent >= 0 {
                    // ≥ 2^63: beyond every integer format; wrap keeps the low bits.
                    let low = if exponent >= 64 { 0 } else { (significand as u128) << exponent };
                    (negative, low, Status::INEXACT, true)
                } else {
                    let step = round_significand(significand, exponent, sticky, 0, mode, negative, random);
                    let status = if step.inexact { Status::INEXACT } else { Status::EXACT };
                    (negative, step.magnitude, status, false)
                }
            }
        };
        let limit = if negative { (-self.min()) as u128 } else { self.max() as u128 };
        if magnitude <= limit && !huge {
            let v = if negative { -(magnitude as i64) } else { magnitude as i64 };
            return (self.code_of(v), status);
        }
        status |= Status::OVERFLOW;
        if overflow == OverflowPolicy::Wrap {
            let low = (magnitude as u64) & self.mask();
            let code = if negative { low.wrapping_neg() & self.mask() } else { low };
            return (code, status);
        }
        let v = if negative { self.min() } else { self.max() };
        (self.code_of(v), status | Status::INEXACT)
    }
}
