//! The special-value table: every catalogue format (P3109 ids included) × every rounding mode
//! × every overflow policy × every special or extreme input (±0, ±Inf, NaN, ±max,
//! ±(max + ½ ulp), ±tiny, ±huge decimal), each outcome asserted from a rule stated here — the
//! specifications' own statements (IEEE 754 §4.3, §7.4; the OCP 8-bit and MX specifications;
//! IEEE P3109 §4.7) and, where they leave a case open, Lowbit's documented choice (README,
//! "Special values"). No expected output is copied from the engine.

use lowbit_core::format::Kind;
use lowbit_core::{Encoder, Exact, FloatFormat, Format, OverflowPolicy, RoundingMode, Status, CATALOGUE};

/// The inputs of the table.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Input {
    Zero,
    Inf,
    Nan,
    Max,
    /// max + ½ ulp(max): exactly the midpoint between max and the next value past it.
    PastMax,
    /// 10^-400, decimal text: below every format's smallest value and below f64's.
    Tiny,
    /// 10^400, decimal text: beyond every format and beyond f64.
    Huge,
}

const INPUTS: [Input; 7] = [Input::Zero, Input::Inf, Input::Nan, Input::Max, Input::PastMax, Input::Tiny, Input::Huge];

/// The largest finite value of a float format as an exact (significand, exponent) pair.
fn float_max(f: &FloatFormat) -> (u64, i32) {
    let max = f.max_finite();
    match Exact::from_f64(max) {
        // Without trailing zeros, so that one more bit fits.
        Exact::Finite { significand, exponent, .. } => {
            let zeros = significand.trailing_zeros();
            (significand >> zeros, exponent + zeros as i32)
        }
        other => panic!("max of {f:?} is {other:?}"),
    }
}

/// The exact input value (`negative` = its sign).
fn exact_input(format: &Format, input: Input, negative: bool) -> Option<Exact> {
    Some(match input {
        Input::Zero => Exact::Zero { negative },
        Input::Inf => Exact::Infinite { negative },
        Input::Nan => Exact::Nan { negative },
        Input::Max | Input::PastMax => {
            let Kind::Float(f) = format.kind() else { return None };
            let (significand, exponent) = float_max(f);
            if input == Input::Max {
                return Some(Exact::Finite { negative, significand, exponent, sticky: false });
            }
            // ulp(max) = 2^(floor(log2 max) − m); the midpoint past max needs one more bit.
            let top = 63 - significand.leading_zeros() as i32 + exponent;
            let half_ulp = top - f.mantissa_bits() as i32 - 1;
            let shift = (exponent - half_ulp) as u32;
            Exact::Finite { negative, significand: (significand << shift) + 1, exponent: half_ulp, sticky: false }
        }
        Input::Tiny | Input::Huge => return None, // decimal text, below
    })
}

/// Rounding direction: whether a mode moves an inexact magnitude away from zero (None:
/// nearest modes, which depend on the position; stochastic, which may go either way).
fn away(mode: RoundingMode, negative: bool) -> Option<bool> {
    match mode {
        RoundingMode::TowardZero => Some(false),
        RoundingMode::Up => Some(!negative),
        RoundingMode::Down => Some(negative),
        _ => None,
    }
}

/// The policy in effect: `default` and `wrap` are the format's default (floats).
fn effective(f: &FloatFormat, policy: OverflowPolicy) -> OverflowPolicy {
    match policy {
        OverflowPolicy::Default | OverflowPolicy::Wrap => f.default_overflow(),
        other => other,
    }
}

/// The outcome of a finite value that rounded past max (IEEE 754 §7.4: ±Inf for the
/// nearest modes and the directed mode away from zero, ±max for the modes toward zero;
/// OCP's saturating conversion and P3109's SatFinite/SatPropagate: ±max; P3109 SatNone: ±Inf
/// where the format has it, else ±max; `nan`: NaN where the format has one; a format without
/// the asked-for special value falls back to the other, then to ±max; round to odd picks the
/// odd code of ±max and ±Inf).
fn overflow_code(f: &FloatFormat, policy: OverflowPolicy, mode: RoundingMode, negative: bool) -> u64 {
    let sign = if negative { f.sign_mask() } else { 0 };
    let max = sign | f.max_finite_magnitude_code().unwrap();
    let nan = f.canonical_nan(negative);
    let inf = f.inf_code(negative);
    let toward_zero = away(mode, negative) == Some(false);
    let wanted_inf = match effective(f, policy) {
        OverflowPolicy::Saturate | OverflowPolicy::SatFinite | OverflowPolicy::SatPropagate => return max,
        _ if toward_zero => return max,
        OverflowPolicy::SatNone if inf.is_none() => return max,
        OverflowPolicy::Nan => false,
        _ => true,
    };
    if mode == RoundingMode::Odd && inf.is_some_and(|c| c & 1 == 0) && wanted_inf {
        return max;
    }
    if wanted_inf { inf.or(nan).unwrap_or(max) } else { nan.or(inf).unwrap_or(max) }
}

