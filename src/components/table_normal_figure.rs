//! How NF4 is built: the standard normal density with the 16 quantiles that become NF4's
//! levels, an inline SVG computed by [`crate::tables_model::figure_svg`] (embedded as
//! [`crate::tables_model::NF4_FIGURE_SVG`], kept in step by a native test).

use leptos::prelude::*;

use crate::tables_model;

/// The figure (`data-testid="nf4-figure"`, one `<circle data-nf4-code=…>` per level; hover a
/// dot for its p, z and value).
#[component]
pub fn TableNormalFigure() -> impl IntoView {
    view! { <div class="nf4-figure-wrap" inner_html=tables_model::NF4_FIGURE_SVG></div> }
}
