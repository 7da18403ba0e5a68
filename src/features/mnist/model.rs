//! The MNIST view's data, without markup: the seed article's own figures beside ours, the
//! drawing surface, the training form and how its text becomes a worker job. Every number
//! shown comes from the worker (lowbit-mnist); this module only arranges it.

use lowbit_charts::mnist::{draw_accuracy_chart, AccuracyPoint};
use lowbit_charts::plotters::coord::Shift;
use lowbit_charts::plotters::prelude::{DrawingArea, DrawingBackend};
use lowbit_charts::PixelRect;
use lowbit_jobs::mnist::{EpochLine, LayerHistogram, MnistTable, MnistTrainJob, SchemeLogits, TrainStart};
use lowbit_mnist::{MnistScheme, QAT_SCHEMES};

use crate::chart::{whole_area, Chart, LevelsChart};
use crate::i18n::{MnistText, MnistWords};
use crate::text::compact;
use crate::export::Table;

/// What the seed article (000) prints for its model, next to the scheme that reproduces it:
/// (scheme id, accuracy in percent, size in KB as its `get_size_kb` prints it).
pub const ARTICLE: [(&str, &str, &str); 4] = [
    ("float32", "96.01", "427.2890625"),
    ("int8_rowwise", "96.0", "107.4140625"),
    ("fp4_bnb", "95.79", "54.1015625"),
    // The article imports LinearNF4 but its 4-bit run is LinearFP4: one 4-bit figure (noted).
    ("nf4", "95.79", "54.1015625"),
];

/// The article's figures for a scheme (accuracy, size), if it prints any.
pub fn article_figures(scheme: &str) -> Option<(&'static str, &'static str)> {
    ARTICLE.iter().find(|(id, _, _)| *id == scheme).map(|&(_, a, s)| (a, s))
}

/// The data files the view fetches when it opens (Trunk copies them into `dist/mnist/`).
pub const WEIGHTS_URL: &str = "./mnist/seed0-fp32.safetensors";
/// The digits (the first 10,000 of MNIST's training set).
pub const DATA_URL: &str = "./mnist/mnist-10k.safetensors";

/// A row of the accuracy/size table as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The scheme id (`ID,ID,ID` for mixed precision).
    pub scheme: String,
    /// Accuracy in percent, as the `data-accuracy` attribute (shortest decimal).
    pub accuracy: f64,
    /// Size as the seed counts it (KB).
    pub size_kb: f64,
    /// Size with scales (KB).
    pub true_size_kb: f64,
    /// True bits per parameter.
    pub bits: f64,
    /// Float multiplies / adds per digit.
    pub multiplies: u64,
    /// Float adds per digit.
    pub adds: u64,
    /// Integer adds per digit.
    pub integer_adds: u64,
    /// The article's accuracy and size, for the seed's rows.
    pub article: Option<(&'static str, &'static str)>,
    /// The chosen scheme's row.
    pub chosen: bool,
}

/// The table's rows, the chosen scheme marked.
pub fn table_rows(table: &MnistTable, chosen: MnistScheme) -> Vec<TableRow> {
    table
        .rows
        .iter()
        .map(|r| TableRow {
            scheme: r.scheme.clone(),
            accuracy: r.accuracy,
            size_kb: r.size_kb,
            true_size_kb: r.true_size_kb,
            bits: r.bits_per_parameter,
            multiplies: r.multiplies,
            adds: r.adds,
            integer_adds: r.integer_adds,
            article: article_figures(&r.scheme),
            chosen: r.scheme == chosen.id(),
        })
        .collect()
}

/// The table as a file: full-precision numbers (accuracy in percent, sizes in KB), the
/// article's figures where the seed has them.
/// Its column names are in the language of `t`.
pub fn table_export(rows: &[TableRow], t: &crate::i18n::MnistText) -> Table {
    Table {
        headers: t.table_export.map(String::from).to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let (article_accuracy, article_size) = r.article.map_or((String::new(), String::new()), |(a, s)| (a.to_string(), s.to_string()));
                vec![
                    r.scheme.clone(),
                    r.accuracy.to_string(),
                    r.size_kb.to_string(),
                    r.true_size_kb.to_string(),
                    r.bits.to_string(),
                    r.multiplies.to_string(),
                    r.adds.to_string(),
                    r.integer_adds.to_string(),
                    article_accuracy,
                    article_size,
                ]
            })
            .collect(),
    }
}

