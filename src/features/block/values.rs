//! The block's values, one row per element (`block-values`, rows with `data-index`,
//! `data-code` and `data-value`); clicking a row selects the element, and in the focused
//! table the arrow keys (and Home, End) move the selection.

use leptos::prelude::*;

use super::model::{next_row, Selection, ValueRow};

/// The values table.
#[component]
pub fn BlockValues(
    /// The rows.
    #[prop(into)]
    rows: Signal<Vec<ValueRow>>,
    /// What is selected.
    #[prop(into)]
    selection: Signal<Option<Selection>>,
    /// Called with a clicked element.
    #[prop(into)]
    on_select: Callback<usize>,
    /// Whether the type has mins (a column).
    #[prop(into)]
    has_min: Signal<bool>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().block();
    let row = move |r: ValueRow| {
        let index = r.index;
        let selected = move || selection.get() == Some(Selection::Element(index));
        view! {
            <tr
                data-index=index.to_string()
                data-code=r.code.to_string()
                data-value=r.value_attr
                class:selected=selected
                aria-selected=move || if selected() { "true" } else { "false" }
                on:click=move |_| on_select.run(index)
            >
                <td>{index}</td>
                <td>{r.group}</td>
                <td>{r.code}</td>
                <td>{r.level}</td>
                <td>{r.scale}</td>
                <Show when=move || has_min.get()>
                    <td>{r.min.clone()}</td>
                </Show>
                <td class="block-value"><code>{r.value}</code></td>
            </tr>
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let count = rows.with_untracked(Vec::len);
        let current = match selection.get_untracked() {
            Some(Selection::Element(i)) => Some(i),
            _ => None,
        };
        let Some(next) = next_row(&ev.key(), current, count) else { return };
        ev.prevent_default();
        on_select.run(next);
        // Keep the selected row in view.
        if let Some(row) = event_target::<web_sys::Element>(&ev).query_selector(&format!("tr[data-index=\"{next}\"]")).ok().flatten() {
            row.scroll_into_view_with_bool(false);
        }
    };
    view! {
        <div class="table-scroll block-values-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().block_values on:keydown=on_key>
            <table class="quantize-table block-values" data-testid="block-values">
                <thead>
                    <tr>
                        <th>{tr.value_columns[0]}</th>
                        <th>{tr.value_columns[1]}</th>
                        <th>{tr.value_columns[2]}</th>
                        <th>{tr.value_columns[3]}</th>
                        <th>{tr.value_columns[4]}</th>
                        <Show when=move || has_min.get()>
                            <th>{tr.value_columns[5]}</th>
                        </Show>
                        <th>{tr.value_columns[6]}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}

