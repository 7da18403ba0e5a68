//! Text helpers every feature shares: quoting user text in messages, short human numbers,
//! JavaScript's spelling of f32 values. Pure and leaf (no app imports).

use lowbit_core::decimal::js_string;

pub use lowbit_jobs::text::{shorten, QUOTE_CHARS};

/// A parser's message with the user's `text` (as given or trimmed, in any ASCII case)
/// shortened where it quotes it: the core's parsers quote their input whole, and a URL can
/// carry megabytes.
pub fn shorten_quoted(message: &str, text: &str) -> String {
    for quoted in [text, text.trim()] {
        if quoted.chars().count() <= QUOTE_CHARS {
            continue;
        }
        // A plain scan: `str::replace` would add a kilobyte of substring searcher to the wasm.
        let at = message.as_bytes().windows(quoted.len()).position(|w| w.eq_ignore_ascii_case(quoted.as_bytes()));
        if let Some((before, after)) = at.and_then(|at| Some((message.get(..at)?, message.get(at + quoted.len()..)?))) {
            return format!("{before}{}{after}", shorten(quoted));
        }
    }
    message.to_string()
}

/// A format error of the core about the user's `text`, its id shortened as
/// [`shorten_quoted`] shortens it in a message.
pub fn shortened(e: lowbit_core::FormatError, text: &str) -> lowbit_core::FormatError {
    let id = e.id.as_deref().map(|id| shorten_quoted(id, text));
    lowbit_core::FormatError { id, ..e }
}


/// A short human number: integers below 10^7 in full ("65504"), other values with three
/// significant digits ("6.1e-5", "3.39e38", "0.125"), as in the seed article's table.
pub fn compact(x: f64) -> String {
    if !x.is_finite() {
        return js_string(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let a = x.abs();
    if x.fract() == 0.0 && a < 1e7 {
        return format!("{}", x as i64);
    }
    if (1e-3..1e7).contains(&a) {
        return with_decimals(x, (2 - a.log10().floor() as i32).max(0) as usize);
    }
    let text = format!("{x:.2e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => format!("{}e{exponent}", trim_fraction(mantissa)),
        None => text,
    }
}

/// A decimal without the zeros that end its fraction, nor a bare point ("1.500" → "1.5",
/// "2.0" → "2"; "100" stays).
pub fn trim_fraction(text: &str) -> &str {
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { text }
}

/// `x` rounded to at most `max_decimals` decimals, trailing zeros dropped ("0.0052", "4.5").
pub fn with_decimals(x: f64, max_decimals: usize) -> String {
    trim_fraction(&format!("{x:.max_decimals$}")).to_string()
}

/// The shortest decimal that reads back as the same f32 ("2.6666667"), JavaScript's spelling
/// of NaN, ±Infinity and −0.
pub fn f32_js(v: f32) -> String {
    if v.is_nan() {
        "NaN".into()
    } else if v.is_infinite() {
        if v > 0.0 { "Infinity".into() } else { "-Infinity".into() }
    } else if v == 0.0 && v.is_sign_negative() {
        "-0".into()
    } else {
        format!("{v}")
    }
}