fn is_zero(format: &Format, code: u64) -> bool {
    format.decode(code).value == 0.0
}

/// Checks one float cell of the table; returns a failure description.
fn check_float(format: &Format, f: &FloatFormat, mode: RoundingMode, policy: OverflowPolicy, input: Input, negative: bool) -> Result<(), String> {
    let mut encoder = Encoder::new(format, Some(mode), policy, 7);
    let e = match exact_input(format, input, negative) {
        Some(x) => encoder.encode_exact(&x),
        None => {
            let text = match input {
                Input::Tiny => "1e-400",
                _ => "1e400",
            };
            encoder.encode_text(&format!("{}{text}", if negative { "-" } else { "" })).unwrap()
        }
    };
    let (code, status) = (e.code, e.status);
    let d = format.decode(code);
    let sign = if negative { f.sign_mask() } else { 0 };
    let max = f.max_finite_magnitude_code().unwrap();
    let fail = |rule: &str| Err(format!("{rule}: got code {code:#x} ({}) {:?}", d.value, status.names()));
    let p3109_policy = policy.is_p3109();

    // NaN: a format with NaN gives a NaN (IEEE 754 §6.2: quiet NaN in, quiet NaN out, no
    // flag). OCP FP4/FP6 have none: Lowbit's documented choice follows ml_dtypes (+NaN → −0,
    // −NaN → +0, as `sign ? -quiet_NaN() : quiet_NaN()` with quiet_NaN() = −0), flagged invalid.
    if input == Input::Nan {
        return match f.has_nan() {
            true if f.is_nan(code) && status.is_exact() => Ok(()),
            true => fail("NaN stays NaN"),
            false if is_zero(format, code) && d.value.is_sign_negative() != negative && status.contains(Status::INVALID) => Ok(()),
            false => fail("NaN into a format without NaN: zero of the opposite sign, invalid"),
        };
    }

    // A negative into an unsigned format (E8M0, P3109 unsigned): invalid (NaN), except that
    // P3109's saturation modes clamp to the smallest value M lo and a value that rounds to
    // zero is 0 (P3109 §4.7); SatNone clamps only when rounding toward zero or up.
    if negative && !f.signed() && input != Input::Zero {
        let nan = f.canonical_nan(false).unwrap();
        if !p3109_policy {
            return if code == nan && status.contains(Status::INVALID) { Ok(()) } else { fail("negative into unsigned: NaN") };
        }
        if input == Input::Inf {
            return match policy {
                OverflowPolicy::SatFinite | OverflowPolicy::SatPropagate if code == f.lowest_code() => Ok(()),
                OverflowPolicy::SatNone if code == nan => Ok(()),
                _ => fail("-Inf into unsigned under P3109: M lo (SatFinite/SatPropagate) or NaN (SatNone)"),
            };
        }
        if input == Input::Tiny && f.has_zero() && (away(mode, true) != Some(true)) && mode != RoundingMode::Odd {
            // Rounds to zero first (toward zero, up, nearest; stochastic almost surely).
            return if code == 0 || (mode == RoundingMode::Stochastic && code == f.lowest_code()) { Ok(()) } else { fail("tiny negative rounds to 0") };
        }
        let clamp = policy != OverflowPolicy::SatNone || matches!(mode, RoundingMode::TowardZero | RoundingMode::Up);
        let want = if clamp { f.lowest_code() } else { nan };
        return if code == want { Ok(()) } else { fail("negative into unsigned under P3109: M lo or NaN") };
    }

    match input {
        // Zero is exact: −0 where the format has it, else +0; E8M0 has no zero (NaN, invalid).
        Input::Zero => {
            if !f.has_zero() {
                return if f.is_nan(code) && status.contains(Status::INVALID) { Ok(()) } else { fail("zero into a format without zero: NaN") };
            }
            let want_negative = negative && f.has_negative_zero();
            if is_zero(format, code) && d.value.is_sign_negative() == want_negative && status.is_exact() { Ok(()) } else { fail("signed zero, exact") }
        }
        // Converting an infinity is exact, not an overflow (IEEE 754 §7.4 clamps only finite
        // results): ±Inf where the format has it, whatever the rounding mode. Saturating
        // conversions (OCP satfinite, P3109 SatFinite) clamp it to ±max; P3109 SatPropagate and
        // SatNone keep ±Inf (±max without Inf). Otherwise a format without Inf gives NaN — in
        // every rounding mode — and one without NaN either (FP4/FP6) its ±max.
        Input::Inf => {
            let saturating = matches!(effective(f, policy), OverflowPolicy::Saturate | OverflowPolicy::SatFinite);
            let want = if saturating {
                sign | max
            } else if let Some(inf) = f.inf_code(negative) {
                inf
            } else if matches!(policy, OverflowPolicy::SatPropagate | OverflowPolicy::SatNone) {
                sign | max
            } else {
                f.canonical_nan(negative).unwrap_or(sign | max)
            };
            if code == want { Ok(()) } else { fail("infinity") }
        }
        // Every value of the format is exact in every mode and policy.
        Input::Max => {
            if code == sign | max && status.is_exact() { Ok(()) } else { fail("±max is exact") }
        }
        // max + ½ ulp: the rounding mode decides whether the result passes max — nearest-even
        // when max's code is odd (the tie goes to the even neighbour past it), nearest-away
        // always, the directed mode away from zero, round-to-odd when max's code is even,
        // stochastic with probability ½; if it does, it overflows (see overflow_code).
        Input::PastMax => {
            let max_odd = max & 1 == 1;
            let passes = match mode {
                RoundingMode::NearestEven => Some(max_odd),
                RoundingMode::NearestAway => Some(true),
                RoundingMode::Odd => Some(!max_odd),
                RoundingMode::Stochastic => None,
                _ => away(mode, negative),
            };
            let stays = code == sign | max && status.contains(Status::INEXACT) && !status.contains(Status::OVERFLOW);
            let overflows = code == overflow_code(f, policy, mode, negative) && status.contains(Status::OVERFLOW);
            match passes {
                Some(true) if overflows => Ok(()),
                Some(false) if stays => Ok(()),
                None if stays || overflows => Ok(()),
                _ => fail(&format!("max + ½ulp ({mode:?} passes max: {passes:?})")),
            }
        }
        // Below half the smallest positive value: the nearest modes and rounding toward zero
        // give (signed) zero, the directed mode away from zero and round-to-odd the smallest
        // value of that sign; inexact and underflow (IEEE 754 §7.5). E8M0 has no zero: its
        // smallest value 2^-127 is the nearest (the MX spec's E8M0 has no zero either).
        Input::Tiny => {
            let smallest = sign | f.min_positive_code();
            let zero = f.zero_code(negative);
            let goes_away = match mode {
                RoundingMode::Odd => Some(true),
                RoundingMode::Stochastic => None,
                _ => Some(away(mode, negative).unwrap_or(false)),
            };
            let flags = status.contains(Status::INEXACT) && status.contains(Status::UNDERFLOW);
            let want: Vec<u64> = match (zero, goes_away) {
                (None, _) => vec![smallest],
                (Some(z), Some(false)) => vec![z],
                (Some(_), Some(true)) => vec![smallest],
                (Some(z), None) => vec![z, smallest],
            };
            if want.contains(&code) && flags { Ok(()) } else { fail("tiny") }
        }
        // Far beyond max: every mode overflows (the modes toward zero to ±max).
        Input::Huge => {
            if code == overflow_code(f, policy, mode, negative) && status.contains(Status::OVERFLOW) { Ok(()) } else { fail("huge") }
        }
        Input::Nan => unreachable!(),
    }
}

