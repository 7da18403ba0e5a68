//! Property tests of the format engine, over the catalogue and random custom formats
//! `eXmY[bBIAS][_rule]`:
//!
//! * decode∘encode is the identity on every non-NaN code, in every rounding mode (exhaustive up to
//!   12 bits, random codes for wider formats); NaN codes map to a NaN code;
//! * encode is monotone (x ≤ y ⇒ q(x) ≤ q(y) whenever both results are numbers);
//! * |x − q(x)| ≤ ulp/2 for round-to-nearest inside the finite range, and ties go to even;
//! * the directed modes bracket x (down ≤ x ≤ up, |toward-zero| ≤ |x|) with up = next_up(down);
//! * stochastic rounding is reproducible for a seed and always gives one of the two neighbours;
//! * `encode_text` of the exact decimal expansion agrees with `encode_f64`;
//! * the parsers never panic (`Format::parse`, `parse_decimal`, `parse_code`, `encode_text`).

use lowbit_core::decimal::{decimal_equals_f64, exact_decimal, parse_decimal};
use lowbit_core::{Class, Encoder, FloatFormat, FloatSpec, Format, Kind, OverflowPolicy, RoundingMode, Specials, CATALOGUE};
use proptest::prelude::*;

const DETERMINISTIC: [RoundingMode; 5] = [
    RoundingMode::NearestEven,
    RoundingMode::NearestAway,
    RoundingMode::TowardZero,
    RoundingMode::Up,
    RoundingMode::Down,
];

/// `cases` proptest cases, or `PROPTEST_CASES` from the environment (for long bug hunts).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

fn encode(format: &Format, mode: RoundingMode, overflow: OverflowPolicy, x: f64) -> u64 {
    Encoder::new(format, Some(mode), overflow, 0).encode_f64(x).code
}

fn float_of(format: &Format) -> FloatFormat {
    *format.as_float().expect("a float format")
}

/// The catalogue's float formats.
fn catalogue_floats() -> Vec<Format> {
    CATALOGUE
        .iter()
        .filter(|e| matches!(e.kind(), Kind::Float(_)))
        .map(|e| e.format())
        .collect()
}

/// A custom layout as the parser would build it (always signed, with subnormals).
fn layout(exponent_bits: u32, mantissa_bits: u32, bias: i32, specials: Specials) -> FloatSpec {
    FloatSpec { exponent_bits, mantissa_bits, bias, signed: true, specials, subnormals: true }
}

/// The id text of a layout, spelled in one of several equivalent ways.
fn spelled_id(f: &FloatSpec, spelling: u8) -> String {
    let mut id = format!("e{}m{}", f.exponent_bits, f.mantissa_bits);
    let default_bias = FloatFormat::default_bias(f.exponent_bits);
    if Some(f.bias) != default_bias || spelling & 1 == 1 {
        id.push_str(&format!("b{}", f.bias));
    }
    match (f.specials, spelling & 2 == 2) {
        (Specials::Ieee, false) => {}
        (rule, _) => id.push_str(&format!("_{}", rule.suffix())),
    }
    if spelling & 4 == 4 {
        id = id.to_ascii_uppercase();
    }
    id
}

/// Random valid custom formats: 1..=11 exponent bits, at most 32 bits in all, a bias near the
/// default (sometimes far from it), any special-value rule.
fn custom_format() -> impl Strategy<Value = FloatFormat> {
    (1u32..=11)
        .prop_flat_map(|e| {
            let max_m = 31 - e;
            let delta = prop_oneof![2 => Just(0i32), 3 => -12i32..=12];
            (Just(e), prop_oneof![3 => 0u32..=max_m.min(8), 1 => 0u32..=max_m], delta, 0usize..4, 0u8..8)
        })
        .prop_map(|(e, m, delta, rule, far)| {
            let specials = [Specials::Ieee, Specials::Fn, Specials::Fnuz, Specials::Finite][rule];
            let default = FloatFormat::default_bias(e).expect("1..=11 exponent bits");
            let bias = match far {
                0 => default + delta * 40,
                1 => -delta.abs() * 3,
                _ => default + delta,
            };
            layout(e, m, bias, specials)
        })
        .prop_filter_map("a valid layout", |f| FloatFormat::new(f).ok())
}

