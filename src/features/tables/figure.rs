//! How NF4 is built: the standard normal density with the 16 quantiles that become NF4's
//! levels, an inline SVG computed by the native tests and embedded as a compile-time constant
//! ([`super::model::NF4_FIGURE_SVG`]).

use leptos::prelude::*;

use super::model::{nf4_figure_file, nf4_figure_size, NF4_FIGURE_SVG};
use crate::ui::export::{page_property, FigureExport};
use crate::ui::{StaticBlock, StaticHtml};

/// The figure (`data-testid="nf4-figure"`, one `<circle data-nf4-code=…>` per level; hover a
/// dot for its p, z and value), with PNG and SVG exports in the page's theme.
#[component]
pub fn TableNormalFigure() -> impl IntoView {
    let svg = Callback::new(|()| nf4_figure_file(page_property));
    view! {
        <StaticBlock html=StaticHtml::new(NF4_FIGURE_SVG) class="nf4-figure-wrap" />
        <FigureExport testid="nf4-figure" svg=svg size=nf4_figure_size() />
    }
}
