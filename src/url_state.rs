//! The app's shareable state as a URL query string, and back: a pure serializer with no
//! browser dependency, unit-tested natively (`cargo test -p lowbit-app --lib`).
//!
//! Contract (issue #4): `view=explorer|tables|signal`; for the explorer `format` (a catalogue id
//! or a custom `eXmY…` id) and `code` (`0x7e`, `0b01111110` or `126`), plus `round` and
//! `overflow` (the names of [`RoundingMode`] and [`OverflowPolicy`]). Anything unknown or
//! malformed falls back to its default and produces a notice for the page to show.
//! The value tables keep their format in `table`; the signal view's parameters (`schemes`,
//! `block`, `samples`, `periods`, `amplitude`, `wave`, `error`) are parsed and written by
//! [`crate::signal_model::SignalParams`].

use lowbit_core::{Encoder, Format, OverflowPolicy, RoundingMode};

use crate::display::{shorten, shorten_quoted};
use crate::quantize_model::{self, QuantizeParams};
use crate::signal_model::{self, SignalParams};
use crate::tables_model;

/// The explorer's format when the URL names none.
pub const DEFAULT_FORMAT: &str = "float8_e4m3fn";

/// The value the explorer shows when the URL gives no code.
pub const DEFAULT_VALUE: f64 = 1.0;

/// The views of the app, by their URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// The bit explorer.
    Explorer,
    /// Every code of every small format as a table.
    Tables,
    /// Quantized signals and their error curves.
    Signal,
    /// The user's numbers quantized step by step.
    Quantize,
}

impl View {
    /// Every view named by the URL contract, in navigation order.
    pub const ALL: [View; 4] = [View::Explorer, View::Tables, View::Signal, View::Quantize];

    /// The URL name.
    pub fn id(self) -> &'static str {
        match self {
            View::Explorer => "explorer",
            View::Tables => "tables",
            View::Signal => "signal",
            View::Quantize => "quantize",
        }
    }

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            View::Explorer => "Bit explorer",
            View::Tables => "Value tables",
            View::Signal => "Quantized signals",
            View::Quantize => "Quantize",
        }
    }

    /// Whether this build of the app has the view. Views that are not there yet are left out
    /// of the navigation, and a URL naming one opens the explorer with a notice.
    pub fn available(self) -> bool {
        matches!(self, View::Explorer | View::Tables | View::Signal | View::Quantize)
    }

    /// The available views, in navigation order.
    pub fn available_views() -> Vec<View> {
        View::ALL.into_iter().filter(|v| v.available()).collect()
    }

    /// Parses a URL name.
    pub fn parse(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.id() == id)
    }
}

/// The explorer's state.
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
    // The catalogue always holds DEFAULT_FORMAT (tested); float32 is a belt-and-braces fallback.
    Format::parse(DEFAULT_FORMAT).unwrap_or_else(|_| Format {
        id: "float32".into(),
        kind: lowbit_core::Kind::Float(lowbit_core::FloatFormat::ieee(8, 23)),
    })
}

/// The code of [`DEFAULT_VALUE`] in a format (or the nearest value it has).
pub fn default_code(format: &Format) -> u64 {
    Encoder::with_defaults(format).encode_f64(DEFAULT_VALUE).code
}

/// The whole shareable state of the app.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The view shown.
    pub view: View,
    /// The explorer's state (kept while other views are shown).
    pub explorer: ExplorerState,
    /// The format of the value tables' "any format" table (`table`).
    pub table: Format,
    /// The signal view's parameters.
    pub signal: SignalParams,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            view: View::Explorer,
            explorer: ExplorerState::default(),
            table: tables_model::default_table(),
            signal: SignalParams::default(),
        }
    }
}

/// A parsed query: the state, and one notice per thing that was ignored or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The resulting state (defaults wherever the query was unusable).
    pub state: AppState,
    /// Human-readable notices ("unknown format 'x'; showing float8_e4m3fn").
    pub notices: Vec<String>,
    /// The Quantize view's parameters (`scheme`, `values`, and `block` when that view is
    /// shown), written back by [`to_query_with`].
    pub quantize: QuantizeParams,
}

/// Decodes `%XX` escapes and `+` (as a space) in one query component. Malformed escapes are
/// kept literally.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes one query component: unreserved characters stay, everything else becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Splits a query (with or without the leading `?`) into decoded key/value pairs.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(part), String::new()),
        })
        .collect()
}

