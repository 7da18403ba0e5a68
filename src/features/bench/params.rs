//! The Speed view's URL key: `n`, the elements per operation (default 16 Mi = 16,777,216;
//! from 1 to 64 Mi, what the worker holds).

use lowbit_jobs::bench::{DEFAULT_ELEMENTS, MAX_BROWSER_ELEMENTS};

use crate::notice::Notice;
use crate::query::ViewParams;
use crate::text::shorten;

/// The Speed view's state as the URL stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BenchParams {
    /// Elements per operation.
    pub n: usize,
}

impl Default for BenchParams {
    fn default() -> Self {
        BenchParams { n: DEFAULT_ELEMENTS }
    }
}

impl ViewParams for BenchParams {
    const KEYS: &'static [&'static str] = &["n"];

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = BenchParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            if key == "n" {
                match value.trim().parse::<usize>().ok().filter(|n| (1..=MAX_BROWSER_ELEMENTS).contains(n)) {
                    Some(n) => params.n = n,
                    None => notices.push(Notice::BadElements { value: shorten(value), max: MAX_BROWSER_ELEMENTS, using: DEFAULT_ELEMENTS }),
                }
            }
        }
        (params, notices)
    }

    fn query_parts(&self) -> Vec<String> {
        if self.n == DEFAULT_ELEMENTS { Vec::new() } else { vec![format!("n={}", self.n)] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn n_round_trips_and_bad_values_fall_back() {
        let (p, n) = BenchParams::from_pairs(&[("n", "65536")]);
        assert_eq!((p.n, n.len()), (65_536, 0));
        assert_eq!(p.query_parts(), ["n=65536"]);
        assert!(BenchParams::default().query_parts().is_empty());
        for bad in ["0", "-1", "x", "67108865", "1e6"] {
            let (p, n) = BenchParams::from_pairs(&[("n", bad)]);
            assert_eq!((p.n, n.len()), (DEFAULT_ELEMENTS, 1), "{bad}");
        }
    }
}
