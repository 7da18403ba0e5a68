//! The MNIST lab's charts: test accuracy against bits per parameter (one labelled point per
//! scheme), and a layer's weight histogram with the values a scheme stores overlaid.
//!
//! Same conventions as the signal charts: any backend, sizes in CSS pixels times `scale`,
//! text drawn by the backend, nothing measured.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, ShapeStyle, TextStyle};

use crate::layout::px;
use crate::palette;
use crate::ticks::{ticks, TickStyle};
use crate::{AxisTitles, ChartError};

/// One scheme on the accuracy chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccuracyPoint<'a> {
    /// The scheme id, written beside the point.
    pub label: &'a str,
    /// True bits per parameter (x).
    pub bits: f64,
    /// Test accuracy in percent (y).
    pub accuracy: f64,
    /// Drawn highlighted (the chosen scheme).
    pub highlight: bool,
}

/// A histogram with an overlay.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Histogram<'a> {
    /// Title drawn at the top left (`model.0.weight`).
    pub title: &'a str,
    /// Lower edge of the first bin.
    pub lo: f64,
    /// Upper edge of the last bin.
    pub hi: f64,
    /// The weights per bin (bars).
    pub counts: &'a [u32],
    /// The scheme's stored values, drawn as vertical lines (may be empty).
    pub levels: &'a [f32],
    /// The dequantized weights per bin, drawn as an outline when `levels` is empty.
    pub level_counts: &'a [u32],
    /// Legend of the overlay (`nf4: 1,234 distinct values`).
    pub overlay_label: &'a str,
    /// The axis titles ("weight value", "weights"; "value", "values" for numbers that are
    /// not weights).
    pub titles: AxisTitles<'a>,
}


/// The current theme's ink, borrowed by text styles.
fn ink() -> &'static RGBColor {
    use palette::ChartTheme;
    static INKS: [RGBColor; 3] =
        [ChartTheme::Light.chrome().ink.rgb_color(), ChartTheme::Dark.chrome().ink.rgb_color(), ChartTheme::Contrast.chrome().ink.rgb_color()];
    &INKS[palette::theme() as usize]
}

fn font(size: f64, color: &RGBColor) -> TextStyle<'_> {
    TextStyle::from(FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)).color(color)
}

struct Frame {
    left: i32,
    top: i32,
    right: i32,
    bottom: i32,
}

impl Frame {
    fn x(&self, v: f64, lo: f64, hi: f64) -> i32 {
        let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
        self.left + (t * (self.right - self.left) as f64).round() as i32
    }

    fn y(&self, v: f64, lo: f64, hi: f64) -> i32 {
        let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
        self.bottom - (t * (self.bottom - self.top) as f64).round() as i32
    }
}

fn axes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    f: &Frame,
    x: (f64, f64),
    y: (f64, f64),
    labels: (&str, &str),
    s: f64,
) -> Result<(), ChartError<DB::ErrorType>> {
    let grid = ShapeStyle::from(palette::chrome().grid.rgb_color()).stroke_width(1);
    let axis = ShapeStyle::from(palette::chrome().axis.rgb_color()).stroke_width(s.round().max(1.0) as u32);
    let tick_font = font(px::FONT_TICK * s, ink());
    for t in ticks(x.0, x.1, 8, TickStyle::Decimal) {
        let px_x = f.x(t.value, x.0, x.1);
        area.draw(&PathElement::new(vec![(px_x, f.top), (px_x, f.bottom)], grid))?;
        let style = tick_font.pos(Pos::new(HPos::Center, VPos::Top));
        area.draw_text(&t.label, &style, (px_x, f.bottom + (px::TICK_GAP * s) as i32))?;
    }
    for t in ticks(y.0, y.1, 6, TickStyle::Decimal) {
        let px_y = f.y(t.value, y.0, y.1);
        area.draw(&PathElement::new(vec![(f.left, px_y), (f.right, px_y)], grid))?;
        let style = tick_font.pos(Pos::new(HPos::Right, VPos::Center));
        area.draw_text(&t.label, &style, (f.left - (px::TICK_GAP * s) as i32, px_y))?;
    }
    area.draw(&PathElement::new(vec![(f.left, f.top), (f.left, f.bottom), (f.right, f.bottom)], axis))?;
    let label_font = font(px::FONT_LABEL * s, ink());
    let (_, h) = area.dim_in_pixel();
    area.draw_text(labels.0, &label_font.pos(Pos::new(HPos::Center, VPos::Bottom)), ((f.left + f.right) / 2, h as i32 - (2.0 * s) as i32))?;
    if !labels.1.is_empty() {
        let rotated = label_font.transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw_text(labels.1, &rotated, ((2.0 * s) as i32, (f.top + f.bottom) / 2))?;
    }
    Ok(())
}

