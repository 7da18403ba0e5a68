//! The scheme checkboxes, grouped; a selected scheme shows its plot colour.

use leptos::prelude::*;

use super::model::{self, SchemeChoice};

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
    let tr = crate::ui::lang::lang_now().signal();
    let groups = Memo::new(move |_| selected.with(|s| model::scheme_choices(s)));
    // Keyed by id, with the checked state and colour reactive: toggling a box keeps its
    // element, and with it the keyboard focus.
    let item = move |c: SchemeChoice| {
        let id = c.id.clone();
        let scheme = c.id.clone();
        let color = Signal::derive({
            let id = c.id.clone();
            move || selected.with(|s| model::scheme_color(s, &id))
        });
        view! {
            <label class="scheme" title=c.description>
                <input
                    type="checkbox"
                    data-scheme=scheme
                    prop:checked=move || color.get().is_some()
                    on:change=move |_| on_toggle.run(id.clone())
                />
                <span
                    class="swatch"
                    class:off=move || color.get().is_none()
                    style:background-color=move || color.get()
                    aria-hidden="true"
                ></span>
                <code>{c.id}</code>
            </label>
        }
    };
    view! {
        <div class="signal-schemes" data-testid="signal-schemes">
            <For
                each=move || groups.get()
                key=|(title, _)| *title
                children=move |(title, _)| {
                    let choices = move || {
                        groups.with(|g| g.iter().find(|(t, _)| *t == title).map(|(_, c)| c.clone()).unwrap_or_default())
                    };
                    view! {
                        <fieldset class="scheme-group">
                            <legend>{model::group_title(title, tr)}</legend>
                            <For each=choices key=|c| c.id.clone() children=item />
                        </fieldset>
                    }
                }
            />
        </div>
    }
}
