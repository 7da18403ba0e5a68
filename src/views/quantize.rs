//! Quantize: the user's own numbers quantized by one scheme, step by step — codes, packed
//! bytes, scales, the reconstruction, the metrics and the trace table, with a note where the
//! inputs are an example of a seed article. Everything shown is computed and written as markup
//! by [`crate::quantize_model`] (which keeps the wasm small); this view holds the state and
//! handles the controls' events, delegated to their container by `data-testid`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::quantize_model::{self, QuantizeParams};

/// The Quantize view's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct QuantizeModel {
    /// The parameters (mirrored in the URL).
    pub params: RwSignal<QuantizeParams>,
}

impl QuantizeModel {
    /// A model showing `params`.
    pub fn new(params: QuantizeParams) -> QuantizeModel {
        QuantizeModel { params: RwSignal::new(params) }
    }
}

/// The `data-testid` of an event's target.
fn target_id(ev: &web_sys::Event) -> String {
    ev.target().and_then(|t| t.unchecked_into::<web_sys::Element>().get_attribute("data-testid")).unwrap_or_default()
}

/// The Quantize view (`quantize-input`, `quantize-scheme`, `quantize-block`, inline error
/// `quantize-input-error`; results `quantize-codes`, `quantize-packed`, `quantize-dequantized`,
/// `quantize-metrics`, `quantize-trace`, `quantize-note`).
#[component]
pub fn QuantizeView(
    /// The view's state.
    model: QuantizeModel,
) -> impl IntoView {
    let params = model.params;
    let error = RwSignal::new(None::<String>);
    // Applies one parameter; a refused value is reported inline and the previous result stays.
    let apply = move |key: &str, value: String| {
        let mut next = params.get_untracked();
        let outcome = match key {
            "values" => quantize_model::parse_values(&value).map(|v| next.values = v),
            "scheme" => next.apply("scheme", &value).map(|()| next.block = None),
            _ => next.apply("block", &value).and_then(|()| next.settle().into_iter().next().map_or(Ok(()), Err)),
        };
        match outcome {
            Ok(()) => {
                error.set(None);
                params.set(next);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let on_input = move |ev: web_sys::Event| {
        if target_id(&ev) == "quantize-input" {
            apply("values", event_target_value(&ev));
        }
    };
    let on_change = move |ev: web_sys::Event| match target_id(&ev).as_str() {
        "quantize-scheme" => apply("scheme", event_target_value(&ev)),
        "quantize-block" => apply("block", event_target_value(&ev)),
        _ => {}
    };
    // The text box and the picker are written once (the browser keeps what the user types).
    let controls = params.with_untracked(quantize_model::controls_html);

    view! {
        <section class="quantize" data-testid="quantize">
            <div class="card quantize-controls" on:input=on_input on:change=on_change>
                <div inner_html=controls></div>
                <div inner_html=move || params.with(quantize_model::block_html)></div>
                <div inner_html=move || error.with(|e| quantize_model::error_html(e.as_deref()))></div>
            </div>
            <div class="quantize-output" inner_html=move || params.with(|p| quantize_model::view_html(&quantize_model::compute(p)))></div>
        </section>
    }
}
