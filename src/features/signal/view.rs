//! Quantized signals: a sine (or ramp, or noise) quantized in any set of schemes, the
//! reconstructions over the original, the error curves, a hover read-out and the metrics.
//! A signal of at most `lowbit_jobs::placement::MAIN_THREAD_MAX_WORK` element-operations
//! (samples × schemes) is computed here at once by [`super::model::compute`]; a larger one (up
//! to 2^20 samples) by the compute worker, with a progress bar, the last result kept on
//! screen marked stale until the new one arrives (a superseded job's result never shows).
//! This view holds the state, times each re-plot and lays out the components.

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
use crate::ui::{JobProgress, StaleNote};
use crate::worker::JobStatus;
use lowbit_jobs::protocol::{decode_outcome_as, outcome_tag, Progress};
use lowbit_jobs::signal::SignalOutcome;

/// The chart width, in device pixels, a worker's result is decimated for (min and max per
/// column: 2 points a column, so steps and spikes stay visible at any zoom up to this).
pub const WORKER_COLUMNS: usize = 2048;

/// The signal view's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct SignalModel {
    /// The parameters (mirrored in the URL).
    pub params: RwSignal<SignalParams>,
    /// The sample under the pointer.
    pub hover: RwSignal<Option<usize>>,
    /// Why the last value typed into a control was refused (what is shown is older).
    pub refused: RwSignal<Option<String>>,
    /// The last result of the compute worker, and the parameters it is for.
    pub remote: RwSignal<Option<(SignalParams, SignalResult)>>,
    /// The progress of the worker's job for the current parameters (None: none running).
    pub progress: RwSignal<Option<Progress>>,
    /// Why the worker's job failed (the worker restarts for the next one).
    pub failure: RwSignal<Option<String>>,
}

impl SignalModel {
    /// A model showing `params`.
    pub fn new(params: SignalParams) -> SignalModel {
        SignalModel {
            params: RwSignal::new(params),
            hover: RwSignal::new(None),
            refused: RwSignal::new(None),
            remote: RwSignal::new(None),
            progress: RwSignal::new(None),
            failure: RwSignal::new(None),
        }
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
    let lang = crate::ui::lang::lang_now();
    let tr = lang.signal();
    let params = model.params;
    let on_main_thread = Memo::new(move |_| params.with(model::runs_on_main_thread));
    let result: Memo<SignalResult> = Memo::new(move |_| {
        if !on_main_thread.get() {
            // The worker's last result (its views are a few thousand points), or nothing yet.
            return model.remote.with(|r| r.as_ref().map(|(_, r)| r.clone()).unwrap_or_default());
        }
        let started = perf::now();
        let r = params.with(model::compute);
        perf::record("signal-compute-ms", perf::now() - started);
        r
    });
    // What a worker's result depends on (the error mode is only how it is drawn).
    let job_key = Memo::new(move |_| params.with(|p| SignalParams { relative: false, ..p.clone() }));
    // Whether what is shown comes from the worker for other parameters (a job is on its way).
    let outdated = Memo::new(move |_| !on_main_thread.get() && model.remote.with(|r| r.as_ref().is_none_or(|(p, _)| job_key.with(|k| p != k))));
    let status = JobStatus { progress: model.progress, failure: model.failure };
    Effect::new(move |_| {
        let wanted = job_key.get();
        if on_main_thread.get() {
            status.stand_down("signal");
            return;
        }
        if !outdated.get_untracked() {
            return;
        }
        let (job, notices) = model::signal_job(&wanted, WORKER_COLUMNS);
        let decode = |b: &[u8]| decode_outcome_as::<SignalOutcome>(b, outcome_tag::SIGNAL);
        status.run("signal", &job, 1 + job.schemes.len() as u32, decode, "signal-worker-ms", move |outcome, _| {
            let shown = model::from_outcome(&wanted, &outcome, notices.clone());
            model.remote.set(Some((wanted.clone(), shown)));
        });
    });
    let relative = Signal::derive(move || params.with(|p| p.relative));
    // The charts' text summaries (worded by the model), under each chart.
    let plot_summary = Memo::new(move |_| result.with(|r| r.summary(false, false, tr)));
    let error_summary = Memo::new(move |_| {
        let rel = relative.get();
        result.with(|r| r.summary(true, rel, tr))
    });
    let rows = Signal::derive(move || result.with(|r| r.series.iter().map(|s| s.row.clone()).collect::<Vec<_>>()));
    let notes =
        Signal::derive(move || result.with(|r| r.notices.iter().cloned().chain(r.notes(lang)).collect::<Vec<_>>()));
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
                <h2>{tr.headings[0]}</h2>
                <SignalPresets presets=model::presets(tr) params=params on_select=move |p| model.set(p) />
                <SignalControls params=params on_change=move |p| model.set(p) on_refuse=move |e| model.refused.set(e) />
            </div>
            <StaleNote why=model.refused />
            <JobProgress progress=model.progress testid="signal-progress" />
            {move || model.failure.get().map(|message| view! {
                <p class="worker-error" role="alert" data-testid="signal-worker-error">
                    {(tr.failed)(&message)}
                </p>
            })}
            <div
                class="signal-layout"
                data-stale=move || if outdated.get() { Some("true") } else { model.refused.with(|e| stale_attr(e.as_ref())) }
                data-samples=move || result.with(|r| r.samples)
                data-decimated=move || result.with(|r| (!r.indices.is_empty()).then_some("true"))
            >
                <aside class="card scheme-card">
                    <h2>{tr.headings[1]}</h2>
                    <SignalSchemes selected=selected on_toggle=on_toggle />
                </aside>
                <div class="signal-main">
                    <div class="card plot-card">
                        <h2>{tr.headings[2]}</h2>
                        <SignalCanvas
                            testid="sine-plot"
                            label=tr.chart_labels[0]
                            plot=PlotKind::Signal
                            height=340.0
                            result=result
                            relative=relative
                            hover=model.hover
                        />
                        <p class="chart-summary" id="sine-plot-summary" data-testid="sine-plot-summary">{plot_summary}</p>
                        <div class="plot-header">
                            <h2>{tr.headings[3]}</h2>
                            <SignalErrorMode relative=relative on_change=on_relative />
                        </div>
                        <SignalCanvas
                            testid="error-plot"
                            label=tr.chart_labels[1]
                            plot=PlotKind::Error
                            height=240.0
                            result=result
                            relative=relative
                            hover=model.hover
                        />
                        <p class="chart-summary" id="error-plot-summary" data-testid="error-plot-summary">{error_summary}</p>
                        <SignalHover hover=hover />
                    </div>
                    <div class="card">
                        <h2>{tr.headings[4]}</h2>
                        <SignalMetrics rows=rows />
                        <SignalNotes notes=notes />
                    </div>
                </div>
            </div>
        </section>
    }
}
