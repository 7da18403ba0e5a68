//! Data ↔ pixel mapping of a drawn plot, for hover read-outs.

/// A rectangle in backend pixels: `x0 ≤ x ≤ x1`, `y0 ≤ y ≤ y1` (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PixelRect {
    /// Left edge.
    pub x0: i32,
    /// Top edge.
    pub y0: i32,
    /// Right edge.
    pub x1: i32,
    /// Bottom edge.
    pub y1: i32,
}

impl PixelRect {
    /// Width in pixels (0 if degenerate).
    #[must_use]
    pub fn width(&self) -> i32 {
        (self.x1 - self.x0).max(0)
    }

    /// Height in pixels (0 if degenerate).
    #[must_use]
    pub fn height(&self) -> i32 {
        (self.y1 - self.y0).max(0)
    }

    /// Whether the point lies inside or on the edge.
    #[must_use]
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x0 as f64 && px <= self.x1 as f64 && py >= self.y0 as f64 && py <= self.y1 as f64
    }
}

/// What a drawing function returns: where the data went, so the app can turn a pointer
/// position into a sample index and values.
///
/// Pixels are the drawing backend's pixels, measured from the backend's origin (not from the
/// drawing area's, if you drew into a sub-area). When the canvas is drawn at device resolution
/// (see the crate docs on HiDPI), multiply a CSS pointer offset by the same scale first.
///
/// `x_range.0` maps to `plot.x0` and `x_range.1` to `plot.x1`; `y_range.0` maps to the BOTTOM
/// edge `plot.y1` and `y_range.1` to the top edge `plot.y0`. The drawing functions place every
/// point at `x_to_px`/`y_to_px` rounded to the nearest pixel.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotMapping {
    /// The data rectangle (inside the axes).
    pub plot: PixelRect,
    /// Data x at the left and right edges.
    pub x_range: (f64, f64),
    /// Data y at the bottom and top edges.
    pub y_range: (f64, f64),
    /// Whether samples were drawn as steps: sample `i` then covers `[x_i, x_{i+1})` and
    /// [`PlotMapping::index_at`] picks the step under the pointer instead of the nearest sample.
    pub step: bool,
    xs: Vec<f64>,
}

impl PlotMapping {
    /// A mapping for the given rectangle, ranges and sample positions (ascending).
    /// Degenerate ranges (equal ends, non-finite) are replaced by `(v − 0.5, v + 0.5)` or
    /// `(0, 1)`, so no method ever divides by zero.
    #[must_use]
    pub fn new(
        plot: PixelRect,
        x_range: (f64, f64),
        y_range: (f64, f64),
        xs: Vec<f64>,
        step: bool,
    ) -> PlotMapping {
        PlotMapping {
            plot,
            x_range: sane_range(x_range),
            y_range: sane_range(y_range),
            step,
            xs,
        }
    }

    /// The same mapping with the rectangle moved by (dx, dy) pixels.
    pub(crate) fn translated(mut self, dx: i32, dy: i32) -> PlotMapping {
        self.plot = PixelRect {
            x0: self.plot.x0 + dx,
            y0: self.plot.y0 + dy,
            x1: self.plot.x1 + dx,
            y1: self.plot.y1 + dy,
        };
        self
    }

    /// Number of samples.
    #[must_use]
    pub fn len(&self) -> usize {
        self.xs.len()
    }

