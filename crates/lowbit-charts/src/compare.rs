//! The two charts of the Compare view, drawn on any backend like the signal charts:
//!
//! * [`draw_number_line`]: one row per format on a shared number line (linear or log
//!   scale): each representable value as a tick where they are few, a density bar per bin
//!   where they are many, the subnormal band tinted, and the overflow region (past the
//!   largest finite value) hatched with what happens there.
//! * [`draw_spacing_plot`]: the relative spacing ULP(x)/|x| against x, both axes logarithmic:
//!   a sawtooth per float format (each binade a straight falling segment), a falling line for
//!   integers, steps for lookup tables.
//!
//! The data is computed by the app's model from `lowbit-core`; this module only draws it.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{PathElement, Rectangle};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{RGBColor, ShapeStyle, TextStyle};

use crate::layout::{px, text_width};
use crate::mapping::PixelRect;
use crate::palette;
use crate::ticks::{ticks, Tick, TickStyle};
use crate::{font, sane_scale, scaled, stroke, ChartError};

/// The x axis of the Compare charts: `lo..hi` in data units, linear or logarithmic (then
/// both ends must be positive).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// Whether positions are proportional to log10(x).
    pub log: bool,
    /// The left end.
    pub lo: f64,
    /// The right end.
    pub hi: f64,
}

impl Axis {
    /// The axis coordinate of `x` (x itself, or log10 x); NaN where a log axis has no place.
    #[must_use]
    pub fn coord(&self, x: f64) -> f64 {
        if self.log {
            if x > 0.0 {
                x.log10()
            } else {
                f64::NAN
            }
        } else {
            x
        }
    }

    /// The value at axis coordinate `c` (the inverse of [`Axis::coord`]).
    #[must_use]
    pub fn value(&self, c: f64) -> f64 {
        if self.log {
            10f64.powf(c)
        } else {
            c
        }
    }

    /// Whether the axis can be drawn: finite ends, `lo < hi`, positive on a log axis.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.lo.is_finite()
            && self.hi.is_finite()
            && self.lo < self.hi
            && (!self.log || self.lo > 0.0)
    }

    /// The ends as axis coordinates.
    fn coords(&self) -> (f64, f64) {
        (self.coord(self.lo), self.coord(self.hi))
    }

    /// The ticks: nice decimals on a linear axis, powers of ten (`1e-3`, `1`, `100`) on a
    /// log axis (every k-th power when there are too many).
    #[must_use]
    pub fn ticks(&self, max_ticks: usize) -> Vec<Tick> {
        let (a, b) = self.coords();
        if !self.log {
            return ticks(a, b, max_ticks, TickStyle::Decimal);
        }
        let (first, last) = (a.ceil() as i64, b.floor() as i64);
        if last < first {
            return ticks(self.lo, self.hi, 2, TickStyle::Decimal)
                .into_iter()
                .map(|t| Tick {
                    value: t.value.log10(),
                    label: t.label,
                })
                .collect();
        }
        let count = (last - first + 1) as usize;
        let every = count.div_ceil(max_ticks.max(1)).max(1) as i64;
        (first..=last)
            .filter(|k| k.rem_euclid(every) == 0)
            .map(|k| Tick {
                value: k as f64,
                label: power_of_ten(k),
            })
            .collect()
    }
}

/// `10^k` as a short label: `1`, `10`, `100`, `1000`, `1e4`, `0.1`, `0.01`, `1e-3`.
#[must_use]
pub fn power_of_ten(k: i64) -> String {
    match k {
        0..=3 => format!("1{}", "0".repeat(k as usize)),
        -2..=-1 => format!("0.{}1", "0".repeat((-k - 1) as usize)),
        _ => format!("1e{k}"),
    }
}

