//! Rendering rows as aligned text, CSV, Markdown, LaTeX or JSON, and Lowbit's JSON on serde.
//!
//! JSON is written by serde_json through [`Layout`], a `Formatter` that only decides white
//! space and the text of finite numbers: the members of the outermost array or object one per
//! line, an array of objects one object per line, everything else on one line with `", "` and
//! `": "`; numbers in JavaScript's shortest layout (`448`, `2.6666667461395264`, `1e-7`) and
//! −0 as `-0.0`. [`Num`] carries NaN and ±∞ as the strings `"nan"`, `"inf"`, `"-inf"`.

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use crate::args::Style;

/// One table cell: its text, and its JSON value.
#[derive(Clone, Debug)]
pub struct Cell {
    /// Text shown in text/CSV/Markdown/LaTeX output.
    pub text: String,
    /// The JSON value.
    pub json: Value,
}

impl Cell {
    /// A string cell.
    pub fn string(text: impl Into<String>) -> Cell {
        let text = text.into();
        Cell { json: Value::String(text.clone()), text }
    }

    /// A cell whose JSON value is given explicitly.
    pub fn with_json(text: impl Into<String>, json: Value) -> Cell {
        Cell { text: text.into(), json }
    }

    /// An integer cell.
    pub fn int(v: impl std::fmt::Display + Into<Value> + Copy) -> Cell {
        Cell { text: v.to_string(), json: v.into() }
    }

    /// A float cell: text in JavaScript layout, JSON number or "nan"/"inf"/"-inf".
    pub fn number(v: f64) -> Cell {
        Cell { text: lowbit_core::decimal::js_string(v), json: Num(v).value() }
    }

    /// An optional float (JSON null when absent).
    pub fn maybe_number(v: Option<f64>) -> Cell {
        v.map_or(Cell { text: "-".into(), json: Value::Null }, Cell::number)
    }

    /// A boolean cell.
    pub fn bool(v: bool) -> Cell {
        Cell { text: if v { "yes".into() } else { "no".into() }, json: Value::Bool(v) }
    }
}

/// A number of Lowbit's JSON: finite values as JSON numbers (−0 as `-0.0`), NaN and ±∞ as
/// the strings `"nan"`, `"inf"`, `"-inf"`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Num(pub f64);

impl Num {
    /// As a `serde_json::Value`.
    pub fn value(self) -> Value {
        match serde_json::Number::from_f64(self.0) {
            Some(n) => Value::Number(n),
            None => Value::String(non_finite_name(self.0).into()),
        }
    }

    /// Each of `xs` as a `Num`.
    pub fn all<T: Copy + Into<f64>>(xs: &[T]) -> Vec<Num> {
        xs.iter().map(|&x| Num(x.into())).collect()
    }
}

fn non_finite_name(x: f64) -> &'static str {
    if x.is_nan() {
        "nan"
    } else if x > 0.0 {
        "inf"
    } else {
        "-inf"
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.is_finite() {
            serializer.serialize_f64(self.0)
        } else {
            serializer.serialize_str(non_finite_name(self.0))
        }
    }
}

/// One open array or object while writing JSON.
#[derive(Clone, Copy, Debug)]
struct Level {
    /// Members are written one per line (the outermost container).
    lines: bool,
    /// An array whose elements are objects, written one per line.
    objects: bool,
    /// No member written yet.
    empty: bool,
}

/// serde_json's `Formatter` for Lowbit's JSON layout (see the module documentation).
#[derive(Debug, Default)]
pub struct Layout {
    levels: Vec<Level>,
}

impl Layout {
    fn open(&mut self) {
        let lines = self.levels.is_empty();
        self.levels.push(Level { lines, objects: false, empty: true });
    }

    /// A line break and the indentation of `depth` levels.
    fn newline<W: ?Sized + Write>(writer: &mut W, depth: usize) -> io::Result<()> {
        writer.write_all(b"\n")?;
        (0..depth).try_for_each(|_| writer.write_all(b"  "))
    }

    /// Before a member of the innermost container: separator and line break as the layout says.
    fn member<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        let depth = self.levels.len();
        let Some(level) = self.levels.last_mut() else { return Ok(()) };
        level.empty = false;
        if !first {
            writer.write_all(b",")?;
        }
        if level.lines || level.objects {
            Self::newline(writer, depth)
        } else if first {
            Ok(())
        } else {
            writer.write_all(b" ")
        }
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        let level = self.levels.pop();
        if matches!(level, Some(l) if l.lines || (l.objects && !l.empty)) {
            Self::newline(writer, self.levels.len())?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open();
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        // An object element of a nested array starts its own line: decided in begin_object,
        // so the separator is written there for the first element.
        match self.levels.last() {
            Some(l) if !l.lines && first => Ok(()),
            _ => self.member(writer, first),
        }
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        let depth = self.levels.len();
        if let Some(parent) = self.levels.last_mut() {
            if !parent.lines && parent.empty {
                // The first element of a nested array: lay the array out one object per line.
                parent.objects = true;
                parent.empty = false;
                Self::newline(writer, depth)?;
            }
        }
        self.open();
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.member(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn write_f64<W: ?Sized + Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        writer.write_all(lowbit_core::decimal::json_number(value).as_bytes())
    }

    fn write_f32<W: ?Sized + Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(writer, value as f64)
    }
}
/// A serde_json serializer writing Lowbit's [`Layout`] to `out` (for output streamed element
/// by element; [`write_json`] otherwise).
pub fn json_serializer(out: &mut dyn Write) -> serde_json::Serializer<&mut dyn Write, Layout> {
    serde_json::Serializer::with_formatter(out, Layout::default())
}

/// Writes `value` as JSON in Lowbit's [`Layout`], and a final newline.
pub fn write_json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<(), String> {
    value.serialize(&mut json_serializer(&mut *out)).map_err(|e| format!("cannot write the output: {e}"))?;
    writeln!(out).map_err(|e| format!("cannot write the output: {e}"))
}

/// One table row as a JSON object: the columns as keys, in order.
struct Record<'a> {
    columns: &'a [&'a str],
    cells: &'a [Cell],
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.columns.len()))?;
        for (column, cell) in self.columns.iter().zip(self.cells) {
            map.serialize_entry(column, &cell.json)?;
        }
        map.end()
    }
}

/// Writes rows (all with the same columns) in the chosen style.
pub fn write_rows(out: &mut dyn std::io::Write, style: Style, columns: &[&str], rows: &[Vec<Cell>]) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    match style {
        Style::Json => {
            let records: Vec<Record> = rows.iter().map(|cells| Record { columns, cells }).collect();
            write_json(out, &records)
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
