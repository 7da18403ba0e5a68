//! The format picker: every catalogue format by its canonical id, grouped by kind, plus the
//! current custom format when one is shown.

use leptos::prelude::*;
use lowbit_core::format::Kind;
use lowbit_core::{Format, CATALOGUE};

/// `<select data-testid="format-select">` whose option values are canonical ids.
#[component]
pub fn FormatPicker(
    /// The format shown.
    #[prop(into)]
    format: Signal<Format>,
    /// Called with the chosen format.
    #[prop(into)]
    on_select: Callback<Format>,
) -> impl IntoView {
    let group = |label: &'static str, keep: fn(&Kind) -> bool| {
        let options = CATALOGUE
            .iter()
            .filter(|e| keep(&e.kind))
            .map(|e| {
                let id = e.id;
                view! {
                    <option value=id title=e.summary prop:selected=move || format.with(|f| f.id == id)>
                        {id}
                    </option>
                }
            })
            .collect_view();
        view! { <optgroup label=label>{options}</optgroup> }
    };
    let custom = move || {
        format.with(|f| f.entry().is_none().then(|| f.id.clone())).map(|id| {
            view! {
                <optgroup label="custom">
                    <option value=id.clone() selected=true>{id.clone()}</option>
                </optgroup>
            }
        })
    };
    view! {
        <select
            id="format-select"
            class="format-select"
            data-testid="format-select"
            aria-label="number format"
            on:change=move |ev| {
                if let Ok(f) = Format::parse(&event_target_value(&ev)) {
                    on_select.run(f);
                }
            }
        >
            {group("floating point", |k| matches!(k, Kind::Float(_)))}
            {group("integer", |k| matches!(k, Kind::Int(_)))}
            {group("lookup table", |k| matches!(k, Kind::Codebook(_)))}
            {custom}
        </select>
    }
}
