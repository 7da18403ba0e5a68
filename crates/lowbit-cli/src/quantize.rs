//! `lowbit quantize SCHEME [--block N] [--granularity tensor|row|block] [--k K]
//! [--mx-scale floor|ceil] [--double-quant] [--threshold T] [--single-level] [--json] [--trace]`
//!
//! Reads numbers from stdin — separated by whitespace, commas or newlines, or one JSON array,
//! or a JSON array of arrays (rows of equal length: the row length for `--granularity row` and
//! `int8_rowwise`) — quantizes them with a scheme of `lowbit_core::quant` and prints codes,
//! packed bytes (4-bit schemes), scales, dequantized values and error metrics. `--trace` adds the
//! step-by-step table. Errors are one line (the caller exits with status 2). Reading the input
//! is [`crate::input`]'s part.

use std::io::Write;

use serde::Serialize;

use crate::args::{Checked, Io};
use crate::gguf;
use crate::input::parse_input;
use lowbit_core::gguf::GgufType;
use crate::render::{write_json, Num};
use lowbit_core::metrics::Metrics;
use lowbit_core::quant::{Granularity, MxScaleRule, Options, Quantized, ScaleRule, Scheme, SecondLevel, TraceRow, SCHEMES};

/// A scheme of `lowbit_core::quant` or a GGUF block type (`q4_0`, `Q4_K`, …; `mxfp4` stays
/// OCP's scheme, ggml's layout is `mxfp4_gguf`).
#[derive(Clone, Debug)]
pub enum SchemeChoice {
    /// A registry scheme.
    Quant(Scheme),
    /// A GGUF type, quantized by `lowbit_core::gguf`.
    Gguf(GgufType),
}

fn parse_scheme(id: &str) -> Result<SchemeChoice, String> {
    // The GGUF rows of the registry print ggml's blocks (`blocks_hex`, `scales` with mins).
    if let Some(t) = GgufType::parse(id) {
        return Ok(SchemeChoice::Gguf(t));
    }
    Scheme::parse(id).map(SchemeChoice::Quant)
}

fn scheme_parser() -> Checked<SchemeChoice> {
    Checked::with_choices(parse_scheme, || SCHEMES.iter().map(|s| s.id).collect())
}

fn granularity_parser() -> Checked<Granularity> {
    Checked::with_choices(Granularity::parse, || Granularity::ALL.iter().map(|g| g.name()).collect())
}

fn mx_scale_parser() -> Checked<MxScaleRule> {
    Checked::with_choices(MxScaleRule::parse, || [MxScaleRule::Floor, MxScaleRule::Ceil].iter().map(|r| r.name()).collect())
}

fn parse_block(value: &str) -> Result<usize, String> {
    value.parse::<usize>().ok().filter(|b| *b >= 1).ok_or_else(|| format!("--block must be a positive integer, got '{value}'"))
}

fn parse_k(value: &str) -> Result<f64, String> {
    value.parse::<f64>().ok().filter(|k| k.is_finite() && *k > 0.0).ok_or_else(|| format!("--k must be a positive number, got '{value}'"))
}

fn parse_threshold(value: &str) -> Result<f64, String> {
    value.parse::<f64>().ok().filter(|t| t.is_finite() && *t >= 0.0).ok_or_else(|| format!("--threshold must be a number >= 0, got '{value}'"))
}

/// `lowbit quantize SCHEME [options]`: quantizes the numbers read from stdin.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// A scheme id (nf4, fp4_bnb, mxfp4, nvfp4, int8_absmax, …; cast:FORMAT, absmax:FORMAT) or a GGUF type (q4_0, q4_k, …)
    #[arg(value_parser = scheme_parser(), hide_possible_values = true)]
    scheme: SchemeChoice,
    /// Elements per block (default: the scheme's)
    #[arg(long, value_name = "N", value_parser = Checked::new(parse_block))]
    block: Option<usize>,
    /// Scale granularity (int schemes)
    #[arg(long, value_name = "G", value_parser = granularity_parser())]
    granularity: Option<Granularity>,
    #[arg(long, value_name = "K", value_parser = Checked::new(parse_k),
          help = format!("Clip at mean ± k·std (int*_meanstd; default {})", Options::default().k))]
    k: Option<f64>,
    /// MX shared-scale rule (mx* schemes)
    #[arg(long = "mx-scale", value_name = "RULE", value_parser = mx_scale_parser(), default_value = "floor")]
    mx_scale: MxScaleRule,
    /// QLoRA double quantization of the absmax values (nf4, fp4_bnb)
    #[arg(long)]
    double_quant: bool,
    #[arg(long, value_name = "T", value_parser = Checked::new(parse_threshold),
          help = format!("Outlier threshold of int8_rowwise (default {})", Options::default().outlier_threshold))]
    threshold: Option<f64>,
    /// No per-tensor f32 scale (nvfp4)
    #[arg(long)]
    single_level: bool,
    /// JSON output (see the README for the shape)
    #[arg(long)]
    json: bool,
    /// Add the step-by-step table
    #[arg(long)]
    trace: bool,
}

