//! Remarks about the current plot: block sizes a scheme ignored, what a quantizer clipped.

use leptos::prelude::*;

use crate::signal_model;

/// The remarks (`data-testid="signal-notes"`, empty when there are none).
#[component]
pub fn SignalNotes(
    /// The remarks to show.
    #[prop(into)]
    notes: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <ul class="signal-notes" data-testid="signal-notes" inner_html=move || notes.with(|n| signal_model::notes_html(n))></ul>
    }
}
