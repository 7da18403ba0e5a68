//! # lowbit-charts
//!
//! Lowbit's two signal charts, drawn with [plotters] on ANY [`DrawingBackend`]: the web app
//! draws them on a `<canvas>` (plotters-canvas), the tests into an SVG string.
//!
//! * [`draw_signal_plot`]: the original signal and its reconstructions, as step lines so the
//!   quantization levels are visible.
//! * [`draw_error_plot`]: per-sample error curves, absolute or relative.
//! * [`mnist`]: the MNIST lab's accuracy-vs-bits chart and weight histograms.
//!
//! * [`compare`]: the Compare view's number line and relative-spacing (ULP / |x|) charts.
//!
//! The signal charts return a [`PlotMapping`] that turns a pointer position into a sample index for hover
//! read-outs. Colours come from [`palette`], which the app also uses for its legend and table,
//! as CSS hex strings.
//!
//! ## Text, fonts and size
//! The crate enables no plotters feature at all: no font files, no `ttf`/`font-kit`, no
//! bitmap backend. Text is drawn by the backend itself (the canvas backend calls the
//! browser's `fillText`, the SVG backend writes `<text>` elements), and the layout never
//! measures text (it uses a generous per-character estimate), so drawing never touches the
//! DOM for measurements.
//!
//! ## HiDPI
//! Draw at device resolution: give the canvas a backing store of `css size × devicePixelRatio`
//! (plotters-canvas 0.3.1 takes its size from `canvas.width/height`) and pass the ratio as
//! `scale`; line widths, fonts, margins and tick spacing are multiplied by it. The returned
//! mapping is then in device pixels: multiply the pointer's CSS offset by the same ratio.
//!
//! ```ignore
//! // In the app (web-sys + plotters-canvas 0.3.1):
//! let dpr = window.device_pixel_ratio();
//! canvas.set_width((css_width * dpr).round() as u32);
//! canvas.set_height((css_height * dpr).round() as u32);
//! let root = CanvasBackend::with_canvas_object(canvas).unwrap().into_drawing_area();
//! let mut plot = SignalPlot::new(&x, &original, &series);
//! plot.scale = dpr;
//! let mapping = draw_signal_plot(&root, &plot)?;
//! // on pointermove:
//! let i = mapping.index_at_point(ev.offset_x() as f64 * dpr, ev.offset_y() as f64 * dpr);
//! ```
//!
//! ## Example
//! ```
//! use lowbit_charts::plotters::prelude::*;
//! use lowbit_charts::{draw_signal_plot, series_color, Series, SignalPlot, TickStyle};
//!
//! let n = 256;
//! let x: Vec<f64> = (0..n).map(|k| k as f64 * (4.0 * std::f64::consts::PI / n as f64)).collect();
//! let original: Vec<f32> = x.iter().map(|x| x.sin() as f32).collect();
//! let q: Vec<f32> = original.iter().map(|v| (v * 7.0).round() / 7.0).collect();
//! let series = [Series { label: "int4-like", color: series_color(0).rgb_color(), values: &q }];
//! let mut plot = SignalPlot::new(&x, &original, &series);
//! plot.x_ticks = TickStyle::Pi;
//!
//! let mut svg = String::new();
//! let mapping = {
//!     let root = SVGBackend::with_string(&mut svg, (800, 320)).into_drawing_area();
//!     draw_signal_plot(&root, &plot).unwrap()
//! };
//! assert!(svg.contains("int4-like"));
//! let i = mapping.index_at(mapping.sample_px(100).unwrap()).unwrap();
//! assert_eq!(i, 100);
//! ```
#![warn(missing_docs)]

pub mod compare;
pub mod mapping;
pub mod mnist;
pub mod palette;
pub mod ticks;

mod layout;
mod path;

pub use mapping::{PixelRect, PlotMapping};
pub use palette::{series_color, series_css, ChartTheme, PaletteColor};
pub use plotters;
pub use ticks::{Tick, TickStyle};

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{
    FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, ShapeStyle, TextStyle,
};

use layout::{px, text_width};

/// A chart's axis titles, in the caller's language (the charts draw no words of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AxisTitles<'a> {
    /// Under the x axis.
    pub x: &'a str,
    /// Beside the y axis (drawn rotated).
    pub y: &'a str,
}

