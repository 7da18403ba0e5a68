//! The Tensors view's URL key: `scheme` (the scheme whose stored values are overlaid on the
//! histogram: any ranked scheme id, [`lowbit_jobs::ranking::ranking_schemes`]; default `nf4`).
//! The file itself is never in the URL: it is read from the visitor's disk, never uploaded.

use lowbit_jobs::ranking::ranking_schemes;

use crate::notice::Notice;
use crate::query::{encode_scheme, ViewParams};
use crate::text::shorten;

/// The scheme overlaid when the URL names none.
pub const DEFAULT_OVERLAY: &str = "nf4";

/// The Tensors view's state as the URL stores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TensorsParams {
    /// The scheme whose stored values the histogram overlays (a ranked scheme's id).
    pub scheme: String,
}

impl Default for TensorsParams {
    fn default() -> Self {
        TensorsParams { scheme: DEFAULT_OVERLAY.into() }
    }
}

/// A ranked scheme's id (any case, surrounding blanks ignored), or why not.
pub fn parse_overlay(text: &str) -> Result<String, Notice> {
    let wanted = text.trim().to_ascii_lowercase();
    ranking_schemes()
        .into_iter()
        .find(|s| *s == wanted)
        .ok_or_else(|| Notice::UnknownOverlay { value: shorten(text.trim()), showing: DEFAULT_OVERLAY.into() })
}

impl ViewParams for TensorsParams {
    const KEYS: &'static [&'static str] = &["scheme"];

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = TensorsParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            if key == "scheme" {
                match parse_overlay(value) {
                    Ok(id) => params.scheme = id,
                    Err(e) => notices.push(e),
                }
            }
        }
        (params, notices)
    }

    fn query_parts(&self) -> Vec<String> {
        if self.scheme == DEFAULT_OVERLAY {
            Vec::new()
        } else {
            vec![format!("scheme={}", encode_scheme(&self.scheme))]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlay_scheme_round_trips() {
        let (p, n) = TensorsParams::from_pairs(&[("scheme", "Cast:BFloat16")]);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p.scheme, "cast:bfloat16");
        assert_eq!(p.query_parts(), ["scheme=cast:bfloat16"]);
        let (p, n) = TensorsParams::from_pairs(&[("scheme", "bogus")]);
        assert_eq!(p, TensorsParams::default());
        assert_eq!(n, [Notice::UnknownOverlay { value: "bogus".into(), showing: DEFAULT_OVERLAY.into() }]);
        assert!(n[0].english().contains("'bogus'"), "{n:?}");
        assert!(TensorsParams::default().query_parts().is_empty());
    }
}
