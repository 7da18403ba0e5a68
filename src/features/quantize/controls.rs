//! The Quantize view's controls: the numbers box, the scheme picker and the block size box.
//! Each applies its own value through [`super::view::QuantizeModel::apply`].

use leptos::prelude::*;

use super::model;
use super::view::QuantizeModel;
use crate::ui::InlineError;

/// The controls (`quantize-input`, `quantize-scheme`, `quantize-block`, inline error
/// `quantize-input-error`, and `quantize-paste-note` saying how an accepted paste was read:
/// decimal commas, ignored arguments, a lone `0,5` read as two numbers).
#[component]
pub fn QuantizeControls(
    /// The view's state.
    model: QuantizeModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().quantize();
    let scheme = Signal::derive(move || model.params.with(|p| p.scheme.clone()));
    let choices = Memo::new(move |_| scheme.with(|s| model::scheme_choices(s)));
    let block = Memo::new(move |_| model.params.with(model::block_box));
    view! {
        <div class="card quantize-controls">
            <h2>{tr.your_numbers}</h2>
            <label class="control quantize-text">
                <span>{tr.numbers_help}</span>
                <textarea
                    data-testid="quantize-input"
                    rows="3"
                    spellcheck="false"
                    placeholder="0.5, 1.25  ·  [0.5, 1.25]  ·  np.array([0.5, 1.25])  ·  0,5; 1,25"
                    prop:value=move || model.text.get()
                    on:input=move |ev| {
                        let started = crate::perf::now();
                        let text = event_target_value(&ev);
                        model.apply("values", &text);
                        crate::perf::record("quantize-read-ms", crate::perf::now() - started);
                        // The box already shows the text: kept without setting it again (a
                        // million pasted numbers are megabytes of text).
                        *model.text.write_untracked() = text;
                    }
                ></textarea>
            </label>
            <label class="control">
                <span>{tr.scheme}</span>
                <select data-testid="quantize-scheme" on:change=move |ev| model.apply("scheme", &event_target_value(&ev))>
                    <For
                        each=move || choices.get()
                        key=|(id, _)| id.clone()
                        children=move |(id, description)| {
                            let (this, value) = (id.clone(), id.clone());
                            view! {
                                <option value=value title=description prop:selected=move || scheme.with(|s| *s == this)>
                                    {id}
                                </option>
                            }
                        }
                    />
                </select>
            </label>
            {move || {
                block
                    .get()
                    .map(|b| {
                        view! {
                            <label class="control" title=b.title>
                                <span>{tr.block_size}</span>
                                <input
                                    type="number"
                                    min="1"
                                    data-testid="quantize-block"
                                    prop:value=b.value
                                    disabled=!b.choosable
                                    on:change=move |ev| model.apply("block", &event_target_value(&ev))
                                />
                            </label>
                        }
                    })
            }}
            <Show when=move || model.paste_notes.with(|n| !n.is_empty())>
                <div class="quantize-paste-note" data-testid="quantize-paste-note" role="status">
                    <For
                        each=move || model.paste_notes.get()
                        key=|n| n.clone()
                        children=|n| view! { <p>{n}</p> }
                    />
                </div>
            </Show>
            <InlineError testid="quantize-input-error" message=model.error />
        </div>
    }
}
