//! The switch between absolute and relative error curves.

use leptos::prelude::*;

/// Two radio buttons (`data-testid="error-mode"`, inputs with `value="abs"` / `value="rel"`).
#[component]
pub fn SignalErrorMode(
    /// Whether relative errors are shown.
    #[prop(into)]
    relative: Signal<bool>,
    /// Called with the new choice.
    #[prop(into)]
    on_change: Callback<bool>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().signal();
    let option = move |value: &'static str, label: &'static str, is_relative: bool| {
        view! {
            <label class="segmented-option" class:active=move || relative.get() == is_relative>
                <input
                    type="radio"
                    name="error-mode"
                    value=value
                    prop:checked=move || relative.get() == is_relative
                    on:change=move |_| on_change.run(is_relative)
                />
                {label}
            </label>
        }
    };
    view! {
        <div class="segmented" role="radiogroup" aria-label=crate::ui::lang::lang_now().regions().error_curves data-testid="error-mode">
            {option("abs", tr.error_modes[0], false)}
            {option("rel", tr.error_modes[1], true)}
        </div>
    }
}
