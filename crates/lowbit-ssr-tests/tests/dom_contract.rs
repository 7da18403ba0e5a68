//! The DOM contract of the README, checked natively: each view or component is rendered to
//! HTML by Leptos' `ssr` renderer (the same `view!` code the browser runs) and the HTML is
//! searched for the test hooks and data attributes. Text and attributes are escaped by
//! Leptos, never by hand. (`prop:` values — `checked`, `selected`, `value` — are set by the
//! browser at run time and are not in this HTML; the wasm-bindgen and end-to-end tests cover
//! them.)

#![recursion_limit = "256"]

use leptos::prelude::*;
use lowbit_app::features::block::params::BlockParams;
use lowbit_app::features::block::{BlockModel, BlockView};
use lowbit_app::features::quantize::model::QuantizeParams;
use lowbit_app::features::quantize::{QuantizeModel, QuantizeView};
use lowbit_app::features::signal::model::{self as signal_model, MetricsRow, SignalParams};
use lowbit_app::features::signal::{SignalHover, SignalMetrics, SignalNotes, SignalSchemes};
use lowbit_app::features::tables::model::{self as tables_model, SEED_TABLES};
use lowbit_app::features::tables::{TableGrid, TableLegend, TableList, TableNormalFigure};
use lowbit_app::ui::FormatPicker;
use lowbit_app::Lowbit;
use lowbit_core::Format;

/// Renders a view to HTML inside a fresh reactive owner with a server-side context.
fn render<V: IntoView + 'static>(f: impl FnOnce() -> V) -> String {
    let owner = Owner::new_root(Some(std::sync::Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| f().into_view().to_html())
}

/// Every value of attribute `name` in `html`, in order.
fn attrs(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.split(&needle).skip(1).map(|rest| rest.split('"').next().unwrap_or_default().to_string()).collect()
}

fn codes(html: &str) -> Vec<u64> {
    attrs(html, "data-code").iter().map(|c| c.parse().unwrap()).collect()
}

fn table(id: &str) -> tables_model::ValueTable {
    tables_model::value_table(&Format::parse(id).unwrap())
}

#[test]
fn list_tables_carry_one_code_per_row() {
    for id in SEED_TABLES {
        let t = table(id);
        let html = render(move || view! { <TableList table=t heading="heading <&>" on_open=|_| {} /> });
        // The table, then its export buttons, each naming the table.
        assert_eq!(attrs(&html, "data-testid"), [format!("table-{id}"), "export-csv".into(), "export-markdown".into(), "export-latex".into()], "{id}");
        assert_eq!(attrs(&html, "data-export-for"), vec![format!("table-{id}"); 3], "{id}");
        assert_eq!(codes(&html), (0..16).collect::<Vec<u64>>(), "{id}: data-code only on the 16 rows");
        assert_eq!(html.matches("<tr").count(), 17, "{id}: a header row and 16 rows");
        assert!(html.contains("heading &lt;&amp;&gt;"), "escaped by Leptos: {html}");
    }
    let bnb = render(|| view! { <TableList table=table("fp4_bnb") heading="" on_open=|_| {} /> });
    let values = attrs(&bnb, "data-value");
    assert_eq!(values[1], "0.0052083334885537624");
    let e2m1 = render(|| view! { <TableList table=table("float4_e2m1fn") heading="" on_open=|_| {} /> });
    let values = attrs(&e2m1, "data-value");
    assert_eq!((values[7].as_str(), values[8].as_str()), ("6", "-0"));
}

#[test]
fn grid_tables_carry_one_code_per_cell() {
    let html = render(|| view! { <TableGrid table=table("float8_e4m3fn") on_open=|_| {} /> });
    assert_eq!(codes(&html), (0..256).collect::<Vec<u64>>());
    assert_eq!(html.matches("<td").count(), 256);
    assert_eq!(html.matches("<tr").count(), 17, "a header row and 16 body rows");
    assert_eq!(attrs(&html, "data-value")[126], "448");
    assert_eq!(attrs(&html, "data-value")[128], "-0");
    let legend = render(|| view! { <TableLegend /> });
    assert!(legend.contains("cls-subnormal") && legend.contains("data-testid=\"table-legend\""));
    let figure = render(|| view! { <TableNormalFigure /> });
    assert_eq!(figure.matches("<circle").count(), 16);
    assert!(figure.contains("data-testid=\"nf4-figure\""));
}

