//! The picker of the "any format" table: every catalogue format of at most 8 bits, plus the
//! current custom format when the URL named one (options from
//! [`crate::tables_model::picker_options_html`]).

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
    view! {
        <select
            class="format-select"
            data-testid="table-select"
            aria-label="format of the table"
            inner_html=move || format.with(tables_model::picker_options_html)
            on:change=move |ev| {
                if let Ok(f) = tables_model::parse_table(&event_target_value(&ev)) {
                    on_select.run(f);
                }
            }
        ></select>
    }
}
