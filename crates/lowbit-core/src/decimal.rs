//! Decimal text in and out, exactly: parsing numbers of any length into an [`Exact`] value,
//! the full decimal expansion of any binary fraction, and JavaScript's `String(v)` layout.

use crate::bignum::BigUint;
use crate::round::Exact;

/// A decimal number as written: ±digits × 10^exponent, or a special value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decimal {
    /// `nan` (any case, optional sign).
    Nan {
        /// Sign as typed.
        negative: bool,
    },
    /// `inf` / `infinity` (any case, optional sign).
    Infinite {
        /// Sign as typed.
        negative: bool,
    },
    /// A finite number: ±digits × 10^exponent (digits without leading zeros; empty = 0).
    Finite {
        /// Sign as typed (so `-0` is negative zero).
        negative: bool,
        /// Significant decimal digits as ASCII, no leading zeros; empty for zero.
        digits: Vec<u8>,
        /// Power of ten of the last digit.
        exponent: i64,
    },
}

/// A parse failure with a message that says what was wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Significant digits kept exactly; beyond this a sticky bit stands for the rest. Every
/// midpoint of every supported format has fewer than 800 significant digits, so rounding
/// from the truncated value with a sticky bit is exact (see DESIGN in the README).
const MAX_DIGITS: usize = 1200;

/// Parses decimal text: `[+-]digits[.digits][e[+-]digits]`, `inf`, `infinity`, `nan`.
pub fn parse_decimal(text: &str) -> Result<Decimal, ParseError> {
    let t = text.trim();
    let quoted = || {
        let shown: String = t.chars().take(40).collect();
        if t.chars().count() > 40 { format!("{shown}…") } else { shown }
    };
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(Decimal::Infinite { negative }),
        "nan" => return Ok(Decimal::Nan { negative }),
        "" => return Err(ParseError("empty number".into())),
        _ => {}
    }
    let (mantissa, exponent_text) = match lower.find('e') {
        Some(i) => (&lower[..i], Some(&lower[i + 1..])),
        None => (lower.as_str(), None),
    };
    let (integer, fraction) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (integer.is_empty() && fraction.is_empty()) || !all_digits(integer) || !all_digits(fraction) {
        return Err(ParseError(format!("'{}' is not a number (expected e.g. 1.5, -2e-3, inf, nan)", quoted())));
    }
    let mut exponent: i64 = match exponent_text {
        None => 0,
        Some(e) => {
            let (eneg, edigits) = match e.as_bytes().first() {
                Some(b'-') => (true, &e[1..]),
                Some(b'+') => (false, &e[1..]),
                _ => (false, e),
            };
            if edigits.is_empty() || !all_digits(edigits) {
                return Err(ParseError(format!("'{}' has a malformed exponent", quoted())));
            }
            // Saturate absurd exponents: anything past ±10^15 behaves the same.
            let magnitude = if edigits.len() > 15 { 1_000_000_000_000_000 } else { edigits.parse::<i64>().unwrap_or(0) };
            if eneg { -magnitude } else { magnitude }
        }
    };
    let mut digits: Vec<u8> = integer.bytes().chain(fraction.bytes()).collect();
    exponent -= fraction.len() as i64;
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    digits.drain(..leading);
    let trailing = digits.iter().rev().take_while(|&&d| d == b'0').count();
    digits.truncate(digits.len() - trailing);
    exponent += trailing as i64;
    Ok(Decimal::Finite { negative, digits, exponent })
}

