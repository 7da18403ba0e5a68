//! Component tests of the value tables, the quantized-signal view and the Quantize view in headless Chromium
//! (wasm-bindgen-test): each test mounts the app or one component into a fresh container,
//! acts on the DOM, waits for Leptos (and, for the charts, an animation frame) and checks the
//! DOM contract of issue #4.
//!
//! Run: scripts/test.sh (it sets CHROMEDRIVER, the runner and the Chromium flags).
#![cfg(target_arch = "wasm32")]

use std::sync::{Arc, Mutex};

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use lowbit_app::features::quantize::model::QuantizeParams;
use lowbit_app::features::quantize::{QuantizeModel, QuantizeView};
use lowbit_app::features::signal::model::{self as signal_model, SignalParams};
use lowbit_app::features::signal::{SignalControls, SignalMetrics, SignalModel, SignalSchemes, SignalView};
use lowbit_app::features::tables::model as tables_model;
use lowbit_app::features::tables::{TableGrid, TableList};
use lowbit_app::url::{parse_query, Page};
use lowbit_app::Lowbit;
use lowbit_core::Format;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    console_error_panic_hook::set_once();
    let document = document();
    let div = document.create_element("div").unwrap();
    div.set_attribute("style", "width: 1000px").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

fn data(root: &Element, selector: &str, name: &str) -> String {
    one(root, selector).get_attribute(name).unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

fn fire(target: &Element, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(event, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn set_input(root: &Element, selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = one(root, selector).unchecked_into();
    input.set_value(value);
    fire(&input, event);
}

fn set_select(root: &Element, selector: &str, value: &str) {
    let select: HtmlSelectElement = one(root, selector).unchecked_into();
    select.set_value(value);
    fire(&select, "change");
}

/// Waits for the next animation frame (ResizeObserver callbacks and the redraws they cause).
async fn frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    tick().await;
}

/// Polls (one frame at a time, up to ~2 s) until `ready` holds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..120 {
        if ready() {
            return;
        }
        frame().await;
    }
    panic!("timed out waiting for {what}");
}

fn metric_schemes(root: &Element) -> Vec<String> {
    let rows = root.query_selector_all("[data-testid=\"signal-metrics\"] tbody tr").unwrap();
    (0..rows.length())
        .map(|i| rows.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-scheme").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_tables_view_renders_the_contract_without_interaction() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?view=tables" /> });
    tick().await;
    for id in ["nf4", "fp4_bnb", "float4_e2m1fn"] {
        assert_eq!(count(&root, &format!("{} tbody tr[data-code]", testid(&format!("table-{id}")))), 16, "{id}");
    }
    let grid = testid("table-float8_e4m3fn");
    assert_eq!(count(&root, &format!("{grid} td[data-code]")), 256);
    assert_eq!(count(&root, &format!("{grid} tbody tr")), 16);
    assert_eq!(count(&root, "[data-testid^=\"table-\"] [data-code]"), 3 * 16 + 256, "only cells and rows carry data-code");
    assert_eq!(data(&root, &format!("{} [data-code=\"7\"]", testid("table-float4_e2m1fn")), "data-value"), "6");
    assert_eq!(data(&root, &format!("{} [data-code=\"1\"]", testid("table-fp4_bnb")), "data-value"), "0.0052083334885537624");
    assert_eq!(data(&root, &format!("{grid} [data-code=\"128\"]"), "data-value"), "-0");
    assert_eq!(count(&root, &format!("{} circle", testid("nf4-figure"))), 16);

    // A cell opens its code in the explorer; the tables keep their format when we come back.
    set_select(&root, &testid("table-select"), "float8_e5m2");
    tick().await;
    assert_eq!(count(&root, &format!("{} td[data-code]", testid("table-float8_e5m2"))), 256);
    click(&root, &format!("{} [data-code=\"124\"]", testid("table-float8_e5m2")));
    tick().await;
    assert_eq!(data(&root, &testid("value"), "data-value"), "Infinity");
    assert_eq!(data(&root, &testid("code"), "data-code"), "124");
    click(&root, "[data-testid=\"view-nav\"] [data-view=\"tables\"]");
    tick().await;
    assert_eq!(count(&root, &testid("table-float8_e5m2")), 1);
}

