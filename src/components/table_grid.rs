//! A value table as a grid: 16 columns (the low nibble), one row per value of the high bits,
//! each cell coloured by its class. A cell opens its code in the explorer.
//!
//! The cells are markup from [`crate::tables_model::grid_html`]; one delegated handler serves
//! all of them.

use leptos::prelude::*;

use super::table_list::{open_on_click, open_on_key};
use crate::tables_model::{self, ValueTable};

/// The grid (`data-testid="table-ID"`; each `<td>` cell has `data-code` and `data-value`,
/// row and column headers have neither).
#[component]
pub fn TableGrid(
    /// The table (a grid; a list is shown as a list).
    table: ValueTable,
    /// Called with the code of a clicked (or Enter-pressed) cell.
    #[prop(into)]
    on_open: Callback<u64>,
) -> impl IntoView {
    view! {
        <div
            class="table-scroll"
            inner_html=tables_model::grid_html(&table)
            on:click=open_on_click(on_open)
            on:keydown=open_on_key(on_open)
        ></div>
    }
}
