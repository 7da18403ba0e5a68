//! Everything the value tables show, derived by plain functions: every code of a format of at
//! most 8 bits as a list (up to 4 bits) or a grid (16 columns, one row per high nibble), the
//! three tables of the seed article (NF4, bitsandbytes FP4 in bnb's code order, OCP E2M1), and
//! the figure of how NF4 is built from normal quantiles. Components only lay these strings
//! out; all the arithmetic is here and is tested natively (`cargo test -p lowbit-app --lib`).
//!
//! The DOM contract (issue #4) is carried by the cell data: each cell has `data-code` (the code
//! in decimal, [`Cell::code_attr`]) and `data-value` (JavaScript's `String(v)` of its value,
//! "-0" for −0, [`Cell::value_attr`]), exactly as the explorer writes them.

use lowbit_core::decimal::{exact_decimal, js_string};
use lowbit_core::format::Kind;
use lowbit_core::quant::normal::{inverse_normal_cdf, nf4_levels, NF4_OFFSET};
use lowbit_core::{Class, Format, CATALOGUE};

use crate::export::Table;
use crate::text::{compact, with_decimals};

/// The format the "any format" table shows when the URL names none.
pub const DEFAULT_TABLE: &str = "float8_e4m3fn";

/// The widest format that gets a table.
pub const MAX_TABLE_BITS: u32 = 8;

/// The three tables of the seed article, side by side: NF4, bitsandbytes FP4, OCP E2M1.
pub const SEED_TABLES: [&str; 3] = ["nf4", "fp4_bnb", "float4_e2m1fn"];

/// One code of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The code.
    pub code: u64,
    /// `data-code`: the code in decimal ("126").
    pub code_attr: String,
    /// `data-value`: JavaScript's `String(v)` of the value ("448", "-0", "NaN", "Infinity").
    pub value_attr: String,
    /// The value, short enough for a grid cell ("448", "1.95e-3", "+∞").
    pub short: String,
    /// The value rounded to 4 decimals, as torch prints the seed's tables ("0.0052", "0.6667").
    pub rounded: String,
    /// The code's bits, most significant first ("0111").
    pub bits: String,
    /// The code in hex ("0x7e").
    pub hex: String,
    /// Its class: "zero", "subnormal", "normal", "infinite", "nan" (CSS key).
    pub class_key: &'static str,
    /// The stored value as an exact decimal ("0.0051953125"; "NaN", "Infinity" for specials).
    pub exact: String,
    /// A tooltip: code, bits, class and exact value.
    pub title: String,
}

/// How a table is laid out.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// One row per code (formats of at most 4 bits).
    List,
    /// `rows` × `cols` cells; row r, column c holds code `r·cols + c`.
    Grid {
        /// Number of rows (one per value of the high bits).
        rows: usize,
        /// Number of columns (16: one per low nibble).
        cols: usize,
        /// Row headers ("0x0_" … "0xf_").
        row_labels: Vec<String>,
        /// Column headers ("_0" … "_f").
        col_labels: Vec<String>,
    },
}

/// Every code of one format.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueTable {
    /// The format id (`data-testid="table-ID"`).
    pub id: String,
    /// Width in bits.
    pub bits: u32,
    /// One line on the format.
    pub summary: String,
    /// The cells, in code order.
    pub cells: Vec<Cell>,
    /// List or grid.
    pub shape: Shape,
}

impl ValueTable {
    /// The `data-testid` of the table ("table-nf4").
    pub fn testid(&self) -> String {
        format!("table-{}", self.id)
    }

    /// The table as a file ([`crate::export`]): one row per code with its hex and bits, its
    /// class, the value as JavaScript prints it and as an exact decimal; the column names in
    /// the language of `t`.
    pub fn export(&self, t: &crate::i18n::TablesText) -> Table {
        Table {
            headers: t.export_columns.map(String::from).to_vec(),
            rows: self
                .cells
                .iter()
                .map(|c| vec![c.code_attr.clone(), c.hex.clone(), c.bits.clone(), c.class_key.to_string(), c.value_attr.clone(), c.exact.clone()])
                .collect(),
        }
    }

