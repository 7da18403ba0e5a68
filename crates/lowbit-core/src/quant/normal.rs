//! The standard normal distribution, and the NF4 table rebuilt from its quantiles (QLoRA,
//! bitsandbytes' `create_normal_map`).

use std::f64::consts::{PI, SQRT_2};

/// erfc(x) = 1 − erf(x), accurate to a few ulps: a Taylor series of erf for |x| < 2, a
/// continued fraction (modified Lentz) beyond. NaN → NaN.
pub fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    if x < 2.0 {
        // erf(x) = 2/√π Σ (−1)^n x^(2n+1) / (n! (2n+1))
        let (mut term, mut sum, x2) = (x, x, x * x);
        for n in 1..200 {
            term *= -x2 / n as f64;
            let add = term / (2 * n + 1) as f64;
            sum += add;
            if add.abs() < 1e-17 * sum.abs() {
                break;
            }
        }
        return 1.0 - 2.0 / PI.sqrt() * sum;
    }
    if x > 27.3 {
        return 0.0;
    }
    // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
    let tiny = 1e-300;
    let mut f = x;
    let (mut c, mut d) = (x, 0.0);
    for n in 1..500 {
        let a = n as f64 / 2.0;
        d = x + a * d;
        d = if d.abs() < tiny { 1.0 / tiny } else { 1.0 / d };
        c = x + a / c;
        if c.abs() < tiny {
            c = tiny;
        }
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < 1e-16 {
            break;
        }
    }
    (-x * x).exp() / PI.sqrt() / f
}

/// Φ(x), the standard normal CDF.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / SQRT_2)
}

/// Φ⁻¹(p), the standard normal quantile (scipy's `norm.ppf`): Acklam's rational
/// approximation refined by one Halley step on [`normal_cdf`] (≈1e-15 relative).
/// p ≤ 0 → −∞, p ≥ 1 → +∞, NaN → NaN.
#[allow(clippy::excessive_precision)] // Acklam's published coefficients
pub fn inverse_normal_cdf(p: f64) -> f64 {
    if p.is_nan() {
        return f64::NAN;
    }
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    const A: [f64; 6] = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.383577518672690e2, -3.066479806614716e1, 2.506628277459239];
    const B: [f64; 5] = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
    const C: [f64; 6] = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
    const D: [f64; 4] = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
    const LOW: f64 = 0.02425;
    let tail = |q: f64| {
        let r = (-2.0 * q.ln()).sqrt();
        (((((C[0] * r + C[1]) * r + C[2]) * r + C[3]) * r + C[4]) * r + C[5]) / ((((D[0] * r + D[1]) * r + D[2]) * r + D[3]) * r + 1.0)
    };
    let mut x = if p < LOW {
        tail(p)
    } else if p > 1.0 - LOW {
        -tail(1.0 - p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    // Halley refinement; in the upper half work with the complement for accuracy.
    for _ in 0..2 {
        let e = if x > 0.0 { (1.0 - p) - 0.5 * erfc(x / SQRT_2) } else { 0.5 * erfc(-x / SQRT_2) - p };
        let u = e * (2.0 * PI).sqrt() * (x * x / 2.0).exp();
        if !u.is_finite() {
            break;
        }
        x -= u / (1.0 + x * u / 2.0);
    }
    x
}

/// `torch.linspace(start, end, steps, dtype=float32)` by its scalar kernel.
pub(crate) fn linspace_f32(start: f64, end: f64, steps: usize) -> Vec<f32> {
    let (start, end) = (start as f32, end as f32);
    if steps < 2 {
        return vec![start; steps];
    }
    let step = (end - start) / (steps - 1) as f32;
    let half = steps / 2;
    (0..steps).map(|i| if i < half { start + step * i as f32 } else { end - step * (steps - i - 1) as f32 }).collect()
}

/// One NF4 level as QLoRA builds it from a quantile of N(0, 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NormalLevel {
    /// The code (index in the sorted table).
    pub code: u64,
    /// The probability p with Φ(z) = p (from torch's f32 `linspace`; 0.5 for the exact zero).
    pub p: f64,
    /// The quantile z = Φ⁻¹(p).
    pub z: f64,
    /// z divided by the largest z, exactly (before rounding to f32).
    pub level: f64,
    /// The stored value: z rounded to f32, divided in f32 by the largest z rounded to f32.
    pub value: f32,
}

/// The 16 NF4 levels from N(0, 1) quantiles, as bitsandbytes' `create_normal_map(offset)`
/// builds them (`use_extra_value=True`): 8 positive quantiles `ppf(linspace(offset, 0.5, 9)[:-1])`,
/// 7 negative `-ppf(linspace(offset, 0.5, 8)[:-1])`, an exact 0, sorted, divided by the
/// largest — each rounded to f32 as torch stores them. `offset = 0.9677083` gives NF4.
pub fn nf4_levels(offset: f64) -> [NormalLevel; 16] {
    let level = |p: f64, z: f64| NormalLevel { code: 0, p, z, level: 0.0, value: z as f32 };
    let mut levels: Vec<NormalLevel> = Vec::with_capacity(16);
    levels.extend(linspace_f32(offset, 0.5, 9)[..8].iter().map(|&p| level(p as f64, inverse_normal_cdf(p as f64))));
    levels.extend(linspace_f32(offset, 0.5, 8)[..7].iter().map(|&p| level(1.0 - p as f64, -inverse_normal_cdf(p as f64))));
    levels.push(level(0.5, 0.0));
    levels.sort_by(|a, b| a.z.total_cmp(&b.z));
    let zmax = levels.iter().map(|l| l.z).fold(f64::MIN, f64::max);
    let max = zmax as f32;
    let mut out = [NormalLevel { code: 0, p: 0.5, z: 0.0, level: 0.0, value: 0.0 }; 16];
    for (code, (o, l)) in out.iter_mut().zip(levels).enumerate() {
        *o = NormalLevel { code: code as u64, level: l.z / zmax, value: l.value / max, ..l };
    }
    out
}

/// The NF4 table from N(0, 1) quantiles: the values of [`nf4_levels`].
pub fn nf4_from_quantiles(offset: f64) -> [f32; 16] {
    nf4_levels(offset).map(|l| l.value)
}

/// The outermost quantile QLoRA / bitsandbytes use for NF4 (`offset=0.9677083`).
pub const NF4_OFFSET: f64 = 0.967_708_3;
