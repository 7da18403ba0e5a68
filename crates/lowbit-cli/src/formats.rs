//! `lowbit formats`: the catalogue with parameters and derived limits.

use lowbit_core::float::{P3109_MAX_BITS, P3109_MIN_BITS};
use lowbit_core::format::{Kind, CATALOGUE};
use lowbit_core::{FloatFormat, Format};

use crate::args::{Io, Style, StyleArgs};
use crate::codes::format_parser;
use crate::render::{write_rows, Cell};

/// Columns of `lowbit formats` (also the keys of `--json`).
pub const COLUMNS: [&str; 17] = [
    "id", "kind", "bits", "layout", "bias", "specials", "max", "min", "min_normal", "min_subnormal",
    "epsilon", "nan_codes", "has_inf", "has_negative_zero", "dynamic_range_binades", "aliases", "summary",
];

/// `lowbit formats [FORMAT...] [--p3109] [--json|--csv|--markdown|--latex]`: the catalogue
/// (or the formats named, or every IEEE P3109 format) with parameters and derived limits.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Formats to list instead of the catalogue: any id `decode` takes (catalogue, alias,
    /// p3109_k{K}p{P}{s|u}{e|f}, custom eXmY…)
    #[arg(value_parser = format_parser(), hide_possible_values = true, conflicts_with = "p3109")]
    format: Vec<Format>,
    /// List every IEEE P3109 format of 3 to 8 bits (p3109_k3p1se … p3109_k8p7uf, 108 formats)
    #[arg(long)]
    p3109: bool,
    #[command(flatten)]
    style: StyleArgs,
}

/// Every P3109 format Lowbit names, in gfloat's order of parameters (K, P, s/u, e/f).
fn p3109_family() -> Vec<Format> {
    let mut formats = Vec::new();
    for k in P3109_MIN_BITS..=P3109_MAX_BITS {
        for p in 1..k {
            for signed in [true, false] {
                for extended in [true, false] {
                    if let Ok(format) = FloatFormat::p3109(k, p, signed, extended).and_then(|f| Format::from_kind(Kind::Float(f))) {
                        formats.push(format);
                    }
                }
            }
        }
    }
    formats
}

/// The aliases and the summary of a format: the catalogue's, or a description of the layout.
fn description(format: &Format) -> (&'static [&'static str], String) {
    if let Some(entry) = format.entry() {
        return (entry.aliases(), entry.summary().to_string());
    }
    let summary = match format.kind() {
        Kind::Float(f) => match f.p3109_parameters() {
            Some((k, p, signed, extended)) => format!(
                "IEEE P3109 binary{k}p{p}{}{}: {}, {}",
                if signed { 's' } else { 'u' },
                if extended { 'e' } else { 'f' },
                if signed { "signed, NaN = the -0 code, no -0" } else { "unsigned, NaN = the top code" },
                if extended { "with Inf" } else { "no Inf" }
            ),
            None => "custom layout".to_string(),
        },
        _ => String::new(),
    };
    (&[], summary)
}

/// Runs `lowbit formats`.
pub fn run(args: Args, io: &mut Io) -> Result<(), String> {
    let style = args.style.style();
    let formats: Vec<Format> = if args.p3109 {
        p3109_family()
    } else if !args.format.is_empty() {
        args.format
    } else {
        CATALOGUE.iter().map(|entry| entry.format()).collect()
    };
    let rows: Vec<Vec<Cell>> = formats
        .iter()
        .map(|format| {
            let (aliases, summary) = description(format);
            let l = format.limits();
            let (kind, layout, specials) = match format.kind() {
                Kind::Float(f) => (
                    "float",
                    format!("{}E{}M{}", if f.signed() { "S" } else { "U" }, f.exponent_bits(), f.mantissa_bits()),
                    f.specials().suffix().to_string(),
                ),
                Kind::Int(i) => ("int", format!("{}{}", if i.signed() { "INT" } else { "UINT" }, i.bits()), "finite".into()),
                Kind::Codebook(c) => ("codebook", format!("{} values", c.values().len()), "finite".into()),
            };
            let aliases_json = aliases.iter().map(|a| serde_json::Value::from(*a)).collect();
            let aliases = aliases.join(" ");
            vec![
                Cell::string(format.id()),
                Cell::string(kind),
                Cell::int(format.bits()),
                Cell::string(layout),
                l.bias.map_or(Cell::with_json("-", serde_json::Value::Null), Cell::int),
                Cell::string(specials),
                Cell::number(l.max),
                Cell::number(l.min),
                Cell::maybe_number(l.min_normal),
                Cell::maybe_number(l.min_positive),
                Cell::maybe_number(l.epsilon),
                Cell::int(l.nan_codes),
                Cell::bool(l.has_inf),
                Cell::bool(l.has_negative_zero),
                Cell::maybe_number(l.dynamic_range_binades.map(|d| (d * 100.0).round() / 100.0)),
                Cell::with_json(aliases, aliases_json),
                Cell::string(&summary),
            ]
        })
        .collect();
    let columns: &[&str] = if style == Style::Text { &COLUMNS[..15] } else { &COLUMNS };
    let rows: Vec<Vec<Cell>> = rows.into_iter().map(|r| r.into_iter().take(columns.len()).collect()).collect();
    write_rows(io.out, style, columns, &rows)
}