/// Small random custom formats (at most 12 bits), for exhaustive checks.
fn small_custom_format() -> impl Strategy<Value = FloatFormat> {
    (1u32..=11)
        .prop_flat_map(|e| (Just(e), 0u32..=(11 - e), -6i32..=6, 0usize..4))
        .prop_map(|(e, m, delta, rule)| {
            let specials = [Specials::Ieee, Specials::Fn, Specials::Fnuz, Specials::Finite][rule];
            layout(e, m, FloatFormat::default_bias(e).expect("1..=11 exponent bits") + delta, specials)
        })
        .prop_filter_map("a valid layout", |f| FloatFormat::new(f).ok())
}

fn as_format(f: FloatFormat) -> Format {
    Format::from_kind(Kind::Float(f)).expect("a signed custom layout has an id")
}

/// SplitMix64, to turn proptest's seeds into many inputs.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The codes to check: all of them up to 12 bits, otherwise the interesting ones and a sample.
fn codes_to_check(f: &FloatFormat, seed: u64) -> Vec<u64> {
    if f.bits() <= 12 {
        return (0..(1u64 << f.bits())).collect();
    }
    let mut codes = vec![0, 1, f.sign_mask(), f.sign_mask() | 1, f.code_mask(), f.code_mask() >> 1];
    if let Some(max) = f.max_finite_magnitude_code() {
        codes.extend([max, max - 1, max + 1, f.sign_mask() | max]);
    }
    if let Some(normal) = f.min_normal_code() {
        codes.extend([normal - 1, normal, normal + 1]);
    }
    let mut state = seed;
    for _ in 0..2000 {
        state = mix(state);
        codes.push(state & f.code_mask());
    }
    codes.into_iter().map(|c| c & f.code_mask()).collect()
}

/// Inputs spread over the format: exact values, midpoints, midpoints ± 1 f64 ulp, random points
/// between neighbours, beyond the range, tiny values, and specials.
fn inputs_for(f: &FloatFormat, seeds: &[u64]) -> Vec<f64> {
    let max = f.max_finite();
    let tiny = f.min_positive();
    let mut xs = vec![0.0, -0.0, max, -max, tiny, -tiny, tiny / 2.0, -tiny / 2.0, max * 1.5, -max * 1.5];
    for &seed in seeds {
        let r = mix(seed);
        let code = r & f.code_mask();
        let v = f.value(code);
        if !v.is_finite() {
            continue;
        }
        let next = f.next_up(code).map(|c| f.value(c)).filter(|n| n.is_finite()).unwrap_or(v + f.ulp(v));
        let t = (mix(r) >> 11) as f64 / (1u64 << 53) as f64;
        let x = match (r >> 60) & 7 {
            0 => v,
            1 | 2 => v + (next - v) / 2.0,
            3 => next_after(v + (next - v) / 2.0, true),
            4 => next_after(v + (next - v) / 2.0, false),
            5 => v + (next - v) * t,
            6 => next_after(v, r & 1 == 0),
            _ => f64::from_bits(mix(r ^ 1)),
        };
        if x.is_finite() {
            xs.push(x);
        }
    }
    xs
}

/// The neighbouring f64 (toward +∞ when `up`).
fn next_after(x: f64, up: bool) -> f64 {
    if x.is_nan() || (x.is_infinite() && (x > 0.0) == up) {
        return x;
    }
    if x == 0.0 {
        let tiny = f64::from_bits(1);
        return if up { tiny } else { -tiny };
    }
    let bits = x.to_bits();
    let away = (x > 0.0) == up;
    f64::from_bits(if away { bits + 1 } else { bits - 1 })
}

// ------------------------------------------------------------------------------------------------
// decode ∘ encode