/// One reconstruction (signal plot) or error curve (error plot).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Series<'a> {
    /// Legend text, e.g. `"fp4_bnb b64"`.
    pub label: &'a str,
    /// Line colour; take it from [`palette::series_color`] so the app's table matches.
    pub color: RGBColor,
    /// One value per x; non-finite values leave a gap.
    pub values: &'a [f32],
}

/// Everything [`draw_signal_plot`] draws. Build with [`SignalPlot::new`] and adjust fields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SignalPlot<'a> {
    /// Sample positions, finite and non-decreasing (e.g. the phase in radians).
    pub x: &'a [f64],
    /// The original signal, one value per x; drawn as a smooth grey line. May be empty to
    /// draw only the series.
    pub original: &'a [f32],
    /// Legend text for the original.
    pub original_label: &'a str,
    /// The reconstructions, drawn in order on top of the original.
    pub series: &'a [Series<'a>],
    /// Draw the reconstructions as steps (each sample held until the next x), so
    /// quantization levels show as flat runs. The x axis then ends one sample spacing after
    /// the last x (4π for the seed's sine).
    pub step: bool,
    /// X axis title.
    pub x_label: &'a str,
    /// Y axis title.
    pub y_label: &'a str,
    /// Tick placement on the x axis ([`TickStyle::Pi`] for phases in radians).
    pub x_ticks: TickStyle,
    /// Fixed y range; `None` fits all finite values with a 5 % margin. Values outside a
    /// fixed range are drawn clamped to its edge.
    pub y_range: Option<(f64, f64)>,
    /// HiDPI factor (device pixels per CSS pixel); multiplies line widths, fonts, margins.
    pub scale: f64,
}

impl<'a> SignalPlot<'a> {
    /// A step plot with the default labels (`"original"`, `"x"`, `"value"`), decimal ticks,
    /// a fitted y range and scale 1.
    #[must_use]
    pub fn new(x: &'a [f64], original: &'a [f32], series: &'a [Series<'a>]) -> Self {
        SignalPlot {
            x,
            original,
            original_label: "original",
            series,
            step: true,
            x_label: "x",
            y_label: "value",
            x_ticks: TickStyle::Decimal,
            y_range: None,
            scale: 1.0,
        }
    }
}

/// Everything [`draw_error_plot`] draws. Build with [`ErrorPlot::new`] and adjust fields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorPlot<'a> {
    /// Sample positions, finite and non-decreasing.
    pub x: &'a [f64],
    /// The error curves (already computed: reconstruction − original, |…|, or relative).
    pub series: &'a [Series<'a>],
    /// Whether the values are relative errors; only changes the default y title.
    pub relative: bool,
    /// Draw as steps, like the reconstructions (the default, so that a signal plot and an
    /// error plot built with `new` share their x range and line up when stacked), or as
    /// joined lines.
    pub step: bool,
    /// X axis title.
    pub x_label: &'a str,
    /// Y axis title; `None` gives "absolute error" or "relative error".
    pub y_label: Option<&'a str>,
    /// Tick placement on the x axis.
    pub x_ticks: TickStyle,
    /// Fixed y range; `None` fits all finite values and 0 with a 5 % margin (relative errors
    /// near a zero of the original can be huge: a fixed range such as `(0, 1)` keeps the plot
    /// readable, values beyond it are drawn clamped to its edge).
    pub y_range: Option<(f64, f64)>,
    /// HiDPI factor, as in [`SignalPlot::scale`].
    pub scale: f64,
}

impl<'a> ErrorPlot<'a> {
    /// An absolute-error step plot with default labels, decimal ticks, fitted range, scale 1.
    #[must_use]
    pub fn new(x: &'a [f64], series: &'a [Series<'a>]) -> Self {
        ErrorPlot {
            x,
            series,
            relative: false,
            step: true,
            x_label: "x",
            y_label: None,
            x_ticks: TickStyle::Decimal,
            y_range: None,
            scale: 1.0,
        }
    }
}

/// Why a chart could not be drawn.
#[derive(Debug)]
pub enum ChartError<E: std::error::Error + Send + Sync> {
    /// The data is inconsistent (lengths differ, x not finite or not ascending); the message
    /// says which.
    Input(String),
    /// The backend failed.
    Drawing(DrawingAreaErrorKind<E>),
}

impl<E: std::error::Error + Send + Sync> std::fmt::Display for ChartError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Input(m) => write!(f, "cannot plot: {m}"),
            ChartError::Drawing(e) => write!(f, "drawing failed: {e}"),
        }
    }
}

