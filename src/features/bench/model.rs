//! The Speed view's table: each measured operation of the browser's bench beside the native
//! figure of the same operation (`lowbit bench` on the project's machine, committed as data:
//! `lowbit_jobs::native_bench`), and their ratio.

use lowbit_core::decimal::js_string;
use lowbit_jobs::bench::{BenchOutcome, BenchRow};
use lowbit_jobs::native_bench::{native_rate, MEASURED_ON};

use crate::i18n::BenchText;

use crate::export::Table;

/// One row of the table, as strings.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchTableRow {
    /// `encode`, `decode`, `quantize` or `dequantize` (`data-op`).
    pub op: String,
    /// The format id (encode/decode) or scheme id (quantize/dequantize).
    pub subject: String,
    /// Whether `subject` is a format (`data-format`) rather than a scheme (`data-scheme`).
    pub is_format: bool,
    /// The block size of a quantizer ("64", "—").
    pub block: String,
    /// `data-elements-per-second` (JavaScript's `String(v)`).
    pub rate_attr: String,
    /// The browser's rate for reading ("291 M/s").
    pub rate: String,
    /// `data-native-elements-per-second` (empty when not measured natively).
    pub native_attr: String,
    /// The native rate for reading ("—" when not measured).
    pub native: String,
    /// browser / native ("0.62×", "—").
    pub ratio: String,
}

/// Elements per second for reading: "1.23 G/s", "291 M/s", "45.6 k/s".
pub fn rate_text(eps: f64) -> String {
    let (value, unit) = if eps >= 1e9 {
        (eps / 1e9, "G/s")
    } else if eps >= 1e6 {
        (eps / 1e6, "M/s")
    } else if eps >= 1e3 {
        (eps / 1e3, "k/s")
    } else {
        (eps, "/s")
    };
    let digits = if value >= 100.0 { 0 } else if value >= 10.0 { 1 } else { 2 };
    format!("{value:.digits$} {unit}")
}

/// The row of one measured operation.
pub fn row(r: &BenchRow) -> BenchTableRow {
    let native = native_rate(&r.op, &r.subject);
    BenchTableRow {
        op: r.op.clone(),
        is_format: r.op == "encode" || r.op == "decode",
        subject: r.subject.clone(),
        block: r.block.map_or("—".into(), |b| b.to_string()),
        rate_attr: js_string(r.elements_per_second),
        rate: rate_text(r.elements_per_second),
        native_attr: native.map(js_string).unwrap_or_default(),
        native: native.map_or("—".into(), rate_text),
        ratio: native.map_or("—".into(), |n| format!("{:.2}×", r.elements_per_second / n)),
    }
}

/// The table of a finished bench, in the bench's order.
pub fn table(outcome: &BenchOutcome) -> Vec<BenchTableRow> {
    outcome.rows.iter().map(row).collect()
}

/// The table as a file: rates as plain numbers of elements per second (empty where there is
/// no native figure), so a spreadsheet can compute with them.
///
/// Its column names are in the language of `t`.
pub fn export(rows: &[BenchTableRow], t: &BenchText) -> Table {
    Table {
        headers: t.export_columns.map(String::from).to_vec(),
        rows: rows
            .iter()
            .map(|r| vec![r.op.clone(), r.subject.clone(), r.block.clone(), r.rate_attr.clone(), r.native_attr.clone(), r.ratio.trim_end_matches('×').to_string()])
            .collect(),
    }
}

/// Where the native figures come from (shown under the table), in the language of `t` (the
/// machine's description is the generated data's, as `lowbit bench` wrote it).
pub fn native_label(t: &BenchText) -> String {
    (t.native_figures)(MEASURED_ON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_pair_the_browser_with_native_figures() {
        let r = row(&BenchRow { op: "quantize".into(), subject: "nf4".into(), block: Some(64), elements_per_second: 59_000_000.0 });
        assert!(!r.is_format);
        assert_eq!((r.block.as_str(), r.rate.as_str(), r.rate_attr.as_str()), ("64", "59.0 M/s", "59000000"));
        let native = native_rate("quantize", "nf4").unwrap();
        assert_eq!(r.native_attr, js_string(native));
        assert_eq!(r.ratio, format!("{:.2}×", 59e6 / native));
        let f = row(&BenchRow { op: "encode".into(), subject: "float8_e4m3fn".into(), block: None, elements_per_second: 1.5e9 });
        assert!(f.is_format);
        assert_eq!((f.block.as_str(), f.rate.as_str()), ("—", "1.50 G/s"));
        let unknown = row(&BenchRow { op: "encode".into(), subject: "no_such".into(), block: None, elements_per_second: 10.0 });
        assert_eq!((unknown.native.as_str(), unknown.ratio.as_str(), unknown.native_attr.as_str()), ("—", "—", ""));
        assert!(native_label(crate::i18n::Lang::En.bench()).starts_with("Native figures: lowbit bench"));
        assert!(native_label(crate::i18n::Lang::Ru.bench()).starts_with("Нативные показатели: lowbit bench"));
        let t = export(&[r.clone(), unknown], crate::i18n::Lang::En.bench());
        assert_eq!(export(&[], crate::i18n::Lang::Ru.bench()).headers[0], "операция");
        assert_eq!(t.rows[0][..4], ["quantize", "nf4", "64", "59000000"]);
        assert_eq!(t.rows[0][5], format!("{:.2}", 59e6 / native));
        assert_eq!(t.rows[1][4..], ["", "—"]);
    }
}
