//! Component tests in headless Chromium (wasm-bindgen-test) of the Tensors view, mounted on its
//! model (in the page it is a view of the lazily loaded module, which a test binary does not
//! have): files made here are opened through the same `Blob.slice` reads as a picked file; the
//! tensor rows, the chosen tensor handed to the compute worker (which decodes it, draws nothing
//! on the main thread; the worker is not served to a test binary, so the view says the job
//! failed — tests/tensors.rs in lowbit-e2e checks the histogram and the ranking against the
//! built app), the refusal of malformed files (the view keeps what it showed), choosing another
//! tensor, and the app's lazy container for `?view=tensors`.
//!
//! Run: scripts/test.sh (it sets CHROMEDRIVER, the runner and the Chromium flags).
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use lowbit_app::features::tensors::params::TensorsParams;
use lowbit_app::features::tensors::{TensorsModel, TensorsView};
use lowbit_app::Lowbit;
use lowbit_tensors::write::{npy, safetensors};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    console_error_panic_hook::set_once();
    let document = document();
    let div = document.create_element("div").unwrap();
    div.set_attribute("style", "width: 1000px").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

fn rows(root: &Element) -> Vec<[String; 3]> {
    let list = root.query_selector_all("[data-testid=\"tensor-row\"]").unwrap();
    (0..list.length())
        .map(|i| {
            let e: Element = list.item(i).unwrap().unchecked_into();
            ["data-name", "data-dtype", "data-shape"].map(|a| e.get_attribute(a).unwrap_or_default())
        })
        .collect()
}

async fn frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    tick().await;
}

/// Polls (one frame at a time, up to ~5 s) until `ready` holds.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..300 {
        if ready() {
            return;
        }
        frame().await;
    }
    panic!("timed out waiting for {what}");
}

fn file(name: &str, bytes: &[u8]) -> web_sys::File {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap()
}

/// The chosen tensor's card heading ("Every scheme on …").
fn ranking_heading(root: &Element) -> String {
    root.query_selector("[data-testid=\"ranking-table\"]")
        .unwrap()
        .and_then(|t| t.closest(".card").ok().flatten())
        .and_then(|card| card.query_selector("h2").ok().flatten())
        .and_then(|h| h.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn files_open_list_their_tensors_hand_the_chosen_one_to_the_worker_and_refusals_keep_the_view() {
    let root = container();
    let model = TensorsModel::new(TensorsParams::default());
    let _view = mount_to(root.clone(), move || view! { <TensorsView model=model /> });
    tick().await;
    assert_eq!(count(&root, "input[type=\"file\"][data-testid=\"tensor-file\"]"), 1);
    assert_eq!(count(&root, "[data-testid=\"tensor-row\"]"), 0);

    // A .npy of 4 × 64 f32.
    let values: Vec<u8> = (0..256).flat_map(|i| ((i as f32) * 0.37).sin().to_le_bytes()).collect();
    model.open(file("w.npy", &npy(1, "<f4", false, "(4, 64)", &values)));
    until("the npy's row", || count(&root, "[data-testid=\"tensor-row\"]") == 1).await;
    assert_eq!(rows(&root), [["w.npy", "F32", "4,64"].map(String::from)]);
    // The tensor's bytes go to the compute worker, which decodes them (not served to this test
    // binary: the job fails, and says so); nothing is decoded or drawn on the main thread.
    until("the worker's progress or message", || count(&root, "[data-testid=\"ranking-progress\"], [data-testid=\"ranking-error\"]") > 0).await;
    until("the worker's failure", || count(&root, "[data-testid=\"ranking-error\"]") == 1).await;
    assert!(text(&root, "[data-testid=\"ranking-error\"]").contains("The ranking failed"), "{}", text(&root, "[data-testid=\"ranking-error\"]"));
    assert_eq!(count(&root, "[data-testid=\"tensor-histogram\"]"), 0, "the histogram comes from the worker");
    assert_eq!(ranking_heading(&root), "Every scheme on w.npy");

    // Malformed files: a message naming the problem; the view keeps the last file.
    for (name, bytes, words) in [
        ("bad.npy", b"NOTNUMPY and more bytes".to_vec(), "\\x93NUMPY"),
        ("long.safetensors", safetensors(r#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, &[0; 4])[..20].to_vec(), "longer than the file"),
        ("out.safetensors", safetensors(r#"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, &[0; 4]), "reach past the data"),
        ("dtype.safetensors", safetensors(r#"{"w":{"dtype":"Q9","shape":[1],"data_offsets":[0,4]}}"#, &[0; 4]), "unknown dtype 'Q9'"),
    ] {
        model.open(file(name, &bytes));
        until(name, || text(&root, "[data-testid=\"tensor-error\"]").contains(words)).await;
        assert!(text(&root, "[data-testid=\"tensor-error\"]").starts_with(name), "{}", text(&root, "[data-testid=\"tensor-error\"]"));
        assert_eq!(rows(&root), [["w.npy", "F32", "4,64"].map(String::from)], "{name}: the last file stays");
        assert_eq!(ranking_heading(&root), "Every scheme on w.npy", "{name}: the chosen tensor stays");
    }

    // A safetensors file: its tensors in data order; the first is chosen, then another.
    let mut data: Vec<u8> = [0.5f32, -1.0].iter().flat_map(|v| v.to_le_bytes()).collect();
    data.extend([0x80, 0x3F, 0x00, 0xC0, 0x40, 0x40, 0x00, 0x00]); // bf16 1, -2, 3, 0
    let st = safetensors(r#"{"b":{"dtype":"BF16","shape":[2,2],"data_offsets":[8,16]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#, &data);
    model.open(file("m.safetensors", &st));
    until("the safetensors rows", || rows(&root).len() == 2).await;
    assert_eq!(count(&root, "[data-testid=\"tensor-error\"]"), 0, "a file read clears the message");
    assert_eq!(rows(&root), [["a", "F32", "2"], ["b", "BF16", "2,2"]].map(|r| r.map(String::from)));
    until("a chosen", || ranking_heading(&root) == "Every scheme on a").await;
    let button: HtmlElement = root.query_selector("[data-testid=\"tensor-row\"][data-name=\"b\"] button").unwrap().unwrap().unchecked_into();
    button.click();
    until("b chosen", || ranking_heading(&root) == "Every scheme on b").await;
    until("b's job's message", || count(&root, "[data-testid=\"ranking-error\"]") == 1).await;
    assert_eq!(root.query_selector("[data-testid=\"tensor-row\"][data-name=\"b\"]").unwrap().unwrap().get_attribute("aria-selected").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn the_app_loads_the_view_on_demand_and_reads_its_key() {
    let root = container();
    let _app = mount_to(root.clone(), || view! { <Lowbit query="?view=tensors&scheme=bogus" /> });
    tick().await;
    assert!(text(&root, "[data-testid=\"notice\"]").contains("'bogus'"));
    let lazy = root.query_selector("[data-testid=\"lazy-view\"]").unwrap().unwrap();
    assert_eq!(lazy.get_attribute("data-view").as_deref(), Some("tensors"));
    assert_eq!(count(&root, "[data-testid=\"view-nav\"] [data-view=\"tensors\"]"), 1);
}
