//! A result that no longer matches its input: when a control refuses what was typed, the
//! result it shows is the last accepted one, and must not look current. The container of
//! such a result carries `data-stale="true"` (see [`stale_attr`]) and shows this note.

use leptos::prelude::*;

/// The value of a result container's `data-stale` attribute: `"true"` while `why` holds a
/// reason, absent otherwise.
pub fn stale_attr(why: Option<&String>) -> Option<&'static str> {
    why.map(|_| "true")
}

/// "Not updated: …" while `why` holds the reason the input was refused
/// (`data-testid="stale-note"`).
#[component]
pub fn StaleNote(
    /// Why the result shown is not the input's (the refusal message), None when it is.
    #[prop(into)]
    why: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        why.get().map(|e| {
            view! {
                <p class="stale-note" data-testid="stale-note">
                    {crate::ui::lang::lang_now().chrome().stale} {e}
                </p>
            }
        })
    }
}
