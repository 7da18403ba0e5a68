//! Rendering rows as aligned text, CSV, Markdown, LaTeX or JSON.

use crate::args::Style;

/// One table cell: its text, and its JSON form (a number, string, bool or array literal).
#[derive(Clone, Debug)]
pub struct Cell {
    /// Text shown in text/CSV/Markdown/LaTeX output.
    pub text: String,
    /// JSON literal.
    pub json: String,
}

impl Cell {
    /// A string cell.
    pub fn string(text: impl Into<String>) -> Cell {
        let text = text.into();
        let json = json_string(&text);
        Cell { text, json }
    }

    /// A cell whose JSON form is given explicitly.
    pub fn with_json(text: impl Into<String>, json: impl Into<String>) -> Cell {
        Cell { text: text.into(), json: json.into() }
    }

    /// An integer cell.
    pub fn int(v: impl std::fmt::Display) -> Cell {
        Cell { text: v.to_string(), json: v.to_string() }
    }

    /// A float cell: text in JavaScript layout, JSON number or "nan"/"inf"/"-inf".
    pub fn number(v: f64) -> Cell {
        Cell { text: lowbit_core::decimal::js_string(v), json: lowbit_core::decimal::json_number(v) }
    }

    /// An optional float (JSON null when absent).
    pub fn maybe_number(v: Option<f64>) -> Cell {
        v.map_or(Cell { text: "-".into(), json: "null".into() }, Cell::number)
    }

    /// A boolean cell.
    pub fn bool(v: bool) -> Cell {
        Cell { text: if v { "yes".into() } else { "no".into() }, json: v.to_string() }
    }
}

/// Escapes a JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes rows (all with the same columns) in the chosen style.
pub fn write_rows(out: &mut dyn std::io::Write, style: Style, columns: &[&str], rows: &[Vec<Cell>]) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    match style {
        Style::Json => {
            writeln!(out, "[").map_err(io)?;
            for (i, row) in rows.iter().enumerate() {
                let fields: Vec<String> = columns.iter().zip(row).map(|(c, cell)| format!("{}: {}", json_string(c), cell.json)).collect();
                let comma = if i + 1 < rows.len() { "," } else { "" };
                writeln!(out, "  {{{}}}{comma}", fields.join(", ")).map_err(io)?;
            }
            writeln!(out, "]").map_err(io)
        }
        Style::Csv => {
            let quote = |s: &str| if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() };
            writeln!(out, "{}", columns.join(",")).map_err(io)?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| quote(&c.text)).collect();
                writeln!(out, "{}", cells.join(",")).map_err(io)?;
            }
            Ok(())
        }
        Style::Markdown => {
            writeln!(out, "| {} |", columns.join(" | ")).map_err(io)?;
            writeln!(out, "|{}|", columns.iter().map(|_| "---").collect::<Vec<_>>().join("|")).map_err(io)?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| c.text.replace('|', "\\|")).collect();
                writeln!(out, "| {} |", cells.join(" | ")).map_err(io)?;
            }
            Ok(())
        }
        Style::Latex => {
            let escape = |s: &str| s.replace('\\', "\\textbackslash{}").replace('_', "\\_").replace('&', "\\&").replace('%', "\\%").replace('#', "\\#");
            writeln!(out, "\\begin{{tabular}}{{{}}}", "l".repeat(columns.len())).map_err(io)?;
            writeln!(out, "\\hline").map_err(io)?;
            writeln!(out, "{} \\\\", columns.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" & ")).map_err(io)?;
            writeln!(out, "\\hline").map_err(io)?;
            for row in rows {
                writeln!(out, "{} \\\\", row.iter().map(|c| escape(&c.text)).collect::<Vec<_>>().join(" & ")).map_err(io)?;
            }
            writeln!(out, "\\hline\n\\end{{tabular}}").map_err(io)
        }
        Style::Text => {
            let mut widths: Vec<usize> = columns.iter().map(|c| c.chars().count()).collect();
            for row in rows {
                for (w, cell) in widths.iter_mut().zip(row) {
                    *w = (*w).max(cell.text.chars().count());
                }
            }
            let line = |cells: Vec<&str>| {
                let padded: Vec<String> = cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
                padded.join("  ").trim_end().to_string()
            };
            writeln!(out, "{}", line(columns.to_vec())).map_err(io)?;
            for row in rows {
                writeln!(out, "{}", line(row.iter().map(|c| c.text.as_str()).collect())).map_err(io)?;
            }
            Ok(())
        }
    }
}