/// A number with `digits` decimals.
pub fn fixed(v: f64, digits: usize) -> String {
    format!("{v:.digits$}")
}

/// An integer with thousands separators (`109,184`).
pub fn grouped(n: u64) -> String {
    let mut reversed = String::new();
    let mut in_group = 0;
    for c in n.to_string().chars().rev() {
        if in_group == 3 {
            reversed.push(',');
            in_group = 0;
        }
        reversed.push(c);
        in_group += 1;
    }
    reversed.chars().rev().collect()
}

/// Side of the drawing surface in ink pixels (the canvas shows it scaled up; the worker
/// makes it MNIST-style, [`lowbit_mnist::mnist_style`]).
pub const INK_SIDE: usize = 112;

/// Brush radius in ink pixels (a stroke ends up about 2 pixels wide in the 20×20 box).
pub const BRUSH: f64 = 4.5;

/// The drawing: grey levels 0–255, row-major `INK_SIDE × INK_SIDE`.
#[derive(Clone, Debug, PartialEq)]
pub struct InkGrid {
    /// The pixels.
    pub pixels: Vec<u8>,
}

impl Default for InkGrid {
    fn default() -> Self {
        InkGrid { pixels: vec![0; INK_SIDE * INK_SIDE] }
    }
}

impl InkGrid {
    /// Nothing drawn.
    pub fn is_blank(&self) -> bool {
        self.pixels.iter().all(|&p| p == 0)
    }

    /// Erases everything.
    pub fn clear(&mut self) {
        self.pixels.fill(0);
    }

    /// Paints a round brush of radius [`BRUSH`] along the segment `from`–`to` (ink
    /// coordinates, may lie outside), soft at the edge; a pixel keeps its darkest value.
    pub fn stroke(&mut self, from: (f64, f64), to: (f64, f64)) {
        let finite = |p: (f64, f64)| p.0.is_finite() && p.1.is_finite();
        if !finite(from) || !finite(to) {
            return;
        }
        let pad = BRUSH + 1.0;
        let (x0, x1) = (from.0.min(to.0) - pad, from.0.max(to.0) + pad);
        let (y0, y1) = (from.1.min(to.1) - pad, from.1.max(to.1) + pad);
        let side = INK_SIDE as f64;
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len2 = dx * dx + dy * dy;
        let ys = y0.max(0.0).floor() as usize..(y1.min(side - 1.0).max(-1.0) + 1.0).floor().max(0.0) as usize;
        for y in ys {
            let xs = x0.max(0.0).floor() as usize..(x1.min(side - 1.0).max(-1.0) + 1.0).floor().max(0.0) as usize;
            for x in xs {
                let (px, py) = (x as f64 + 0.5, y as f64 + 0.5);
                let t = if len2 > 0.0 { (((px - from.0) * dx + (py - from.1) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
                let (cx, cy) = (from.0 + t * dx, from.1 + t * dy);
                let d = ((px - cx).powi(2) + (py - cy).powi(2)).sqrt();
                let level = ((BRUSH + 0.5 - d).clamp(0.0, 1.0) * 255.0).round() as u8;
                let cell = &mut self.pixels[y * INK_SIDE + x];
                *cell = (*cell).max(level);
            }
        }
    }
}

/// Maps a pointer position on the canvas (CSS pixels, canvas `size` CSS pixels square) to ink
/// coordinates.
pub fn to_ink(offset: (f64, f64), size: f64) -> (f64, f64) {
    let k = if size > 0.0 { INK_SIDE as f64 / size } else { 1.0 };
    (offset.0 * k, offset.1 * k)
}

/// How the training form trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainMode {
    /// fp32 from scratch with the seed's recipe; the table then shows every scheme applied
    /// after training (post-training quantization).
    Ptq,
    /// Quantization-aware, fine-tuned from the current fp32 weights (the default QAT).
    QatFineTune,
    /// Quantization-aware from scratch (the lesson: it converges slowly at the seed's lr).
    QatScratch,
}

impl TrainMode {
    /// Every mode, in the form's order.
    pub const ALL: [TrainMode; 3] = [TrainMode::Ptq, TrainMode::QatFineTune, TrainMode::QatScratch];

    /// The form's value.
    pub fn id(self) -> &'static str {
        match self {
            TrainMode::Ptq => "ptq",
            TrainMode::QatFineTune => "qat",
            TrainMode::QatScratch => "qat-scratch",
        }
    }

    /// The form's label, in the language of `t`.
    pub fn label(self, t: &crate::i18n::MnistText) -> &'static str {
        t.modes[self as usize]
    }