/// Checks that every non-NaN code comes back from its own value in every mode and through
/// the exact decimal text, and that NaN codes come back as NaN codes.
fn check_round_trip(format: &Format, codes: &[u64], with_text: bool) -> Result<(), TestCaseError> {
    let f = float_of(format);
    for &code in codes {
        let decoded = format.decode(code);
        if decoded.class == Class::Nan {
            let back = encode(format, RoundingMode::NearestEven, OverflowPolicy::Default, decoded.value);
            prop_assert!(f.is_nan(back), "{}: NaN code {code:#x} encoded back to {back:#x}", format.id());
            continue;
        }
        let v = decoded.value;
        for mode in RoundingMode::ALL {
            for overflow in [OverflowPolicy::Default, OverflowPolicy::Saturate] {
                let e = Encoder::new(format, Some(mode), overflow, 7).encode_f64(v);
                if v.is_infinite() && overflow == OverflowPolicy::Saturate {
                    // Saturation clamps ±Inf to ±max (OCP satfinite, gfloat's sat=True).
                    let max = f.max_finite_magnitude_code().unwrap();
                    let want = if v < 0.0 { f.sign_mask() | max } else { max };
                    prop_assert_eq!(e.code, want, "{} {:?}: saturated {:e}", format.id(), mode, v);
                    continue;
                }
                prop_assert_eq!(e.code, code, "{} {:?} {:?}: value {:e} of code {:#x}", format.id(), mode, overflow, v, code);
                prop_assert!(e.status.is_exact(), "{}: {:e} flagged {:?}", format.id(), v, e.status.names());
            }
        }
        if with_text {
            let text = if v.is_infinite() { (if v > 0.0 { "inf" } else { "-inf" }).to_string() } else { exact_decimal(v) };
            let e = Encoder::with_defaults(format).encode_text(&text).expect("exact decimal parses");
            prop_assert_eq!(e.code, code, "{}: text {} of code {:#x}", format.id(), text, code);
        }
    }
    Ok(())
}

