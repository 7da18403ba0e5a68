//! Next up / next down and the ULP at the current value.

use leptos::prelude::*;

use super::model::Readout;

/// Buttons to the neighbouring values (`next-down`, `next-up`) and the ULP (`ulp`).
#[component]
pub fn Neighbours(
    /// The read-outs of the current code.
    #[prop(into)]
    readout: Signal<Readout>,
    /// Called with the neighbour's code.
    #[prop(into)]
    on_select: Callback<u64>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().explorer();
    // A button to the neighbour `pick` names, disabled where there is none.
    let button = move |testid: &'static str, label: &'static str, pick: fn(&Readout) -> Option<u64>| {
        let target = move || readout.with(pick);
        view! {
            <button
                type="button"
                data-testid=testid
                disabled=move || target().is_none()
                on:click=move |_| {
                    if let Some(c) = target() {
                        on_select.run(c);
                    }
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="neighbours">
            {button("next-down", t.next_down, |r| r.next_down)}
            {button("next-up", t.next_up, |r| r.next_up)}
            <span class="ulp">
                {t.ulp_here} <code data-testid="ulp">{move || readout.with(|r| r.ulp.clone())}</code>
            </span>
        </div>
    }
}
