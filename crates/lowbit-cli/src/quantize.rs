//! `lowbit quantize SCHEME [--block N] [--granularity tensor|row|block] [--k K]
//! [--mx-scale floor|ceil] [--double-quant] [--threshold T] [--single-level] [--json] [--trace]`
//!
//! Reads numbers from stdin — separated by whitespace, commas or newlines, or one JSON array,
//! or a JSON array of arrays (rows of equal length: the row length for `--granularity row` and
//! `int8_rowwise`) — quantizes them with a scheme of `lowbit_core::quant` and prints codes,
//! packed bytes (4-bit schemes), scales, dequantized values and error metrics. `--trace` adds the
//! step-by-step table. Errors are one line (the caller exits with status 2).

use std::io::Write;

use lowbit_core::decimal::json_number;

use crate::args::Args;
use crate::render::json_string;
use lowbit_core::metrics::Metrics;
use lowbit_core::quant::{Granularity, MxScaleRule, Options, Quantized, Scheme, SCHEMES};

const VALUED: &[&str] = &["block", "granularity", "k", "mx-scale", "threshold"];
const SWITCHES: &[&str] = &["double-quant", "single-level", "json", "trace"];

/// Parsed command line of `quantize`.
struct Command {
    scheme: Scheme,
    options: Options,
    json: bool,
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let parsed = Args::parse(args, VALUED, SWITCHES)?;
    let positional = &parsed.positional;
    let values: Vec<(String, String)> =
        VALUED.iter().filter_map(|name| parsed.value(name).map(|v| (name.to_string(), v.to_string()))).collect();
    let switches: Vec<String> = SWITCHES.iter().filter(|name| parsed.flag(name)).map(|n| n.to_string()).collect();
    let ids: Vec<&str> = SCHEMES.iter().map(|s| s.id).collect();
    let id = match positional.as_slice() {
        [id] => id,
        [] => return Err(format!("quantize needs a scheme; valid: {}", ids.join(", "))),
        [_, extra, ..] => return Err(format!("unexpected argument '{extra}': numbers are read from stdin")),
    };
    let scheme = Scheme::parse(id)?;
    let mut options = Options::default();
    for (name, value) in &values {
        match name.as_str() {
            "block" => {
                let b = value.parse::<usize>().ok().filter(|b| *b >= 1).ok_or_else(|| format!("--block must be a positive integer, got '{value}'"))?;
                options.block = Some(b);
            }
            "granularity" => options.granularity = Some(Granularity::parse(value)?),
            "k" => {
                let k = value.parse::<f64>().ok().filter(|k| k.is_finite() && *k > 0.0).ok_or_else(|| format!("--k must be a positive number, got '{value}'"))?;
                options.k = k;
            }
            "mx-scale" => options.mx_scale = MxScaleRule::parse(value)?,
            "threshold" => {
                let t = value.parse::<f64>().ok().filter(|t| t.is_finite() && *t >= 0.0).ok_or_else(|| format!("--threshold must be a number >= 0, got '{value}'"))?;
                options.outlier_threshold = t;
            }
            _ => {}
        }
    }
    options.double_quant = switches.iter().any(|s| s == "double-quant");
    options.nvfp4_tensor_scale = !switches.iter().any(|s| s == "single-level");
    options.trace = switches.iter().any(|s| s == "trace");
    let rule = scheme.info.scale_rule;
    if options.mx_scale == MxScaleRule::Ceil && rule != lowbit_core::quant::ScaleRule::MxShared {
        return Err(format!("--mx-scale applies to the mx* schemes, not {}", scheme.id));
    }
    if values.iter().any(|(n, _)| n == "k") && rule != lowbit_core::quant::ScaleRule::MeanStd {
        return Err(format!("--k applies to int8_meanstd and int4_meanstd, not {}", scheme.id));
    }
    if values.iter().any(|(n, _)| n == "threshold") && rule != lowbit_core::quant::ScaleRule::Int8Rowwise {
        return Err(format!("--threshold applies to int8_rowwise, not {}", scheme.id));
    }
    if !options.nvfp4_tensor_scale && rule != lowbit_core::quant::ScaleRule::NvFp4 {
        return Err(format!("--single-level applies to nvfp4, not {}", scheme.id));
    }
    scheme.check(&options)?;
    Ok(Command { scheme, options, json: switches.iter().any(|s| s == "json") })
}