/// Parses a query string into the app state. Never fails: whatever cannot be used is replaced
/// by its default and reported in [`Parsed::notices`].
pub fn parse_query(query: &str) -> Parsed {
    let mut notices = Vec::new();
    let mut view = View::Explorer;
    let mut format: Option<Format> = None;
    let mut format_named = false;
    let mut code_text: Option<String> = None;
    let mut rounding = None;
    let mut overflow = OverflowPolicy::Default;
    let mut table = tables_model::default_table();
    let mut signal = SignalParams::default();
    let mut quantize = QuantizeParams::default();
    let mut block: Option<String> = None;

    for (key, value) in query_pairs(query) {
        match key.as_str() {
            "view" => match View::parse(&value) {
                Some(v) if v.available() => view = v,
                Some(v) => notices.push(format!("The {} view is not available yet; showing the bit explorer.", v.id())),
                None => notices.push(format!(
                    "Unknown view '{}' (valid: {}); showing the bit explorer.",
                    shorten(&value),
                    View::available_views().iter().map(|v| v.id()).collect::<Vec<_>>().join(", ")
                )),
            },
            "format" => {
                format_named = true;
                match Format::parse(&value) {
                    Ok(f) => format = Some(f),
                    Err(_) => notices.push(format!("Unknown format '{}'; showing {DEFAULT_FORMAT}.", shorten(&value))),
                }
            }
            "code" => code_text = Some(value),
            "round" => match RoundingMode::parse(&value) {
                Ok(m) => rounding = Some(m),
                Err(_) if value == "default" => rounding = None,
                Err(e) => notices.push(format!("{}; using the format's default.", shorten_quoted(&e, &value))),
            },
            "overflow" => match OverflowPolicy::parse(&value) {
                Ok(p) => overflow = p,
                Err(e) => notices.push(format!("{}; using the format's default.", shorten_quoted(&e, &value))),
            },
            "table" => match tables_model::parse_table(&value) {
                Ok(f) => table = f,
                Err(e) => notices.push(format!("{}; showing {}.", shorten_quoted(&e, &value), tables_model::DEFAULT_TABLE)),
            },
            key if quantize_model::PARAMS.contains(&key) => notices.extend(quantize.apply(key, &value).err()),
            // Shared: the Quantize view's block when it is shown, else the signal view's.
            "block" => block = Some(value),
            key if signal_model::PARAMS.contains(&key) => notices.extend(signal.apply(key, &value).unwrap_or_default()),
            other => notices.push(format!("Ignored unknown parameter '{}'.", shorten(other))),
        }
    }
    if let Some(value) = block {
        if view == View::Quantize {
            notices.extend(quantize.apply("block", &value).err());
            // The signal view follows when it can (a state written by `to_query` reads back).
            let _ = signal.apply("block", &value);
        } else {
            notices.extend(signal.apply("block", &value).unwrap_or_default());
        }
    }
    notices.extend(signal.settle());
    notices.extend(quantize.settle());

    let format_rejected = format_named && format.is_none();
    let format = format.unwrap_or_else(default_format);
    let code = match code_text {
        // No code, or a code meant for a format that was rejected: the default value.
        None => default_code(&format),
        Some(_) if format_rejected => default_code(&format),
        Some(text) => format.parse_code(&text).unwrap_or_else(|e| {
            notices.push(format!("{}; showing {} instead.", shorten_quoted(&e, &text), DEFAULT_VALUE));
            default_code(&format)
        }),
    };
    let explorer = ExplorerState { format, code, rounding, overflow };
    Parsed { state: AppState { view, explorer, table, signal }, notices, quantize }
}

/// Writes the state as a query string (without the leading `?`): always `view`, `format` and
/// `code` (hex, padded to the format's width); `round` and `overflow` when not the default.
pub fn to_query(state: &AppState) -> String {
    let e = &state.explorer;
    let mut parts = vec![
        format!("view={}", state.view.id()),
        format!("format={}", percent_encode(&e.format.id)),
        format!("code={}", e.format.hex_string(e.code)),
    ];
    if let Some(mode) = e.rounding {
        parts.push(format!("round={}", mode.name()));
    }
    if e.overflow != OverflowPolicy::Default {
        parts.push(format!("overflow={}", e.overflow.name()));
    }
    if state.table.id != tables_model::DEFAULT_TABLE {
        parts.push(format!("table={}", percent_encode(&state.table.id)));
    }
    parts.extend(state.signal.query_parts(state.view == View::Signal));
    parts.join("&")
}

