//! Quantize: the user's own numbers quantized by one scheme, step by step — codes, packed
//! bytes, scales, the reconstruction, the metrics and the trace table, with a note where the
//! inputs are an example of a seed article. What it shows is [`super::model::display`] of the
//! accepted parameters; a refused input leaves the last result marked as stale.

use leptos::prelude::*;

use super::controls::QuantizeControls;
use super::model::{self, QuantizeDisplay, QuantizeParams};
use super::results::QuantizeResults;
use super::trace::QuantizeTrace;
use crate::ui::stale::stale_attr;
use crate::ui::StaleNote;

/// The Quantize view's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct QuantizeModel {
    /// The accepted parameters (mirrored in the URL).
    pub params: RwSignal<QuantizeParams>,
    /// The text in the numbers box (may hold a refused input).
    pub text: RwSignal<String>,
    /// Why the last input was refused; None when what is shown is the input's result.
    pub error: RwSignal<Option<String>>,
    /// How the accepted text of the numbers box was read (decimal commas, ignored arguments);
    /// empty for a plain list, a refused text, or numbers from the URL.
    pub paste_notes: RwSignal<Vec<String>>,
}

impl QuantizeModel {
    /// A model showing `params`.
    pub fn new(params: QuantizeParams) -> QuantizeModel {
        let text = box_text(&params);
        QuantizeModel {
            params: RwSignal::new(params),
            text: RwSignal::new(text),
            error: RwSignal::new(None),
            paste_notes: RwSignal::new(Vec::new()),
        }
    }

    /// Shows `params` (Back/Forward), replacing whatever was typed.
    pub fn restore(&self, params: QuantizeParams) {
        self.text.set(box_text(&params));
        self.error.set(None);
        self.paste_notes.set(Vec::new());
        self.params.set(params);
    }

    /// Applies one control's value (`values`, `scheme` or `block`): accepted, it becomes the
    /// parameters; refused, the parameters stay and the reason is kept in [`Self::error`].
    pub fn apply(&self, key: &str, value: &str) {
        let mut next = self.params.get_untracked();
        let mut notes = None;
        let outcome = match key {
            "values" => model::read_pasted(value).map(|p| {
                next.values = p.values;
                notes = Some(p.notes);
            }),
            "scheme" => next.apply("scheme", value).map(|()| next.block = None),
            _ => next.apply(key, value).and_then(|()| next.settle().into_iter().next().map_or(Ok(()), Err)),
        };
        match outcome {
            Ok(()) => {
                self.error.set(None);
                if let Some(notes) = notes {
                    self.paste_notes.set(notes);
                }
                if next != self.params.get_untracked() {
                    self.params.set(next);
                }
            }
            Err(e) => {
                if key == "values" {
                    self.paste_notes.set(Vec::new());
                }
                self.error.set(Some(e));
            }
        }
    }
}

/// The numbers box's text for `params` ("-0.5, 0.3, 1.2, -2.1").
fn box_text(params: &QuantizeParams) -> String {
    model::box_values_text(&params.values)
}

/// The Quantize view (`quantize-input`, `quantize-scheme`, `quantize-block`, inline error
/// `quantize-input-error`, how a paste was read `quantize-paste-note`; results `quantize-codes`, `quantize-packed`, `quantize-dequantized`,
/// `quantize-metrics`, `quantize-trace`, `quantize-note`; `data-stale="true"` on the results
/// while the input is refused).
#[component]
pub fn QuantizeView(
    /// The view's state.
    model: QuantizeModel,
) -> impl IntoView {
    let shown: Memo<QuantizeDisplay> = Memo::new(move |_| model.params.with(|p| model::display(&model::compute(p))));
    let stale = move || model.error.with(|e| stale_attr(e.as_ref()));
    let claims = move || shown.with(|d| d.claims.clone());
    view! {
        <section class="quantize" data-testid="quantize">
            <QuantizeControls model=model />
            <StaleNote why=model.error />
            <div class="quantize-output" data-testid="quantize-output" data-stale=stale>
                <Show when=move || shown.with(|d| !d.claims.is_empty())>
                    <div class="card quantize-note" data-testid="quantize-note" role="note">
                        <For
                            each=claims
                            key=|c| c.text.clone()
                            children=|c| {
                                view! {
                                    <p class="quantize-claim" class:wrong=!c.agrees data-agrees=c.agrees.to_string()>
                                        {c.text}
                                    </p>
                                }
                            }
                        />
                    </div>
                </Show>
                <div class="card">
                    <h2>"Result"</h2>
                    <QuantizeResults shown=shown />
                </div>
                <Show when=move || shown.with(|d| !d.trace.is_empty())>
                    <div class="card">
                        <h2>"Step by step"</h2>
                        <QuantizeTrace
                            columns=Signal::derive(move || shown.with(|d| d.trace_columns.clone()))
                            code_column=Signal::derive(move || shown.with(|d| d.code_column))
                            rows=Signal::derive(move || shown.with(|d| d.trace.clone()))
                        />
                    </div>
                </Show>
            </div>
        </section>
    }
}
