//! Property tests (proptest) of every parser fed by text the user controls: the URL query
//! (`url::parse_query`, the signal view's `SignalParams::apply`, `table=`, the Quantize
//! view's `QuantizeParams::apply`), the Quantize view's numbers box (`quantize::paste`:
//! never a panic, URL and box forms read back bit for bit, decimal commas, never more
//! numbers than typed), the value box
//! (`explorer::model::interpret_entry`) and the custom-format controls (`CustomSpec`). None may panic
//! (a panic kills the WASM app), bad input falls back to defaults with a notice, and
//! `to_query` ∘ `parse_query` is a fixed point for every valid state.
//!
//! Native only (proptest is a native dev-dependency): `cargo test -p lowbit-app --test fuzz_parsers`.
#![cfg(not(target_arch = "wasm32"))]

use lowbit_app::features::block::params::BlockParams;
use lowbit_app::features::compare::model::{self as compare_model, Scale};
use lowbit_app::features::compare::params::CompareParams;
use lowbit_app::features::explorer::model::{self as display, CustomField, CustomSpec, Entry};
use lowbit_app::features::explorer::params::ExplorerState;
use lowbit_app::features::mnist::params::MnistParams;
use lowbit_app::features::quantize::model as quantize_model;
use lowbit_app::features::signal::model::{self as signal_model, SignalParams, MAX_BLOCK, MAX_SCHEMES};
use lowbit_app::features::signal::params::PARAMS;
use lowbit_app::features::tables::model as tables_model;
use lowbit_app::features::tables::params::TablesParams;
use lowbit_app::features::tensors::params::TensorsParams;
use lowbit_jobs::ranking::ranking_schemes;
use lowbit_app::query as url_state;
use lowbit_app::url::{parse_query, to_query, Page};
use lowbit_mnist::data::TEST_DIGITS;
use lowbit_mnist::ALL_SCHEMES;
use lowbit_core::gguf::GgufType;
use lowbit_core::signal::{SignalKind, MIN_SAMPLES};
// Up to 2^20 samples: a signal above the main thread's share is computed in the worker.
use lowbit_jobs::signal::MAX_SAMPLES;
use lowbit_core::{Format, OverflowPolicy, RoundingMode, Specials, CATALOGUE};
use proptest::prelude::*;

/// `default` cases in the test command; `LOWBIT_SOAK_CASES` for a soak (scripts/soak.sh).
fn cases(default: u32) -> u32 {
    std::env::var("LOWBIT_SOAK_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(default)
}

/// The longest notice a parser may write: user text is shortened, never echoed whole.
const MAX_NOTICE_CHARS: usize = 1200;

/// Any f64, NaN and ±Inf included (`any::<f64>()` leaves them out).
fn float() -> impl Strategy<Value = f64> {
    prop_oneof![any::<f64>(), Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(-0.0)]
}

/// Keys the app knows, and a few it does not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "view",
            "format",
            "code",
            "round",
            "overflow",
            "table",
            "wave",
            "amplitude",
            "periods",
            "samples",
            "block",
            "schemes",
            "error",
            "scheme",
            "values",
            "formats",
            "scale",
            "range",
            "value",
            "sample",
            "type",
            "hex",
            "embed",
            "present",
            "",
            "VIEW",
            "%76iew",
            "foo",
        ])
        .prop_map(str::to_string),
        "[a-z%+]{0,8}",
    ]
}