#[wasm_bindgen_test]
async fn table_rows_and_cells_report_their_code_by_click_and_key() {
    let root = container();
    let got = Arc::new(Mutex::new(Vec::new()));
    let (a, b) = (got.clone(), got.clone());
    let bnb = tables_model::value_table(&Format::parse("fp4_bnb").unwrap());
    let e4m3 = tables_model::value_table(&Format::parse("float8_e4m3fn").unwrap());
    let _list = mount_to(root.clone(), move || {
        view! {
            <TableList table=bnb heading="bnb" on_open=move |c| a.lock().unwrap().push(c) />
            <TableGrid table=e4m3 on_open=move |c| b.lock().unwrap().push(c) />
        }
    });
    tick().await;
    // A click on a cell inside a row counts for the row.
    click(&root, &format!("{} tr[data-code=\"3\"] td.rounded-col", testid("table-fp4_bnb")));
    click(&root, &format!("{} [data-code=\"126\"]", testid("table-float8_e4m3fn")));
    let cell = one(&root, &format!("{} [data-code=\"56\"]", testid("table-float8_e4m3fn")));
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    cell.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
    // Headers are not codes.
    click(&root, &format!("{} thead th", testid("table-float8_e4m3fn")));
    assert_eq!(*got.lock().unwrap(), vec![3, 126, 56]);
}

/// Notices as the English page words them.
fn english(notices: &[lowbit_app::notice::Notice]) -> Vec<String> {
    notices.iter().map(|n| n.text(lowbit_app::i18n::Lang::En.notices())).collect()
}

/// The signal state a URL names, and its notices. (The app loads the Signal view from its
/// second module, which the test runner does not serve: the tests mount the view itself.)
fn signal_page(query: &str) -> (SignalParams, Vec<String>) {
    let parsed = parse_query(query);
    let Page::Signal(params) = parsed.page else { panic!("{query} names {:?}", parsed.page) };
    (params, english(&parsed.notices))
}

#[wasm_bindgen_test]
async fn the_seed_url_opens_the_seed_example_with_core_metrics() {
    let root = container();
    let (params, notices) = signal_page("?view=signal&schemes=nf4,fp4_bnb&block=64&samples=256");
    assert_eq!(notices, Vec::<String>::new());
    let model = SignalModel::new(params);
    let _app = mount_to(root.clone(), move || view! { <SignalView model=model /> });
    tick().await;
    assert_eq!(metric_schemes(&root), ["nf4", "fp4_bnb"]);
    let expected = signal_model::compute(&SignalParams::default());
    for s in &expected.series {
        let row = format!("[data-testid=\"signal-metrics\"] tr[data-scheme=\"{}\"]", s.id);
        assert_eq!(data(&root, &row, "data-mse"), s.row.mse_attr);
        assert_eq!(data(&root, &row, "data-max-abs-error"), s.row.max_abs_attr);
        assert_eq!(data(&root, &row, "data-sqnr-db"), s.row.sqnr_attr);
        assert_eq!(data(&root, &row, "data-bits"), "4.5");
        let mse: f64 = data(&root, &row, "data-mse").parse().unwrap();
        assert!(mse > 0.0 && mse < 0.01);
    }
    // Both charts are drawn at device resolution.
    until("both charts drawn", || {
        ["sine-plot", "error-plot"].iter().all(|id| data(&root, &testid(id), "data-drawn").parse::<u32>().unwrap_or(0) >= 1)
    })
    .await;
    let canvas: web_sys::HtmlCanvasElement = one(&root, &testid("sine-plot")).unchecked_into();
    let dpr = window().device_pixel_ratio();
    assert_eq!(canvas.width() as f64, (canvas.client_width() as f64 * dpr).round());
    assert_eq!(canvas.height() as f64, (canvas.client_height() as f64 * dpr).round());

    // Hover: the read-out follows the pointer.
    let rect = canvas.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + rect.width() / 2.0) as i32);
    init.set_client_y((rect.top() + rect.height() / 2.0) as i32);
    init.set_bubbles(true);
    canvas.dispatch_event(&web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap()).unwrap();
    tick().await;
    let index: usize = data(&root, &testid("hover-readout"), "data-index").parse().expect("a hovered sample");
    assert!((100..160).contains(&index), "the middle of the chart: sample {index}");
    let text = one(&root, &testid("hover-readout")).text_content().unwrap();
    assert!(text.contains("nf4 b64") && text.contains("fp4_bnb b64"), "{text}");
    canvas.dispatch_event(&web_sys::PointerEvent::new("pointerleave").unwrap()).unwrap();
    tick().await;
    assert_eq!(data(&root, &testid("hover-readout"), "data-index"), "");
}