impl Decimal {
    /// The exact value as 64 significant bits and a sticky bit.
    pub fn to_exact(&self) -> Exact {
        let (negative, digits, exponent) = match self {
            Decimal::Nan { negative } => return Exact::Nan { negative: *negative },
            Decimal::Infinite { negative } => return Exact::Infinite { negative: *negative },
            Decimal::Finite { negative, digits, exponent } => (*negative, digits, *exponent),
        };
        if digits.is_empty() {
            return Exact::Zero { negative };
        }
        // Far outside every format's range: a stand-in with the same rounding behaviour.
        let magnitude = digits.len() as i64 + exponent;
        if magnitude > 400 {
            return Exact::Finite { negative, significand: 1 << 63, exponent: 1400, sticky: true };
        }
        if magnitude < -400 {
            return Exact::Finite { negative, significand: 1 << 63, exponent: -1500, sticky: true };
        }
        let (kept, mut sticky) = if digits.len() > MAX_DIGITS {
            (&digits[..MAX_DIGITS], digits[MAX_DIGITS..].iter().any(|&d| d != b'0'))
        } else {
            (&digits[..], false)
        };
        let exponent = exponent + (digits.len() - kept.len()) as i64;
        let mut n = BigUint::from_decimal(kept);
        let (significand, binary_exponent, more) = if exponent >= 0 {
            n.mul_pow10(exponent as u32);
            top_bits(&n, 0)
        } else {
            let k = (-exponent) as u32;
            // Scale so that the quotient keeps at least 64 bits: bits(10^k) ≤ k·3.322 + 1.
            let divisor_bits = k as i64 * 3322 / 1000 + 2;
            let scale = (divisor_bits - n.bits() as i64 + 66).max(0) as u64;
            n.shl(scale);
            let remainder_nonzero = n.div_pow10(k);
            let (s, e, more) = top_bits(&n, -(scale as i64));
            (s, e, more || remainder_nonzero)
        };
        sticky |= more;
        Exact::Finite { negative, significand, exponent: binary_exponent as i32, sticky }
    }
}

/// The leading 64 bits of `n` × 2^exponent, the exponent of their last bit, and whether
/// any lower bit was set.
fn top_bits(n: &BigUint, exponent: i64) -> (u64, i64, bool) {
    let bits = n.bits() as i64;
    if bits <= 64 {
        let shift = 64 - bits;
        let (v, _) = n.window(0);
        (if shift >= 64 { 0 } else { v << shift }, exponent - shift, false)
    } else {
        let drop = (bits - 64) as u64;
        let (top, lost) = n.window(drop);
        (top, exponent + drop as i64, lost)
    }
}

/// Whether the decimal text's value is exactly `x` (a finite f64). Fast for short inputs.
pub fn decimal_equals_f64(decimal: &Decimal, x: f64) -> bool {
    let Decimal::Finite { negative, digits, exponent } = decimal else { return false };
    if !x.is_finite() || (x.is_sign_negative() != *negative) {
        return false;
    }
    if digits.is_empty() || x == 0.0 {
        return digits.is_empty() && x == 0.0;
    }
    let Exact::Finite { significand, exponent: e2, .. } = Exact::from_f64(x) else { return false };
    let zeros = significand.trailing_zeros() as i32;
    let (odd, e2) = (significand >> zeros, e2 + zeros);
    // x = odd × 2^e2 ; text = D × 10^k.
    if digits.len() <= 19 && exponent.abs() <= 27 {
        let d: u128 = std::str::from_utf8(digits).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
        let k = *exponent as i32;
        // D × 10^k == odd × 2^e2  ⇔  D × 5^k × 2^k == odd × 2^e2.
        if k >= 0 {
            let Some(lhs) = 5u128.checked_pow(k as u32).and_then(|p| d.checked_mul(p)) else { return false };
            let power = k - e2; // lhs × 2^(k − e2) == odd
            return match power {
                p if p >= 0 => lhs.checked_shl(p as u32).is_some_and(|l| l >> p == lhs && l == odd as u128),
                p => (odd as u128).checked_shl((-p) as u32).is_some_and(|r| r >> -p == odd as u128 && r == lhs),
            };
        }
        // D == odd × 5^(−k) × 2^(e2 − k)
        let Some(rhs) = 5u128.checked_pow((-k) as u32).and_then(|p| p.checked_mul(odd as u128)) else { return false };
        let power = e2 - k;
        if power < 0 {
            return false; // rhs odd, not an integer after dividing by a power of two
        }
        return rhs.checked_shl(power as u32).is_some_and(|r| r >> power == rhs && r == d);
    }
    let Exact::Finite { significand: s, exponent: e, sticky, .. } = decimal.to_exact() else { return false };
    !sticky && s == significand && e == e2 - zeros
}