    /// The cells of grid row `r` (empty for lists and rows past the end).
    pub fn row(&self, r: usize) -> &[Cell] {
        match &self.shape {
            Shape::Grid { cols, .. } => {
                let start = (r * cols).min(self.cells.len());
                let end = ((r + 1) * cols).min(self.cells.len());
                &self.cells[start..end]
            }
            Shape::List => &[],
        }
    }
}

/// Whether a format gets a table (at most [`MAX_TABLE_BITS`] bits).
pub fn has_table(format: &Format) -> bool {
    format.bits() <= MAX_TABLE_BITS
}

/// The catalogue formats that get a table, in catalogue order: (id, summary).
pub fn table_formats() -> Vec<(&'static str, &'static str)> {
    CATALOGUE
        .iter()
        .filter(|e| has_table(&e.format()))
        .map(|e| (e.id(), e.summary()))
        .collect()
}

/// The default table format.
pub fn default_table() -> Format {
    // The catalogue always holds DEFAULT_TABLE (tested); its first entry is a belt-and-braces fallback.
    Format::parse(DEFAULT_TABLE).unwrap_or_else(|_| lowbit_core::CATALOGUE[0].format())
}

/// Parses the `table` URL parameter: a format of at most 8 bits (catalogue or custom).
pub fn parse_table(text: &str) -> Result<Format, String> {
    let format = Format::parse(text).map_err(|e| e.to_string())?;
    if has_table(&format) {
        Ok(format)
    } else {
        Err(format!("{} has {} bits; tables cover formats of at most {MAX_TABLE_BITS} bits", format.id(), format.bits()))
    }
}

/// `x` rounded to 4 decimals without trailing zeros ("0.0052", "0.6667", "1", "-0").
pub fn rounded4(x: f64) -> String {
    if !x.is_finite() {
        return short_special(x);
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    if x.abs() >= 1e7 || x.abs() < 5e-5 {
        return compact(x);
    }
    with_decimals(x, 4)
}

fn short_special(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x > 0.0 {
        "+∞".into()
    } else {
        "−∞".into()
    }
}

/// A value short enough for a grid cell: [`compact`], with ∞ symbols.
pub fn short_value(x: f64) -> String {
    if x.is_finite() { compact(x) } else { short_special(x) }
}

/// The cell of one code.
pub fn cell(format: &Format, code: u64) -> Cell {
    let decoded = format.decode(code);
    let value = decoded.value;
    let bits = format.bit_string(code);
    let hex = format.hex_string(code);
    let class_key = if matches!(format.kind(), Kind::Codebook(_)) && decoded.class == Class::Nan {
        "unused"
    } else {
        decoded.class.name()
    };
    let exact = if value.is_finite() { exact_decimal(value) } else { js_string(value) };
    let what = if class_key == "unused" { "unused code".to_string() } else { decoded.class.name().to_string() };
    Cell {
        code,
        code_attr: code.to_string(),
        value_attr: js_string(value),
        short: short_value(value),
        rounded: rounded4(value),
        title: format!("code {code} = {hex} = 0b{bits} · {what} · {exact}\nclick to open it in the bit explorer"),
        exact,
        bits,
        hex,
        class_key,
    }
}

/// Every code of `format` (at most [`MAX_TABLE_BITS`] bits; wider formats give their first 256
/// codes, which never happens through [`parse_table`]).
pub fn value_table(format: &Format) -> ValueTable {
    let bits = format.bits().min(MAX_TABLE_BITS);
    let count = 1u64 << bits;
    let cells: Vec<Cell> = (0..count).map(|code| cell(format, code)).collect();
    let shape = if bits <= 4 {
        Shape::List
    } else {
        let cols = 16usize;
        let rows = (count as usize) / cols;
        Shape::Grid {
            rows,
            cols,
            row_labels: (0..rows).map(|r| format!("0x{r:x}_")).collect(),
            col_labels: (0..cols).map(|c| format!("_{c:x}")).collect(),
        }
    };
    let summary = match format.entry() {
        Some(e) => e.summary().to_string(),
        None => format!("custom float, {} bits", format.bits()),
    };
    ValueTable { id: format.id().to_string(), bits, summary, cells, shape }
}

/// One line on a format for the table card ("8 bits · E4M3 · OCP FP8 E4M3: …"), in `lang`.
pub fn value_table_summary(format: &Format, lang: crate::i18n::Lang) -> String {
    let t = lang.tables();
    let what = lang.format_summary(format.id()).unwrap_or(t.custom_float);
    let layout = match &format.kind() {
        Kind::Float(f) => format!("E{}M{}", f.exponent_bits(), f.mantissa_bits()),
        Kind::Int(_) => t.layouts[0].into(),
        Kind::Codebook(_) => t.layouts[1].into(),
    };
    (t.table_summary)(format.bits(), &layout, what)
}

/// The seed's three tables (NF4, bitsandbytes FP4, E2M1), each in code order.
pub fn seed_tables() -> Vec<ValueTable> {
    SEED_TABLES.iter().filter_map(|id| Format::parse(id).ok()).map(|f| value_table(&f)).collect()
}

/// The query that opens a code in the bit explorer (`view=explorer&format=nf4&code=0x9`).
pub fn explorer_query(format: &Format, code: u64) -> String {
    format!(
        "view=explorer&format={}&code={}",
        crate::query::percent_encode(format.id()),
        format.hex_string(code)
    )
}

// ---------------------------------------------------------------------------------------------
// The NF4 construction figure.

/// One of the 16 NF4 levels as a normal quantile.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantile {
    /// The NF4 code (index in the sorted table).
    pub code: u64,
    /// The probability p (Φ(z) = p); 0.5 for the exact zero.
    pub p: f64,
    /// The quantile z = Φ⁻¹(p) (negated for the negative side).
    pub z: f64,
    /// z divided by the largest z: the NF4 level before rounding to f32.
    pub level: f64,
    /// The stored f32 NF4 value.
    pub value: f64,
}