impl<E: std::error::Error + Send + Sync> std::error::Error for ChartError<E> {}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError<E> {
    fn from(e: DrawingAreaErrorKind<E>) -> Self {
        ChartError::Drawing(e)
    }
}

/// Stroke width of the original signal, in CSS pixels.
pub const ORIGINAL_WIDTH: f64 = 3.0;
/// Stroke width of reconstructions and error curves, in CSS pixels.
pub const SERIES_WIDTH: f64 = 1.5;

/// Draws the original signal and its reconstructions into `area` (which it fills), with
/// grid, axes, tick labels, axis titles and a legend above the data.
///
/// Returns the mapping from the backend's pixels to the data for hover read-outs.
///
/// # Errors
/// [`ChartError::Input`] if `original` (when not empty) or a series does not have one value
/// per x, or x is not finite and non-decreasing; [`ChartError::Drawing`] if the backend fails.
pub fn draw_signal_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &SignalPlot<'_>,
) -> Result<PlotMapping, ChartError<DB::ErrorType>> {
    check_x(plot.x)?;
    if !plot.original.is_empty() {
        check_len(plot.original_label, plot.original.len(), plot.x.len())?;
    }
    for s in plot.series {
        check_len(s.label, s.values.len(), plot.x.len())?;
    }
    let s = sane_scale(plot.scale);
    let mut lines: Vec<Line<'_>> = Vec::with_capacity(plot.series.len() + 1);
    if !plot.original.is_empty() {
        lines.push(Line {
            label: plot.original_label,
            color: palette::chrome().original.rgb_color(),
            values: plot.original,
            width: stroke(ORIGINAL_WIDTH, s),
            step: false,
        });
    }
    for series in plot.series {
        lines.push(Line {
            label: series.label,
            color: series.color,
            values: series.values,
            width: stroke(SERIES_WIDTH, s),
            step: plot.step,
        });
    }
    let y_range = plot
        .y_range
        .map(|(a, b)| (a.min(b), a.max(b)))
        .unwrap_or_else(|| fit_range(lines.iter().map(|l| l.values), false));
    draw_chart(
        area,
        &Chart {
            x: plot.x,
            lines: &lines,
            step: plot.step,
            x_label: plot.x_label,
            y_label: plot.y_label,
            x_ticks: plot.x_ticks,
            y_range,
            zero_line: false,
            scale: s,
        },
    )
}

/// Draws error curves into `area` (which it fills): grid, a y = 0 line, axes, tick labels,
/// titles and a legend above the data.
///
/// # Errors
/// As [`draw_signal_plot`].
pub fn draw_error_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &ErrorPlot<'_>,
) -> Result<PlotMapping, ChartError<DB::ErrorType>> {
    check_x(plot.x)?;
    for s in plot.series {
        check_len(s.label, s.values.len(), plot.x.len())?;
    }
    let s = sane_scale(plot.scale);
    let lines: Vec<Line<'_>> = plot
        .series
        .iter()
        .map(|series| Line {
            label: series.label,
            color: series.color,
            values: series.values,
            width: stroke(SERIES_WIDTH, s),
            step: plot.step,
        })
        .collect();
    let y_range = plot
        .y_range
        .map(|(a, b)| (a.min(b), a.max(b)))
        .unwrap_or_else(|| fit_range(lines.iter().map(|l| l.values), true));
    let y_label = plot.y_label.unwrap_or(if plot.relative {
        "relative error"
    } else {
        "absolute error"
    });
    draw_chart(
        area,
        &Chart {
            x: plot.x,
            lines: &lines,
            step: plot.step,
            x_label: plot.x_label,
            y_label,
            x_ticks: plot.x_ticks,
            y_range,
            zero_line: true,
            scale: s,
        },
    )
}

struct Line<'a> {
    label: &'a str,
    color: RGBColor,
    values: &'a [f32],
    width: u32,
    step: bool,
}

struct Chart<'a> {
    x: &'a [f64],
    lines: &'a [Line<'a>],
    step: bool,
    x_label: &'a str,
    y_label: &'a str,
    x_ticks: TickStyle,
    y_range: (f64, f64),
    zero_line: bool,
    scale: f64,
}

