//! [`Chart`]: a value that draws itself with plotters on any backend — a `<canvas>` in the
//! page ([`crate::ui::chart_canvas`]) or an SVG string in tests and exports. Pure and leaf.

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