#[test]
fn the_table_picker_offers_formats_up_to_8_bits() {
    let html = render(|| {
        view! {
            <FormatPicker
                format=Signal::derive(|| Format::parse("nf4").unwrap())
                on_select=|_| {}
                testid="table-select"
                max_bits=8
            />
        }
    });
    assert_eq!(attrs(&html, "data-testid"), ["table-select"]);
    assert_eq!(html.matches("<option").count(), tables_model::table_formats().len());
    let custom = render(|| view! { <FormatPicker format=Signal::derive(|| Format::parse("e3m2").unwrap()) on_select=|_| {} max_bits=8 /> });
    assert!(custom.contains("value=\"e3m2\""), "the custom format is offered: {custom}");
    let all = render(|| view! { <FormatPicker format=Signal::derive(|| Format::parse("float16").unwrap()) on_select=|_| {} /> });
    assert_eq!(all.matches("<option").count(), lowbit_core::CATALOGUE.len());
    assert_eq!(attrs(&all, "data-testid"), ["format-select"]);
}

#[test]
fn signal_metrics_hover_notes_and_schemes() {
    let r = signal_model::compute(&SignalParams { schemes: vec!["nf4".into(), "mxfp4".into()], ..SignalParams::default() });
    let rows: Vec<MetricsRow> = r.series.iter().map(|s| s.row.clone()).collect();
    let expected = rows.clone();
    let html = render(move || view! { <SignalMetrics rows=Signal::derive(move || rows.clone()) /> });
    assert_eq!(attrs(&html, "data-scheme"), ["nf4", "mxfp4"]);
    assert_eq!(attrs(&html, "data-mse"), [expected[0].mse_attr.clone(), expected[1].mse_attr.clone()]);
    assert_eq!(attrs(&html, "data-max-abs-error")[0], expected[0].max_abs_attr);
    assert_eq!(attrs(&html, "data-sqnr-db")[1], expected[1].sqnr_attr);
    assert_eq!(attrs(&html, "data-bits"), ["4.5", "4.25"]);

    let h = r.hover(10);
    let hover = render(move || view! { <SignalHover hover=Signal::derive(move || h.clone()) /> });
    assert!(hover.contains("nf4 b64") && hover.contains("mxfp4 b32"), "{hover}");
    assert_eq!(attrs(&hover, "data-index"), ["10"]);
    let none = render(|| view! { <SignalHover hover=Signal::derive(|| None) /> });
    assert!(none.contains("Hover") && attrs(&none, "data-index") == [""], "{none}");

    let notes = render(|| view! { <SignalNotes notes=Signal::derive(|| vec!["a<b".to_string()]) /> });
    assert!(notes.contains("a&lt;b"), "{notes}");

    let selected = vec!["fp4_bnb".to_string(), "cast:float6_e3m2fn".to_string()];
    let schemes = render(move || view! { <SignalSchemes selected=Signal::derive(move || selected.clone()) on_toggle=|_| {} /> });
    assert_eq!(schemes.matches("type=\"checkbox\"").count(), signal_model::offered_schemes().len() + 1);
    assert!(schemes.contains("from the link"));
    assert_eq!(schemes.matches("background-color:").count(), 2, "a colour swatch per selected scheme");
    assert!(schemes.contains("var(--lowbit-series-0)") && schemes.contains("var(--lowbit-series-1)"));
}

