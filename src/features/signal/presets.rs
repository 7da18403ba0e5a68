//! One-click examples: the seed article's plots first.

use leptos::prelude::*;

use super::model::{Preset, SignalParams};

/// The example buttons (`data-testid="preset-ID"`; the seed's bnb FP4 sine is also
/// `data-testid="seed-example"`).
#[component]
pub fn SignalPresets(
    /// The examples.
    presets: Vec<Preset>,
    /// The current parameters (the matching example is marked).
    #[prop(into)]
    params: Signal<SignalParams>,
    /// Called with the parameters of a clicked example.
    #[prop(into)]
    on_select: Callback<SignalParams>,
) -> impl IntoView {
    view! {
        <div class="presets" data-testid="signal-presets">
            {presets
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let testid = if i == 0 { "seed-example".to_string() } else { format!("preset-{}", p.id) };
                    let target = p.params.clone();
                    let preset = p.clone();
                    view! {
                        <button
                            type="button"
                            class="preset"
                            class:active=move || params.with(|now| preset.matches(now))
                            data-testid=testid
                            data-preset=p.id
                            title=p.description
                            on:click=move |_| on_select.run(target.clone())
                        >
                            {p.label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
