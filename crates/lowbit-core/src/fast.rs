//! Hot loops for bulk f32 ⇄ code conversion, generated from the same format description as
//! the exact kernel and tested against it.
//!
//! Encoding uses a lookup table indexed by the top `1 + 8 + K` bits of the f32 plus one
//! "any lower bit set" flag. Every decision point of the target (a midpoint between two
//! values, or a value itself for directed rounding) is representable in those top bits when
//! K ≥ m + 1, so all f32 inputs that share a table index round alike: the table entry is
//! computed once by the exact kernel.

use crate::format::{Format, Kind};
use crate::float::round_float;
use crate::round::{Exact, OverflowPolicy, RoundingMode};

/// A table-driven f32 → code encoder for float formats of up to 16 bits.
#[derive(Clone, Debug)]
pub struct FastEncoder {
    /// Number of low f32 bits folded into the "rest nonzero" flag.
    dropped: u32,
    table: Vec<u16>,
    /// For formats of up to 8 bits with 16 dropped bits: the same table as bytes, sized so
    /// that every masked index is in bounds (no bounds checks in the hot loop).
    narrow: Option<Box<[u8; NARROW_ENTRIES]>>,
}

const NARROW_ENTRIES: usize = 1 << 17;

impl FastEncoder {
    /// Builds the table for a format, mode and overflow policy. None for formats or modes
    /// the table cannot represent (wider than 16 bits, more than 11 mantissa bits, values
    /// beyond f32's resolution, stochastic rounding).
    pub fn new(format: &Format, mode: RoundingMode, overflow: OverflowPolicy) -> Option<FastEncoder> {
        let Kind::Float(f) = &format.kind() else { return None };
        if f.bits() > 16 || f.mantissa_bits() > 11 || mode == RoundingMode::Stochastic {
            return None;
        }
        let kept_mantissa = (f.mantissa_bits() + 1).max(7);
        // The finest decision point must be on the kept grid, also among f32 subnormals.
        let finest = f.min_exponent() - f.mantissa_bits() as i32 - 1;
        if finest < -126 - kept_mantissa as i32 {
            return None;
        }
        let dropped = 23 - kept_mantissa;
        let entries = 1usize << (32 - dropped);
        let mut table = Vec::with_capacity(entries * 2);
        for prefix in 0..entries as u64 {
            for rest in [0u32, 1] {
                let bits = ((prefix as u32) << dropped) | rest;
                let x = f32::from_bits(bits) as f64;
                let r = round_float(f, &Exact::from_f64(x), mode, overflow, 0);
                table.push(r.code as u16);
            }
        }
        let narrow = (f.bits() <= 8 && dropped == 16).then(|| {
            let mut bytes = Box::new([0u8; NARROW_ENTRIES]);
            for (b, c) in bytes.iter_mut().zip(&table) {
                *b = *c as u8;
            }
            bytes
        });
        Some(FastEncoder { dropped, table, narrow })
    }

    /// The code of one f32.
    #[inline(always)]
    pub fn encode(&self, x: f32) -> u16 {
        let bits = x.to_bits();
        let rest = (bits & ((1 << self.dropped) - 1) != 0) as u32;
        let index = ((bits >> self.dropped) << 1) | rest;
        self.table[index as usize]
    }

    /// Encodes a slice into 8-bit codes (formats of up to 8 bits).
    pub fn encode_into_u8(&self, input: &[f32], output: &mut [u8]) {
        if let Some(narrow) = &self.narrow {
            let done = narrow_codes_prefix(narrow, input, output);
            for (x, out) in input[done..].iter().zip(output[done..].iter_mut()) {
                let bits = x.to_bits();
                let index = (bits >> 15 & !1) | ((bits & 0xFFFF != 0) as u32);
                *out = narrow[index as usize & (NARROW_ENTRIES - 1)];
            }
            return;
        }
        let mask = (1u32 << self.dropped) - 1;
        let table = &self.table[..];
        for (x, out) in input.iter().zip(output.iter_mut()) {
            let bits = x.to_bits();
            let index = ((bits >> self.dropped) << 1) | ((bits & mask != 0) as u32);
            // The index is < table.len() by construction (32 − dropped bits plus one).
            *out = table.get(index as usize).copied().unwrap_or(0) as u8;
        }
    }

    /// Encodes a slice into 16-bit codes.
    pub fn encode_into_u16(&self, input: &[f32], output: &mut [u16]) {
        let mask = (1u32 << self.dropped) - 1;
        let table = &self.table[..];
        for (x, out) in input.iter().zip(output.iter_mut()) {
            let bits = x.to_bits();
            let index = ((bits >> self.dropped) << 1) | ((bits & mask != 0) as u32);
            *out = table.get(index as usize).copied().unwrap_or(0);
        }
    }
}

/// The narrow table's codes of a prefix of `input` (a multiple of 4 elements) into `output`;
/// returns its length. On wasm32 with the crate's `simd128` feature (the compute worker) the
/// table indices of four f32 are computed at once ([`narrow_codes_simd128`]); V8 runs the
/// element-by-element loop at a third of that speed. Elsewhere none: the caller's loop does all.
#[inline]
fn narrow_codes_prefix(table: &[u8; NARROW_ENTRIES], input: &[f32], output: &mut [u8]) -> usize {
    #[cfg(all(target_arch = "wasm32", feature = "simd128"))]
    {
        narrow_codes_simd128(table, input, output)
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "simd128")))]
    {
        let _ = (table, input, output);
        0
    }
}

