//! The GGUF block formats on the command line: `lowbit quantize TYPE` (TYPE a ggml type id such
//! as `q4_0`, `Q4_K`, `mxfp4_gguf`) and `lowbit dequantize TYPE [--hex HEX]`.
//!
//! `quantize` prints what the other schemes print plus `blocks_hex`, the blocks in lower-case
//! hex exactly as ggml stores them (`packed` is the same bytes in decimal); `scales` holds the
//! effective scale of each block (k-quants: of each sub-block) as a number, or for the types
//! with a min (`q4_1`, `q5_1`, `q2_k`, `q4_k`, `q5_k`) an object `{"scale": s, "min": m}` with
//! value = s · level + m. An input that is not a whole number of blocks is zero-padded (ggml
//! refuses it), with a note; `--block` is ignored with a note.

use std::io::Write;

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::args::{Checked, Io};
use crate::render::{write_json, Num};
use lowbit_core::gguf::{self, GgufType, GroupScale};
use lowbit_core::metrics::Metrics;

/// The ids of every GGUF type, for messages.
pub fn type_ids() -> Vec<&'static str> {
    GgufType::ALL.iter().map(|t| t.id()).collect()
}

/// Parses a GGUF type id (any case; `mxfp4` is OCP's layout, ggml's is `mxfp4_gguf`).
pub fn parse_type(id: &str) -> Result<GgufType, String> {
    GgufType::parse(id).ok_or_else(|| {
        let hint = if id.trim().eq_ignore_ascii_case("mxfp4") { " (ggml's MXFP4 layout is mxfp4_gguf; mxfp4 is OCP's)" } else { "" };
        format!("unknown GGUF type '{}'{hint}; valid: {}", id.trim(), type_ids().join(", "))
    })
}

/// One group's scale in the JSON output: a number, or `{"scale", "min"}`.
struct ScaleJson(GroupScale);

impl Serialize for ScaleJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.min {
            None => Num(self.0.scale as f64).serialize(serializer),
            Some(min) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("scale", &Num(self.0.scale as f64))?;
                map.serialize_entry("min", &Num(min as f64))?;
                map.end()
            }
        }
    }
}

/// The metrics object (as for the other schemes).
#[derive(Serialize)]
struct MetricsJson {
    mse: Num,
    rmse: Num,
    max_abs_error: Num,
    mean_relative_error: Num,
    sqnr_db: Num,
}

/// `lowbit quantize TYPE --json`: the fields of the other schemes, plus `blocks_hex`.
#[derive(Serialize)]
struct QuantizedJson<'a> {
    scheme: &'static str,
    block: usize,
    granularity: &'static str,
    n: usize,
    codes: &'a [i32],
    packed: &'a [u8],
    blocks_hex: String,
    scales: Vec<ScaleJson>,
    scale_codes: &'a [u8],
    tensor_scale: Option<Num>,
    zero_points: [i64; 0],
    dequantized: Vec<Num>,
    bits_per_element: Num,
    tensor_bits: u64,
    storage_bytes: usize,
    clipped: usize,
    outlier_columns: [usize; 0],
    double_quant: Option<()>,
    metrics: MetricsJson,
    notes: &'a [String],
}

/// A GGUF quantization of some input: the blocks and what they hold.
pub struct Run {
    /// The type.
    pub t: GgufType,
    /// The blocks, as ggml stores them.
    pub blocks: Vec<u8>,
    /// The stored code of each input element.
    pub codes: Vec<i32>,
    /// The effective scale of each group.
    pub scales: Vec<GroupScale>,
    /// The reconstruction of each input element.
    pub dequantized: Vec<f32>,
    /// Remarks (padding, ignored options).
    pub notes: Vec<String>,
}

/// Quantizes `values` (rows of `row_len` when given: each row is padded to whole blocks, as
/// ggml quantizes rows) and reads the blocks back.
pub fn run_quantize(t: GgufType, values: &[f32], row_len: Option<usize>, block_given: Option<usize>) -> Run {
    let be = t.block_elements();
    let mut notes = Vec::new();
    if let Some(b) = block_given {
        notes.push(format!("--block {b} ignored: {} has blocks of {be} elements", t.id()));
    }
    let row_len = row_len.filter(|&r| r > 0).unwrap_or(values.len().max(1));
    let mut padded = Vec::with_capacity(values.len().div_ceil(be) * be);
    let mut positions = Vec::with_capacity(values.len());
    let mut added = 0;
    for row in values.chunks(row_len) {
        positions.extend(padded.len()..padded.len() + row.len());
        let (p, k) = gguf::pad_to_blocks(t, row);
        padded.extend_from_slice(&p);
        added += k;
    }
    if added > 0 {
        notes.push(format!(
            "{} input(s) padded with {added} zero(s) to whole blocks of {be} (ggml refuses a partial block); blocks_hex, packed and scales include the padding",
            values.len()
        ));
    }
    let blocks = gguf::quantize(t, &padded);
    // The blocks are whole by construction: these cannot fail.
    let all_codes = gguf::codes(t, &blocks).unwrap_or_default();
    let all_values = gguf::dequantize(t, &blocks).unwrap_or_default();
    let scales = gguf::scales(t, &blocks).unwrap_or_default();
    let codes = positions.iter().filter_map(|&i| all_codes.get(i).copied()).collect();
    let dequantized = positions.iter().filter_map(|&i| all_values.get(i).copied()).collect();
    Run { t, blocks, codes, scales, dequantized, notes }
}

