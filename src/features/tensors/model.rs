//! The Tensors view's data, pure and natively tested: a file's tensors as list rows, the job
//! sent to the compute worker for the chosen tensor (it decodes the tensor's bytes, counts its
//! histogram and ranks the schemes: [`lowbit_jobs::tensor`]), the chosen tensor as the worker
//! summarises it, the ranking's rows as the table shows them, and the histogram chart with the
//! overlaid scheme.
//!
//! Reading headers is in [`lowbit_tensors`], decoding in the worker: this module only arranges
//! what they return.

use lowbit_charts::plotters::coord::Shift;
use lowbit_charts::plotters::drawing::DrawingArea;
use lowbit_charts::plotters::prelude::DrawingBackend;
use lowbit_charts::PixelRect;
use lowbit_core::decimal::js_string;
use lowbit_jobs::ranking::{RankingOutcome, RankingRow};
use lowbit_jobs::tensor::{TensorJob, TensorSummary};
use lowbit_tensors::{ErrorKind, FileKind, Histogram, TensorEntry, TensorError};

use crate::chart::{Chart, LevelsChart};
use crate::export::Table;
use crate::i18n::{Lang, TensorsText};
use crate::text::compact;

/// Histogram bins.
pub const BINS: usize = 80;

/// A file whose header was read: its name, size, kind and tensors.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedFile {
    /// The file's name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// `.npy` or `.safetensors`.
    pub kind: FileKind,
    /// Its tensors, in data order.
    pub tensors: Vec<TensorEntry>,
}

/// One row of the tensor list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorRow {
    /// The tensor's name (`data-name`).
    pub name: String,
    /// Its dtype (`data-dtype`, safetensors' names: `F32`, `BF16`…).
    pub dtype: &'static str,
    /// Its shape, comma-joined (`data-shape`: `3,4`; empty for a scalar).
    pub shape: String,
    /// Its shape for reading (`[3, 4]`; `[]` for a scalar).
    pub shape_label: String,
    /// Number of elements.
    pub elements: u64,
    /// Its size in bytes for reading (`48 B`, `1.5 MiB`).
    pub size: String,
}

/// A byte count for reading.
pub fn bytes_text(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    format!("{} {}", crate::text::with_decimals(v, 1), UNITS[unit])
}

/// The list rows of a file's tensors.
pub fn rows(file: &OpenedFile) -> Vec<TensorRow> {
    file.tensors
        .iter()
        .map(|t| TensorRow {
            name: t.name.clone(),
            dtype: t.dtype.name(),
            shape: t.shape_text(),
            shape_label: format!("[{}]", t.shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", ")),
            elements: t.elements(),
            size: bytes_text(t.byte_len()),
        })
        .collect()
}

/// The chosen tensor as the compute worker decoded it: its histogram and counts (its values
/// stay in the worker).
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    /// The tensor's name.
    pub name: String,
    /// Its dtype's name.
    pub dtype: &'static str,
    /// Its shape.
    pub shape: Vec<u64>,
    /// Its number of elements.
    pub elements: usize,
    /// The histogram of its exact values.
    pub histogram: Histogram,
    /// How many values changed when rounded to f32 (f64 and wide-integer tensors).
    pub rounded: usize,
}

impl From<TensorSummary> for Chosen {
    fn from(t: TensorSummary) -> Chosen {
        Chosen { name: t.name, dtype: t.dtype.name(), shape: t.shape, elements: t.elements, histogram: t.histogram, rounded: t.rounded }
    }
}

/// The compute worker's job for a tensor: decode it (its bytes travel beside the job), count
/// it into [`BINS`] bins, rank every scheme on it.
pub fn tensor_job(entry: &TensorEntry) -> TensorJob {
    TensorJob::head(entry, BINS)
}

/// A remark about a chosen tensor's values, put in words by [`TensorNote::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TensorNote {
    /// The tensor (named) has no elements: nothing to rank.
    NoElements(String),
    /// `rounded` of `total` values of `dtype` are not exactly f32 (the schemes get them
    /// rounded; the histogram shows them exactly).
    NotF32 {
        /// Values changed by rounding to f32.
        rounded: usize,
        /// All values.
        total: usize,
        /// The tensor's dtype (`F64`).
        dtype: &'static str,
    },
    /// This many values are NaN or ±Inf (left out of the histogram and the metrics).
    NonFinite(usize),
}

