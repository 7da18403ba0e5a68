//! The hover read-out: at the sample under the pointer, x, the original, and each
//! reconstruction with its error (markup from [`crate::signal_model::hover_html`]).

use leptos::prelude::*;

use crate::signal_model::{self, Hover};

/// The read-out (`data-testid="hover-readout"`, `data-index` = the sample, empty when none).
#[component]
pub fn SignalHover(
    /// What to show, None when the pointer is not over a chart.
    #[prop(into)]
    hover: Signal<Option<Hover>>,
) -> impl IntoView {
    view! {
        <div
            class="hover-readout"
            data-testid="hover-readout"
            data-index=move || hover.with(|h| h.as_ref().map(|h| h.index.to_string()).unwrap_or_default())
            inner_html=move || hover.with(|h| signal_model::hover_html(h.as_ref()))
        ></div>
    }
}