#[wasm_bindgen_test]
async fn schemes_controls_and_view_switches() {
    let root = container();
    let model = SignalModel::new(signal_page("?view=signal").0);
    let app = mount_to(root.clone(), move || view! { <SignalView model=model /> });
    tick().await;
    assert_eq!(metric_schemes(&root), ["nf4", "fp4_bnb"]);
    assert_eq!(one(&root, &testid("signal-samples")).unchecked_into::<HtmlInputElement>().value(), "256", "initial");

    // The one-click seed example.
    click(&root, &testid("seed-example"));
    tick().await;
    assert_eq!(metric_schemes(&root), ["fp4_bnb"]);
    assert!(one(&root, &testid("seed-example")).class_list().contains("active"));

    // Checkboxes add schemes; a fixed-block scheme notes that it ignores block 64.
    click(&root, "input[data-scheme=\"nvfp4\"]");
    tick().await;
    assert_eq!(metric_schemes(&root), ["fp4_bnb", "nvfp4"]);
    assert!(one(&root, &testid("signal-notes")).text_content().unwrap().contains("nvfp4 always uses blocks of 16"));
    assert_eq!(data(&root, "tr[data-scheme=\"nvfp4\"]", "data-bits"), "4.5");
    assert!(one(&root, "input[data-scheme=\"nvfp4\"]").unchecked_into::<HtmlInputElement>().checked());

    // Controls: samples, block, wave; a bad value is reported and changes nothing.
    set_input(&root, &testid("signal-samples"), "1024", "change");
    set_select(&root, &testid("signal-block"), "128");
    tick().await;
    assert!(one(&root, "tr[data-scheme=\"fp4_bnb\"]").text_content().unwrap().contains("fp4_bnb b128"));
    set_input(&root, &testid("signal-amplitude"), "-2", "change");
    tick().await;
    assert!(one(&root, &testid("signal-input-error")).text_content().unwrap().contains("Amplitude"));
    set_select(&root, &testid("signal-wave"), "noise");
    tick().await;
    assert_eq!(count(&root, &testid("signal-input-error")), 0);
    let expected = signal_model::compute(&SignalParams {
        kind: lowbit_core::signal::SignalKind::Noise,
        samples: 1024,
        block: 128,
        schemes: vec!["fp4_bnb".into(), "nvfp4".into()],
        ..SignalParams::default()
    });
    assert_eq!(data(&root, "tr[data-scheme=\"nvfp4\"]", "data-mse"), expected.series[1].row.mse_attr);

    // Relative errors, then the view is left (unmounted) and opened again on the same model
    // (as the second module keeps it): the state is kept.
    click(&root, "[data-testid=\"error-mode\"] input[value=\"rel\"]");
    tick().await;
    drop(app);
    tick().await;
    assert_eq!(count(&root, &testid("signal-metrics")), 0);
    let _again = mount_to(root.clone(), move || view! { <SignalView model=model /> });
    // Leptos sets `value` properties in a microtask after building: wait for a frame.
    frame().await;
    assert_eq!(metric_schemes(&root), ["fp4_bnb", "nvfp4"]);
    assert!(one(&root, "[data-testid=\"error-mode\"] input[value=\"rel\"]").unchecked_into::<HtmlInputElement>().checked());
    assert_eq!(one(&root, &testid("signal-samples")).unchecked_into::<HtmlInputElement>().value(), "1024");
    assert_eq!(one(&root, &testid("signal-samples-slider")).unchecked_into::<HtmlInputElement>().value(), "1024");
}

#[wasm_bindgen_test]
async fn malformed_signal_parameters_show_a_notice_and_the_defaults() {
    let root = container();
    let query = "?view=signal&samples=-5&schemes=bogus&periods=x";
    // The app shows the URL's notices, and the lazily loaded view's container for the state.
    let _app = mount_to(root.clone(), move || view! { <Lowbit query=query /> });
    tick().await;
    let notice = one(&root, &testid("notice")).text_content().unwrap();
    assert_eq!(data(&root, &testid("lazy-view"), "data-view"), "signal");
    let view_root = container();
    let model = SignalModel::new(signal_page(query).0);
    let _view = mount_to(view_root.clone(), move || view! { <SignalView model=model /> });
    tick().await;
    let root = view_root;
    assert!(notice.contains("Samples '-5'") && notice.contains("'bogus'") && notice.contains("Periods 'x'"), "{notice}");
    assert_eq!(metric_schemes(&root), ["nf4", "fp4_bnb"]);
    assert_eq!(count(&root, &testid("sine-plot")), 1);
}

