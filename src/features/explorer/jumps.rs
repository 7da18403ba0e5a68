//! Buttons to the format's landmark values: max, most negative, smallest normal and
//! subnormal, zero, −0, one, ±Inf, NaN — each only where the format has it.

use leptos::prelude::*;
use lowbit_core::Format;

use super::model;

/// The jump buttons (`data-testid="jumps"`, one button `jump-{name}` per value, e.g.
/// `jump-max`, `jump-min-subnormal`, `jump-neg-zero`, `jump-inf`, `jump-nan`).
#[component]
pub fn Jumps(
    /// The format shown.
    #[prop(into)]
    format: Signal<Format>,
    /// The code shown (its button is marked current).
    #[prop(into)]
    code: Signal<u64>,
    /// Called with the chosen value's code.
    #[prop(into)]
    on_select: Callback<u64>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().explorer();
    let jumps = Memo::new(move |_| format.with(model::jumps));
    view! {
        <div class="jumps" data-testid="jumps" role="group" aria-label=t.jump_group>
            <span class="jumps-label">{t.jump_to}</span>
            {move || {
                jumps
                    .get()
                    .into_iter()
                    .map(|jump| {
                        let target = jump.code;
                        view! {
                            <button
                                type="button"
                                data-testid=format!("jump-{}", jump.name)
                                data-code=target.to_string()
                                aria-pressed=move || if code.get() == target { "true" } else { "false" }
                                on:click=move |_| on_select.run(target)
                            >
                                {(t.term)(jump.label).unwrap_or(jump.label)}
                            </button>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
