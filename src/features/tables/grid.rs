//! A value table as a grid: 16 columns (the low nibble), one row per value of the high bits,
//! each cell coloured by its class. A cell opens its code in the explorer.

use leptos::prelude::*;

use super::list::open_on_key;
use super::model::{Cell, Shape, ValueTable};
use crate::ui::TableExport;

/// The grid (`data-testid="table-ID"`; each `<td>` cell has `data-code` and `data-value`,
/// row and column headers have neither). A list-shaped table is shown as its rows.
#[component]
pub fn TableGrid(
    /// The table (a grid).
    table: ValueTable,
    /// Called with the code of a clicked (or Enter-pressed) cell.
    #[prop(into)]
    on_open: Callback<u64>,
) -> impl IntoView {
    let (col_labels, row_labels) = match &table.shape {
        Shape::Grid { col_labels, row_labels, .. } => (col_labels.clone(), row_labels.clone()),
        Shape::List => (Vec::new(), Vec::new()),
    };
    let export = table.export(crate::ui::lang::lang_now().tables());
    let rows: Vec<(String, Vec<Cell>)> =
        row_labels.into_iter().enumerate().map(|(r, label)| (label, table.row(r).to_vec())).collect();
    let id = table.id;
    let cell = move |c: Cell| {
        let code = c.code;
        view! {
            <td
                class=format!("cell cls-{}", c.class_key)
                data-code=c.code_attr
                data-value=c.value_attr
                title=c.title
                tabindex="0"
                on:click=move |_| on_open.run(code)
                on:keydown=open_on_key(on_open, code)
            >
                {c.short}
            </td>
        }
    };
    let testid = format!("table-{id}");
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=(crate::ui::lang::lang_now().regions().every_code_of)(&id)>
            <table class="value-grid" data-testid=testid.clone() data-format=id.clone()>
                <thead>
                    <tr>
                        <th scope="col" class="corner">{crate::ui::lang::lang_now().tables().grid_corner}</th>
                        {col_labels.into_iter().map(|c| view! { <th scope="col" class="mono">{c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || rows.clone()
                        key=|(label, _)| label.clone()
                        children=move |(label, cells)| {
                            view! {
                                <tr>
                                    <th scope="row" class="mono">{label}</th>
                                    <For each=move || cells.clone() key=|c| c.code children=cell />
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
        <TableExport target=testid table=Signal::stored(export) />
    }
}
