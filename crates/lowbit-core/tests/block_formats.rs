//! Block formats as data: the registry's parts, the facts derived from them, and the one path
//! per scheme — `quantize` is `encode` + `dequantize`, and the on-demand trace recomputes
//! exactly the kernels' codes and values.

use lowbit_core::quant::facts::{E2M1, E4M3};
use lowbit_core::quant::{
    Granularity, MxScaleRule, NibbleOrder, Options, ScaleFormat, ScaleRule, Scheme, SecondLevel, SCHEMES,
};
use proptest::prelude::*;

/// Every registry scheme, the templates with a few element formats.
fn scheme_ids() -> Vec<String> {
    let mut ids: Vec<String> = SCHEMES.iter().filter(|s| !s.parametric).map(|s| s.id.to_string()).collect();
    for format in ["float8_e4m3fn", "float8_e5m2", "float4_e2m1fn", "float6_e3m2fn", "bfloat16", "float32", "int4", "uint8", "nf4", "float8_e8m0fnu"] {
        ids.push(format!("cast:{format}"));
        ids.push(format!("absmax:{format}"));
    }
    ids
}

fn value() -> impl Strategy<Value = f32> {
    prop_oneof![
        8 => -8.0f32..8.0,
        1 => -1e5f32..1e5,
        1 => prop::sample::select(vec![0.0f32, -0.0, f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1e-40, 448.0, 6.0, -6.0, 0.25, 7.9]),
    ]
}

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

fn check_one(id: &str, input: &[f32], options: &Options) -> Result<(), TestCaseError> {
    let scheme = Scheme::parse(id).unwrap();
    let q = scheme.quantize(input, options);
    // quantize = encode, then dequantize.
    let encoded = scheme.encode(input, &Options { trace: false, ..options.clone() });
    prop_assert_eq!(&encoded.codes, &q.codes, "{}", id);
    let d = scheme.dequantize(&encoded);
    prop_assert!(d.iter().zip(&q.dequantized).all(|(a, b)| same(*a as f64, *b as f64)), "{id}");
    prop_assert_eq!(d.len(), input.len());
    // The trace recomputes every code and carries the product's reconstruction.
    prop_assert_eq!(q.trace.len(), input.len(), "{}", id);
    for (i, t) in q.trace.iter().enumerate() {
        prop_assert_eq!(t.index, i);
        prop_assert_eq!(t.code, q.codes[i], "{} row {}: {:?}", id, i, t);
        prop_assert!(same(t.dequantized, q.dequantized[i] as f64), "{id} row {i}");
        prop_assert!(same(t.error, t.dequantized - t.input));
    }
    // Rows on demand are the same rows.
    let (a, b) = (input.len() / 3, input.len() * 2 / 3 + 1);
    let rows = scheme.trace(input, &q, options, a..b.min(input.len()));
    // (compared as text: NaN fields are equal there)
    let whole = &q.trace[a.min(input.len())..b.min(input.len())];
    prop_assert_eq!(format!("{rows:?}"), format!("{whole:?}"), "{}", id);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn trace_codes_are_the_kernels_codes(input in prop::collection::vec(value(), 0..150), ceil in any::<bool>(), dq in any::<bool>(), single in any::<bool>()) {
        for id in scheme_ids() {
            let scheme = Scheme::parse(&id).unwrap();
            let mut options = Options { trace: true, ..Options::default() };
            if scheme.info.scale_rule == ScaleRule::SharedExponent && ceil {
                options.mx_scale = MxScaleRule::Ceil;
            }
            options.double_quant = dq && scheme.info.second_level == SecondLevel::DoubleQuant;
            options.nvfp4_tensor_scale = !(single && scheme.info.second_level == SecondLevel::TensorAmax);
            check_one(&id, &input, &options)?;
        }
    }

    #[test]
    fn every_granularity_traces_consistently(input in prop::collection::vec(value(), 1..120), g in 0usize..3, block in 1usize..50) {
        for id in ["int8_absmax", "int4_zeropoint", "int8_meanstd", "ternary", "binary", "absmax:float8_e4m3fn", "absmax:int4"] {
            let granularity = Granularity::ALL[g];
            let options = Options {
                granularity: Some(granularity),
                block: (granularity == Granularity::Block).then_some(block),
                row_len: Some(block),
                trace: true,
                ..Options::default()
            };
            check_one(id, &input, &options)?;
        }
    }

    #[test]
    fn long_inputs_use_the_simd_loops(seed in any::<u64>()) {
        let input = lowbit_core::signal::gaussian_noise(2.0, 1000, seed);
        for id in ["nf4", "fp4_bnb", "mxfp4", "nvfp4", "mxfp8_e4m3", "int4_absmax", "cast:float8_e4m3fn"] {
            check_one(id, &input, &Options { trace: true, ..Options::default() })?;
        }
    }
}

