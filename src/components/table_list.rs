//! A value table with one row per code (formats of at most 4 bits): code, bits, the value
//! rounded as torch prints it, and the stored value. A row opens its code in the explorer.
//!
//! The rows are markup from [`crate::tables_model::list_html`] (so the DOM contract is tested
//! natively); one delegated handler serves every row.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::tables_model::{self, ValueTable};

/// The code of the `[data-code]` element an event happened in, if any.
pub(crate) fn code_of_event(ev: &web_sys::Event) -> Option<u64> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let cell = target.closest("[data-code]").ok()??;
    tables_model::code_from_attr(&cell.get_attribute("data-code")?)
}

/// Opens the code of a clicked cell or row.
pub(crate) fn open_on_click(on_open: Callback<u64>) -> impl Fn(web_sys::MouseEvent) + 'static {
    move |ev: web_sys::MouseEvent| {
        if let Some(code) = code_of_event(&ev) {
            on_open.run(code);
        }
    }
}

/// Opens the code of a focused cell or row on Enter or Space.
pub(crate) fn open_on_key(on_open: Callback<u64>) -> impl Fn(web_sys::KeyboardEvent) + 'static {
    move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Enter" && ev.key() != " " {
            return;
        }
        if let Some(code) = code_of_event(&ev) {
            ev.prevent_default();
            on_open.run(code);
        }
    }
}

/// One row per code (`data-testid="table-ID"`; each `<tr>` in the body has `data-code` and
/// `data-value`, nothing else in the table has `data-code`).
#[component]
pub fn TableList(
    /// The table to show.
    table: ValueTable,
    /// A heading above the table ("NF4 (QLoRA)").
    #[prop(into)]
    heading: String,
    /// Called with the code of a clicked (or Enter-pressed) row.
    #[prop(into)]
    on_open: Callback<u64>,
) -> impl IntoView {
    view! {
        <div
            class="value-list-wrap"
            inner_html=tables_model::list_html(&table, &heading)
            on:click=open_on_click(on_open)
            on:keydown=open_on_key(on_open)
        ></div>
    }
}