/// One format's row on the number line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineRow<'a> {
    /// The row's label (the format id).
    pub label: &'a str,
    /// Its colour.
    pub color: RGBColor,
    /// Exact values drawn as ticks (used when `bins` is empty): value and whether it is
    /// subnormal.
    pub ticks: &'a [(f64, bool)],
    /// Counts of values in equal bins of the axis coordinate over `lo..hi` (when values are
    /// too many for ticks); drawn as bars of height ∝ log(1 + count).
    pub bins: &'a [u64],
    /// The subnormal band `(min positive, min normal)`, mirrored for signed formats.
    pub subnormal: Option<(f64, f64)>,
    /// The largest finite value: past it (and past its negative for signed formats) is the
    /// overflow region.
    pub max: f64,
    /// Whether the format has negative values (mirrors the bands).
    pub signed: bool,
    /// What overflow gives ("→ inf", "→ NaN", "saturates").
    pub overflow_label: &'a str,
}

/// Everything [`draw_number_line`] draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberLine<'a> {
    /// The shared axis.
    pub axis: Axis,
    /// The x axis title (the caller's language: "x", or "x (log scale, positive values)" on
    /// a log axis).
    pub x_title: &'a str,
    /// One row per format, top to bottom.
    pub rows: &'a [LineRow<'a>],
    /// HiDPI factor.
    pub scale: f64,
}

/// Hatching of the overflow region, and the subnormal tint.
const OVERFLOW: RGBColor = RGBColor(0xC0, 0x39, 0x2B);
const OVERFLOW_FILL: RGBColor = RGBColor(0xF6, 0xE0, 0xDD);
const SUBNORMAL_FILL: RGBColor = RGBColor(0xE4, 0xEE, 0xF8);

/// The data rectangle of a Compare chart: room on the left for `label_chars` characters.
fn frame(w: f64, h: f64, s: f64, label_chars: usize, y_title: bool) -> PixelRect {
    let pad = px::PAD * s;
    let title = if y_title {
        px::FONT_LABEL * px::LINE_HEIGHT * s + px::LABEL_GAP * s
    } else {
        0.0
    };
    let left = pad + title + text_width(&"0".repeat(label_chars), px::FONT_TICK * s) + 2.0 * px::TICK_GAP * s;
    let right = w - pad - 16.0 * s;
    let top = pad;
    let bottom = h
        - pad
        - px::FONT_LABEL * px::LINE_HEIGHT * s
        - px::LABEL_GAP * s
        - px::FONT_TICK * px::LINE_HEIGHT * s
        - (px::TICK_GAP + px::TICK_LEN) * s;
    let (x0, y0) = (left.round() as i32, top.round() as i32);
    PixelRect {
        x0,
        y0,
        x1: (right.round() as i32).max(x0 + 1),
        y1: (bottom.round() as i32).max(y0 + 1),
    }
}

/// Maps an axis coordinate to a pixel column (clamped a little outside the rectangle).
fn x_px(r: PixelRect, (a, b): (f64, f64), c: f64) -> i32 {
    let t = ((c - a) / (b - a)).clamp(-0.01, 1.01);
    (r.x0 as f64 + t * (r.x1 - r.x0) as f64).round() as i32
}