/// Accuracy (y, percent) against bits per parameter (x, log₂ scale labelled in bits), one
/// labelled point per scheme.
///
/// # Errors
/// [`ChartError::Drawing`] if the backend fails.
pub fn draw_accuracy_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    points: &[AccuracyPoint<'_>],
    titles: AxisTitles<'_>,
    scale: f64,
) -> Result<(), ChartError<DB::ErrorType>> {
    let s = if scale.is_finite() && scale > 0.0 { scale.clamp(0.25, 8.0) } else { 1.0 };
    area.fill(&palette::chrome().background.rgb_color())?;
    let (w, h) = area.dim_in_pixel();
    let f = Frame {
        left: (56.0 * s) as i32,
        top: (12.0 * s) as i32,
        right: w as i32 - (24.0 * s) as i32,
        bottom: h as i32 - (44.0 * s) as i32,
    };
    // x: log2 of bits per parameter; ticks at 1, 2, 4, 8, 16, 32.
    let finite: Vec<&AccuracyPoint<'_>> = points.iter().filter(|p| p.bits > 0.0 && p.bits.is_finite() && p.accuracy.is_finite()).collect();
    let x = (0.0f64, 5.2f64);
    let y_lo = finite.iter().map(|p| p.accuracy).fold(f64::INFINITY, f64::min);
    let y_hi = finite.iter().map(|p| p.accuracy).fold(f64::NEG_INFINITY, f64::max);
    let y = if y_lo <= y_hi { ((y_lo - 2.0).floor().max(0.0), (y_hi + 1.0).ceil().min(100.0)) } else { (0.0, 100.0) };
    // y grid and labels from the decimal ticks; x ticks drawn here (powers of two).
    axes(area, &f, (f64::NAN, f64::NAN), y, (titles.x, titles.y), s)?;
    let tick_font = font(px::FONT_TICK * s, ink());
    let grid = ShapeStyle::from(palette::chrome().grid.rgb_color()).stroke_width(1);
    for e in 0..=5 {
        let px_x = f.x(e as f64, x.0, x.1);
        area.draw(&PathElement::new(vec![(px_x, f.top), (px_x, f.bottom)], grid))?;
        area.draw_text(&format!("{}", 1u32 << e), &tick_font.pos(Pos::new(HPos::Center, VPos::Top)), (px_x, f.bottom + (4.0 * s) as i32))?;
    }
    let label_font = font(11.0 * s, ink());
    // Points first; then labels, the highlighted one first, each skipped when its box would
    // overlap a label already drawn (close points: the table has every figure).
    let mut order: Vec<&&AccuracyPoint<'_>> = finite.iter().collect();
    order.sort_by_key(|p| !p.highlight);
    let mut boxes: Vec<(i32, i32, i32, i32)> = Vec::new();
    for p in &finite {
        let color = if p.highlight { palette::series_color(1).rgb_color() } else { palette::series_color(0).rgb_color() };
        let r = ((if p.highlight { 6.0 } else { 4.0 }) * s) as i32;
        area.draw(&Circle::new((f.x(p.bits.log2(), x.0, x.1), f.y(p.accuracy, y.0, y.1)), r, ShapeStyle::from(color).filled()))?;
    }
    let line = (13.0 * s) as i32;
    for p in order {
        let cx = f.x(p.bits.log2(), x.0, x.1);
        let cy = f.y(p.accuracy, y.0, y.1);
        let w = crate::layout::text_width(p.label, 11.0 * s) as i32;
        // Try right-above, right-below, left-above.
        let candidates = [(cx + 6, cy - line - 2), (cx + 6, cy + 4), (cx - w - 6, cy - line - 2)];
        let free = candidates.into_iter().find(|&(x0, y0)| {
            x0 >= f.left && x0 + w <= f.right + (20.0 * s) as i32 && !boxes.iter().any(|&(a, b, c, d)| x0 < c && a < x0 + w && y0 < d && b < y0 + line)
        });
        if let Some((x0, y0)) = free {
            area.draw_text(p.label, &label_font.pos(Pos::new(HPos::Left, VPos::Top)), (x0, y0))?;
            boxes.push((x0, y0, x0 + w, y0 + line));
        }
    }
    Ok(())
}

