//! Component tests in headless Chromium (wasm-bindgen-test): each test mounts the app or one
//! component into a fresh container, acts on the DOM, lets Leptos run its effects
//! (`leptos::task::tick().await`) and checks the DOM contract.
//!
//! Run: scripts/test.sh (it sets CHROMEDRIVER, the runner and the Chromium flags).
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use lowbit_app::features::explorer::{BitCells, LimitsTable, ValueInput};
use lowbit_app::features::signal::{SignalModel, SignalView};
use lowbit_app::ui::FormatPicker;
use lowbit_app::url::{parse_query, Page};
use lowbit_app::Lowbit;
use lowbit_core::{Format, OverflowPolicy, RoundingMode, CATALOGUE};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    console_error_panic_hook::set_once();
    let document = document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn by_testid(root: &Element, id: &str) -> Element {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={id}"))
}

fn maybe_testid(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{id}\"]")).unwrap()
}

fn attr(root: &Element, id: &str, name: &str) -> String {
    by_testid(root, id).get_attribute(name).unwrap_or_default()
}

fn click(root: &Element, id: &str) {
    by_testid(root, id).unchecked_into::<HtmlElement>().click();
}

fn bit_cells(root: &Element) -> u32 {
    root.query_selector_all("[data-testid^=\"bit-\"]").unwrap().length()
}

fn fire(target: &Element, event: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(event, &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn key(target: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

fn type_into(root: &Element, id: &str, text: &str) {
    let input: HtmlInputElement = by_testid(root, id).unchecked_into();
    input.set_value(text);
    fire(&input, "input");
    key(&input, "Enter");
}

fn select(root: &Element, id: &str, value: &str) {
    let select: HtmlSelectElement = by_testid(root, id).unchecked_into();
    select.set_value(value);
    fire(&select, "change");
}

fn format(id: &str) -> Format {
    Format::parse(id).unwrap()
}

#[wasm_bindgen_test]
async fn the_url_opens_448_and_bit_0_makes_it_nan() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e" /> });
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "448");
    assert_eq!(attr(&root, "code", "data-code"), "126");
    assert_eq!(bit_cells(&root), 8);
    assert_eq!(attr(&root, "bit-1", "aria-pressed"), "true");
    assert_eq!(attr(&root, "bit-0", "aria-pressed"), "false");
    assert_eq!(attr(&root, "bit-6", "aria-label"), "bit 6, exponent: 1");
    let code_text = by_testid(&root, "code").text_content().unwrap();
    assert!(code_text.contains("0x7e") && code_text.contains("1111") && code_text.contains("110"));
    assert!(by_testid(&root, "formula").text_content().unwrap().contains("448"));
    assert_eq!(attr(&root, "class-badge", "data-class"), "normal");

    click(&root, "bit-0");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "NaN");
    assert_eq!(attr(&root, "code", "data-code"), "127");
    assert_eq!(attr(&root, "bit-0", "aria-pressed"), "true");
    assert_eq!(attr(&root, "class-badge", "data-class"), "nan");

    click(&root, "bit-7");
    tick().await;
    assert_eq!(attr(&root, "code", "data-code"), "255");
    assert_eq!(attr(&root, "value", "data-value"), "NaN");
}

#[wasm_bindgen_test]
async fn negative_zero_and_infinity_follow_javascript() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float16&code=0x8000" /> });
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "-0");
    assert_eq!(attr(&root, "class-badge", "data-class"), "zero");
    type_into(&root, "value-input", "-inf");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "-Infinity");
    assert_eq!(attr(&root, "code", "data-code"), 0xfc00.to_string());
}

#[wasm_bindgen_test]
async fn unknown_parameters_fall_back_with_a_notice() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=nope&code=0x7e&zoom=3" /> });
    tick().await;
    let notice = by_testid(&root, "notice").text_content().unwrap();
    assert!(notice.contains("nope") && notice.contains("zoom"), "{notice}");
    assert_eq!(attr(&root, "value", "data-value"), "1");
    assert_eq!(by_testid(&root, "format-select").unchecked_into::<HtmlSelectElement>().value(), "float8_e4m3fn");
}

