//! The signal's controls: wave, amplitude, periods, samples and block size. Number boxes
//! apply on change (Enter or leaving the box), sliders while they move; a value the signal
//! view would refuse is reported inline and changes nothing.

use leptos::prelude::*;
use lowbit_core::decimal::js_string;

use super::model::{self, SignalParams};
use crate::ui::InlineError;

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
    /// Told the refusal message of a refused value, and None when a value is accepted (so the
    /// view can mark what it shows as not matching the controls).
    #[prop(optional, into)]
    on_refuse: Option<Callback<Option<String>>>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().signal();
    let error = RwSignal::new(None::<String>);
    // Applies one parameter through the URL parser, so the UI and the URL accept the same.
    let apply = move |key: &'static str, text: String| {
        let mut next = params.get_untracked();
        let mut notices = next.apply(key, &text).unwrap_or_default();
        if notices.is_empty() {
            notices = next.settle();
        }
        match notices.into_iter().next().map(|n| n.text(crate::ui::lang::lang_now().notices())) {
            Some(e) => {
                error.set(Some(e.clone()));
                if let Some(r) = on_refuse {
                    r.run(Some(e));
                }
            }
            None => {
                error.set(None);
                if let Some(r) = on_refuse {
                    r.run(None);
                }
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
    // A selector over (value, label) choices; the one equal to `current` is selected.
    let select = move |key: &'static str, label: &'static str, choices: Signal<Vec<(String, String)>>, current: Signal<String>| {
        view! {
            <label class="control">
                <span>{label}</span>
                <select data-testid=format!("signal-{key}") on:change=move |ev| apply(key, event_target_value(&ev))>
                    <For
                        each=move || choices.get()
                        key=|(value, _)| value.clone()
                        children=move |(value, text)| {
                            let v = value.clone();
                            view! {
                                <option value=value prop:selected=move || current.with(|c| *c == v)>
                                    {text}
                                </option>
                            }
                        }
                    />
                </select>
            </label>
        }
    };
    let waves = Signal::derive(move || {
        model::wave_choices(tr).into_iter().map(|(k, l)| (k.id().to_string(), l.to_string())).collect()
    });
    let wave = Signal::derive(move || params.with(|p| p.kind.id().to_string()));
    let blocks = Signal::derive(move || params.with(|p| model::block_choices(p.block).into_iter().map(|b| (b.to_string(), b.to_string())).collect()));
    let block = Signal::derive(move || params.with(|p| p.block.to_string()));
    let amplitude = Signal::derive(move || params.with(|p| js_string(p.amplitude)));
    let periods = Signal::derive(move || params.with(|p| js_string(p.periods)));
    let samples = Signal::derive(move || params.with(|p| p.samples.to_string()));
    view! {
        <div class="signal-controls" data-testid="signal-controls">
            {select("wave", tr.controls[0], waves, wave)}
            {number("amplitude", tr.controls[1], amplitude, Some(("0.1", "10", "0.1")))}
            {number("periods", tr.controls[2], periods, Some(("0.5", "16", "0.5")))}
            {number("samples", tr.controls[3], samples, Some(("16", "2048", "16")))}
            {select("block", tr.controls[4], blocks, block)}
            <InlineError testid="signal-input-error" message=error />
        </div>
    }
}
