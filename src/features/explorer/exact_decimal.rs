//! The exact decimal expansion of the value, shortened with a button when it is long.

use leptos::prelude::*;

use super::model::Readout;

/// The exact decimal expansion (`data-testid="exact-decimal"`, full text in `data-exact`).
#[component]
pub fn ExactDecimal(
    /// The read-outs of the current code.
    #[prop(into)]
    readout: Signal<Readout>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().explorer();
    let expanded = RwSignal::new(false);
    let full = move || readout.with(|r| r.exact.clone());
    let shown = move || {
        readout.with(|r| match (&r.exact_short, expanded.get()) {
            (Some(short), false) => short.clone(),
            _ => r.exact.clone(),
        })
    };
    view! {
        <div class="exact">
            <code class="exact-digits" data-testid="exact-decimal" data-exact=full>{shown}</code>
            {move || {
                readout
                    .with(|r| r.exact_short.is_some().then_some(r.exact_digits))
                    .map(|digits| {
                        view! {
                            <button
                                type="button"
                                class="link"
                                data-testid="exact-toggle"
                                on:click=move |_| expanded.update(|e| *e = !*e)
                            >
                                {move || {
                                    if expanded.get() {
                                        t.show_less.to_string()
                                    } else {
                                        (t.show_all_digits)(digits)
                                    }
                                }}
                            </button>
                        }
                    })
            }}
        </div>
    }
}
