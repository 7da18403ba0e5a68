//! Tables as files: CSV (RFC 4180), Markdown (a pipe table) and LaTeX (a `tabular`), from one
//! plain [`Table`] that a model builds from the same data its view shows. Pure, tested.

/// A table as text cells: a header row and body rows (every row as long as the header).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// Column titles.
    pub headers: Vec<String>,
    /// Body rows.
    pub rows: Vec<Vec<String>>,
}

/// The three table formats, with their file extensions and MIME types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    /// Comma-separated values.
    Csv,
    /// A Markdown pipe table.
    Markdown,
    /// A LaTeX `tabular`.
    Latex,
}

impl TableFormat {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Markdown => "md",
            TableFormat::Latex => "tex",
        }
    }

    /// MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            TableFormat::Csv => "text/csv",
            TableFormat::Markdown => "text/markdown",
            TableFormat::Latex => "application/x-tex",
        }
    }

    /// The table in this format.
    pub fn write(self, table: &Table) -> String {
        match self {
            TableFormat::Csv => to_csv(table),
            TableFormat::Markdown => to_markdown(table),
            TableFormat::Latex => to_latex(table),
        }
    }
}

/// RFC 4180: fields with a comma, a quote or a line break in quotes (quotes doubled), lines
/// ended by CRLF.
pub fn to_csv(table: &Table) -> String {
    let field = |s: &String| {
        if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.clone() }
    };
    std::iter::once(&table.headers)
        .chain(&table.rows)
        .map(|row| row.iter().map(field).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

/// A pipe table: `|` escaped, line breaks as spaces.
pub fn to_markdown(table: &Table) -> String {
    let cell = |s: &String| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let line = |row: &Vec<String>| format!("| {} |\n", row.iter().map(cell).collect::<Vec<_>>().join(" | "));
    let rule = format!("|{}\n", "---|".repeat(table.headers.len()));
    std::iter::once(line(&table.headers)).chain(std::iter::once(rule)).chain(table.rows.iter().map(line)).collect()
}

/// Escapes LaTeX's special characters.
fn latex_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A `tabular` with a left-aligned column per header, rules above and below the header and
/// at the end.
pub fn to_latex(table: &Table) -> String {
    let line = |row: &Vec<String>| format!("{} \\\\\n", row.iter().map(|s| latex_escape(s)).collect::<Vec<_>>().join(" & "));
    let mut out = format!("\\begin{{tabular}}{{{}}}\n\\hline\n", "l".repeat(table.headers.len().max(1)));
    out.push_str(&line(&table.headers));
    out.push_str("\\hline\n");
    for row in &table.rows {
        out.push_str(&line(row));
    }
    out.push_str("\\hline\n\\end{tabular}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            headers: vec!["format".into(), "max".into()],
            rows: vec![vec!["float8_e4m3fn".into(), "448".into()], vec!["a,b \"c\"".into(), "x|y & 5%".into()]],
        }
    }

    #[test]
    fn csv() {
        assert_eq!(to_csv(&table()), "format,max\r\nfloat8_e4m3fn,448\r\n\"a,b \"\"c\"\"\",x|y & 5%\r\n");
    }

    #[test]
    fn markdown() {
        assert_eq!(to_markdown(&table()), "| format | max |\n|---|---|\n| float8_e4m3fn | 448 |\n| a,b \"c\" | x\\|y & 5% |\n");
    }

    #[test]
    fn latex() {
        let t = to_latex(&table());
        assert!(t.starts_with("\\begin{tabular}{ll}\n\\hline\nformat & max \\\\\n\\hline\n"), "{t}");
        assert!(t.contains("float8\\_e4m3fn & 448 \\\\\n"), "{t}");
        assert!(t.contains("x|y \\& 5\\%"), "{t}");
        assert!(t.ends_with("\\hline\n\\end{tabular}\n"));
        assert_eq!(TableFormat::Latex.extension(), "tex");
    }
}
