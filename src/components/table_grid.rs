//! A value table as a grid: 16 columns (the low nibble), one row per value of the high bits,
//! each cell coloured by its class. A cell opens its code in the explorer.

use leptos::prelude::*;

use crate::tables_model::{Shape, ValueTable};

/// The grid (`data-testid="table-ID"`; each `<td>` cell has `data-code` and `data-value`,
/// row and column headers have neither).
#[component]
pub fn TableGrid(
    /// The table (a [`Shape::Grid`]; a list is shown as one row).
    table: ValueTable,
    /// Called with the code of a clicked (or Enter-pressed) cell.
    #[prop(into)]
    on_open: Callback<u64>,
) -> impl IntoView {
    let testid = table.testid();
    let (rows, col_labels, row_labels) = match &table.shape {
        Shape::Grid { rows, col_labels, row_labels, .. } => (*rows, col_labels.clone(), row_labels.clone()),
        Shape::List => (1, Vec::new(), vec![String::new()]),
    };
    let body = (0..rows)
        .map(|r| {
            let cells = table
                .row(r)
                .iter()
                .cloned()
                .map(|cell| {
                    let code = cell.code;
                    view! {
                        <td
                            class=format!("cell cls-{}", cell.class_key)
                            data-code=cell.code_attr
                            data-value=cell.value_attr
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
                            {cell.short}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="mono">{row_labels.get(r).cloned().unwrap_or_default()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="value-grid" data-testid=testid>
                <thead>
                    <tr>
                        <th scope="col" class="corner">"code"</th>
                        {col_labels.into_iter().map(|c| view! { <th scope="col" class="mono">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
