//! The colour key of the value tables: one swatch per class of value.

use leptos::prelude::*;

use crate::tables_model;

/// The colour key (`data-testid="table-legend"`).
#[component]
pub fn TableLegend() -> impl IntoView {
    view! { <div inner_html=tables_model::legend_html()></div> }
}
