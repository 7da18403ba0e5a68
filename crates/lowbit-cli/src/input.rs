//! Numbers read from stdin by `lowbit quantize`: separated by whitespace, commas or newlines,
//! or one JSON array, or a JSON array of arrays (rows of equal length).
//!
//! JSON is read by serde_json; each number is then rounded to f32 once from its own text (a
//! `RawValue`), never through f64. The strings `"nan"`, `"inf"`, `"-inf"` (as `lowbit` writes
//! them) and `"NaN"`, `"Infinity"`, `"-Infinity"` are accepted too. Errors are one line.

use serde_json::value::RawValue;

/// The numbers read from stdin, flattened, and the row length when rows were given.
#[derive(Debug, PartialEq)]
pub struct Input {
    /// Every number, row after row.
    pub values: Vec<f32>,
    /// The length of each row (JSON array of non-empty arrays), else None.
    pub row_len: Option<usize>,
}

/// A plain-text number: decimal, `inf`, `infinity` or `nan` with an optional sign; not hex.
fn parse_number(token: &str) -> Option<f32> {
    let t = token.trim();
    if t.is_empty() || t.starts_with("0x") || t.starts_with("0X") {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if !(body.starts_with(|c: char| c.is_ascii_digit() || c == '.') || ["inf", "infinity", "nan"].contains(&body)) {
        return None;
    }
    t.parse::<f32>().ok()
}

/// Parses stdin: plain numbers, a JSON array, or a JSON array of arrays.
pub fn parse_input(text: &str) -> Result<Input, String> {
    if text.trim_start().starts_with('[') {
        return parse_json_input(text);
    }
    let mut values = Vec::new();
    for (line_no, line) in text.lines().enumerate() {
        for token in line.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()) {
            let v = parse_number(token).ok_or_else(|| format!("line {}: '{token}' is not a number", line_no + 1))?;
            values.push(v);
        }
    }
    Ok(Input { values, row_len: None })
}

/// What a JSON value that should be a number is, for an error message (one line, short).
fn describe(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'[') => "an array",
        Some(b'{') => "an object",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "not a number",
    }
}

/// One JSON element as f32: a JSON number rounded once from its text, or a non-finite string.
fn json_number(raw: &RawValue) -> Result<f32, String> {
    let text = raw.get();
    if text.starts_with('"') {
        let s: String = serde_json::from_str(text).map_err(|e| e.to_string())?;
        return match s.as_str() {
            "nan" | "NaN" => Ok(f32::NAN),
            "inf" | "Infinity" => Ok(f32::INFINITY),
            "-inf" | "-Infinity" => Ok(f32::NEG_INFINITY),
            _ => Err(format!("the string {text:.40} is not a number (only \"nan\", \"inf\", \"-inf\")")),
        };
    }
    if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        // JSON's number grammar is a subset of Rust's float syntax: the one rounding to f32.
        return text.parse::<f32>().map_err(|e| format!("{text:.40}: {e}"));
    }
    Err(format!("expected a number, found {}", describe(text)))
}

