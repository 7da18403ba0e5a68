//! [`Chart`]: a value that draws itself with plotters on any backend — a `<canvas>` in the
//! page ([`crate::ui::chart_canvas`]) or an SVG string in tests and exports — and
//! [`LevelsChart`], the histogram with stored values overlaid that three views draw. Pure and
//! leaf.

use lowbit_charts::plotters::coord::Shift;
use lowbit_charts::plotters::drawing::DrawingArea;
use lowbit_charts::plotters::prelude::{DrawingBackend, IntoDrawingArea, SVGBackend};
use lowbit_charts::PixelRect;

/// A chart: everything it shows is in the value; drawing it never fails silently.
pub trait Chart {
    /// Draws into `area` (which it fills) at HiDPI factor `scale`; returns the data
    /// rectangle in backend pixels, or why it could not be drawn.
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String>;

    /// The chart as an SVG document of `width × height` pixels: the same drawing on
    /// plotters' SVG backend.
    fn svg(&self, width: u32, height: u32) -> Result<String, String> {
        let mut svg = String::new();
        {
            let area = SVGBackend::with_string(&mut svg, (width.max(1), height.max(1))).into_drawing_area();
            self.draw(&area, 1.0)?;
        }
        Ok(svg)
    }
}

/// A histogram with a scheme's stored values overlaid — as lines when it stores few
/// distinct values, else as the outline of its reconstruction's histogram: the Quantize
/// view's pasted numbers, the Tensors view's tensor, each MNIST layer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LevelsChart {
    /// The title (a tensor's or layer's name).
    pub title: String,
    /// Lower edge of the first bin.
    pub lo: f64,
    /// Upper edge of the last bin.
    pub hi: f64,
    /// Values per bin.
    pub counts: Vec<u32>,
    /// The stored values drawn as lines (those outside `lo..hi` are left out); empty to
    /// draw `level_counts` instead.
    pub levels: Vec<f32>,
    /// The reconstruction per bin (empty, or as many as `counts`).
    pub level_counts: Vec<u32>,
    /// The overlay's legend.
    pub overlay_label: String,
    /// The axis titles (x, y), in the view's language.
    pub axis_titles: [&'static str; 2],
}

impl Chart for LevelsChart {
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String> {
        let levels: Vec<f32> = self.levels.iter().copied().filter(|&v| (v as f64) >= self.lo && (v as f64) <= self.hi).collect();
        let level_counts: &[u32] = if self.level_counts.len() == self.counts.len() { &self.level_counts } else { &[] };
        let plot = lowbit_charts::mnist::Histogram {
            title: &self.title,
            lo: self.lo,
            hi: self.hi,
            counts: &self.counts,
            levels: &levels,
            level_counts,
            overlay_label: &self.overlay_label,
            titles: lowbit_charts::AxisTitles { x: self.axis_titles[0], y: self.axis_titles[1] },
        };
        lowbit_charts::mnist::draw_histogram(area, &plot, scale).map_err(|e| e.to_string())?;
        Ok(whole_area(area))
    }
}

/// The whole drawing area as the data rectangle (for charts that take no clicks).
pub fn whole_area<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> PixelRect {
    let (w, h) = area.dim_in_pixel();
    PixelRect { x0: 0, y0: 0, x1: w as i32, y1: h as i32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_levels_chart_draws_its_title_legend_and_lines() {
        let chart = LevelsChart {
            title: "layer-w".into(),
            lo: -1.0,
            hi: 1.0,
            counts: vec![1, 3, 3, 1],
            levels: vec![-0.5, 0.5, 7.0],
            level_counts: vec![0, 4, 4, 0],
            overlay_label: "int4: 2 stored values (lines)".into(),
            axis_titles: ["value", "values"],
        };
        let svg = chart.svg(400, 200).unwrap();
        assert!(svg.contains("layer-w") && svg.contains("2 stored values (lines)") && svg.lines().any(|l| l.trim() == "values"), "{svg}");
        let mut ragged = chart.clone();
        ragged.level_counts = vec![1];
        assert!(ragged.svg(400, 200).is_ok(), "a mismatched overlay is left out, not an error");
    }
}