/// The NF4 levels rebuilt from N(0, 1) quantiles as QLoRA does it
/// ([`lowbit_core::quant::normal::nf4_levels`]: 8 positive levels Φ⁻¹(p) for p in 8 equal
/// steps from 0.9677083 down to 0.5 (exclusive), 7 negative ones −Φ⁻¹(p) for p in 7 steps,
/// and an exact 0; divided by Φ⁻¹(0.9677083)). Sorted ascending, so the index is the NF4 code.
pub fn nf4_quantiles() -> Vec<Quantile> {
    let nf4 = Format::parse("nf4").ok();
    nf4_levels(NF4_OFFSET)
        .iter()
        .map(|l| Quantile {
            code: l.code,
            p: l.p,
            z: l.z,
            level: l.level,
            value: nf4.as_ref().map_or(f64::NAN, |f| f.decode(l.code).value),
        })
        .collect()
}

/// The standard normal density φ(z).
pub fn normal_pdf(z: f64) -> f64 {
    (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// A point of the figure: a quantile on the density curve.
#[derive(Clone, Debug, PartialEq)]
pub struct FigurePoint {
    /// The NF4 code.
    pub code: u64,
    /// x in the SVG's user units.
    pub x: f64,
    /// y of the point on the curve.
    pub y: f64,
    /// The code label below the axis ("9").
    pub label: String,
    /// Tooltip: code, p, z, value.
    pub title: String,
    /// Whether it is the exact zero.
    pub zero: bool,
}

/// A tick of an axis of the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureTick {
    /// x in user units.
    pub x: f64,
    /// The label.
    pub label: String,
}

/// The normal-curve figure, in SVG user units (`viewBox="0 0 width height"`).
#[derive(Clone, Debug, PartialEq)]
pub struct NormalFigure {
    /// Width of the view box.
    pub width: f64,
    /// Height of the view box.
    pub height: f64,
    /// Left end of the axes.
    pub x0: f64,
    /// Right end of the axes.
    pub x1: f64,
    /// y of the bottom (z) axis.
    pub axis_y: f64,
    /// y of the top (NF4 value) axis.
    pub top_y: f64,
    /// The density curve as an SVG path (`d`).
    pub curve: String,
    /// The area under the curve between the outermost quantiles (closed path `d`).
    pub area: String,
    /// The 16 quantiles.
    pub points: Vec<FigurePoint>,
    /// Ticks of the z axis (−2 … 2).
    pub z_ticks: Vec<FigureTick>,
    /// Ticks of the NF4 value axis (−1 … 1).
    pub value_ticks: Vec<FigureTick>,
    /// y of the code labels.
    pub label_y: f64,
    /// Lower end of the z ticks.
    pub z_tick_end: f64,
    /// Baseline of the z tick labels.
    pub z_label_y: f64,
    /// Baseline of the z axis title.
    pub z_title_y: f64,
    /// Upper end of the value ticks.
    pub value_tick_end: f64,
    /// Baseline of the value tick labels.
    pub value_label_y: f64,
    /// Baseline of the value axis title.
    pub value_title_y: f64,
}

/// Rounds to 0.1 user units: short SVG attributes, and exact enough.
fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The figure of the NF4 construction: φ(z) over [−2.4, 2.4], the 16 quantiles as dots on
/// the curve with lines down to the z axis, the code under each, and a second axis on top in
/// NF4 units (z / Φ⁻¹(0.9677083)).
pub fn normal_figure() -> NormalFigure {
    let (width, height) = (640.0, 250.0);
    let (x0, x1) = (30.0, 610.0);
    let (top_y, axis_y) = (40.0, 196.0);
    let (zlo, zhi) = (-2.4, 2.4);
    let px = |z: f64| x0 + (z - zlo) / (zhi - zlo) * (x1 - x0);
    let peak = normal_pdf(0.0);
    let curve_top = top_y + 18.0;
    let py = |d: f64| axis_y - d / peak * (axis_y - curve_top);
    // 48 segments with whole-unit coordinates are smooth at the figure's size (640 units drawn
    // about 400 px wide); "M x,y L x,y x,y …" keeps the path short: it is embedded in the wasm.
    let samples = 48;
    let mut curve = String::new();
    for i in 0..=samples {
        let z = zlo + (zhi - zlo) * i as f64 / samples as f64;
        let cmd = match i {
            0 => "M",
            1 => " L",
            _ => " ",
        };
        curve.push_str(&format!("{cmd}{},{}", px(z).round(), py(normal_pdf(z)).round()));
    }
    let quantiles = nf4_quantiles();
    let zmax = inverse_normal_cdf(NF4_OFFSET);
    let (first, last) = (quantiles.first().map_or(-zmax, |q| q.z), quantiles.last().map_or(zmax, |q| q.z));
    let mut area = format!("M{},{} L", r1(px(first)), axis_y);
    for i in 0..=samples {
        let z = first + (last - first) * i as f64 / samples as f64;
        area.push_str(&format!(" {},{}", px(z).round(), py(normal_pdf(z)).round()));
    }
    area.push_str(&format!(" {},{} Z", r1(px(last)), axis_y));
    let points = quantiles
        .iter()
        .map(|q| FigurePoint {
            code: q.code,
            x: r1(px(q.z)),
            y: r1(py(normal_pdf(q.z))),
            label: q.code.to_string(),
            title: format!(
                "code {}: p = {:.4}, z = Φ⁻¹(p) = {:.4}, z / {:.4} = {}",
                q.code,
                q.p,
                q.z,
                zmax,
                js_string(q.value)
            ),
            zero: q.z == 0.0,
        })
        .collect();
    let z_ticks = [-2.0, -1.0, 0.0, 1.0, 2.0]
        .iter()
        .map(|&z| FigureTick { x: r1(px(z)), label: if z == 0.0 { "0".into() } else { format!("{z}") } })
        .collect();
    let value_ticks = [-1.0, -0.5, 0.0, 0.5, 1.0]
        .iter()
        .map(|&v: &f64| FigureTick { x: r1(px(v * zmax)), label: if v == 0.0 { "0".into() } else { format!("{v}") } })
        .collect();
    NormalFigure {
        width,
        height,
        x0,
        x1,
        axis_y,
        top_y,
        curve: curve.trim_end().to_string(),
        area,
        points,
        z_ticks,
        value_ticks,
        label_y: axis_y + 16.0,
        z_tick_end: axis_y + 4.0,
        z_label_y: axis_y + 32.0,
        z_title_y: axis_y + 48.0,
        value_tick_end: top_y - 4.0,
        value_label_y: top_y - 8.0,
        value_title_y: top_y - 22.0,
    }
}

/// The figure as the app shows it: the SVG of [`normal_figure`], written once by the native
/// tests (`figure_svg` below; a test fails, and with `UPDATE_SNAPSHOTS=1` rewrites the file,
/// when the two differ) and embedded as a compile-time constant. The browser then needs none
/// of the drawing code.
pub const NF4_FIGURE_SVG: &str = include_str!("nf4_figure.svg");

/// The figure's stylesheet (linked by index.html; embedded in the exported file).
pub const NF4_FIGURE_CSS: &str = include_str!("nf4_figure.css");

/// The figure's size in CSS pixels (its `viewBox`).
pub fn nf4_figure_size() -> (u32, u32) {
    let view_box = NF4_FIGURE_SVG.split("viewBox=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap_or_default();
    let numbers: Vec<u32> = view_box.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    match numbers[..] {
        [_, _, w, h] => (w, h),
        _ => (640, 250),
    }
}

/// The figure as a standalone SVG file: the page's figure with the SVG namespace, a size, and
/// its stylesheet embedded with every `var(--name)` replaced by `resolve(name)` (the page's
/// theme as it is now) and without the hover rules.
pub fn nf4_figure_file(resolve: impl Fn(&str) -> String) -> String {
    let mut css = String::new();
    for rule in NF4_FIGURE_CSS.lines().filter(|l| l.starts_with('.') && !l.contains(":hover")) {
        let mut rest = rule;
        while let Some(start) = rest.find("var(--") {
            css.push_str(&rest[..start]);
            let after = &rest[start + "var(--".len()..];
            let end = after.find(')').unwrap_or(after.len());
            css.push_str(resolve(&after[..end]).trim());
            rest = after.get(end + 1..).unwrap_or_default();
        }
        css.push_str(rest);
        css.push('\n');
    }
    let (w, h) = nf4_figure_size();
    let open = format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" ");
    let body = NF4_FIGURE_SVG.trim().strip_prefix("<svg ").unwrap_or(NF4_FIGURE_SVG);
    let close = body.find('>').map_or(0, |i| i + 1);
    format!("{open}{}<style><![CDATA[\n{css}]]></style>{}", &body[..close], &body[close..])
}

/// The generator of [`NF4_FIGURE_SVG`] (tests only: the app embeds its output).
#[cfg(test)]
mod svg {
    use super::NormalFigure;

    /// Escapes text for SVG content and double-quoted attribute values.
    fn escape(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
        }
        out
    }

    /// The figure as an inline SVG (`data-testid="nf4-figure"`, one `<circle data-nf4-code>` per
    /// level with a `<title>` tooltip).
    pub(super) fn figure_svg(f: &NormalFigure) -> String {
        let mut svg = format!(
            "<svg class=\"nf4-figure\" data-testid=\"nf4-figure\" viewBox=\"0 0 {} {}\" role=\"img\" \
             aria-label=\"the standard normal density with the 16 NF4 quantiles marked on it\">\
             <path class=\"q-area\" d=\"{}\"/><path class=\"curve\" d=\"{}\"/>",
            f.width, f.height, f.area, f.curve
        );
        for p in &f.points {
            let zero = if p.zero { " zero" } else { "" };
            svg.push_str(&format!("<line class=\"q-line{zero}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", p.x, p.y, p.x, f.axis_y));
        }
        svg.push_str(&format!(
            "<line class=\"axis\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><line class=\"axis faint\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
            f.x0, f.axis_y, f.x1, f.axis_y, f.x0, f.top_y, f.x1, f.top_y
        ));
        for t in &f.z_ticks {
            svg.push_str(&format!(
                "<line class=\"tick\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"tick-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                t.x, f.axis_y, t.x, f.z_tick_end, t.x, f.z_label_y, escape(&t.label)
            ));
        }
        for t in &f.value_ticks {
            svg.push_str(&format!(
                "<line class=\"tick\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/><text class=\"tick-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                t.x, f.top_y, t.x, f.value_tick_end, t.x, f.value_label_y, escape(&t.label)
            ));
        }
        for p in &f.points {
            let zero = if p.zero { " class=\"zero\"" } else { "" };
            svg.push_str(&format!(
                "<g class=\"q-point\"><title>{}</title><circle{zero} cx=\"{}\" cy=\"{}\" r=\"4.5\" data-nf4-code=\"{}\"/>\
                 <text class=\"q-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
                escape(&p.title),
                p.x,
                p.y,
                p.code,
                p.x,
                f.label_y,
                escape(&p.label)
            ));
        }
        svg.push_str(&format!(
            "<text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"end\">z (standard deviations); numbers: NF4 codes</text>\
             <text class=\"axis-title\" x=\"{}\" y=\"{}\" text-anchor=\"start\">NF4 value = z / Φ⁻¹(0.9677)</text></svg>",
            f.x1, f.z_title_y, f.x0, f.value_title_y
        ));
        svg
    }
}

