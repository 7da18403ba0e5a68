//! The explorer's URL keys: `format` (a catalogue id or a custom `eXmY…` id), `code` (`0x7e`,
//! `0b01111110` or `126`), `round` and `overflow` (the names of [`RoundingMode`] and
//! [`OverflowPolicy`]). Anything unknown or malformed falls back to its default with a notice.

use lowbit_core::{Encoder, Format, OverflowPolicy, RoundingMode};

use crate::notice::Notice;
use crate::query::{percent_encode, ViewParams};
use crate::text::{shorten, shorten_quoted, shortened};

/// The explorer's format when the URL names none.
pub const DEFAULT_FORMAT: &str = "float8_e4m3fn";

/// The value the explorer shows when the URL gives no code.
pub const DEFAULT_VALUE: f64 = 1.0;

/// The explorer's state as the URL stores it.
#[derive(Clone, Debug, PartialEq)]
pub struct ExplorerState {
    /// The format shown.
    pub format: Format,
    /// The code shown (always within the format's width).
    pub code: u64,
    /// The rounding mode for typed values (None = the format's default).
    pub rounding: Option<RoundingMode>,
    /// The overflow policy for typed values.
    pub overflow: OverflowPolicy,
}

impl ExplorerState {
    /// The default format showing [`DEFAULT_VALUE`].
    pub fn default_for(format: Format) -> ExplorerState {
        let code = default_code(&format);
        ExplorerState { format, code, rounding: None, overflow: OverflowPolicy::Default }
    }
}

impl Default for ExplorerState {
    fn default() -> Self {
        ExplorerState::default_for(default_format())
    }
}

/// The default format ([`DEFAULT_FORMAT`]).
pub fn default_format() -> Format {
    // The catalogue always holds DEFAULT_FORMAT (tested); its first entry is a belt-and-braces fallback.
    Format::parse(DEFAULT_FORMAT).unwrap_or_else(|_| lowbit_core::CATALOGUE[0].format())
}

/// The code of [`DEFAULT_VALUE`] in a format (or the nearest value it has).
pub fn default_code(format: &Format) -> u64 {
    Encoder::with_defaults(format).encode_f64(DEFAULT_VALUE).code
}

impl ViewParams for ExplorerState {
    const KEYS: &'static [&'static str] = &["format", "code", "round", "overflow"];

    fn from_pairs(pairs: &[(&str, &str)]) -> (Self, Vec<Notice>) {
        let mut notices = Vec::new();
        let mut format: Option<Format> = None;
        let mut format_named = false;
        let mut code_text: Option<&str> = None;
        let mut rounding = None;
        let mut overflow = OverflowPolicy::Default;
        for &(key, value) in pairs {
            match key {
                "format" => {
                    format_named = true;
                    match Format::parse(value) {
                        Ok(f) => format = Some(f),
                        // A custom id the core cannot build says why ('e12m3': the exponent
                        // width must be 1 to 11 bits, got 12); an unknown id says just that.
                        Err(e) if e.reason == lowbit_core::FormatReason::Unknown => {
                            notices.push(Notice::UnknownFormat { value: shorten(value), showing: DEFAULT_FORMAT.into() })
                        }
                        Err(e) => notices.push(Notice::RefusedFormat { why: shortened(e, value), showing: DEFAULT_FORMAT.into() }),
                    }
                }
                "code" => code_text = Some(value),
                "round" => match RoundingMode::parse(value) {
                    Ok(m) => rounding = Some(m),
                    Err(_) if value == "default" => rounding = None,
                    Err(e) => notices.push(Notice::RefusedChoice(shorten_quoted(&e, value))),
                },
                "overflow" => match OverflowPolicy::parse(value) {
                    Ok(p) => overflow = p,
                    Err(e) => notices.push(Notice::RefusedChoice(shorten_quoted(&e, value))),
                },
                _ => {}
            }
        }
        let format_rejected = format_named && format.is_none();
        let format = format.unwrap_or_else(default_format);
        let code = match code_text {
            // No code, or a code meant for a format that was rejected: the default value.
            None => default_code(&format),
            Some(_) if format_rejected => default_code(&format),
            Some(text) => format.parse_code(text).unwrap_or_else(|e| {
                notices.push(Notice::RefusedCode { why: shorten_quoted(&e, text), showing: DEFAULT_VALUE.to_string() });
                default_code(&format)
            }),
        };
        (ExplorerState { format, code, rounding, overflow }, notices)
    }

    /// Always `format` and `code` (hex, padded to the format's width); `round` and `overflow`
    /// when not the default.
    fn query_parts(&self) -> Vec<String> {
        let mut parts = vec![format!("format={}", percent_encode(self.format.id())), format!("code={}", self.format.hex_string(self.code))];
        if let Some(mode) = self.rounding {
            parts.push(format!("round={}", mode.name()));
        }
        if self.overflow != OverflowPolicy::Default {
            parts.push(format!("overflow={}", self.overflow.name()));
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> (ExplorerState, Vec<Notice>) {
        ExplorerState::from_pairs(pairs)
    }

    #[test]
    fn default_format_is_in_the_catalogue() {
        assert!(Format::parse(DEFAULT_FORMAT).is_ok());
        let s = ExplorerState::default();
        assert_eq!(s.format.id(), DEFAULT_FORMAT);
        assert_eq!(s.code, 0x38, "1.0 in E4M3 is 0 0111 000");
    }

    #[test]
    fn codes_in_every_notation() {
        for code in ["126", "0b0_1111_110", "0X7E", "0x7e"] {
            let (s, n) = parse(&[("format", "float8_e4m3fn"), ("code", code)]);
            assert_eq!(s.code, 126, "{code}");
            assert!(n.is_empty(), "{code}: {n:?}");
        }
    }

    #[test]
    fn custom_formats_keep_their_id() {
        let (s, n) = parse(&[("format", "e5m7b10_fn"), ("code", "0x1234")]);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((s.format.id(), s.code), ("e5m7b10_fn", 0x1234));
        assert_eq!(s.query_parts().join("&"), "format=e5m7b10_fn&code=0x1234");
    }

    #[test]
    fn a_refused_custom_format_says_why() {
        let (s, n) = parse(&[("format", "e12m3")]);
        assert_eq!(s.format.id(), DEFAULT_FORMAT);
        let why = lowbit_core::FormatError::new(lowbit_core::FormatReason::CustomExponentWidth { got: 12 }).about("e12m3");
        assert_eq!(n, [Notice::RefusedFormat { why, showing: "float8_e4m3fn".into() }]);
        assert_eq!(n[0].text(crate::i18n::Lang::Ru.notices()), "Формат не принят ('e12m3': ширина экспоненты должна быть от 1 до 11 битов, а не 12); показан float8_e4m3fn.");
        assert_eq!(n[0].english(), "Format 'e12m3': the exponent width must be 1 to 11 bits, got 12; showing float8_e4m3fn.");
        let (_, n) = parse(&[("format", "e5m30")]);
        assert!(n[0].english().contains("at most 32 bits"), "{n:?}");
        let (_, n) = parse(&[("format", "float9")]);
        assert_eq!(n, [Notice::UnknownFormat { value: "float9".into(), showing: "float8_e4m3fn".into() }]);
        assert_eq!(n[0].english(), "Unknown format 'float9'; showing float8_e4m3fn.");
        assert_eq!(n[0].text(crate::i18n::Lang::Ru.notices()), "Неизвестный формат 'float9'; показан float8_e4m3fn.");
    }
}