/// The scheme's options from the command line, refusing options that do not apply to it.
fn options(args: &Args, scheme: &Scheme) -> Result<Options, String> {
    let mut options = Options { block: args.block, granularity: args.granularity, mx_scale: args.mx_scale, ..Options::default() };
    if let Some(k) = args.k {
        options.k = k;
    }
    if let Some(t) = args.threshold {
        options.outlier_threshold = t;
    }
    options.double_quant = args.double_quant;
    options.nvfp4_tensor_scale = !args.single_level;
    options.trace = args.trace;
    let rule = scheme.info.scale_rule;
    if options.mx_scale == MxScaleRule::Ceil && rule != ScaleRule::SharedExponent {
        return Err(format!("--mx-scale applies to the mx* schemes, not {}", scheme.id));
    }
    if args.k.is_some() && rule != ScaleRule::MeanStd {
        return Err(format!("--k applies to int8_meanstd and int4_meanstd, not {}", scheme.id));
    }
    if args.threshold.is_some() && !scheme.info.outliers {
        return Err(format!("--threshold applies to int8_rowwise, not {}", scheme.id));
    }
    if !options.nvfp4_tensor_scale && scheme.info.second_level != SecondLevel::TensorAmax {
        return Err(format!("--single-level applies to nvfp4, not {}", scheme.id));
    }
    scheme.check(&options)?;
    Ok(options)
}

/// The metrics object of the JSON output.
#[derive(Serialize)]
struct MetricsJson {
    mse: Num,
    rmse: Num,
    max_abs_error: Num,
    mean_relative_error: Num,
    sqnr_db: Num,
}

/// The double quantization object of the JSON output.
#[derive(Serialize)]
struct DoubleQuantJson<'a> {
    offset: Num,
    codes: &'a [u8],
    absmax: Vec<Num>,
    exact_scales: Vec<Num>,
    bits_saved_per_element: Num,
}

/// One row of the JSON trace.
#[derive(Serialize)]
struct TraceJson {
    index: usize,
    group: usize,
    input: Num,
    absmax: Num,
    scale: Num,
    zero_point: Num,
    scaled: Num,
    rounded: Num,
    clamped: Num,
    clipped: bool,
    code: i64,
    dequantized: Num,
    error: Num,
}

impl From<&TraceRow> for TraceJson {
    fn from(t: &TraceRow) -> TraceJson {
        TraceJson {
            index: t.index,
            group: t.group,
            input: Num(t.input),
            absmax: Num(t.absmax),
            scale: Num(t.scale),
            zero_point: Num(t.zero_point),
            scaled: Num(t.scaled),
            rounded: Num(t.rounded),
            clamped: Num(t.clamped),
            clipped: t.clipped,
            code: t.code,
            dequantized: Num(t.dequantized),
            error: Num(t.error),
        }
    }
}

/// `lowbit quantize --json`: the documented fields, in the documented order.
#[derive(Serialize)]
struct QuantizedJson<'a> {
    scheme: &'a str,
    block: usize,
    granularity: &'static str,
    n: usize,
    codes: &'a [i64],
    packed: &'a [u8],
    scales: Vec<Num>,
    scale_codes: &'a [u8],
    tensor_scale: Option<Num>,
    zero_points: &'a [i64],
    dequantized: Vec<Num>,
    bits_per_element: Num,
    tensor_bits: u64,
    storage_bytes: u64,
    clipped: usize,
    outlier_columns: &'a [usize],
    double_quant: Option<DoubleQuantJson<'a>>,
    metrics: MetricsJson,
    notes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trace: Option<Vec<TraceJson>>,
}

