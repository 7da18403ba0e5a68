//! What every bit of a block holds: the bit-level refinement of each type's field table
//! ([`super::TypeInfo::fields`]), for the block explorer and for anyone reading the bytes.
//!
//! [`bit_role`] finds the field a byte belongs to in the table, then says which part of which
//! value the bit is: a bit of an f16 (`d`, `m`, `dmin`), of the E8M0 scale byte, of one
//! element's stored code, of one sub-block's stored scale or min, or (`tq1_0`) a share of a
//! byte of base-3 trits. The tests flip every bit of many blocks and check, through
//! [`super::dequantize`], [`super::codes`] and [`super::scales`], that exactly what the role
//! names changes — the layout is the dequantizer's, not a second copy typed by hand.

use super::{GgufType, QK, QK_K};

/// The part of the block one bit belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BitRole {
    /// Bit `bit` (0 = least significant) of the f16 field `field` (`d`, `m` or `dmin`).
    Half {
        /// The field's ggml name.
        field: &'static str,
        /// The bit of the 16-bit pattern.
        bit: u32,
    },
    /// Bit `bit` of `mxfp4_gguf`'s E8M0 scale byte `e`.
    E8m0 {
        /// The bit of the byte.
        bit: u32,
    },
    /// Bit `bit` of the stored code of element `element` (the code before any offset, as
    /// [`super::codes`] gives it).
    Code {
        /// The element of the block.
        element: usize,
        /// The bit of its code.
        bit: u32,
    },
    /// Bit `bit` of the stored scale of sub-block `sub` (k-quants; q3_k: the 6-bit value
    /// before its −32 offset; q6_k: the int8 in two's complement).
    SubScale {
        /// The sub-block.
        sub: usize,
        /// The bit of its stored scale.
        bit: u32,
    },
    /// Bit `bit` of the stored min of sub-block `sub` (q2_k, q4_k, q5_k).
    SubMin {
        /// The sub-block.
        sub: usize,
        /// The bit of its stored min.
        bit: u32,
    },
    /// `tq1_0`: a bit of a byte holding `count` trits in base 3 (ggml stores the number
    /// ⌈q · 256 / 3^5⌉), of elements `first`, `first + stride`, …: any of them may change.
    Trits {
        /// The element of the most significant trit.
        first: usize,
        /// The distance between the byte's elements.
        stride: usize,
        /// How many trits the byte holds (5, or 4 in `qh`).
        count: usize,
    },
}

impl BitRole {
    /// The elements whose value this bit can change directly (all of the block's for `d` and
    /// the E8M0 scale, a sub-block for its scale or min, one element for a code bit).
    pub fn elements(&self, t: GgufType) -> Vec<usize> {
        let group = t.info().group;
        match *self {
            BitRole::Half { .. } | BitRole::E8m0 { .. } => (0..t.block_elements()).collect(),
            BitRole::Code { element, .. } => vec![element],
            BitRole::SubScale { sub, .. } | BitRole::SubMin { sub, .. } => (sub * group..(sub + 1) * group).collect(),
            BitRole::Trits { first, stride, count } => (0..count).map(|n| first + n * stride).collect(),
        }
    }

    /// A short label: `d.15`, `e.3`, `q17.2` (bit 2 of element 17's code), `s3.5` / `m3.5`
    /// (bit 5 of sub-block 3's scale / min), `t0+32×5` (a byte of five trits).
    pub fn label(&self) -> String {
        match *self {
            BitRole::Half { field, bit } => format!("{field}.{bit}"),
            BitRole::E8m0 { bit } => format!("e.{bit}"),
            BitRole::Code { element, bit } => format!("q{element}.{bit}"),
            BitRole::SubScale { sub, bit } => format!("s{sub}.{bit}"),
            BitRole::SubMin { sub, bit } => format!("m{sub}.{bit}"),
            BitRole::Trits { first, stride, count } => format!("t{first}+{stride}×{count}"),
        }
    }

    /// A sentence for a tooltip.
    pub fn describe(&self) -> String {
        match *self {
            BitRole::Half { field, bit } => format!("bit {bit} of the f16 {field}"),
            BitRole::E8m0 { bit } => format!("bit {bit} of the E8M0 scale e"),
            BitRole::Code { element, bit } => format!("bit {bit} of element {element}'s code"),
            BitRole::SubScale { sub, bit } => format!("bit {bit} of sub-block {sub}'s scale"),
            BitRole::SubMin { sub, bit } => format!("bit {bit} of sub-block {sub}'s min"),
            BitRole::Trits { first, stride, count } => {
                format!("a byte of {count} base-3 trits: elements {first}, {} … {}", first + stride, first + (count - 1) * stride)
            }
        }
    }
}

