//! The scheme checkboxes, grouped; a selected scheme shows its plot colour.

use leptos::prelude::*;
use lowbit_core::quant::Scheme;

use crate::signal_model::{self, SCHEME_GROUPS};

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
    let item = move |id: String| {
        let description = Scheme::parse(&id).map(|s| s.info.description.to_string()).unwrap_or_default();
        let key = id.clone();
        let color = Signal::derive(move || selected.with(|s| signal_model::scheme_color(s, &key)));
        let checked_id = id.clone();
        let toggle_id = id.clone();
        view! {
            <label class="scheme" title=description>
                <input
                    type="checkbox"
                    data-scheme=id.clone()
                    prop:checked=move || selected.with(|s| s.contains(&checked_id))
                    on:change=move |_| on_toggle.run(toggle_id.clone())
                />
                <span
                    class="swatch"
                    class:off=move || color.get().is_none()
                    style:background-color=move || color.get().unwrap_or("transparent")
                    aria-hidden="true"
                ></span>
                <code>{id}</code>
            </label>
        }
    };
    let groups = SCHEME_GROUPS
        .iter()
        .map(|(title, ids)| {
            view! {
                <fieldset class="scheme-group">
                    <legend>{*title}</legend>
                    {ids.iter().map(|id| item(id.to_string())).collect_view()}
                </fieldset>
            }
        })
        .collect_view();
    let extras = move || {
        let extra = selected.with(|s| signal_model::extra_schemes(s));
        (!extra.is_empty()).then(|| {
            view! {
                <fieldset class="scheme-group">
                    <legend>"from the link"</legend>
                    {extra.into_iter().map(item).collect_view()}
                </fieldset>
            }
        })
    };
    view! {
        <div class="signal-schemes" data-testid="signal-schemes">
            {groups}
            {extras}
        </div>
    }
}
