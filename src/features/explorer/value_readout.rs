//! The decoded value, large, with its class badge.

use leptos::prelude::*;

use super::model::Readout;

/// The value (`data-testid="value"`, `data-value` = JavaScript's `String(v)`, −0 as "-0")
/// and the class badge.
#[component]
pub fn ValueReadout(
    /// The read-outs of the current code.
    #[prop(into)]
    readout: Signal<Readout>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().explorer();
    let value = move || readout.with(|r| r.value.clone());
    view! {
        <div class="value-line">
            <output class="value" data-testid="value" data-value=value aria-live="polite">
                {value}
            </output>
            <span
                class=move || format!("badge badge-{}", readout.with(|r| r.class_key))
                data-testid="class-badge"
                data-class=move || readout.with(|r| r.class_key)
            >
                {move || readout.with(|r| (t.term)(&r.class_label).map_or_else(|| r.class_label.clone(), str::to_string))}
            </span>
        </div>
    }
}