#[test]
fn catalogue_floats_round_trip_every_code() {
    for format in catalogue_floats() {
        let f = float_of(&format);
        let codes = if f.bits() <= 16 { (0..(1u64 << f.bits())).collect() } else { codes_to_check(&f, 99) };
        check_round_trip(&format, &codes, f.bits() <= 8).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn catalogue_ints_and_codebooks_round_trip_every_value() {
    for entry in CATALOGUE.iter().filter(|e| !matches!(e.kind(), Kind::Float(_))) {
        let format = entry.format();
        for code in 0..=format.max_code() {
            let decoded = format.decode(code);
            if decoded.value.is_nan() {
                continue; // an unused codebook code
            }
            for text in [exact_decimal(decoded.value), format!("{:e}", decoded.value)] {
                let e = Encoder::with_defaults(&format).encode_text(&text).unwrap();
                // bitsandbytes' FP4 holds 0 twice (codes 0 and 8): the value must come back.
                assert_eq!(e.value.to_bits(), decoded.value.to_bits(), "{} code {code}: {text} → {}", entry.id(), e.code);
                if entry.id() != "fp4_bnb" || code != 8 {
                    assert_eq!(e.code, code, "{} code {code}: {text}", entry.id());
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn small_custom_formats_round_trip_every_code(f in small_custom_format()) {
        let format = as_format(f);
        let codes: Vec<u64> = (0..(1u64 << f.bits())).collect();
        check_round_trip(&format, &codes, f.bits() <= 8)?;
    }

    #[test]
    fn custom_formats_round_trip_their_codes(f in custom_format(), seed in any::<u64>()) {
        let format = as_format(f);
        check_round_trip(&format, &codes_to_check(&f, seed), false)?;
    }
}

// ------------------------------------------------------------------------------------------------
// rounding properties

/// Monotonicity, the error bound, ties to even, directed brackets, text = f64.
fn check_rounding(format: &Format, xs: &[f64]) -> Result<(), TestCaseError> {
    let f = float_of(format);
    let id = &format.id();
    let max = f.max_finite();
    let lowest = if f.signed() { -max } else { f.min_positive() };
    let mut sorted: Vec<f64> = xs.iter().copied().filter(|x| !x.is_nan()).collect();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    // Monotone in every deterministic mode and overflow policy.
    for mode in DETERMINISTIC {
        for overflow in [OverflowPolicy::Default, OverflowPolicy::Saturate, OverflowPolicy::Inf, OverflowPolicy::Nan] {
            let values: Vec<(f64, f64)> = sorted.iter().map(|&x| (x, f.value(encode(format, mode, overflow, x)))).collect();
            let numbers: Vec<&(f64, f64)> = values.iter().filter(|(_, q)| !q.is_nan()).collect();
            for pair in numbers.windows(2) {
                let ((x, qx), (y, qy)) = (*pair[0], *pair[1]);
                prop_assert!(qx <= qy, "{id} {mode:?} {overflow:?} not monotone: q({x:e}) = {qx:e} > q({y:e}) = {qy:e}");
            }
        }
    }
    for &x in &sorted {
        let inside = x >= lowest && x <= max;
        if !inside {
            continue;
        }
        // Nearest: within half an ulp; an exact tie goes to the even code (ties away for
        // NearestAway).
        let ulp = f.ulp(x); // ulp / 2 may not exist in f64 (float64's smallest ulp): compare 2·error
        for mode in [RoundingMode::NearestEven, RoundingMode::NearestAway] {
            let code = encode(format, mode, OverflowPolicy::Default, x);
            let q = f.value(code);
            prop_assert!(q.is_finite(), "{id} {mode:?}: {x:e} inside the range gave {q}");
            let error = (x - q).abs(); // exact: q is within a factor 2 of x, or 0
            prop_assert!(2.0 * error <= ulp, "{id} {mode:?}: |{x:e} - {q:e}| = {error:e} > ulp/2 = {:e}", ulp / 2.0);
            if error != 0.0 && 2.0 * error == ulp && f.mantissa_bits() > 0 {
                let even = code & 1 == 0;
                match mode {
                    RoundingMode::NearestEven => prop_assert!(even, "{id}: tie {x:e} went to odd code {code:#x}"),
                    _ => prop_assert!(q.abs() > x.abs(), "{id}: tie {x:e} did not go away from zero ({q:e})"),
                }
            }
        }
        // Directed: down ≤ x ≤ up, the two neighbours; toward zero never grows.
        let down = encode(format, RoundingMode::Down, OverflowPolicy::Default, x);
        let up = encode(format, RoundingMode::Up, OverflowPolicy::Default, x);
        let zero = encode(format, RoundingMode::TowardZero, OverflowPolicy::Default, x);
        let (qd, qu, qz) = (f.value(down), f.value(up), f.value(zero));
        prop_assert!(qd <= x && x <= qu, "{id}: down {qd:e} ≤ {x:e} ≤ up {qu:e} fails");
        prop_assert!(qz.abs() <= x.abs() && (qz == 0.0 || qz.signum() == x.signum()), "{id}: toward-zero {x:e} → {qz:e}");
        prop_assert_eq!(qz, if x >= 0.0 { qd } else { qu }, "{}: toward-zero is down for x ≥ 0, up below", id);
        if qd == x {
            prop_assert_eq!(qu, x, "{}: {:e} is exact down but not up", id, x);
        } else {
            prop_assert_eq!(f.next_up(down), Some(up), "{}: {:e}: down {:#x}, up {:#x} are not neighbours", id, x, down, up);
        }
        // Stochastic: one of the neighbours, reproducible for a seed.
        let seed = x.to_bits();
        let mut first = Encoder::new(format, Some(RoundingMode::Stochastic), OverflowPolicy::Default, seed);
        let mut again = Encoder::new(format, Some(RoundingMode::Stochastic), OverflowPolicy::Default, seed);
        for _ in 0..8 {
            let (a, b) = (first.encode_f64(x).code, again.encode_f64(x).code);
            prop_assert_eq!(a, b, "{}: stochastic rounding of {:e} is not reproducible", id, x);
            prop_assert!(a == down || a == up, "{id}: stochastic {x:e} gave {a:#x}, neighbours {down:#x} {up:#x}");
        }
    }
    // Text: the exact decimal expansion of x encodes like x itself, in every mode and policy.
    for &x in xs.iter().take(40) {
        if !x.is_finite() {
            continue;
        }
        let text = exact_decimal(x);
        for mode in DETERMINISTIC {
            for overflow in [OverflowPolicy::Default, OverflowPolicy::Saturate] {
                let by_f64 = encode(format, mode, overflow, x);
                let by_text = Encoder::new(format, Some(mode), overflow, 0).encode_text(&text).unwrap().code;
                prop_assert_eq!(by_text, by_f64, "{} {:?} {:?}: text {} vs f64 {:e}", id, mode, overflow, text, x);
                let short = format!("{x:e}");
                if decimal_equals_f64(&parse_decimal(&short).unwrap(), x) {
                    let by_short = Encoder::new(format, Some(mode), overflow, 0).encode_text(&short).unwrap().code;
                    prop_assert_eq!(by_short, by_f64, "{} {:?}: shortest text {}", id, mode, short);
                }
            }
        }
    }
    Ok(())
}

#[test]
fn catalogue_floats_round_correctly() {
    let mut runner = proptest::test_runner::TestRunner::new(config(24));
    for format in catalogue_floats() {
        let f = float_of(&format);
        runner
            .run(&prop::collection::vec(any::<u64>(), 200), |seeds| check_rounding(&format, &inputs_for(&f, &seeds)))
            .unwrap_or_else(|e| panic!("{}: {e}", format.id()));
    }
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn custom_formats_round_correctly(f in custom_format(), seeds in prop::collection::vec(any::<u64>(), 120)) {
        check_rounding(&as_format(f), &inputs_for(&f, &seeds))?;
    }

    /// Decimal text: down and up bracket nearest and are neighbours, whatever the text.
    #[test]
    fn decimal_text_brackets(
        f in custom_format(),
        digits in "[1-9][0-9]{0,40}",
        point in 0usize..42,
        exponent in -60i32..60,
        negative in any::<bool>(),
    ) {
        let format = as_format(f);
        let point = point.min(digits.len());
        let text = format!("{}{}.{}e{}", if negative { "-" } else { "" }, &digits[..point], &digits[point..], exponent);
        let code = |mode| Encoder::new(&format, Some(mode), OverflowPolicy::Saturate, 0).encode_text(&text).unwrap().code;
        let (down, up, nearest) = (code(RoundingMode::Down), code(RoundingMode::Up), code(RoundingMode::NearestEven));
        prop_assert!(nearest == down || nearest == up, "{}: {text}: nearest {nearest:#x} not in {{{down:#x}, {up:#x}}}", format.id());
        prop_assert!(down == up || f.next_up(down) == Some(up), "{}: {text}: down {down:#x} up {up:#x}", format.id());
    }
}

/// Stochastic rounding lands on each neighbour about as often as its closeness says.
#[test]
fn stochastic_rounding_is_unbiased() {
    let format = Format::parse("float8_e4m3fn").unwrap();
    let mut encoder = Encoder::new(&format, Some(RoundingMode::Stochastic), OverflowPolicy::Default, 42);
    // 1.03125 lies a quarter of the way from 1 (0x38) to 1.125 (0x39).
    let n = 20_000;
    let ups = (0..n).filter(|_| encoder.encode_f64(1.03125).code == 0x39).count();
    let fraction = ups as f64 / n as f64;
    assert!((fraction - 0.25).abs() < 0.02, "{fraction}");
    let mut same = Encoder::new(&format, Some(RoundingMode::Stochastic), OverflowPolicy::Default, 42);
    let again = (0..n).filter(|_| same.encode_f64(1.03125).code == 0x39).count();
    assert_eq!(ups, again);
}

// ------------------------------------------------------------------------------------------------
// integers

proptest! {
    #![proptest_config(config(256))]

    /// Integer formats: directed modes bracket x inside the range, nearest is within 1/2 (ties to
    /// even), saturation clamps, and toward-zero + wrap is C's cast (truncate, keep the low bits).
    #[test]
    fn int_formats_round_and_wrap(index in 0usize..6, units in -2_000_000i64..2_000_000, scale in 0u32..4) {
        let id = ["int8", "uint8", "int4", "uint4", "int2", "uint2"][index];
        let format = Format::parse(id).unwrap();
        let Kind::Int(int) = format.kind() else { unreachable!() };
        let x = units as f64 / 4f64.powi(scale as i32 + 1) / 10f64.powi(scale as i32);
        let value = |mode, overflow| format.decode(encode(&format, mode, overflow, x)).value;
        let (lo, hi) = (int.min() as f64, int.max() as f64);
        let nearest = value(RoundingMode::NearestEven, OverflowPolicy::Default);
        if x >= lo && x <= hi {
            let (down, up) = (value(RoundingMode::Down, OverflowPolicy::Default), value(RoundingMode::Up, OverflowPolicy::Default));
            prop_assert!(down <= x && x <= up && up - down <= 1.0, "{id}({x}): {down} {up}");
            prop_assert!((nearest - x).abs() <= 0.5, "{id}({x}) → {nearest}");
            if (nearest - x).abs() == 0.5 {
                prop_assert_eq!(nearest % 2.0, 0.0, "{}({}) tie → {}", id, x, nearest);
            }
        } else {
            prop_assert_eq!(nearest, x.round().clamp(lo, hi), "{}({}) saturates", id, x);
        }
        let wrapped = value(RoundingMode::TowardZero, OverflowPolicy::Wrap);
        let modulus = 1i64 << int.bits();
        let mut c = (x.trunc() as i64).rem_euclid(modulus);
        if int.signed() && c > int.max() {
            c -= modulus;
        }
        prop_assert_eq!(wrapped, c as f64, "{}({}) C cast", id, x);
    }
}

// ------------------------------------------------------------------------------------------------
// ids

/// Every custom id spelling parses to the layout it names; invalid layouts are refused.
#[test]
fn custom_ids_parse_to_their_layout() {
    let mut failures = Vec::new();
    for e in 1..=11u32 {
        for m in [0u32, 1, 2, 3, 4, 7, 10, 20, 31 - e, 32 - e] {
            for delta in [-200i32, -3, 0, 1, 5] {
                for specials in [Specials::Ieee, Specials::Fn, Specials::Fnuz, Specials::Finite] {
                    let spec = layout(e, m, FloatFormat::default_bias(e).expect("1..=11") + delta, specials);
                    for spelling in 0..8u8 {
                        let id = spelled_id(&spec, spelling);
                        if is_catalogue_name(&id) {
                            continue; // no_catalogue_alias_shadows_a_custom_id
                        }
                        let parsed = Format::parse(&id);
                        let built = FloatFormat::new(spec);
                        let valid = 1 + e + m <= 32 && built.is_ok();
                        match (&parsed, &built) {
                            (Ok(p), Ok(f)) if valid && *p.kind() == Kind::Float(*f) => {}
                            (Err(_), _) if !valid => {}
                            (Ok(p), _) => failures.push(format!("{id}: parsed as {} {:?}, want {spec:?} (valid: {valid})", p.id(), p.kind())),
                            (Err(err), _) => failures.push(format!("{id}: refused ({err}) though valid")),
                        }
                    }
                }
            }
        }
    }
    if !failures.is_empty() {
        panic!("{} custom ids misparsed:\n  {}", failures.len(), failures.join("\n  "));
    }
}

fn is_catalogue_name(name: &str) -> bool {
    CATALOGUE.iter().any(|e| e.id().eq_ignore_ascii_case(name) || e.aliases().iter().any(|a| a.eq_ignore_ascii_case(name)))
}

/// formats.md: short aliases "must not look like a custom `eXmY` id, which always means the
/// generic layout". Any catalogue name that the custom grammar accepts must name that layout.
#[test]
fn no_catalogue_alias_shadows_a_custom_id() {
    let mut failures = Vec::new();
    for entry in CATALOGUE {
        for name in std::iter::once(&entry.id()).chain(entry.aliases().iter()) {
            if let Ok(custom) = FloatFormat::parse_custom(name) {
                if *entry.kind() != Kind::Float(custom) {
                    failures.push(format!(
                        "'{name}' is an alias of {} but as a custom id means {}",
                        entry.id(),
                        custom.custom_id().unwrap_or_default()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("; "));
}

#[test]
fn catalogue_floats_custom_ids_parse_back() {
    for format in catalogue_floats() {
        let f = float_of(&format);
        let Some(id) = f.custom_id() else {
            assert!(!f.signed() || !f.subnormals() || f.bits() > 32, "{} has a custom id", format.id());
            continue; // E8M0 is unsigned, float64 too wide: no custom id
        };
        assert_eq!(Format::parse(&id).unwrap().kind(), format.kind(), "{} as {id}", format.id());
    }
}

// ------------------------------------------------------------------------------------------------
// robustness

fn all_formats() -> Vec<Format> {
    let mut formats: Vec<Format> = CATALOGUE.iter().map(|e| e.format()).collect();
    for id in ["e1m0_finite", "e1m1", "e2m0_fn", "e11m20b1040_fnuz", "e5m7b10_fn", "e3m0", "e8m23b200_finite"] {
        formats.push(Format::parse(id).unwrap());
    }
    formats
}

fn exercise_text(text: &str, formats: &[Format]) {
    let _ = Format::parse(text);
    let _ = FloatFormat::parse_custom(text);
    let _ = parse_decimal(text).map(|d| d.to_exact());
    let _ = RoundingMode::parse(text);
    let _ = OverflowPolicy::parse(text);
    for format in formats {
        let _ = format.parse_code(text);
        for mode in RoundingMode::ALL {
            for overflow in [OverflowPolicy::Default, OverflowPolicy::Wrap, OverflowPolicy::Nan] {
                if let Ok(e) = Encoder::new(format, Some(mode), overflow, 3).encode_text(text) {
                    let _ = (e.error(), e.relative_error(), format.decode(e.code));
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn parsers_never_panic_on_arbitrary_text(text in "\\PC{0,40}") {
        exercise_text(&text, &all_formats());
    }

    #[test]
    fn parsers_never_panic_on_number_like_text(
        text in "[ +-]{0,2}[0-9]{0,30}[.]?[0-9]{0,30}([eE][+-]?[0-9]{0,22})?[ ]?|[+-]?(inf|infinity|nan|NaN|INF)|0[xXbB][0-9a-fA-F_]{0,20}"
    ) {
        exercise_text(&text, &all_formats());
    }

    #[test]
    fn parsers_never_panic_on_id_like_text(text in "[eE][0-9]{0,4}[mM][0-9]{0,4}([bB][+-]?[0-9]{0,12})?(_[a-z]{0,7})?") {
        if let Ok(format) = Format::parse(&text) {
            let _ = (format.limits(), format.decode(0), format.next_up(0), format.next_down(0), format.ulp(1.0));
            exercise_text("1.5", &[format]);
        }
    }

    #[test]
    fn encoding_any_f64_never_panics(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        for format in all_formats() {
            for mode in RoundingMode::ALL {
                for overflow in OverflowPolicy::ALL {
                    let e = Encoder::new(&format, Some(mode), overflow, bits).encode_f64(x);
                    prop_assert!(e.code <= format.max_code());
                }
            }
        }
    }
}

/// Very long and extreme decimal texts (thousands of digits, huge exponents) parse and encode.
#[test]
fn extreme_decimal_texts() {
    let formats = all_formats();
    let long = "7".repeat(5000);
    let texts = [
        format!("0.{long}"),
        format!("{long}e-5000"),
        format!("1{}", "0".repeat(3000)),
        format!("0.{}1", "0".repeat(3000)),
        "1e999999999999999999999".to_string(),
        "-1e-999999999999999999999".to_string(),
        "4.9406564584124654e-324".to_string(),
        "2.4703282292062327e-324".to_string(),
        "1.7976931348623157e308".to_string(),
        "179769313486231580793728971405301e276".to_string(),
    ];
    for text in &texts {
        exercise_text(text, &formats);
    }
    let e = Encoder::with_defaults(&Format::parse("float8_e4m3fn").unwrap()).encode_text(&texts[0]).unwrap();
    assert_eq!(e.value, 0.75); // 0.777… lies between 0.75 and 0.8125, nearer 0.75
}

