//! The app's shareable state as a URL query string, and back: composes each feature's
//! [`ViewParams`] and imports nothing else from a feature. Pure, unit-tested natively.
//!
//! `view` names the view (`explorer` by default, `tables`, `signal`, `quantize`, `compare`, `mnist`, `block`, `tensors`); a key is
//! read only by the view `view` names, so keys of the other views are ignored silently (a
//! link made on one view opened on another raises no notice). A key no view knows, an unknown
//! view and a malformed value each give a notice, and the page falls back to defaults.

use crate::notice::Notice;
use crate::embed::AppParams;
use crate::features::bench::params::BenchParams;
use crate::features::block::params::BlockParams;
use crate::features::compare::params::CompareParams;
use crate::features::explorer::params::ExplorerState;
use crate::features::mnist::params::MnistParams;
use crate::features::quantize::params::QuantizeParams;
use crate::features::signal::params::SignalParams;
use crate::features::tables::params::TablesParams;
use crate::features::tensors::params::TensorsParams;
use crate::query::{query_pairs, View, ViewParams};
use crate::text::shorten;


/// One view with its state: what a URL names.
#[derive(Clone, Debug, PartialEq)]
pub enum Page {
    /// The bit explorer.
    Explorer(ExplorerState),
    /// The value tables.
    Tables(TablesParams),
    /// Quantized signals.
    Signal(SignalParams),
    /// The user's numbers quantized.
    Quantize(QuantizeParams),
    /// Formats compared.
    Compare(CompareParams),
    /// The MNIST lab.
    Mnist(MnistParams),
    /// One GGUF block.
    Block(BlockParams),
    /// The bench in this browser.
    Bench(BenchParams),
    /// A real tensor's histogram and ranking.
    Tensors(TensorsParams),
}

impl Page {
    /// The view shown.
    pub fn view(&self) -> View {
        match self {
            Page::Explorer(_) => View::Explorer,
            Page::Tables(_) => View::Tables,
            Page::Signal(_) => View::Signal,
            Page::Quantize(_) => View::Quantize,
            Page::Compare(_) => View::Compare,
            Page::Mnist(_) => View::Mnist,
            Page::Block(_) => View::Block,
            Page::Bench(_) => View::Bench,
            Page::Tensors(_) => View::Tensors,
        }
    }
}

impl Default for Page {
    fn default() -> Self {
        Page::Explorer(ExplorerState::default())
    }
}

/// A parsed query: the page, and one notice per thing that was ignored or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The view and its state (defaults wherever the query was unusable).
    pub page: Page,
    /// What the query asked for and could not be used ([`Notice`]: "Unknown format 'x';
    /// showing float8_e4m3fn.").
    pub notices: Vec<Notice>,
    /// The app-wide options (embedded, presentation).
    pub app: AppParams,
}

/// Whether some view (or the app) reads `key`.
fn known_key(key: &str) -> bool {
    key == "view"
        || AppParams::KEYS.contains(&key)
        || ExplorerState::KEYS.contains(&key)
        || TablesParams::KEYS.contains(&key)
        || SignalParams::KEYS.contains(&key)
        || QuantizeParams::KEYS.contains(&key)
        || CompareParams::KEYS.contains(&key)
        || MnistParams::KEYS.contains(&key)
        || BlockParams::KEYS.contains(&key)
        || BenchParams::KEYS.contains(&key)
        || TensorsParams::KEYS.contains(&key)
}

/// The state of view `P` from its own keys among `pairs`.
fn read<P: ViewParams>(pairs: &[(String, String)], notices: &mut Vec<Notice>) -> P {
    let own: Vec<(&str, &str)> =
        pairs.iter().filter(|(k, _)| P::KEYS.contains(&k.as_str())).map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let (params, mut more) = P::from_pairs(&own);
    notices.append(&mut more);
    params
}

/// Parses a query string (with or without the leading `?`). Never fails: whatever cannot be
/// used is replaced by its default and reported in [`Parsed::notices`].
pub fn parse_query(query: &str) -> Parsed {
    let pairs = query_pairs(query);
    let mut notices = Vec::new();
    let mut view = View::Explorer;
    for (key, value) in &pairs {
        if key == "view" {
            match View::parse(value) {
                Some(v) => view = v,
                None => notices.push(Notice::UnknownView {
                    value: shorten(value),
                    valid: View::ALL.iter().map(|v| v.id()).collect::<Vec<_>>().join(", "),
                }),
            }
        } else if !known_key(key) {
            notices.push(Notice::UnknownParameter(shorten(key)));
        }
    }
    let app = read::<AppParams>(&pairs, &mut notices);
    let page = match view {
        View::Explorer => Page::Explorer(read(&pairs, &mut notices)),
        View::Tables => Page::Tables(read(&pairs, &mut notices)),
        View::Signal => Page::Signal(read(&pairs, &mut notices)),
        View::Quantize => Page::Quantize(read(&pairs, &mut notices)),
        View::Compare => Page::Compare(read(&pairs, &mut notices)),
        View::Mnist => Page::Mnist(read(&pairs, &mut notices)),
        View::Block => Page::Block(read(&pairs, &mut notices)),
        View::Bench => Page::Bench(read(&pairs, &mut notices)),
        View::Tensors => Page::Tensors(read(&pairs, &mut notices)),
    };
    Parsed { page, notices, app }
}

