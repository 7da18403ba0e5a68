//! The Compare view's URL keys: `formats` (comma-separated format ids, catalogue or custom;
//! default `float8_e4m3fn,float8_e5m2`), `scale` (`linear`, the default, or `log`), `range`
//! (the zoomed x range `lo,hi`; default: every chosen format whole) and `value` (the number
//! shown in every format; default 3.14).

use lowbit_core::decimal::js_string;
use lowbit_core::Format;

use super::model::{check_value, Scale, ValueError, DEFAULT_FORMATS, DEFAULT_VALUE, MAX_FORMATS};
use crate::notice::Notice;
use crate::query::{percent_encode, ViewParams};
use crate::text::shorten;

/// The Compare view's state as the URL stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareParams {
    /// The formats on the number line, in order, distinct.
    pub formats: Vec<Format>,
    /// The number line's scale.
    pub scale: Scale,
    /// The zoomed x range; None shows every chosen format whole.
    pub range: Option<(f64, f64)>,
    /// The number shown in every format, as typed (a valid decimal, `inf`, `nan`, `-0`).
    pub value: String,
}

/// The default formats, resolved.
pub fn default_formats() -> Vec<Format> {
    DEFAULT_FORMATS.iter().filter_map(|id| Format::parse(id).ok()).collect()
}

impl Default for CompareParams {
    fn default() -> Self {
        CompareParams { formats: default_formats(), scale: Scale::Linear, range: None, value: DEFAULT_VALUE.into() }
    }
}

/// Parses a comma-separated list of format ids: the known ones in order (duplicates once, at
/// most [`MAX_FORMATS`]), and one message per id refused.
pub fn parse_formats(text: &str) -> (Vec<Format>, Vec<Notice>) {
    let mut formats: Vec<Format> = Vec::new();
    let mut errors = Vec::new();
    for id in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        match Format::parse(id) {
            Ok(f) if formats.iter().any(|g| g.id() == f.id()) => {}
            Ok(_) if formats.len() >= MAX_FORMATS => {
                errors.push(Notice::TooManyFormats { max: MAX_FORMATS, first: shorten(id) });
                break;
            }
            Ok(f) => formats.push(f),
            Err(e) => errors.push(Notice::RefusedFormatId(crate::text::shortened(e, id))),
        }
    }
    (formats, errors)
}

/// Parses a range `lo,hi` (two finite numbers, lo < hi).
pub fn parse_range(text: &str) -> Result<(f64, f64), String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    let nums: Option<Vec<f64>> = parts.iter().map(|p| p.parse::<f64>().ok().filter(|v| v.is_finite())).collect();
    match nums.as_deref() {
        Some(&[lo, hi]) if lo < hi => Ok((lo, hi)),
        _ => Err(format!("Range '{}' is not two finite numbers lo,hi with lo < hi", shorten(text))),
    }
}

impl ViewParams for CompareParams {
    const KEYS: &'static [&'static str] = &["formats", "scale", "range", "value"];

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut params = CompareParams::default();
        let mut notices = Vec::new();
        for &(key, value) in pairs {
            match key {
                "formats" => {
                    let (formats, errors) = parse_formats(value);
                    notices.extend(errors);
                    if formats.is_empty() {
                        notices.push(Notice::NoKnownFormat { value: shorten(value), showing: DEFAULT_FORMATS.join(", ") });
                    } else {
                        params.formats = formats;
                    }
                }
                "scale" => match Scale::parse(value) {
                    Some(s) => params.scale = s,
                    None => notices.push(Notice::UnknownScale(shorten(value))),
                },
                "range" => match parse_range(value) {
                    Ok(r) => params.range = Some(r),
                    Err(_) => notices.push(Notice::BadRange(shorten(value))),
                },
                "value" => match check_value(value) {
                    Ok(v) => params.value = v,
                    Err(e) => notices.push(Notice::BadValue {
                        why: match e {
                            ValueError::Empty => None,
                            ValueError::Refused(why) => Some(why),
                        },
                        showing: DEFAULT_VALUE.into(),
                    }),
                },
                _ => {}
            }
        }
        // A log scale needs a positive range.
        if params.scale == Scale::Log && params.range.is_some_and(|(lo, _)| lo <= 0.0) {
            notices.push(Notice::LogNeedsPositive);
            params.range = None;
        }
        (params, notices)
    }

    /// `formats` unless the default, `scale` unless linear, `range` when zoomed, `value`
    /// unless the default.
    fn query_parts(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if self.formats != default_formats() {
            let ids: Vec<String> = self.formats.iter().map(|f| percent_encode(f.id())).collect();
            parts.push(format!("formats={}", ids.join(",")));
        }
        if self.scale != Scale::Linear {
            parts.push(format!("scale={}", self.scale.id()));
        }
        if let Some((lo, hi)) = self.range {
            parts.push(format!("range={},{}", percent_encode(&js_string(lo)), percent_encode(&js_string(hi))));
        }
        if self.value != DEFAULT_VALUE {
            parts.push(format!("value={}", percent_encode(&self.value)));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_urls() {
        let (p, n) = CompareParams::from_pairs(&[("formats", "float8_e4m3fn,float8_e5m2"), ("scale", "log")]);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p.scale, Scale::Log);
        assert_eq!(p.query_parts(), ["scale=log"]);
        let (p, n) = CompareParams::from_pairs(&[("value", "3.14")]);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(p, CompareParams::default());
        let (p, _) = CompareParams::from_pairs(&[("formats", "bf16,e3m3,float16"), ("value", "-1e-3"), ("range", "-2,2.5")]);
        assert_eq!(p.query_parts(), ["formats=bfloat16,e3m3,float16", "range=-2,2.5", "value=-1e-3"]);
        let q: Vec<(String, String)> = p.query_parts().iter().map(|s| s.split_once('=').map(|(a, b)| (a.to_string(), b.to_string())).unwrap()).collect();
        let pairs: Vec<(&str, &str)> = q.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(CompareParams::from_pairs(&pairs).0, p);
    }

    #[test]
    fn bad_values_give_notices_and_keep_the_rest() {
        let (p, n) = CompareParams::from_pairs(&[("formats", "float9,float16"), ("scale", "cubic"), ("range", "3,1"), ("value", "pi")]);
        assert_eq!(n.len(), 4, "{n:?}");
        assert_eq!(p.formats.len(), 1);
        assert_eq!(p.formats[0].id(), "float16");
        assert_eq!((p.scale, p.range, p.value.as_str()), (Scale::Linear, None, DEFAULT_VALUE));
        for m in &n {
            assert!(m.english().len() < 300, "{m:?}");
        }
        assert_eq!(n[1], Notice::UnknownScale("cubic".into()));
        assert_eq!(n[2].english(), "Range '3,1' is not two finite numbers lo,hi with lo < hi; showing the whole range.");
        let (p, n) = CompareParams::from_pairs(&[("formats", "x,y")]);
        assert_eq!(n.len(), 3, "{n:?}");
        assert_eq!(p.formats, default_formats());
        let (p, n) = CompareParams::from_pairs(&[("scale", "log"), ("range", "-1,1")]);
        assert_eq!((p.range, n), (None, vec![Notice::LogNeedsPositive]));
        let many = ["float16"; 1].iter().chain(["bfloat16", "float32", "int8", "int4", "nf4", "fp4_bnb", "float8_e5m2", "float8_e4m3fn", "tfloat32"].iter()).copied().collect::<Vec<_>>().join(",");
        let (p, n) = CompareParams::from_pairs(&[("formats", &many)]);
        assert_eq!((p.formats.len(), n.len()), (MAX_FORMATS, 1));
    }
}