    /// Parses [`TrainMode::id`].
    pub fn parse(id: &str) -> Option<TrainMode> {
        TrainMode::ALL.into_iter().find(|m| m.id() == id)
    }
}

/// The training form as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainForm {
    /// Seed.
    pub seed: String,
    /// Epochs.
    pub epochs: String,
    /// Learning rate.
    pub lr: String,
    /// Momentum.
    pub momentum: String,
    /// Batch size.
    pub batch: String,
    /// PTQ or QAT.
    pub mode: TrainMode,
    /// The QAT scheme of each layer (`float32` keeps a layer plain).
    pub layers: [MnistScheme; 3],
}

impl Default for TrainForm {
    /// The seed's recipe; QAT layers ternary (BitNet's seed, 003).
    fn default() -> Self {
        TrainForm {
            seed: "0".into(),
            epochs: "4".into(),
            lr: "0.01".into(),
            momentum: "0.5".into(),
            batch: "64".into(),
            mode: TrainMode::Ptq,
            layers: [MnistScheme::Ternary; 3],
        }
    }
}

/// The schemes a layer may train in (QAT): float32 plus lowbit-mnist's QAT schemes.
pub fn qat_choices() -> Vec<MnistScheme> {
    std::iter::once(MnistScheme::Float32).chain(QAT_SCHEMES).collect()
}

impl TrainForm {
    /// The job the form describes, or a message in `w`'s language naming the field that is
    /// wrong (the worker's trainer checks the ranges again).
    pub fn job(&self, w: &MnistWords) -> Result<MnistTrainJob, String> {
        let [bad_seed, bad_epochs, bad_lr, bad_momentum, bad_batch] = w.bad_field;
        let seed = self.seed.trim().parse::<u64>().map_err(|_| bad_seed(self.seed.trim()))?;
        let epochs = self.epochs.trim().parse::<usize>().ok().filter(|e| (1..=100).contains(e)).ok_or_else(|| bad_epochs(self.epochs.trim()))?;
        let lr = self.lr.trim().parse::<f32>().ok().filter(|v| v.is_finite() && *v > 0.0 && *v <= 10.0).ok_or_else(|| bad_lr(self.lr.trim()))?;
        let momentum = self.momentum.trim().parse::<f32>().ok().filter(|v| (0.0..1.0).contains(v)).ok_or_else(|| bad_momentum(self.momentum.trim()))?;
        let batch = self.batch.trim().parse::<usize>().ok().filter(|b| (1..=8000).contains(b)).ok_or_else(|| bad_batch(self.batch.trim()))?;
        let qat = match self.mode {
            TrainMode::Ptq => None,
            _ => {
                if self.layers.iter().all(|s| *s == MnistScheme::Float32) {
                    return Err(w.qat_needs_scheme.into());
                }
                Some(self.layers.map(|s| s.id().to_string()))
            }
        };
        let start = if self.mode == TrainMode::QatFineTune { TrainStart::Current } else { TrainStart::Scratch };
        Ok(MnistTrainJob { seed, epochs, lr, momentum, batch, qat, start })
    }
}