fn check_x<E: std::error::Error + Send + Sync>(x: &[f64]) -> Result<(), ChartError<E>> {
    if let Some(i) = x.iter().position(|v| !v.is_finite()) {
        return Err(ChartError::Input(format!(
            "x[{i}] is {}, not a finite number",
            x[i]
        )));
    }
    if let Some(i) = x.windows(2).position(|w| w[1] < w[0]) {
        return Err(ChartError::Input(format!(
            "x must be non-decreasing, but x[{}] = {} < x[{i}] = {}",
            i + 1,
            x[i + 1],
            x[i]
        )));
    }
    Ok(())
}

fn check_len<E: std::error::Error + Send + Sync>(
    label: &str,
    len: usize,
    n: usize,
) -> Result<(), ChartError<E>> {
    if len == n {
        Ok(())
    } else {
        Err(ChartError::Input(format!(
            "'{label}' has {len} values but x has {n}"
        )))
    }
}

fn sane_scale(s: f64) -> f64 {
    if s.is_finite() && s > 0.0 {
        s.clamp(0.25, 8.0)
    } else {
        1.0
    }
}

fn stroke(css_px: f64, s: f64) -> u32 {
    (css_px * s).round().max(1.0) as u32
}

fn scaled(css_px: f64, s: f64) -> i32 {
    (css_px * s).round() as i32
}

/// The finite range of all values (and 0 when `include_zero`), widened by 5 % each side;
/// (−1, 1) when nothing is finite, ±(|v|·0.1 or 1) around a constant.
fn fit_range<'a>(series: impl Iterator<Item = &'a [f32]>, include_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = if include_zero {
        (0.0f64, 0.0f64)
    } else {
        (f64::INFINITY, f64::NEG_INFINITY)
    };
    for values in series {
        for &v in values {
            let v = v as f64;
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        }
    }
    if lo > hi {
        return (-1.0, 1.0);
    }
    if lo == hi {
        let d = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        return (lo - d, hi + d);
    }
    let m = (hi - lo) * 0.05;
    let lo2 = if include_zero && lo == 0.0 {
        0.0
    } else {
        lo - m
    };
    (lo2, hi + m)
}

/// Where the x axis ends: one sample spacing past the last x for step plots.
fn x_extent(x: &[f64], step: bool) -> (f64, f64) {
    match x.len() {
        0 => (0.0, 1.0),
        1 => {
            if step {
                (x[0], x[0] + 1.0)
            } else {
                (x[0] - 0.5, x[0] + 0.5)
            }
        }
        n => {
            let last = x[n - 1];
            if step {
                let dx = last - x[n - 2];
                let dx = if dx > 0.0 {
                    dx
                } else {
                    (last - x[0]) / (n - 1) as f64
                };
                let dx = if dx > 0.0 { dx } else { 1.0 };
                (x[0], last + dx)
            } else if last > x[0] {
                (x[0], last)
            } else {
                (x[0] - 0.5, x[0] + 0.5)
            }
        }
    }
}

/// Tick labels up to this many characters (`-0.025`, `1.5e-5`) never move the y axis.
const MIN_Y_LABEL_CHARS: usize = 6;

fn font(size: f64) -> FontDesc<'static> {
    FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal)
}

