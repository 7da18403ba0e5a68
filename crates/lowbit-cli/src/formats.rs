//! `lowbit formats`: the catalogue with parameters and derived limits.

use lowbit_core::format::{Kind, CATALOGUE};
use lowbit_core::Format;

use crate::args::{Io, Style, StyleArgs};
use crate::render::{write_rows, Cell};

/// Columns of `lowbit formats` (also the keys of `--json`).
pub const COLUMNS: [&str; 17] = [
    "id", "kind", "bits", "layout", "bias", "specials", "max", "min", "min_normal", "min_subnormal",
    "epsilon", "nan_codes", "has_inf", "has_negative_zero", "dynamic_range_binades", "aliases", "summary",
];

/// `lowbit formats [--json|--csv|--markdown|--latex]`: the catalogue with parameters and
/// derived limits.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    style: StyleArgs,
}

/// Runs `lowbit formats`.
pub fn run(args: Args, io: &mut Io) -> Result<(), String> {
    let style = args.style.style();
    let rows: Vec<Vec<Cell>> = CATALOGUE
        .iter()
        .map(|entry| {
            let format = Format { id: entry.id.to_string(), kind: entry.kind };
            let l = format.limits();
            let (kind, layout, specials) = match &entry.kind {
                Kind::Float(f) => (
                    "float",
                    format!("{}E{}M{}", if f.signed { "S" } else { "U" }, f.exponent_bits, f.mantissa_bits),
                    f.specials.suffix().to_string(),
                ),
                Kind::Int(i) => ("int", format!("{}{}", if i.signed { "INT" } else { "UINT" }, i.bits), "finite".into()),
                Kind::Codebook(c) => ("codebook", format!("{} values", c.values.len()), "finite".into()),
            };
            let aliases = entry.aliases.join(" ");
            let aliases_json = entry.aliases.iter().map(|a| serde_json::Value::from(*a)).collect();
            vec![
                Cell::string(entry.id),
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
                Cell::string(entry.summary),
            ]
        })
        .collect();
    let columns: &[&str] = if style == Style::Text { &COLUMNS[..15] } else { &COLUMNS };
    let rows: Vec<Vec<Cell>> = rows.into_iter().map(|r| r.into_iter().take(columns.len()).collect()).collect();
    write_rows(io.out, style, columns, &rows)
}
