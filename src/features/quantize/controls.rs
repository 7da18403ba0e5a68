//! The Quantize view's controls: the numbers box, the scheme picker and the block size box.
//! Each applies its own value through [`super::view::QuantizeModel::apply`].

use js_sys::JsString;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::held;
use super::model;
use super::view::QuantizeModel;
use crate::ui::InlineError;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `DataTransfer`, read as the browser's strings (web-sys copies them into Rust `String`s).
    type Transfer;
    #[wasm_bindgen(method, js_name = getData)]
    fn get_data(this: &Transfer, format: &str) -> JsString;
    /// An `HTMLTextAreaElement`, read as the browser's string.
    type TextBox;
    #[wasm_bindgen(method, getter)]
    fn value(this: &TextBox) -> JsString;
}

/// A paste into the numbers box: a long one ([`held::is_long`]) never enters the box (a
/// `<textarea>` holding megabytes takes seconds to lay out), nor the page's memory: the model
/// keeps the browser's string (the box's text with the paste in its selection) and the compute
/// worker reads it. A short one is the box's (its `input` event reads it).
fn on_paste(model: QuantizeModel, ev: web_sys::ClipboardEvent) {
    let started = crate::perf::now();
    let Some(pasted) = ev.clipboard_data().map(|d| d.unchecked_into::<Transfer>().get_data("text/plain")) else { return };
    if !held::is_long(pasted.length() as usize) {
        return;
    }
    ev.prevent_default();
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    let (start, end) = (area.selection_start().ok().flatten().unwrap_or(0), area.selection_end().ok().flatten().unwrap_or(0));
    let value = area.unchecked_ref::<TextBox>().value();
    let text = value.slice(0, start.min(end)).concat(&pasted).concat(&value.slice(start.max(end), value.length()));
    model.hold(text);
    crate::perf::record_after_update("quantize-paste-ms", started);
}

/// The numbers box's `input`: a long text (typed into a held paste put back with Edit, or
/// dropped) is read by the compute worker; a short one here.
fn on_input(model: QuantizeModel, ev: leptos::ev::Event) {
    let started = crate::perf::now();
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    let value = area.unchecked_ref::<TextBox>().value();
    if held::is_long(value.length() as usize) {
        model.read_in_worker(value.clone(), None);
    } else {
        model.apply("values", &String::from(value.clone()));
    }
    crate::perf::record("quantize-read-ms", crate::perf::now() - started);
    // The box already shows the text: kept without setting it again.
    *model.text.write_untracked() = String::from(value);
}

/// What shows in the numbers box's place while it holds a long paste (`quantize-held`): how
/// many numbers and how much text, with Edit (`quantize-held-edit`: the text back into the
/// box) and Clear (`quantize-held-clear`).
#[component]
fn HeldPaste(
    /// The view's state.
    model: QuantizeModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().quantize();
    let line = move || model.held.with(|h| h.as_ref().map(|h| held::summary(h.bytes, h.count, model.reading.with(Option::is_some)).text(tr)));
    view! {
        <div class="control quantize-text quantize-held" data-testid="quantize-held" data-count=move || model.held.with(|h| h.as_ref().and_then(|h| h.count))>
            <span>{tr.held_label}</span>
            <p class="quantize-held-line" role="status">
                {line}
                " "
                <button type="button" data-testid="quantize-held-edit" title=tr.edit_title on:click=move |_| model.edit_held()>{tr.edit}</button>
                " "
                <button type="button" data-testid="quantize-held-clear" on:click=move |_| model.clear_held()>{tr.clear}</button>
            </p>
        </div>
    }
}

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
            <Show when=move || model.held.with(Option::is_none) fallback=move || view! { <HeldPaste model=model /> }>
                <label class="control quantize-text">
                    <span>{tr.numbers_help}</span>
                    <textarea
                        data-testid="quantize-input"
                        rows="3"
                        spellcheck="false"
                        placeholder="0.5, 1.25  ·  [0.5, 1.25]  ·  np.array([0.5, 1.25])  ·  0,5; 1,25"
                        prop:value=move || model.text.get()
                        on:input=move |ev| on_input(model, ev)
                        on:paste=move |ev: web_sys::ClipboardEvent| on_paste(model, ev)
                    ></textarea>
                </label>
            </Show>
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
                        children=move |n| view! { <p>{(tr.paste_note)(&n)}</p> }
                    />
                </div>
            </Show>
            <InlineError testid="quantize-input-error" message=model.error />
        </div>
    }
}