#[wasm_bindgen_test]
async fn bit_cells_toggle_and_follow_the_format() {
    let root = container();
    let fmt = RwSignal::new(format("float16"));
    let code = RwSignal::new(0x3c00u64);
    let _cells = mount_to(root.clone(), move || {
        view! { <BitCells format=fmt code=code on_change=move |c| code.set(c) /> }
    });
    tick().await;
    assert_eq!(bit_cells(&root), 16);
    for n in 0..16u32 {
        let expected = if (0x3c00u64 >> n) & 1 == 1 { "true" } else { "false" };
        assert_eq!(attr(&root, &format!("bit-{n}"), "aria-pressed"), expected, "bit {n}");
    }
    assert!(by_testid(&root, "bit-15").class_name().contains("role-sign"));
    assert!(by_testid(&root, "bit-10").class_name().contains("role-exponent"));
    assert!(by_testid(&root, "bit-9").class_name().contains("role-mantissa"));
    click(&root, "bit-15");
    tick().await;
    assert_eq!(code.get_untracked(), 0xbc00);
    assert_eq!(attr(&root, "bit-15", "aria-pressed"), "true");
    assert_eq!(attr(&root, "bit-15", "aria-label"), "bit 15, sign: 1");

    // Arrow keys move the focus (left = more significant).
    by_testid(&root, "bit-3").unchecked_into::<HtmlElement>().focus().unwrap();
    key(&by_testid(&root, "bit-3"), "ArrowRight");
    let active = document().active_element().unwrap();
    assert_eq!(active.get_attribute("data-testid").as_deref(), Some("bit-2"));
    key(&active, "ArrowLeft");
    key(&document().active_element().unwrap(), "ArrowLeft");
    assert_eq!(document().active_element().unwrap().get_attribute("data-testid").as_deref(), Some("bit-4"));

    fmt.set(format("float4_e2m1fn"));
    code.set(0b0111);
    tick().await;
    assert_eq!(bit_cells(&root), 4);
    assert_eq!(attr(&root, "bit-3", "aria-label"), "bit 3, sign: 0");
}

#[wasm_bindgen_test]
async fn the_picker_lists_the_catalogue_and_casts_the_value() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e" /> });
    tick().await;
    let options = root.query_selector_all("[data-testid=\"format-select\"] option").unwrap();
    assert_eq!(options.length() as usize, CATALOGUE.len());
    for entry in CATALOGUE {
        assert!(root.query_selector(&format!("option[value=\"{}\"]", entry.id())).unwrap().is_some(), "{}", entry.id());
    }
    select(&root, "format-select", "float16");
    tick().await;
    assert_eq!(bit_cells(&root), 16);
    assert_eq!(attr(&root, "value", "data-value"), "448");
    assert_eq!(attr(&root, "code", "data-code"), 0x5f00.to_string());
    select(&root, "format-select", "int4");
    tick().await;
    assert_eq!(bit_cells(&root), 4);
    assert_eq!(attr(&root, "value", "data-value"), "7", "448 saturates to int4's 7");
}

#[wasm_bindgen_test]
async fn typed_values_encode_and_malformed_ones_change_nothing() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float16&code=0x3c00" /> });
    tick().await;
    type_into(&root, "value-input", "65520");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "Infinity");
    assert!(attr(&root, "typed-status", "data-status").contains("overflow"));

    // The overflow selector re-encodes the last typed value.
    select(&root, "overflow-select", "saturate");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "65504");

    type_into(&root, "value-input", "12..5");
    tick().await;
    assert!(maybe_testid(&root, "input-error").is_some(), "inline message");
    assert_eq!(attr(&root, "value", "data-value"), "65504", "nothing else changes");

    type_into(&root, "value-input", "0x3555");
    tick().await;
    assert!(maybe_testid(&root, "input-error").is_none());
    assert_eq!(attr(&root, "code", "data-code"), 0x3555.to_string());

    select(&root, "rounding-select", "toward-zero");
    type_into(&root, "value-input", "0.1");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "0.0999755859375");
    // The core's exact error (value − the typed decimal), not against 0.1's nearest double.
    assert_eq!(by_testid(&root, "abs-error").text_content().unwrap(), "-0.0000244140625");
    assert!(by_testid(&root, "rel-error").text_content().unwrap().starts_with("2.44e-4"));
}

#[wasm_bindgen_test]
async fn value_input_reports_entries() {
    let root = container();
    let entered = RwSignal::new(Vec::<String>::new());
    let _input = mount_to(root.clone(), move || {
        let ignore_rounding = |_: Option<RoundingMode>| {};
        let ignore_overflow = |_: OverflowPolicy| {};
        view! {
            <ValueInput
                format=Signal::derive(|| Format::parse("float16").unwrap())
                rounding=Signal::derive(|| None::<RoundingMode>)
                overflow=Signal::derive(|| OverflowPolicy::Default)
                last=Signal::derive(|| None)
                on_enter=move |t: String| {
                    entered.update(|v| v.push(t.clone()));
                    if t == "bad" { Err("bad input".to_string()) } else { Ok(()) }
                }
                on_rounding=ignore_rounding
                on_overflow=ignore_overflow
            />
        }
    });
    tick().await;
    type_into(&root, "value-input", "1.5");
    tick().await;
    type_into(&root, "value-input", "bad");
    tick().await;
    assert_eq!(entered.get_untracked(), vec!["1.5".to_string(), "bad".to_string()]);
    assert_eq!(by_testid(&root, "input-error").text_content().unwrap(), "bad input");
    let rounding_options = root.query_selector_all("[data-testid=\"rounding-select\"] option").unwrap();
    assert_eq!(rounding_options.length() as usize, RoundingMode::ALL.len() + 1);
    let overflow_options = root.query_selector_all("[data-testid=\"overflow-select\"] option").unwrap();
    assert_eq!(overflow_options.length() as usize, OverflowPolicy::ALL.len());
}

