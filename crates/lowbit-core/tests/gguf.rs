//! The GGUF block formats against ggml 0.25.3 (`ggml_quantize_chunk` without an importance
//! matrix, `to_float`) and gguf-py 0.19.0: fixtures from scripts/gen_gguf_fixtures.py.
//!
//! Quantized bytes must be identical. Dequantized values are compared as bit patterns with
//! ggml (so −0.0 must be −0.0 where ggml gives it; NaN payloads too). gguf-py's numpy
//! dequantizers are compared by bits as well; the one deliberate allowance is the sign of a
//! zero, for which a numpy expression may differ from ggml's C (counted and reported).

use lowbit_core::gguf::{self, GgufType};
use serde_json::Value;

fn fixture() -> Value {
    let text = include_str!("fixtures/gguf.json");
    serde_json::from_str(text).expect("gguf.json parses")
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn f32s(s: &str) -> Vec<f32> {
    hex(s).chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn input(fx: &Value, name: &str) -> Vec<f32> {
    f32s(fx["inputs"][name]["f32_hex"].as_str().unwrap())
}

fn types() -> impl Iterator<Item = GgufType> {
    GgufType::ALL.into_iter()
}

/// Bit-identical, NaN payloads included; `zero_sign_ok` lets +0 and −0 match.
fn same_bits(got: &[f32], want: &[f32], zero_sign_ok: bool, what: &str) -> usize {
    assert_eq!(got.len(), want.len(), "{what}: length");
    let mut zero_sign = 0;
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if g.to_bits() == w.to_bits() {
            continue;
        }
        if zero_sign_ok && *g == 0.0 && *w == 0.0 {
            zero_sign += 1;
            continue;
        }
        panic!("{what}: element {i}: got {g:e} ({:#010x}), want {w:e} ({:#010x})", g.to_bits(), w.to_bits());
    }
    zero_sign
}

#[test]
fn quantize_matches_ggml_byte_for_byte() {
    let fx = fixture();
    for t in types() {
        for (name, want) in fx["ggml"][t.id()].as_object().unwrap() {
            let got = gguf::quantize(t, &input(&fx, name));
            let want = hex(want["blocks_hex"].as_str().unwrap());
            assert_eq!(got.len(), want.len(), "{} {name}", t.id());
            for (b, (g, w)) in got.chunks(t.block_bytes()).zip(want.chunks(t.block_bytes())).enumerate() {
                assert_eq!(g, w, "{} {name}: block {b}", t.id());
            }
        }
    }
}

#[test]
fn dequantize_matches_ggml_bit_for_bit() {
    let fx = fixture();
    for t in types() {
        for (name, want) in fx["ggml"][t.id()].as_object().unwrap() {
            let blocks = hex(want["blocks_hex"].as_str().unwrap());
            let got = gguf::dequantize(t, &blocks).unwrap();
            same_bits(&got, &f32s(want["dequantized_hex"].as_str().unwrap()), false, &format!("{} {name}", t.id()));
        }
        let random = &fx["random_blocks"][t.id()];
        let got = gguf::dequantize(t, &hex(random["blocks_hex"].as_str().unwrap())).unwrap();
        same_bits(&got, &f32s(random["ggml_hex"].as_str().unwrap()), false, &format!("{} random bytes", t.id()));
    }
}

#[test]
fn gguf_py_quantizers_and_dequantizers_agree() {
    let fx = fixture();
    let mut quantized = 0;
    for t in types() {
        for (name, want) in fx["gguf_py"][t.id()].as_object().unwrap() {
            if let Some(b) = want.get("blocks_hex") {
                assert_eq!(gguf::quantize(t, &input(&fx, name)), hex(b.as_str().unwrap()), "{} {name}", t.id());
                quantized += 1;
            }
            let blocks = hex(fx["ggml"][t.id()][name]["blocks_hex"].as_str().unwrap());
            let got = gguf::dequantize(t, &blocks).unwrap();
            same_bits(&got, &f32s(want["dequantized_hex"].as_str().unwrap()), true, &format!("gguf-py {} {name}", t.id()));
        }
        let random = &fx["random_blocks"][t.id()];
        let got = gguf::dequantize(t, &hex(random["blocks_hex"].as_str().unwrap())).unwrap();
        same_bits(&got, &f32s(random["gguf_py_hex"].as_str().unwrap()), true, &format!("gguf-py {} random bytes", t.id()));
    }
    // q8_0, q4_0, q4_1, q5_0, q5_1, tq1_0, tq2_0, mxfp4: every input.
    assert_eq!(quantized, 8 * fx["inputs"].as_object().unwrap().len());
}

#[test]
fn mxfp4_shared_exponent_follows_log2f_rounding() {
    // amax = (2 − j·2^-23)·2^k: log2f rounds up to k + 1 for small enough j, so ggml's
    // floor(log2f(amax)) is not floor(log2(amax)) there.
    let fx = fixture();
    let rows = fx["mxfp4_log2"].as_array().unwrap();
    assert!(rows.len() > 1000);
    let mut rounded_up = 0;
    for r in rows {
        let (k, j, e) = (r[0].as_i64().unwrap() as i32, r[1].as_i64().unwrap() as f64, r[2].as_u64().unwrap() as u8);
        let amax = ((2.0 - j * 2f64.powi(-23)) * 2f64.powi(k)) as f32;
        let mut x = [0f32; 32];
        x[0] = amax;
        let b = gguf::quantize(GgufType::Mxfp4, &x);
        assert_eq!(b[0], e, "k {k} j {j}");
        if k >= 0 && e as i32 == k + 1 - 2 + 127 {
            rounded_up += 1;
        }
    }
    assert!(rounded_up > 0);
}

#[test]
fn codes_levels_and_scales_rebuild_the_dequantized_values() {
    let fx = fixture();
    for t in types() {
        for (name, want) in fx["ggml"][t.id()].as_object().unwrap() {
            let blocks = hex(want["blocks_hex"].as_str().unwrap());
            let deq = gguf::dequantize(t, &blocks).unwrap();
            let codes = gguf::codes(t, &blocks).unwrap();
            let scales = gguf::scales(t, &blocks).unwrap();
            let group = t.info().group;
            assert_eq!(scales.len() * group, deq.len());
            for (i, (&v, &c)) in deq.iter().zip(&codes).enumerate() {
                let s = scales[i / group];
                let level = t.level(c);
                let rebuilt = match s.min {
                    Some(m) => s.scale * level + m,
                    None => s.scale * level,
                };
                // ggml multiplies level · d (commutative) or (d · sc) · level: same bits, except
                // that mxfp4_gguf's halves are exact either way.
                assert!(
                    rebuilt.to_bits() == v.to_bits() || (rebuilt.is_nan() && v.is_nan()),
                    "{} {name} element {i}: code {c} scale {s:?} -> {rebuilt:e}, dequantized {v:e}",
                    t.id()
                );
            }
        }
    }
}

#[test]
fn partial_blocks_are_zero_padded_and_bad_lengths_refused() {
    for t in types() {
        let n = t.block_elements() + 3;
        let x: Vec<f32> = (0..n).map(|i| (i as f32 * 0.37).sin()).collect();
        let b = gguf::quantize(t, &x);
        assert_eq!(b.len(), 2 * t.block_bytes());
        let (padded, added) = gguf::pad_to_blocks(t, &x);
        assert_eq!(added, t.block_elements() - 3);
        assert_eq!(gguf::quantize(t, &padded), b);
        let err = gguf::dequantize(t, &b[1..]).unwrap_err();
        assert!(err.contains(&t.block_bytes().to_string()), "{err}");
        assert!(gguf::quantize(t, &[]).is_empty());
        assert!(gguf::dequantize(t, &[]).unwrap().is_empty());
    }
}
