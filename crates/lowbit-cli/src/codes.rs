//! `decode`, `encode` and `table`: codes and values of one format.

use lowbit_core::decimal::{exact_decimal, parse_decimal, Decimal};
use lowbit_core::format::{Decoded, CATALOGUE};
use lowbit_core::{Encoder, Format, OverflowPolicy, RoundingMode};

use serde::Serialize;

use crate::args::{Checked, Io, Style, StyleArgs};
use crate::render::{json_serializer, write_rows, Cell, Num};

const CODE_COLUMNS: [&str; 11] = [
    "code", "hex", "bits", "class", "value", "exact", "sign", "exponent_field", "mantissa_field",
    "unbiased_exponent", "significand",
];

/// The parser of a FORMAT argument: a catalogue id, an alias or a custom `eXmY…` id.
pub fn format_parser() -> Checked<Format> {
    Checked::with_choices(|id| Format::parse(id).map_err(|e| e.to_string()), || CATALOGUE.iter().map(|e| e.id()).collect())
}

/// The parser of a `--round` value.
fn rounding_parser() -> Checked<RoundingMode> {
    Checked::with_choices(RoundingMode::parse, || RoundingMode::ALL.iter().map(|m| m.name()).collect())
}

/// The parser of an `--overflow` value.
fn overflow_parser() -> Checked<OverflowPolicy> {
    Checked::with_choices(OverflowPolicy::parse, || OverflowPolicy::ALL.iter().map(|p| p.name()).collect())
}

fn parse_seed(s: &str) -> Result<u64, String> {
    s.parse::<u64>().map_err(|_| format!("--seed must be a non-negative integer, got '{s}'"))
}

fn parse_sr_bits(s: &str) -> Result<u32, String> {
    let max = lowbit_core::encode::MAX_SR_BITS;
    s.parse::<u32>()
        .ok()
        .filter(|n| (1..=max).contains(n))
        .ok_or_else(|| format!("--sr-bits must be an integer from 1 to {max}, got '{s}'"))
}

/// `lowbit decode FORMAT CODE... [--json|--csv|--markdown|--latex]`: fields, class, value and
/// exact decimal of codes.
#[derive(clap::Args, Debug)]
pub struct DecodeArgs {
    /// A format id (see `lowbit formats`), an alias, a P3109 p3109_k8p3se or a custom eXmY[bBIAS][_rule]
    #[arg(value_parser = format_parser(), hide_possible_values = true)]
    format: Format,
    /// Codes as 0x7e, 0b0_1111_110 or 126
    #[arg(required = true, allow_hyphen_values = true)]
    code: Vec<String>,
    #[command(flatten)]
    style: StyleArgs,
}

/// `lowbit encode FORMAT [VALUE...] [--round MODE] [--seed N] [--sr-bits N] [--overflow POLICY]
/// [--json|--csv|--markdown|--latex]`: decimal values to codes, with the rounding error and
/// status flags.
#[derive(clap::Args, Debug)]
pub struct EncodeArgs {
    /// A format id (see `lowbit formats`), an alias, a P3109 p3109_k8p3se or a custom eXmY[bBIAS][_rule]
    #[arg(value_parser = format_parser(), hide_possible_values = true)]
    format: Format,
    /// Decimal text of any length, inf, -inf, nan; one per line on stdin when none is given
    #[arg(allow_hyphen_values = true)]
    value: Vec<String>,
    /// Rounding mode (default: nearest-even; nearest-away for float8_e8m0fnu)
    #[arg(long, value_name = "MODE", value_parser = rounding_parser())]
    round: Option<RoundingMode>,
    /// Seed of stochastic rounding
    #[arg(long, value_name = "N", value_parser = Checked::new(parse_seed), default_value_t = 0)]
    seed: u64,
    /// Stochastic rounding with N random bits per value (gfloat's RoundMode.Stochastic with
    /// srnumbits = N): away from zero when round-half-even(fraction × 2^N) + R >= 2^N; needs
    /// --round stochastic (default: 64 bits, probability = the exact fraction)
    #[arg(long = "sr-bits", value_name = "N", value_parser = Checked::new(parse_sr_bits))]
    sr_bits: Option<u32>,
    /// Overflow policy
    #[arg(long, value_name = "POLICY", value_parser = overflow_parser(), default_value = "default")]
    overflow: OverflowPolicy,
    #[command(flatten)]
    style: StyleArgs,
}