/// The numbers read from stdin, flattened, and the row length when rows were given.
#[derive(Debug, PartialEq)]
struct Input {
    values: Vec<f32>,
    row_len: Option<usize>,
}

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
fn parse_input(text: &str) -> Result<Input, String> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return parse_json_input(trimmed);
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

/// A minimal JSON reader for `[n, …]` and `[[n, …], …]` (numbers, or the strings "nan",
/// "inf", "-inf" as `lowbit` writes them).
fn parse_json_input(text: &str) -> Result<Input, String> {
    struct Reader<'a> {
        bytes: &'a [u8],
        pos: usize,
    }
    impl Reader<'_> {
        fn skip(&mut self) {
            while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
        }
        fn peek(&mut self) -> Option<u8> {
            self.skip();
            self.bytes.get(self.pos).copied()
        }
        fn expect(&mut self, b: u8) -> Result<(), String> {
            if self.peek() == Some(b) {
                self.pos += 1;
                Ok(())
            } else {
                Err(self.error(&format!("expected '{}'", b as char)))
            }
        }
        fn error(&self, what: &str) -> String {
            let line = self.bytes[..self.pos.min(self.bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1;
            format!("JSON input, line {line}: {what}")
        }
        fn number(&mut self) -> Result<f32, String> {
            self.skip();
            let start = self.pos;
            if self.bytes.get(self.pos) == Some(&b'"') {
                let end = self.bytes[start + 1..].iter().position(|&b| b == b'"').map(|p| start + 1 + p).ok_or_else(|| self.error("unterminated string"))?;
                let s = std::str::from_utf8(&self.bytes[start + 1..end]).unwrap_or("");
                self.pos = end + 1;
                return match s {
                    "nan" | "NaN" => Ok(f32::NAN),
                    "inf" | "Infinity" => Ok(f32::INFINITY),
                    "-inf" | "-Infinity" => Ok(f32::NEG_INFINITY),
                    _ => Err(self.error(&format!("\"{s}\" is not a number"))),
                };
            }
            while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                self.pos += 1;
            }
            let token = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
            if token.is_empty() {
                let found: String = self.bytes[start..].iter().take(12).map(|&b| b as char).collect();
                return Err(self.error(&format!("'{}' is not a number", found.split([',', ']']).next().unwrap_or("").trim())));
            }
            parse_number(token).ok_or_else(|| self.error(&format!("'{token}' is not a number")))
        }
        /// `[a, b, …]` of numbers.
        fn numbers(&mut self) -> Result<Vec<f32>, String> {
            self.expect(b'[')?;
            let mut out = Vec::new();
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(out);
            }
            loop {
                out.push(self.number()?);
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        return Ok(out);
                    }
                    _ => return Err(self.error("expected ',' or ']'")),
                }
            }
        }
    }
    let mut r = Reader { bytes: text.as_bytes(), pos: 0 };
    r.expect(b'[')?;
    let mut values = Vec::new();
    let mut row_len = None;
    if r.peek() == Some(b'[') {
        loop {
            let row = r.numbers()?;
            match row_len {
                None => row_len = Some(row.len()),
                Some(n) if n != row.len() => {
                    return Err(r.error(&format!("rows must have equal lengths ({n} and {})", row.len())));
                }
                _ => {}
            }
            values.extend(row);
            match r.peek() {
                Some(b',') => r.pos += 1,
                Some(b']') => {
                    r.pos += 1;
                    break;
                }
                _ => return Err(r.error("expected ',' or ']' after a row")),
            }
        }
    } else {
        r.pos -= 1;
        values = r.numbers()?;
    }
    if r.peek().is_some() {
        return Err(r.error("unexpected text after the JSON array"));
    }
    Ok(Input { values, row_len: row_len.filter(|&n| n > 0) })
}

fn json_list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(f).collect();
    format!("[{}]", parts.join(", "))
}

fn num(x: f64) -> String {
    json_number(x)
}