/// Draws the x axis line, its ticks and labels, and the title below.
fn draw_x_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: PixelRect,
    axis: &Axis,
    title: &str,
    s: f64,
) -> Result<(), ChartError<DB::ErrorType>> {
    let ink = palette::chrome().ink.rgb_color();
    let axis_style = ShapeStyle::from(palette::chrome().axis.rgb_color()).stroke_width(stroke(1.0, s));
    let grid = ShapeStyle::from(palette::chrome().grid.rgb_color()).stroke_width(stroke(1.0, s));
    let coords = axis.coords();
    let count = (((r.x1 - r.x0) as f64 / (px::X_TICK_SPACING * s)).floor() as usize).clamp(2, 16);
    let style = TextStyle::from(font(px::FONT_TICK * s))
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let (tick_len, gap) = (scaled(px::TICK_LEN, s), scaled(px::TICK_GAP, s));
    for t in axis.ticks(count) {
        let x = x_px(r, coords, t.value);
        area.draw(&PathElement::new(vec![(x, r.y0), (x, r.y1)], grid))?;
        area.draw(&PathElement::new(vec![(x, r.y1), (x, r.y1 + tick_len)], axis_style))?;
        area.draw_text(&t.label, &style, (x, r.y1 + tick_len + gap))?;
    }
    area.draw(&PathElement::new(vec![(r.x0, r.y1), (r.x1, r.y1)], axis_style))?;
    let (_, ah) = area.dim_in_pixel();
    let title_style = TextStyle::from(font(px::FONT_LABEL * s))
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    area.draw_text(title, &title_style, ((r.x0 + r.x1) / 2, ah as i32 - scaled(px::PAD, s)))?;
    Ok(())
}

/// Draws the number line into `area` (which it fills). Returns the data rectangle, in
/// backend pixels.
///
/// # Errors
/// [`ChartError::Input`] if the axis is not drawable; [`ChartError::Drawing`] if the backend
/// fails.
pub fn draw_number_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    line: &NumberLine<'_>,
) -> Result<PixelRect, ChartError<DB::ErrorType>> {
    let axis = line.axis;
    if !axis.is_valid() {
        return Err(ChartError::Input(format!(
            "the axis {}..{} is empty or not positive on a log scale",
            axis.lo, axis.hi
        )));
    }
    let s = sane_scale(line.scale);
    let (w, h) = area.dim_in_pixel();
    let label_chars = line.rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(4).max(4);
    let r = frame(w as f64, h as f64, s, label_chars, false);
    let coords = axis.coords();
    area.fill(&palette::chrome().background.rgb_color())?;
    let n = line.rows.len().max(1) as i32;
    let row_h = ((r.y1 - r.y0) / n).max(1);
    let ink = palette::chrome().ink.rgb_color();
    let label_style = TextStyle::from(font(px::FONT_TICK * s))
        .color(&ink)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let small = TextStyle::from(font(px::FONT_TICK * 0.9 * s))
        .color(&OVERFLOW)
        .pos(Pos::new(HPos::Left, VPos::Top));
    // Pixel span of the value interval [a, b] (values), clipped to the rectangle.
    let span = |a: f64, b: f64| -> Option<(i32, i32)> {
        let (ca, cb) = (axis.coord(a.max(axis.lo)), axis.coord(b.min(axis.hi)));
        if !(ca.is_finite() && cb.is_finite()) || cb < ca || b < axis.lo || a > axis.hi {
            return None;
        }
        Some((x_px(r, coords, ca), x_px(r, coords, cb)))
    };
    for (i, row) in line.rows.iter().enumerate() {
        let top = r.y0 + i as i32 * row_h;
        let bottom = top + row_h - scaled(4.0, s);
        let base = bottom;
        let bar_top = top + scaled(4.0, s);
        // Bands: subnormals, overflow.
        let mut bands: Vec<((f64, f64), RGBColor)> = Vec::new();
        if let Some((lo, hi)) = row.subnormal {
            bands.push(((lo, hi), SUBNORMAL_FILL));
            if row.signed {
                bands.push(((-hi, -lo), SUBNORMAL_FILL));
            }
        }
        if row.max.is_finite() {
            bands.push(((row.max, f64::MAX), OVERFLOW_FILL));
            if row.signed {
                bands.push(((f64::MIN, -row.max), OVERFLOW_FILL));
            }
        }
        for ((a, b), color) in bands {
            if let Some((x0, x1)) = span(a, b) {
                area.draw(&Rectangle::new([(x0, bar_top), (x1.max(x0 + 1), base)], ShapeStyle::from(color).filled()))?;
            }
        }
        // Overflow edges and their label.
        let edge = ShapeStyle::from(OVERFLOW).stroke_width(stroke(1.5, s));
        if row.max.is_finite() {
            let mut edges = vec![row.max];
            if row.signed {
                edges.push(-row.max);
            }
            for (k, m) in edges.into_iter().enumerate() {
                let c = axis.coord(m);
                if c.is_finite() && c >= coords.0 && c <= coords.1 {
                    let x = x_px(r, coords, c);
                    area.draw(&PathElement::new(vec![(x, bar_top), (x, base)], edge))?;
                    if k == 0 && x + scaled(40.0, s) < r.x1 {
                        area.draw_text(row.overflow_label, &small, (x + scaled(3.0, s), bar_top))?;
                    }
                }
            }
        }
        // The values.
        let style = ShapeStyle::from(row.color).stroke_width(stroke(1.0, s));
        if row.bins.is_empty() {
            let sub = ShapeStyle::from(row.color).stroke_width(stroke(1.0, s));
            for &(v, subnormal) in row.ticks {
                let c = axis.coord(v);
                if !(c.is_finite() && c >= coords.0 && c <= coords.1) {
                    continue;
                }
                let x = x_px(r, coords, c);
                let y = if subnormal { (bar_top + base) / 2 } else { bar_top };
                area.draw(&PathElement::new(vec![(x, y), (x, base)], if subnormal { sub } else { style }))?;
            }
        } else {
            let most = row.bins.iter().copied().max().unwrap_or(0).max(1);
            let denom = (1.0 + most as f64).ln();
            let nb = row.bins.len() as f64;
            for (k, &count) in row.bins.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let c0 = coords.0 + (coords.1 - coords.0) * k as f64 / nb;
                let c1 = coords.0 + (coords.1 - coords.0) * (k + 1) as f64 / nb;
                let (x0, x1) = (x_px(r, coords, c0), x_px(r, coords, c1));
                let frac = ((1.0 + count as f64).ln() / denom).clamp(0.08, 1.0);
                let y = base - ((base - bar_top) as f64 * frac).round() as i32;
                area.draw(&Rectangle::new([(x0, y), (x1.max(x0 + 1), base)], ShapeStyle::from(row.color).filled()))?;
            }
        }
        area.draw(&PathElement::new(vec![(r.x0, base), (r.x1, base)], ShapeStyle::from(palette::chrome().axis.rgb_color()).stroke_width(stroke(1.0, s))))?;
        area.draw_text(row.label, &label_style, (r.x0 - scaled(px::TICK_GAP, s), (bar_top + base) / 2))?;
    }
    draw_x_axis(area, r, &axis, line.x_title, s)?;
    area.present()?;
    let (bx, by) = area.get_base_pixel();
    Ok(PixelRect { x0: r.x0 + bx, y0: r.y0 + by, x1: r.x1 + bx, y1: r.y1 + by })
}