fn write_quantized_json(out: &mut dyn Write, q: &Quantized, m: &Metrics, trace: bool) -> Result<(), String> {
    let json = QuantizedJson {
        scheme: &q.scheme,
        block: q.block,
        granularity: q.granularity.name(),
        n: q.codes.len(),
        codes: &q.codes,
        packed: q.packed(),
        scales: Num::all(&q.scales),
        scale_codes: &q.scale_codes,
        tensor_scale: q.tensor_scale.map(|p| Num(p.into())),
        zero_points: &q.zero_points,
        dequantized: Num::all(&q.dequantized),
        bits_per_element: Num(q.bits_per_element),
        tensor_bits: q.tensor_bits,
        storage_bytes: q.storage_bytes,
        clipped: q.clipped,
        outlier_columns: &q.outlier_columns,
        double_quant: q.double_quant.as_ref().map(|d| DoubleQuantJson {
            offset: Num(d.offset.into()),
            codes: &d.codes,
            absmax: Num::all(&d.absmax),
            exact_scales: Num::all(&d.exact_scales),
            bits_saved_per_element: Num(d.bits_saved_per_element),
        }),
        metrics: MetricsJson {
            mse: Num(m.mse),
            rmse: Num(m.rmse),
            max_abs_error: Num(m.max_abs_error),
            mean_relative_error: Num(m.mean_relative_error),
            sqnr_db: Num(m.sqnr_db),
        },
        notes: q.notes.iter().map(ToString::to_string).collect(),
        trace: trace.then(|| q.trace.iter().map(TraceJson::from).collect()),
    };
    write_json(out, &json)
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
    if !q.packed().is_empty() {
        let hex: Vec<String> = q.packed().iter().map(|b| format!("{b:02x}")).collect();
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

/// Refuses the options that do not apply to a GGUF type (whose block, scale rule and formats
/// are fixed by ggml).
fn check_gguf_options(args: &Args, t: GgufType) -> Result<(), String> {
    let refused = [
        (args.granularity.is_some_and(|g| g != Granularity::Block), "--granularity"),
        (args.k.is_some(), "--k"),
        (args.mx_scale != MxScaleRule::Floor, "--mx-scale"),
        (args.double_quant, "--double-quant"),
        (args.threshold.is_some(), "--threshold"),
        (args.single_level, "--single-level"),
    ];
    match refused.iter().find(|(given, _)| *given) {
        Some((_, flag)) => Err(format!("{flag} does not apply to the GGUF type {} (ggml fixes its blocks and scales)", t.id())),
        None => Ok(()),
    }
}

/// Runs `lowbit quantize`: numbers from stdin. Err is the one-line message for exit status 2.
pub fn run(args: Args, io: &mut Io) -> Result<(), String> {
    let scheme = match &args.scheme {
        SchemeChoice::Quant(s) => s.clone(),
        SchemeChoice::Gguf(t) => {
            let t = *t;
            check_gguf_options(&args, t)?;
            let data = parse_input(&io.read_stdin()?)?;
            let mut r = gguf::run_quantize(t, &data.values, data.row_len, args.block);
            if args.trace {
                r.notes.push(format!("no step-by-step trace for {}: ggml's scale search is not element-wise", t.id()));
            }
            return gguf::write_quantized(io.out, &r, &data.values, args.json);
        }
    };
    let mut options = options(&args, &scheme)?;
    let data = parse_input(&io.read_stdin()?)?;
    if let Some(row_len) = data.row_len {
        options.row_len = Some(row_len);
    }
    scheme.check(&options)?;
    let q = scheme.quantize(&data.values, &options);
    let metrics = Metrics::compare(&data.values, &q.dequantized);
    if args.json {
        write_quantized_json(io.out, &q, &metrics, options.trace)
    } else {
        write_text(io.out, &q, &data.values, &metrics, options.trace).map_err(|e| format!("cannot write the output: {e}"))
    }
}

#[cfg(test)]
mod tests {
    /// `lowbit quantize A` (split at white space) on `input` through the whole command line.
    fn run_text(a: &str, input: &str) -> Result<String, String> {
        let argv = ["lowbit", "quantize"].into_iter().chain(a.split_whitespace()).map(String::from).collect();
        let mut out = Vec::new();
        crate::run(argv, &mut out, &mut || Ok(input.to_string()))?;
        Ok(String::from_utf8(out).unwrap())
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
