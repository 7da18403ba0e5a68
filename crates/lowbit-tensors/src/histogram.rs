//! A histogram of a tensor's values over equal bins, and the bin of a value (the compute
//! worker counts a reconstruction into the same bins).

/// Equal-width bins over `lo..hi` with a count per bin.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Histogram {
    /// Lower edge of the first bin.
    pub lo: f64,
    /// Upper edge of the last bin (> `lo`).
    pub hi: f64,
    /// Values per bin.
    pub counts: Vec<u32>,
    /// Values left out: NaN and ±Inf.
    pub nonfinite: usize,
}

impl Histogram {
    /// The histogram of `values` in `bins` bins (1 to 4096) spanning their finite range (a
    /// range of one value, or none, is widened by 1 each side).
    pub fn of(values: &[f64], bins: usize) -> Histogram {
        let bins = bins.clamp(1, 4096);
        let (lo, hi) = values.iter().filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
        let (lo, hi) = if lo < hi && (hi - lo).is_finite() {
            (lo, hi)
        } else if lo.is_finite() {
            (lo - 1.0, lo + 1.0)
        } else {
            (-1.0, 1.0)
        };
        let mut h = Histogram { lo, hi, counts: vec![0; bins], nonfinite: 0 };
        for &v in values {
            match h.bin(v) {
                Some(b) => h.counts[b] = h.counts[b].saturating_add(1),
                None => h.nonfinite += 1,
            }
        }
        h
    }

    /// The bin of `v`: values below `lo` or above `hi` go to the end bins; None for NaN, ±Inf.
    pub fn bin(&self, v: f64) -> Option<usize> {
        bin_of(v, self.lo, self.hi, self.counts.len())
    }
}

/// The bin of `v` among `bins` equal bins over `lo..hi` (clamped to the end bins; None for
/// NaN and ±Inf, or no bins).
pub fn bin_of(v: f64, lo: f64, hi: f64, bins: usize) -> Option<usize> {
    if !v.is_finite() || bins == 0 {
        return None;
    }
    let t = (v - lo) / (hi - lo);
    let b = (t * bins as f64).floor();
    Some(if b.is_nan() || b < 0.0 { 0 } else { (b as usize).min(bins - 1) })
}

/// A name or text of any length, shortened for a message (at most 60 characters, with `…`).
pub(crate) fn short(text: &str) -> String {
    if text.chars().count() <= 60 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(59).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_and_edges() {
        let h = Histogram::of(&[0.0, 1.0, 2.0, 3.0, 4.0, f64::NAN, f64::INFINITY], 4);
        assert_eq!((h.lo, h.hi), (0.0, 4.0));
        assert_eq!(h.counts, [1, 1, 1, 2]);
        assert_eq!(h.nonfinite, 2);
        assert_eq!(h.bin(-10.0), Some(0));
        assert_eq!(h.bin(10.0), Some(3));
        let one = Histogram::of(&[5.0, 5.0], 3);
        assert_eq!((one.lo, one.hi, one.counts.clone()), (4.0, 6.0, vec![0, 2, 0]));
        let none = Histogram::of(&[], 0);
        assert_eq!(none.counts, [0]);
        let huge = Histogram::of(&[f64::MAX, -f64::MAX], 2);
        assert_eq!(huge.counts.iter().sum::<u32>() as usize + huge.nonfinite, 2);
    }
}