/// The metrics object of the JSON output.
fn metrics_json(m: &Metrics) -> String {
    format!(
        "{{\"mse\": {}, \"rmse\": {}, \"max_abs_error\": {}, \"mean_relative_error\": {}, \"sqnr_db\": {}}}",
        num(m.mse),
        num(m.rmse),
        num(m.max_abs_error),
        num(m.mean_relative_error),
        num(m.sqnr_db)
    )
}

fn write_json(out: &mut dyn Write, q: &Quantized, m: &Metrics, trace: bool) -> std::io::Result<()> {
    let tensor_scale = q.tensor_scale.map_or("null".to_string(), |p| num(p as f64));
    let double_quant = q.double_quant.as_ref().map_or("null".to_string(), |d| {
        format!(
            "{{\"offset\": {}, \"codes\": {}, \"absmax\": {}, \"exact_scales\": {}, \"bits_saved_per_element\": {}}}",
            num(d.offset as f64),
            json_list(&d.codes, |c| c.to_string()),
            json_list(&d.absmax, |x| num(*x as f64)),
            json_list(&d.exact_scales, |x| num(*x as f64)),
            num(d.bits_saved_per_element)
        )
    });
    writeln!(out, "{{")?;
    writeln!(out, "  \"scheme\": {},", json_string(&q.scheme))?;
    writeln!(out, "  \"block\": {},", q.block)?;
    writeln!(out, "  \"granularity\": {},", json_string(q.granularity.name()))?;
    writeln!(out, "  \"n\": {},", q.codes.len())?;
    writeln!(out, "  \"codes\": {},", json_list(&q.codes, |c| c.to_string()))?;
    writeln!(out, "  \"packed\": {},", json_list(&q.packed, |b| b.to_string()))?;
    writeln!(out, "  \"scales\": {},", json_list(&q.scales, |x| num(*x as f64)))?;
    writeln!(out, "  \"scale_codes\": {},", json_list(&q.scale_codes, |b| b.to_string()))?;
    writeln!(out, "  \"tensor_scale\": {tensor_scale},")?;
    writeln!(out, "  \"zero_points\": {},", json_list(&q.zero_points, |z| z.to_string()))?;
    writeln!(out, "  \"dequantized\": {},", json_list(&q.dequantized, |x| num(*x as f64)))?;
    writeln!(out, "  \"bits_per_element\": {},", num(q.bits_per_element))?;
    writeln!(out, "  \"tensor_bits\": {},", q.tensor_bits)?;
    writeln!(out, "  \"storage_bytes\": {},", q.storage_bytes)?;
    writeln!(out, "  \"clipped\": {},", q.clipped)?;
    writeln!(out, "  \"outlier_columns\": {},", json_list(&q.outlier_columns, |c| c.to_string()))?;
    writeln!(out, "  \"double_quant\": {double_quant},")?;
    writeln!(out, "  \"metrics\": {},", metrics_json(m))?;
    write!(out, "  \"notes\": {}", json_list(&q.notes, |s| json_string(s)))?;
    if trace {
        writeln!(out, ",\n  \"trace\": [")?;
        for (i, t) in q.trace.iter().enumerate() {
            let comma = if i + 1 < q.trace.len() { "," } else { "" };
            writeln!(
                out,
                "    {{\"index\": {}, \"group\": {}, \"input\": {}, \"absmax\": {}, \"scale\": {}, \"zero_point\": {}, \"scaled\": {}, \"rounded\": {}, \"clamped\": {}, \"clipped\": {}, \"code\": {}, \"dequantized\": {}, \"error\": {}}}{comma}",
                t.index,
                t.group,
                num(t.input),
                num(t.absmax),
                num(t.scale),
                num(t.zero_point),
                num(t.scaled),
                num(t.rounded),
                num(t.clamped),
                t.clipped,
                t.code,
                num(t.dequantized),
                num(t.error)
            )?;
        }
        write!(out, "  ]")?;
    }
    writeln!(out, "\n}}")
}