/// The double nearest to `x − decimal`, computed from the exact decimal value (the rounding
/// error of an encoded value against the typed text, not against its nearest double): `x`
/// = 0.0999755859375 (float16's 0.1) minus "0.1" gives −0.0000244140625 exactly. NaN when
/// either side is NaN or infinite.
pub fn exact_difference(x: f64, decimal: &Decimal) -> f64 {
    let Decimal::Finite { negative, digits, exponent } = decimal else { return f64::NAN };
    if !x.is_finite() {
        return f64::NAN;
    }
    if digits.is_empty() {
        return x - if *negative { -0.0 } else { 0.0 };
    }
    // |decimal| < 10^magnitude.
    let magnitude = digits.len() as i64 + exponent;
    if magnitude < -400 && x != 0.0 {
        // Below a quarter of the smallest subnormal: x − decimal rounds to x.
        return x;
    }
    if magnitude > 400 {
        // Beyond every double: the difference is −decimal, rounded.
        return if *negative { f64::INFINITY } else { f64::NEG_INFINITY };
    }
    // x = significand × 2^e = significand × 5^−e × 10^e (e < 0), exactly an integer × 10^ex.
    let (mut value, value_exponent) = match Exact::from_f64(x) {
        Exact::Finite { significand, exponent: e, .. } if e < 0 => {
            let mut n = BigUint::from_u64(significand);
            n.mul_pow5(e.unsigned_abs());
            (n, i64::from(e))
        }
        Exact::Finite { significand, exponent: e, .. } => {
            let mut n = BigUint::from_u64(significand);
            n.shl(e as u64);
            (n, 0)
        }
        _ => (BigUint::default(), *exponent),
    };
    let mut input = BigUint::from_decimal(digits);
    let common = value_exponent.min(*exponent);
    value.mul_pow10((value_exponent - common) as u32);
    input.mul_pow10((exponent - common) as u32);
    // x − decimal with signs: same signs subtract magnitudes, opposite signs add them.
    let x_negative = x.is_sign_negative();
    let result_negative = if x_negative == *negative {
        let x_larger = value.compare(&input) == std::cmp::Ordering::Greater;
        value.abs_diff(&input);
        if x_larger { x_negative } else { !x_negative }
    } else {
        value.add(&input);
        x_negative
    };
    if value.is_zero() {
        return 0.0;
    }
    // Rust's parse rounds decimal text of any length correctly to nearest-even.
    let text = format!("{}{}e{common}", if result_negative { "-" } else { "" }, value.to_decimal());
    text.parse().unwrap_or(f64::NAN)
}

/// The exact decimal expansion of a finite f64 (every binary fraction has a finite one):
/// `2^-149` gives all 105 significant digits. NaN and ±Inf give "NaN", "Infinity", "-Infinity".
pub fn exact_decimal(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let Exact::Finite { significand, exponent, .. } = Exact::from_f64(x) else {
        return format!("{sign}0");
    };
    let mut n = BigUint::from_u64(significand);
    if exponent >= 0 {
        n.shl(exponent as u64);
        return format!("{sign}{}", n.to_decimal());
    }
    // m × 2^-k = m × 5^k / 10^k
    let k = (-exponent) as u32;
    n.mul_pow5(k);
    let mut text = n.to_decimal();
    if text.len() <= k as usize {
        text = "0".repeat(k as usize - text.len() + 1) + &text;
    }
    let point = text.len() - k as usize;
    let (int_part, frac_part) = text.split_at(point);
    let frac_part = frac_part.trim_end_matches('0');
    if frac_part.is_empty() {
        format!("{sign}{int_part}")
    } else {
        format!("{sign}{int_part}.{frac_part}")
    }
}