/// The training log as a file: epoch, mean loss and test accuracy (percent), in full; the
/// column names in the language of `t`.
pub fn epochs_export(epochs: &[EpochLine], t: &crate::i18n::MnistText) -> Table {
    Table {
        headers: t.epochs_export.map(String::from).to_vec(),
        rows: epochs.iter().map(|e| vec![e.epoch.to_string(), e.loss.to_string(), e.accuracy.to_string()]).collect(),
    }
}

/// Every scheme's answer for a digit as a file: scheme, prediction and, with `logits`, the
/// ten logits in full (JavaScript's shortest round-trip text of each f32); the column names
/// in the language of `t`.
pub fn logits_export(rows: &[SchemeLogits], logits: bool, t: &crate::i18n::MnistText) -> Table {
    let mut headers = t.logits_export.map(String::from).to_vec();
    if logits {
        headers.extend((0..10).map(t.logit));
    }
    Table {
        headers,
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![r.scheme.clone(), r.digit.to_string()];
                if logits {
                    row.extend(r.logits.iter().map(|&v| lowbit_core::decimal::js_string(v as f64)));
                }
                row
            })
            .collect(),
    }
}

/// Test accuracy of every scheme against its bits per parameter, the chosen scheme
/// highlighted (`data-testid="mnist-chart"`).
#[derive(Clone, Debug, PartialEq)]
pub struct AccuracyPlot {
    /// (scheme id, bits per parameter, accuracy in percent) per scheme.
    pub points: Vec<(String, f64, f64)>,
    /// The highlighted scheme.
    pub chosen: String,
    /// The axis titles (bits per parameter, accuracy), in the view's language.
    pub axes: [&'static str; 2],
}

impl AccuracyPlot {
    /// The chart of a scored table, its axes titled in `tr`'s language.
    pub fn of(table: &MnistTable, chosen: &str, tr: &MnistText) -> AccuracyPlot {
        AccuracyPlot { points: table.rows.iter().map(|r| (r.scheme.clone(), r.bits_per_parameter, r.accuracy)).collect(), chosen: chosen.to_string(), axes: tr.accuracy_axes }
    }

    /// The chart's text summary, for screen readers and print, in `tr`'s language: how many
    /// schemes, the most accurate (the first on ties) and the chosen one, each with its
    /// accuracy and bits per parameter as the table shows them.
    pub fn summary(&self, tr: &MnistText) -> String {
        let point = |(scheme, bits, accuracy): &(String, f64, f64)| {
            (tr.accuracy_point)(scheme, &fixed(*accuracy, 2), &fixed(*bits, 3))
        };
        let best = self.points.iter().fold(None::<&(String, f64, f64)>, |best, p| match best {
            Some(b) if b.2 >= p.2 => Some(b),
            _ => Some(p),
        });
        let chosen = self.points.iter().find(|p| p.0 == self.chosen);
        let text = |p: Option<&(String, f64, f64)>| p.map_or_else(|| "—".to_string(), point);
        (tr.accuracy_summary)(self.points.len(), &text(best), &text(chosen))
    }
}

impl Chart for AccuracyPlot {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String> {
        let points: Vec<AccuracyPoint<'_>> = self
            .points
            .iter()
            .map(|(label, bits, accuracy)| AccuracyPoint { label, bits: *bits, accuracy: *accuracy, highlight: *label == self.chosen })
            .collect();
        draw_accuracy_chart(area, &points, lowbit_charts::AxisTitles { x: self.axes[0], y: self.axes[1] }, scale).map_err(|e| e.to_string())?;
        Ok(whole_area(area))
    }
}

/// One layer's weight histogram with the values `scheme` stores overlaid
/// (`data-testid="mnist-histogram-N"`), its legend in `tr`'s language.
pub fn layer_chart(scheme: &str, layer: &LayerHistogram, tr: &MnistText) -> LevelsChart {
    let overlay_label = if layer.levels.is_empty() { (tr.layer_outline)(scheme, layer.distinct) } else { (tr.layer_lines)(scheme, layer.distinct) };
    LevelsChart {
        title: layer.name.clone(),
        lo: layer.lo as f64,
        hi: layer.hi as f64,
        counts: layer.counts.clone(),
        levels: layer.levels.clone(),
        level_counts: layer.level_counts.clone(),
        overlay_label,
        axis_titles: tr.histogram_axes,
    }
}

/// A layer histogram's text summary, for screen readers and print, in `tr`'s language: the
/// weights counted, the layer, the bins' range and the legend of `scheme`'s stored values.
pub fn layer_summary(scheme: &str, layer: &LayerHistogram, tr: &MnistText) -> String {
    let chart = layer_chart(scheme, layer, tr);
    let weights: u64 = layer.counts.iter().map(|&c| u64::from(c)).sum();
    (tr.layer_summary)(
        &grouped(weights),
        &layer.name,
        &compact(chart.lo),
        &compact(chart.hi),
        chart.counts.len(),
        &chart.overlay_label,
    )
}

/// A canvas's backing store for a CSS size at a device-pixel ratio (1 to 4), at least 1 × 1.
pub fn backing_size(css_width: f64, css_height: f64, device_pixel_ratio: f64) -> (u32, u32, f64) {
    let ratio = if device_pixel_ratio.is_finite() { device_pixel_ratio.clamp(1.0, 4.0) } else { 1.0 };
    let px = |css: f64| if css.is_finite() { (css * ratio).round().clamp(1.0, 16384.0) as u32 } else { 1 };
    (px(css_width), px(css_height), ratio)
}

/// Index of the largest logit (the first on ties), as the worker's prediction.
pub fn top(logits: &[f32]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, v) in logits.iter().enumerate() {
        if best.is_none_or(|b| *v > logits[b]) {
            best = Some(i);
        }
    }
    best
}

