//! Axis ticks: "nice" positions (1, 2, 2.5, 5 × 10ᵏ, or multiples of π) and their labels.
//!
//! Pure functions, so the app and tests can predict exactly what an axis shows.

use std::f64::consts::PI;

/// How an axis places and labels its ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum TickStyle {
    /// Decimal multiples of 1, 2, 2.5 or 5 × 10ᵏ, labelled as decimals (scientific when tiny
    /// or huge).
    #[default]
    Decimal,
    /// Multiples of π/4, π/2, π, 2π, 5π, … labelled `π/2`, `π`, `3π/2`, … (for phases in
    /// radians, such as the sine's x axis).
    Pi,
}

/// One tick: its data value and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position in data units.
    pub value: f64,
    /// Text to draw.
    pub label: String,
}

/// At most `max_ticks` (at least 2 are aimed for) ticks inside `[lo, hi]`, nicely spaced.
/// Non-finite or empty ranges give no ticks.
#[must_use]
pub fn ticks(lo: f64, hi: f64, max_ticks: usize, style: TickStyle) -> Vec<Tick> {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if !(lo.is_finite() && hi.is_finite()) || max_ticks == 0 {
        return Vec::new();
    }
    if lo == hi {
        let label = match style {
            TickStyle::Decimal => format_decimal(lo, NiceStep::for_value(lo)),
            TickStyle::Pi => format_pi_approx(lo),
        };
        return vec![Tick { value: lo, label }];
    }
    match style {
        TickStyle::Decimal => decimal_ticks(lo, hi, max_ticks),
        TickStyle::Pi => pi_ticks(lo, hi, max_ticks),
    }
}

/// A step `mantissa × 10^exp`, mantissa in {1, 2, 2.5, 5}, kept exact so tick values can be
/// computed as `i × mantissa × 10^exp` with one rounding.
#[derive(Clone, Copy, Debug, PartialEq)]
struct NiceStep {
    /// Mantissa × 2 (2, 4, 5, 10), an integer so 2.5 stays exact.
    twice_mantissa: i64,
    exp: i32,
}

impl NiceStep {
    fn value(self) -> f64 {
        self.tick(1)
    }

    /// `i × step`, rounded once.
    fn tick(self, i: i64) -> f64 {
        let num = (i * self.twice_mantissa) as f64;
        if self.exp >= 0 {
            num * 10f64.powi(self.exp) / 2.0
        } else {
            num / (2.0 * 10f64.powi(-self.exp))
        }
    }

    /// Decimal places needed to print multiples of this step exactly.
    fn decimals(self) -> usize {
        let extra = usize::from(self.twice_mantissa == 5);
        if self.exp >= 0 {
            // 2.5 × 10^0 needs one decimal, 25 does not.
            if self.exp == 0 {
                extra
            } else {
                0
            }
        } else {
            (-self.exp) as usize + extra
        }
    }

    /// The smallest nice step ≥ `raw`.
    fn at_least(raw: f64) -> NiceStep {
        let exp = raw.log10().floor() as i32;
        for exp in [exp - 1, exp, exp + 1] {
            for twice_mantissa in [2, 4, 5, 10] {
                let s = NiceStep {
                    twice_mantissa,
                    exp,
                };
                if s.value() >= raw * (1.0 - 1e-12) {
                    return s;
                }
            }
        }
        NiceStep {
            twice_mantissa: 2,
            exp: exp + 2,
        }
    }

    /// A step suited to printing a lone value.
    fn for_value(v: f64) -> NiceStep {
        let mag = if v == 0.0 { 1.0 } else { v.abs() / 10.0 };
        NiceStep::at_least(mag)
    }
}

fn decimal_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<Tick> {
    let span = hi - lo;
    let mut step = NiceStep::at_least(span / max_ticks.max(1) as f64);
    loop {
        let first = (lo / step.value() - 1e-9).ceil() as i64;
        let last = (hi / step.value() + 1e-9).floor() as i64;
        if last - first < max_ticks as i64 {
            return (first..=last)
                .map(|i| {
                    let v = step.tick(i);
                    let v = if v == 0.0 { 0.0 } else { v };
                    Tick {
                        value: v,
                        label: format_decimal(v, step),
                    }
                })
                .collect();
        }
        step = NiceStep::at_least(step.value() * 1.0001);
    }
}

/// Prints a tick value: fixed decimals when the step is ≥ 1e-4 and the value < 1e6, otherwise
/// the shortest scientific form (`2.5e-5`). Never prints `-0`.
fn format_decimal(v: f64, step: NiceStep) -> String {
    if v == 0.0 {
        return "0".to_string();
    }
    let scientific = step.value() < 1e-4 || v.abs() >= 1e6;
    let s = if scientific {
        format!("{v:e}")
    } else {
        format!("{v:.*}", step.decimals())
    };
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        "0".to_string()
    } else {
        s
    }
}

/// Steps in units of π: numerator/denominator pairs.
const PI_STEPS: [(i64, i64); 12] = [
    (1, 4),
    (1, 2),
    (1, 1),
    (2, 1),
    (5, 1),
    (10, 1),
    (20, 1),
    (50, 1),
    (100, 1),
    (200, 1),
    (500, 1),
    (1000, 1),
];