/// Values that come near every parser's edges: numbers of every size and shape, ids, escapes.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        // Numbers: huge, tiny, negative, fractional, non-finite, in every notation.
        prop::sample::select(vec![
            "0",
            "-0",
            "1",
            "-1",
            "8",
            "7.5",
            "1e9",
            "1e10",
            "1e308",
            "1e309",
            "-1e309",
            "4e38",
            "3.4028235e38",
            "1.7976931348623157e308",
            "5e-324",
            "nan",
            "NaN",
            "inf",
            "-inf",
            "Infinity",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999999",
            "0x7e",
            "0X7E",
            "0b0_1111_110",
            "0x",
            "0b",
            "0x1ffffffffffffffff",
            "65536",
            "65537",
            "4096",
            "4097",
            "1e3",
            "64.0",
            "64.5",
            " 64 ",
            "+64",
            "--1",
            "1..2",
            "1e",
            ".",
            "",
        ])
        .prop_map(str::to_string),
        float().prop_map(|x| x.to_string()),
        any::<u64>().prop_map(|x| x.to_string()),
        any::<i64>().prop_map(|x| format!("{x:e}")),
        // Ids: catalogue, custom (valid and not), schemes, views, modes.
        prop::sample::select(CATALOGUE.iter().map(|e| e.id()).collect::<Vec<_>>()).prop_map(str::to_string),
        (
            1u32..14,
            0u32..34,
            prop::option::of(-70000i32..70000),
            prop::sample::select(vec!["", "_ieee", "_fn", "_fnuz", "_finite", "_x"])
        )
            .prop_map(|(e, m, b, r)| format!("e{e}m{m}{}{r}", b.map_or(String::new(), |b| format!("b{b}")))),
        prop::sample::select(vec![
            "nf4,fp4_bnb",
            "cast:float8_e4m3fn",
            "absmax:e11m20",
            "cast:e1m0_finite",
            "cast:float64",
            "mxfp4,nvfp4,,nf4",
            "CAST:fp8-e4m3",
            "nf4,nf4,nf4",
            "zzz",
            "signal",
            "tables",
            "explorer",
            "rel",
            "abs",
            "noise",
            "ramp",
            "toward-zero",
            "stochastic",
            "saturate",
            "wrap",
            "default",
            "quantize",
            "1,2,3,64",
            "-0.5 0.3\n1.2;-2.1",
            "nan,inf,-inf,-0,1e-45,3.4e38,1e39",
            "int8_rowwise",
            "int4_zeropoint",
            "int8_meanstd",
            "compare",
            "mnist",
            "nf4",
            "1999",
            "2000",
            "log",
            "linear",
            "float8_e4m3fn,float8_e5m2",
            "bf16,e3m3,,float9",
            "-2,2.5",
            "0,0",
            "1e-300,1e300",
            "3.14",
            "block",
            "q4_k",
            "Q6_K",
            "mxfp4_gguf",
            "mxfp4",
            "0x00ff",
            "zz",
        ])
        .prop_map(str::to_string),
        // Long text (a URL can carry megabytes), upper case where parsers lower it.
        ("[a-zA-Z0-9_:,.-]{0,6}", 100usize..3000).prop_map(|(t, n)| format!("E4M3B{}{t}", "9".repeat(n))),
        (".{1,3}", 50usize..400).prop_map(|(t, n)| t.repeat(n)),
        (prop::sample::select(vec!["0x", "0B", "", "-", "1e"]), "[0-9a-fA-F_]", 50usize..2000)
            .prop_map(|(p, d, n)| format!("{p}{}", d.repeat(n))),
        // Escapes, malformed and not, and arbitrary unicode.
        "(%[0-9A-Fa-f]{2}|%[^&]{0,2}|\\+|[a-z0-9_:,.-]){0,12}",
        any::<String>(),
    ]
}

/// A query: key=value pairs (keys repeat), sometimes with a leading `?` or stray `&`/`=`.
fn query() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec((key(), value(), 0u8..4), 0..10)).prop_map(|(question, pairs)| {
        let parts: Vec<String> = pairs
            .into_iter()
            .map(|(k, v, shape)| match shape {
                0 => k,
                1 => format!("{k}={v}={v}"),
                _ => format!("{k}={}", v.replace('&', "%26")),
            })
            .collect();
        format!("{}{}", if question { "?" } else { "" }, parts.join("&"))
    })
}