#[test]
fn the_app_opens_448_with_its_hooks() {
    let html = render(|| view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e" /> });
    assert_eq!(attrs(&html, "data-value")[0], "448");
    for n in 0..8 {
        assert!(html.contains(&format!("data-testid=\"bit-{n}\"")), "bit-{n}");
    }
    assert!(!html.contains("data-testid=\"bit-8\""));
    assert_eq!(attrs(&html, "data-code")[0], "126");
    for id in ["format-select", "value-input", "view-nav", "limits-table", "formula"] {
        assert!(html.contains(&format!("data-testid=\"{id}\"")), "{id}");
    }
    assert!(!html.contains("data-testid=\"notice\""));
    // Keys of other views are ignored silently.
    let html = render(|| view! { <Lowbit query="?view=tables&scheme=float32&values=x" /> });
    assert!(!html.contains("data-testid=\"notice\""), "no notice for another view's keys");
    assert!(html.contains("data-testid=\"table-float8_e4m3fn\""));
    // The views of the lazily loaded module: a placeholder the module mounts into.
    for view in ["quantize", "compare", "mnist", "block", "tensors"] {
        let html = render(move || view! { <Lowbit query=format!("?view={view}") /> });
        assert!(!html.contains("data-testid=\"notice\""), "{view}: {html}");
        assert!(html.contains(&format!("data-testid=\"lazy-view\" data-view=\"{view}\" data-state=\"loading\"")), "{view}: {html}");
    }
    // A view this build does not have: a notice naming it.
    let html = render(|| view! { <Lowbit query="?view=histograms" /> });
    assert!(html.contains("data-testid=\"notice\"") && html.contains("histograms"));
}

#[test]
fn lang_ru_renders_the_views_in_russian_with_the_same_hooks_and_numbers() {
    let en = render(|| view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e&lang=en" /> });
    let ru = render(|| view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e&lang=ru" /> });
    assert!(en.contains("Encode a number") && !en.contains("Закодировать число"));
    for text in ["Закодировать число", "Все форматы", "Разбор битов", "Квантование", "Таблицы значений", "биты экспоненты", "числовые форматы машинного обучения"] {
        assert!(ru.contains(text), "{text}: {ru}");
    }
    for text in ["Encode a number", "All formats", "Bit explorer", "machine-learning number formats"] {
        assert!(!ru.contains(text), "{text} left in English");
    }
    // The same test hooks and the same numbers (no decimal comma), in either language.
    assert_eq!(attrs(&ru, "data-testid"), attrs(&en, "data-testid"));
    assert_eq!(attrs(&ru, "data-value"), attrs(&en, "data-value"));
    assert_eq!(attrs(&ru, "data-code"), attrs(&en, "data-code"));
    assert!(ru.contains("data-testid=\"lang\""));
    assert!(!ru.contains("data-testid=\"notice\""));
    // The tables, and a lazily loaded view's placeholder.
    let tables = render(|| view! { <Lowbit query="?view=tables&lang=ru" /> });
    assert!(tables.contains("4-битные таблицы из статьи") && tables.contains("Почему FP4 из bitsandbytes — не E2M1"), "{tables}");
    let lazy = render(|| view! { <Lowbit query="?view=quantize&lang=ru" /> });
    assert!(lazy.contains("Загрузка раздела «Квантование»…"), "{lazy}");
    // German, and an unknown language: a notice, and English (the browser's, natively).
    let de = render(|| view! { <Lowbit query="?lang=de" /> });
    assert!(de.contains("Eine Zahl kodieren") && de.contains("Wertetabellen"), "{de}");
    let unknown = render(|| view! { <Lowbit query="?lang=fr" /> });
    assert!(unknown.contains("data-testid=\"notice\"") && unknown.contains("Language &#39;fr&#39;") || unknown.contains("Language 'fr'"), "{unknown}");
    assert!(unknown.contains("Encode a number"));
    // A lazily loaded view mounted on its model, in Russian: the same codes as in English.
    let parsed = lowbit_app::url::parse_query("?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
    let lowbit_app::url::Page::Quantize(params) = parsed.page else { panic!("{:?}", parsed.page) };
    let html = render(move || {
        lowbit_app::ui::lang::provide_lang(Signal::stored(lowbit_app::i18n::Lang::Ru));
        view! { <QuantizeView model=QuantizeModel::new(params) /> }
    });
    for text in ["Ваши числа", "Результат", "Шаг за шагом", "после деквантования"] {
        assert!(html.contains(text), "{text}: {html}");
    }
    assert_eq!(attrs(&html, "data-codes"), ["-2,1,4,-7"]);
}

#[test]
fn the_quantize_view_traces_and_marks_refused_input_stale() {
    // The app shows the lazily loaded view's container; the view itself is mounted on a model.
    let html = render(|| view! { <Lowbit query="?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1" /> });
    assert!(!html.contains("data-testid=\"notice\""), "{html}");
    assert!(html.contains("data-testid=\"lazy-view\" data-view=\"quantize\""), "{html}");
    let parsed = lowbit_app::url::parse_query("?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
    assert!(parsed.notices.is_empty());
    let lowbit_app::url::Page::Quantize(params) = parsed.page else { panic!("{:?}", parsed.page) };
    let html = render(move || view! { <QuantizeView model=QuantizeModel::new(params) /> });
    assert_eq!(attrs(&html, "data-index"), ["0", "1", "2", "3"]);
    assert_eq!(attrs(&html, "data-code"), ["-2", "1", "4", "-7"]);
    assert_eq!(attrs(&html, "data-codes"), ["-2,1,4,-7"]);
    assert!(html.contains("data-testid=\"quantize-note\"") && html.contains("seed 002"));
    assert!(!html.contains("data-stale"), "an accepted input is current");

    // The bnb example, then a malformed paste: the last result stays, marked stale with why.
    let html = render(|| {
        let model = QuantizeModel::new(QuantizeParams { scheme: "fp4_bnb".into(), values: vec![1.0, 2.0, 3.0, 4.0], block: None, left_out: None, in_worker: None });
        model.apply("values", "1,2.3.4");
        view! { <QuantizeView model=model /> }
    });
    assert_eq!(attrs(&html, "data-bytes"), ["117,35"]);
    assert_eq!(attrs(&html, "data-high-first"), ["true"]);
    assert_eq!(attrs(&html, "data-values"), ["1,2,2.6666667461395264,4"]);
    assert_eq!(attrs(&html, "data-stale"), ["true"]);
    assert!(html.contains("data-testid=\"quantize-input-error\""), "{html}");
    assert!(html.contains("&#x27;2.3.4&#x27;") || html.contains("'2.3.4'"), "the refused token is named: {html}");
    assert!(html.contains("data-testid=\"stale-note\""));
}

#[test]
fn the_block_explorer_lays_out_a_q4_k_block_with_its_hooks() {
    use lowbit_core::decimal::js_string;
    use lowbit_core::gguf::{self, GgufType};
    let t = GgufType::Q4K;
    let params = BlockParams::example(t);
    let expected: Vec<String> = gguf::dequantize(t, &params.bytes).unwrap().iter().map(|v| js_string(*v as f64)).collect();
    let html = render(move || view! { <BlockView model=BlockModel::new(params) /> });
    for id in ["block-type", "block-hex", "block-reset", "block-facts", "block-superblock", "block-subs", "block-values", "block-output"] {
        assert!(html.contains(&format!("data-testid=\"{id}\"")), "{id}");
    }
    assert_eq!(html.matches("data-testid=\"block-byte\"").count(), 144);
    assert_eq!(html.matches("data-testid=\"block-bit\"").count(), 8 * 144);
    assert_eq!(html.matches("data-testid=\"block-scale-byte\"").count(), 12);
    assert_eq!(html.matches("data-testid=\"block-scale-bit\"").count(), 8 * 12);
    assert_eq!(attrs(&html, "data-field").iter().filter(|f| ["d", "dmin", "scales", "qs"].contains(&f.as_str())).count(), 4 + 144 + 12);
    assert_eq!(attrs(&html, "data-sub"), (0..8).map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(attrs(&html, "data-value"), expected, "the values are the core's dequantization");
    assert!(!html.contains("data-stale"), "an accepted block is current");

    // A refused hex: the block stays, marked stale with the reason.
    let html = render(|| {
        let model = BlockModel::new(BlockParams::example(GgufType::Q8_0));
        model.set_hex("0011".into());
        view! { <BlockView model=model /> }
    });
    assert_eq!(attrs(&html, "data-stale"), ["true"]);
    assert!(html.contains("2 bytes, but a q8_0 block is 34 bytes"), "{html}");
    assert_eq!(html.matches("data-testid=\"block-byte\"").count(), 34);
    assert!(!html.contains("data-testid=\"block-superblock\""), "not a k-quant");
}
