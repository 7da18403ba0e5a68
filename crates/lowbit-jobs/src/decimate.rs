//! A chart-sized view of a long series: min and max per pixel column.
//!
//! A canvas `columns` pixels wide cannot show more than one vertical span per column. For a
//! series of `n` samples, column `c` covers samples `c·n/columns .. (c+1)·n/columns`; the view
//! keeps two points per column — the column's smallest and largest value, in the order they
//! occur, placed at the column's first and last sample. Drawn as one polyline, it covers
//! exactly the pixels the full series covers in that column (so a single-sample spike or a
//! quantization step stays visible), at 2 points per column instead of thousands.
//!
//! Every series of one chart is decimated with the same columns, so they share one x axis
//! ([`Columns::indices`]). Series of at most `2·columns` samples are kept whole.

use std::ops::Range;

/// The widest canvas, in device pixels, that a view is computed for.
pub const MAX_COLUMNS: usize = 8192;

/// The columns a series of `n` samples is split into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    n: usize,
    columns: usize,
}

impl Columns {
    /// Columns for `n` samples drawn `width` device pixels wide (clamped to
    /// 1..=[`MAX_COLUMNS`]). With `n <= 2·width` every sample is its own column.
    pub fn new(n: usize, width: usize) -> Columns {
        let width = width.clamp(1, MAX_COLUMNS);
        let columns = if n <= 2 * width { n } else { width };
        Columns { n, columns }
    }

    /// Whether the view is the whole series.
    pub fn is_whole(&self) -> bool {
        self.columns == self.n
    }

    /// The number of columns.
    pub fn len(&self) -> usize {
        self.columns
    }

    /// Whether there are no columns (an empty series).
    pub fn is_empty(&self) -> bool {
        self.columns == 0
    }

    /// The samples of column `c` (empty past the end).
    pub fn range(&self, c: usize) -> Range<usize> {
        if c >= self.columns {
            return self.n..self.n;
        }
        let at = |c: usize| ((c as u128 * self.n as u128) / self.columns as u128) as usize;
        at(c)..at(c + 1)
    }

    /// The sample index of every point of the view: each sample when whole, else each
    /// column's first and last sample.
    pub fn indices(&self) -> Vec<u32> {
        if self.is_whole() {
            return (0..self.n).map(|i| i as u32).collect();
        }
        let mut out = Vec::with_capacity(2 * self.columns);
        for c in 0..self.columns {
            let r = self.range(c);
            out.push(r.start as u32);
            out.push(r.end.saturating_sub(1).max(r.start) as u32);
        }
        out
    }

    /// The view of the series whose sample `i` is `value(i)`: the value itself when whole,
    /// else per column its min and max in the order they occur (NaN are skipped; a column
    /// of NaN gives NaN, a gap in the chart).
    pub fn reduce(&self, value: impl Fn(usize) -> f32) -> Vec<f32> {
        if self.is_whole() {
            return (0..self.n).map(value).collect();
        }
        let mut out = Vec::with_capacity(2 * self.columns);
        for c in 0..self.columns {
            let mut low: Option<(f32, usize)> = None;
            let mut high: Option<(f32, usize)> = None;
            for i in self.range(c) {
                let v = value(i);
                if v.is_nan() {
                    continue;
                }
                if low.is_none_or(|(l, _)| v < l) {
                    low = Some((v, i));
                }
                if high.is_none_or(|(h, _)| v > h) {
                    high = Some((v, i));
                }
            }
            match (low, high) {
                (Some((l, li)), Some((h, hi))) => {
                    if li <= hi {
                        out.extend([l, h]);
                    } else {
                        out.extend([h, l]);
                    }
                }
                _ => out.extend([f32::NAN, f32::NAN]),
            }
        }
        out
    }

    /// [`Columns::reduce`] of a slice (samples past its end read as NaN).
    pub fn reduce_slice(&self, values: &[f32]) -> Vec<f32> {
        self.reduce(|i| values.get(i).copied().unwrap_or(f32::NAN))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_series_are_kept_whole() {
        let c = Columns::new(10, 5);
        assert!(c.is_whole());
        assert_eq!(c.indices(), (0..10).collect::<Vec<u32>>());
        let v: Vec<f32> = (0..10).map(|i| i as f32).collect();
        assert_eq!(c.reduce_slice(&v), v);
    }

    #[test]
    fn columns_partition_the_samples() {
        for (n, w) in [(1_048_576, 1000), (1001, 500), (7919, 13), (100, 49)] {
            let c = Columns::new(n, w);
            assert_eq!(c.len(), w);
            let mut next = 0;
            for col in 0..c.len() {
                let r = c.range(col);
                assert_eq!(r.start, next);
                assert!(!r.is_empty());
                next = r.end;
            }
            assert_eq!(next, n);
            assert_eq!(c.indices().len(), 2 * w);
        }
    }

    #[test]
    fn spikes_and_steps_survive() {
        // A flat series with one spike and one dip: every column keeps its extremes in order.
        let n = 100_000;
        let mut v = vec![0.5f32; n];
        for x in v.iter_mut().skip(50_000) {
            *x += 1.0;
        }
        v[12_345] = 9.0;
        v[77_777] = -3.0;
        let c = Columns::new(n, 100);
        let view = c.reduce_slice(&v);
        let max = view.iter().copied().fold(f32::MIN, f32::max);
        let min = view.iter().copied().fold(f32::MAX, f32::min);
        assert_eq!((max, min), (9.0, -3.0));
        // The column holding the step spans both levels.
        let col = (0..c.len()).find(|&k| c.range(k).contains(&50_000)).unwrap();
        let (a, b) = (view[2 * col], view[2 * col + 1]);
        if c.range(col).start < 50_000 {
            assert_eq!((a, b), (0.5, 1.5));
        }
        // Each column's pair is its min and max, in order of occurrence.
        for k in 0..c.len() {
            let r = c.range(k);
            let slice = &v[r.clone()];
            let lo = slice.iter().copied().fold(f32::MAX, f32::min);
            let hi = slice.iter().copied().fold(f32::MIN, f32::max);
            let pair = [view[2 * k], view[2 * k + 1]];
            assert!(pair == [lo, hi] || pair == [hi, lo]);
        }
    }

    #[test]
    fn nan_columns_are_gaps() {
        let mut v = vec![f32::NAN; 40];
        v[35] = 2.0;
        let c = Columns::new(40, 4);
        let view = c.reduce_slice(&v);
        assert!(view[0].is_nan() && view[1].is_nan());
        assert_eq!(&view[6..8], &[2.0, 2.0]);
    }

    #[test]
    fn degenerate_sizes_do_not_panic() {
        assert!(Columns::new(0, 100).is_empty());
        assert_eq!(Columns::new(5, 0).len(), 1);
        assert_eq!(Columns::new(2, 0).len(), 2);
        assert_eq!(Columns::new(1 << 20, usize::MAX).len(), MAX_COLUMNS);
        assert!(Columns::new(3, 1).range(7).is_empty());
    }
}