/// A catalogue format of at most `max_bits` bits, or a custom one (at most 32 bits),
/// with a bias anywhere from the width's default to far off.
fn format_up_to(max_bits: u32) -> impl Strategy<Value = Format> {
    let catalogue: Vec<&str> =
        CATALOGUE.iter().map(|e| e.id()).filter(|id| Format::parse(id).is_ok_and(|f| f.bits() <= max_bits)).collect();
    let custom_bits = max_bits.min(32);
    let custom = (1u32..=11.min(custom_bits - 1))
        .prop_flat_map(move |e| (Just(e), 0..=custom_bits - 1 - e, -30i32..30, 0usize..4))
        .prop_filter_map("not a valid custom format", |(e, m, offset, r)| {
            let bias = CustomSpec::default_bias(e) + offset * (1 + offset.abs());
            CustomSpec { exponent_bits: e, mantissa_bits: m, bias, specials: display::SPECIALS[r].0 }.to_format().ok()
        });
    prop_oneof![prop::sample::select(catalogue).prop_map(|id| Format::parse(id).unwrap()), custom]
}

/// Any format the app can show.
fn format() -> impl Strategy<Value = Format> {
    format_up_to(64)
}

/// Any state the app can be in.
fn state() -> impl Strategy<Value = Page> {
    let explorer = (
        format(),
        any::<u64>(),
        prop::option::of(prop::sample::select(RoundingMode::ALL.to_vec())),
        prop::sample::select(OverflowPolicy::ALL.to_vec()),
    )
        .prop_map(|(format, code, rounding, overflow)| {
            let code = code & format.max_code();
            ExplorerState { format, code, rounding, overflow }
        });
    let table = format_up_to(tables_model::MAX_TABLE_BITS);
    let schemes = prop::sample::subsequence(signal_model::offered_schemes(), 0..=MAX_SCHEMES)
        .prop_shuffle()
        .prop_map(|ids| ids.into_iter().map(str::to_string).collect::<Vec<_>>());
    let signal = (
        prop::sample::select(SignalKind::ALL.to_vec()),
        (1e-30f64..3.4e38),
        MIN_SAMPLES..=MAX_SAMPLES,
        0.0f64..1.0,
        1..=MAX_BLOCK,
        schemes,
        any::<bool>(),
    )
        .prop_map(|(kind, amplitude, samples, fraction, block, schemes, relative)| {
            let periods = (samples as f64 / 2.0 * fraction).max(0.5);
            SignalParams { kind, amplitude, periods, samples, block, schemes, relative }
        });
    let quantize = (prop::sample::select(quantize_model::offered_schemes()), prop::collection::vec(any::<f32>(), 0..20))
        .prop_map(|(scheme, values)| quantize_model::QuantizeParams { scheme: scheme.to_string(), values, block: None, left_out: None, in_worker: None });
    let compare = (
        prop::collection::vec(format(), 1..=compare_model::MAX_FORMATS),
        any::<bool>(),
        prop::option::of((-1e300f64..1e300, 1e-300f64..1e300)),
        prop_oneof![float().prop_map(|x| x.to_string()), Just("-0".to_string()), Just("1e-400".to_string())],
    )
        .prop_map(|(mut formats, log, range, value)| {
            let mut seen = Vec::new();
            formats.retain(|f| if seen.iter().any(|s: &String| s == f.id()) { false } else { seen.push(f.id().to_string()); true });
            let scale = if log { Scale::Log } else { Scale::Linear };
            // A log scale needs a positive range; lo < hi.
            let range = range.map(|(a, w)| if log { (w, w * 2.0) } else { (a, a + w.max(a.abs() * 1e-12)) }).filter(|(a, b)| a < b && b.is_finite());
            CompareParams { formats, scale, range, value }
        });
    let mnist = (prop::sample::select(ALL_SCHEMES.to_vec()), 0..TEST_DIGITS).prop_map(|(scheme, sample)| MnistParams { scheme, sample });
    // A block of any type: its example, or random bytes.
    let block = (prop::sample::select(GgufType::ALL.to_vec()), prop::collection::vec(any::<u8>(), 256), any::<bool>()).prop_map(|(t, random, example)| {
        let mut p = BlockParams::example(t);
        if !example {
            p.bytes.copy_from_slice(&random[..t.block_bytes()]);
        }
        p
    });
    prop_oneof![
        compare.prop_map(Page::Compare),
        block.prop_map(Page::Block),
        explorer.prop_map(Page::Explorer),
        table.prop_map(|format| Page::Tables(TablesParams { format })),
        signal.prop_map(Page::Signal),
        quantize.prop_map(Page::Quantize),
        mnist.prop_map(Page::Mnist),
        prop::sample::select(ranking_schemes()).prop_map(|scheme| Page::Tensors(TensorsParams { scheme })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(2000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any query parses without panicking; the state it gives is usable and writes back
    /// as a query that parses to itself without notices.
    #[test]
    fn any_query_parses_to_a_usable_state(q in query()) {
        let parsed = parse_query(&q);
        match &parsed.page {
            Page::Explorer(e) => prop_assert!(e.code <= e.format.max_code()),
            Page::Tables(t) => prop_assert!(tables_model::has_table(&t.format)),
            Page::Signal(s) => {
                prop_assert!(s.input().validate().is_ok(), "{:?}", s);
                prop_assert!(!signal_model::runs_on_main_thread(s) || s.spec().validate().is_ok(), "{:?}", s);
                prop_assert!((1..=MAX_BLOCK).contains(&s.block));
                prop_assert!(s.schemes.len() <= MAX_SCHEMES);
            }
            Page::Quantize(p) => prop_assert!(p.values.len() <= quantize_model::MAX_VALUES),
            Page::Compare(p) => {
                prop_assert!(!p.formats.is_empty() && p.formats.len() <= compare_model::MAX_FORMATS);
                prop_assert!(compare_model::check_value(&p.value).is_ok());
            }
            Page::Mnist(m) => prop_assert!(m.sample < TEST_DIGITS),
            Page::Block(p) => prop_assert_eq!(p.bytes.len(), p.t.block_bytes()),
            Page::Bench(b) => prop_assert!((1..=lowbit_jobs::bench::MAX_BROWSER_ELEMENTS).contains(&b.n)),
            Page::Tensors(t) => prop_assert!(ranking_schemes().contains(&t.scheme)),
        }
        for n in &parsed.notices {
            let n = n.english();
            prop_assert!(n.chars().count() <= MAX_NOTICE_CHARS, "notice of {} chars", n.chars().count());
        }
        let q = to_query(&parsed.page);
        let again = parse_query(&q);
        prop_assert!(again.notices.is_empty(), "{:?} from {}", again.notices, q);
        // Compared through Debug, which tells NaN from NaN as equal and −0 from 0 as different
        // (`values=NaN` is a valid state; NaN ≠ NaN would fail PartialEq). Found by the soak.
        prop_assert_eq!(format!("{:?}", again.page), format!("{:?}", parsed.page));
        prop_assert_eq!(to_query(&again.page), q);
    }

    /// Arbitrary text, not shaped like a query at all.
    #[test]
    fn any_text_parses(q in any::<String>()) {
        let parsed = parse_query(&q);
        prop_assert_eq!(parse_query(&to_query(&parsed.page)).page, parsed.page);
    }

    /// Every valid state survives the URL unchanged, with no notice.
    #[test]
    fn valid_states_round_trip(s in state()) {
        let q = to_query(&s);
        let parsed = parse_query(&q);
        prop_assert!(parsed.notices.is_empty(), "{:?} from {}", parsed.notices, q);
        prop_assert_eq!(format!("{:?}", parsed.page), format!("{:?}", s), "{}", q);
        prop_assert_eq!(to_query(&parsed.page), q);
    }

    /// A malformed value for a known key leaves that part of the state at its default.
    #[test]
    fn bad_values_fall_back_with_a_notice(k in prop::sample::select(vec!["view", "format", "round", "overflow", "table", "wave", "error"]), junk in "[#!*]{1,5}") {
        // Each key is read by its own view.
        let (view, default) = match k {
            "table" => ("tables", Page::Tables(TablesParams::default())),
            "wave" | "error" => ("signal", Page::Signal(SignalParams::default())),
            _ => ("explorer", Page::Explorer(ExplorerState::default())),
        };
        let q = if k == "view" { format!("view={junk}") } else { format!("view={view}&{k}={junk}") };
        let parsed = parse_query(&q);
        prop_assert_eq!(parsed.notices.len(), 1, "{:?}", parsed.notices);
        prop_assert_eq!(parsed.page, default);
    }

    /// Percent-decoding never panics and inverts percent-encoding.
    #[test]
    fn percent_coding(text in any::<String>(), raw in "(%[0-9A-Fa-f]{0,2}|.){0,20}") {
        prop_assert_eq!(url_state::percent_decode(&url_state::percent_encode(&text)), text.clone());
        let _ = url_state::percent_decode(&raw);
        let _ = url_state::query_pairs(&raw);
    }

    /// The signal view's number boxes go through `SignalParams::apply`: any text is either
    /// used or refused with a notice, and what is used can be computed.
    #[test]
    fn signal_inputs(k in prop::sample::select(PARAMS.to_vec()), v in value()) {
        let mut params = SignalParams::default();
        let notices = params.apply(k, &v);
        prop_assert!(notices.is_some());
        let settled = params.settle();
        // What is used can be computed where it runs: the worker's job (up to 2^20 samples),
        // and on the main thread the core's signal.
        prop_assert!(params.input().validate().is_ok(), "{:?} {:?}", params, settled);
        prop_assert!(!signal_model::runs_on_main_thread(&params) || params.spec().validate().is_ok(), "{:?} {:?}", params, settled);
    }

    /// The value box: any text is a code in range, an encoded number, or an inline message.
    #[test]
    fn value_box(f in format(), text in value(), rounding in prop::option::of(prop::sample::select(RoundingMode::ALL.to_vec())), overflow in prop::sample::select(OverflowPolicy::ALL.to_vec()), seed in any::<u64>()) {
        match display::interpret_entry(&f, &text, rounding, overflow, seed) {
            Ok(Entry::Code(c)) => prop_assert!(c <= f.max_code()),
            Ok(Entry::Number(t)) => prop_assert!(t.code <= f.max_code()),
            Err(e) => {
                let e = e.text(lowbit_app::i18n::Lang::En.explorer());
                prop_assert!(!e.is_empty());
                prop_assert!(e.chars().count() <= MAX_NOTICE_CHARS, "message of {} chars", e.chars().count());
            }
        }
    }

    /// The explorer's read-outs exist for every code of every format.
    #[test]
    fn readouts(f in format(), code in any::<u64>()) {
        let r = display::readout(&f, code);
        prop_assert_eq!(r.code_decimal, (code & f.max_code()).to_string());
        let _ = display::limit_rows(&f);
        let _ = display::bit_label(&f, code, code as u32 % 80, lowbit_app::i18n::Lang::En.explorer());
        let _ = display::toggle_bit(&f, code, code as u32 % 80);
        let _ = tables_model::explorer_query(&f, code);
    }

    /// The custom-format boxes: any text in any box gives a format or a message.
    #[test]
    fn custom_format_boxes(
        field in prop::sample::select(vec![CustomField::Exponent, CustomField::Mantissa, CustomField::Bias, CustomField::Rule]),
        text in value(),
        start in format(),
    ) {
        let spec = CustomSpec::of(&start);
        match spec.with_text(field, &text).and_then(CustomSpec::to_format) {
            Ok(f) => {
                prop_assert!(f.bits() <= 32);
                prop_assert_eq!(Format::parse(f.id()).ok(), Some(f));
            }
            Err(e) => prop_assert!(!e.is_empty() && e.chars().count() <= MAX_NOTICE_CHARS),
        }
    }

    /// Custom specs of any widths and bias: a format (that the controls read back) or an error.
    #[test]
    fn custom_specs(e in any::<u32>(), m in any::<u32>(), b in any::<i32>(), r in 0usize..4) {
        let spec = CustomSpec { exponent_bits: e % 40, mantissa_bits: if m % 2 == 0 { m } else { m % 40 }, bias: b, specials: display::SPECIALS[r].0 };
        if let Ok(f) = spec.to_format() {
            prop_assert_eq!(CustomSpec::of(&f), spec);
        }
    }

    /// The `table` parameter and the table picker.
    #[test]
    fn tables(text in value()) {
        if let Ok(f) = tables_model::parse_table(&text) {
            let t = tables_model::value_table(&f);
            prop_assert_eq!(t.cells.len() as u64, 1u64 << t.bits);
        }
    }
}

proptest! {
    // Each case quantizes and draws up to 65 536 samples: fewer cases.
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Whatever the URL or the controls set, the signal view computes, hovers and draws
    /// (into an SVG, at any canvas size the page can give) without panicking.
    #[test]
    fn signal_view_computes_and_draws(
        settings in prop::collection::vec((prop::sample::select(PARAMS.to_vec()), value()), 0..8),
        width in 1u32..2000,
        height in prop::sample::select(vec![1u32, 20, 240, 340, 1360]),
        ratio in prop_oneof![float(), 0.5f64..8.0],
        pointer in prop_oneof![float(), 0.0f64..2000.0],
    ) {
        use lowbit_charts::plotters::prelude::{IntoDrawingArea, SVGBackend};
        let mut params = SignalParams::default();
        for (k, v) in &settings {
            let _ = params.apply(k, v);
        }
        let _ = params.settle();
        let result = signal_model::compute(&params);
        prop_assert_eq!(result.series.len(), params.schemes.len());
        let ratio = signal_model::draw_ratio(ratio);
        let (w, h) = signal_model::backing_size(width as f64, height as f64, ratio);
        prop_assert!(w >= 1 && h >= 1);
        let mut svg = String::new();
        let drawn = {
            let area = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
            signal_model::draw_plots(&result, params.relative, Some(&area), Some(&area), ratio, lowbit_app::i18n::Lang::En)
        };
        if let Ok((Some(m), _)) = drawn {
            if let Some(i) = signal_model::hover_index(&m, pointer, ratio) {
                prop_assert!(result.hover(i).is_some());
                prop_assert!(signal_model::cursor_left(&m, i, ratio).is_some());
            }
        }
        let _ = result.hover(params.samples);
        let _ = signal_model::block_choices(params.block);
        let _ = signal_model::scheme_choices(&params.schemes);
    }

    /// Whatever the URL or the text box gives the Quantize view, it quantizes and lays out.
    #[test]
    fn quantize_view_computes(
        settings in prop::collection::vec((prop::sample::select(vec!["scheme", "values", "block"]), value()), 0..6),
        values in prop::collection::vec(prop_oneof![any::<f32>(), Just(f32::NAN), Just(f32::INFINITY), Just(-0.0f32)], 0..300),
        use_values in any::<bool>(),
    ) {
        let mut params = quantize_model::QuantizeParams::default();
        for (k, v) in &settings {
            let _ = params.apply(k, v);
        }
        if use_values {
            params.values = values;
        }
        let _ = params.settle();
        let result = quantize_model::compute(&params);
        prop_assert_eq!(result.q.dequantized.len(), params.values.len());
        let _ = quantize_model::display(&result, lowbit_app::i18n::Lang::En);
        let _ = quantize_model::scheme_choices(&params.scheme);
        let _ = quantize_model::block_box(&params);
    }

    /// Canvas sizes from any CSS size and ratio are at least 1 × 1.
    #[test]
    fn canvas_sizes(w in float(), h in float(), ratio in float()) {
        let (bw, bh) = signal_model::backing_size(w, h, signal_model::draw_ratio(ratio));
        prop_assert!(bw >= 1 && bh >= 1);
        let (bw, bh) = signal_model::backing_size(w, h, ratio);
        prop_assert!(bw >= 1 && bh >= 1);
    }
}

/// Specials chosen in the custom controls survive as the id's suffix.
/// The soak's first find (2,438,381 cases in): a NaN typed into the URL is a valid state that
/// must survive the round trip.
#[test]
fn a_nan_value_round_trips() {
    let parsed = parse_query("view=quantize&values=NaN");
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    let q = to_query(&parsed.page);
    assert!(q.contains("values=NaN"), "{q}");
    assert_eq!(format!("{:?}", parse_query(&q).page), format!("{:?}", parsed.page));
}

#[test]
fn every_rule_has_a_suffix() {
    for (s, _) in display::SPECIALS {
        assert_eq!(display::parse_specials(s.suffix()), Some(s));
    }
    assert_eq!(display::parse_specials("sideways"), None);
    let _ = Specials::Ieee;
}

// ---------------------------------------------------------------------------------------------
// The Quantize view's numbers box: pastes as people paste them (quantize::paste).

/// A number as a person types it: (text with a decimal point, text with a decimal comma —
/// None when it has no fraction —, the f32 it means).
fn typed_number() -> impl Strategy<Value = (String, Option<String>, f32)> {
    (any::<bool>(), 0u32..100_000, prop::option::of("[0-9]{1,6}"), prop::option::of((prop::sample::select(vec!["e", "E"]), prop::sample::select(vec!["", "-", "+"]), 0u32..40)))
        .prop_map(|(negative, int, fraction, exponent)| {
            let sign = if negative { "-" } else { "" };
            let exp = exponent.map(|(e, s, n)| format!("{e}{s}{n}")).unwrap_or_default();
            let point = match &fraction {
                Some(f) => format!("{sign}{int}.{f}{exp}"),
                None => format!("{sign}{int}{exp}"),
            };
            let comma = fraction.as_ref().map(|f| format!("{sign}{int},{f}{exp}"));
            let value = point.parse::<f32>().unwrap();
            (point, comma, value)
        })
}

/// Separators a person puts between numbers, every kind but a bare comma.
fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", "  ", ", ", " , ", "; ", ";", "\t", "\n", "\r\n", ",\n", " \n "])
}

/// Text shaped like pastes: digits, every separator, brackets, calls, arguments, quotes.
fn paste_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[0-9]{1,4}",
            prop::sample::select(vec![
                ",", ", ", ";", " ", "\t", "\n", "[", "]", "(", ")", ".", "-", "+", "e", "E", "−", "tensor(", "np.array(", "array(",
                "dtype=", "dtype=torch.float16", "device='cuda:0'", "'", "\"", "...", "…", "nan", "inf", "=", "_", "x", "0,5",
            ])
            .prop_map(String::from),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// Lists nested as Python, numpy and torch print them.
fn nested(values: &[f32], rows: usize, wrapper: usize, newline: bool) -> String {
    let rows = rows.clamp(1, values.len().max(1));
    let per = values.len().div_ceil(rows).max(1);
    let inner: Vec<String> = values.chunks(per).map(|r| format!("[{}]", quantize_model::box_values_text(r))).collect();
    let list = format!("[{}]", inner.join(if newline { ",\n " } else { ", " }));
    match wrapper {
        0 => list,
        1 => format!("tensor({list})"),
        2 => format!("np.array({list}, dtype=np.float32)"),
        _ => format!("torch.tensor({list}, dtype=torch.float16, device='cuda:0', requires_grad=True)"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(3000), failure_persistence: None, ..ProptestConfig::default() })]

    /// Any text, and text shaped like pastes: read or refused with a short message, never a
    /// panic, never more than MAX_VALUES numbers.
    #[test]
    fn pastes_never_panic(text in prop_oneof![any::<String>(), paste_like()]) {
        match quantize_model::read_pasted(&text) {
            Ok(p) => {
                prop_assert!(p.values.len() <= quantize_model::MAX_VALUES);
                prop_assert!(p.notes.iter().all(|n| n.to_string().chars().count() <= MAX_NOTICE_CHARS));
            }
            Err(e) => prop_assert!(!e.is_empty() && e.chars().count() <= MAX_NOTICE_CHARS, "{e}"),
        }
    }

    /// What the URL and the numbers box write reads back bit for bit (NaN, ±Inf, −0,
    /// subnormals), without a note from the box's form.
    #[test]
    fn values_text_round_trips(values in prop::collection::vec(prop_oneof![any::<f32>(), Just(f32::NAN), Just(f32::INFINITY), Just(-0.0f32), Just(1e-45f32)], 0..60)) {
        let canonical = |v: &[f32]| v.iter().map(|x| if x.is_nan() { f32::NAN.to_bits() } else { x.to_bits() }).collect::<Vec<_>>();
        let url = quantize_model::values_text(&values);
        prop_assert_eq!(canonical(&quantize_model::parse_values(&url).unwrap()), canonical(&values), "{}", url);
        let shown = quantize_model::box_values_text(&values);
        let back = quantize_model::read_pasted(&shown).unwrap();
        prop_assert_eq!(canonical(&back.values), canonical(&values));
        prop_assert!(back.notes.is_empty(), "{:?}", back.notes);
    }

    /// Python/JSON lists, nested, in tensor(…) / np.array(…, dtype=…) calls: flattened.
    #[test]
    fn printed_lists_flatten(values in prop::collection::vec(-1e6f32..1e6, 0..40), rows in 1usize..6, wrapper in 0usize..4, newline in any::<bool>()) {
        let text = nested(&values, rows, wrapper, newline);
        let read = quantize_model::read_pasted(&text);
        prop_assert!(read.is_ok(), "{}: {:?}", text, read);
        prop_assert_eq!(read.unwrap().values, values, "{}", text);
    }

    /// Decimal commas between `;`, tabs or new lines: each is one number, with a note.
    #[test]
    fn decimal_commas_between_strong_separators(
        numbers in prop::collection::vec(typed_number(), 1..12),
        separators in prop::collection::vec(prop::sample::select(vec!["; ", ";", "\t", "\n", "\r\n", " ;\n", "\n\n"]), 12),
        trailing in prop::sample::select(vec!["", "\n", ";"]),
    ) {
        prop_assume!(numbers.iter().any(|(_, comma, _)| comma.is_some()));
        let mut text = String::new();
        for (i, (point, comma, _)) in numbers.iter().enumerate() {
            if i > 0 {
                text.push_str(separators[i]);
            }
            text.push_str(comma.as_ref().unwrap_or(point));
        }
        text.push_str(trailing);
        prop_assume!(numbers.len() > 1 || !trailing.is_empty());
        let read = quantize_model::read_pasted(&text);
        prop_assert!(read.is_ok(), "{:?}: {:?}", text, read);
        let read = read.unwrap();
        let expected: Vec<f32> = numbers.iter().map(|n| n.2).collect();
        prop_assert_eq!(read.values, expected, "{:?}", text);
        prop_assert!(read.notes.iter().any(|n| n.contains("decimal comma")), "{:?}: {:?}", text, read.notes);
    }

    /// Never more numbers than a person typed: numbers written with points, commas or as
    /// integers, separated by anything but a bare comma (a bare-comma list is the URL's form,
    /// `1,2,3,4`), read as exactly those numbers or refused — or, for one number with a decimal
    /// comma alone, two numbers with a note saying so. Without decimal commas, never refused.
    #[test]
    fn never_more_numbers_than_typed(
        numbers in prop::collection::vec((typed_number(), any::<bool>()), 1..10),
        separators in prop::collection::vec(separator(), 10),
        lead in prop::sample::select(vec!["", " ", "\n"]),
        trail in prop::sample::select(vec!["", " ", "\n", ";"]),
    ) {
        let mut text = String::from(lead);
        let mut commas = false;
        for (i, ((point, comma, _), use_comma)) in numbers.iter().enumerate() {
            if i > 0 {
                text.push_str(separators[i]);
            }
            match comma.as_ref().filter(|_| *use_comma) {
                Some(c) => {
                    commas = true;
                    text.push_str(c);
                }
                None => text.push_str(point),
            }
        }
        text.push_str(trail);
        let expected: Vec<f32> = numbers.iter().map(|n| n.0 .2).collect();
        match quantize_model::read_pasted(&text) {
            Ok(p) if p.values == expected => {}
            Ok(p) => {
                prop_assert!(commas, "{:?} read as {:?}", text, p.values);
                prop_assert!(numbers.len() == 1 && p.values.len() == 2 && !p.notes.is_empty(), "{:?} read as {:?} ({:?})", text, p.values, p.notes);
            }
            Err(e) => prop_assert!(commas, "{:?} refused: {}", text, e),
        }
    }
}
