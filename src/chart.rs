//! [`Chart`]: a value that draws itself with plotters on any backend — a `<canvas>` in the
//! page ([`crate::ui::chart_canvas`]) or an SVG string in tests and exports. Pure and leaf.

use lowbit_charts::plotters::coord::Shift;
use lowbit_charts::plotters::drawing::DrawingArea;
use lowbit_charts::plotters::prelude::DrawingBackend;
use lowbit_charts::PixelRect;

/// A chart: everything it shows is in the value; drawing it never fails silently.
pub trait Chart {
    /// Draws into `area` (which it fills) at HiDPI factor `scale`; returns the data
    /// rectangle in backend pixels, or why it could not be drawn.
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>, scale: f64) -> Result<PixelRect, String>;
}
