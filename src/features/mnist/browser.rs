//! The digit browser, in the seed's `dataset[4]` style: a test digit (`sample=`), its label,
//! and every scheme's logits and prediction side by side.

use leptos::prelude::*;
use lowbit_mnist::data::TEST_DIGITS;

use super::digit_image::DigitImage;
use super::logits::LogitsTable;
use super::params::parse_sample;
use super::view::MnistModel;
use crate::ui::InlineError;

/// The browser.
#[component]
pub fn MnistBrowser(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let refused = RwSignal::new(None::<String>);
    let set = move |i: usize| {
        refused.set(None);
        model.params.update(|p| p.sample = i);
    };
    let current = move || model.params.with(|p| p.sample);
    let pixels = Signal::derive(move || model.sample.with(|s| s.as_ref().map(|d| d.image.clone()).unwrap_or_default()));
    let rows = Signal::derive(move || model.sample.with(|s| s.as_ref().map(|d| d.schemes.clone()).unwrap_or_default()));
    let label = Signal::derive(move || model.sample.with(|s| s.as_ref().and_then(|d| d.label)));
    let shown = move || model.sample.with(|s| s.as_ref().and_then(|d| d.index));
    let stale = move || (shown() != Some(current())).then_some("true");
    view! {
        <div class="mnist-browser" data-testid="mnist-sample" data-sample=move || current().to_string() data-stale=stale>
            <div class="mnist-browser-controls">
                <label>
                    {tr.test_digit}
                    <input
                        type="number"
                        min="0"
                        max=TEST_DIGITS - 1
                        data-testid="mnist-sample-input"
                        prop:value=move || current().to_string()
                        on:change=move |ev| match parse_sample(&event_target_value(&ev)) {
                            Ok(i) => set(i),
                            Err(e) => refused.set(Some(e)),
                        }
                    />
                    " of 0–" {TEST_DIGITS - 1}
                </label>
            </div>
            <InlineError testid="mnist-sample-error" message=refused />
            <InlineError testid="mnist-sample-failed" message=model.sample_error />
            <div class="mnist-browser-body">
                <div>
                    <DigitImage testid="mnist-sample-image" pixels=pixels size=140 />
                    <p class="digit-label" data-testid="mnist-sample-label">{move || label.get().map(|l| format!("label {l}")).unwrap_or_default()}</p>
                </div>
                <LogitsTable testid="mnist-sample-logits" rows=rows label=label logits=true />
            </div>
        </div>
    }
}