/// `lowbit table FORMAT [--json|--csv|--markdown|--latex]`: every code of a format of up to
/// 16 bits.
#[derive(clap::Args, Debug)]
pub struct TableArgs {
    /// A format id of up to 16 bits (see `lowbit formats`), an alias or a custom eXmY…
    #[arg(value_parser = format_parser(), hide_possible_values = true)]
    format: Format,
    #[command(flatten)]
    style: StyleArgs,
}

fn code_cells(format: &Format, d: &Decoded) -> Vec<Cell> {
    let fields = d.fields;
    let int_or_null = |v: Option<i64>| v.map_or(Cell::with_json("-", serde_json::Value::Null), Cell::int);
    vec![
        Cell::int(d.code),
        Cell::string(format.hex_string(d.code)),
        Cell::string(format.bit_string(d.code)),
        Cell::string(d.class.name()),
        Cell::number(d.value),
        Cell::string(exact_decimal(d.value)),
        int_or_null(fields.map(|f| f.sign as i64)),
        int_or_null(fields.map(|f| f.exponent_field as i64)),
        int_or_null(fields.map(|f| f.mantissa_field as i64)),
        int_or_null(fields.filter(|f| f.significand.is_finite()).map(|f| f.unbiased_exponent as i64)),
        Cell::maybe_number(fields.map(|f| f.significand).filter(|s| s.is_finite())),
    ]
}

/// The bits with separators between sign, exponent and mantissa fields ("0_1111_110").
fn grouped_bits(format: &Format, code: u64) -> String {
    let bits = format.bit_string(code);
    let Some(f) = format.as_float() else { return bits };
    let (s, rest) = bits.split_at(f.signed() as usize);
    let (e, m) = rest.split_at(f.exponent_bits() as usize);
    [s, e, m].iter().filter(|p| !p.is_empty()).copied().collect::<Vec<_>>().join("_")
}

/// Runs `lowbit decode`.
pub fn decode(args: DecodeArgs, io: &mut Io) -> Result<(), String> {
    let (style, format, out) = (args.style.style(), args.format, &mut *io.out);
    let codes: Vec<u64> = args.code.iter().map(|c| format.parse_code(c)).collect::<Result<_, _>>()?;
    let decoded: Vec<Decoded> = codes.iter().map(|&c| format.decode(c)).collect();
    if style != Style::Text {
        let rows: Vec<Vec<Cell>> = decoded.iter().map(|d| code_cells(&format, d)).collect();
        return write_rows(out, style, &CODE_COLUMNS, &rows);
    }
    let io = |e: std::io::Error| e.to_string();
    for d in &decoded {
        writeln!(out, "{} {} = 0b{}", format.id(), format.hex_string(d.code), grouped_bits(&format, d.code)).map_err(io)?;
        if let Some(f) = d.fields.filter(|f| f.significand.is_finite()) {
            let fl = format.as_float().copied();
            let bias = fl.map_or(0, |f| f.bias());
            writeln!(
                out,
                "  sign {}  exponent {} (2^{}, bias {bias})  significand {}",
                f.sign as u8, f.exponent_field, f.unbiased_exponent, lowbit_core::decimal::js_string(f.significand)
            )
            .map_err(io)?;
        }
        writeln!(out, "  class {}  value {}", d.class.name(), lowbit_core::decimal::js_string(d.value)).map_err(io)?;
        writeln!(out, "  exact {}", exact_decimal(d.value)).map_err(io)?;
    }
    Ok(())
}

