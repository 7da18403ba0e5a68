//! Formats cannot be built wrong: arbitrary descriptors go through the checked constructors
//! (which refuse what cannot work with a message), and every public entry point of whatever
//! they accept is total on arbitrary codes and values — no panic, no shift overflow.

use lowbit_core::codebook::{Codebook, Rule};
use lowbit_core::float::{FloatSpec, Specials};
use lowbit_core::format::Kind;
use lowbit_core::int::IntFormat;
use lowbit_core::{Encoder, Exact, FloatFormat, Format, OverflowPolicy, RoundingMode};
use proptest::prelude::*;

fn specials() -> impl Strategy<Value = Specials> {
    prop_oneof![
        Just(Specials::Ieee),
        Just(Specials::Fn),
        Just(Specials::Fnuz),
        Just(Specials::Finite),
        any::<bool>().prop_map(|extended| Specials::P3109 { extended }),
    ]
}

fn exact() -> impl Strategy<Value = Exact> {
    prop_oneof![
        any::<bool>().prop_map(|negative| Exact::Nan { negative }),
        any::<bool>().prop_map(|negative| Exact::Infinite { negative }),
        any::<bool>().prop_map(|negative| Exact::Zero { negative }),
        (any::<bool>(), any::<u64>(), any::<i32>(), any::<bool>())
            .prop_map(|(negative, significand, exponent, sticky)| Exact::Finite { negative, significand, exponent, sticky }),
    ]
}

/// Every entry point of a format that was accepted.
fn exercise(format: &Format, codes: &[u64], values: &[Exact], x: f64, text: &str) {
    let _ = (format.limits(), format.bits(), format.max_code(), format.default_rounding(), format.default_overflow());
    for &code in codes {
        let _ = (format.decode(code), format.next_up(code), format.next_down(code), format.bit_string(code), format.hex_string(code));
    }
    for position in 0..format.bits().min(70) + 2 {
        let _ = format.bit_role(position);
    }
    let _ = format.ulp(x);
    let _ = format.parse_code(text);
    for mode in RoundingMode::ALL {
        for overflow in OverflowPolicy::ALL {
            let mut encoder = Encoder::new(format, Some(mode), overflow, 1);
            for value in values {
                let e = encoder.encode_exact(value);
                let _ = (e.error(), e.relative_error());
            }
            let _ = encoder.encode_f64(x);
            let _ = encoder.encode_text(text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_float_descriptors_are_checked_and_total(
        exponent_bits in 0u32..16, mantissa_bits in 0u32..70, bias in prop_oneof![any::<i32>(), -1100i32..1100],
        signed in any::<bool>(), specials in specials(), subnormals in any::<bool>(),
        codes in prop::collection::vec(any::<u64>(), 4), values in prop::collection::vec(exact(), 6),
        x in any::<f64>(), text in "[-+0-9.eE]{0,12}|inf|nan|0x[0-9a-f]{0,17}|0b[01_]{0,70}",
    ) {
        let _ = FloatFormat::default_bias(exponent_bits);
        let spec = FloatSpec { exponent_bits, mantissa_bits, bias, signed, specials, subnormals };
        match FloatFormat::new(spec) {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(f) => {
                let _ = (f.max_finite(), f.min_positive(), f.min_normal(), f.epsilon(), f.custom_id(), f.p3109_id());
                for value in &values {
                    let _ = f.round_exact(value, RoundingMode::NearestEven, OverflowPolicy::Default, 0);
                }
                if let Ok(format) = Format::from_kind(Kind::Float(f)) {
                    prop_assert_eq!(Format::parse(format.id()).map(|p| *p.kind()), Ok(Kind::Float(f)));
                    exercise(&format, &codes, &values, x, &text);
                }
            }
        }
    }

    #[test]
    fn arbitrary_integer_widths_are_checked_and_total(
        bits in any::<u32>(), signed in any::<bool>(),
        codes in prop::collection::vec(any::<u64>(), 4), values in prop::collection::vec(exact(), 6), x in any::<f64>(),
    ) {
        match IntFormat::new(bits, signed) {
            Err(e) => prop_assert!(!(2..=32).contains(&bits) && !e.to_string().is_empty()),
            Ok(i) => {
                let _ = (i.min(), i.max());
                for value in &values {
                    for mode in RoundingMode::ALL {
                        let _ = i.round_exact(value, mode, OverflowPolicy::Wrap, 3);
                    }
                }
                if let Ok(format) = Format::from_kind(Kind::Int(i)) {
                    exercise(&format, &codes, &values, x, "1.5");
                }
            }
        }
    }

    #[test]
    fn arbitrary_codebooks_are_checked_and_total(
        bits in 0u32..12,
        values in prop::collection::vec(prop_oneof![any::<f32>(), -2.0f32..2.0], 0..20),
        thresholds in prop::collection::vec(prop_oneof![any::<f32>(), -2.0f32..2.0], 0..20),
        magnitude_codes in prop::collection::vec(any::<u8>(), 0..12),
        rule_kind in 0u8..3, sign_bit in any::<u8>(), sorted in any::<bool>(),
        codes in prop::collection::vec(any::<u64>(), 4), inputs in prop::collection::vec(exact(), 6), x in any::<f32>(),
    ) {
        // Sorted thresholds reach the accepting paths often; arbitrary ones test the refusals.
        let mut thresholds = thresholds;
        if sorted {
            thresholds.sort_by(f32::total_cmp);
            thresholds.dedup();
        }
        // `Codebook::new` takes static tables (the catalogue's are constants): leak the case's.
        let values: &'static [f32] = Box::leak(values.into_boxed_slice());
        let thresholds: &'static [f32] = Box::leak(thresholds.into_boxed_slice());
        let magnitude_codes: &'static [u8] = Box::leak(magnitude_codes.into_boxed_slice());
        let rule = match rule_kind {
            0 => Rule::SortedThresholds { thresholds },
            1 => Rule::SignMagnitude { sign_bit, thresholds, magnitude_codes },
            _ => Rule::NearestTowardZero,
        };
        match Codebook::new(bits, values, rule) {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(book) => {
                prop_assert!((1..=8).contains(&book.bits()) && !book.values().is_empty());
                let _ = book.midpoints();
                for &code in &codes {
                    let _ = book.value(code);
                }
                // Every code a rule yields indexes the table.
                let code = book.encode_f32(x);
                prop_assert!((code as usize) < book.values().len(), "encode_f32({x}) = {code}");
                for input in &inputs {
                    let (code, _) = book.round_exact(input);
                    prop_assert!((code as usize) < book.values().len(), "round_exact({input:?}) = {code}");
                }
            }
        }
    }
}