fn draw_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Chart<'_>,
) -> Result<PlotMapping, ChartError<DB::ErrorType>> {
    let s = c.scale;
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as f64, h as f64);
    let x_range = x_extent(c.x, c.step);
    let y_range = c.y_range;

    // Pass 1: y ticks for a rough height, to know how wide their labels are.
    let labels: Vec<&str> = c.lines.iter().map(|l| l.label).collect();
    let rough_h = layout::rough_plot_height(h, s, 1);
    let y_count = ((rough_h / (px::Y_TICK_SPACING * s)).floor() as usize).clamp(2, 12);
    let y_ticks = ticks::ticks(y_range.0, y_range.1, y_count, TickStyle::Decimal);
    // Room for at least MIN_Y_LABEL_CHARS characters, so a signal plot and an error plot
    // stacked in one column have their y axes at the same x in all usual cases.
    let y_label_w = y_ticks
        .iter()
        .map(|t| text_width(&t.label, px::FONT_TICK * s))
        .fold(
            text_width(&"0".repeat(MIN_Y_LABEL_CHARS), px::FONT_TICK * s),
            f64::max,
        );
    // X ticks for a rough width; the last label's width decides the right margin.
    let rough_w = w - y_label_w - 60.0 * s;
    let x_count = ((rough_w / (px::X_TICK_SPACING * s)).floor() as usize).clamp(2, 16);
    let x_ticks = ticks::ticks(x_range.0, x_range.1, x_count, c.x_ticks);
    let last_x_w = x_ticks
        .last()
        .map(|t| text_width(&t.label, px::FONT_TICK * s))
        .unwrap_or(0.0);
    let lay = layout::layout(w, h, s, y_label_w, last_x_w, &labels);
    let r = lay.plot;
    let m = PlotMapping::new(r, x_range, y_range, c.x.to_vec(), c.step);

    // Background and grid.
    area.fill(&palette::chrome().background.rgb_color())?;
    let grid = ShapeStyle::from(palette::chrome().grid.rgb_color()).stroke_width(stroke(1.0, s));
    for t in &y_ticks {
        let y = m.y_to_px(t.value).round() as i32;
        area.draw(&PathElement::new(vec![(r.x0, y), (r.x1, y)], grid))?;
    }
    for t in &x_ticks {
        let x = m.x_to_px(t.value).round() as i32;
        area.draw(&PathElement::new(vec![(x, r.y0), (x, r.y1)], grid))?;
    }
    if c.zero_line && y_range.0 <= 0.0 && y_range.1 >= 0.0 {
        let y = m.y_to_px(0.0).round() as i32;
        let zero = ShapeStyle::from(palette::chrome().zero.rgb_color()).stroke_width(stroke(1.0, s));
        area.draw(&PathElement::new(vec![(r.x0, y), (r.x1, y)], zero))?;
    }

    // Data.
    for line in c.lines {
        let style = ShapeStyle::from(line.color).stroke_width(line.width);
        for pts in path::polylines(&m, line.values, line.step, x_range.1) {
            area.draw(&PathElement::new(pts, style))?;
        }
    }

    // Axes on top of the data: left and bottom lines, ticks, labels.
    let axis = ShapeStyle::from(palette::chrome().axis.rgb_color()).stroke_width(stroke(1.0, s));
    area.draw(&PathElement::new(
        vec![(r.x0, r.y0), (r.x0, r.y1), (r.x1, r.y1)],
        axis,
    ))?;
    let ink = palette::chrome().ink.rgb_color();
    let tick_len = scaled(px::TICK_LEN, s);
    let tick_gap = scaled(px::TICK_GAP, s);
    let tick_font = font(px::FONT_TICK * s);
    let y_tick_style = TextStyle::from(tick_font.clone())
        .color(&ink)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for t in &y_ticks {
        let y = m.y_to_px(t.value).round() as i32;
        area.draw(&PathElement::new(
            vec![(r.x0 - tick_len, y), (r.x0, y)],
            axis,
        ))?;
        area.draw_text(&t.label, &y_tick_style, (r.x0 - tick_len - tick_gap, y))?;
    }
    let x_tick_style = TextStyle::from(tick_font)
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for t in &x_ticks {
        let x = m.x_to_px(t.value).round() as i32;
        area.draw(&PathElement::new(
            vec![(x, r.y1), (x, r.y1 + tick_len)],
            axis,
        ))?;
        area.draw_text(&t.label, &x_tick_style, (x, r.y1 + tick_len + tick_gap))?;
    }
    let title_font = font(px::FONT_LABEL * s);
    let x_title = TextStyle::from(title_font.clone())
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let (_, ah) = area.dim_in_pixel();
    area.draw_text(
        c.x_label,
        &x_title,
        ((r.x0 + r.x1) / 2, ah as i32 - scaled(px::PAD, s)),
    )?;
    let y_title = TextStyle::from(title_font.transform(FontTransform::Rotate270))
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw_text(c.y_label, &y_title, (scaled(px::PAD, s), (r.y0 + r.y1) / 2))?;

    // Legend above the data rectangle.
    let legend_style = TextStyle::from(font(px::FONT_LEGEND * s))
        .color(&ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (line, slot) in c.lines.iter().zip(&lay.legend) {
        let x = slot.x.round() as i32;
        let y = slot.y.round() as i32;
        let half = (line.width as i32 / 2).max(1);
        area.draw(&Rectangle::new(
            [(x, y - half), (x + scaled(px::LEGEND_SWATCH, s), y + half)],
            ShapeStyle::from(line.color).filled(),
        ))?;
        area.draw_text(
            line.label,
            &legend_style,
            (x + scaled(px::LEGEND_SWATCH + px::LEGEND_SWATCH_GAP, s), y),
        )?;
    }
    area.present()?;

    // Report in backend pixels.
    let (bx, by) = area.get_base_pixel();
    Ok(m.translated(bx, by))
}