#[test]
fn the_registry_is_made_of_parts() {
    for s in SCHEMES {
        match s.scale_rule {
            ScaleRule::SharedExponent => {
                assert_eq!((s.scale_format, s.default_block), (ScaleFormat::E8M0, Some(32)), "{}", s.id)
            }
            ScaleRule::None => assert_eq!(s.scale_format, ScaleFormat::None),
            _ => assert_ne!(s.scale_format, ScaleFormat::None, "{}", s.id),
        }
        assert_eq!(s.packing == NibbleOrder::HighFirst, s.id == "nf4" || s.id == "fp4_bnb", "{}", s.id);
        assert_eq!(s.outliers, s.id == "int8_rowwise");
    }
    let nvfp4 = SCHEMES.iter().find(|s| s.id == "nvfp4").unwrap();
    assert_eq!((nvfp4.scale_rule, nvfp4.scale_format, nvfp4.second_level), (ScaleRule::Absmax, ScaleFormat::E4M3, SecondLevel::TensorAmax));
    assert_eq!((ScaleFormat::E8M0.bits(), ScaleFormat::E4M3.bits(), ScaleFormat::F32.bits(), ScaleFormat::None.bits()), (8, 8, 32, 0));
}

#[test]
fn nvfp4_constants_come_from_the_formats() {
    // 448 · 6: the largest E4M3 scale times the largest E2M1 element.
    assert_eq!(ScaleFormat::E4M3.max() * E2M1.max as f64, 2688.0);
    assert_eq!((E4M3.max, E4M3.min_normal), (448.0, 0.015_625));
    let q = Scheme::parse("nvfp4").unwrap().quantize(&[2688.0, 1.0], &Options::default());
    assert_eq!(q.tensor_scale, Some(1.0));
    assert_eq!(q.scales, vec![448.0]);
    assert!(q.notes[0].contains("2688"), "{:?}", q.notes);
}

#[test]
fn a_large_tensor_costs_no_trace() {
    let input = lowbit_core::signal::gaussian_noise(1.0, 1 << 16, 3);
    for id in ["nf4", "mxfp4", "int8_absmax", "mxfp8_e5m2"] {
        let q = Scheme::parse(id).unwrap().quantize(&input, &Options::default());
        assert!(q.trace.is_empty());
        assert_eq!((q.codes.len(), q.dequantized.len()), (input.len(), input.len()));
    }
}

/// A small cast skips the lookup tables (they cost more to build than a few values take) and a
/// large one uses them: both are the exact kernel, so every code and value agrees.
#[test]
fn small_and_large_casts_give_the_same_codes() {
    let mut rng = lowbit_core::rng::SplitMix64::new(3);
    let mut input: Vec<f32> = (0..5000).map(|_| f32::from_bits(rng.next_u64() as u32)).collect();
    input.extend([0.0, -0.0, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, 65520.0, 1e-8, 448.0, 464.0]);
    for id in ["cast:float16", "cast:bfloat16", "cast:float8_e4m3fn", "cast:float8_e5m2"] {
        let scheme = Scheme::parse(id).unwrap();
        let options = Options::default();
        let large = scheme.quantize(&input, &options);
        let large_values = scheme.dequantize(&large);
        for (start, chunk) in input.chunks(7).enumerate().map(|(i, c)| (i * 7, c)) {
            let small = scheme.quantize(chunk, &options);
            let small_values = scheme.dequantize(&small);
            for (i, x) in chunk.iter().enumerate() {
                assert_eq!(small.codes.raw(i), large.codes.raw(start + i), "{id} code of {x}");
                let (a, b) = (small_values[i], large_values[start + i]);
                assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{id} {x}: {a} vs {b}");
            }
        }
    }
}
