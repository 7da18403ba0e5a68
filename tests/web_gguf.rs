//! Component tests in headless Chromium (wasm-bindgen-test) of issue 12's app parts: the GGUF
//! block explorer (bits flip, values follow the core's dequantize, fields light up, bad links
//! give notices) and the IEEE P3109 formats in the explorer, the picker and the tables. The
//! block explorer is mounted by itself (in the page it is a view of the lazily loaded module,
//! which a test binary does not have), from its URL keys as the app reads them.
//!
//! Run: scripts/test.sh (it sets CHROMEDRIVER, the runner and the Chromium flags).
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use lowbit_app::features::block::params::BlockParams;
use lowbit_app::features::block::{BlockModel, BlockView};
use lowbit_app::query::ViewParams;
use lowbit_app::Lowbit;
use lowbit_core::decimal::js_string;
use lowbit_core::gguf::{self, GgufType};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    console_error_panic_hook::set_once();
    let document = document();
    let div = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn attr(root: &Element, selector: &str, name: &str) -> String {
    one(root, selector).get_attribute(name).unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    one(root, selector).unchecked_into::<HtmlElement>().click();
}

/// Types `text` into the hex box and commits it (a bubbling `change`, as the browser sends).
fn set_hex(root: &Element, text: &str) {
    let hex: web_sys::HtmlTextAreaElement = one(root, "[data-testid=\"block-hex\"]").unchecked_into();
    hex.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    hex.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

/// The bytes the page shows, read from the bit buttons.
fn page_bytes(root: &Element, n: usize) -> Vec<u8> {
    (0..n)
        .map(|byte| {
            (0..8).fold(0u8, |acc, bit| {
                let on = attr(root, &format!("[data-testid=\"block-bit\"][data-index=\"{}\"]", 8 * byte + bit), "aria-pressed") == "true";
                acc | ((on as u8) << bit)
            })
        })
        .collect()
}

/// The values the page shows (`data-value` of the rows).
fn page_values(root: &Element) -> Vec<String> {
    let rows = root.query_selector_all("[data-testid=\"block-values\"] tbody tr").unwrap();
    (0..rows.length()).map(|i| rows.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-value").unwrap_or_default()).collect()
}

/// Mounts the block explorer on the state its URL keys `pairs` name; returns the notices.
fn mount_block(root: &HtmlElement, pairs: &'static [(&'static str, &'static str)]) -> (Vec<String>, impl Sized) {
    let (params, notices) = BlockParams::from_pairs(pairs);
    let model = BlockModel::new(params);
    let notices = notices.iter().map(|n| n.text(lowbit_app::i18n::Lang::En.notices())).collect();
    (notices, mount_to(root.clone(), move || view! { <BlockView model=model /> }))
}

fn core_values(t: GgufType, bytes: &[u8]) -> Vec<String> {
    gguf::dequantize(t, bytes).unwrap().iter().map(|v| js_string(*v as f64)).collect()
}

#[wasm_bindgen_test]
async fn the_block_explorer_flips_bits_as_the_core_dequantizes() {
    let root = container();
    let (_, _app) = mount_block(&root, &[("type", "Q4_0")]);
    tick().await;
    let t = GgufType::Q4_0;
    assert_eq!(count(&root, "[data-testid=\"block-byte\"]"), 18);
    assert_eq!(count(&root, "[data-testid=\"block-bit\"]"), 8 * 18);
    let bytes = page_bytes(&root, 18);
    assert_eq!(bytes, lowbit_app::features::block::model::example_block(t), "the documented example");
    assert_eq!(page_values(&root), core_values(t, &bytes));
    let list = root.query_selector_all("[data-testid=\"block-field\"]").unwrap();
    let fields: Vec<String> = (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into::<Element>().get_attribute("data-field").unwrap_or_default()).collect();
    assert_eq!(fields, ["d", "qs"]);
    // Bit 3 of byte 2: element 0's code bit 3 (the low nibble of byte 2).
    click(&root, "[data-testid=\"block-bit\"][data-index=\"19\"]");
    tick().await;
    let mut flipped = bytes.clone();
    flipped[2] ^= 1 << 3;
    assert_eq!(page_bytes(&root, 18), flipped);
    let values = page_values(&root);
    assert_eq!(values, core_values(t, &flipped));
    assert_eq!(attr(&root, "[data-testid=\"block-values\"] tbody tr[data-index=\"0\"]", "data-code"), (gguf::codes(t, &flipped).unwrap()[0]).to_string());
    // A bit of d: every value changes as the core says.
    click(&root, "[data-testid=\"block-bit\"][data-index=\"13\"]");
    tick().await;
    flipped[1] ^= 1 << 5;
    assert_eq!(page_values(&root), core_values(t, &flipped));
    // Clicking a field lights up its bytes' bits.
    click(&root, "[data-testid=\"block-field\"][data-field=\"d\"]");
    tick().await;
    assert_eq!(count(&root, "[data-testid=\"block-bit\"].lit"), 16);
    // The example comes back.
    click(&root, "[data-testid=\"block-reset\"]");
    tick().await;
    assert_eq!(page_bytes(&root, 18), bytes);
}

#[wasm_bindgen_test]
async fn the_k_quants_show_their_packed_scales() {
    let root = container();
    let (_, _app) = mount_block(&root, &[("type", "q4_k")]);
    tick().await;
    assert_eq!(count(&root, "[data-testid=\"block-scale-byte\"]"), 12);
    assert_eq!(count(&root, "[data-testid=\"block-subs\"] tbody tr"), 8);
    // Byte 4 bit 0 is bit 0 of sub-block 0's scale, labelled s0.0.
    let cell = one(&root, "[data-testid=\"block-scale-bit\"][data-index=\"32\"]");
    // The role label is CSS content from data-role-label (the button's text is its digit).
    assert!(cell.get_attribute("data-role-label").is_some_and(|l| l.contains("s0.0")));
    let before = one(&root, "[data-testid=\"block-subs\"] tbody tr[data-sub=\"0\"]").text_content().unwrap();
    cell.unchecked_into::<HtmlElement>().click();
    tick().await;
    let after = one(&root, "[data-testid=\"block-subs\"] tbody tr[data-sub=\"0\"]").text_content().unwrap();
    assert_ne!(before, after);
    let bytes = page_bytes(&root, 144);
    assert_eq!(page_values(&root), core_values(GgufType::Q4K, &bytes));
}

#[wasm_bindgen_test]
async fn a_bad_block_link_gives_a_notice_and_the_example() {
    let root = container();
    let (notices, _app) = mount_block(&root, &[("type", "q5_9"), ("hex", "zz")]);
    tick().await;
    let text = notices.join(" ");
    assert!(text.contains("q5_9") && text.contains("'z' is not a hex digit"), "{text}");
    assert_eq!(count(&root, "[data-testid=\"block-byte\"]"), 144, "q4_k, the default");
    assert_eq!(page_bytes(&root, 144), lowbit_app::features::block::model::example_block(GgufType::Q4K));
}

#[wasm_bindgen_test]
async fn a_refused_hex_keeps_the_block_marked_stale() {
    let root = container();
    let (_, _app) = mount_block(&root, &[("type", "q8_0")]);
    tick().await;
    let before = page_values(&root);
    set_hex(&root, "0011");
    tick().await;
    assert!(one(&root, "[data-testid=\"block-hex-error\"]").text_content().unwrap().contains("2 bytes, but a q8_0 block is 34 bytes"));
    assert_eq!(attr(&root, "[data-testid=\"block-output\"]", "data-stale"), "true");
    assert_eq!(page_values(&root), before, "the last block stays");
    // A whole block is taken, and the mark goes.
    let mut bytes = lowbit_app::features::block::model::example_block(GgufType::Q8_0);
    bytes[2] = 0x7f;
    set_hex(&root, &gguf::to_hex(&bytes));
    tick().await;
    assert_eq!(attr(&root, "[data-testid=\"block-output\"]", "data-stale"), "");
    assert_eq!(page_values(&root), core_values(GgufType::Q8_0, &bytes));
}

#[wasm_bindgen_test]
async fn p3109_in_the_explorer_picker_and_tables() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?format=p3109_k8p3se&code=0x7f" /> });
    tick().await;
    assert_eq!(attr(&root, "[data-testid=\"value\"]", "data-value"), "Infinity");
    assert!(one(&root, "[data-testid=\"formula\"]").text_content().unwrap().contains("+Infinity"));
    // The picker lists the P3109 formats in their own group.
    assert_eq!(count(&root, "[data-testid=\"format-select\"] optgroup[label=\"IEEE P3109\"] option"), 11);
    // Bit 0 off: the largest finite value, 49152; the sign bit alone is the one NaN.
    click(&root, "[data-testid=\"bit-0\"]");
    tick().await;
    assert_eq!(attr(&root, "[data-testid=\"value\"]", "data-value"), "49152");
    for bit in 0..7 {
        if attr(&root, &format!("[data-testid=\"bit-{bit}\"]"), "aria-pressed") == "true" {
            click(&root, &format!("[data-testid=\"bit-{bit}\"]"));
            tick().await;
        }
    }
    click(&root, "[data-testid=\"bit-7\"]");
    tick().await;
    assert_eq!(attr(&root, "[data-testid=\"code\"]", "data-code"), "128");
    assert_eq!(attr(&root, "[data-testid=\"value\"]", "data-value"), "NaN");
    assert!(one(&root, "[data-testid=\"formula\"]").text_content().unwrap().contains("one NaN"));
}

#[wasm_bindgen_test]
async fn p3109_tables_and_custom_ids_from_links() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?view=tables&table=p3109_k8p3se" /> });
    tick().await;
    let grid = "[data-testid=\"table-p3109_k8p3se\"]";
    assert_eq!(count(&root, &format!("{grid} td[data-code]")), 256);
    assert_eq!(attr(&root, &format!("{grid} [data-code=\"128\"]"), "data-value"), "NaN");
    assert_eq!(attr(&root, &format!("{grid} [data-code=\"127\"]"), "data-value"), "Infinity");
    assert_eq!(attr(&root, &format!("{grid} [data-code=\"255\"]"), "data-value"), "-Infinity");
    assert_eq!(attr(&root, &format!("{grid} [data-code=\"126\"]"), "data-value"), "49152");

    let root = container();
    let _app2 = mount_to(root.clone(), || view! { <Lowbit query="?format=p3109_k6p3se&code=0x1f" /> });
    tick().await;
    assert_eq!(count(&root, "[data-testid=\"notice\"]"), 0);
    assert_eq!(count(&root, "[data-testid^=\"bit-\"]"), 6);
    assert_eq!(attr(&root, "[data-testid=\"value\"]", "data-value"), "Infinity");
    assert_eq!(attr(&root, "[data-testid=\"format-select\"] optgroup[label=\"custom\"] option", "value"), "p3109_k6p3se");
}
