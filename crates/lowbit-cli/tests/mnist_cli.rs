//! `lowbit mnist train|eval` as a black box: the JSON contract, the seed's sizes, the files it
//! writes and reads, and exit status 2 with a message naming what is wrong.

use std::io::Write;
use std::process::{Command, Stdio};

fn lowbit(args: &[&str]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lowbit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lowbit");
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn json(args: &[&str]) -> serde_json::Value {
    let (code, out, err) = lowbit(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?} gave invalid JSON ({e}): {out}"))
}

fn tmp(name: &str) -> String {
    format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"))
}

fn field(v: &serde_json::Value, key: &str) -> f64 {
    v[key].as_f64().unwrap_or_else(|| panic!("{key} in {v}"))
}

#[test]
fn eval_prints_every_scheme_with_the_seeds_sizes() {
    let v = json(&["mnist", "eval", "--json"]);
    let rows = v.as_array().unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r["scheme"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "float32", "bfloat16", "float16", "float8_e4m3fn", "float8_e5m2", "int8_rowwise", "int4_absmax", "fp4_bnb",
            "nf4", "mxfp4", "nvfp4", "ternary", "binary", "bitnet_b158"
        ]
    );
    let row = |id: &str| rows.iter().find(|r| r["scheme"] == id).unwrap();
    assert_eq!(field(row("float32"), "size_kb"), 427.2890625);
    assert_eq!(field(row("float32"), "agree_with_fp32"), 1.0);
    assert_eq!(field(row("float32"), "bits_per_parameter"), 32.0);
    assert_eq!(field(row("int8_rowwise"), "size_kb"), 107.4140625);
    for id in ["fp4_bnb", "nf4"] {
        assert_eq!(field(row(id), "size_kb"), 54.1015625);
        assert!(field(row(id), "true_size_kb") > 54.1015625);
    }
    let fp32 = field(row("float32"), "accuracy");
    assert!((88.0..93.0).contains(&fp32), "{fp32}");
    for r in rows {
        let acc = field(r, "accuracy");
        assert!((50.0..=100.0).contains(&acc), "{r}");
        assert!(field(r, "true_size_kb") >= field(r, "size_kb"));
    }
}

#[test]
fn eval_schemes_and_mixed_layers() {
    let v = json(&["mnist", "eval", "--scheme", "nf4", "int8_rowwise", "--layers", "nf4,int8_rowwise,float32", "--json"]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["scheme"], "nf4,int8_rowwise,float32");
    let want = (100_352.0 * 4.0 + 8_192.0 * 8.0 + 640.0 * 32.0 + 202.0 * 32.0) / 8192.0;
    assert_eq!(field(&rows[2], "size_kb"), want);
    let (code, out, _) = lowbit(&["mnist", "eval", "--scheme", "ternary"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("scheme") && out.contains("ternary"), "{out}");
}

#[test]
fn eval_help_lists_the_schemes() {
    let (code, out, _) = lowbit(&["mnist", "eval", "--help"]);
    assert_eq!(code, 0);
    for id in ["float32", "int8_rowwise", "fp4_bnb", "nf4", "mxfp4", "nvfp4", "ternary", "binary", "bitnet_b158"] {
        assert!(out.contains(id), "{id} missing from:\n{out}");
    }
}

#[test]
fn bad_input_exits_2_naming_the_problem() {
    let check = |args: &[&str], needle: &str| {
        let (code, out, err) = lowbit(args);
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    };
    check(&["mnist", "eval", "--scheme", "float7"], "unknown scheme 'float7'; valid: float32");
    check(&["mnist", "eval", "--layers", "nf4,nf4"], "--layers takes 3");
    check(&["mnist", "eval", "--weights", "/nonexistent/w.safetensors"], "cannot read '/nonexistent/w.safetensors'");
    check(&["mnist", "train", "--qat", "mxfp4"], "--qat does not train 'mxfp4'");
    check(&["mnist", "train", "--epochs", "0"], "--epochs must be");
    check(&["mnist", "train", "--qat", "ternary", "--layers", "ternary,ternary,float32"], "not both");

    // Weights with a renamed key and a wrong dtype (as a torch user might save them).
    let good = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../lowbit-mnist/data/seed0-fp32.safetensors")).unwrap();
    let header = 8 + u64::from_le_bytes(good[..8].try_into().unwrap()) as usize;
    // Same length: the header size and the offsets stay valid.
    let renamed = String::from_utf8(good[8..header].to_vec()).unwrap().replace("model.4.weight", "model.4.kernel");
    let mut bytes = good[..8].to_vec();
    bytes.extend_from_slice(renamed.as_bytes());
    bytes.extend_from_slice(&good[header..]);
    let path = tmp("renamed.safetensors");
    std::fs::write(&path, &bytes).unwrap();
    check(&["mnist", "eval", "--weights", &path], "missing key 'model.4.weight'");
    check(&["mnist", "eval", "--weights", &path], "unexpected key(s) 'model.4.kernel'");

    // A truncated data file.
    let data = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../lowbit-mnist/data/mnist-10k.safetensors")).unwrap();
    let path = tmp("truncated.safetensors");
    std::fs::File::create(&path).unwrap().write_all(&data[..1000]).unwrap();
    check(&["mnist", "eval", "--data", &path], "truncated");
}

#[test]
fn train_writes_weights_that_eval_reads() {
    let out = tmp("one-epoch.safetensors");
    let v = json(&["mnist", "train", "--epochs", "1", "--seed", "3", "--lr", "0.05", "--out", &out, "--json"]);
    let epochs = v["epochs"].as_array().unwrap();
    assert_eq!(epochs.len(), 1);
    assert_eq!(epochs[0]["epoch"], 1);
    assert!(field(&epochs[0], "loss") < 2.3);
    assert!(v.get("ptq_accuracy").is_none());
    assert!(field(&v, "seconds") >= 0.0);
    let accuracy = field(&v, "accuracy");
    assert!((70.0..95.0).contains(&accuracy), "{accuracy}");
    assert_eq!(field(&epochs[0], "accuracy"), accuracy);
    let e = json(&["mnist", "eval", "--weights", &out, "--scheme", "float32", "--json"]);
    assert_eq!(field(&e[0], "accuracy"), accuracy);
}

#[test]
fn qat_fine_tune_reports_ptq_accuracy() {
    let init = concat!(env!("CARGO_MANIFEST_DIR"), "/../lowbit-mnist/data/seed0-fp32.safetensors");
    let v = json(&["mnist", "train", "--qat", "ternary", "--init", init, "--epochs", "1", "--json"]);
    let ptq = field(&v, "ptq_accuracy");
    let e = json(&["mnist", "eval", "--weights", init, "--scheme", "ternary", "--json"]);
    assert_eq!(ptq, field(&e[0], "accuracy"), "PTQ of the --init weights");
    assert!(field(&v, "accuracy") > 80.0, "{v}");
}