#[test]
fn every_float_format_mode_policy_and_special_input() {
    let mut failures = Vec::new();
    let mut cells = 0;
    for entry in CATALOGUE {
        let format = entry.format();
        let Kind::Float(f) = *format.kind() else { continue };
        for mode in RoundingMode::ALL {
            for policy in OverflowPolicy::ALL {
                for input in INPUTS {
                    for negative in [false, true] {
                        cells += 1;
                        if let Err(why) = check_float(&format, &f, mode, policy, input, negative) {
                            failures.push(format!("{} {} {} {}{input:?}: {why}", format.id(), mode.name(), policy.name(), if negative { "-" } else { "+" }));
                        }
                    }
                }
            }
        }
    }
    assert!(cells > 10_000, "{cells} cells");
    assert!(failures.is_empty(), "{} of {cells} cells break their rule:\n{}", failures.len(), failures.join("\n"));
}

/// Integers: NaN is invalid (0); ±0 is 0; ±Inf and huge values saturate to the end of the
/// range (flagged overflow) — except `wrap`, a C cast, where ±Inf is undefined in C and Lowbit
/// gives ml_dtypes' x86 result (INT_MIN's low bits: 0) and a huge value keeps its low bits;
/// a tiny value rounds to 0 or, away from zero, to ±1 (0 for a negative into unsigned).
#[test]
fn every_integer_format_mode_policy_and_special_input() {
    for entry in CATALOGUE {
        let format = entry.format();
        let Kind::Int(i) = *format.kind() else { continue };
        for mode in RoundingMode::ALL {
            for policy in OverflowPolicy::ALL {
                let wrap = policy == OverflowPolicy::Wrap;
                for negative in [false, true] {
                    let id = format!("{} {} {} {}", format.id(), mode.name(), policy.name(), if negative { "-" } else { "+" });
                    let mut enc = Encoder::new(&format, Some(mode), policy, 7);
                    let value = |code: u64| format.decode(code).value;
                    let end = if negative { i.min() } else { i.max() } as f64;
                    let e = enc.encode_exact(&Exact::Nan { negative });
                    assert!(value(e.code) == 0.0 && e.status.contains(Status::INVALID), "{id} NaN");
                    let e = enc.encode_exact(&Exact::Zero { negative });
                    assert!(value(e.code) == 0.0 && e.status.is_exact(), "{id} 0");
                    let e = enc.encode_exact(&Exact::Infinite { negative });
                    let want = if wrap { 0.0 } else { end };
                    assert!(value(e.code) == want && e.status.contains(Status::OVERFLOW), "{id} Inf");
                    let e = enc.encode_text(if negative { "-1e400" } else { "1e400" }).unwrap();
                    assert!(e.status.contains(Status::OVERFLOW), "{id} huge flags");
                    if !wrap {
                        assert_eq!(value(e.code), end, "{id} huge saturates");
                    }
                    let e = enc.encode_text(if negative { "-1e-400" } else { "1e-400" }).unwrap();
                    let one = if negative { -1.0 } else { 1.0 };
                    let allowed: Vec<f64> = match (mode, away(mode, negative)) {
                        (RoundingMode::Stochastic, _) => vec![0.0, one],
                        (RoundingMode::Odd, _) => vec![one],
                        (_, Some(true)) => vec![one],
                        _ => vec![0.0],
                    };
                    let allowed: Vec<f64> = allowed.into_iter().map(|v| if v < i.min() as f64 { i.min() as f64 } else { v }).collect();
                    assert!(allowed.contains(&value(e.code)) || (wrap && !i.signed() && negative), "{id} tiny: {}", value(e.code));
                    assert!(e.status.contains(Status::INEXACT), "{id} tiny inexact");
                }
            }
        }
    }
}