#[wasm_bindgen_test]
async fn components_report_changes_through_callbacks() {
    let root = container();
    let params = RwSignal::new(SignalParams::default());
    let toggled = Arc::new(Mutex::new(Vec::<String>::new()));
    let t = toggled.clone();
    let rows = Signal::derive(move || params.with(|p| signal_model::compute(p).series.into_iter().map(|s| s.row).collect::<Vec<_>>()));
    let _c = mount_to(root.clone(), move || {
        view! {
            <SignalControls params=params on_change=move |p| params.set(p) />
            <SignalSchemes selected=Signal::derive(move || params.with(|p| p.schemes.clone())) on_toggle=move |id: String| t.lock().unwrap().push(id) />
            <SignalMetrics rows=rows />
        }
    });
    tick().await;
    set_input(&root, &testid("signal-periods-slider"), "4", "input");
    tick().await;
    assert_eq!(params.get_untracked().periods, 4.0);
    set_input(&root, &testid("signal-samples"), "7", "change");
    tick().await;
    assert_eq!(params.get_untracked().samples, 256, "out of range: unchanged");
    assert!(one(&root, &testid("signal-input-error")).text_content().unwrap().contains("Samples '7'"));
    click(&root, "input[data-scheme=\"cast:float8_e4m3fn\"]");
    assert_eq!(*toggled.lock().unwrap(), ["cast:float8_e4m3fn"]);
    assert_eq!(metric_schemes(&root), ["nf4", "fp4_bnb"]);
    // Every registry scheme has a checkbox.
    for s in lowbit_core::quant::SCHEMES.iter().filter(|s| !s.parametric) {
        assert_eq!(count(&root, &format!("input[data-scheme=\"{}\"]", s.id)), 1, "{}", s.id);
    }
}

/// The Quantize state a URL names, and its notices. (The app loads the Quantize view from its
/// second module, which the test runner does not serve: the tests mount the view itself.)
fn quantize_page(query: &str) -> (QuantizeParams, Vec<String>) {
    let parsed = parse_query(query);
    let Page::Quantize(params) = parsed.page else { panic!("{query} names {:?}", parsed.page) };
    (params, english(&parsed.notices))
}

#[wasm_bindgen_test]
async fn quantize_view_traces_the_seed_example_and_keeps_results_on_bad_input() {
    let root = container();
    let (params, notices) = quantize_page("?view=quantize&scheme=int4_absmax&values=-0.5,0.3,1.2,-2.1");
    assert_eq!(notices, Vec::<String>::new());
    let model = QuantizeModel::new(params);
    let _app = mount_to(root.clone(), move || view! { <QuantizeView model=model /> });
    tick().await;
    let codes: Vec<String> = (0..4).map(|i| data(&root, &format!("{} tr[data-index=\"{i}\"]", testid("quantize-trace")), "data-code")).collect();
    assert_eq!(codes, ["-2", "1", "4", "-7"]);
    let note = one(&root, &testid("quantize-note")).text_content().unwrap();
    assert!(note.contains("seed 002") && note.contains("[-1, 1, 4, -7]") && note.contains("rounds to -2"), "{note}");

    // The bnb example: packed bytes, first element in the high nibble.
    set_select(&root, &testid("quantize-scheme"), "fp4_bnb");
    tick().await;
    set_input(&root, &testid("quantize-input"), "1, 2\n3 4", "input");
    tick().await;
    assert_eq!(data(&root, &testid("quantize-packed"), "data-bytes"), "117,35");
    assert_eq!(data(&root, &testid("quantize-dequantized"), "data-values"), "1,2,2.6666667461395264,4");
    assert!(one(&root, &testid("quantize-note")).text_content().unwrap().contains("seed 000"));

    // A malformed token is named inline; the previous result stays.
    set_input(&root, &testid("quantize-input"), "1, 2, x3", "input");
    tick().await;
    assert!(one(&root, &testid("quantize-input-error")).text_content().unwrap().contains("'x3'"));
    assert_eq!(data(&root, &testid("quantize-packed"), "data-bytes"), "117,35");
    set_input(&root, &testid("quantize-input"), "1 2 3 64", "input");
    tick().await;
    assert_eq!(count(&root, &testid("quantize-input-error")), 0);
    assert_eq!(data(&root, &testid("quantize-dequantized"), "data-values"), "0.3333333432674408,0.3333333432674408,0.3333333432674408,64");
}