#[cfg(test)]
mod tests {
    use super::svg::figure_svg;
    use super::*;
    use lowbit_core::codebook::NF4_VALUES;

    fn table(id: &str) -> ValueTable {
        value_table(&Format::parse(id).unwrap())
    }

    #[test]
    fn the_figure_exports_as_a_standalone_svg_with_its_colours() {
        let file = nf4_figure_file(|name| if name == "sans" { "system-ui, sans-serif".into() } else { format!("#{:06x}", name.len()) });
        assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"250\" class=\"nf4-figure\""), "{file:.200}");
        assert!(!file.contains("var(") && !file.contains(":hover"), "{file}");
        assert!(file.contains(".nf4-figure .q-area { fill: #00000b; }"), "mantissa-bg has 11 letters: {file}");
        assert!(file.contains("font-family: system-ui, sans-serif;"));
        assert_eq!(file.matches("<circle").count(), 16);
        assert_eq!(nf4_figure_size(), (640, 250));
    }

    #[test]
    fn every_small_catalogue_format_has_a_table() {
        let ids: Vec<&str> = table_formats().iter().map(|(id, _)| *id).collect();
        for id in ["float8_e4m3fn", "float8_e5m2", "float8_e8m0fnu", "float6_e2m3fn", "float4_e2m1fn", "int8", "uint4", "int2", "ternary", "binary", "nf4", "fp4_bnb"] {
            assert!(ids.contains(&id), "{id}");
        }
        for id in ["float16", "bfloat16", "float32"] {
            assert!(!ids.contains(&id), "{id}");
        }
        for id in ids {
            let t = table(id);
            assert_eq!(t.cells.len() as u64, 1u64 << t.bits, "{id}");
            for (i, c) in t.cells.iter().enumerate() {
                assert_eq!(c.code, i as u64);
                assert_eq!(c.code_attr, i.to_string());
            }
        }
    }

    #[test]
    fn a_table_exports_every_code_with_its_exact_value() {
        let t = table("nf4").export(crate::i18n::Lang::En.tables());
        assert_eq!(t.headers, ["code", "hex", "bits", "class", "value", "exact value"]);
        assert_eq!(table("nf4").export(crate::i18n::Lang::Ru.tables()).headers[0], "код");
        assert_eq!(t.headers, ["code", "hex", "bits", "class", "value", "exact value"]);
        assert_eq!(t.rows.len(), 16);
        // NF4's code 0 is −1 and code 7 is exact zero; code 8's value is a float32 constant whose
        // exact decimal runs past the shortest round-trip one.
        assert_eq!(t.rows[0][..5], ["0", "0x0", "0000", "normal", "-1"]);
        assert_eq!(t.rows[7][4], "0");
        assert!(t.rows[8][4].starts_with("0.07958"), "{:?}", t.rows[8]);
        assert_eq!(t.rows[8][4], js_string(NF4_VALUES[8] as f64));
        assert_eq!(t.rows[8][5], exact_decimal(NF4_VALUES[8] as f64));
        assert!(t.rows[8][5].len() > t.rows[8][4].len(), "{:?}", t.rows[8]);
        let e4m3 = table("float8_e4m3fn").export(crate::i18n::Lang::En.tables());
        assert_eq!(e4m3.rows.len(), 256);
        assert_eq!(e4m3.rows[0x7e][..5], ["126", "0x7e", "01111110", "normal", "448"]);
        assert_eq!(e4m3.rows[0x7f][3..], ["nan", "NaN", "NaN"]);
        assert_eq!(e4m3.rows[1][5], "0.001953125");
    }

    #[test]
    fn four_bit_tables_are_16_rows_and_8_bit_ones_a_16_by_16_grid() {
        for id in SEED_TABLES {
            let t = table(id);
            assert_eq!(t.shape, Shape::List, "{id}");
            assert_eq!(t.cells.len(), 16);
        }
        let t = table("float8_e4m3fn");
        match &t.shape {
            Shape::Grid { rows, cols, row_labels, col_labels } => {
                assert_eq!((*rows, *cols), (16, 16));
                assert_eq!(row_labels[15], "0xf_");
                assert_eq!(col_labels[10], "_a");
            }
            Shape::List => panic!("8-bit tables are grids"),
        }
        assert_eq!(t.row(7)[14].code, 0x7e);
        assert_eq!(t.row(7)[14].value_attr, "448");
        assert_eq!(t.row(7)[15].class_key, "nan");
        assert_eq!(t.row(8)[0].value_attr, "-0");
        assert_eq!(t.row(0)[1].class_key, "subnormal");
        assert_eq!(t.row(0)[1].value_attr, "0.001953125");
        assert_eq!(t.testid(), "table-float8_e4m3fn");
        // 6-bit: 4 rows of 16.
        match table("float6_e3m2fn").shape {
            Shape::Grid { rows, cols, .. } => assert_eq!((rows, cols), (4, 16)),
            Shape::List => panic!(),
        }
    }

    #[test]
    fn the_seed_tables() {
        let e2m1 = table("float4_e2m1fn");
        let values: Vec<&str> = e2m1.cells.iter().map(|c| c.value_attr.as_str()).collect();
        assert_eq!(values[..8], ["0", "0.5", "1", "1.5", "2", "3", "4", "6"]);
        assert_eq!(values[8], "-0");
        assert_eq!(values[15], "-6");

        let bnb = table("fp4_bnb");
        assert_eq!(bnb.cells[1].value_attr, "0.0052083334885537624");
        let rounded: Vec<&str> = bnb.cells.iter().map(|c| c.rounded.as_str()).collect();
        assert_eq!(
            rounded,
            ["0", "0.0052", "0.6667", "1", "0.3333", "0.5", "0.1667", "0.25", "0", "-0.0052", "-0.6667", "-1", "-0.3333", "-0.5", "-0.1667", "-0.25"]
        );

        let nf4 = table("nf4");
        assert_eq!(nf4.cells[1].value_attr, "-0.6961928009986877");
        assert_eq!(nf4.cells[7].value_attr, "0");
        assert_eq!(nf4.cells[15].value_attr, "1");
        assert_eq!(seed_tables().iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), SEED_TABLES);
    }

    #[test]
    fn specials_are_short_and_classed() {
        let t = table("float8_e5m2");
        let inf = &t.cells[0x7c];
        assert_eq!((inf.value_attr.as_str(), inf.short.as_str(), inf.class_key), ("Infinity", "+∞", "infinite"));
        assert_eq!(t.cells[0xfc].short, "−∞");
        assert_eq!(t.cells[0x7e].value_attr, "NaN");
        assert_eq!(t.cells[0x7b].short, "57344");
        let ternary = table("ternary");
        assert_eq!(ternary.cells[3].class_key, "unused");
        assert!(ternary.cells.iter().all(|c| c.short.chars().count() <= 8));
        for id in ["float8_e4m3fn", "float8_e5m2", "float8_e8m0fnu", "int8", "uint8", "float8_e3m4"] {
            for c in &table(id).cells {
                assert!(c.short.chars().count() <= 8, "{id} {}: {}", c.code, c.short);
            }
        }
    }

    #[test]
    fn parse_table_refuses_wide_and_unknown_formats() {
        assert_eq!(parse_table("nf4").unwrap().id(), "nf4");
        assert_eq!(parse_table("e3m2").unwrap().bits(), 6);
        assert!(parse_table("float16").unwrap_err().contains("16 bits"));
        assert!(parse_table("float9").is_err());
        assert_eq!(default_table().id(), DEFAULT_TABLE);
    }

    #[test]
    fn explorer_links() {
        let f = Format::parse("float8_e4m3fn").unwrap();
        assert_eq!(explorer_query(&f, 126), "view=explorer&format=float8_e4m3fn&code=0x7e");
        let p = crate::url::parse_query(&explorer_query(&f, 126));
        match p.page {
            crate::url::Page::Explorer(e) => assert_eq!((e.code, e.format.id()), (126, "float8_e4m3fn")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rounding_to_four_decimals() {
        assert_eq!(rounded4(0.0052083334885537624), "0.0052");
        assert_eq!(rounded4(-0.0), "-0");
        assert_eq!(rounded4(448.0), "448");
        assert_eq!(rounded4(-1e-9), "-1e-9");
        assert_eq!(rounded4(f64::NAN), "NaN");
    }

    #[test]
    fn the_embedded_figure_is_the_computed_one() {
        let svg = figure_svg(&normal_figure());
        if svg != NF4_FIGURE_SVG {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/nf4_figure.svg");
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
                std::fs::write(path, &svg).unwrap();
            } else {
                panic!("{path} is out of date: run UPDATE_SNAPSHOTS=1 cargo test -p lowbit-app --lib");
            }
        }
    }

    #[test]
    fn the_figure_as_svg() {
        let svg = figure_svg(&normal_figure());
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<circle").count(), 16);
        assert_eq!(svg.matches("data-nf4-code=").count(), 16);
        assert!(!svg.contains("data-code"));
    }

    #[test]
    fn quantiles_rebuild_nf4() {
        let q = nf4_quantiles();
        assert_eq!(q.len(), 16);
        for (i, point) in q.iter().enumerate() {
            assert_eq!(point.code, i as u64);
            assert_eq!(point.value, NF4_VALUES[i] as f64);
            assert!((point.level - point.value).abs() < 2e-7, "code {i}: {} vs {}", point.level, point.value);
            if point.z != 0.0 {
                assert!((lowbit_core::quant::normal::normal_cdf(point.z) - point.p).abs() < 1e-9);
            }
        }
        assert_eq!(q[7].z, 0.0);
        assert_eq!(q.iter().filter(|p| p.z > 0.0).count(), 8);
        assert_eq!(q.iter().filter(|p| p.z < 0.0).count(), 7);
    }

    #[test]
    fn the_figure_is_inside_its_box() {
        let f = normal_figure();
        assert_eq!(f.points.len(), 16);
        for p in &f.points {
            assert!(p.x >= f.x0 && p.x <= f.x1, "{p:?}");
            assert!(p.y >= f.top_y && p.y <= f.axis_y, "{p:?}");
        }
        assert!(f.points.windows(2).all(|w| w[0].x < w[1].x));
        assert_eq!(f.points.iter().filter(|p| p.zero).count(), 1);
        assert!(f.curve.starts_with('M') && f.area.ends_with('Z'));
        assert_eq!(f.z_ticks.len(), 5);
        // The value axis puts ±1 on the outermost quantiles.
        assert_eq!(f.value_ticks[4].x, f.points[15].x);
        assert_eq!(f.value_ticks[0].x, f.points[0].x);
        assert!(f.points[9].title.contains("0.16093020141124725"), "{}", f.points[9].title);
    }
}
