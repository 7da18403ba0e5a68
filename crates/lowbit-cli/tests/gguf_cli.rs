//! `lowbit quantize TYPE` and `lowbit dequantize TYPE` for the GGUF block formats.

use std::io::Write;
use std::process::{Command, Stdio};

use lowbit_core::gguf::{self, GgufType};

fn lowbit(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lowbit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lowbit");
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{args:?}: {e}");
    }
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn json(args: &[&str], stdin: &str) -> serde_json::Value {
    let (code, out, err) = lowbit(args, stdin);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} gave invalid JSON ({e}): {out}"))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn f32s(v: &serde_json::Value) -> Vec<f32> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect()
}

fn ramp(n: usize) -> Vec<f32> {
    (0..n).map(|i| ((i as f32) * 0.731).sin() * (1.0 + i as f32 / 50.0)).collect()
}

fn text(values: &[f32]) -> String {
    values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(" ")
}

#[test]
fn quantize_json_has_the_blocks_as_ggml_stores_them() {
    for t in GgufType::ALL {
        let x = ramp(2 * t.block_elements());
        let v = json(&["quantize", t.id(), "--json"], &text(&x));
        let bytes = gguf::quantize(t, &x);
        assert_eq!(v["scheme"], t.id());
        assert_eq!(v["block"], t.block_elements());
        assert_eq!(v["blocks_hex"], hex(&bytes), "{}", t.id());
        let packed: Vec<u8> = v["packed"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect();
        assert_eq!(packed, bytes);
        assert_eq!(v["bits_per_element"].as_f64(), Some(t.bits_per_element()));
        let codes: Vec<i32> = v["codes"].as_array().unwrap().iter().map(|c| c.as_i64().unwrap() as i32).collect();
        assert_eq!(codes, gguf::codes(t, &bytes).unwrap());
        let deq = f32s(&v["dequantized"]);
        let want = gguf::dequantize(t, &bytes).unwrap();
        assert_eq!(deq.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), want.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        let scales = v["scales"].as_array().unwrap();
        assert_eq!(scales.len(), 2 * t.block_elements() / t.info().group, "{}", t.id());
        for (s, g) in scales.iter().zip(gguf::scales(t, &bytes).unwrap()) {
            match g.min {
                Some(m) => {
                    assert_eq!(s["scale"].as_f64().unwrap() as f32, g.scale);
                    assert_eq!(s["min"].as_f64().unwrap() as f32, m);
                }
                None => assert_eq!(s.as_f64().unwrap() as f32, g.scale),
            }
        }
        assert!(v["metrics"]["sqnr_db"].is_number());
    }
}

#[test]
fn bits_per_element_of_the_issue() {
    for (id, bits) in [("q4_0", 4.5), ("Q4_K", 4.5), ("q6_k", 6.5625), ("tq2_0", 2.0625), ("q8_0", 8.5), ("q2_k", 2.625)] {
        let v = json(&["quantize", id, "--json"], "1 2 3");
        assert_eq!(v["bits_per_element"].as_f64(), Some(bits), "{id}");
    }
}

#[test]
fn upper_case_ids_and_mxfp4_stays_ocp() {
    let v = json(&["quantize", "Q4_K", "--json"], "1 -2 3");
    assert_eq!(v["scheme"], "q4_k");
    let ocp = json(&["quantize", "mxfp4", "--json"], "0.75 1.75 3.5 6");
    assert!(ocp.get("blocks_hex").is_none());
    assert_eq!(f32s(&ocp["dequantized"]), [1.0, 2.0, 4.0, 6.0]);
    let ggml = json(&["quantize", "MXFP4_GGUF", "--json"], "0.75 1.75 3.5 6");
    assert_eq!(f32s(&ggml["dequantized"]), [0.5, 1.5, 3.0, 6.0]);
    assert_eq!(&ggml["blocks_hex"].as_str().unwrap()[..10], "7f01030507");
}

#[test]
fn partial_blocks_are_padded_and_block_ignored_with_notes() {
    let v = json(&["quantize", "q4_0", "--json", "--block", "64"], "-0.5 0.3 1.2 -2.1");
    assert_eq!(v["n"], 4);
    assert_eq!(v["codes"].as_array().unwrap().len(), 4);
    assert_eq!(v["dequantized"].as_array().unwrap().len(), 4);
    assert_eq!(v["blocks_hex"].as_str().unwrap().len(), 2 * 18);
    let notes = v["notes"].to_string();
    assert!(notes.contains("padded") && notes.contains("ignored"), "{notes}");
    // Rows are padded one by one.
    let v = json(&["quantize", "q8_0", "--json"], "[[1, 2, 3], [4, 5, 6]]");
    assert_eq!(v["blocks_hex"].as_str().unwrap().len(), 2 * 2 * 34);
    assert_eq!(f32s(&v["dequantized"]).len(), 6);
}

#[test]
fn dequantize_reads_hex_from_the_flag_or_stdin() {
    let x = ramp(256);
    for t in GgufType::ALL {
        let bytes = gguf::quantize(t, &x);
        let want: Vec<u32> = gguf::dequantize(t, &bytes).unwrap().iter().map(|v| v.to_bits()).collect();
        let v = json(&["dequantize", t.id(), "--hex", &hex(&bytes), "--json"], "");
        let got: Vec<u32> = f32s(&v["dequantized"]).iter().map(|v| v.to_bits()).collect();
        assert_eq!(got, want, "{}", t.id());
        let v = json(&["dequantize", &t.id().to_uppercase(), "--json"], &format!("{}\n", hex(&bytes).to_uppercase()));
        assert_eq!(f32s(&v["dequantized"]).len(), want.len());
    }
    let (code, out, _) = lowbit(&["dequantize", "q4_0", "--hex", "0040"], "");
    assert_eq!(code, 2, "{out}");
}

#[test]
fn dequantize_refuses_partial_blocks_naming_the_block_size() {
    let (code, out, err) = lowbit(&["dequantize", "q4_0", "--hex", &"00".repeat(17), "--json"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("18 bytes") && err.contains("32 elements"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
    let (code, _, err) = lowbit(&["dequantize", "q4_k", "--hex", "zz"], "");
    assert_eq!(code, 2);
    assert!(err.contains("hex"), "{err}");
    let (code, _, err) = lowbit(&["dequantize", "mxfp4", "--hex", "00"], "");
    assert_eq!(code, 2);
    assert!(err.contains("mxfp4_gguf"), "{err}");
    let (code, _, err) = lowbit(&["quantize", "q4_0", "--k", "2"], "1");
    assert_eq!(code, 2);
    assert!(err.contains("--k"), "{err}");
}

#[test]
fn text_output_lists_blocks_and_scales() {
    let (code, out, err) = lowbit(&["quantize", "q4_1"], "1 2 3 4");
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("block 0: ") && out.contains("scales/mins:"), "{out}");
    let (code, out, _) = lowbit(&["dequantize", "q8_0", "--hex", &format!("003c{}", "01".repeat(32))], "");
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 32);
    assert_eq!(out.lines().next(), Some("1"));
}