#[wasm_bindgen_test]
async fn next_up_down_ulp_and_the_exact_expansion() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float32&code=1" /> });
    tick().await;
    assert_eq!(attr(&root, "class-badge", "data-class"), "subnormal");
    let full = attr(&root, "exact-decimal", "data-exact");
    assert!(full.starts_with("0.0000000000000000000000000000000000000000000014012984643"));
    let shown = by_testid(&root, "exact-decimal").text_content().unwrap();
    assert!(shown.ends_with('…') && shown.len() < full.len());
    click(&root, "exact-toggle");
    tick().await;
    assert_eq!(by_testid(&root, "exact-decimal").text_content().unwrap(), full);

    click(&root, "next-down");
    tick().await;
    assert_eq!(attr(&root, "code", "data-code"), "0");
    click(&root, "next-down"); // below +0 comes the negative smallest subnormal (−0 equals +0)
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "-1.401298464324817e-45");
    click(&root, "next-up");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "-0");
    click(&root, "next-up");
    tick().await;
    assert_eq!(attr(&root, "code", "data-code"), "1");
    assert_eq!(by_testid(&root, "ulp").text_content().unwrap(), "1.401298464324817e-45");
}

#[wasm_bindgen_test]
async fn custom_formats_from_the_controls() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e" /> });
    tick().await;
    let exponent: HtmlInputElement = by_testid(&root, "custom-exponent").unchecked_into();
    exponent.set_value("5");
    fire(&exponent, "change");
    tick().await;
    assert_eq!(by_testid(&root, "custom-id").text_content().unwrap(), "e5m3_fn");
    assert_eq!(bit_cells(&root), 9);
    assert_eq!(attr(&root, "value", "data-value"), "448");
    // The picker shows the custom id as its value.
    assert_eq!(by_testid(&root, "format-select").unchecked_into::<HtmlSelectElement>().value(), "e5m3_fn");

    let bias: HtmlInputElement = by_testid(&root, "custom-bias").unchecked_into();
    bias.set_value("99999");
    fire(&bias, "change");
    tick().await;
    assert!(maybe_testid(&root, "custom-error").is_some());
    assert_eq!(by_testid(&root, "custom-id").text_content().unwrap(), "e5m3_fn", "nothing else changes");
}

#[wasm_bindgen_test]
async fn hostile_input_gives_messages_not_panics() {
    // A link with broken escapes, huge numbers, unicode and a 20 000-character value: every
    // view renders with notices (a panic would abort the wasm module and fail the test).
    let long = "E4M3B".to_string() + &"9".repeat(20_000);
    for view in ["explorer", "tables", "signal"] {
        let root = container();
        let query = format!(
            "?view={view}&format=%E2%82%AC%zz&code=0x1ffffffffffffffff&round={long}&table={long}&samples=1e309\
             &amplitude=99999999999999999999999999999999999999999&periods=-0&block=4294967296&schemes=cast:e11m20,%2C,nf4,nf4\
             &wave=noise&error=%F0%9F%92%A5&code=%"
        );
        let app_query = query.clone();
        let _app = mount_to(root.clone(), move || view! { <Lowbit query=app_query.clone() /> });
        tick().await;
        let notice = by_testid(&root, "notice").text_content().unwrap();
        assert!(notice.chars().count() < 4000, "{view}: the notices quote long values short");
        // A lazily loaded view (its module is not served here): the app holds its place, and
        // the view itself renders the parsed state.
        let _lazy = if view == "signal" {
            assert_eq!(attr(&root, "lazy-view", "data-view"), "signal");
            let Page::Signal(params) = parse_query(&query).page else { panic!("not the signal view") };
            let model = SignalModel::new(params);
            let mounted = mount_to(root.clone(), move || view! { <SignalView model=model /> });
            tick().await;
            Some(mounted)
        } else {
            None
        };
        assert!(maybe_testid(&root, view).is_some(), "{view} shown");
    }

    // The custom-format boxes take any text: a message, and nothing else changes.
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float8_e4m3fn&code=0x7e" /> });
    tick().await;
    assert_eq!(attr(&root, "custom-exponent", "min"), "1");
    assert_eq!(attr(&root, "custom-mantissa", "max"), "30");
    assert!(by_testid(&root, "custom-bias").get_attribute("min").is_none());
    for (box_id, text) in [("custom-exponent", "4294967296"), ("custom-mantissa", "4294967295"), ("custom-bias", "1e99"), ("custom-exponent", "-1")] {
        let input: HtmlInputElement = by_testid(&root, box_id).unchecked_into();
        input.set_value(text);
        fire(&input, "change");
        tick().await;
        assert!(maybe_testid(&root, "custom-error").is_some(), "{box_id}={text}");
        assert_eq!(attr(&root, "value", "data-value"), "448", "{box_id}={text}: nothing else changes");
    }
    type_into(&root, "value-input", &format!("0x{}", "f".repeat(5000)));
    tick().await;
    assert!(by_testid(&root, "input-error").text_content().unwrap().chars().count() < 300);
    assert_eq!(attr(&root, "value", "data-value"), "448");
}