/// Bit `bit` (0 = least significant) of byte `byte` of a block of type `t`; None past the
/// block.
pub fn bit_role(t: GgufType, byte: usize, bit: u32) -> Option<BitRole> {
    let info = t.info();
    let field = info.fields.iter().find(|f| (f.offset..f.offset + f.len).contains(&byte))?;
    if bit > 7 {
        return None;
    }
    let at = byte - field.offset;
    let code = |element: usize, bit: u32| Some(BitRole::Code { element, bit });
    // Split halves: byte j holds element j (low nibble) and j + 16 (high nibble).
    let split_nibbles = |at: usize| if bit < 4 { code(at, bit) } else { code(at + QK / 2, bit - 4) };
    // q2_k / q3_k / tq2_0: byte 32c + l holds elements 128c + l + 32s in bits 2s, 2s + 1.
    let two_bit = |at: usize, base: u32| code(128 * (at / 32) + at % 32 + 32 * (bit as usize / 2), base + bit % 2);
    // q4_k / q5_k nibbles: byte 32c + l holds element 64c + l (low) and 64c + 32 + l (high).
    let k_nibbles = |at: usize| code(64 * (at / 32) + at % 32 + if bit < 4 { 0 } else { 32 }, bit % 4);
    match (t, field.name) {
        (_, "d" | "m" | "dmin") => Some(BitRole::Half { field: field.name, bit: 8 * at as u32 + bit }),
        (GgufType::Mxfp4, "e") => Some(BitRole::E8m0 { bit }),
        (GgufType::Q8_0, "qs") => code(at, bit),
        (GgufType::Q4_0 | GgufType::Q4_1 | GgufType::Q5_0 | GgufType::Q5_1 | GgufType::Iq4Nl | GgufType::Mxfp4, "qs") => split_nibbles(at),
        // The fifth bits: a little-endian u32, bit j = element j.
        (GgufType::Q5_0 | GgufType::Q5_1, "qh") => code(8 * at + bit as usize, 4),
        (GgufType::Q2K, "scales") => Some(if bit < 4 { BitRole::SubScale { sub: at, bit } } else { BitRole::SubMin { sub: at, bit: bit - 4 } }),
        (GgufType::Q2K | GgufType::Q3K | GgufType::Tq2_0, "qs") => two_bit(at, 0),
        // q3_k's third bits: byte j bit b = element 32b + j.
        (GgufType::Q3K, "hmask") => code(32 * bit as usize + at, 2),
        // 16 six-bit scales: low nibbles of sub-blocks 0-7 / 8-15 in bytes 0-7 (low / high),
        // top two bits of sub-block j in byte 8 + j % 4 at bits 2 (j / 4).
        (GgufType::Q3K, "scales") => Some(if at < 8 {
            BitRole::SubScale { sub: at + if bit < 4 { 0 } else { 8 }, bit: bit % 4 }
        } else {
            BitRole::SubScale { sub: (at - 8) + 4 * (bit as usize / 2), bit: 4 + bit % 2 }
        }),
        // 8 six-bit scales and mins in 12 bytes (ggml's get_scale_min_k4): bytes 0-3 scales
        // 0-3 (bits 0-5) and the top bits of scales 4-7; bytes 4-7 mins 0-3 and the top bits
        // of mins 4-7; bytes 8-11 the low nibbles of scale (low) and min (high) 4-7.
        (GgufType::Q4K | GgufType::Q5K, "scales") => Some(match (at, bit) {
            (0..=3, 0..=5) => BitRole::SubScale { sub: at, bit },
            (0..=3, _) => BitRole::SubScale { sub: at + 4, bit: bit - 2 },
            (4..=7, 0..=5) => BitRole::SubMin { sub: at - 4, bit },
            (4..=7, _) => BitRole::SubMin { sub: at, bit: bit - 2 },
            (_, 0..=3) => BitRole::SubScale { sub: at - 4, bit },
            _ => BitRole::SubMin { sub: at - 4, bit: bit - 4 },
        }),
        (GgufType::Q4K, "qs") | (GgufType::Q5K, "qs") => k_nibbles(at),
        // q5_k's fifth bits: byte l bit 2c (+ 1) = element 64c + l (+ 32).
        (GgufType::Q5K, "qh") => code(64 * (bit as usize / 2) + 32 * (bit as usize % 2) + at, 4),
        // q6_k: ql byte 64c + 32h + l holds the low 4 bits of element 128c + 32h + l (low
        // nibble) and 128c + 32h + 64 + l (high); qh byte 32c + l the top 2 bits of element
        // 128c + 32s + l at bits 2s.
        (GgufType::Q6K, "ql") => {
            let (c, r) = (at / 64, at % 64);
            code(128 * c + r + if bit < 4 { 0 } else { 64 }, bit % 4)
        }
        (GgufType::Q6K, "qh") => code(128 * (at / 32) + 32 * (bit as usize / 2) + at % 32, 4 + bit % 2),
        (GgufType::Q6K, "scales") => Some(BitRole::SubScale { sub: at, bit }),
        // tq1_0: qs bytes 0-31 hold elements m + 32n, bytes 32-47 elements 160 + m + 16n (n =
        // 0..5); qh bytes j elements 240 + j + 4n (n = 0..4).
        (GgufType::Tq1_0, "qs") if at < 32 => Some(BitRole::Trits { first: at, stride: 32, count: 5 }),
        (GgufType::Tq1_0, "qs") => Some(BitRole::Trits { first: 160 + at - 32, stride: 16, count: 5 }),
        (GgufType::Tq1_0, "qh") => Some(BitRole::Trits { first: QK_K - 16 + at, stride: 4, count: 4 }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gguf::{codes, dequantize, quantize, scales};

    /// Blocks to flip bits in: quantized noise and ramps (realistic scales), and random bytes.
    fn blocks(t: GgufType) -> Vec<Vec<u8>> {
        let n = t.block_elements();
        let mut out = Vec::new();
        for seed in 1..4u64 {
            let x = crate::signal::gaussian_noise(1.0 + seed as f64, n, seed);
            out.push(quantize(t, &x));
        }
        let ramp: Vec<f32> = (0..n).map(|k| (k as f32 - 100.0) * 0.03).collect();
        out.push(quantize(t, &ramp));
        let mut rng = crate::rng::SplitMix64::new(7);
        for _ in 0..3 {
            let mut b: Vec<u8> = (0..t.block_bytes()).map(|_| rng.next_u64() as u8).collect();
            // Keep the f16 fields finite and moderate (exponent field 01110/01111), so that a
            // flipped bit changes values visibly instead of giving NaN everywhere.
            for f in t.info().fields.iter().filter(|f| matches!(f.name, "d" | "m" | "dmin")) {
                b[f.offset + 1] = (b[f.offset + 1] & 0x83) | 0x38;
            }
            if t == GgufType::Mxfp4 {
                b[0] = 120 + (b[0] % 10);
            }
            out.push(b);
        }
        out
    }

    fn same(a: f32, b: f32) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    #[test]
    fn every_bit_has_a_role_and_the_field_table_tiles_the_block() {
        for t in GgufType::ALL {
            let mut roles = std::collections::HashSet::new();
            for byte in 0..t.block_bytes() {
                for bit in 0..8 {
                    let role = bit_role(t, byte, bit).unwrap_or_else(|| panic!("{} byte {byte} bit {bit}", t.id()));
                    if !matches!(role, BitRole::Trits { .. }) {
                        assert!(roles.insert(role), "{} byte {byte} bit {bit}: {role:?} twice", t.id());
                    }
                }
            }
            assert_eq!(bit_role(t, t.block_bytes(), 0), None);
            // Every code bit of every element is somewhere (ternary tq1_0 aside).
            let code_bits = roles.iter().filter(|r| matches!(r, BitRole::Code { .. })).count();
            let expected = t.block_elements() * code_width(t);
            // The registry's GGUF row stores codes of the same width (tq1_0's trits: 2 bits each).
            if t != GgufType::Tq1_0 {
                let row = crate::quant::SCHEMES.iter().find(|s| s.ggml == Some(t)).expect("every GGUF type is a registry row");
                let bits = crate::quant::Scheme::parse(row.id).map_or(0, |s| s.element_bits() as usize);
                assert_eq!(bits, code_width(t), "{}", t.id());
            }
            assert_eq!(code_bits, expected, "{}", t.id());
        }
    }

    /// Width of a stored code (tq1_0: its trits are not bit fields, 0).
    fn code_width(t: GgufType) -> usize {
        match t {
            GgufType::Tq1_0 => 0,
            GgufType::Q8_0 => 8,
            GgufType::Q6K => 6,
            GgufType::Q5_0 | GgufType::Q5_1 | GgufType::Q5K => 5,
            GgufType::Q3K => 3,
            GgufType::Q2K | GgufType::Tq2_0 => 2,
            _ => 4,
        }
    }

    /// Flipping one bit changes exactly what its role says: the named code bit (and only that
    /// element's value), the named sub-block's scale or min (and only its elements' values),
    /// the f16 / E8M0 scale (values of the block only), or (tq1_0) only the byte's trits.
    #[test]
    fn flipping_a_bit_changes_what_its_role_names() {
        for t in GgufType::ALL {
            for block in blocks(t) {
                let values = dequantize(t, &block).unwrap();
                let c = codes(t, &block).unwrap();
                let s = scales(t, &block).unwrap();
                for byte in 0..t.block_bytes() {
                    for bit in 0..8u32 {
                        let role = bit_role(t, byte, bit).unwrap();
                        let mut flipped = block.clone();
                        flipped[byte] ^= 1 << bit;
                        let v2 = dequantize(t, &flipped).unwrap();
                        let c2 = codes(t, &flipped).unwrap();
                        let s2 = scales(t, &flipped).unwrap();
                        let allowed = role.elements(t);
                        let ctx = format!("{} byte {byte} bit {bit} {role:?}", t.id());
                        for e in 0..values.len() {
                            if !allowed.contains(&e) {
                                assert!(same(values[e], v2[e]), "{ctx}: element {e} changed");
                                assert_eq!(c[e], c2[e], "{ctx}: code {e} changed");
                            }
                        }
                        match role {
                            BitRole::Code { element, bit } => {
                                // (q8_0's codes are signed: compare the stored byte.)
                                assert_eq!(c2[element] & 0xFF, (c[element] ^ (1 << bit)) & 0xFF, "{ctx}");
                                assert_eq!(s, s2, "{ctx}");
                            }
                            BitRole::SubScale { sub, .. } | BitRole::SubMin { sub, .. } => {
                                assert_eq!(c, c2, "{ctx}");
                                for (g, (a, b)) in s.iter().zip(&s2).enumerate() {
                                    if g != sub {
                                        assert_eq!(a, b, "{ctx}: sub-block {g}");
                                    }
                                }
                                let (a, b) = (s[sub], s2[sub]);
                                match role {
                                    // A stored scale with d = 0 may not change the product.
                                    BitRole::SubScale { .. } => assert!(a.min == b.min || (a.min.unwrap_or(0.0).is_nan() && b.min.unwrap_or(0.0).is_nan()), "{ctx}"),
                                    _ => assert!(same(a.scale, b.scale), "{ctx}"),
                                }
                            }
                            BitRole::Half { .. } | BitRole::E8m0 { .. } => assert_eq!(c, c2, "{ctx}"),
                            BitRole::Trits { .. } => {}
                        }
                    }
                }
            }
        }
    }

    /// The stored sub-block scales read bit by bit through the roles are the dequantizer's.
    #[test]
    fn roles_rebuild_the_k_quant_scales() {
        for t in [GgufType::Q2K, GgufType::Q3K, GgufType::Q4K, GgufType::Q5K, GgufType::Q6K] {
            for block in blocks(t) {
                let subs = t.block_elements() / t.info().group;
                let (mut sc, mut mn) = (vec![0u32; subs], vec![0u32; subs]);
                for (byte, &value) in block.iter().enumerate() {
                    for bit in 0..8 {
                        let on = (value >> bit) & 1 == 1;
                        match bit_role(t, byte, bit) {
                            Some(BitRole::SubScale { sub, bit: b }) if on => sc[sub] |= 1 << b,
                            Some(BitRole::SubMin { sub, bit: b }) if on => mn[sub] |= 1 << b,
                            _ => {}
                        }
                    }
                }
                let d_at = t.info().fields.iter().find(|f| f.name == "d").unwrap().offset;
                let d = crate::gguf::half::f16_to_f32(u16::from_le_bytes([block[d_at], block[d_at + 1]]));
                for (j, g) in scales(t, &block).unwrap().iter().enumerate() {
                    let stored = match t {
                        GgufType::Q3K => sc[j] as i32 - 32,
                        GgufType::Q6K => sc[j] as u8 as i8 as i32,
                        _ => sc[j] as i32,
                    };
                    assert!(same(g.scale, d * stored as f32), "{} sub-block {j}", t.id());
                    if let Some(min) = g.min {
                        let dmin_at = t.info().fields.iter().find(|f| f.name == "dmin").unwrap().offset;
                        let dmin = crate::gguf::half::f16_to_f32(u16::from_le_bytes([block[dmin_at], block[dmin_at + 1]]));
                        assert!(same(min, -(dmin * mn[j] as f32)), "{} sub-block {j} min", t.id());
                    }
                }
            }
        }
    }
}