/// A number for the text tables: the shortest form that round-trips an f32 value (most
/// numbers here are f32), else 8 significant digits; exponent notation outside 1e-5..1e16.
fn show(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = if (x as f32) as f64 == x {
        format!("{:e}", x as f32)
    } else {
        let s = format!("{x:.7e}");
        let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        format!("{m}e{e}")
    };
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    if !(-5..16).contains(&exponent) {
        return format!("{sign}{mantissa}e{exponent}");
    }
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let point = exponent + 1; // digits before the decimal point
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else if point as usize >= digits.len() {
        format!("{digits}{}", "0".repeat(point as usize - digits.len()))
    } else {
        format!("{}.{}", &digits[..point as usize], &digits[point as usize..])
    };
    format!("{sign}{body}")
}

fn write_text(out: &mut dyn Write, q: &Quantized, input: &[f32], m: &Metrics, trace: bool) -> std::io::Result<()> {
    let tensor = if q.tensor_bits > 0 { format!(" + {} bits/tensor", q.tensor_bits) } else { String::new() };
    writeln!(
        out,
        "{}: {} elements, {} {} (size {}), {} bits/element{tensor}, {} bytes",
        q.scheme,
        q.codes.len(),
        q.granularity.name(),
        if q.granularity == Granularity::Tensor { "scale" } else { "scales" },
        q.block,
        show(q.bits_per_element),
        q.storage_bytes
    )?;
    if trace {
        writeln!(
            out,
            "{:>6} {:>5} {:>14} {:>12} {:>14} {:>5} {:>14} {:>10} {:>10} {:>6} {:>14} {:>14}",
            "index", "group", "input", "absmax", "scale", "zp", "x/scale", "rounded", "clamped", "code", "dequantized", "error"
        )?;
        for t in &q.trace {
            writeln!(
                out,
                "{:>6} {:>5} {:>14} {:>12} {:>14} {:>5} {:>14} {:>10} {:>10} {:>6} {:>14} {:>14}{}",
                t.index,
                t.group,
                short(t.input),
                short(t.absmax),
                short(t.scale),
                t.zero_point,
                short(t.scaled),
                short(t.rounded),
                short(t.clamped),
                t.code,
                short(t.dequantized),
                short(t.error),
                if t.clipped { "  clipped" } else { "" }
            )?;
        }
    } else {
        writeln!(out, "{:>6} {:>16} {:>8} {:>16} {:>16}", "index", "input", "code", "dequantized", "error")?;
        for (i, ((x, c), d)) in input.iter().zip(&q.codes).zip(&q.dequantized).enumerate() {
            writeln!(out, "{:>6} {:>16} {:>8} {:>16} {:>16}", i, show(*x as f64), c, show(*d as f64), short(*d as f64 - *x as f64))?;
        }
    }
    if !q.packed.is_empty() {
        let hex: Vec<String> = q.packed.iter().map(|b| format!("{b:02x}")).collect();
        writeln!(out, "packed: {}", hex.join(" "))?;
    }
    let scales: Vec<String> = q.scales.iter().map(|s| show(*s as f64)).collect();
    writeln!(out, "scales: {}", scales.join(" "))?;
    if !q.scale_codes.is_empty() {
        let codes: Vec<String> = q.scale_codes.iter().map(|b| format!("0x{b:02x}")).collect();
        writeln!(out, "scale codes: {}", codes.join(" "))?;
    }
    if let Some(p) = q.tensor_scale {
        writeln!(out, "tensor scale: {}", show(p as f64))?;
    }
    if !q.zero_points.is_empty() {
        let zps: Vec<String> = q.zero_points.iter().map(|z| z.to_string()).collect();
        writeln!(out, "zero points: {}", zps.join(" "))?;
    }
    writeln!(
        out,
        "mse {}  rmse {}  max_abs_error {}  mean_relative_error {}  sqnr_db {}",
        short(m.mse),
        short(m.rmse),
        short(m.max_abs_error),
        short(m.mean_relative_error),
        short(m.sqnr_db)
    )?;
    for note in &q.notes {
        writeln!(out, "note: {note}")?;
    }
    Ok(())
}

/// Up to 8 significant digits, for the wide tables.
fn short(x: f64) -> String {
    show(x)
}