/// [`to_query`] plus the Quantize view's parameters while it is shown (its `block` replaces
/// the signal view's).
pub fn to_query_with(state: &AppState, quantize: &QuantizeParams) -> String {
    if state.view != View::Quantize {
        return to_query(state);
    }
    let base = to_query(state);
    let mut parts: Vec<String> = base.split('&').filter(|p| !p.starts_with("block=")).map(String::from).collect();
    parts.extend(quantize.query_parts());
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Parsed {
        parse_query(q)
    }

    #[test]
    fn default_format_is_in_the_catalogue() {
        assert!(Format::parse(DEFAULT_FORMAT).is_ok());
        let s = AppState::default();
        assert_eq!(s.explorer.format.id, DEFAULT_FORMAT);
        assert_eq!(s.explorer.code, 0x38, "1.0 in E4M3 is 0 0111 000");
    }

    #[test]
    fn the_issue_example_opens_448() {
        let p = parse("?format=float8_e4m3fn&code=0x7e");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.state.explorer.code, 0x7e);
        assert_eq!(p.state.explorer.format.decode(0x7e).value, 448.0);
        assert_eq!(p.state.view, View::Explorer);
    }

    #[test]
    fn codes_in_every_notation() {
        for q in ["format=float8_e4m3fn&code=126", "format=float8_e4m3fn&code=0b0_1111_110", "format=float8_e4m3fn&code=0X7E"] {
            let p = parse(q);
            assert_eq!(p.state.explorer.code, 126, "{q}");
            assert!(p.notices.is_empty(), "{q}: {:?}", p.notices);
        }
    }

    #[test]
    fn empty_query_gives_defaults_without_notice() {
        for q in ["", "?", "?&&"] {
            let p = parse(q);
            assert_eq!(p.state, AppState::default());
            assert!(p.notices.is_empty());
        }
    }

    #[test]
    fn unknown_and_malformed_fall_back_with_notices() {
        let p = parse("?format=float9&code=0x7e");
        assert_eq!(p.state.explorer, ExplorerState::default());
        assert_eq!(p.notices.len(), 1);
        assert!(p.notices[0].contains("float9"));

        let p = parse("?format=float16&code=0x1ffff");
        assert_eq!(p.state.explorer.format.id, "float16");
        assert_eq!(p.state.explorer.code, 0x3c00);
        assert_eq!(p.notices.len(), 1);
        assert!(p.notices[0].contains("out of range"), "{:?}", p.notices);

        let p = parse("?code=banana");
        assert_eq!(p.state.explorer, ExplorerState::default());
        assert_eq!(p.notices.len(), 1);

        let p = parse("?foo=1&view=nope&round=sideways&overflow=explode");
        assert_eq!(p.state, AppState::default());
        assert_eq!(p.notices.len(), 4, "{:?}", p.notices);
    }

    #[test]
    fn long_values_are_quoted_short() {
        let long = "Z".repeat(100_000);
        for key in ["view", "format", "code", "round", "overflow", "table", "samples", "schemes", &long] {
            let p = parse(&format!("{key}={long}"));
            assert!(!p.notices.is_empty(), "{key}");
            for n in &p.notices {
                assert!(n.chars().count() < 1000, "{key}: a notice of {} chars", n.chars().count());
            }
        }
        // A rounding mode of blanks is quoted as given.
        let p = parse(&format!("round={}", "\u{b}".repeat(5000)));
        assert!(p.notices[0].chars().count() < 1000, "{}", p.notices[0].chars().count());
        // The custom-format parser lower-cases what it quotes.
        let p = parse(&format!("table=E4M3B{}", "9".repeat(5000)));
        assert!(p.notices[0].chars().count() < 1000, "{}", p.notices[0].chars().count());
    }

    #[test]
    fn unavailable_views_open_the_explorer_with_a_notice() {
        for v in View::ALL.into_iter().filter(|v| !v.available()) {
            let p = parse(&format!("view={}", v.id()));
            assert_eq!(p.state.view, View::Explorer);
            assert_eq!(p.notices.len(), 1);
        }
        assert!(View::Explorer.available());
    }

    #[test]
    fn custom_formats_keep_their_id() {
        let p = parse("format=e5m7b10_fn&code=0x1234");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.state.explorer.format.id, "e5m7b10_fn");
        assert_eq!(p.state.explorer.code, 0x1234);
        assert_eq!(to_query(&p.state), "view=explorer&format=e5m7b10_fn&code=0x1234");
    }

    #[test]
    fn round_trip() {
        let mut state = AppState::default();
        state.explorer = ExplorerState {
            format: Format::parse("float16").unwrap(),
            code: 0x7bff,
            rounding: Some(RoundingMode::TowardZero),
            overflow: OverflowPolicy::Saturate,
        };
        let q = to_query(&state);
        assert_eq!(q, "view=explorer&format=float16&code=0x7bff&round=toward-zero&overflow=saturate");
        let p = parse(&q);
        assert!(p.notices.is_empty());
        assert_eq!(p.state, state);
        // Every catalogue format and a few codes survive the round trip.
        for entry in lowbit_core::CATALOGUE {
            let format = Format::parse(entry.id).unwrap();
            for code in [0, 1, format.max_code() / 3, format.max_code()] {
                let state = AppState { view: View::Explorer, explorer: ExplorerState { format: format.clone(), code, rounding: None, overflow: OverflowPolicy::Default }, ..AppState::default() };
                assert_eq!(parse(&to_query(&state)).state, state, "{}", entry.id);
            }
        }
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("a%20b+c%2x%"), "a b c%2x%");
        assert_eq!(percent_encode("e5m7b-3_fn"), "e5m7b-3_fn");
        assert_eq!(percent_encode("a b&c"), "a%20b%26c");
        let p = parse("format=float8%5Fe4m3fn&code=0x7e");
        assert_eq!(p.state.explorer.format.id, "float8_e4m3fn");
    }

    #[test]
    fn the_seed_signal_url() {
        let p = parse("?view=signal&schemes=nf4,fp4_bnb&block=64&samples=256");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.state.view, View::Signal);
        assert_eq!(p.state.signal.schemes, ["nf4", "fp4_bnb"]);
        assert_eq!((p.state.signal.block, p.state.signal.samples, p.state.signal.periods), (64, 256, 2.0));
        let q = to_query(&p.state);
        assert!(q.starts_with("view=signal&format=float8_e4m3fn&code=0x38&samples=256&block=64&schemes=nf4,fp4_bnb"), "{q}");
        assert_eq!(parse(&q).state, p.state);
    }

    #[test]
    fn signal_and_table_parameters_fall_back_with_notices() {
        let p = parse("view=signal&samples=12x&block=-3&schemes=zzz&table=float32&amplitude=0");
        assert_eq!(p.state.view, View::Signal);
        assert_eq!(p.state.signal, SignalParams::default());
        assert_eq!(p.state.table.id, tables_model::DEFAULT_TABLE);
        assert_eq!(p.notices.len(), 6, "{:?}", p.notices);
    }

    #[test]
    fn tables_keep_their_format() {
        let p = parse("view=tables&table=nf4");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!((p.state.view, p.state.table.id.as_str()), (View::Tables, "nf4"));
        assert_eq!(to_query(&p.state), "view=tables&format=float8_e4m3fn&code=0x38&table=nf4");
        // The signal parameters survive while another view is shown (only non-defaults written).
        let mut state = p.state.clone();
        state.signal.samples = 1024;
        assert_eq!(parse(&to_query(&state)).state, state);
    }

    #[test]
    fn the_quantize_seed_urls() {
        let p = parse("?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.state.view, View::Quantize);
        assert_eq!(p.quantize.values, vec![-0.5, 0.3, 1.2, -2.1]);
        let q = to_query_with(&p.state, &p.quantize);
        assert_eq!(q, "view=quantize&format=float8_e4m3fn&code=0x38&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
        let again = parse(&q);
        assert_eq!((again.state, again.quantize), (p.state, p.quantize));
        // On the Quantize view `block` is its block; elsewhere the signal view's.
        let p = parse("view=quantize&scheme=fp4_bnb&values=1,2,3,64&block=128");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.quantize.block, Some(128));
        assert!(to_query_with(&p.state, &p.quantize).ends_with("scheme=fp4_bnb&values=1,2,3,64&block=128"));
        let p = parse("view=signal&block=128");
        assert_eq!((p.quantize.block, p.state.signal.block), (None, 128));
        let p = parse("view=quantize&scheme=mxfp4&block=64&values=1,x");
        assert_eq!(p.notices.len(), 2, "{:?}", p.notices);
        assert_eq!(p.quantize.block, None);
    }
}