/// [`FastEncoder::encode_into_u8`]'s narrow-table index, `(bits >> 15 & !1) | (low 16 bits ≠ 0)`,
/// for four lanes at a time, then four table reads; returns the elements done. The wasm-bindgen
/// tests of the worker (`crates/lowbit-worker/tests/simd.rs`) check it against [`FastEncoder::encode`].
#[cfg(all(target_arch = "wasm32", feature = "simd128"))]
#[target_feature(enable = "simd128")]
fn narrow_codes_simd128(table: &[u8; NARROW_ENTRIES], input: &[f32], output: &mut [u8]) -> usize {
    use core::arch::wasm32::*;
    // The narrow table drops 16 low bits: an index is the top 16 bits, then the "rest" flag.
    const DROPPED: u32 = 32 + 1 - NARROW_ENTRIES.trailing_zeros();
    let prefix_mask = i32x4_splat((NARROW_ENTRIES - 2) as i32);
    let rest_mask = i32x4_splat(((1u32 << DROPPED) - 1) as i32);
    let mut done = 0;
    for (x, out) in input.chunks_exact(4).zip(output.chunks_exact_mut(4)) {
        let bits = f32x4(x[0], x[1], x[2], x[3]);
        let prefix = v128_and(u32x4_shr(bits, DROPPED - 1), prefix_mask);
        // An all-ones lane where a dropped bit is set; its top bit is the flag.
        let rest = v128_not(i32x4_eq(v128_and(bits, rest_mask), i32x4_splat(0)));
        let index = v128_or(prefix, u32x4_shr(rest, 31));
        let lanes = [u32x4_extract_lane::<0>(index), u32x4_extract_lane::<1>(index), u32x4_extract_lane::<2>(index), u32x4_extract_lane::<3>(index)];
        for (o, i) in out.iter_mut().zip(lanes) {
            *o = table[i as usize & (NARROW_ENTRIES - 1)];
        }
        done += 4;
    }
    done
}

/// A table-driven code → f32 decoder for formats of up to 16 bits whose values are all f32.
#[derive(Clone, Debug)]
pub struct FastDecoder {
    table: Vec<f32>,
}

impl FastDecoder {
    /// Builds the table; None when the format is wider than 16 bits or has a value that is
    /// not exactly an f32.
    pub fn new(format: &Format) -> Option<FastDecoder> {
        if format.bits() > 16 {
            return None;
        }
        let table: Vec<f32> = (0..1u64 << format.bits()).map(|c| format.decode(c).value as f32).collect();
        let exact = (0..1u64 << format.bits()).all(|c| {
            let v = format.decode(c).value;
            v.is_nan() || v as f32 as f64 == v
        });
        exact.then_some(FastDecoder { table })
    }

    /// The value of one code.
    #[inline(always)]
    pub fn decode(&self, code: u16) -> f32 {
        self.table.get(code as usize).copied().unwrap_or(f32::NAN)
    }

    /// Decodes 8-bit codes into f32 (a 256-entry table lookup per element).
    pub fn decode_u8_into(&self, input: &[u8], output: &mut [f32]) {
        let mut table = [f32::NAN; 256];
        for (slot, v) in table.iter_mut().zip(&self.table) {
            *slot = *v;
        }
        for (c, out) in input.iter().zip(output.iter_mut()) {
            *out = table[*c as usize];
        }
    }

    /// Decodes 16-bit codes into f32.
    pub fn decode_u16_into(&self, input: &[u16], output: &mut [f32]) {
        let table = &self.table[..];
        for (c, out) in input.iter().zip(output.iter_mut()) {
            *out = table.get(*c as usize).copied().unwrap_or(f32::NAN);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Encoder, CATALOGUE};

    fn sample_bits() -> impl Iterator<Item = u32> {
        // Strided sweep plus every pattern around the boundaries of the low-bit flag.
        (0..u32::MAX / 7919).map(|i| i.wrapping_mul(7919)).chain((0..1u32 << 16).map(|i| i << 16 | (i & 3)))
    }

    #[test]
    fn fast_encoder_agrees_with_the_exact_kernel() {
        for entry in CATALOGUE {
            let format = Format::parse(entry.id()).unwrap();
            for mode in [RoundingMode::NearestEven, RoundingMode::TowardZero, RoundingMode::Up, RoundingMode::Odd] {
                let Some(fast) = FastEncoder::new(&format, mode, OverflowPolicy::Default) else { continue };
                let mut exact = Encoder::new(&format, Some(mode), OverflowPolicy::Default, 0);
                for bits in sample_bits().step_by(5) {
                    let x = f32::from_bits(bits);
                    assert_eq!(fast.encode(x) as u64, exact.encode_f64(x as f64).code, "{} {mode:?} {x:e} ({bits:#x})", entry.id());
                }
            }
        }
    }

    #[test]
    fn fast_decoder_agrees_with_decode() {
        for entry in CATALOGUE {
            let format = Format::parse(entry.id()).unwrap();
            let Some(fast) = FastDecoder::new(&format) else { continue };
            for code in 0..1u64 << format.bits() {
                let (a, b) = (fast.decode(code as u16), format.decode(code).value);
                assert!(a as f64 == b || (a.is_nan() && b.is_nan()), "{} {code}", entry.id());
            }
        }
    }
}
