//! Remarks about the current plot: block sizes a scheme ignored, what a quantizer clipped.

use leptos::prelude::*;

/// The remarks (`data-testid="signal-notes"`), nothing when there are none.
#[component]
pub fn SignalNotes(
    /// The remarks to show.
    #[prop(into)]
    notes: Signal<Vec<String>>,
) -> impl IntoView {
    move || {
        let list = notes.get();
        (!list.is_empty()).then(|| {
            view! {
                <ul class="signal-notes" data-testid="signal-notes">
                    {list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
            }
        })
    }
}