impl TensorNote {
    /// The note in the language of `t`.
    pub fn text(&self, t: &TensorsText) -> String {
        match self {
            TensorNote::NoElements(name) => (t.no_elements)(name),
            TensorNote::NotF32 { rounded, total, dtype } => (t.not_f32)(*rounded, *total, dtype),
            TensorNote::NonFinite(count) => (t.nonfinite)(*count),
        }
    }
}

/// Why a file or tensor was refused, in the language of `t`: the file's name, the kind of
/// problem (translated) and the reader's detail.
pub fn refusal_text(t: &TensorsText, file: &str, error: &TensorError) -> String {
    let kind = match error.kind {
        ErrorKind::WrongMagic => 0,
        ErrorKind::HeaderTooLong => 1,
        ErrorKind::BadHeader => 2,
        ErrorKind::UnknownDtype => 3,
        ErrorKind::OffsetsOutsideData => 4,
        ErrorKind::BadOffsets => 5,
        ErrorKind::SizeMismatch => 6,
        ErrorKind::Inexact => 7,
        ErrorKind::TooLarge => 8,
    };
    (t.refused)(file, t.error_kinds[kind], &error.message)
}

impl Chosen {
    /// Remarks about the values (rounded to f32, not finite, empty).
    pub fn notes(&self) -> Vec<TensorNote> {
        let mut notes = Vec::new();
        if self.elements == 0 {
            notes.push(TensorNote::NoElements(self.name.clone()));
        }
        if self.rounded > 0 {
            notes.push(TensorNote::NotF32 { rounded: self.rounded, total: self.elements, dtype: self.dtype });
        }
        if self.histogram.nonfinite > 0 {
            notes.push(TensorNote::NonFinite(self.histogram.nonfinite));
        }
        notes
    }
}

/// One row of the ranking table.
#[derive(Clone, Debug, PartialEq)]
pub struct RankLine {
    /// Rank, from 1.
    pub rank: usize,
    /// The scheme id (`data-scheme`).
    pub scheme: String,
    /// SQNR in dB as JavaScript reads it (`data-sqnr-db`; `Infinity` when exact).
    pub sqnr_attr: String,
    /// MSE as JavaScript reads it (`data-mse`).
    pub mse_attr: String,
    /// SQNR for reading (`23.41 dB`); None when the scheme is exact (no error).
    pub sqnr: Option<String>,
    /// MSE for reading.
    pub mse: String,
    /// Max |error| for reading.
    pub max_error: String,
    /// Bits per element for reading (`4.5`).
    pub bits: String,
    /// Elements clipped.
    pub clipped: usize,
}

/// The ranking as a file: the exact figures (JavaScript's shortest decimals) for computing.
/// Its column names are in the language of `t`.
pub fn ranking_export(outcome: &RankingOutcome, t: &crate::i18n::TensorsText) -> Table {
    Table {
        headers: t.ranking_export.map(String::from).to_vec(),
        rows: outcome
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![(i + 1).to_string(), r.scheme.clone(), js_string(r.sqnr_db), js_string(r.mse), js_string(r.max_abs_error), js_string(r.bits_per_element), r.clipped.to_string()]
            })
            .collect(),
    }
}

/// The tensor list as a file: shapes comma-joined, sizes in bytes; the column names in the
/// language of `t`.
pub fn list_export(file: &OpenedFile, t: &crate::i18n::TensorsText) -> Table {
    Table {
        headers: t.list_export.map(String::from).to_vec(),
        rows: file
            .tensors
            .iter()
            .map(|t| {
                vec![
                    t.name.clone(),
                    t.dtype.name().to_string(),
                    t.shape_text(),
                    t.elements().to_string(),
                    t.byte_len().to_string(),
                ]
            })
            .collect(),
    }
}