/// Parses a JSON array of numbers, or a JSON array of arrays of numbers of equal length.
fn parse_json_input(text: &str) -> Result<Input, String> {
    let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| format!("JSON input: {e}"))?;
    let rows = items.first().is_some_and(|item| item.get().starts_with('['));
    let mut values = Vec::new();
    let mut row_len = None;
    for (i, item) in items.iter().enumerate() {
        if !rows {
            values.push(json_number(item).map_err(|e| format!("JSON input, element {}: {e}", i + 1))?);
            continue;
        }
        let row: Vec<&RawValue> = serde_json::from_str(item.get()).map_err(|_| {
            format!("JSON input, row {}: expected an array of numbers, found {}", i + 1, describe(item.get()))
        })?;
        match row_len {
            None => row_len = Some(row.len()),
            Some(n) if n != row.len() => {
                return Err(format!("JSON input, row {}: rows must have equal lengths ({n} and {})", i + 1, row.len()));
            }
            _ => {}
        }
        for (j, x) in row.iter().enumerate() {
            values.push(json_number(x).map_err(|e| format!("JSON input, row {}, element {}: {e}", i + 1, j + 1))?);
        }
    }
    Ok(Input { values, row_len: row_len.filter(|&n| n > 0) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_every_input_shape() {
        assert_eq!(parse_input("1, 2\n3 4,5\n").unwrap().values, vec![1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(parse_input(" [1, -2.5e0, \"nan\"]").unwrap().values[1], -2.5);
        let rows = parse_input("[[1, 2, 3], [4, 5, 6]]").unwrap();
        assert_eq!(rows.row_len, Some(3));
        assert_eq!(rows.values.len(), 6);
        assert!(parse_input("[[1, 2], [3]]").unwrap_err().contains("equal lengths"));
        assert!(parse_input("1 2 x3").unwrap_err().contains("line 1: 'x3'"));
        assert!(parse_input("1\n0x10").unwrap_err().contains("line 2"));
        assert!(parse_input("[1, 2").is_err());
        assert!(parse_input("[1, 2] 3").is_err());
        assert_eq!(parse_input("").unwrap().values, Vec::<f32>::new());
        assert!(parse_input("inf -inf nan").unwrap().values[2].is_nan());
    }

    #[test]
    fn json_numbers_round_once_from_their_text() {
        // 1 + 2^-24 + 10^-20: above the f32 midpoint 1 + 2^-24, so it rounds up to 1 + 2^-23;
        // through f64 it would first become the midpoint and then round to even (1).
        let text = "1.000000059604644775400625";
        assert_eq!(parse_input(&format!("[{text}]")).unwrap().values, vec![1.0 + f32::EPSILON]);
        assert_eq!(parse_input(text).unwrap().values, vec![1.0 + f32::EPSILON]);
        assert_eq!(parse_input("[-0.0]").unwrap().values[0].to_bits(), (-0.0f32).to_bits());
        assert_eq!(
            parse_input("[1e400, \"-inf\", \"Infinity\"]").unwrap().values,
            vec![f32::INFINITY, f32::NEG_INFINITY, f32::INFINITY]
        );
    }

    #[test]
    fn json_errors_are_one_line_and_say_where() {
        for (text, needle) in [
            ("[1, true]", "element 2: expected a number, found a boolean"),
            ("[1, {\"a\":\n 1}]", "element 2: expected a number, found an object"),
            ("[1, [2]]", "element 2: expected a number, found an array"),
            ("[[1], 2]", "row 2: expected an array of numbers"),
            ("[[1], [\"x\"]]", "row 2, element 1: the string \"x\""),
            ("[1,\n 2,\n ]", "line 3"),
            ("[null]", "found null"),
        ] {
            let err = parse_input(text).unwrap_err();
            assert!(err.contains(needle), "{text}: {err}");
            assert!(!err.contains('\n'), "{text}: {err}");
        }
    }

    /// A JSON array as `lowbit` writes it (serde, `Num` for non-finite values).
    fn to_json(values: &[f32]) -> String {
        let mut out = Vec::new();
        crate::render::write_json(&mut out, &crate::render::Num::all(values)).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn any_f32() -> impl Strategy<Value = f32> {
        prop_oneof![any::<f32>(), Just(f32::NAN), Just(f32::INFINITY), Just(f32::NEG_INFINITY), Just(-0.0f32)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Arbitrary text never panics the parser, and an error is one line.
        #[test]
        fn never_panics_on_any_text(text in any::<String>()) {
            if let Err(e) = parse_input(&text) {
                prop_assert!(!e.contains('\n'), "{e}");
            }
        }

        /// Text made of JSON's and numbers' characters (deep nesting, half-written arrays,
        /// exponents, signs) never panics the parser either.
        #[test]
        fn never_panics_on_json_like_text(text in "[\\[\\]{}, \"0-9eE.+\\-naifNIty:\n]{0,200}") {
            if let Err(e) = parse_input(&text) {
                prop_assert!(!e.contains('\n'), "{e}");
            }
        }

    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Deeply nested arrays are refused, not a stack overflow.
        #[test]
        fn deep_nesting_is_an_error(depth in 1usize..5000) {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let result = parse_input(&text);
            prop_assert!(depth <= 2 || result.is_err());
        }

        /// Every f32 (NaN, ±∞, −0 included) round-trips through the JSON that `lowbit` writes,
        /// bit for bit (NaN as NaN).
        #[test]
        fn json_round_trips(values in proptest::collection::vec(any_f32(), 0..40)) {
            let parsed = parse_input(&to_json(&values)).unwrap().values;
            prop_assert_eq!(parsed.len(), values.len());
            for (a, b) in parsed.iter().zip(&values) {
                prop_assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{a} vs {b}");
            }
        }

        /// Rows round-trip with their length.
        #[test]
        fn json_rows_round_trip(rows in 1usize..6, cols in 1usize..6, seed in any::<u32>()) {
            let values: Vec<f32> = (0..rows * cols).map(|i| (seed as f32) * 1e-3 - i as f32).collect();
            let nested: Vec<Vec<crate::render::Num>> = values.chunks(cols).map(crate::render::Num::all).collect();
            let mut out = Vec::new();
            crate::render::write_json(&mut out, &nested).unwrap();
            let parsed = parse_input(std::str::from_utf8(&out).unwrap()).unwrap();
            prop_assert_eq!(parsed.row_len, Some(cols));
            prop_assert_eq!(parsed.values, values);
        }

        /// A number list in any mix of separators reads back every f32 exactly.
        #[test]
        fn number_lists_round_trip(values in proptest::collection::vec(any_f32(), 0..40), seps in proptest::collection::vec(prop_oneof![Just(" "), Just(","), Just("\n"), Just(", "), Just("\t")], 40)) {
            let text: String = values.iter().zip(&seps).map(|(v, s)| format!("{v}{s}")).collect();
            let parsed = parse_input(&text).unwrap().values;
            prop_assert_eq!(parsed.len(), values.len());
            for (a, b) in parsed.iter().zip(&values) {
                prop_assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{a} vs {b}");
            }
        }
    }
}
