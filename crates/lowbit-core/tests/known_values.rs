//! Hand-checked values from the OCP specs, ml_dtypes' finfo and the seed articles.

use lowbit_core::{Format, OverflowPolicy, RoundingMode, Encoder, Class};

fn fmt(id: &str) -> Format {
    Format::parse(id).unwrap()
}

fn enc(id: &str, text: &str) -> f64 {
    Encoder::with_defaults(&fmt(id)).encode_text(text).unwrap().value
}

fn enc_with(id: &str, text: &str, mode: RoundingMode, overflow: OverflowPolicy) -> f64 {
    Encoder::new(&fmt(id), Some(mode), overflow, 1).encode_text(text).unwrap().value
}

#[test]
fn derived_limits_match_the_specs() {
    let cases: &[(&str, f64, f64, f64)] = &[
        ("float16", 65504.0, 6.103515625e-05, 2f64.powi(-24)),
        ("bfloat16", 3.3895313892515355e38, 2f64.powi(-126), 2f64.powi(-133)),
        ("float32", f32::MAX as f64, 2f64.powi(-126), 2f64.powi(-149)),
        ("float8_e4m3fn", 448.0, 2f64.powi(-6), 2f64.powi(-9)),
        ("float8_e5m2", 57344.0, 2f64.powi(-14), 2f64.powi(-16)),
        ("float8_e4m3fnuz", 240.0, 2f64.powi(-7), 2f64.powi(-10)),
        ("float8_e5m2fnuz", 57344.0, 2f64.powi(-15), 2f64.powi(-17)),
        ("float8_e4m3b11fnuz", 30.0, 2f64.powi(-10), 2f64.powi(-13)),
        ("float8_e4m3", 240.0, 2f64.powi(-6), 2f64.powi(-9)),
        ("float8_e3m4", 15.5, 0.25, 2f64.powi(-6)),
        ("float6_e2m3fn", 7.5, 1.0, 0.125),
        ("float6_e3m2fn", 28.0, 0.25, 0.0625),
        ("float4_e2m1fn", 6.0, 1.0, 0.5),
        ("tfloat32", 3.4011621342146535e38, 2f64.powi(-126), 2f64.powi(-136)),
        ("float8_e8m0fnu", 2f64.powi(127), 2f64.powi(-127), 2f64.powi(-127)),
    ];
    for &(id, max, min_normal, min_sub) in cases {
        let l = fmt(id).limits();
        assert_eq!(l.max, max, "{id} max");
        assert_eq!(l.min_normal, Some(min_normal), "{id} min normal");
        assert_eq!(l.min_positive, Some(min_sub), "{id} min subnormal");
    }
    assert_eq!(fmt("float8_e4m3fn").limits().nan_codes, 2);
    assert_eq!(fmt("float8_e5m2").limits().nan_codes, 6);
    assert_eq!(fmt("float8_e4m3fnuz").limits().nan_codes, 1);
    assert!(!fmt("float8_e4m3fnuz").limits().has_negative_zero);
    assert_eq!(fmt("float4_e2m1fn").limits().nan_codes, 0);
}

#[test]
fn e2m1_table() {
    let f = fmt("float4_e2m1fn");
    let values: Vec<f64> = (0..8).map(|c| f.decode(c).value).collect();
    assert_eq!(values, [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0]);
    assert_eq!(f.decode(8).value.to_bits(), (-0.0f64).to_bits());
}

