//! The GGUF rows of the registry ([`super::SchemeInfo::ggml`]): glue between [`super::Scheme`]
//! and the one implementation of the ggml types, [`crate::gguf`].
//!
//! The input is quantized as one row, zero-padded to whole blocks (ggml refuses a partial
//! block; a note says so). [`super::Quantized::blocks`] holds ggml's bytes, the codes are the
//! stored levels before any offset ([`crate::gguf::codes`]), the scales (and mins) the
//! effective ones of each group ([`crate::gguf::scales`]; a k-quant's group is its
//! sub-block). The trace reads everything back from the blocks: ggml's scale searches are not
//! element-wise, so `rounded` and `clamped` are the chosen level (`code − offset`, or the
//! codebook value), `x / scale` is `(x − min) / scale` in f64, and the zero point is
//! `−min / scale` (0 without a min), so that dequantized = (level − zero point) · scale.

use std::ops::Range;

use super::codes::Codes;
use super::Remark;
use super::{Options, Quantized, TraceRow};
use crate::gguf::{self, GgufType};

/// Width of a stored code in bits (q8_0: 8, signed; the others unsigned).
pub(super) fn code_bits(t: GgufType) -> u32 {
    match t {
        GgufType::Q8_0 => 8,
        GgufType::Q5_0 | GgufType::Q5_1 | GgufType::Q5K => 5,
        GgufType::Q6K => 6,
        GgufType::Q3K => 3,
        GgufType::Q2K | GgufType::Tq1_0 | GgufType::Tq2_0 => 2,
        GgufType::Q4_0 | GgufType::Q4_1 | GgufType::Q4K | GgufType::Iq4Nl | GgufType::Mxfp4 => 4,
    }
}

/// Quantizes `input` (one row, zero-padded to whole blocks) into `q`.
pub(super) fn encode(t: GgufType, input: &[f32], options: &Options, q: &mut Quantized) {
    let be = t.block_elements();
    let n = input.len();
    if let Some(r) = options.row_len.filter(|&r| r > 0 && r < n && r % be != 0) {
        q.notes.push(Remark::GgufOneRow(t.id().to_string(), r, n, be));
    }
    let added = n.div_ceil(be) * be - n;
    if added > 0 {
        q.notes.push(Remark::GgufPadded(n, added, be));
    }
    gguf::quantize_into(t, input, &mut q.blocks);
    // The blocks are whole by construction: these cannot fail.
    let codes = gguf::codes(t, &q.blocks).unwrap_or_default();
    let signed = t == GgufType::Q8_0;
    q.codes = Codes::bytes(codes.iter().take(n).map(|&c| c as u8).collect(), code_bits(t), signed);
    let scales = gguf::scales(t, &q.blocks).unwrap_or_default();
    q.scales = scales.iter().map(|s| s.scale).collect();
    if t.info().has_min {
        q.mins = scales.iter().map(|s| s.min.unwrap_or(0.0)).collect();
    }
    if t == GgufType::Mxfp4 {
        q.scale_codes = q.blocks.iter().step_by(t.block_bytes()).copied().collect();
    }
}

/// The reconstruction of the input's elements (the padding dropped).
pub(super) fn decode(t: GgufType, q: &Quantized, out: &mut Vec<f32>) {
    if gguf::dequantize_into(t, &q.blocks, out).is_err() {
        out.clear();
        out.resize(q.codes.len(), f32::NAN);
    }
    out.truncate(q.codes.len());
}

/// The rows `rows` of the trace, read back from the blocks.
pub(super) fn trace(t: GgufType, input: &[f32], q: &Quantized, rows: Range<usize>) -> Vec<TraceRow> {
    let group = t.info().group;
    rows.map(|i| {
        let g = i / group;
        let scale = q.scales.get(g).copied().unwrap_or(f32::NAN) as f64;
        let min = q.mins.get(g).copied().unwrap_or(0.0) as f64;
        let code = q.codes.get(i).unwrap_or(0);
        let level = t.level(code as i32) as f64;
        let x = input[i] as f64;
        let members = &input[g * group..input.len().min((g + 1) * group)];
        let absmax = members.iter().fold(0f32, |m, v| m.max(v.abs())) as f64;
        let zero_point = if min == 0.0 { 0.0 } else { -min / scale };
        TraceRow {
            index: i,
            group: g,
            input: x,
            absmax,
            scale,
            zero_point,
            scaled: (x - min) / scale,
            rounded: level,
            clamped: level,
            clipped: false,
            code,
            dequantized: q.dequantized[i] as f64,
            error: 0.0,
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use crate::gguf::{self, GgufType};
    use crate::quant::{Options, Scheme};

    /// The registry row gives exactly the gguf module's bytes, codes, scales and values.
    #[test]
    fn the_scheme_is_the_gguf_module() {
        let x: Vec<f32> = (0..300).map(|k| ((k as f32) * 0.37).sin() * 3.0 + (k % 7) as f32 * 0.1).collect();
        for t in GgufType::ALL {
            let s = Scheme::parse(&t.id().to_ascii_uppercase()).unwrap();
            assert_eq!(s.id, t.id());
            let q = s.quantize(&x, &Options { trace: true, ..Options::default() });
            let blocks = gguf::quantize(t, &x);
            assert_eq!(q.blocks, blocks, "{}", t.id());
            assert_eq!(q.packed(), &blocks[..]);
            let values = gguf::dequantize(t, &blocks).unwrap();
            assert!(q.dequantized.iter().zip(&values).all(|(a, b)| a.to_bits() == b.to_bits()), "{}", t.id());
            assert_eq!(q.dequantized.len(), x.len());
            let codes = gguf::codes(t, &blocks).unwrap();
            assert!(q.codes.iter().zip(&codes).all(|(&a, &b)| a == b as i64), "{}", t.id());
            assert_eq!(q.bits_per_element, t.bits_per_element());
            assert_eq!(q.storage_bytes as usize, blocks.len());
            assert_eq!(q.block, t.block_elements());
            assert!(q.notes.iter().any(|n| n.contains("padded")), "{}: {:?}", t.id(), q.notes);
            let scales = gguf::scales(t, &blocks).unwrap();
            assert_eq!(q.scales, scales.iter().map(|s| s.scale).collect::<Vec<_>>());
            assert_eq!(q.mins.is_empty(), !t.info().has_min);
            // Each trace row's level times its scale plus min is the dequantized value.
            for r in &q.trace {
                let g = &scales[r.group];
                let v = g.scale * r.clamped as f32 + g.min.unwrap_or(0.0);
                assert_eq!(v, r.dequantized as f32, "{} row {}", t.id(), r.index);
            }
        }
        assert_eq!(Scheme::parse("q6_k").unwrap().quantize(&x, &Options::default()).bits_per_element, 6.5625);
        assert_eq!(Scheme::parse("tq2_0").unwrap().quantize(&x, &Options::default()).bits_per_element, 2.0625);
        assert_eq!(Scheme::parse("mxfp4").unwrap().id, "mxfp4");
        assert!(Scheme::parse("mxfp4").unwrap().info.ggml.is_none());
    }

    #[test]
    fn a_foreign_block_size_falls_back_with_a_note() {
        let s = Scheme::parse("q4_0").unwrap();
        let o = Options { block: Some(64), ..Options::default() };
        assert!(s.check(&o).unwrap_err().contains("32 only"));
        let q = s.quantize(&[1.0; 32], &o);
        assert_eq!(q.block, 32);
        assert!(q.notes.iter().any(|n| n.contains("defaults")));
    }
}
