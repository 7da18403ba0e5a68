//! One number in every format: a text box and a row per format with the stored code, its
//! bits, the stored value, the rounding error and the relative error.

use leptos::prelude::*;

use super::model::ValueRow;
use crate::ui::stale::stale_attr;
use crate::ui::{InlineError, StaleNote};

/// The value box (`data-testid="compare-value"`) and the table (`data-testid="value-table"`,
/// rows `data-testid="value-row"` with `data-format`, `data-code` in decimal and
/// `data-value`, JavaScript's spelling of the stored value).
#[component]
pub fn CompareValues(
    /// The number shown (as accepted).
    #[prop(into)]
    value: Signal<String>,
    /// The rows for it.
    #[prop(into)]
    rows: Signal<Vec<ValueRow>>,
    /// Why the last typed number was refused (the rows are the last accepted number's).
    #[prop(into)]
    refused: Signal<Option<String>>,
    /// Called with typed text on Enter or on the button.
    #[prop(into)]
    on_value: Callback<String>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().compare();
    let text = RwSignal::new(value.get_untracked());
    // Back/Forward or a link shows another number: the box follows.
    Effect::new(move |_| text.set(value.get()));
    let row = |r: ValueRow| {
        view! {
            <tr data-testid="value-row" data-format=r.id.clone() data-code=r.code.to_string() data-value=r.value.clone()>
                <th scope="row"><code>{r.id.clone()}</code></th>
                <td class="num">{r.hex.clone()}</td>
                <td class="mono">{r.bits.clone()}</td>
                <td class="num">{r.value.clone()}</td>
                <td class="num">{r.error.clone()}</td>
                <td class="num">{r.relative.clone()}</td>
                <td>{r.status.clone()}</td>
            </tr>
        }
    };
    view! {
        <div class="input-row">
            <input
                type="text"
                data-testid="compare-value"
                aria-label=crate::ui::lang::lang_now().regions().number_to_show
                placeholder="3.14, 1e-3, 65504, inf, -0"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        on_value.run(text.get_untracked());
                    }
                }
            />
            <button type="button" data-testid="compare-value-button" on:click=move |_| on_value.run(text.get_untracked())>
                {tr.show_button}
            </button>
        </div>
        <InlineError testid="compare-value-error" message=refused />
        <StaleNote why=refused />
        <div class="table-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().one_number data-stale=move || refused.with(|r| stale_attr(r.as_ref()))>
            <table class="value-table" data-testid="value-table">
                <caption>{move || (tr.caption)(&value.get())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr.columns[0]}</th>
                        <th scope="col">{tr.columns[1]}</th>
                        <th scope="col">{tr.columns[2]}</th>
                        <th scope="col">{tr.columns[3]}</th>
                        <th scope="col" title=tr.error_title>{tr.columns[4]}</th>
                        <th scope="col" title=tr.relative_title>{tr.columns[5]}</th>
                        <th scope="col">{tr.columns[6]}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}
