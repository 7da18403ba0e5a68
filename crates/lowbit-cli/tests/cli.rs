//! The `lowbit` binary as a conformance interface: output shapes, exit codes, errors.

use std::io::Write;
use std::process::{Command, Stdio};

fn lowbit(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lowbit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lowbit");
    // A command refused on its command line exits without reading stdin: a broken pipe here
    // is that, not a failure.
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

#[test]
fn decode_json_has_the_documented_fields() {
    let v = json(&["decode", "float8_e4m3fn", "0x7e", "0b0_1111_111", "0", "128", "--json"], "");
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["code"], 126);
    assert_eq!(rows[0]["bits"], "01111110");
    assert_eq!(rows[0]["class"], "normal");
    assert_eq!(rows[0]["value"].as_f64(), Some(448.0));
    assert_eq!(rows[1]["value"], "nan");
    assert_eq!(rows[1]["class"], "nan");
    assert_eq!(rows[2]["class"], "zero");
    let negative_zero = rows[3]["value"].as_f64().unwrap();
    assert!(negative_zero == 0.0 && negative_zero.is_sign_negative());
    let inf = json(&["decode", "float16", "0x7c00", "0xfc00", "--json"], "");
    assert_eq!(inf[0]["value"], "inf");
    assert_eq!(inf[1]["value"], "-inf");
    assert_eq!(inf[0]["class"], "infinite");
}

#[test]
fn encode_json_in_input_order_with_status() {
    let v = json(&["encode", "float8_e4m3fn", "448", "464", "465", "-0", "1e-9", "--json"], "");
    let rows = v.as_array().unwrap();
    assert_eq!(rows.iter().map(|r| r["code"].as_u64().unwrap()).collect::<Vec<_>>(), [126, 126, 127, 128, 0]);
    assert_eq!(rows[0]["input"], "448");
    assert_eq!(rows[0]["status"], serde_json::json!(["exact"]));
    assert_eq!(rows[1]["error"].as_f64(), Some(-16.0));
    assert_eq!(rows[2]["status"], serde_json::json!(["inexact", "overflow"]));
    assert_eq!(rows[4]["status"], serde_json::json!(["inexact", "underflow"]));
}

/// The error is value − the exact decimal input, as the nearest double (§2 of issue 7):
/// against 0.1's nearest double it would be −0.00002441406250000555.
#[test]
fn encode_errors_are_computed_from_the_exact_decimal() {
    let (code, out, _) = lowbit(&["encode", "float16", "0.1", "--json"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["error"].as_f64(), Some(-0.0000244140625), "{out}");
    let v = json(&["encode", "bfloat16", "1.2", "--json"], "");
    assert_eq!(v[0]["value"].as_f64(), Some(1.203125));
    assert_eq!(v[0]["error"].as_f64(), Some(0.003125));
    // Exact inputs still have error 0; the text output shows the same exact error.
    let v = json(&["encode", "float16", "0.5", "--json"], "");
    assert_eq!(v[0]["error"].as_f64(), Some(0.0));
    let (_, text, _) = lowbit(&["encode", "float16", "0.1"], "");
    assert!(text.contains("-0.0000244140625") && !text.contains("0555"), "{text}");
}

/// A tiny decimal is rounded from its exact value, never flushed to zero through f64 first:
/// E8M0's smallest value 2^-127 is the nearest to 1e-330 (and to 1e-30000 when saturating).
#[test]
fn tiny_decimals_into_e8m0_round_to_its_smallest_value() {
    for args in [
        &["encode", "float8_e8m0fnu", "1e-330", "--json"][..],
        &["encode", "float8_e8m0fnu", "1e-30000", "--overflow", "saturate", "--json"][..],
        &["encode", "float8_e8m0fnu", "1e-30000", "--json"][..],
    ] {
        let v = json(args, "");
        assert_eq!(v[0]["code"].as_u64(), Some(0), "{args:?}: {v}");
        assert_eq!(v[0]["value"].as_f64(), Some(2f64.powi(-127)), "{args:?}");
        assert_eq!(v[0]["status"], serde_json::json!(["inexact", "underflow"]), "{args:?}");
    }
}

#[test]
fn encode_reads_stdin_and_rejects_a_malformed_line_without_output() {
    let v = json(&["encode", "float16", "--json"], "65519\n65520\n\n-inf\n");
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["value"].as_f64(), Some(65504.0));
    assert_eq!(v[1]["value"], "inf");
    let (code, out, err) = lowbit(&["encode", "float16"], "1\n2\nthree\n4\n");
    assert_eq!(code, 2);
    assert!(out.is_empty(), "nothing printed for the batch: {out}");
    assert!(err.contains("line 3") && err.lines().count() == 1, "{err}");
}

