//! Where a scheme's stored values sit on the values it was given: the values' histogram and
//! the reconstruction counted into the same bins, or, when it stores at most [`MAX_LEVELS`]
//! distinct values, those values (drawn as lines). The Quantize view's histogram comes from
//! [`LevelsHistogram::of`]; the Tensors ranking counts each scheme with [`LevelOverlay::of`].

use std::collections::HashSet;

use lowbit_tensors::histogram::{bin_of, Histogram};
use serde::{Deserialize, Serialize};

/// The most distinct stored values an overlay draws as lines.
pub const MAX_LEVELS: usize = 64;

/// A reconstruction over a histogram's bins.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LevelOverlay {
    /// The reconstruction counted into the bins (NaN and ±Inf left out).
    pub level_counts: Vec<u32>,
    /// The distinct finite stored values in ascending order, when there are at most
    /// [`MAX_LEVELS`] distinct values; else empty.
    pub levels: Vec<f32>,
    /// How many distinct values the reconstruction holds (−0 and +0 are one); counting stops
    /// at [`MAX_LEVELS`] + 1, which means "more".
    pub distinct: usize,
}

impl LevelOverlay {
    /// Counts `dequantized` into `bins` equal bins over `lo..hi` and collects its distinct
    /// values.
    pub fn of(dequantized: &[f32], lo: f64, hi: f64, bins: usize) -> LevelOverlay {
        let mut level_counts = vec![0u32; bins];
        let mut seen: HashSet<u32> = HashSet::new();
        for &v in dequantized {
            if let Some(b) = bin_of(v as f64, lo, hi, bins) {
                level_counts[b] = level_counts[b].saturating_add(1);
            }
            if seen.len() <= MAX_LEVELS {
                seen.insert(if v == 0.0 { 0 } else { v.to_bits() });
            }
        }
        let distinct = seen.len();
        let mut levels: Vec<f32> = if distinct <= MAX_LEVELS { seen.into_iter().map(f32::from_bits).filter(|v| v.is_finite()).collect() } else { Vec::new() };
        levels.sort_by(f32::total_cmp);
        LevelOverlay { level_counts, levels, distinct }
    }
}

/// The histogram of some values with a scheme's reconstruction of them overlaid.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LevelsHistogram {
    /// Lower edge of the first bin.
    pub lo: f64,
    /// Upper edge of the last bin.
    pub hi: f64,
    /// Values per bin.
    pub counts: Vec<u32>,
    /// Values left out: NaN and ±Inf.
    pub nonfinite: usize,
    /// The reconstruction in the same bins.
    pub overlay: LevelOverlay,
}

impl LevelsHistogram {
    /// The bins for `n` values: twice √n, at least 16 and at most 128 (a few pasted numbers
    /// still show where the levels fall; a million show their shape without noise).
    pub fn bins_for(n: usize) -> usize {
        ((2.0 * (n as f64).sqrt()).ceil() as usize).clamp(16, 128)
    }

    /// `values` in [`Self::bins_for`] bins over their finite range, and `dequantized` (their
    /// reconstruction) over the same bins.
    pub fn of(values: &[f32], dequantized: &[f32]) -> LevelsHistogram {
        let exact: Vec<f64> = values.iter().map(|&v| v as f64).collect();
        let h = Histogram::of(&exact, Self::bins_for(values.len()));
        let overlay = LevelOverlay::of(dequantized, h.lo, h.hi, h.counts.len());
        LevelsHistogram { lo: h.lo, hi: h.hi, counts: h.counts, nonfinite: h.nonfinite, overlay }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lowbit_core::quant::{Options, Scheme};

    #[test]
    fn a_4_bit_scheme_stores_few_levels_in_the_values_range() {
        // 60 values: one block of int4_absmax's 64, so one scale and at most 15 levels.
        let values: Vec<f32> = (0..60).map(|i| ((i as f32) * 0.61).sin() * 3.0).collect();
        let q = Scheme::parse("int4_absmax").unwrap().quantize(&values, &Options::default());
        let h = LevelsHistogram::of(&values, &q.dequantized);
        assert_eq!(h.counts.len(), 16, "2·√60 = 15.5 → 16 bins");
        assert_eq!(LevelsHistogram::bins_for(1000), 64, "2·√1000 = 63.2 → 64");
        assert_eq!(h.counts.iter().sum::<u32>(), 60);
        assert_eq!(h.overlay.level_counts.iter().sum::<u32>(), 60);
        assert!(h.overlay.levels.len() <= 15 && h.overlay.levels.len() == h.overlay.distinct, "{:?}", h.overlay);
        assert!(h.overlay.levels.windows(2).all(|w| w[0] < w[1]));
        // Every stored value is one of the reconstruction's.
        for v in &q.dequantized {
            assert!(h.overlay.levels.contains(v));
        }
    }

    #[test]
    fn many_distinct_values_give_counts_only_and_nonfinite_values_are_left_out() {
        let values: Vec<f32> = (0..5000).map(|i| i as f32 / 7.0).chain([f32::NAN, f32::INFINITY]).collect();
        let h = LevelsHistogram::of(&values, &values);
        assert_eq!((h.nonfinite, h.counts.len()), (2, 128));
        assert!(h.overlay.levels.is_empty());
        assert_eq!(h.overlay.distinct, MAX_LEVELS + 1);
        assert_eq!(h.overlay.level_counts, h.counts);
        assert_eq!(LevelsHistogram::bins_for(4), 16);
        let zeros = LevelOverlay::of(&[0.0, -0.0], -1.0, 1.0, 4);
        assert_eq!((zeros.distinct, zeros.levels.len()), (1, 1), "−0 and +0 are one level");
    }
}
