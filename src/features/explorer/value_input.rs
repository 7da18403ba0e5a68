//! The value box: type a number (decimal, scientific, `inf`, `nan`, `-0`) or a code (`0x…`,
//! `0b…`) and press Enter; rounding-mode and overflow selectors; the last typed number's
//! status and rounding error.

use leptos::prelude::*;
use lowbit_core::{Format, OverflowPolicy, RoundingMode};

use super::model::Typed;
use crate::ui::stale::stale_attr;
use crate::ui::{InlineError, StaleNote};

/// The value box (`data-testid="value-input"`), its selectors (`rounding-select`,
/// `overflow-select`), the inline error (`input-error`) and the last status (`typed-status`).
#[component]
pub fn ValueInput(
    /// The format shown (for the names of its defaults).
    #[prop(into)]
    format: Signal<Format>,
    /// The rounding mode (None = the format's default).
    #[prop(into)]
    rounding: Signal<Option<RoundingMode>>,
    /// The overflow policy.
    #[prop(into)]
    overflow: Signal<OverflowPolicy>,
    /// The last typed number and how it was encoded.
    #[prop(into)]
    last: Signal<Option<Typed>>,
    /// Called with the text on Enter; an `Err` is shown inline and nothing else changes.
    #[prop(into)]
    on_enter: Callback<String, Result<(), String>>,
    /// Called with the chosen rounding mode.
    #[prop(into)]
    on_rounding: Callback<Option<RoundingMode>>,
    /// Called with the chosen overflow policy.
    #[prop(into)]
    on_overflow: Callback<OverflowPolicy>,
) -> impl IntoView {
    let tx = crate::ui::lang::lang_now().explorer();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move || match on_enter.run(text.get_untracked()) {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(e)),
    };
    let default_round = move || (tx.default_choice)(format.with(|f| f.default_rounding().name()));
    let default_overflow = move || (tx.default_choice)(format.with(|f| f.default_overflow().name()));
    view! {
        <div class="value-input">
            <div class="input-row">
                <input
                    type="text"
                    data-testid="value-input"
                    aria-label=tx.input_label
                    placeholder="3.14, 1e-3, inf, nan, -0, 0x7e, 0b0111…"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            submit();
                        }
                    }
                />
                <button type="button" data-testid="encode-button" on:click=move |_| submit()>
                    {tx.encode}
                </button>
            </div>
            <InlineError testid="input-error" message=error />
            <div class="selectors">
                <label>
                    <span>{tx.rounding}</span>
                    <select
                        data-testid="rounding-select"
                        on:change=move |ev| {
                            let name = event_target_value(&ev);
                            on_rounding.run(RoundingMode::parse(&name).ok());
                        }
                    >
                        <option value="default" prop:selected=move || rounding.get().is_none()>{default_round}</option>
                        {RoundingMode::ALL
                            .into_iter()
                            .map(|m| {
                                view! {
                                    <option value=m.name() prop:selected=move || rounding.get() == Some(m)>
                                        {m.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    <span>{tx.overflow}</span>
                    <select
                        data-testid="overflow-select"
                        on:change=move |ev| {
                            if let Ok(p) = OverflowPolicy::parse(&event_target_value(&ev)) {
                                on_overflow.run(p);
                            }
                        }
                    >
                        {OverflowPolicy::ALL
                            .into_iter()
                            .map(|p| {
                                let label = move || {
                                    if p == OverflowPolicy::Default { default_overflow() } else { p.name().to_string() }
                                };
                                view! {
                                    <option value=p.name() prop:selected=move || overflow.get() == p>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            {move || {
                last.get()
                    .map(|t| {
                        view! {
                            <div
                                class="typed"
                                class:exact=t.exact
                                data-stale=move || error.with(|e| stale_attr(e.as_ref()))
                                data-testid="typed-status"
                                data-status=t.status.clone()
                            >
                                <div class="typed-line">
                                    <code>{t.text.clone()}</code>
                                    " → "
                                    <code class="typed-value">{t.value.clone()}</code>
                                    <span class="flags">{t.status.clone()}</span>
                                </div>
                                <div class="typed-errors">
                                    <span>{tx.input_approx} <code>{t.input.clone()}</code></span>
                                    <span>{tx.error} <code data-testid="abs-error">{t.abs_error.clone()}</code></span>
                                    <span>{tx.relative} <code data-testid="rel-error">{t.rel_error.clone()}</code></span>
                                </div>
                            </div>
                            <StaleNote why=error />
                        }
                    })
            }}
        </div>
    }
}