#[test]
fn rounding_and_overflow_options() {
    let c_cast = json(&["encode", "int4", "9.0", "3.7", "--round", "toward-zero", "--overflow", "wrap", "--json"], "");
    assert_eq!(c_cast[0]["value"].as_f64(), Some(-7.0));
    assert_eq!(c_cast[1]["value"].as_f64(), Some(3.0));
    let saturating = json(&["encode", "int4", "9.0", "--json"], "");
    assert_eq!(saturating[0]["value"].as_f64(), Some(7.0));
    let sat = json(&["encode", "float8_e4m3fn", "1000", "--overflow", "saturate", "--json"], "");
    assert_eq!(sat[0]["value"].as_f64(), Some(448.0));
    let a = json(&["encode", "float8_e4m3fn", "1.01", "1.02", "1.03", "--round", "stochastic", "--seed", "7", "--json"], "");
    let b = json(&["encode", "float8_e4m3fn", "1.01", "1.02", "1.03", "--round", "stochastic", "--seed", "7", "--json"], "");
    assert_eq!(a, b, "stochastic rounding is reproducible for a seed");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    for args in [
        vec!["decode", "float9", "1"],
        vec!["decode", "float16", "0x10000"],
        vec!["decode", "float16", "zz"],
        vec!["encode", "float16", "1.2.3"],
        vec!["encode", "float16", "1", "--round", "sideways"],
        vec!["encode", "float16", "1", "--overflow", "explode"],
        vec!["table", "float32"],
        vec!["frobnicate"],
        vec!["formats", "--colour"],
    ] {
        let (code, out, err) = lowbit(&args, "");
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    let (_, _, err) = lowbit(&["decode", "float9", "1"], "");
    assert!(err.contains("float8_e4m3fn"), "lists the valid choices: {err}");
    let (_, _, err) = lowbit(&["encode", "float16", "1", "--round", "sideways"], "");
    assert!(err.contains("nearest-even"), "{err}");
}

#[test]
fn table_and_formats() {
    let t = json(&["table", "float4_e2m1fn", "--json"], "");
    let values: Vec<f64> = t.as_array().unwrap().iter().take(8).map(|r| r["value"].as_f64().unwrap()).collect();
    assert_eq!(values, [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0]);
    assert_eq!(json(&["table", "bfloat16", "--json"], "").as_array().unwrap().len(), 65536);
    let f = json(&["formats", "--json"], "");
    let e4m3 = f.as_array().unwrap().iter().find(|r| r["id"] == "float8_e4m3fn").unwrap();
    assert_eq!(e4m3["max"].as_f64(), Some(448.0));
    assert_eq!(e4m3["nan_codes"], 2);
    assert_eq!(e4m3["has_inf"], false);
    let (code, out, _) = lowbit(&["table", "nf4", "--latex"], "");
    assert_eq!(code, 0);
    assert!(out.contains("\\begin{tabular}") && out.contains("0.07958029955625534"));
    let (_, md, _) = lowbit(&["formats", "--markdown"], "");
    assert!(md.contains("| float8_e5m2 |") && md.contains("57344"));
}

#[test]
fn bench_json_shape() {
    let v = json(&["bench", "--n", "2048", "--json"], "");
    let rows = v.as_array().unwrap();
    let e4m3 = rows.iter().find(|r| r["op"] == "encode" && r["format"] == "float8_e4m3fn").unwrap();
    assert!(e4m3["elements_per_second"].as_f64().unwrap() > 0.0);
    assert!(rows.iter().any(|r| r["op"] == "decode" && r["format"] == "bfloat16"));
}

#[test]
fn quantize_reproduces_the_seed_and_documents_its_json() {
    let v = json(&["quantize", "fp4_bnb", "--json"], "1 2 3 4");
    assert_eq!(v["scheme"], "fp4_bnb");
    assert_eq!(v["block"], 64);
    assert_eq!(v["packed"], serde_json::json!([117, 35]));
    assert_eq!(v["scales"][0].as_f64(), Some(4.0));
    let deq: Vec<f64> = v["dequantized"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    assert_eq!(deq, [1.0, 2.0, 2.6666667461395264, 4.0]);
    for key in ["mse", "rmse", "max_abs_error", "sqnr_db"] {
        assert!(v["metrics"][key].is_number(), "{key}");
    }
    let outlier = json(&["quantize", "fp4_bnb", "--json"], "[1, 2, 3, 64]");
    let deq: Vec<f64> = outlier["dequantized"].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    assert_eq!(deq[3], 64.0);
    assert!((deq[0] - 0.3333333).abs() < 1e-6);
    // Seed 002's INT4 absmax example: -0.5 / 0.3 = -1.67 rounds to -2, not -1.
    let int4 = json(&["quantize", "int4_absmax", "--json"], "-0.5, 0.3, 1.2, -2.1");
    assert_eq!(int4["codes"], serde_json::json!([-2, 1, 4, -7]));
    let mx = json(&["quantize", "mxfp4", "--json"], "7.9 1 0.5");
    assert_eq!(mx["block"], 32);
    assert_eq!(mx["dequantized"][0].as_f64(), Some(6.0), "MX floor rule clips 7.9 to 6");
    let nv = json(&["quantize", "nvfp4", "--json"], "1 2 3");
    assert!(nv["tensor_scale"].is_number());
    assert_eq!(nv["bits_per_element"].as_f64(), Some(4.5));
}

#[test]
fn quantize_rejects_bad_input() {
    for (args, stdin) in [
        (vec!["quantize", "mxfp4", "--block", "64"], "1 2"),
        (vec!["quantize", "nf5"], "1"),
        (vec!["quantize", "nf4"], "1 two 3"),
        (vec!["quantize", "nf4", "--block", "0"], "1"),
        (vec!["quantize", "int8_absmax", "--granularity", "diagonal"], "1"),
    ] {
        let (code, out, err) = lowbit(&args, stdin);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
}

#[test]
fn version_and_help_go_to_stdout_with_status_0() {
    let (code, out, err) = lowbit(&["--version"], "");
    assert_eq!((code, out.as_str(), err.as_str()), (0, concat!("lowbit ", env!("CARGO_PKG_VERSION"), "\n"), ""));
    for args in [vec!["--help"], vec!["help"], vec!["-h"]] {
        let (code, out, err) = lowbit(&args, "");
        assert_eq!(code, 0, "{args:?}: {err}");
        for command in ["formats", "decode", "encode", "table", "quantize", "bench", "completions"] {
            assert!(out.contains(command), "{args:?} lists {command}: {out}");
        }
    }
    for args in [vec!["help", "encode"], vec!["encode", "--help"]] {
        let (code, out, _) = lowbit(&args, "");
        assert_eq!(code, 0, "{args:?}");
        for option in ["--round", "--overflow", "--seed", "--json", "--csv", "nearest-even", "saturate"] {
            assert!(out.contains(option), "{args:?} documents {option}: {out}");
        }
    }
    let (code, out, _) = lowbit(&["quantize", "--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("--double-quant") && out.contains("--mx-scale") && out.contains("floor"), "{out}");
}

#[test]
fn completions_for_bash_zsh_fish() {
    for (shell, marker) in [("bash", "complete -F"), ("zsh", "#compdef lowbit"), ("fish", "complete -c lowbit")] {
        let (code, out, err) = lowbit(&["completions", shell], "");
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains(marker), "{shell}: {out}");
        for word in ["encode", "quantize", "completions", "overflow", "nearest-even", "saturate", "granularity"] {
            assert!(out.contains(word), "{shell} completes {word}");
        }
        if shell != "fish" {
            // clap_complete's fish script completes option values, not positional ones.
            for word in ["float8_e4m3fn", "nf4", "mxfp4"] {
                assert!(out.contains(word), "{shell} completes {word}");
            }
        }
    }
    // The bash script is valid bash.
    if let Ok(mut bash) = Command::new("bash").arg("-n").stdin(Stdio::piped()).spawn() {
        let (_, script, _) = lowbit(&["completions", "bash"], "");
        bash.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
        assert!(bash.wait().unwrap().success(), "bash -n accepts the script");
    }
    let (code, out, err) = lowbit(&["completions", "tcsh"], "");
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.trim_end().lines().count() == 1 && err.contains("bash, zsh, fish"), "{err}");
}

/// Usage errors: exit status 2, nothing on stdout, ONE line on stderr naming the problem and
/// (where there is a list) the valid choices.
#[test]
fn usage_errors_are_one_line_naming_the_valid_choices() {
    for (args, needles) in [
        (vec!["encode", "nosuchformat", "1"], vec!["nosuchformat", "float8_e4m3fn", "bfloat16", "eXmY"]),
        (vec!["encode", "float16", "1", "--colour"], vec!["--colour", "--round", "--overflow", "--json"]),
        (vec!["decode", "float16", "-x"], vec!["-x"]),
        (vec!["encode", "float16", "12z"], vec!["12z"]),
        (vec!["encode", "float16", "1", "--seed", "1.5"], vec!["--seed", "1.5"]),
        (vec!["bench", "--n", "many"], vec!["--n", "many"]),
        (vec!["quantize", "nf4", "--block", "-64"], vec!["--block", "-64"]),
        (vec!["decode", "float8_e4m3fn", "0x100"], vec!["0x100"]),
        (vec!["decode", "int4", "16"], vec!["16"]),
        (vec!["encode", "float16", "1", "--round", "sideways"], vec!["sideways", "nearest-even", "stochastic"]),
        (vec!["encode", "float16", "1", "--overflow"], vec!["--overflow", "saturate", "wrap"]),
        (vec!["quantize", "int8_absmax", "--granularity", "diagonal"], vec!["diagonal", "tensor, row, block"]),
        (vec!["quantize", "nf5"], vec!["nf5", "mxfp4", "cast:FORMAT"]),
        (vec!["quantize"], vec!["scheme", "nf4"]),
        (vec!["encode"], vec!["format", "float16"]),
        (vec!["decode", "float16"], vec!["code", "0x7e"]),
        (vec!["frobnicate"], vec!["frobnicate", "formats", "quantize", "completions"]),
        (vec![], vec!["command", "encode"]),
        (vec!["--frobnicate"], vec!["--frobnicate"]),
        (vec!["formats", "--json", "--csv"], vec!["--json", "--csv", "--markdown", "--latex"]),
        (vec!["table", "float16", "extra"], vec!["extra", "FORMAT"]),
    ] {
        let (code, out, err) = lowbit(&args, "");
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        assert!(err.starts_with("lowbit: ") && err.ends_with('\n') && err.lines().count() == 1, "{args:?}: {err:?}");
        for needle in needles {
            assert!(err.contains(needle), "{args:?} names {needle}: {err}");
        }
    }
}

#[test]
fn values_may_start_with_a_minus_and_options_go_anywhere() {
    let v = json(&["encode", "float16", "-inf", "-1e-9", "--json", "-.5", "--round", "up", "-0", "--overflow=saturate", "1e9"], "");
    let inputs: Vec<&str> = v.as_array().unwrap().iter().map(|r| r["input"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["-inf", "-1e-9", "-.5", "-0", "1e9"]);
    assert_eq!(v[0]["value"].as_f64(), Some(-65504.0), "saturate clamps -inf to -max (OCP satfinite)");
    assert_eq!(v[1]["value"].as_f64(), Some(-0.0), "-1e-9 rounds up to -0");
    assert_eq!(v[4]["value"].as_f64(), Some(65504.0), "saturated");
    // `--` still ends the options; an option's value may start with '-'.
    let v = json(&["encode", "--json", "float16", "--", "-2"], "");
    assert_eq!(v[0]["value"].as_f64(), Some(-2.0));
    let (code, _, err) = lowbit(&["quantize", "int8_meanstd", "--k", "-1"], "1 2");
    assert_eq!(code, 2);
    assert!(err.contains("--k must be a positive number, got '-1'"), "{err}");
    // Repeating an option: the last one counts.
    let v = json(&["encode", "float16", "1.1", "--round", "down", "--round", "up", "--json", "--json"], "");
    assert_eq!(v[0]["status"], serde_json::json!(["inexact"]));
    assert!(v[0]["value"].as_f64().unwrap() > 1.1);
}

/// The JSON shapes read back into typed structs through serde, and what `lowbit` writes it
/// reads: values decoded as JSON (NaN, ±∞, −0 included) quantize back to themselves.
#[test]
fn json_round_trips_through_serde() {
    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct CodeRow {
        code: u64,
        hex: String,
        bits: String,
        class: String,
        value: serde_json::Value,
        exact: String,
        sign: Option<i64>,
        exponent_field: Option<i64>,
        mantissa_field: Option<i64>,
        unbiased_exponent: Option<i64>,
        significand: Option<f64>,
    }
    #[derive(serde::Deserialize, Debug)]
    struct EncodeRow {
        input: String,
        code: u64,
        hex: String,
        bits: String,
        class: String,
        value: serde_json::Value,
        error: serde_json::Value,
        status: Vec<String>,
    }
    let (_, text, _) = lowbit(&["table", "float8_e4m3fn", "--json"], "");
    let rows: Vec<CodeRow> = serde_json::from_str(&text).unwrap();
    assert_eq!(rows.len(), 256);
    let keys: Vec<String> = serde_json::from_str::<Vec<serde_json::Map<String, serde_json::Value>>>(&text).unwrap()[0].keys().cloned().collect();
    assert_eq!(keys.len(), 11);
    assert_eq!((rows[126].code, rows[126].hex.as_str(), rows[126].value.as_f64()), (126, "0x7e", Some(448.0)));
    assert_eq!((rows[127].class.as_str(), &rows[127].value), ("nan", &serde_json::json!("nan")));
    // The same values as a JSON array on stdin: cast back to float8_e4m3fn they are unchanged.
    let values: Vec<&serde_json::Value> = rows.iter().map(|r| &r.value).collect();
    let back = json(&["quantize", "cast:float8_e4m3fn", "--json"], &serde_json::to_string(&values).unwrap());
    for (i, (code, value)) in back["codes"].as_array().unwrap().iter().zip(back["dequantized"].as_array().unwrap()).enumerate() {
        assert_eq!(value, values[i], "code {i}");
        if rows[i].class != "nan" {
            assert_eq!(code, i, "code {i}");
        }
    }
    // Encode: every row reads back into its struct; its code decodes to its value.
    let (_, text, _) = lowbit(&["encode", "bfloat16", "1.2", "-0", "nan", "1e39", "--json"], "");
    let encoded: Vec<EncodeRow> = serde_json::from_str(&text).unwrap();
    assert_eq!(encoded.iter().map(|r| r.input.as_str()).collect::<Vec<_>>(), ["1.2", "-0", "nan", "1e39"]);
    assert_eq!(encoded[1].value.to_string(), "-0.0");
    assert_eq!((&encoded[3].value, &encoded[3].status), (&serde_json::json!("inf"), &vec!["inexact".to_string(), "overflow".to_string()]));
    for row in &encoded {
        let decoded = json(&["decode", "bfloat16", &row.hex, "--json"], "");
        assert_eq!((&decoded[0]["value"], &decoded[0]["bits"], &decoded[0]["class"]), (&row.value, &serde_json::json!(row.bits), &serde_json::json!(row.class)));
        assert_eq!(decoded[0]["code"], row.code);
        assert!(row.error.is_number() || row.error.is_string() || row.error.is_null());
    }
    // Quantize: rows in, rows' length used; the output parses and its dequantized values go back in.
    let q = json(&["quantize", "int8_rowwise", "--json", "--trace"], "[[1, 2, 8], [0.5, -1, 3]]");
    assert_eq!(q["trace"].as_array().unwrap().len(), 6);
    let again = json(&["quantize", "cast:float32", "--json"], &q["dequantized"].to_string());
    assert_eq!(again["dequantized"], q["dequantized"]);
}

#[test]
fn p3109_formats_decode_encode_table() {
    let d = json(&["decode", "p3109_k8p3se", "0x7f", "0x80", "0xff", "0x7e", "0", "--json"], "");
    let rows = d.as_array().unwrap();
    assert_eq!(rows[0]["value"], "inf");
    assert_eq!(rows[1]["class"], "nan");
    assert_eq!(rows[2]["value"], "-inf");
    assert_eq!(rows[3]["value"].as_f64(), Some(49152.0));
    assert_eq!(rows[4]["class"], "zero");
    // Non-saturating by default (Inf in extended formats, NaN in finite ones), saturate = max.
    let codes = |args: &[&str]| -> Vec<u64> {
        json(args, "").as_array().unwrap().iter().map(|r| r["code"].as_u64().unwrap()).collect()
    };
    assert_eq!(codes(&["encode", "p3109_k8p3se", "1e9", "-1e9", "inf", "--json"]), [0x7f, 0xff, 0x7f]);
    assert_eq!(codes(&["encode", "p3109_k8p3sf", "1e9", "-1e9", "inf", "--json"]), [0x80, 0x80, 0x80]);
    assert_eq!(codes(&["encode", "p3109_k8p3se", "1e9", "-inf", "--overflow", "saturate", "--json"]), [0x7e, 0xfe]);
    assert_eq!(codes(&["encode", "p3109_k8p3sf", "1e9", "--overflow", "sat-none", "--json"]), [0x7f]);
    assert_eq!(codes(&["encode", "p3109_k8p3se", "inf", "--overflow", "sat-propagate", "--json"]), [0x7f]);
    // Round to odd: 1.1 lies between 1 (0x40, even) and 1.25 (0x41, odd).
    assert_eq!(codes(&["encode", "p3109_k8p3se", "1.1", "1.25", "1", "--round", "odd", "--json"]), [0x41, 0x41, 0x40]);
    // Stochastic with 1 random bit: a quarter of the way rounds to nearest-even of 0.5 = 0, never up.
    let quarter: Vec<String> = std::iter::repeat_n("1.0625".to_string(), 50).collect();
    let mut args = vec!["encode", "p3109_k8p3se", "--round", "stochastic", "--sr-bits", "1", "--seed", "9", "--json"];
    args.extend(quarter.iter().map(String::as_str));
    assert!(codes(&args).iter().all(|&c| c == 0x40));
    let (code, _, err) = lowbit(&["encode", "p3109_k8p3se", "1", "--sr-bits", "4"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--round stochastic"), "{err}");
    let (code, _, err) = lowbit(&["encode", "p3109_k8p3se", "1", "--round", "stochastic", "--sr-bits", "0"], "");
    assert_eq!(code, 2);
    assert!(err.contains("1 to 32"), "{err}");
    let table = json(&["table", "p3109_k8p3ue", "--json"], "");
    let table = table.as_array().unwrap();
    assert_eq!(table.len(), 256);
    assert_eq!(table[0x80]["value"].as_f64(), Some(1.0));
    assert_eq!(table[0xfe]["value"], "inf");
    assert_eq!(table[0xff]["class"], "nan");
    // formats: the catalogue has gfloat's 8-bit P3109 formats; --p3109 lists all 108.
    let catalogue = json(&["formats", "--json"], "");
    let se = catalogue.as_array().unwrap().iter().find(|r| r["id"] == "p3109_k8p3se").unwrap();
    assert_eq!(se["max"].as_f64(), Some(49152.0));
    assert_eq!(se["has_negative_zero"], false);
    assert_eq!(se["nan_codes"], 1);
    let family = json(&["formats", "--p3109", "--json"], "");
    assert_eq!(family.as_array().unwrap().len(), 108);
    let named = json(&["formats", "p3109_k6p3uf", "binary8p4se", "--json"], "");
    assert_eq!(named[0]["id"], "p3109_k6p3uf");
    assert_eq!(named[1]["max"].as_f64(), Some(224.0));
    let (code, _, err) = lowbit(&["decode", "p3109_k9p3se", "0"], "");
    assert_eq!(code, 2);
    assert!(err.contains("K = 3 to 8"), "{err}");
}