/// The table rows of a ranking, best first.
pub fn rank_lines(outcome: &RankingOutcome) -> Vec<RankLine> {
    outcome
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| RankLine {
            rank: i + 1,
            scheme: r.scheme.clone(),
            sqnr_attr: js_string(r.sqnr_db),
            mse_attr: js_string(r.mse),
            sqnr: (!r.sqnr_db.is_infinite()).then(|| format!("{} dB", crate::text::with_decimals(r.sqnr_db, 2))),
            mse: compact(r.mse),
            max_error: compact(r.max_abs_error),
            bits: crate::text::with_decimals(r.bits_per_element, 3),
            clipped: r.clipped,
        })
        .collect()
}

/// The histogram of the chosen tensor with a scheme's stored values overlaid: as lines when
/// it stores few values, else its reconstruction's histogram as an outline.
#[derive(Clone, Debug, PartialEq)]
pub struct HistogramChart {
    /// The tensor's name.
    pub title: String,
    /// The histogram.
    pub histogram: Histogram,
    /// The overlaid scheme's row, once the ranking has run.
    pub overlay: Option<RankingRow>,
    /// The language of the legend and the summary.
    pub lang: Lang,
}

impl HistogramChart {
    /// A chart of nothing (before a tensor is read).
    pub fn empty() -> HistogramChart {
        HistogramChart { title: String::new(), histogram: Histogram::of(&[], BINS), overlay: None, lang: Lang::En }
    }

    /// The overlay's legend, in the chart's language.
    pub fn overlay_label(&self) -> String {
        let t = self.lang.tensors();
        match &self.overlay {
            None => t.levels_waiting.into(),
            Some(r) if !r.levels.is_empty() => (t.levels_lines)(&r.scheme, r.levels.len()),
            Some(r) => (t.levels_outline)(&r.scheme, r.distinct - 1),
        }
    }

    /// A text summary for screen readers and tests, in the chart's language.
    pub fn summary(&self) -> String {
        let h = &self.histogram;
        (self.lang.tensors().histogram_summary)(
            h.counts.iter().map(|&c| c as u64).sum::<u64>(),
            &self.title,
            &compact(h.lo),
            &compact(h.hi),
            h.counts.len(),
            &self.overlay_label(),
        )
    }
}

impl HistogramChart {
    /// The chart as drawn: the histogram with the overlay's levels or outline.
    fn levels_chart(&self) -> LevelsChart {
        let (levels, level_counts) = match &self.overlay {
            Some(r) => (r.levels.clone(), r.level_counts.clone()),
            None => (Vec::new(), Vec::new()),
        };
        LevelsChart {
            title: self.title.clone(),
            lo: self.histogram.lo,
            hi: self.histogram.hi,
            counts: self.histogram.counts.clone(),
            levels,
            level_counts,
            overlay_label: self.overlay_label(),
            axis_titles: self.lang.tensors().histogram_axes,
        }
    }
}