/// Writes a page as a query string (without the leading `?`): `view`, then the view's keys.
pub fn to_query(page: &Page) -> String {
    to_query_with(page, &AppParams::default())
}

/// [`to_query`], then the app-wide options that are on (`embed=1`, `present=1`).
pub fn to_query_with(page: &Page, app: &AppParams) -> String {
    let q = to_page_query(page);
    app.query_parts().into_iter().fold(q, |q, part| format!("{q}&{part}"))
}

fn to_page_query(page: &Page) -> String {
    let parts = match page {
        Page::Explorer(p) => p.query_parts(),
        Page::Tables(p) => p.query_parts(),
        Page::Signal(p) => p.query_parts(),
        Page::Quantize(p) => p.query_parts(),
        Page::Compare(p) => p.query_parts(),
        Page::Mnist(p) => p.query_parts(),
        Page::Block(p) => p.query_parts(),
        Page::Bench(p) => p.query_parts(),
        Page::Tensors(p) => p.query_parts(),
    };
    std::iter::once(format!("view={}", page.view().id())).chain(parts).collect::<Vec<_>>().join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use lowbit_core::{Format, OverflowPolicy, RoundingMode};

    fn parse(q: &str) -> Parsed {
        parse_query(q)
    }

    fn explorer(p: &Parsed) -> &ExplorerState {
        match &p.page {
            Page::Explorer(e) => e,
            other => panic!("not the explorer: {other:?}"),
        }
    }

    #[test]
    fn the_issue_example_opens_448() {
        let p = parse("?format=float8_e4m3fn&code=0x7e");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(explorer(&p).code, 0x7e);
        assert_eq!(explorer(&p).format.decode(0x7e).value, 448.0);
        assert_eq!(p.page.view(), View::Explorer);
    }

    #[test]
    fn codes_in_every_notation() {
        for q in ["format=float8_e4m3fn&code=126", "format=float8_e4m3fn&code=0b0_1111_110", "format=float8_e4m3fn&code=0X7E"] {
            let p = parse(q);
            assert_eq!(explorer(&p).code, 126, "{q}");
            assert!(p.notices.is_empty(), "{q}: {:?}", p.notices);
        }
    }

    #[test]
    fn empty_query_gives_defaults_without_notice() {
        for q in ["", "?", "?&&"] {
            let p = parse(q);
            assert_eq!(p.page, Page::default());
            assert!(p.notices.is_empty());
        }
    }

    #[test]
    fn unknown_and_malformed_fall_back_with_notices() {
        let p = parse("?format=float9&code=0x7e");
        assert_eq!(*explorer(&p), ExplorerState::default());
        assert_eq!(p.notices.len(), 1);
        assert!(p.notices[0].english().contains("float9"));

        let p = parse("?format=float16&code=0x1ffff");
        assert_eq!(explorer(&p).format.id(), "float16");
        assert_eq!(explorer(&p).code, 0x3c00);
        assert_eq!(p.notices.len(), 1);
        assert!(p.notices[0].english().contains("out of range"), "{:?}", p.notices);

        let p = parse("?code=banana");
        assert_eq!(*explorer(&p), ExplorerState::default());
        assert_eq!(p.notices.len(), 1);

        let p = parse("?foo=1&view=nope&round=sideways&overflow=explode");
        assert_eq!(p.page, Page::default());
        assert_eq!(p.notices.len(), 4, "{:?}", p.notices);
    }

    #[test]
    fn keys_of_other_views_are_ignored_silently() {
        // A Quantize key on another view, and a view this build does not have.
        let p = parse("?view=signal&scheme=float32&values=x&format=float9");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.page, Page::Signal(SignalParams::default()));
        let p = parse("?view=histograms&scheme=float32");
        assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
        assert!(p.notices[0].english().contains("histograms"));
        // Quantize's `scheme` read by the Tensors view (its overlaid scheme).
        let p = parse("?view=tensors&scheme=ternary");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert!(matches!(&p.page, Page::Tensors(t) if t.scheme == "ternary"));
        assert_eq!(to_query(&p.page), "view=tensors&scheme=ternary");
        // `block` belongs to whichever of signal and quantize is shown.
        let p = parse("view=signal&block=128");
        assert!(matches!(&p.page, Page::Signal(s) if s.block == 128));
        let p = parse("view=quantize&scheme=fp4_bnb&values=1,2,3,64&block=128");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert!(matches!(&p.page, Page::Quantize(q) if q.block == Some(128)));
        assert!(to_query(&p.page).ends_with("scheme=fp4_bnb&values=1,2,3,64&block=128"));
    }

    #[test]
    fn long_values_are_quoted_short() {
        let long = "Z".repeat(100_000);
        for (view, key) in [("explorer", "view"), ("explorer", "format"), ("explorer", "code"), ("explorer", "round"), ("explorer", "overflow"), ("tables", "table"), ("signal", "samples"), ("signal", "schemes"), ("quantize", "values"), ("explorer", &long)] {
            let p = parse(&format!("view={view}&{key}={long}"));
            assert!(!p.notices.is_empty(), "{key}");
            for n in &p.notices {
                assert!(n.english().chars().count() < 1000, "{key}: a notice of {} chars", n.english().chars().count());
            }
        }
        // A rounding mode of blanks is quoted as given.
        let p = parse(&format!("round={}", "\u{b}".repeat(5000)));
        assert!(p.notices[0].english().chars().count() < 1000, "{}", p.notices[0].english().chars().count());
        // The custom-format parser lower-cases what it quotes.
        let p = parse(&format!("view=tables&table=E4M3B{}", "9".repeat(5000)));
        assert!(p.notices[0].english().chars().count() < 1000, "{}", p.notices[0].english().chars().count());
    }

    #[test]
    fn custom_formats_keep_their_id() {
        // A P3109 id outside the catalogue works like a custom format.
        let p = parse("format=p3109_k6p3se&code=0x1f");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(explorer(&p).format.id(), "p3109_k6p3se");
        assert_eq!(explorer(&p).format.decode(0x1f).value, f64::INFINITY);
        assert_eq!(to_query(&p.page), "view=explorer&format=p3109_k6p3se&code=0x1f");
        let p = parse("view=tables&table=p3109_k8p3se");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(to_query(&p.page), "view=tables&table=p3109_k8p3se");
        let p = parse("format=e5m7b10_fn&code=0x1234");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(explorer(&p).format.id(), "e5m7b10_fn");
        assert_eq!(explorer(&p).code, 0x1234);
        assert_eq!(to_query(&p.page), "view=explorer&format=e5m7b10_fn&code=0x1234");
    }

    #[test]
    fn round_trip() {
        let state = ExplorerState {
            format: Format::parse("float16").unwrap(),
            code: 0x7bff,
            rounding: Some(RoundingMode::TowardZero),
            overflow: OverflowPolicy::Saturate,
        };
        let q = to_query(&Page::Explorer(state.clone()));
        assert_eq!(q, "view=explorer&format=float16&code=0x7bff&round=toward-zero&overflow=saturate");
        let p = parse(&q);
        assert!(p.notices.is_empty());
        assert_eq!(p.page, Page::Explorer(state));
        // Every catalogue format and a few codes survive the round trip.
        for entry in lowbit_core::CATALOGUE {
            let format = Format::parse(entry.id()).unwrap();
            for code in [0, 1, format.max_code() / 3, format.max_code()] {
                let page = Page::Explorer(ExplorerState { format: format.clone(), code, rounding: None, overflow: OverflowPolicy::Default });
                assert_eq!(parse(&to_query(&page)).page, page, "{}", entry.id());
            }
        }
    }

    #[test]
    fn app_keys_on_every_view() {
        let p = parse("view=compare&value=2&embed=1&present=1");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.app, AppParams { embed: true, present: true, ..AppParams::default() });
        assert_eq!(to_query_with(&p.page, &p.app), "view=compare&value=2&embed=1&present=1");
        assert_eq!(to_query(&p.page), "view=compare&value=2");
        let p = parse("embed=sometimes");
        assert_eq!((p.app, p.notices.len()), (AppParams::default(), 1));
        // The theme, on any view, is no unknown parameter.
        let p = parse("view=signal&theme=dark");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.app.theme, crate::theme::ThemeChoice::Fixed(crate::theme::ChartTheme::Dark));
        assert_eq!(to_query_with(&p.page, &p.app), "view=signal&samples=256&block=64&schemes=nf4,fp4_bnb&theme=dark");
        // So is the language; an unknown one is reported and the view is kept.
        let p = parse("view=tables&lang=ru&table=nf4");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.app.lang, Some(crate::i18n::Lang::Ru));
        assert_eq!(to_query_with(&p.page, &p.app), "view=tables&table=nf4&lang=ru");
        let p = parse("view=tables&lang=klingon&table=nf4");
        assert_eq!((p.app.lang, p.notices.len()), (None, 1));
        assert!(p.notices[0].english().contains("klingon"), "{:?}", p.notices);
        assert_eq!(to_query(&p.page), "view=tables&table=nf4");
    }

    #[test]
    fn percent_coded_keys_and_values() {
        let p = parse("format=float8%5Fe4m3fn&code=0x7e");
        assert_eq!(explorer(&p).format.id(), "float8_e4m3fn");
    }

    #[test]
    fn the_seed_signal_url() {
        let p = parse("?view=signal&schemes=nf4,fp4_bnb&block=64&samples=256");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        let Page::Signal(s) = &p.page else { panic!("{:?}", p.page) };
        assert_eq!(s.schemes, ["nf4", "fp4_bnb"]);
        assert_eq!((s.block, s.samples, s.periods), (64, 256, 2.0));
        let q = to_query(&p.page);
        assert_eq!(q, "view=signal&samples=256&block=64&schemes=nf4,fp4_bnb");
        assert_eq!(parse(&q).page, p.page);
    }

    #[test]
    fn signal_and_table_parameters_fall_back_with_notices() {
        let p = parse("view=signal&samples=12x&block=-3&schemes=zzz&amplitude=0");
        assert_eq!(p.page, Page::Signal(SignalParams::default()));
        assert_eq!(p.notices.len(), 5, "{:?}", p.notices);
        let p = parse("view=tables&table=float32");
        assert_eq!(p.page, Page::Tables(TablesParams::default()));
        assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
    }

    #[test]
    fn tables_keep_their_format() {
        let p = parse("view=tables&table=nf4");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(to_query(&p.page), "view=tables&table=nf4");
        assert_eq!(parse(&to_query(&p.page)).page, p.page);
    }

    #[test]
    fn the_quantize_seed_urls() {
        let p = parse("?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        let Page::Quantize(q) = &p.page else { panic!("{:?}", p.page) };
        assert_eq!(q.values, vec![-0.5, 0.3, 1.2, -2.1]);
        let text = to_query(&p.page);
        assert_eq!(text, "view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
        assert_eq!(parse(&text).page, p.page);
        let p = parse("view=quantize&scheme=mxfp4&block=64&values=1,x");
        assert_eq!(p.notices.len(), 2, "{:?}", p.notices);
        assert!(matches!(&p.page, Page::Quantize(q) if q.block.is_none()));
        // `1,2.3.4` is refused whole, not read as [1, 2.3].
        let p = parse("view=quantize&values=1,2.3.4");
        assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
        assert!(p.notices[0].english().contains("2.3.4"), "{:?}", p.notices);
        assert!(matches!(&p.page, Page::Quantize(q) if *q == QuantizeParams::default()));
    }

    #[test]
    fn the_mnist_lab_reads_its_issue_example_and_writes_it_back() {
        let p = parse("?view=mnist&scheme=nf4&sample=4");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.page, Page::Mnist(MnistParams::default()));
        let p = parse("view=mnist&scheme=float32&sample=1999");
        let Page::Mnist(m) = &p.page else { panic!("{:?}", p.page) };
        assert_eq!((m.scheme.id(), m.sample), ("float32", 1999));
        assert_eq!(parse_query(&to_query(&p.page)), p);
        // Out of range and unknown: notices, defaults kept.
        let p = parse("view=mnist&scheme=fp5&sample=2000");
        assert_eq!(p.notices.len(), 2, "{:?}", p.notices);
        assert_eq!(p.page, Page::Mnist(MnistParams::default()));
    }

    #[test]
    fn the_block_explorer_reads_its_issue_example_and_writes_it_back() {
        use lowbit_core::gguf::{self, GgufType};
        let p = parse("?view=block&type=q4_k");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.page, Page::Block(BlockParams::example(GgufType::Q4K)));
        assert_eq!(to_query(&p.page), "view=block&type=q4_k", "the example block is not written");
        // Upper case, an edited block: hex written, read back.
        let mut edited = BlockParams::example(GgufType::Q6K);
        edited.bytes[0] ^= 0x80;
        let query = format!("view=block&type=Q6_K&hex={}", gguf::to_hex(&edited.bytes).to_uppercase());
        let p = parse(&query);
        assert!(p.notices.is_empty(), "{:?}", p.notices);
        assert_eq!(p.page, Page::Block(edited.clone()));
        assert_eq!(to_query(&p.page), format!("view=block&type=q6_k&hex={}", gguf::to_hex(&edited.bytes)));
        // A bad type and a short block: notices, the defaults; other views' keys are ignored.
        let p = parse("view=block&type=q9_k&hex=00ff&scheme=nf4");
        assert_eq!(p.notices.len(), 2, "{:?}", p.notices);
        assert_eq!(p.page, Page::Block(BlockParams::default()));
        // `type` and `hex` are not keys of another view.
        let p = parse("view=explorer&type=q4_0&hex=00");
        assert!(p.notices.is_empty(), "{:?}", p.notices);
    }
}
