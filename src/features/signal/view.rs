//! Quantized signals: a sine (or ramp, or noise) quantized in any set of schemes, the
//! reconstructions over the original, the error curves, a hover read-out and the metrics.
//! Everything shown is computed by [`super::model::compute`]; this view holds the
//! state, times each re-plot and lays out the components.

use leptos::prelude::*;

use super::canvas::{PlotKind, SignalCanvas};
use super::controls::SignalControls;
use super::error_mode::SignalErrorMode;
use super::hover::SignalHover;
use super::metrics::SignalMetrics;
use super::model::{self, SignalParams, SignalResult};
use super::notes::SignalNotes;
use super::presets::SignalPresets;
use super::schemes::SignalSchemes;
use crate::perf;
use crate::ui::stale::stale_attr;
use crate::ui::StaleNote;

/// The signal view's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct SignalModel {
    /// The parameters (mirrored in the URL).
    pub params: RwSignal<SignalParams>,
    /// The sample under the pointer.
    pub hover: RwSignal<Option<usize>>,
    /// Why the last value typed into a control was refused (what is shown is older).
    pub refused: RwSignal<Option<String>>,
}

impl SignalModel {
    /// A model showing `params`.
    pub fn new(params: SignalParams) -> SignalModel {
        SignalModel { params: RwSignal::new(params), hover: RwSignal::new(None), refused: RwSignal::new(None) }
    }

    /// Shows `params` (Back/Forward).
    pub fn restore(&self, params: SignalParams) {
        self.refused.set(None);
        self.params.set(params);
    }

    /// Shows new parameters and records how long the re-plot took (`data-perf-replot-ms`:
    /// quantizing, metrics and both charts).
    pub fn set(&self, params: SignalParams) {
        let started = perf::now();
        self.params.set(params);
        perf::record_after_update("replot-ms", started);
    }
}

/// The signal view.
#[component]
pub fn SignalView(
    /// The view's state.
    model: SignalModel,
) -> impl IntoView {
    let params = model.params;
    let result: Memo<SignalResult> = Memo::new(move |_| {
        let started = perf::now();
        let r = params.with(model::compute);
        perf::record("signal-compute-ms", perf::now() - started);
        r
    });
    let relative = Signal::derive(move || params.with(|p| p.relative));
    let rows = Signal::derive(move || result.with(|r| r.series.iter().map(|s| s.row.clone()).collect::<Vec<_>>()));
    let notes = Signal::derive(move || result.with(|r| r.notices.iter().cloned().chain(r.notes()).collect::<Vec<_>>()));
    let selected = Signal::derive(move || params.with(|p| p.schemes.clone()));
    let hover = Signal::derive(move || model.hover.get().and_then(|i| result.with(|r| r.hover(i))));
    let on_toggle = move |id: String| {
        let mut next = params.get_untracked();
        next.toggle_scheme(&id);
        model.set(next);
    };
    let on_relative = move |rel: bool| {
        let mut next = params.get_untracked();
        next.relative = rel;
        model.set(next);
    };

    view! {
        <section class="signal" data-testid="signal">
            <div class="card">
                <h2>"Examples"</h2>
                <SignalPresets presets=model::presets() params=params on_select=move |p| model.set(p) />
                <SignalControls params=params on_change=move |p| model.set(p) on_refuse=move |e| model.refused.set(e) />
            </div>
            <StaleNote why=model.refused />
            <div class="signal-layout" data-stale=move || model.refused.with(|e| stale_attr(e.as_ref()))>
                <aside class="card scheme-card">
                    <h2>"Schemes"</h2>
                    <SignalSchemes selected=selected on_toggle=on_toggle />
                </aside>
                <div class="signal-main">
                    <div class="card plot-card">
                        <h2>"Original and reconstructions"</h2>
                        <SignalCanvas
                            testid="sine-plot"
                            label="the original signal and its quantized reconstructions, as steps"
                            plot=PlotKind::Signal
                            height=340.0
                            result=result
                            relative=relative
                            hover=model.hover
                        />
                        <div class="plot-header">
                            <h2>"Error per sample"</h2>
                            <SignalErrorMode relative=relative on_change=on_relative />
                        </div>
                        <SignalCanvas
                            testid="error-plot"
                            label="the error of each reconstruction per sample"
                            plot=PlotKind::Error
                            height=240.0
                            result=result
                            relative=relative
                            hover=model.hover
                        />
                        <SignalHover hover=hover />
                    </div>
                    <div class="card">
                        <h2>"Metrics"</h2>
                        <SignalMetrics rows=rows />
                        <SignalNotes notes=notes />
                    </div>
                </div>
            </div>
        </section>
    }
}
