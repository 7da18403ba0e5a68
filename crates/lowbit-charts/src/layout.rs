//! Where things go: margins, the data rectangle, the legend rows. Pure arithmetic on pixel
//! sizes, scaled for HiDPI, with a font-free text-width estimate (so layout is identical in the
//! browser, in SVG and in tests, and never asks the DOM to measure text).

use crate::mapping::PixelRect;

/// Unscaled sizes in CSS pixels; every one is multiplied by the scale factor.
pub(crate) mod px {
    pub const PAD: f64 = 10.0;
    pub const TICK_LEN: f64 = 5.0;
    pub const TICK_GAP: f64 = 4.0;
    pub const FONT_TICK: f64 = 12.0;
    pub const FONT_LABEL: f64 = 13.0;
    pub const FONT_LEGEND: f64 = 13.0;
    pub const LINE_HEIGHT: f64 = 1.25;
    pub const LEGEND_ROW: f64 = 20.0;
    pub const LEGEND_SWATCH: f64 = 18.0;
    pub const LEGEND_SWATCH_GAP: f64 = 6.0;
    pub const LEGEND_SPACING: f64 = 18.0;
    pub const LEGEND_GAP_BELOW: f64 = 6.0;
    pub const LABEL_GAP: f64 = 6.0;
    /// Minimum pixels between y ticks / x ticks.
    pub const Y_TICK_SPACING: f64 = 38.0;
    pub const X_TICK_SPACING: f64 = 70.0;
}

/// Average advance of a character of a sans-serif font, in ems. Generous (digits are 0.556 em
/// in Helvetica/Arial/DejaVu-like fonts, lower case averages about 0.5) so reserved space is
/// never too small.
pub(crate) const CHAR_EM: f64 = 0.62;

/// Estimated width of `text` at `font_px`.
pub(crate) fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * CHAR_EM * font_px
}

/// One legend entry's place: the swatch's left edge and the row's vertical centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct LegendSlot {
    pub x: f64,
    pub y: f64,
}

/// The computed layout of one chart, in the drawing area's own pixels.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    pub plot: PixelRect,
    pub legend: Vec<LegendSlot>,
}

/// Legend rows, left-aligned at `x0`, wrapping before `x_max`; returns the slots and the
/// number of rows.
pub(crate) fn legend_slots(
    labels: &[&str],
    x0: f64,
    x_max: f64,
    top: f64,
    s: f64,
) -> (Vec<LegendSlot>, usize) {
    let row_h = px::LEGEND_ROW * s;
    let mut slots = Vec::with_capacity(labels.len());
    let (mut x, mut row) = (x0, 0usize);
    for label in labels {
        let w = (px::LEGEND_SWATCH + px::LEGEND_SWATCH_GAP) * s
            + text_width(label, px::FONT_LEGEND * s);
        if x > x0 && x + w > x_max {
            row += 1;
            x = x0;
        }
        slots.push(LegendSlot {
            x,
            y: top + row as f64 * row_h + row_h / 2.0,
        });
        x += w + px::LEGEND_SPACING * s;
    }
    let rows = if labels.is_empty() { 0 } else { row + 1 };
    (slots, rows)
}

/// Lays out a chart of `width × height` pixels at scale `s`: the y axis reserves room for
/// `y_label_width` (the widest tick label), the x axis for one line of tick labels and a
/// title, the top for the legend's rows.
pub(crate) fn layout(
    width: f64,
    height: f64,
    s: f64,
    y_label_width: f64,
    last_x_label_width: f64,
    legend_labels: &[&str],
) -> Layout {
    let pad = px::PAD * s;
    let left = pad
        + px::FONT_LABEL * px::LINE_HEIGHT * s
        + px::LABEL_GAP * s
        + y_label_width
        + (px::TICK_GAP + px::TICK_LEN) * s;
    // Half of the last x tick label may stick out to the right of the data rectangle.
    let right = width - pad - (last_x_label_width / 2.0).max(4.0 * s);
    let (legend, rows) = legend_slots(legend_labels, left, width - pad, pad, s);
    let top = if rows == 0 {
        pad + px::FONT_TICK * s / 2.0
    } else {
        pad + rows as f64 * px::LEGEND_ROW * s + px::LEGEND_GAP_BELOW * s
    };
    let bottom = height
        - pad
        - px::FONT_LABEL * px::LINE_HEIGHT * s
        - px::LABEL_GAP * s
        - px::FONT_TICK * px::LINE_HEIGHT * s
        - (px::TICK_GAP + px::TICK_LEN) * s;
    let x0 = left.round() as i32;
    let y0 = top.round() as i32;
    let plot = PixelRect {
        x0,
        y0,
        x1: (right.round() as i32).max(x0 + 1),
        y1: (bottom.round() as i32).max(y0 + 1),
    };
    Layout { plot, legend }
}

/// Estimated data-rectangle height before the tick labels are known (one legend row).
pub(crate) fn rough_plot_height(height: f64, s: f64, legend_rows: usize) -> f64 {
    let rows = legend_rows.max(1) as f64;
    height
        - 2.0 * px::PAD * s
        - rows * px::LEGEND_ROW * s
        - px::LEGEND_GAP_BELOW * s
        - (px::FONT_LABEL + px::FONT_TICK) * px::LINE_HEIGHT * s
        - (px::LABEL_GAP + px::TICK_GAP + px::TICK_LEN) * s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_wraps_and_stays_inside() {
        let labels = [
            "original",
            "fp4_bnb b64",
            "nf4 b64",
            "float8_e4m3fn",
            "int4_absmax",
        ];
        let (slots, rows) = legend_slots(&labels, 60.0, 400.0, 10.0, 1.0);
        assert_eq!(slots.len(), 5);
        assert!(rows >= 2);
        for (slot, label) in slots.iter().zip(labels) {
            let w = 24.0 + text_width(label, 13.0);
            assert!(slot.x >= 60.0 && slot.x + w <= 400.0, "{label}");
        }
        let (one, rows) = legend_slots(&labels[..2], 60.0, 2000.0, 10.0, 1.0);
        assert_eq!(rows, 1);
        assert_eq!(one[0].y, one[1].y);
        assert!(one[1].x > one[0].x);
        assert_eq!(legend_slots(&[], 0.0, 100.0, 0.0, 1.0).1, 0);
    }

    #[test]
    fn layout_scales_with_the_device_pixel_ratio() {
        let a = layout(800.0, 400.0, 1.0, 30.0, 20.0, &["original", "nf4"]);
        let b = layout(1600.0, 800.0, 2.0, 60.0, 40.0, &["original", "nf4"]);
        assert!((b.plot.x0 - 2 * a.plot.x0).abs() <= 1);
        assert!((b.plot.y0 - 2 * a.plot.y0).abs() <= 1);
        assert!((b.plot.x1 - 2 * a.plot.x1).abs() <= 1);
        assert!((b.plot.y1 - 2 * a.plot.y1).abs() <= 1);
        // The legend sits above the data rectangle.
        for slot in &a.legend {
            assert!(slot.y + 10.0 <= a.plot.y0 as f64);
        }
    }

    #[test]
    fn tiny_areas_still_give_a_rectangle() {
        let l = layout(10.0, 10.0, 1.0, 30.0, 20.0, &["original"]);
        assert!(l.plot.x1 > l.plot.x0 && l.plot.y1 > l.plot.y0);
    }
}
