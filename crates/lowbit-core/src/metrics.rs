//! Error metrics of a reconstruction against its reference: MSE, RMSE, max abs error, mean
//! relative error, SQNR, and the per-element error series for plots.
//!
//! All sums are in f64. Pairs where either value is NaN or ±Inf are left out of the
//! aggregates (and counted in [`Metrics::skipped`]); their error is NaN in the series.

/// Error statistics of a reconstruction.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    /// Number of pairs compared (the shorter length).
    pub count: usize,
    /// Pairs left out of the aggregates because a value was not finite.
    pub skipped: usize,
    /// Mean squared error (NaN when no pair is finite).
    pub mse: f64,
    /// Root mean squared error.
    pub rmse: f64,
    /// Largest |reconstruction − reference| (0 when no pair is finite).
    pub max_abs_error: f64,
    /// Mean of |error| / |reference| over pairs with a nonzero reference (NaN if none).
    pub mean_relative_error: f64,
    /// Signal-to-quantization-noise ratio, 10·log10(Σ ref² / Σ err²) in dB: +∞ for an exact
    /// reconstruction, NaN when both sums are 0.
    pub sqnr_db: f64,
    /// reconstruction − reference per element (NaN where not finite).
    pub errors: Vec<f64>,
}

impl Metrics {
    /// Compares `reconstruction` with `reference` element by element (up to the shorter
    /// length). Never panics.
    pub fn compare(reference: &[f32], reconstruction: &[f32]) -> Metrics {
        let count = reference.len().min(reconstruction.len());
        let mut errors = Vec::with_capacity(count);
        let (mut sum_sq, mut signal, mut max_abs, mut rel_sum) = (0f64, 0f64, 0f64, 0f64);
        let (mut finite, mut rel_count) = (0usize, 0usize);
        for (&r, &x) in reference.iter().zip(reconstruction) {
            if !(r.is_finite() && x.is_finite()) {
                errors.push(f64::NAN);
                continue;
            }
            let (r, x) = (r as f64, x as f64);
            let e = x - r;
            errors.push(e);
            finite += 1;
            sum_sq += e * e;
            signal += r * r;
            max_abs = max_abs.max(e.abs());
            if r != 0.0 {
                rel_sum += e.abs() / r.abs();
                rel_count += 1;
            }
        }
        let mse = if finite > 0 { sum_sq / finite as f64 } else { f64::NAN };
        let sqnr_db = if finite == 0 || (sum_sq == 0.0 && signal == 0.0) {
            f64::NAN
        } else if sum_sq == 0.0 {
            f64::INFINITY
        } else {
            10.0 * (signal / sum_sq).log10()
        };
        Metrics {
            count,
            skipped: count - finite,
            mse,
            rmse: mse.sqrt(),
            max_abs_error: max_abs,
            mean_relative_error: if rel_count > 0 { rel_sum / rel_count as f64 } else { f64::NAN },
            sqnr_db,
            errors,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed() {
        let m = Metrics::compare(&[1.0, -2.0, 0.0, 4.0], &[1.5, -2.0, 0.25, 3.0]);
        assert_eq!(m.errors, vec![0.5, 0.0, 0.25, -1.0]);
        assert_eq!(m.mse, (0.25 + 0.0 + 0.0625 + 1.0) / 4.0);
        assert_eq!(m.max_abs_error, 1.0);
        assert_eq!(m.mean_relative_error, (0.5 + 0.0 + 0.25) / 3.0);
        assert!((m.sqnr_db - 10.0 * (21.0f64 / 1.3125).log10()).abs() < 1e-12);
    }

    #[test]
    fn degenerate_inputs() {
        let empty = Metrics::compare(&[], &[]);
        assert!(empty.mse.is_nan() && empty.errors.is_empty());
        let exact = Metrics::compare(&[1.0, 2.0], &[1.0, 2.0]);
        assert_eq!(exact.sqnr_db, f64::INFINITY);
        let with_nan = Metrics::compare(&[1.0, f32::NAN, 2.0], &[1.0, 5.0, f32::INFINITY]);
        assert_eq!(with_nan.skipped, 2);
        assert_eq!(with_nan.mse, 0.0);
        assert!(with_nan.errors[1].is_nan());
        let short = Metrics::compare(&[1.0, 2.0, 3.0], &[1.0]);
        assert_eq!(short.count, 1);
    }
}
