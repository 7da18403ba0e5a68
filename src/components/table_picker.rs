//! The picker of the "any format" table: every catalogue format of at most 8 bits, plus the
//! current custom format when the URL named one.

use leptos::prelude::*;
use lowbit_core::Format;

use crate::tables_model;

/// `<select data-testid="table-select">` whose option values are format ids.
#[component]
pub fn TablePicker(
    /// The format shown.
    #[prop(into)]
    format: Signal<Format>,
    /// Called with the chosen format.
    #[prop(into)]
    on_select: Callback<Format>,
) -> impl IntoView {
    let options = tables_model::table_formats()
        .into_iter()
        .map(|(id, summary)| {
            view! {
                <option value=id title=summary prop:selected=move || format.with(|f| f.id == id)>
                    {id}
                </option>
            }
        })
        .collect_view();
    let custom = move || {
        format.with(|f| f.entry().is_none().then(|| f.id.clone())).map(|id| {
            view! { <option value=id.clone() selected=true>{id.clone()}</option> }
        })
    };
    view! {
        <select
            class="format-select"
            data-testid="table-select"
            aria-label="format of the table"
            on:change=move |ev| {
                if let Ok(f) = tables_model::parse_table(&event_target_value(&ev)) {
                    on_select.run(f);
                }
            }
        >
            {options}
            {custom}
        </select>
    }
}