/// JavaScript's `String(v)` for a number: the shortest round-trip digits, laid out as JS does
/// ("448", "0.001953125", "3.3895313892515355e+38", "1e-7"), except that −0 gives "-0".
pub fn js_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity".into() } else { "-Infinity".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{:e}", x.abs()); // shortest round-trip digits: d[.ddd]e±n
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let (lead, rest) = mantissa.split_at(1);
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let k = 1 + rest.len() as i32;
    let n = exp.parse::<i32>().unwrap_or(0) + 1; // value = 0.digits × 10^n
    let mut out = String::with_capacity(k.max(n).unsigned_abs() as usize + 8);
    if x < 0.0 {
        out.push('-');
    }
    let zeros = |out: &mut String, count: i32| (0..count).for_each(|_| out.push('0'));
    if k <= n && n <= 21 {
        out.push_str(lead);
        out.push_str(rest);
        zeros(&mut out, n - k);
    } else if 0 < n && n <= 21 {
        out.push_str(lead);
        let split = (n - 1) as usize;
        out.push_str(&rest[..split]);
        out.push('.');
        out.push_str(&rest[split..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        zeros(&mut out, -n);
        out.push_str(lead);
        out.push_str(rest);
    } else {
        out.push_str(lead);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let e = n - 1;
        out.push_str(if e >= 0 { "e+" } else { "e-" });
        out.push_str(&e.unsigned_abs().to_string());
    }
    out
}

/// A JSON number for a finite value (JS layout; −0 as `-0.0`), or the strings
/// `"nan"`, `"inf"`, `"-inf"` (quoted) otherwise.
pub fn json_number(x: f64) -> String {
    if x.is_nan() {
        "\"nan\"".into()
    } else if x.is_infinite() {
        if x > 0.0 { "\"inf\"".into() } else { "\"-inf\"".into() }
    } else if x == 0.0 && x.is_sign_negative() {
        "-0.0".into()
    } else {
        js_string(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_layout_matches_javascript() {
        assert_eq!(js_string(448.0), "448");
        assert_eq!(js_string(0.001953125), "0.001953125");
        assert_eq!(js_string(3.3895313892515355e38), "3.3895313892515355e+38");
        assert_eq!(js_string(1e-7), "1e-7");
        assert_eq!(js_string(1e21), "1e+21");
        assert_eq!(js_string(1e20), "100000000000000000000");
        assert_eq!(js_string(-0.0), "-0");
        assert_eq!(js_string(0.000001), "0.000001");
        assert_eq!(js_string(1.5e-10), "1.5e-10");
        assert_eq!(js_string(123.456), "123.456");
    }

    #[test]
    fn exact_expansion_of_smallest_f32_subnormal_has_105_significant_digits() {
        let text = exact_decimal(2f64.powi(-149));
        let significant = text.trim_start_matches("0.").trim_start_matches('0');
        assert_eq!(significant.len(), 105);
        assert!(text.starts_with("0.0000000000000000000000000000000000000000000014012984643"));
        assert_eq!(exact_decimal(0.1), "0.1000000000000000055511151231257827021181583404541015625");
        assert_eq!(exact_decimal(-448.0), "-448");
    }

    #[test]
    fn parses_and_rejects() {
        assert!(parse_decimal("1.5e3").is_ok());
        assert!(parse_decimal(".5").is_ok());
        assert!(parse_decimal("5.").is_ok());
        for bad in ["", "-", "1..2", "e5", "1e", "0x10", "abc", "1,5", "--1", "1e+-3"] {
            assert!(parse_decimal(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn exact_matches_f64_for_simple_values() {
        for (text, x) in [("0.1", 0.1f64), ("448", 448.0), ("1e-300", 1e-300), ("123456789.125", 123456789.125)] {
            let d = parse_decimal(text).unwrap();
            assert_eq!(d.to_exact().approx_f64(), x, "{text}");
        }
        assert!(decimal_equals_f64(&parse_decimal("0.5").unwrap(), 0.5));
        assert!(decimal_equals_f64(&parse_decimal("448").unwrap(), 448.0));
        assert!(decimal_equals_f64(&parse_decimal("0.001953125").unwrap(), 0.001953125));
        assert!(!decimal_equals_f64(&parse_decimal("0.1").unwrap(), 0.1));
        assert!(decimal_equals_f64(
            &parse_decimal("0.1000000000000000055511151231257827021181583404541015625").unwrap(),
            0.1
        ));
        assert!(!decimal_equals_f64(&parse_decimal("1.0000000000000000000001").unwrap(), 1.0));
    }
}