    /// Whether there are no samples.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.xs.is_empty()
    }

    /// The sample positions.
    #[must_use]
    pub fn xs(&self) -> &[f64] {
        &self.xs
    }

    /// Pixel column of data x (unrounded).
    #[must_use]
    pub fn x_to_px(&self, x: f64) -> f64 {
        let (a, b) = self.x_range;
        self.plot.x0 as f64 + (x - a) / (b - a) * (self.plot.x1 - self.plot.x0) as f64
    }

    /// Pixel row of data y (unrounded).
    #[must_use]
    pub fn y_to_px(&self, y: f64) -> f64 {
        let (a, b) = self.y_range;
        self.plot.y1 as f64 - (y - a) / (b - a) * (self.plot.y1 - self.plot.y0) as f64
    }

    /// Data x at a pixel column (the inverse of [`PlotMapping::x_to_px`]).
    #[must_use]
    pub fn px_to_x(&self, px: f64) -> f64 {
        let (a, b) = self.x_range;
        let w = (self.plot.x1 - self.plot.x0) as f64;
        if w == 0.0 {
            return a;
        }
        a + (px - self.plot.x0 as f64) / w * (b - a)
    }

    /// Data y at a pixel row (the inverse of [`PlotMapping::y_to_px`]).
    #[must_use]
    pub fn px_to_y(&self, py: f64) -> f64 {
        let (a, b) = self.y_range;
        let h = (self.plot.y1 - self.plot.y0) as f64;
        if h == 0.0 {
            return a;
        }
        a + (self.plot.y1 as f64 - py) / h * (b - a)
    }

    /// Whether a pixel lies in the data rectangle.
    #[must_use]
    pub fn contains(&self, px: f64, py: f64) -> bool {
        self.plot.contains(px, py)
    }

    /// The sample under pixel column `px`, or `None` outside the data rectangle's columns (or
    /// with no samples). With steps, the sample whose step `[x_i, x_{i+1})` holds the column's
    /// data x; otherwise the sample nearest to it.
    #[must_use]
    pub fn index_at(&self, px: f64) -> Option<usize> {
        if self.xs.is_empty()
            || !px.is_finite()
            || px < self.plot.x0 as f64
            || px > self.plot.x1 as f64
        {
            return None;
        }
        // Work in pixels (x_to_px is monotone), with a small tolerance so that the pixel of a
        // sample always selects that sample despite rounding in the forward mapping.
        const EPS: f64 = 1e-6;
        // First index whose pixel lies to the right of px.
        let after = self.xs.partition_point(|&v| self.x_to_px(v) <= px + EPS);
        if self.step {
            return Some(after.saturating_sub(1));
        }
        if after == 0 {
            return Some(0);
        }
        if after == self.xs.len() {
            return Some(after - 1);
        }
        let (lo, hi) = (after - 1, after);
        let (dlo, dhi) = (
            px - self.x_to_px(self.xs[lo]),
            self.x_to_px(self.xs[hi]) - px,
        );
        Some(if dlo <= dhi { lo } else { hi })
    }

    /// [`PlotMapping::index_at`], but only when the pointer is inside the data rectangle.
    #[must_use]
    pub fn index_at_point(&self, px: f64, py: f64) -> Option<usize> {
        if self.contains(px, py) {
            self.index_at(px)
        } else {
            None
        }
    }

    /// Pixel column of sample `i` (the start of its step when drawn as steps), for a cursor line.
    #[must_use]
    pub fn sample_px(&self, i: usize) -> Option<f64> {
        self.xs.get(i).map(|&x| self.x_to_px(x))
    }
}