/// A layer's weight histogram (bars) with the scheme's stored values: vertical lines when
/// there are few, else the histogram of the dequantized weights as an outline.
///
/// # Errors
/// [`ChartError::Input`] when `level_counts` and `counts` differ in length;
/// [`ChartError::Drawing`] if the backend fails.
pub fn draw_histogram<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    h: &Histogram<'_>,
    scale: f64,
) -> Result<(), ChartError<DB::ErrorType>> {
    if !h.level_counts.is_empty() && h.level_counts.len() != h.counts.len() {
        return Err(ChartError::Input(format!("{} overlay bins for {} bins", h.level_counts.len(), h.counts.len())));
    }
    let s = if scale.is_finite() && scale > 0.0 { scale.clamp(0.25, 8.0) } else { 1.0 };
    area.fill(&palette::chrome().background.rgb_color())?;
    let (w, hgt) = area.dim_in_pixel();
    let f = Frame {
        left: (52.0 * s) as i32,
        top: (38.0 * s) as i32,
        right: w as i32 - (12.0 * s) as i32,
        bottom: hgt as i32 - (40.0 * s) as i32,
    };
    let (lo, hi) = if h.lo < h.hi { (h.lo, h.hi) } else { (h.lo - 1.0, h.lo + 1.0) };
    let max = h.counts.iter().chain(if h.levels.is_empty() { h.level_counts } else { &[] }).copied().max().unwrap_or(1).max(1) as f64;
    axes(area, &f, (lo, hi), (0.0, max * 1.05), (h.titles.x, h.titles.y), s)?;
    let bar = palette::chrome().original.rgb_color();
    let n = h.counts.len().max(1);
    for (i, &c) in h.counts.iter().enumerate() {
        let x0 = f.x(lo + (hi - lo) * i as f64 / n as f64, lo, hi);
        let x1 = f.x(lo + (hi - lo) * (i + 1) as f64 / n as f64, lo, hi);
        let y = f.y(c as f64, 0.0, max * 1.05);
        if c > 0 {
            area.draw(&Rectangle::new([(x0, y), (x1.max(x0 + 1), f.bottom)], ShapeStyle::from(bar).filled()))?;
        }
    }
    let overlay = palette::series_color(1).rgb_color();
    let line = ShapeStyle::from(overlay).stroke_width((1.5 * s).round().max(1.0) as u32);
    if !h.levels.is_empty() {
        for &v in h.levels {
            let x = f.x(v as f64, lo, hi);
            area.draw(&PathElement::new(vec![(x, f.top), (x, f.bottom)], line))?;
        }
    } else if !h.level_counts.is_empty() {
        let mut path = Vec::with_capacity(2 * n + 2);
        path.push((f.left, f.bottom));
        for (i, &c) in h.level_counts.iter().enumerate() {
            let x0 = f.x(lo + (hi - lo) * i as f64 / n as f64, lo, hi);
            let x1 = f.x(lo + (hi - lo) * (i + 1) as f64 / n as f64, lo, hi);
            let y = f.y(c as f64, 0.0, max * 1.05);
            path.push((x0, y));
            path.push((x1, y));
        }
        path.push((f.right, f.bottom));
        area.draw(&PathElement::new(path, line))?;
    }
    let title = font(px::FONT_LEGEND * s, ink());
    area.draw_text(h.title, &title.pos(Pos::new(HPos::Left, VPos::Top)), ((4.0 * s) as i32, (2.0 * s) as i32))?;
    let legend = font(11.0 * s, &overlay);
    area.draw_text(h.overlay_label, &legend.pos(Pos::new(HPos::Left, VPos::Top)), ((4.0 * s) as i32, (18.0 * s) as i32))?;
    Ok(())
}
