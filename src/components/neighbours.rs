//! Next up / next down and the ULP at the current value.

use leptos::prelude::*;

use crate::display::Readout;

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
    let down = move || readout.with(|r| r.next_down);
    let up = move || readout.with(|r| r.next_up);
    view! {
        <div class="neighbours">
            <button
                type="button"
                data-testid="next-down"
                disabled=move || down().is_none()
                on:click=move |_| {
                    if let Some(c) = down() {
                        on_select.run(c);
                    }
                }
            >
                "◀ next down"
            </button>
            <button
                type="button"
                data-testid="next-up"
                disabled=move || up().is_none()
                on:click=move |_| {
                    if let Some(c) = up() {
                        on_select.run(c);
                    }
                }
            >
                "next up ▶"
            </button>
            <span class="ulp">
                "ULP here: " <code data-testid="ulp">{move || readout.with(|r| r.ulp.clone())}</code>
            </span>
        </div>
    }
}