fn sane_range((a, b): (f64, f64)) -> (f64, f64) {
    if a.is_finite() && b.is_finite() {
        if a < b {
            (a, b)
        } else if a > b {
            (b, a)
        } else {
            (a - 0.5, a + 0.5)
        }
    } else {
        (0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect() -> PixelRect {
        PixelRect {
            x0: 50,
            y0: 20,
            x1: 650,
            y1: 320,
        }
    }

    fn uniform(n: usize, dx: f64) -> Vec<f64> {
        (0..n).map(|k| k as f64 * dx).collect()
    }

    #[test]
    fn pixel_data_round_trip() {
        let m = PlotMapping::new(rect(), (0.0, 4.0), (-1.0, 1.0), uniform(5, 1.0), false);
        assert_eq!(m.x_to_px(0.0), 50.0);
        assert_eq!(m.x_to_px(4.0), 650.0);
        assert_eq!(m.y_to_px(-1.0), 320.0);
        assert_eq!(m.y_to_px(1.0), 20.0);
        assert_eq!(m.y_to_px(0.0), 170.0);
        for px in [50.0, 77.25, 333.0, 650.0] {
            assert!((m.x_to_px(m.px_to_x(px)) - px).abs() < 1e-9);
        }
        for y in [-1.0, -0.3, 0.0, 0.9, 1.0] {
            assert!((m.px_to_y(m.y_to_px(y)) - y).abs() < 1e-12);
        }
    }

    #[test]
    fn nearest_sample_round_trips_at_every_sample_and_pixel() {
        let xs = uniform(256, 4.0 * std::f64::consts::PI / 256.0);
        let m = PlotMapping::new(rect(), (xs[0], xs[255]), (-1.0, 1.0), xs.clone(), false);
        for (i, &x) in xs.iter().enumerate() {
            assert_eq!(m.index_at(m.x_to_px(x)), Some(i));
            assert_eq!(m.sample_px(i), Some(m.x_to_px(x)));
        }
        // Every pixel column maps to a sample whose pixel is within half a sample spacing.
        let spacing = 600.0 / 255.0;
        let mut last = 0;
        for px in 50..=650 {
            let i = m.index_at(px as f64).unwrap();
            assert!(i >= last, "monotone");
            last = i;
            assert!((m.sample_px(i).unwrap() - px as f64).abs() <= spacing / 2.0 + 1e-9);
        }
        assert_eq!(m.index_at(49.9), None);
        assert_eq!(m.index_at(650.1), None);
        assert_eq!(m.index_at(f64::NAN), None);
    }

    #[test]
    fn step_mapping_picks_the_step_under_the_pointer() {
        // 4 samples drawn as steps over [0, 4): sample i spans [i, i+1) = 150 px.
        let m = PlotMapping::new(rect(), (0.0, 4.0), (-1.0, 1.0), uniform(4, 1.0), true);
        assert_eq!(m.index_at(50.0), Some(0));
        assert_eq!(m.index_at(199.0), Some(0));
        assert_eq!(m.index_at(200.0), Some(1));
        assert_eq!(m.index_at(649.0), Some(3));
        assert_eq!(m.index_at(650.0), Some(3));
        for i in 0..4 {
            let start = m.sample_px(i).unwrap();
            assert_eq!(m.index_at(start), Some(i));
            assert_eq!(m.index_at(start + 149.0), Some(i));
        }
    }

    #[test]
    fn point_must_be_inside() {
        let m = PlotMapping::new(rect(), (0.0, 1.0), (0.0, 1.0), uniform(2, 1.0), false);
        assert_eq!(m.index_at_point(100.0, 100.0), Some(0));
        assert_eq!(m.index_at_point(100.0, 10.0), None);
        assert_eq!(m.index_at_point(100.0, 321.0), None);
        assert!(m.contains(650.0, 320.0));
    }

    #[test]
    fn degenerate_inputs_do_not_divide_by_zero() {
        let empty = PlotMapping::new(rect(), (0.0, 0.0), (f64::NAN, 1.0), vec![], false);
        assert_eq!(empty.index_at(100.0), None);
        assert!(empty.is_empty());
        assert_eq!(empty.x_range, (-0.5, 0.5));
        assert_eq!(empty.y_range, (0.0, 1.0));
        let flat = PixelRect {
            x0: 10,
            y0: 10,
            x1: 10,
            y1: 10,
        };
        let m = PlotMapping::new(flat, (0.0, 1.0), (0.0, 1.0), vec![0.0], false);
        assert_eq!(m.px_to_x(10.0), 0.0);
        assert_eq!(m.px_to_y(10.0), 0.0);
        assert_eq!(m.index_at(10.0), Some(0));
        let swapped = PlotMapping::new(rect(), (4.0, 0.0), (1.0, -1.0), vec![], false);
        assert_eq!(swapped.x_range, (0.0, 4.0));
        assert_eq!(swapped.y_range, (-1.0, 1.0));
    }
}
