//! The app's root: reads the state from the URL, holds it, keeps the URL in step, and shows
//! the view it names.

use leptos::prelude::*;

use crate::components::{Notices, ViewNav};
use crate::views;
use crate::state::ExplorerModel;
use crate::url_state::{parse_query, to_query_with, AppState, View};
use crate::views::{QuantizeModel, SignalModel, TablesModel};

/// The app, reading its state from the page's URL and keeping the URL up to date.
#[component]
pub fn App() -> impl IntoView {
    let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    view! { <Lowbit query=query sync_url=true /> }
}

/// Replaces the page's query string without adding a history entry (debounced).
fn replace_query(query: &str) {
    use std::cell::RefCell;
    thread_local! {
        /// The query waiting to be written, and whether a write is scheduled.
        static PENDING: RefCell<(Option<String>, bool)> = const { RefCell::new((None, false)) };
    }
    fn flush() {
        let Some(query) = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            p.1 = false;
            p.0.take()
        }) else {
            return;
        };
        let Some(window) = web_sys::window() else { return };
        let path = window.location().pathname().unwrap_or_else(|_| "/".into());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}?{query}")));
        }
    }
    // Browsers throttle history updates (Chromium: about 200 per 10 s), and painting bits or
    // dragging a slider changes the state far faster: write the latest state at most every
    // 100 ms.
    let schedule = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.0 = Some(query.to_string());
        !std::mem::replace(&mut p.1, true)
    });
    if schedule {
        set_timeout(flush, std::time::Duration::from_millis(100));
    }
}

/// The app for a given query string; `sync_url` writes the state back to the page's URL.
#[component]
pub fn Lowbit(
    /// The query string to start from (`?format=float8_e4m3fn&code=0x7e`).
    #[prop(into)]
    query: String,
    /// Whether to keep the page's URL in step with the state.
    #[prop(optional)]
    sync_url: bool,
) -> impl IntoView {
    let parsed = parse_query(&query);
    let explorer = ExplorerModel::new(parsed.state.explorer);
    let tables = TablesModel::new(parsed.state.table);
    let signal = SignalModel::new(parsed.state.signal);
    let quantize = QuantizeModel::new(parsed.quantize);
    let current = RwSignal::new(parsed.state.view);
    let notices = RwSignal::new(parsed.notices);
    if sync_url {
        Effect::new(move |_| {
            let state = AppState {
                view: current.get(),
                explorer: explorer.snapshot(),
                table: tables.format.get(),
                signal: signal.params.get(),
            };
            replace_query(&quantize.params.with(|q| to_query_with(&state, q)));
        });
    }
    // A table cell opens its code in the explorer.
    let on_open = Callback::new(move |(format, code): (lowbit_core::Format, u64)| {
        explorer.select_format(format);
        explorer.set_code(code);
        current.set(View::Explorer);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    view! {
        <div class="app">
            <header class="topbar">
                <a class="brand" href="?">
                    <span class="logo" aria-hidden="true">
                        <span class="role-sign">"0"</span>
                        <span class="role-exponent">"1"</span>
                        <span class="role-mantissa">"1"</span>
                    </span>
                    <span class="name">"Lowbit"</span>
                </a>
                <span class="tagline">"machine-learning number formats, bit by bit"</span>
                <ViewNav current=current on_select=move |v| current.set(v) />
            </header>
            <Notices notices=notices />
            <main>{move || views::render(current.get(), explorer, tables, signal, quantize, on_open)}</main>
            <footer class="footer">
                "Exact arithmetic in Rust (lowbit-core), compiled to WebAssembly. Codes and formats are kept in the URL: share it."
            </footer>
        </div>
    }
}