#[test]
fn conversions_follow_ml_dtypes() {
    for (id, x, want) in [
        ("float8_e4m3fn", "7.75", 8.0), ("float8_e4m3fn", "4.25", 4.0), ("float8_e4m3fn", "100", 96.0),
        ("float8_e4m3fn", "449", 448.0), ("float8_e4m3fn", "464", 448.0),
        ("float8_e5m2", "6.5", 6.0), ("float8_e5m2", "61439", 57344.0),
        ("float4_e2m1fn", "0.25", 0.0), ("float4_e2m1fn", "0.75", 1.0), ("float4_e2m1fn", "1.25", 1.0),
        ("float4_e2m1fn", "1.75", 2.0), ("float4_e2m1fn", "2.5", 2.0), ("float4_e2m1fn", "3.5", 4.0),
        ("float4_e2m1fn", "5", 4.0), ("float4_e2m1fn", "1000", 6.0), ("float4_e2m1fn", "inf", 6.0),
        ("bfloat16", "1.00390625", 1.0), ("bfloat16", "1.01171875", 1.015625),
        ("float16", "65519", 65504.0),
        ("float8_e8m0fnu", "3", 4.0), ("float8_e8m0fnu", "1.5", 2.0), ("float8_e8m0fnu", "0.75", 1.0),
        ("int4", "9", 7.0), ("int4", "-9", -8.0), ("int4", "2.5", 2.0), ("int4", "3.5", 4.0),
    ] {
        assert_eq!(enc(id, x), want, "{id}({x})");
    }
    assert!(enc("float8_e4m3fn", "465").is_nan());
    assert!(enc("float8_e4m3fn", "inf").is_nan());
    assert_eq!(enc("float8_e5m2", "61440"), f64::INFINITY);
    assert_eq!(enc("float16", "65520"), f64::INFINITY);
    assert!(enc("float8_e4m3fnuz", "1000").is_nan());
    assert!(enc("float8_e8m0fnu", "0").is_nan());
    assert!(enc("float8_e8m0fnu", "-1").is_nan());
    assert_eq!(enc("float8_e8m0fnu", "1e-60"), 2f64.powi(-127));
    // C cast: truncate, then wrap.
    assert_eq!(enc_with("int4", "9.0", RoundingMode::TowardZero, OverflowPolicy::Wrap), -7.0);
    assert_eq!(enc_with("int4", "3.7", RoundingMode::TowardZero, OverflowPolicy::Wrap), 3.0);
    assert_eq!(enc_with("float8_e4m3fn", "1000", RoundingMode::NearestEven, OverflowPolicy::Saturate), 448.0);
}

#[test]
fn decimal_text_rounds_once_from_the_exact_value() {
    // 1 + 2^-4 is the e4m3fn tie between 1 and 1.125: even → 1. A hair above → 1.125,
    // though the text rounds to the tie in f64.
    assert_eq!(enc("float8_e4m3fn", "1.0625"), 1.0);
    assert_eq!(enc("float8_e4m3fn", "1.06250000000000000000000000001"), 1.125);
    assert_eq!(enc("float8_e4m3fn", "1.06249999999999999999999999999"), 1.0);
    let e = Encoder::with_defaults(&fmt("float8_e4m3fn")).encode_text("1.0000000000000000000000001").unwrap();
    assert_eq!(e.value, 1.0);
    assert!(e.status.contains(lowbit_core::Status::INEXACT));
    assert_eq!(enc_with("float8_e4m3fn", "1.0000000000000000000000001", RoundingMode::Up, OverflowPolicy::Default), 1.125);
    assert_eq!(enc("float32", "1e-46"), 0.0);
    assert_eq!(enc("float32", "1e-45"), 2f64.powi(-149));
    assert_eq!(enc("float64", "0.1"), 0.1);
    assert_eq!(enc("float64", "1e400"), f64::INFINITY);
}

#[test]
fn custom_ids() {
    assert_eq!(fmt("e4m3_fn").kind(), fmt("float8_e4m3fn").kind());
    assert_eq!(fmt("e4m3").kind(), fmt("float8_e4m3").kind());
    assert_eq!(fmt("e3m4").kind(), fmt("float8_e3m4").kind());
    assert_eq!(fmt("e4m3b8_fnuz").kind(), fmt("float8_e4m3fnuz").kind());
    assert_eq!(fmt("e2m1_finite").kind(), fmt("float4_e2m1fn").kind());
    assert_eq!(fmt("e5m7b10_fn").id(), "e5m7b10_fn");
    assert_eq!(fmt("E5M7B15").id(), "e5m7");
    for bad in ["e0m3", "e12m3", "e8m24", "e4m3_xx", "e4m3b", "e4", "e11m20b5000", "xyz"] {
        assert!(Format::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn neighbours() {
    let f = fmt("float8_e4m3fn");
    assert_eq!(f.next_up(0x7e), None);
    assert_eq!(f.next_up(0x00), Some(0x01));
    assert_eq!(f.next_up(0x80), Some(0x01));
    assert_eq!(f.next_up(0x81), Some(0x80));
    assert_eq!(f.next_down(0x00), Some(0x81));
    assert_eq!(f.next_down(0xfe), None);
    let h = fmt("float16");
    assert_eq!(h.next_up(0x7bff), Some(0x7c00));
    assert_eq!(h.decode(0x7c00).class, Class::Infinite);
}