/// Whether safetensors bytes hold a data file (a tensor named `images`) rather than weights:
/// the header (8-byte little-endian length, then JSON) is searched for the key, no parsing.
pub fn looks_like_data(bytes: &[u8]) -> bool {
    let Some(len) = bytes.get(..8).map(|b| u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])) else { return false };
    let end = 8usize.saturating_add(usize::try_from(len).unwrap_or(usize::MAX)).min(bytes.len());
    let header = &bytes[8.min(end)..end];
    header.windows(8).any(|w| w == b"\"images\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lowbit_jobs::mnist::MnistRow;
    use lowbit_mnist::ALL_SCHEMES;

    #[test]
    fn data_files_are_told_from_weights_by_their_header() {
        let header = br#"{"images":{"dtype":"U8","shape":[1,784],"data_offsets":[0,784]}}"#;
        let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
        bytes.extend_from_slice(header);
        assert!(looks_like_data(&bytes));
        let header = br#"{"model.0.weight":{}}"#;
        let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
        bytes.extend_from_slice(header);
        assert!(!looks_like_data(&bytes));
        assert!(!looks_like_data(&[1, 2]));
        assert!(!looks_like_data(&[0xFF; 16]));
    }

    #[test]
    fn the_seed_rows_carry_the_article_figures() {
        let row = |scheme: &str| MnistRow { scheme: scheme.into(), accuracy: 90.0, agree_with_fp32: 1.0, size_kb: 1.0, true_size_kb: 1.0, bits_per_parameter: 4.0, multiplies: 0, adds: 0, integer_adds: 0 };
        let table = MnistTable { rows: ALL_SCHEMES.iter().map(|s| row(s.id())).collect(), digits: 2000, weights_name: "w".into(), seconds: 0.0 };
        let rows = table_rows(&table, MnistScheme::Nf4);
        let marked: Vec<&str> = rows.iter().filter(|r| r.article.is_some()).map(|r| r.scheme.as_str()).collect();
        assert_eq!(marked, ["float32", "int8_rowwise", "fp4_bnb", "nf4"]);
        assert_eq!(rows.iter().filter(|r| r.chosen).count(), 1);
        assert_eq!(article_figures("float32"), Some(("96.01", "427.2890625")));
        let export = table_export(&rows, crate::i18n::Lang::En.mnist());
        assert_eq!(table_export(&rows, crate::i18n::Lang::Ru.mnist()).headers[1], "точность %");
        assert_eq!(export.rows.len(), ALL_SCHEMES.len());
        assert!(export.rows.iter().all(|r| r.len() == export.headers.len()));
        let fp32 = export.rows.iter().find(|r| r[0] == "float32").unwrap();
        assert_eq!(fp32[1..3], ["90", "1"]);
        assert_eq!(fp32[8..], ["96.01", "427.2890625"]);
    }

    #[test]
    fn the_charts_export_as_svg() {
        let row = |scheme: &str, bits: f64, accuracy: f64| MnistRow { scheme: scheme.into(), accuracy, agree_with_fp32: 1.0, size_kb: 1.0, true_size_kb: 1.0, bits_per_parameter: bits, multiplies: 0, adds: 0, integer_adds: 0 };
        let table = MnistTable { rows: vec![row("float32", 32.0, 96.0), row("nf4", 4.13, 95.5)], digits: 2000, weights_name: "w".into(), seconds: 0.0 };
        let svg = AccuracyPlot::of(&table, "nf4", crate::i18n::Lang::En.mnist()).svg(640, 300).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("nf4") && svg.contains("float32"), "{svg}");
        let layer = LayerHistogram { name: "model.0.weight".into(), lo: -1.0, hi: 1.0, counts: vec![1, 4, 9, 4, 1], levels: vec![-0.5, 0.0, 0.5], level_counts: vec![0, 7, 5, 7, 0], distinct: 3 };
        let chart = layer_chart("int4_absmax", &layer, crate::i18n::Lang::En.mnist());
        assert_eq!(chart.overlay_label, "int4_absmax: 3 stored values (lines)");
        let svg = chart.svg(640, 220).unwrap();
        let answers =
            [SchemeLogits { scheme: "nf4".into(), logits: (0..10).map(|d| d as f32 * 0.1).collect(), digit: 9 }];
        let full = logits_export(&answers, true, crate::i18n::Lang::En.mnist());
        let ru = logits_export(&answers, true, crate::i18n::Lang::Ru.mnist());
        assert_eq!((ru.headers[1].as_str(), ru.headers[2].as_str()), ("предсказание", "логит 0"));
        assert_eq!((full.headers.len(), full.rows[0].len()), (12, 12));
        assert_eq!(full.rows[0][..3], ["nf4", "9", "0"]);
        assert_eq!(full.rows[0][3], "0.10000000149011612", "the f32 in full");
        assert_eq!(logits_export(&answers, false, crate::i18n::Lang::En.mnist()).rows, [["nf4", "9"]]);
        let log =
            epochs_export(&[EpochLine { epoch: 1, loss: 0.4321, accuracy: 91.25 }], crate::i18n::Lang::En.mnist());
        assert_eq!(
            epochs_export(&[], crate::i18n::Lang::De.mnist()).headers,
            ["Epoche", "Verlust", "Testgenauigkeit (%)"]
        );
        assert_eq!(log.rows, [["1", "0.4321", "91.25"]]);
        assert!(svg.contains("model.0.weight") && svg.contains("3 stored values"), "{svg:.300}");
    }

    #[test]
    fn the_charts_have_text_summaries() {
        let row = |scheme: &str, bits: f64, accuracy: f64| MnistRow {
            scheme: scheme.into(),
            accuracy,
            agree_with_fp32: 1.0,
            size_kb: 1.0,
            true_size_kb: 1.0,
            bits_per_parameter: bits,
            multiplies: 0,
            adds: 0,
            integer_adds: 0,
        };
        let table = MnistTable {
            rows: vec![row("float32", 32.0, 96.01), row("nf4", 4.125, 95.5), row("int8_absmax", 8.0, 96.01)],
            digits: 2000,
            weights_name: "w".into(),
            seconds: 0.0,
        };
        let en = crate::i18n::Lang::En.mnist();
        assert_eq!(
            AccuracyPlot::of(&table, "nf4", en).summary(en),
            "Test accuracy of 3 schemes against their bits per parameter. Most accurate: float32, 96.01 % at 32.000 bits per parameter. Chosen: nf4, 95.50 % at 4.125 bits per parameter."
        );
        let ru = crate::i18n::Lang::Ru.mnist();
        let summary = AccuracyPlot::of(&table, "nf4", ru).summary(ru);
        assert!(
            summary.contains("float32, 96.01 %") && summary.contains("nf4, 95.50 %") && !summary.contains("accuracy"),
            "{summary}"
        );
        let layer = LayerHistogram {
            name: "model.0.weight".into(),
            lo: -1.0,
            hi: 1.0,
            counts: vec![1, 4, 9, 4, 1_000],
            levels: vec![-0.5, 0.0, 0.5],
            level_counts: vec![0, 7, 5, 7, 0],
            distinct: 3,
        };
        assert_eq!(
            layer_summary("int4_absmax", &layer, en),
            "Histogram of the 1,018 weights of model.0.weight from -1 to 1 in 5 bins; int4_absmax: 3 stored values (lines)."
        );
        let de = layer_summary("int4_absmax", &layer, crate::i18n::Lang::De.mnist());
        assert!(de.starts_with("Histogramm der 1,018 Gewichte von model.0.weight von -1 bis 1 in 5 Klassen"), "{de}");
    }

    #[test]
    fn strokes_paint_inside_the_grid_only() {
        let mut g = InkGrid::default();
        assert!(g.is_blank());
        g.stroke((-50.0, -50.0), (-40.0, -40.0));
        assert!(g.is_blank());
        g.stroke((10.0, 10.0), (100.0, 10.0));
        let row = &g.pixels[10 * INK_SIDE..11 * INK_SIDE];
        assert!(row[10..100].iter().all(|&p| p == 255), "{row:?}");
        assert_eq!(g.pixels[30 * INK_SIDE + 50], 0);
        g.stroke((200.0, 200.0), (111.9, 111.9));
        assert_eq!(g.pixels[INK_SIDE * INK_SIDE - 1], 255);
        g.stroke((f64::NAN, 0.0), (1.0, 1.0));
        g.clear();
        assert!(g.is_blank());
        assert_eq!(to_ink((140.0, 70.0), 280.0), (56.0, 28.0));
    }

    #[test]
    fn the_form_becomes_a_job_or_names_the_field() {
        let job = TrainForm::default().job(crate::i18n::Lang::En.mnist_words()).unwrap();
        assert_eq!((job.seed, job.epochs, job.lr, job.momentum, job.batch, job.qat.clone(), job.start), (0, 4, 0.01, 0.5, 64, None, TrainStart::Scratch));
        let qat = TrainForm { mode: TrainMode::QatFineTune, ..TrainForm::default() }.job(crate::i18n::Lang::En.mnist_words()).unwrap();
        assert_eq!((qat.qat.unwrap()[0].as_str(), qat.start), ("ternary", TrainStart::Current));
        for (field, f) in [
            ("epochs", TrainForm { epochs: "0".into(), ..TrainForm::default() }),
            ("learning rate", TrainForm { lr: "x".into(), ..TrainForm::default() }),
            ("momentum", TrainForm { momentum: "1".into(), ..TrainForm::default() }),
            ("batch", TrainForm { batch: "-1".into(), ..TrainForm::default() }),
            ("seed", TrainForm { seed: "1.5".into(), ..TrainForm::default() }),
            ("QAT", TrainForm { mode: TrainMode::QatScratch, layers: [MnistScheme::Float32; 3], ..TrainForm::default() }),
        ] {
            let e = f.job(crate::i18n::Lang::En.mnist_words()).unwrap_err();
            assert!(e.contains(field), "{field}: {e}");
        }
        assert_eq!((grouped(109_184), grouped(202), grouped(1_000), grouped(0)), ("109,184".into(), "202".into(), "1,000".into(), "0".into()));
        assert_eq!(top(&[0.1, 3.0, 3.0]), Some(1));
    }
}
