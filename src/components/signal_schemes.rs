//! The scheme checkboxes, grouped; a selected scheme shows its plot colour. The boxes are
//! markup from [`crate::signal_model::schemes_html`] with one delegated change handler; the
//! toggled box keeps the keyboard focus across the re-render.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::signal_model;

/// The checkboxes (`data-testid="signal-schemes"`, one `<input type="checkbox"
/// data-scheme=ID>` per scheme).
#[component]
pub fn SignalSchemes(
    /// The selected scheme ids, in selection order.
    #[prop(into)]
    selected: Signal<Vec<String>>,
    /// Called with the id of a toggled scheme.
    #[prop(into)]
    on_toggle: Callback<String>,
) -> impl IntoView {
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let Some(id) = input.get_attribute("data-scheme") else { return };
        let root = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        on_toggle.run(id.clone());
        // The list is rebuilt: give the focus back to the same box (if it is still shown).
        request_animation_frame(move || {
            let again = root
                .and_then(|r| r.query_selector(&format!("input[data-scheme=\"{id}\"]")).ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(e) = again {
                let _ = e.focus();
            }
        });
    };
    view! {
        <div
            class="signal-schemes"
            data-testid="signal-schemes"
            inner_html=move || selected.with(|s| signal_model::schemes_html(s))
            on:change=on_change
        ></div>
    }
}