/// `lowbit quantize SCHEME [options]`, numbers in `input` (stdin's text). Err is the one-line
/// message for exit status 2.
pub fn run(args: &[String], input: &str, out: &mut dyn Write) -> Result<(), String> {
    let mut command = parse_args(args)?;
    let data = parse_input(input)?;
    if let Some(row_len) = data.row_len {
        command.options.row_len = Some(row_len);
    }
    command.scheme.check(&command.options)?;
    let q = command.scheme.quantize(&data.values, &command.options);
    let metrics = Metrics::compare(&data.values, &q.dequantized);
    let result = if command.json {
        write_json(out, &q, &metrics, command.options.trace)
    } else {
        write_text(out, &q, &data.values, &metrics, command.options.trace)
    };
    result.map_err(|e| format!("cannot write the output: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn run_text(a: &str, input: &str) -> Result<String, String> {
        let mut out = Vec::new();
        run(&args(a), input, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

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
    fn refuses_bad_options_with_one_line() {
        for (a, needle) in [
            ("mxfp4 --block 64", "32"),
            ("nvfp4 --block 32", "16"),
            ("nf4 --block 100", "32, 64, 128"),
            ("nf5", "valid:"),
            ("int8_absmax --granularity diagonal", "tensor, row, block"),
            ("nf4 --granularity row", "granularity"),
            ("nf4 --frobnicate", "unknown option"),
            ("", "needs a scheme"),
            ("int8_absmax --k 2", "meanstd"),
            ("int8_meanstd --k -1", "positive"),
            ("nf4 --mx-scale ceil", "mx"),
            ("mxfp4 --mx-scale round", "floor, ceil"),
            ("int8_absmax --double-quant", "double"),
        ] {
            let err = run_text(a, "1 2 3").unwrap_err();
            assert!(err.contains(needle), "{a}: {err}");
            assert!(!err.contains('\n'), "{a}: one line");
        }
    }

    #[test]
    fn json_has_the_documented_fields() {
        let out = run_text("fp4_bnb --json", "1 2 3 4").unwrap();
        for key in ["\"scheme\": \"fp4_bnb\"", "\"block\": 64", "\"codes\": [7, 5, 2, 3]", "\"packed\": [117, 35]", "\"scales\": [4]", "\"tensor_scale\": null", "\"zero_points\": []", "\"dequantized\": [1, 2, 2.6666667461395264, 4]", "\"bits_per_element\": 4.5", "\"metrics\": {\"mse\": "] {
            assert!(out.contains(key), "missing {key} in {out}");
        }
        let out = run_text("int4_absmax --json --trace", "[-0.5, 0.3, 1.2, -2.1]").unwrap();
        assert!(out.contains("\"codes\": [-2, 1, 4, -7]"), "{out}");
        assert!(out.contains("\"trace\": ["));
        let out = run_text("nvfp4 --json", "1 2 3").unwrap();
        assert!(out.contains("\"tensor_scale\": 0.0011160714"), "{out}");
        let out = run_text("int8_zeropoint --json", "0 1 2 3").unwrap();
        assert!(out.contains("\"zero_points\": [-128]"), "{out}");
        let out = run_text("int8_rowwise --json", "[[1, 2, 8], [0.5, -1, 3]]").unwrap();
        assert!(out.contains("\"outlier_columns\": [2]"), "{out}");
        let out = run_text("nf4 --json --double-quant", "1 2 3 4").unwrap();
        assert!(out.contains("\"bits_per_element\": 4.126953125"), "{out}");
        let out = run_text("cast:float8_e4m3fn --json", "465 -0").unwrap();
        assert!(out.contains("\"dequantized\": [\"nan\", -0.0]"), "{out}");
    }

    #[test]
    fn text_and_trace_tables() {
        let out = run_text("int4_absmax --trace", "-0.5 0.3 1.2 -2.1").unwrap();
        assert!(out.contains("x/scale") && out.contains("rounded") && out.contains("clamped"), "{out}");
        let out = run_text("mxfp4", "7.9 ").unwrap();
        assert!(out.contains("clip"), "{out}");
        let out = run_text("nf4", "").unwrap();
        assert!(out.contains("0 elements"), "{out}");
    }
}
