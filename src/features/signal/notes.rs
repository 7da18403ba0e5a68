//! Remarks about the current plot: block sizes a scheme ignored, what a quantizer clipped.

use leptos::prelude::*;

/// The remarks (`data-testid="signal-notes"`, empty when there are none).
#[component]
pub fn SignalNotes(
    /// The remarks to show.
    #[prop(into)]
    notes: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <ul class="signal-notes" data-testid="signal-notes">
            <For each=move || notes.get() key=|n| n.clone() children=|n| view! { <li>{n}</li> } />
        </ul>
    }
}