#[wasm_bindgen_test]
async fn the_limits_table_shows_the_seed_numbers_and_opens_formats() {
    let root = container();
    let chosen = RwSignal::new(String::new());
    let _table = mount_to(root.clone(), move || {
        view! {
            <LimitsTable
                format=Signal::derive(|| Format::parse("float16").unwrap())
                on_select=move |f: Format| chosen.set(f.id().to_string())
            />
        }
    });
    tick().await;
    let text = by_testid(&root, "limits-table").text_content().unwrap();
    for needed in ["65504", "6.1e-5", "3.39e38", "448", "57344"] {
        assert!(text.contains(needed), "{needed}");
    }
    root.query_selector("tr[data-format=\"bfloat16\"]").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    tick().await;
    assert_eq!(chosen.get_untracked(), "bfloat16");
    assert!(root.query_selector("tr.current[data-format=\"float16\"]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_picker_reports_the_chosen_format() {
    let root = container();
    let chosen = RwSignal::new(String::new());
    let _picker = mount_to(root.clone(), move || {
        view! {
            <FormatPicker
                format=Signal::derive(|| Format::parse("bfloat16").unwrap())
                on_select=move |f: Format| chosen.set(f.id().to_string())
            />
        }
    });
    tick().await;
    assert_eq!(by_testid(&root, "format-select").unchecked_into::<HtmlSelectElement>().value(), "bfloat16");
    select(&root, "format-select", "nf4");
    tick().await;
    assert_eq!(chosen.get_untracked(), "nf4");
}

#[wasm_bindgen_test]
async fn jump_buttons_clickable_limits_and_one_tab_stop_for_the_bits() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=float8_e4m3fn&code=0" /> });
    tick().await;
    // Jumps: each button opens its value; a format without Inf offers none.
    click(&root, "jump-max");
    tick().await;
    assert_eq!((attr(&root, "value", "data-value"), attr(&root, "code", "data-code")), ("448".into(), "126".into()));
    assert_eq!(attr(&root, "jump-max", "aria-pressed"), "true");
    click(&root, "jump-min-subnormal");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "0.001953125");
    click(&root, "jump-neg-zero");
    tick().await;
    assert_eq!(attr(&root, "code", "data-code"), "128");
    click(&root, "jump-nan");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "NaN");
    assert!(maybe_testid(&root, "jump-inf").is_none());
    select(&root, "format-select", "float16");
    tick().await;
    click(&root, "jump-neg-inf");
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "-Infinity");
    // The limits card's values open them too: float16's largest finite.
    let largest = root.query_selector("[data-testid=\"limits-card\"] .limit-open").unwrap().expect("a clickable limit");
    largest.unchecked_into::<HtmlElement>().click();
    tick().await;
    assert_eq!(attr(&root, "value", "data-value"), "65504");
    // The bit row is one Tab stop (the most significant bit at first); arrows move it.
    let stops = || root.query_selector_all("[data-testid^=\"bit-\"][tabindex=\"0\"]").unwrap();
    assert_eq!(stops().length(), 1);
    assert_eq!(attr(&root, "bit-15", "tabindex"), "0");
    key(&by_testid(&root, "bit-15"), "ArrowRight");
    tick().await;
    assert_eq!(stops().length(), 1);
    assert_eq!(attr(&root, "bit-14", "tabindex"), "0");
    assert_eq!(attr(&root, "bit-15", "tabindex"), "-1");
}