/// `n` numbers as pasted: "0.5, -1.25, …".
fn pasted_numbers(n: usize) -> String {
    (0..n).map(|i| format!("{}", (i % 41) as f32 / 8.0 - 2.5)).collect::<Vec<_>>().join(", ")
}

#[wasm_bindgen_test]
async fn quantize_view_windows_its_trace_and_hands_long_inputs_to_the_worker() {
    let root = container();
    let model = QuantizeModel::new(quantize_page("?view=quantize&scheme=nf4").0);
    let _app = mount_to(root.clone(), move || view! { <QuantizeView model=model /> });
    tick().await;
    assert_eq!(count(&root, &format!("{} tbody tr", testid("quantize-trace"))), 4);
    assert_eq!(count(&root, &testid("quantize-url-note")), 0);

    // 5,000 numbers: on this thread, at once; a window of the trace; the URL leaves them out.
    set_input(&root, &testid("quantize-input"), &pasted_numbers(5000), "input");
    tick().await;
    assert_eq!(data(&root, &testid("quantize-output"), "data-count"), "5000");
    assert_eq!(data(&root, &testid("quantize-trace-window"), "data-total"), "5000");
    let rows = || count(&root, &format!("{} tbody tr", testid("quantize-trace")));
    assert_eq!(rows(), 64, "a window of rows, not 5,000");
    assert_eq!(data(&root, &format!("{} tbody tr", testid("quantize-trace")), "data-index"), "0");
    assert_eq!(data(&root, &testid("quantize-codes"), "data-codes").split(',').count(), 4096);
    let note = one(&root, &testid("quantize-url-note")).text_content().unwrap();
    assert!(note.contains("5,000 values") && note.contains("URL"), "{note}");
    assert_eq!(lowbit_app::url::to_query(&Page::Quantize(model.params.get_untracked())), "view=quantize&scheme=nf4&count=5000");

    // Scrolling the box moves the window: row 2,000 is in the DOM, shown inside the box.
    let window_box: HtmlElement = one(&root, &testid("quantize-trace-window")).unchecked_into();
    window_box.set_scroll_top(2000 * 28);
    fire(&window_box, "scroll");
    let row = format!("{} tr[data-index=\"2000\"]", testid("quantize-trace"));
    until("row 2000 in the window", || count(&root, &row) == 1).await;
    assert!(rows() <= 64);
    let (a, b) = (window_box.get_bounding_client_rect(), one(&root, &row).get_bounding_client_rect());
    assert!(b.top() >= a.top() - 1.0 && b.bottom() <= a.bottom() + 1.0, "row 2000 at {}..{}, box {}..{}", b.top(), b.bottom(), a.top(), a.bottom());

    // 10,000 numbers: the compute worker's job (which the test runner cannot start: its script
    // is not served). The last result stays, marked stale, and the failure is said.
    set_input(&root, &testid("quantize-input"), &pasted_numbers(10_000), "input");
    tick().await;
    assert_eq!(data(&root, &testid("quantize-output"), "data-stale"), "true");
    assert_eq!(data(&root, &testid("quantize-output"), "data-count"), "5000", "the last result, kept");
    for _ in 0..600 {
        if count(&root, &testid("quantize-worker-error")) == 1 {
            break;
        }
        frame().await;
    }
    let failure = one(&root, &testid("quantize-worker-error")).text_content().unwrap();
    assert!(failure.contains("The computation failed") && failure.contains("worker"), "{failure}");
    assert_eq!(data(&root, &testid("quantize-output"), "data-stale"), "true");
    assert_eq!(count(&root, &testid("quantize-progress")), 0);

    // A short input again: this thread, current, no failure shown.
    set_input(&root, &testid("quantize-input"), "1, 2, 3", "input");
    tick().await;
    assert_eq!(count(&root, &testid("quantize-worker-error")), 0);
    assert_eq!(data(&root, &testid("quantize-output"), "data-count"), "3");
    assert_eq!(data(&root, &testid("quantize-output"), "data-stale"), "");
    assert_eq!(rows(), 3);
    assert_eq!(count(&root, &testid("quantize-url-note")), 0);
}

