//! The block explorer: a type picker and the block's hex, the fields (click one to light up
//! its bytes), every byte as clickable bits, the k-quants' packed sub-block scales, and the
//! values (click one to light up its code and the scale bits it depends on). What it shows is
//! [`super::model::display`] of the accepted parameters; a refused hex leaves the last block
//! on screen marked as stale.

use leptos::prelude::*;
use lowbit_core::gguf::GgufType;

use super::bytes::BlockBytes;
use super::model::{self, BlockDisplay, BlockParams, FieldRow, Selection, SubRow};
use super::values::BlockValues;
use crate::ui::stale::stale_attr;
use crate::ui::{InlineError, StaleNote, TableExport};

/// The block explorer's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct BlockModel {
    /// The accepted parameters (mirrored in the URL).
    pub params: RwSignal<BlockParams>,
    /// The text in the hex box (may hold a refused input).
    pub text: RwSignal<String>,
    /// Why the last hex was refused; None when the block shown is the box's.
    pub error: RwSignal<Option<String>>,
    /// What is selected (a field or an element).
    pub selection: RwSignal<Option<Selection>>,
}

impl BlockModel {
    /// A model showing `params`.
    pub fn new(params: BlockParams) -> BlockModel {
        let text = lowbit_core::gguf::to_hex(&params.bytes);
        BlockModel { params: RwSignal::new(params), text: RwSignal::new(text), error: RwSignal::new(None), selection: RwSignal::new(None) }
    }

    /// Shows `params` (Back/Forward, a link), replacing whatever was typed.
    pub fn restore(&self, params: BlockParams) {
        self.text.set(lowbit_core::gguf::to_hex(&params.bytes));
        self.error.set(None);
        if self.params.with_untracked(|p| p.t != params.t) {
            self.selection.set(None);
        }
        self.params.set(params);
    }

    /// Switches to type `t` with its example block.
    pub fn set_type(&self, id: &str) {
        match model::parse_type(id) {
            Ok(t) => self.restore(BlockParams::example(t)),
            Err(e) => self.error.set(Some(e)),
        }
    }

    /// Applies the hex box's text: accepted, it becomes the block; refused, the block stays
    /// and the reason is kept in [`Self::error`].
    pub fn set_hex(&self, text: String) {
        let t = self.params.with_untracked(|p| p.t);
        let outcome = model::parse_block(t, &text);
        self.text.set(text);
        match outcome {
            Ok(bytes) => {
                self.error.set(None);
                if self.params.with_untracked(|p| p.bytes != bytes) {
                    self.params.set(BlockParams { t, bytes });
                }
            }
            Err(e) => self.error.set(Some(e)),
        }
    }

    /// Flips bit `index` (8 · byte + bit) of the block shown.
    pub fn toggle(&self, index: usize) {
        let next = self.params.with_untracked(|p| BlockParams { t: p.t, bytes: model::toggle_bit(&p.bytes, index) });
        self.restore_keeping_selection(next);
    }

    /// Puts back the type's example block.
    pub fn reset(&self) {
        let t = self.params.with_untracked(|p| p.t);
        self.restore_keeping_selection(BlockParams::example(t));
    }

    fn restore_keeping_selection(&self, params: BlockParams) {
        self.text.set(lowbit_core::gguf::to_hex(&params.bytes));
        self.error.set(None);
        self.params.set(params);
    }

    /// Selects `s`, or clears it when it is already selected.
    pub fn select(&self, s: Selection) {
        self.selection.update(|cur| *cur = if *cur == Some(s) { None } else { Some(s) });
    }
}

