//! The signal's controls: wave, amplitude, periods, samples and block size. Number boxes
//! apply on change (Enter or leaving the box), sliders while they move; a value the signal
//! view would refuse is reported inline and changes nothing.

use leptos::prelude::*;
use lowbit_core::decimal::js_string;

use crate::signal_model::{self, SignalParams};

/// The controls (`signal-wave`, `signal-amplitude`, `signal-periods`, `signal-samples`,
/// `signal-block`, sliders `…-slider`, inline error `signal-input-error`).
#[component]
pub fn SignalControls(
    /// The current parameters.
    #[prop(into)]
    params: Signal<SignalParams>,
    /// Called with the new parameters after a valid change.
    #[prop(into)]
    on_change: Callback<SignalParams>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    // Applies one parameter through the URL parser, so the UI and the URL accept the same.
    let apply = move |key: &'static str, text: String| {
        let mut next = params.get_untracked();
        let mut notices = next.apply(key, &text).unwrap_or_default();
        if notices.is_empty() {
            notices = next.settle();
        }
        match notices.into_iter().next() {
            Some(e) => error.set(Some(e)),
            None => {
                error.set(None);
                on_change.run(next);
            }
        }
    };
    let number = move |key: &'static str, label: &'static str, value: Signal<String>, slider: Option<(&'static str, &'static str, &'static str)>| {
        view! {
            <label class="control">
                <span>{label}</span>
                <input
                    type="number"
                    data-testid=format!("signal-{key}")
                    prop:value=move || value.get()
                    on:change=move |ev| apply(key, event_target_value(&ev))
                />
                {slider.map(|(min, max, step)| {
                    view! {
                        <input
                            type="range"
                            class="slider"
                            data-testid=format!("signal-{key}-slider")
                            aria-label=label
                            min=min
                            max=max
                            step=step
                            prop:value=move || value.get()
                            on:input=move |ev| apply(key, event_target_value(&ev))
                        />
                    }
                })}
            </label>
        }
    };
    let select = move |key: &'static str, label: &'static str, options: Signal<String>| {
        view! {
            <label class="control">
                <span>{label}</span>
                <select
                    data-testid=format!("signal-{key}")
                    inner_html=move || options.get()
                    on:change=move |ev| apply(key, event_target_value(&ev))
                ></select>
            </label>
        }
    };
    let wave_options = Signal::derive(move || params.with(|p| signal_model::wave_options_html(p.kind)));
    let block_options = Signal::derive(move || params.with(|p| signal_model::block_options_html(p.block)));
    let amplitude = Signal::derive(move || params.with(|p| js_string(p.amplitude)));
    let periods = Signal::derive(move || params.with(|p| js_string(p.periods)));
    let samples = Signal::derive(move || params.with(|p| p.samples.to_string()));
    view! {
        <div class="signal-controls" data-testid="signal-controls">
            {select("wave", "signal", wave_options)}
            {number("amplitude", "amplitude (σ for noise)", amplitude, Some(("0.1", "10", "0.1")))}
            {number("periods", "periods (2 = 4π)", periods, Some(("0.5", "16", "0.5")))}
            {number("samples", "samples", samples, Some(("16", "2048", "16")))}
            {select("block", "block size", block_options)}
            {move || error.get().map(|e| view! { <p class="inline-error" role="alert" data-testid="signal-input-error">{e}</p> })}
        </div>
    }
}