/// One format's relative spacing: points `(x, ULP(x)/x)` joined in order (a vertical jump
/// where two consecutive points share their x).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpacingSeries<'a> {
    /// Legend text (the format id).
    pub label: &'a str,
    /// Line colour.
    pub color: RGBColor,
    /// The points, x ascending, both coordinates positive.
    pub points: &'a [(f64, f64)],
}

/// Everything [`draw_spacing_plot`] draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpacingPlot<'a> {
    /// The x axis (drawn logarithmic whatever `log` says: spacing is a log-log picture).
    pub x: Axis,
    /// One series per format.
    pub series: &'a [SpacingSeries<'a>],
    /// The axis titles (the caller's language: "x (log scale)", "ULP(x) / x").
    pub titles: crate::AxisTitles<'a>,
    /// HiDPI factor.
    pub scale: f64,
}

/// Draws the relative-spacing sawtooth (log-log) into `area`, with a legend in the top
/// right. Returns the data rectangle in backend pixels.
///
/// # Errors
/// [`ChartError::Input`] if the x range is not positive; [`ChartError::Drawing`] if the
/// backend fails.
pub fn draw_spacing_plot<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    plot: &SpacingPlot<'_>,
) -> Result<PixelRect, ChartError<DB::ErrorType>> {
    let x_axis = Axis { log: true, ..plot.x };
    if !x_axis.is_valid() {
        return Err(ChartError::Input(format!(
            "the x range {}..{} is not positive",
            plot.x.lo, plot.x.hi
        )));
    }
    let s = sane_scale(plot.scale);
    let (lo, hi) = plot
        .series
        .iter()
        .flat_map(|se| se.points.iter())
        .filter(|(x, y)| *x >= x_axis.lo && *x <= x_axis.hi && *y > 0.0 && y.is_finite())
        .fold((f64::INFINITY, 0.0f64), |(lo, hi), (_, y)| (lo.min(*y), hi.max(*y)));
    let y_axis = if lo.is_finite() && hi > 0.0 {
        let (a, b) = (lo.log10().floor(), hi.log10().ceil());
        let b = if b <= a { a + 1.0 } else { b };
        Axis { log: true, lo: 10f64.powf(a), hi: 10f64.powf(b) }
    } else {
        Axis { log: true, lo: 1e-3, hi: 1.0 }
    };
    let (w, h) = area.dim_in_pixel();
    let r = frame(w as f64, h as f64, s, 6, true);
    area.fill(&palette::chrome().background.rgb_color())?;
    let (xc, yc) = (x_axis.coords(), y_axis.coords());
    let y_px = |c: f64| -> i32 {
        let t = ((c - yc.0) / (yc.1 - yc.0)).clamp(-0.01, 1.01);
        (r.y1 as f64 - t * (r.y1 - r.y0) as f64).round() as i32
    };
    // Grid and y axis.
    let ink = palette::chrome().ink.rgb_color();
    let axis_style = ShapeStyle::from(palette::chrome().axis.rgb_color()).stroke_width(stroke(1.0, s));
    let grid = ShapeStyle::from(palette::chrome().grid.rgb_color()).stroke_width(stroke(1.0, s));
    let y_count = (((r.y1 - r.y0) as f64 / (px::Y_TICK_SPACING * s)).floor() as usize).clamp(2, 12);
    let y_style = TextStyle::from(font(px::FONT_TICK * s))
        .color(&ink)
        .pos(Pos::new(HPos::Right, VPos::Center));
    for t in y_axis.ticks(y_count) {
        let y = y_px(t.value);
        area.draw(&PathElement::new(vec![(r.x0, y), (r.x1, y)], grid))?;
        area.draw(&PathElement::new(vec![(r.x0 - scaled(px::TICK_LEN, s), y), (r.x0, y)], axis_style))?;
        area.draw_text(&t.label, &y_style, (r.x0 - scaled(px::TICK_LEN + px::TICK_GAP, s), y))?;
    }
    area.draw(&PathElement::new(vec![(r.x0, r.y0), (r.x0, r.y1)], axis_style))?;
    draw_x_axis(area, r, &x_axis, plot.titles.x, s)?;
    let y_title = TextStyle::from(font(px::FONT_LABEL * s).transform(plotters::style::FontTransform::Rotate270))
        .color(&ink)
        .pos(Pos::new(HPos::Center, VPos::Top));
    area.draw_text(plot.titles.y, &y_title, (scaled(px::PAD, s), (r.y0 + r.y1) / 2))?;
    // Series, clipped to the x range.
    for se in plot.series {
        let style = ShapeStyle::from(se.color).stroke_width(stroke(1.5, s));
        let pts: Vec<(i32, i32)> = se
            .points
            .iter()
            .filter(|(x, y)| *x >= x_axis.lo && *x <= x_axis.hi && *y > 0.0 && y.is_finite())
            .map(|&(x, y)| (x_px(r, xc, x.log10()), y_px(y.log10())))
            .collect();
        if pts.len() >= 2 {
            area.draw(&PathElement::new(pts, style))?;
        }
    }
    // Legend, top right, one row per series.
    let legend = TextStyle::from(font(px::FONT_LEGEND * s))
        .color(&ink)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let widest = plot.series.iter().map(|se| text_width(se.label, px::FONT_LEGEND * s)).fold(0.0, f64::max);
    let lx = r.x1 - (widest + (px::LEGEND_SWATCH + px::LEGEND_SWATCH_GAP + px::PAD) * s).round() as i32;
    for (i, se) in plot.series.iter().enumerate() {
        let y = r.y0 + scaled(px::PAD + px::LEGEND_ROW * i as f64, s);
        let half = stroke(1.5, s) as i32;
        area.draw(&Rectangle::new([(lx, y - half), (lx + scaled(px::LEGEND_SWATCH, s), y + half)], ShapeStyle::from(se.color).filled()))?;
        area.draw_text(se.label, &legend, (lx + scaled(px::LEGEND_SWATCH + px::LEGEND_SWATCH_GAP, s), y))?;
    }
    area.present()?;
    let (bx, by) = area.get_base_pixel();
    Ok(PixelRect { x0: r.x0 + bx, y0: r.y0 + by, x1: r.x1 + bx, y1: r.y1 + by })
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    #[test]
    fn log_ticks_are_powers_of_ten() {
        let axis = Axis { log: true, lo: 1e-3, hi: 500.0 };
        let labels: Vec<String> = axis.ticks(10).into_iter().map(|t| t.label).collect();
        assert_eq!(labels, ["1e-3", "0.01", "0.1", "1", "10", "100"]);
        let wide = Axis { log: true, lo: 1e-40, hi: 1e38 };
        assert!(wide.ticks(8).len() <= 8);
        assert!(!Axis { log: true, lo: 0.0, hi: 1.0 }.is_valid());
    }

    #[test]
    fn both_charts_draw_into_svg() {
        let ticks = [(0.5, true), (1.0, false), (1.5, false)];
        let bins = [0, 3, 10, 100];
        let rows = [
            LineRow { label: "a", color: RGBColor(0, 0, 255), ticks: &ticks, bins: &[], subnormal: Some((0.25, 1.0)), max: 1.5, signed: true, overflow_label: "→ NaN" },
            LineRow { label: "b", color: RGBColor(255, 0, 0), ticks: &[], bins: &bins, subnormal: None, max: 1e30, signed: false, overflow_label: "→ inf" },
        ];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 200)).into_drawing_area();
            let line = NumberLine { axis: Axis { log: false, lo: -2.0, hi: 2.0 }, x_title: "x", rows: &rows, scale: 1.0 };
            draw_number_line(&root, &line).unwrap();
        }
        assert!(svg.contains("→ NaN") && svg.contains("\na\n"), "{svg}");
        let pts = [(1.0, 0.25), (2.0, 0.125), (2.0, 0.25), (4.0, 0.125)];
        let series = [SpacingSeries { label: "e2m2", color: RGBColor(0, 0, 0), points: &pts }];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
            let plot = SpacingPlot { x: Axis { log: true, lo: 0.5, hi: 8.0 }, series: &series, titles: crate::AxisTitles { x: "x (log scale)", y: "ULP(x) / x" }, scale: 2.0 };
            draw_spacing_plot(&root, &plot).unwrap();
        }
        assert!(svg.contains("ULP(x) / x") && svg.contains("e2m2"));
        let bad = NumberLine { axis: Axis { log: true, lo: -1.0, hi: 1.0 }, x_title: "x", rows: &rows, scale: 1.0 };
        let mut svg = String::new();
        let root = SVGBackend::with_string(&mut svg, (10, 10)).into_drawing_area();
        assert!(matches!(draw_number_line(&root, &bad), Err(ChartError::Input(_))));
    }
}
