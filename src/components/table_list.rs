//! A value table with one row per code (formats of at most 4 bits): code, bits, the value
//! rounded as torch prints it, and the exact value. A row opens its code in the explorer.

use leptos::prelude::*;

use crate::tables_model::{Cell, ValueTable};

/// One row per code (`data-testid="table-ID"`; each `<tr>` in the body has `data-code` and
/// `data-value`, nothing else in the table has `data-code`).
#[component]
pub fn TableList(
    /// The table to show (its cells in the order to list them).
    table: ValueTable,
    /// A heading above the table ("NF4").
    #[prop(into)]
    heading: String,
    /// Called with the code of a clicked (or Enter-pressed) row.
    #[prop(into)]
    on_open: Callback<u64>,
) -> impl IntoView {
    let testid = table.testid();
    let id = table.id.clone();
    let row = move |cell: Cell| {
        let code = cell.code;
        let value = cell.value_attr.clone();
        view! {
            <tr
                class=format!("cls-{}", cell.class_key)
                data-code=cell.code_attr
                data-value=value
                title=cell.title
                tabindex="0"
                on:click=move |_| on_open.run(code)
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        on_open.run(code);
                    }
                }
            >
                <td class="num code-col">{code}</td>
                <td class="mono bits-col">{cell.bits}</td>
                <td class="num rounded-col">{cell.rounded}</td>
                <td class="num exact-col">{cell.value_attr}</td>
            </tr>
        }
    };
    view! {
        <div class="value-list-wrap">
            <h3 class="table-heading">
                {heading} " " <code class="table-id">{id}</code>
            </h3>
            <table class="value-list" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col">"code"</th>
                        <th scope="col">"bits"</th>
                        <th scope="col" title="rounded to 4 decimals, as torch prints it">"≈"</th>
                        <th scope="col" title="the stored value, shortest round-trip decimal">"value"</th>
                    </tr>
                </thead>
                <tbody>{table.cells.into_iter().map(row).collect_view()}</tbody>
            </table>
        </div>
    }
}