#[wasm_bindgen_test]
async fn quantize_view_reads_pasted_arrays_and_decimal_commas_with_a_note() {
    let root = container();
    let model = QuantizeModel::new(quantize_page("?view=quantize&scheme=int8_absmax&values=1,2").0);
    let _app = mount_to(root.clone(), move || view! { <QuantizeView model=model /> });
    tick().await;
    assert_eq!(count(&root, &testid("quantize-paste-note")), 0, "numbers from the URL: no note");

    // A printed numpy array: the call and its dtype ignored (and said so), the nested list flattened.
    set_input(&root, &testid("quantize-input"), "np.array([[-0.5, 0.3],\n          [1.2, -2.1]], dtype=np.float32)", "input");
    tick().await;
    assert_eq!(count(&root, &testid("quantize-input-error")), 0);
    assert_eq!(data(&root, &testid("quantize-codes"), "data-codes"), "-30,18,73,-127");
    let note = one(&root, &testid("quantize-note")).text_content().unwrap();
    assert!(note.contains("seed 002") && note.contains("[-30, 18, 73, -127]"), "{note}");
    let read = one(&root, &testid("quantize-paste-note")).text_content().unwrap();
    assert!(read.contains("dtype=np.float32"), "{read}");

    // Decimal commas between semicolons: two numbers, and a notice saying how they were read.
    set_input(&root, &testid("quantize-input"), "0,5; 1,25", "input");
    tick().await;
    assert_eq!(count(&root, &testid("quantize-input-error")), 0);
    assert_eq!(data(&root, &testid("quantize-dequantized"), "data-values").split(',').count(), 2);
    assert_eq!(count(&root, &format!("{} tbody tr", testid("quantize-trace"))), 2);
    let read = one(&root, &testid("quantize-paste-note")).text_content().unwrap();
    assert!(read.contains("decimal comma") && read.contains("0,5 → 0.5") && read.contains("1,25 → 1.25"), "{read}");
    assert_eq!(data(&root, &testid("quantize-output"), "data-stale"), "", "not stale");

    // Ambiguous: refused with what to write; the last result stays, marked stale, the note goes.
    set_input(&root, &testid("quantize-input"), "0,5 1,25", "input");
    tick().await;
    let error = one(&root, &testid("quantize-input-error")).text_content().unwrap();
    assert!(error.contains("'0,5'") && error.contains("0.5"), "{error}");
    assert_eq!(count(&root, &format!("{} tbody tr", testid("quantize-trace"))), 2);
    assert_eq!(data(&root, &testid("quantize-output"), "data-stale"), "true");
    assert_eq!(count(&root, &testid("quantize-paste-note")), 0);

    // The wording: bits per element nominal and of this input; packed bytes in binary.
    set_select(&root, &testid("quantize-scheme"), "int4_absmax");
    set_input(&root, &testid("quantize-input"), "-0.5, 0.3, 1.2, -2.1", "input");
    tick().await;
    let metrics = one(&root, &testid("quantize-metrics")).text_content().unwrap();
    assert!(metrics.contains("12 (6 bytes for 4 values; nominal 4.5 at block 64)"), "{metrics}");
    set_select(&root, &testid("quantize-scheme"), "fp4_bnb");
    set_input(&root, &testid("quantize-input"), "[1.0, 2.0, 3.0, 4.0]", "input");
    tick().await;
    let packed = one(&root, &testid("quantize-packed")).text_content().unwrap();
    assert!(packed.contains("01110101") && packed.contains("00100011"), "{packed}");
    set_select(&root, &testid("quantize-scheme"), "ternary");
    tick().await;
    let heads = one(&root, &format!("{} thead", testid("quantize-trace"))).text_content().unwrap();
    assert!(heads.contains("mean|W|") && !heads.contains("absmax"), "{heads}");
}

#[wasm_bindgen_test]
async fn a_lazy_view_whose_module_cannot_load_says_so_and_the_app_keeps_working() {
    // The test runner serves neither `lowbit-import.js` nor `lowbit-lab.js`: the Compare view's
    // module cannot be loaded.
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?view=compare&formats=float16,bfloat16" /> });
    tick().await;
    let lazy = testid("lazy-view");
    assert_eq!(data(&root, &lazy, "data-view"), "compare");
    until("the failed import", || data(&root, &lazy, "data-state") == "failed").await;
    let text = one(&root, ".lazy-failed").text_content().unwrap_or_default();
    assert!(text.contains("Compare formats") && text.contains("could not be loaded"), "{text}");
    assert_eq!(count(&root, &testid("lazy-retry")), 1);
    // The other views still work, and leaving removes the lazy view.
    click(&root, "[data-testid=\"view-nav\"] [data-view=\"explorer\"]");
    tick().await;
    assert_eq!(count(&root, &lazy), 0);
    assert_eq!(count(&root, &testid("bit-0")), 1);
}