fn pi_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<Tick> {
    for (num, den) in PI_STEPS {
        let step = PI * num as f64 / den as f64;
        let first = (lo / step - 1e-9).ceil() as i64;
        let last = (hi / step + 1e-9).floor() as i64;
        if last - first < max_ticks as i64 {
            return (first..=last)
                .map(|i| {
                    // i·num/den of π, reduced.
                    let (n, d) = reduce(i * num, den);
                    Tick {
                        value: PI * n as f64 / d as f64,
                        label: format_pi(n, d),
                    }
                })
                .collect();
        }
    }
    // Ranges beyond 1000π: fall back to decimal ticks.
    decimal_ticks(lo, hi, max_ticks)
}

fn reduce(n: i64, d: i64) -> (i64, i64) {
    fn gcd(a: i64, b: i64) -> i64 {
        if b == 0 {
            a.abs().max(1)
        } else {
            gcd(b, a % b)
        }
    }
    let g = gcd(n, d);
    (n / g, d / g)
}

/// `n/d · π` as text: `0`, `π`, `-π`, `3π`, `π/2`, `-3π/4`.
fn format_pi(n: i64, d: i64) -> String {
    if n == 0 {
        return "0".to_string();
    }
    let sign = if n < 0 { "-" } else { "" };
    let a = n.abs();
    let coef = if a == 1 { String::new() } else { a.to_string() };
    if d == 1 {
        format!("{sign}{coef}π")
    } else {
        format!("{sign}{coef}π/{d}")
    }
}

fn format_pi_approx(v: f64) -> String {
    let quarters = (v / PI * 4.0).round();
    if ((quarters * PI / 4.0) - v).abs() < 1e-9 * v.abs().max(1.0) {
        let (n, d) = reduce(quarters as i64, 4);
        format_pi(n, d)
    } else {
        format_decimal(v, NiceStep::for_value(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(t: &[Tick]) -> Vec<&str> {
        t.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn unit_range() {
        let t = ticks(-1.05, 1.05, 6, TickStyle::Decimal);
        assert_eq!(labels(&t), ["-1.0", "-0.5", "0", "0.5", "1.0"]);
        assert_eq!(t[1].value, -0.5);
        let t = ticks(-1.05, 1.05, 10, TickStyle::Decimal);
        assert_eq!(
            labels(&t),
            ["-1.00", "-0.75", "-0.50", "-0.25", "0", "0.25", "0.50", "0.75", "1.00"]
        );
    }

    #[test]
    fn counts_never_exceed_the_maximum() {
        for &(lo, hi) in &[
            (0.0, 1.0),
            (-3.7, 12.9),
            (0.0, 1e-5),
            (1e5, 3e7),
            (-0.013, 0.0),
            (0.0, 255.0),
        ] {
            for max in 1..12 {
                let t = ticks(lo, hi, max, TickStyle::Decimal);
                assert!(t.len() <= max, "{lo}..{hi} max {max}: {}", t.len());
                assert!(max == 1 || !t.is_empty(), "{lo}..{hi} max {max}");
                for w in t.windows(2) {
                    assert!(w[1].value > w[0].value);
                }
                for tk in &t {
                    assert!(tk.value >= lo - 1e-9 * (hi - lo) && tk.value <= hi + 1e-9 * (hi - lo));
                }
            }
        }
    }

    #[test]
    fn labels_are_exact_and_never_negative_zero() {
        let t = ticks(0.0, 0.3, 4, TickStyle::Decimal);
        assert_eq!(labels(&t), ["0", "0.1", "0.2", "0.3"]);
        assert_eq!(t[3].value, 0.3);
        let t = ticks(-0.0, 7.5, 4, TickStyle::Decimal);
        assert_eq!(labels(&t), ["0", "2", "4", "6"]);
        let t = ticks(0.0, 1000.0, 5, TickStyle::Decimal);
        assert_eq!(labels(&t), ["0", "250", "500", "750", "1000"]);
        let t = ticks(0.0, 4e-5, 5, TickStyle::Decimal);
        assert_eq!(labels(&t), ["0", "1e-5", "2e-5", "3e-5", "4e-5"]);
        let t = ticks(0.0, 0.0021, 4, TickStyle::Decimal);
        assert_eq!(labels(&t), ["0", "0.001", "0.002"]);
        assert_eq!(labels(&ticks(2.0, 2.0, 5, TickStyle::Decimal)), ["2.0"]);
    }

    #[test]
    fn pi_ticks_for_the_seed_sine() {
        let x_end = 4.0 * PI;
        let t = ticks(0.0, x_end, 10, TickStyle::Pi);
        assert_eq!(
            labels(&t),
            ["0", "π/2", "π", "3π/2", "2π", "5π/2", "3π", "7π/2", "4π"]
        );
        assert_eq!(t[2].value, PI);
        let t = ticks(0.0, x_end, 6, TickStyle::Pi);
        assert_eq!(labels(&t), ["0", "π", "2π", "3π", "4π"]);
        let t = ticks(-PI, PI, 9, TickStyle::Pi);
        assert_eq!(
            labels(&t),
            ["-π", "-3π/4", "-π/2", "-π/4", "0", "π/4", "π/2", "3π/4", "π"]
        );
        assert_eq!(
            labels(&ticks(0.0, 4.0 * PI - 0.05, 6, TickStyle::Pi)),
            ["0", "π", "2π", "3π"]
        );
    }

    #[test]
    fn bad_ranges_give_no_ticks() {
        assert!(ticks(f64::NAN, 1.0, 5, TickStyle::Decimal).is_empty());
        assert!(ticks(0.0, f64::INFINITY, 5, TickStyle::Pi).is_empty());
        assert!(ticks(0.0, 1.0, 0, TickStyle::Decimal).is_empty());
        // Reversed ranges are accepted.
        assert_eq!(ticks(1.0, 0.0, 3, TickStyle::Decimal).len(), 3);
    }
}
