//! The MNIST view's URL keys: `scheme` (the scheme whose levels the histograms overlay and
//! whose row the table and chart highlight; default `nf4`) and `sample` (a test digit, 0 to
//! 1,999; default 4, the seed's `dataset[4]`). `?view=mnist&scheme=nf4&sample=4`.

use lowbit_mnist::data::TEST_DIGITS;
use lowbit_mnist::{MnistScheme, ALL_SCHEMES};

use crate::notice::Notice;
use crate::query::ViewParams;
use crate::text::shorten;

/// The URL keys of the view.
pub const PARAMS: [&str; 2] = ["scheme", "sample"];

/// The scheme shown when the URL names none.
pub const DEFAULT_SCHEME: MnistScheme = MnistScheme::Nf4;

/// The test digit shown when the URL names none (the seed prints `dataset[4]`).
pub const DEFAULT_SAMPLE: usize = 4;

/// The view's parameters (mirrored in the URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MnistParams {
    /// The chosen scheme.
    pub scheme: MnistScheme,
    /// The test digit shown by the digit browser (0-based index into the 2,000 test digits).
    pub sample: usize,
}

impl Default for MnistParams {
    fn default() -> Self {
        MnistParams { scheme: DEFAULT_SCHEME, sample: DEFAULT_SAMPLE }
    }
}

/// The scheme ids, in table order.
pub fn scheme_ids() -> Vec<&'static str> {
    ALL_SCHEMES.iter().map(|s| s.id()).collect()
}

impl MnistParams {
    /// Applies one URL parameter; Err is the notice (the previous value is kept).
    pub fn apply(&mut self, key: &str, value: &str) -> Result<(), Notice> {
        match key {
            "scheme" => {
                self.scheme = MnistScheme::parse(value.trim()).map_err(|_| Notice::UnknownMnistScheme {
                    value: shorten(value),
                    valid: scheme_ids().join(", "),
                    showing: self.scheme.id().to_string(),
                })?;
            }
            "sample" => {
                self.sample = parse_sample(value).map_err(|_| Notice::BadSample { value: shorten(value), max: TEST_DIGITS - 1, showing: self.sample })?;
            }
            _ => {}
        }
        Ok(())
    }
}

/// A test digit index: an integer from 0 to 1,999.
pub fn parse_sample(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(i) if i < TEST_DIGITS => Ok(i),
        _ => Err(format!("sample '{}' is not a test digit (0 to {})", shorten(text), TEST_DIGITS - 1)),
    }
}

impl ViewParams for MnistParams {
    const KEYS: &'static [&'static str] = &PARAMS;

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = MnistParams::default();
        let notices = pairs.iter().filter_map(|&(k, v)| params.apply(k, v).err()).collect();
        (params, notices)
    }

    fn query_parts(&self) -> Vec<String> {
        vec![format!("scheme={}", self.scheme.id()), format!("sample={}", self.sample)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_url_and_fallbacks() {
        let (p, n) = MnistParams::from_pairs(&[("scheme", "nf4"), ("sample", "4")]);
        assert!(n.is_empty());
        assert_eq!(p.query_parts(), ["scheme=nf4", "sample=4"]);
        let (p, n) = MnistParams::from_pairs(&[("scheme", "ternary"), ("sample", "1999")]);
        assert!(n.is_empty());
        assert_eq!((p.scheme, p.sample), (MnistScheme::Ternary, 1999));
        let (p, n) = MnistParams::from_pairs(&[("scheme", "fp5"), ("sample", "2000")]);
        assert_eq!(p, MnistParams::default());
        assert_eq!(n.len(), 2, "{n:?}");
        assert!(n[0].english().contains("fp5") && n[1].english().contains("0 to 1999"), "{n:?}");
        assert_eq!(n[1], Notice::BadSample { value: "2000".into(), max: 1999, showing: MnistParams::default().sample });
        for id in scheme_ids() {
            let (p, n) = MnistParams::from_pairs(&[("scheme", id)]);
            assert!(n.is_empty());
            assert_eq!(p.scheme.id(), id);
        }
    }
}