/// Codebooks (NF4, bnb FP4, ternary, binary) ignore rounding modes and policies: NaN →
/// the zero code, invalid (bitsandbytes' comparison tree sends NaN down its "not greater"
/// branches); ±Inf and huge values → the end values, flagged overflow; ±0 exact where
/// the table holds 0; a tiny value → the entry nearest 0 by the table's rule.
#[test]
fn every_codebook_and_special_input() {
    for entry in CATALOGUE {
        let format = entry.format();
        let Kind::Codebook(c) = *format.kind() else { continue };
        let lo = c.values().iter().copied().fold(f32::MAX, f32::min) as f64;
        let hi = c.values().iter().copied().fold(f32::MIN, f32::max) as f64;
        for mode in RoundingMode::ALL {
            for policy in OverflowPolicy::ALL {
                let id = format!("{} {} {}", format.id(), mode.name(), policy.name());
                let mut enc = Encoder::new(&format, Some(mode), policy, 7);
                let value = |code: u64| format.decode(code).value;
                let e = enc.encode_exact(&Exact::Nan { negative: false });
                assert!(e.status.contains(Status::INVALID), "{id} NaN");
                for (x, end) in [(Exact::Infinite { negative: false }, hi), (Exact::Infinite { negative: true }, lo)] {
                    let e = enc.encode_exact(&x);
                    assert!(value(e.code) == end && e.status.contains(Status::OVERFLOW), "{id} {x:?}");
                }
                for (text, end) in [("1e400", hi), ("-1e400", lo)] {
                    let e = enc.encode_text(text).unwrap();
                    assert!(value(e.code) == end && e.status.contains(Status::OVERFLOW), "{id} {text}");
                }
                if c.values().contains(&0.0) {
                    let e = enc.encode_exact(&Exact::Zero { negative: true });
                    assert!(value(e.code) == 0.0 && e.status.is_exact(), "{id} -0");
                    let e = enc.encode_text("1e-400").unwrap();
                    assert!(value(e.code) == 0.0 && !e.status.is_exact(), "{id} tiny");
                }
            }
        }
    }
}