/// Lower-case hex of bytes.
pub fn to_hex(bytes: &[u8]) -> String {
    gguf::to_hex(bytes)
}

/// Writes `lowbit quantize TYPE` (JSON or text).
pub fn write_quantized(out: &mut dyn Write, r: &Run, input: &[f32], json: bool) -> Result<(), String> {
    let m = Metrics::compare(input, &r.dequantized);
    let t = r.t;
    if json {
        let scale_codes: Vec<u8> = if t == GgufType::Mxfp4 { r.blocks.iter().step_by(t.block_bytes()).copied().collect() } else { Vec::new() };
        let value = QuantizedJson {
            scheme: t.id(),
            block: t.block_elements(),
            granularity: "block",
            n: input.len(),
            codes: &r.codes,
            packed: &r.blocks,
            blocks_hex: to_hex(&r.blocks),
            scales: r.scales.iter().map(|s| ScaleJson(*s)).collect(),
            scale_codes: &scale_codes,
            tensor_scale: None,
            zero_points: [],
            dequantized: Num::all(&r.dequantized),
            bits_per_element: Num(t.bits_per_element()),
            tensor_bits: 0,
            storage_bytes: r.blocks.len(),
            clipped: 0,
            outlier_columns: [],
            double_quant: None,
            metrics: MetricsJson {
                mse: Num(m.mse),
                rmse: Num(m.rmse),
                max_abs_error: Num(m.max_abs_error),
                mean_relative_error: Num(m.mean_relative_error),
                sqnr_db: Num(m.sqnr_db),
            },
            notes: &r.notes,
        };
        return write_json(out, &value);
    }
    let io = |e: std::io::Error| format!("cannot write the output: {e}");
    writeln!(
        out,
        "{} ({}): {} elements, blocks of {}, {} bits/element, {} bytes",
        t.id(),
        t.info().summary,
        input.len(),
        t.block_elements(),
        t.bits_per_element(),
        r.blocks.len()
    )
    .map_err(io)?;
    writeln!(out, "{:>6} {:>16} {:>6} {:>16} {:>16}", "index", "input", "code", "dequantized", "error").map_err(io)?;
    for (i, ((x, c), d)) in input.iter().zip(&r.codes).zip(&r.dequantized).enumerate() {
        writeln!(out, "{:>6} {:>16} {:>6} {:>16} {:>16}", i, x, c, d, *d as f64 - *x as f64).map_err(io)?;
    }
    for (b, block) in r.blocks.chunks(t.block_bytes()).enumerate() {
        writeln!(out, "block {b}: {}", to_hex(block)).map_err(io)?;
    }
    let scales: Vec<String> = r
        .scales
        .iter()
        .map(|s| match s.min {
            Some(m) => format!("{}/{}", s.scale, m),
            None => s.scale.to_string(),
        })
        .collect();
    let label = if t.info().has_min { "scales/mins" } else { "scales" };
    writeln!(out, "{label}: {}", scales.join(" ")).map_err(io)?;
    writeln!(
        out,
        "mse {}  rmse {}  max_abs_error {}  mean_relative_error {}  sqnr_db {}",
        m.mse, m.rmse, m.max_abs_error, m.mean_relative_error, m.sqnr_db
    )
    .map_err(io)?;
    for note in &r.notes {
        writeln!(out, "note: {note}").map_err(io)?;
    }
    Ok(())
}

fn type_parser() -> Checked<GgufType> {
    Checked::with_choices(parse_type, type_ids)
}

/// `lowbit dequantize TYPE [--hex HEX] [--json]`: GGUF blocks back to values.
#[derive(clap::Args, Debug)]
pub struct DequantizeArgs {
    /// A GGUF type id (q8_0, q4_0, q4_1, q5_0, q5_1, q2_k … q6_k, iq4_nl, tq1_0, tq2_0, mxfp4_gguf; any case)
    #[arg(value_name = "TYPE", value_parser = type_parser(), hide_possible_values = true)]
    gguf_type: GgufType,
    /// The blocks in hex (white space ignored); read from stdin when not given
    #[arg(long, value_name = "HEX")]
    hex: Option<String>,
    /// JSON output: {"dequantized": [...]}
    #[arg(long)]
    json: bool,
}

/// Hex text (pairs of hex digits, white space ignored, an optional `0x`) to bytes.
pub fn parse_hex(text: &str) -> Result<Vec<u8>, String> {
    gguf::parse_hex(text)
}

/// Runs `lowbit dequantize`.
pub fn dequantize(args: DequantizeArgs, io: &mut Io) -> Result<(), String> {
    let text = match args.hex {
        Some(h) => h,
        None => io.read_stdin()?,
    };
    let bytes = parse_hex(&text)?;
    let t = args.gguf_type;
    let values = gguf::dequantize(t, &bytes)?;
    if args.json {
        #[derive(Serialize)]
        struct Out {
            dequantized: Vec<Num>,
        }
        return write_json(io.out, &Out { dequantized: Num::all(&values) });
    }
    let io_err = |e: std::io::Error| format!("cannot write the output: {e}");
    for v in values {
        writeln!(io.out, "{v}").map_err(io_err)?;
    }
    Ok(())
}