/// The block explorer (`block-type`, `block-hex`, `block-hex-error`, `block-reset`,
/// `block-field` with `data-field`, `block-byte` / `block-bit` with `data-index`,
/// `block-scale-byte` / `block-scale-bit` and `block-subs` for the k-quants, `block-values`
/// rows with `data-index`, `data-code`, `data-value`; `data-stale="true"` on the output while
/// the hex is refused).
#[component]
pub fn BlockView(
    /// The view's state.
    model: BlockModel,
) -> impl IntoView {
    let lang = crate::ui::lang::lang_now();
    let tr = lang.block();
    let shown: Memo<BlockDisplay> = Memo::new(move |_| model.params.with(|p| model::display(p, lang)));
    let t = Signal::derive(move || shown.with(|d| d.t));
    let selection: Signal<Option<Selection>> = model.selection.into();
    let stale = move || model.error.with(|e| stale_attr(e.as_ref()));
    let on_toggle = Callback::new(move |index: usize| model.toggle(index));
    let field_row = move |f: FieldRow| {
        let name = f.name;
        let selected = move || selection.get() == Some(Selection::Field(name));
        view! {
            <li>
                <button
                    type="button"
                    class="block-field"
                    class:selected=selected
                    aria-pressed=move || if selected() { "true" } else { "false" }
                    data-testid="block-field"
                    data-field=name
                    on:click=move |_| model.select(Selection::Field(name))
                >
                    <code class="block-field-name">{name}</code>
                    <span class="block-field-span">{f.span}</span>
                    <span class="block-field-what">{f.what}</span>
                    <code class="block-field-value">{f.value}</code>
                </button>
            </li>
        }
    };
    let sub_row = |s: SubRow| {
        view! {
            <tr data-sub=s.sub.to_string()>
                <td>{s.sub}</td>
                <td>{s.stored_scale}</td>
                <td>{s.scale}</td>
                <td>{s.stored_min.map(|m| m.to_string()).unwrap_or_default()}</td>
                <td>{s.min.unwrap_or_default()}</td>
            </tr>
        }
    };
    view! {
        <section class="block-explorer" data-testid="block">
            <div class="card block-controls">
                <h2>{tr.heading}</h2>
                <label class="block-type">
                    {tr.type_label}
                    <select
                        data-testid="block-type"
                        prop:value=move || shown.with(|d| d.t.id())
                        on:change=move |ev| model.set_type(&event_target_value(&ev))
                    >
                        {model::type_choices(lang)
                            .into_iter()
                            .map(|(id, summary)| {
                                view! {
                                    <option value=id title=summary selected=move || t.get() == GgufType::parse(id).unwrap_or(GgufType::Q4K)>
                                        {id}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
                <p class="block-summary">{move || shown.with(|d| d.summary)}</p>
                <p class="block-facts" data-testid="block-facts">{move || shown.with(|d| d.facts.clone())}</p>
                <p class="block-example">{tr.example_text}</p>
                <label class="block-hex-label">
                    {tr.bytes_label}
                    <textarea
                        data-testid="block-hex"
                        class="block-hex"
                        spellcheck="false"
                        rows="3"
                        prop:value=move || model.text.get()
                        on:change=move |ev| model.set_hex(event_target_value(&ev))
                    ></textarea>
                </label>
                <InlineError testid="block-hex-error" message=model.error />
                <button type="button" data-testid="block-reset" on:click=move |_| model.reset()>
                    {tr.example}
                </button>
            </div>
            <StaleNote why=model.error />
            <div class="block-output" data-testid="block-output" data-stale=stale>
                <div class="card">
                    <h2>{tr.headings[0]}</h2>
                    <p class="hint">{tr.fields_hint}</p>
                    <ul class="block-fields">
                        <For each=move || shown.with(|d| d.fields.clone()) key=|f| f.clone() children=field_row />
                    </ul>
                </div>
                <div class="card">
                    <h2>{tr.headings[1]}</h2>
                    <BlockBytes
                        bytes=Signal::derive(move || shown.with(|d| d.bytes.clone()))
                        t=t
                        selection=selection
                        on_toggle=on_toggle
                        testid_prefix="block"
                    />
                </div>
                <Show when=move || shown.with(|d| !d.subs.is_empty())>
                    <div class="card" data-testid="block-superblock">
                        <h2>{tr.headings[2]}</h2>
                        <p class="hint">
                            {tr.scales_hint[0]} <code>"scales"</code> {tr.scales_hint[1]}
                        </p>
                        <BlockBytes
                            bytes=Signal::derive(move || shown.with(|d| d.scale_bytes.clone()))
                            t=t
                            selection=selection
                            on_toggle=on_toggle
                            testid_prefix="block-scale"
                            labels=true
                        />
                        <div class="table-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().sub_blocks>
                            <table class="quantize-table" data-testid="block-subs">
                                <thead>
                                    <tr>
                                        <th>{tr.scale_columns[0]}</th>
                                        <th>{tr.scale_columns[1]}</th>
                                        <th>{tr.scale_columns[2]}</th>
                                        <th>{tr.scale_columns[3]}</th>
                                        <th>{tr.scale_columns[4]}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    <For each=move || shown.with(|d| d.subs.clone()) key=|s| s.clone() children=sub_row />
                                </tbody>
                            </table>
                        </div>
                        <TableExport target="block-subs" table=Signal::derive(move || shown.with(|d| model::subs_export(&d.subs, crate::ui::lang::lang_now().block()))) />
                    </div>
                </Show>
                <div class="card">
                    <h2>{tr.headings[3]}</h2>
                    <p class="hint">{tr.values_hint}</p>
                    <BlockValues
                        rows=Signal::derive(move || shown.with(|d| d.values.clone()))
                        selection=selection
                        on_select=Callback::new(move |i: usize| model.select(Selection::Element(i)))
                        has_min=Signal::derive(move || shown.with(|d| d.t.info().has_min))
                    />
                    <TableExport target="block-values" table=Signal::derive(move || shown.with(|d| model::values_export(&d.values, d.t.info().has_min, crate::ui::lang::lang_now().block()))) />
                </div>
            </div>
        </section>
    }
}
