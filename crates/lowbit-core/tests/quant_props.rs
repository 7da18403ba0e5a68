//! Property tests of the quantizers: error bounds (half the gap between the two neighbouring
//! levels, times the block scale), packing round trips, and hot kernels equal to the
//! straightforward paths.

use lowbit_core::quant::bnb::{self, Bnb4};
use lowbit_core::quant::mx::{self, E2M1_VALUES};
use lowbit_core::quant::pack::{pack_nibbles, unpack_nibbles, NibbleOrder};
use lowbit_core::quant::{Granularity, MxScaleRule, Options, Scheme};
use lowbit_core::Format;
use proptest::prelude::*;

fn finite() -> impl Strategy<Value = f32> {
    prop_oneof![
        8 => -10.0f32..10.0,
        1 => -1e-3f32..1e-3,
        1 => Just(0.0f32),
        1 => -1e6f32..1e6,
    ]
}

fn special() -> impl Strategy<Value = f32> {
    prop_oneof![
        6 => finite(),
        1 => Just(f32::NAN),
        1 => Just(f32::INFINITY),
        1 => Just(f32::NEG_INFINITY),
        1 => Just(-0.0f32),
    ]
}

/// Half the gap between the two sorted levels around `s`.
fn half_gap(levels: &[f32], s: f32) -> f32 {
    let below = levels.iter().copied().filter(|&v| v <= s).fold(f32::NEG_INFINITY, f32::max);
    let above = levels.iter().copied().filter(|&v| v >= s).fold(f32::INFINITY, f32::min);
    if below.is_finite() && above.is_finite() { (above - below) / 2.0 } else { 0.0 }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn bnb_error_is_at_most_half_a_gap_times_absmax(input in prop::collection::vec(finite(), 1..300), nf4 in any::<bool>(), shift in 5u32..8) {
        let block = 1usize << shift;
        let kind = if nf4 { Bnb4::Nf4 } else { Bnb4::Fp4 };
        let mut levels: Vec<f32> = kind.table().to_vec();
        levels.sort_by(|a, b| a.total_cmp(b));
        let q = Scheme::parse(kind.id()).unwrap().quantize(&input, &Options { block: Some(block), ..Options::default() });
        for (i, (&x, &d)) in input.iter().zip(&q.dequantized).enumerate() {
            let m = q.scales[i / block];
            let s = x * (1.0 / m);
            let bound = if m == 0.0 { 0.0 } else { half_gap(&levels, s) * m + 4e-7 * m };
            prop_assert!((d - x).abs() <= bound, "{x} -> {d} (absmax {m}, bound {bound})");
        }
    }

    #[test]
    fn bnb_hot_kernel_equals_the_reference(input in prop::collection::vec(special(), 0..400), nf4 in any::<bool>(), shift in 5u32..13) {
        let block = 1usize << shift;
        let kind = if nf4 { Bnb4::Nf4 } else { Bnb4::Fp4 };
        let (mut p, mut a, mut d) = (Vec::new(), Vec::new(), Vec::new());
        bnb::quantize_4bit(kind, &input, block, &mut p, &mut a);
        bnb::dequantize_4bit(kind, &p, &a, block, input.len(), &mut d);
        let (codes, absmax, values) = bnb::quantize_4bit_reference(kind, &input, block);
        prop_assert_eq!(unpack_nibbles(&p, input.len(), NibbleOrder::HighFirst), codes);
        prop_assert_eq!(a.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), absmax.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
        let same = d.iter().zip(&values).all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()));
        prop_assert!(same);
    }

    #[test]
    fn int_error_is_at_most_half_a_step(input in prop::collection::vec(finite(), 1..200), bits8 in any::<bool>(), zero_point in any::<bool>(), g in 0usize..3) {
        let id = match (bits8, zero_point) {
            (true, false) => "int8_absmax",
            (false, false) => "int4_absmax",
            (true, true) => "int8_zeropoint",
            (false, true) => "int4_zeropoint",
        };
        let options = Options { granularity: Some(Granularity::ALL[g]), row_len: Some(7), block: (g == 2).then_some(16), ..Options::default() };
        let mut options = options;
        if g != 2 {
            options.block = None;
        }
        options.trace = true;
        let q = Scheme::parse(id).unwrap().quantize(&input, &options);
        for t in &q.trace {
            if !t.clipped {
                let bound = t.scale / 2.0 * (1.0 + 1e-6) + 1e-30;
                prop_assert!(t.error.abs() <= bound, "{id}: {t:?}");
            } else {
                prop_assert!(t.error.abs() <= 1.5 * t.scale * (1.0 + 1e-6), "{id}: {t:?}");
            }
        }
    }

    #[test]
    fn mx_error_is_at_most_half_an_element_gap_times_the_scale(input in prop::collection::vec(finite(), 1..100), which in 0usize..6, ceil in any::<bool>()) {
        let id = ["mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e2m3", "mxfp6_e3m2", "mxfp4", "mxint8"][which];
        let element = ["float8_e4m3fn", "float8_e5m2", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn", "int8"][which];
        let format = Format::parse(element).unwrap();
        let options = Options { mx_scale: if ceil { MxScaleRule::Ceil } else { MxScaleRule::Floor }, trace: true, ..Options::default() };
        let q = Scheme::parse(id).unwrap().quantize(&input, &options);
        if ceil {
            prop_assert_eq!(q.clipped, 0);
        }
        for t in &q.trace {
            if t.clipped {
                continue;
            }
            let gap = if which == 5 { 1.0 / 64.0 } else { format.ulp(t.scaled) };
            let bound = gap / 2.0 * t.scale;
            // The dequantized value is rounded to f32 at the end.
            prop_assert!(t.error.abs() <= bound + (t.input.abs() * 1.2e-7), "{id}: {t:?}");
        }
    }

    #[test]
    fn mxfp4_hot_kernel_equals_the_generic_path(input in prop::collection::vec(special(), 0..200), ceil in any::<bool>()) {
        let rule = if ceil { MxScaleRule::Ceil } else { MxScaleRule::Floor };
        let q = Scheme::parse("mxfp4").unwrap().quantize(&input, &Options { mx_scale: rule, ..Options::default() });
        let (mut p, mut s, mut d) = (Vec::new(), Vec::new(), Vec::new());
        mx::quantize_mxfp4(&input, rule, &mut p, &mut s);
        mx::dequantize_mxfp4(&p, &s, input.len(), &mut d);
        prop_assert_eq!(&s, &q.scale_codes);
        // NaN blocks: the generic path zeroes the codes too.
        prop_assert_eq!(&p[..], q.packed());
        let same = d.iter().zip(&q.dequantized).all(|(x, y)| x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()));
        prop_assert!(same, "{:?} vs {:?}", d, q.dequantized);
    }

    #[test]
    fn e2m1_code_is_the_exact_round_to_nearest_even(bits in any::<u32>()) {
        let x = f32::from_bits(bits);
        prop_assume!(!x.is_nan());
        let format = Format::parse("float4_e2m1fn").unwrap();
        let exact = lowbit_core::Encoder::new(&format, Some(lowbit_core::RoundingMode::NearestEven), lowbit_core::OverflowPolicy::Saturate, 0).encode_f64(x as f64);
        prop_assert_eq!(mx::e2m1_code(x) as u64, exact.code);
        prop_assert_eq!(E2M1_VALUES[mx::e2m1_code(x) as usize] as f64, exact.value);
    }

    #[test]
    fn e4m3_block_scale_rounding_is_exact(x in 0.015625f32..=448.0) {
        let format = Format::parse("float8_e4m3fn").unwrap();
        let exact = lowbit_core::Encoder::new(&format, Some(lowbit_core::RoundingMode::NearestEven), lowbit_core::OverflowPolicy::Saturate, 0).encode_f64(x as f64);
        let (code, value) = mx::e4m3_normal(x);
        prop_assert_eq!(code as u64, exact.code);
        prop_assert_eq!(value as f64, exact.value);
    }

    #[test]
    fn nvfp4_error_bound(input in prop::collection::vec(finite(), 1..100)) {
        let q = Scheme::parse("nvfp4").unwrap().quantize(&input, &Options { trace: true, ..Options::default() });
        let e2m1 = Format::parse("float4_e2m1fn").unwrap();
        for t in q.trace.iter().filter(|t| !t.clipped) {
            let bound = e2m1.ulp(t.scaled) / 2.0 * t.scale * (1.0 + 1e-5) + t.input.abs() * 1e-6;
            prop_assert!(t.error.abs() <= bound, "{t:?}");
        }
    }

    #[test]
    fn packing_round_trips(codes in prop::collection::vec(0u8..16, 0..100), high in any::<bool>()) {
        let order = if high { NibbleOrder::HighFirst } else { NibbleOrder::LowFirst };
        let packed = pack_nibbles(&codes, order, 0);
        prop_assert_eq!(packed.len(), codes.len().div_ceil(2));
        prop_assert_eq!(unpack_nibbles(&packed, codes.len(), order), codes);
    }

    #[test]
    fn nothing_panics_on_any_input(input in prop::collection::vec(any::<f32>(), 0..80), which in 0usize..22, block in 1usize..80) {
        let ids = ["nf4", "fp4_bnb", "int8_absmax", "int4_absmax", "int8_zeropoint", "int4_zeropoint", "int8_meanstd", "int4_meanstd",
            "mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e2m3", "mxfp6_e3m2", "mxfp4", "mxint8", "nvfp4", "int8_rowwise", "ternary", "binary",
            "cast:float8_e5m2", "absmax:float8_e4m3fn", "cast:nf4", "absmax:int4"];
        let scheme = Scheme::parse(ids[which]).unwrap();
        let options = Options { block: Some(block), row_len: Some(block), trace: true, double_quant: ids[which] == "nf4", ..Options::default() };
        let q = scheme.quantize(&input, &options);
        prop_assert_eq!(q.dequantized.len(), input.len());
        prop_assert_eq!(q.trace.len(), input.len());
    }
}