/// Runs `lowbit encode` (stdin, one value per line, when no value is given).
pub fn encode(args: EncodeArgs, io: &mut Io) -> Result<(), String> {
    let (style, format) = (args.style.style(), args.format);
    let (mode, overflow, seed) = (args.round, args.overflow, args.seed);
    let from_stdin = args.value.is_empty();
    let stdin_text;
    let inputs: Vec<(usize, &str)> = if from_stdin {
        stdin_text = io.read_stdin()?;
        stdin_text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty()).collect()
    } else {
        args.value.iter().enumerate().map(|(i, s)| (i + 1, s.as_str())).collect()
    };
    let out = &mut *io.out;
    // Parse everything first: a malformed line prints nothing for the batch.
    let parsed: Vec<(Decimal, &str)> = inputs
        .iter()
        .map(|&(n, text)| {
            parse_decimal(text).map(|d| (d, text)).map_err(|e| {
                if from_stdin { format!("line {n}: {e}") } else { format!("value {n}: {e}") }
            })
        })
        .collect::<Result<_, _>>()?;
    if args.sr_bits.is_some() && mode != Some(RoundingMode::Stochastic) {
        return Err("--sr-bits needs --round stochastic".into());
    }
    let mut encoder = Encoder::new(&format, mode, overflow, seed).with_sr_bits(args.sr_bits)?;
    let columns = ["input", "code", "hex", "bits", "class", "value", "error", "status"];
    if matches!(style, Style::Text | Style::Json) {
        return stream_encoded(out, style, &format, &mut encoder, &parsed);
    }
    let rows: Vec<Vec<Cell>> = parsed
        .iter()
        .map(|(decimal, text)| {
            let e = encoder.encode_decimal(decimal, text);
            let status = e.status.names();
            vec![
                Cell::string(*text),
                Cell::int(e.code),
                Cell::string(format.hex_string(e.code)),
                Cell::string(format.bit_string(e.code)),
                Cell::string(format.decode(e.code).class.name()),
                Cell::number(e.value),
                Cell::number(e.error()),
                Cell::string(status.join(",")),
            ]
        })
        .collect();
    write_rows(out, style, &columns, &rows)
}

/// Column widths of `encode`'s text output.
const TEXT_WIDTHS: [usize; 8] = [24, 6, 6, 10, 9, 24, 24, 0];

/// One result of `lowbit encode --json`.
#[derive(Serialize)]
struct EncodedRow<'a> {
    input: &'a str,
    code: u64,
    hex: String,
    bits: String,
    class: &'static str,
    value: Num,
    error: Num,
    status: Vec<&'static str>,
}

/// Writes encode results row by row (text or JSON): 500 000 inputs in a fraction of a second.
fn stream_encoded(
    out: &mut dyn std::io::Write,
    style: Style,
    format: &Format,
    encoder: &mut Encoder,
    parsed: &[(Decimal, &str)],
) -> Result<(), String> {
    use lowbit_core::decimal::js_string;
    use serde::ser::{SerializeSeq, Serializer};
    if style == Style::Json {
        let fail = |e: serde_json::Error| format!("cannot write the output: {e}");
        let mut serializer = json_serializer(&mut *out);
        let mut seq = serializer.serialize_seq(Some(parsed.len())).map_err(fail)?;
        for (decimal, text) in parsed {
            let e = encoder.encode_decimal(decimal, text);
            let row = EncodedRow {
                input: text,
                code: e.code,
                hex: format.hex_string(e.code),
                bits: format.bit_string(e.code),
                class: format.decode(e.code).class.name(),
                value: Num(e.value),
                error: Num(e.error()),
                status: e.status.names(),
            };
            seq.serialize_element(&row).map_err(fail)?;
        }
        seq.end().map_err(fail)?;
        return writeln!(out).map_err(|e| e.to_string());
    }
    let io = |e: std::io::Error| e.to_string();
    let header = ["input", "code", "hex", "bits", "class", "value", "error", "status"];
    let line: String = header.iter().zip(TEXT_WIDTHS).map(|(h, w)| format!("{h:<w$} ")).collect();
    writeln!(out, "{}", line.trim_end()).map_err(io)?;
    for (decimal, text) in parsed {
        let e = encoder.encode_decimal(decimal, text);
        let fields = [
            text.to_string(),
            e.code.to_string(),
            format.hex_string(e.code),
            format.bit_string(e.code),
            format.decode(e.code).class.name().to_string(),
            js_string(e.value),
            js_string(e.error()),
            e.status.names().join(","),
        ];
        let mut line = String::with_capacity(128);
        for (field, width) in fields.iter().zip(TEXT_WIDTHS) {
            line.push_str(field);
            (field.len()..width + 1).for_each(|_| line.push(' '));
        }
        writeln!(out, "{}", line.trim_end()).map_err(io)?;
    }
    Ok(())
}

/// Runs `lowbit table`.
pub fn table(args: TableArgs, io: &mut Io) -> Result<(), String> {
    let (style, format) = (args.style.style(), args.format);
    if format.bits() > 16 {
        return Err(format!("{} has {} bits; table lists formats of up to 16 bits", format.id(), format.bits()));
    }
    let rows: Vec<Vec<Cell>> = (0..=format.max_code()).map(|c| code_cells(&format, &format.decode(c))).collect();
    write_rows(io.out, style, &CODE_COLUMNS, &rows)
}
