//! Quoting user text in messages, shared by the page and the compute worker (a parser's
//! message reads the same whichever thread ran it).

/// The most characters of user text a message quotes.
pub const QUOTE_CHARS: usize = 40;

/// User text as a message quotes it: at most [`QUOTE_CHARS`] characters, then "…".
pub fn shorten(text: &str) -> String {
    let short: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().count() > QUOTE_CHARS { format!("{short}…") } else { short }
}

/// 1048576 → "1,048,576".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A decimal without the zeros that end its fraction, nor a bare point ("1.500" → "1.5").
fn trim_fraction(text: &str) -> &str {
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { text }
}

/// A number as `lowbit quantize` prints it: the shortest form that round-trips an f32 value
/// (most numbers here are f32), else 8 significant digits; exponent notation ("1e-7") outside
/// 1e-5..1e16, JavaScript's decimal layout inside (the CLI's `show`, more compactly). The
/// Quantize view's numbers, whichever thread writes them.
pub fn show(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sci = if (x as f32) as f64 == x {
        format!("{:e}", x as f32)
    } else {
        let s = format!("{x:.7e}");
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        format!("{}e{e}", trim_fraction(m))
    };
    let a = x.abs();
    if a != 0.0 && !(1e-5..1e16).contains(&a) {
        sci
    } else {
        lowbit_core::decimal::js_string(sci.parse().unwrap_or(x))
    }
}

/// The most entries of a list the Quantize view shows (codes, scales, the reconstruction;
/// their `data-*` attributes hold the same): a million values stay a few kilobytes of page.
pub const LIST_MAX: usize = 4096;

/// `[a, b, c]`.
pub fn bracketed<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    format!("[{}]", joined(items, f))
}

/// The items written by `f`, joined by ", ".
pub fn joined<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

/// `[a, b, c]` for a list of `total` entries whose first ones are `items` (the whole list, or
/// its first [`LIST_MAX`]), or the first [`LIST_MAX`] and how many more ("[1, 2, … 5,904
/// more]").
pub fn bracketed_list<T>(items: &[T], total: usize, f: impl Fn(&T) -> String) -> String {
    if total <= LIST_MAX {
        return bracketed(&items[..total.min(items.len())], f);
    }
    let shown = &items[..LIST_MAX.min(items.len())];
    format!("[{}, … {} more]", joined(shown, f), thousands(total - shown.len()))
}

/// The first [`LIST_MAX`] entries, comma-joined (a `data-*` attribute).
pub fn attr_list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().take(LIST_MAX).map(f).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_lists_as_the_quantize_view_writes_them() {
        assert_eq!(show(0.30000001192092896), "0.3");
        assert_eq!(show(1e-7), "1e-7");
        assert_eq!(show(f64::INFINITY), "inf");
        for (x, text) in [(-2.9802322e-8f32 as f64, "-2.9802322e-8"), (2.6666667f32 as f64, "2.6666667"), (-0.0, "-0"), (27.916909428, "27.916909"), (123456789.0, "123456790")] {
            assert_eq!(show(x), text);
        }
        assert_eq!(thousands(1_048_576), "1,048,576");
        assert_eq!(thousands(999), "999");
        let items: Vec<u32> = (0..5000).collect();
        let text = bracketed_list(&items, 10_000, |i| i.to_string());
        assert!(text.starts_with("[0, 1, 2,") && text.ends_with("4095, … 5,904 more]"), "{}", &text[text.len() - 30..]);
        assert_eq!(bracketed_list(&items[..3], 3, |i| i.to_string()), "[0, 1, 2]");
        assert_eq!(attr_list(&items, |i| i.to_string()).split(',').count(), LIST_MAX);
    }
}