impl Chart for HistogramChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String> {
        self.levels_chart().draw(area, scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lowbit_jobs::tensor::{run_all, TensorOutcome};

    /// The worker's job on `entry`'s bytes, run natively: the chosen tensor and its ranking.
    fn decoded(entry: &TensorEntry, file: &[u8]) -> (Chosen, Option<RankingOutcome>) {
        let bytes = file[entry.bytes.start as usize..entry.bytes.end as usize].to_vec();
        match run_all(TensorJob { bytes, ..tensor_job(entry) }) {
            Ok(TensorOutcome::Read { tensor, ranking }) => (tensor.into(), ranking),
            other => panic!("{other:?}"),
        }
    }

    fn f32_npy(values: &[f32], shape: &str) -> Vec<u8> {
        lowbit_tensors::write::npy(1, "<f4", false, shape, &lowbit_tensors::write::f32_bytes(values))
    }

    #[test]
    fn a_file_to_rows_a_histogram_and_a_ranking() {
        let values: Vec<f32> = (0..256).map(|i| ((i as f32) * 0.37).sin()).collect();
        let bytes = f32_npy(&values, "(4, 64)");
        let f = lowbit_tensors::open("w.npy", &bytes).unwrap();
        let file = OpenedFile { name: "w.npy".into(), size: bytes.len() as u64, kind: f.kind, tensors: f.tensors };
        let r = rows(&file);
        assert_eq!((r[0].name.as_str(), r[0].dtype, r[0].shape.as_str(), r[0].shape_label.as_str(), r[0].size.as_str()), ("w.npy", "F32", "4,64", "[4, 64]", "1 KiB"));
        let t = &file.tensors[0];
        let (chosen, outcome) = decoded(t, &bytes);
        assert_eq!((chosen.elements, chosen.dtype, chosen.shape.clone()), (256, "F32", vec![4, 64]));
        assert_eq!(chosen.histogram.counts.iter().sum::<u32>(), 256);
        assert_eq!(chosen.histogram.counts.len(), BINS);
        assert!(chosen.notes().is_empty());
        let outcome = outcome.unwrap();
        let lines = rank_lines(&outcome);
        assert_eq!(lines.len(), outcome.rows.len());
        for (l, r) in lines.iter().zip(&outcome.rows) {
            assert_eq!(l.mse_attr.parse::<f64>().unwrap(), r.mse);
            let sqnr = if l.sqnr_attr == "Infinity" { f64::INFINITY } else { l.sqnr_attr.parse::<f64>().unwrap() };
            assert_eq!(sqnr, r.sqnr_db);
            assert_eq!(l.sqnr.is_none(), r.sqnr_db.is_infinite());
        }
        let export = ranking_export(&outcome, crate::i18n::Lang::En.tensors());
        assert_eq!(ranking_export(&outcome, crate::i18n::Lang::Ru.tensors()).headers[0], "место");
        assert_eq!(export.rows.len(), outcome.rows.len());
        for (e, r) in export.rows.iter().zip(&outcome.rows) {
            assert_eq!((e[1].as_str(), e[3].parse::<f64>().unwrap(), e[4].parse::<f64>().unwrap()), (r.scheme.as_str(), r.mse, r.max_abs_error));
        }
        let listed = list_export(&file, crate::i18n::Lang::En.tensors());
        assert_eq!(list_export(&file, crate::i18n::Lang::Ru.tensors()).headers[0], "тензор");
        assert_eq!(listed.rows[0][1..], ["F32".to_string(), t.shape_text(), "256".into(), "1024".into()]);
        // The chart draws with and without an overlay, as lines or as an outline.
        for scheme in [None, Some("ternary"), Some("cast:bfloat16")] {
            let overlay = scheme.map(|s| outcome.rows.iter().find(|r| r.scheme == s).unwrap().clone());
            let chart = HistogramChart { title: "w.npy".into(), histogram: chosen.histogram.clone(), overlay: overlay.clone(), lang: Lang::En };
            let svg = chart.svg(640, 300).unwrap();
            assert!(svg.contains("w.npy"), "{scheme:?}");
            assert!(chart.summary().contains("256 values"), "{}", chart.summary());
            // In Russian: the same numbers and names, no English words of the summary.
            let ru = HistogramChart { lang: Lang::Ru, ..chart.clone() };
            let summary = ru.summary();
            assert!(summary.contains("(256)") && summary.contains("'w.npy'") && !summary.contains("values"), "{summary}");
            if let Some(s) = scheme {
                assert!(summary.contains(s), "{summary}");
            }
        }
    }

    #[test]
    fn f64_tensors_say_what_rounding_to_f32_changed() {
        let bytes = lowbit_tensors::write::npy(1, "<f8", false, "(3,)", &[0.1f64, 0.5, f64::NAN].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
        let f = lowbit_tensors::open("d.npy", &bytes).unwrap();
        let (chosen, _) = decoded(&f.tensors[0], &bytes);
        assert_eq!(chosen.notes(), [TensorNote::NotF32 { rounded: 1, total: 3, dtype: "F64" }, TensorNote::NonFinite(1)]);
        let notes = chosen.notes().iter().map(|n| n.text(Lang::En.tensors())).collect::<Vec<_>>().join(" ");
        assert!(notes.contains("1 of 3 F64 values are not exactly f32"), "{notes}");
        assert!(notes.contains("1 values are NaN"), "{notes}");
        let notes = chosen.notes().iter().map(|n| n.text(Lang::Ru.tensors())).collect::<Vec<_>>().join(" ");
        assert!(notes.contains("1 из 3 значений F64 не представимы точно в f32"), "{notes}");
        assert_eq!(bytes_text(3 << 20), "3 MiB");
    }
}
