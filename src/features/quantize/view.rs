//! Quantize: the user's own numbers quantized by one scheme, step by step — codes, packed
//! bytes, scales, the reconstruction, the metrics and the trace table, with a note where the
//! inputs are an example of a seed article. A refused input leaves the last result marked as
//! stale.
//!
//! Where it runs: up to `lowbit_jobs::placement::MAIN_THREAD_MAX_WORK` (8,192) values are
//! quantized here at once by [`model::run_here`]; more (up to 2^20) by the compute worker,
//! which runs the same task, with a progress bar, the last result kept on screen marked stale
//! until the new one arrives (a superseded job's result never shows), and a failure said in a
//! sentence (the worker restarts for the next job). Either way the trace table holds only a
//! window of rows ([`super::window`]), read from the kept quantization for the rows in view.

use std::cell::Cell;

use js_sys::JsString;
use leptos::prelude::*;
use lowbit_jobs::placement::MAIN_THREAD_MAX_WORK;
use lowbit_jobs::paste::PasteOutcome;
use lowbit_jobs::quantize::{QuantizePastedJob, PASTE_NOT_KEPT};
use lowbit_jobs::protocol::{decode_outcome_as, outcome_tag, JobId, Progress};
use lowbit_jobs::quantize::{QuantizeData, QuantizeOutcome, TraceJob, TraceOutcome, TraceRowData, MAX_TRACE_ROWS};

use super::controls::QuantizeControls;
use super::held;
use super::model::{self, QuantizeDisplay, QuantizeParams, QuantizeResult, WorkerValues};
use super::results::QuantizeResults;
use super::stages::{Part, Stages};
use super::trace::QuantizeTrace;
use super::window;
use crate::i18n::Lang;
use crate::chart::LevelsChart;
use crate::export::TableFormat;
use crate::perf;
use crate::ui::chart_canvas::ChartCanvas;
use crate::ui::export::{download_table, TableExportButtons};
use crate::ui::{JobProgress, StaleNote};
use crate::worker::{self, JobEvent, JobStatus};

/// A result of the compute worker: the parameters it is for, and its job (trace windows read
/// the quantization the worker keeps for it).
#[derive(Clone, Debug, PartialEq)]
pub struct RemoteResult {
    /// The parameters quantized.
    pub params: QuantizeParams,
    /// What the view shows of it.
    pub result: QuantizeResult,
    /// The worker's job id.
    pub job: JobId,
}

/// A long paste kept out of the numbers box ([`held`]): the browser's string, never copied
/// into the page's memory while it is held.
#[derive(Clone, Debug)]
pub struct Held {
    /// Which paste (a new one for each paste: the text is never compared, megabytes would cost
    /// what keeping them out of the box saves).
    pub serial: u64,
    /// The text.
    pub text: JsString,
    /// Its size: in bytes of UTF-8 once read (until then its length in UTF-16 units, the
    /// same for ASCII).
    pub bytes: usize,
    /// How many numbers it read as; None while it is read, or when it was refused.
    pub count: Option<usize>,
}

impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        (self.serial, self.bytes, self.count) == (other.serial, other.bytes, other.count)
    }
}

thread_local! {
    /// The last paste's [`Held::serial`].
    static PASTES: Cell<u64> = const { Cell::new(0) };
}

/// The Quantize view's state; `Copy`, kept by the lazily loaded module so it survives
/// switching views.
#[derive(Clone, Copy)]
pub struct QuantizeModel {
    /// The accepted parameters (mirrored in the URL).
    pub params: RwSignal<QuantizeParams>,
    /// The text in the numbers box (may hold a refused input).
    pub text: RwSignal<String>,
    /// A long paste kept out of the box (the box's place shows a summary of it).
    pub held: RwSignal<Option<Held>, LocalStorage>,
    /// While the compute worker reads a long text: its progress.
    pub reading: RwSignal<Option<Progress>>,
    /// Whether the box's text is not read yet: the worker is reading it, or failed to (the
    /// result shown is then not the box's, and marked stale).
    pub unread: RwSignal<bool>,
    /// Why the last input was refused; None when what is shown is the input's result.
    pub error: RwSignal<Option<String>>,
    /// How the accepted text of the numbers box was read (decimal commas, ignored arguments);
    /// empty for a plain list, a refused text, or numbers from the URL.
    pub paste_notes: RwSignal<Vec<lowbit_jobs::paste::PasteNote>>,
    /// The compute worker's last result.
    pub remote: RwSignal<Option<RemoteResult>>,
    /// The progress of the worker's job for the current parameters (None: none running).
    pub progress: RwSignal<Option<Progress>>,
    /// Why the worker's job failed (the worker restarts for the next one).
    pub failure: RwSignal<Option<String>>,
    /// How far the trace's box is scrolled (CSS pixels; [`window::window_start`] gives the
    /// window's first row).
    pub scroll: RwSignal<f64>,
    /// The worker's rows of a trace window: (job, first row, rows).
    pub remote_rows: RwSignal<Option<(JobId, usize, Vec<TraceRowData>)>>,
    /// Why the worker could not give trace rows.
    pub trace_failure: RwSignal<Option<String>>,
}

impl QuantizeModel {
    /// A model showing `params`.
    pub fn new(params: QuantizeParams) -> QuantizeModel {
        let text = box_text(&params);
        QuantizeModel {
            params: RwSignal::new(params),
            text: RwSignal::new(text),
            held: RwSignal::new_local(None),
            reading: RwSignal::new(None),
            unread: RwSignal::new(false),
            error: RwSignal::new(None),
            paste_notes: RwSignal::new(Vec::new()),
            remote: RwSignal::new(None),
            progress: RwSignal::new(None),
            failure: RwSignal::new(None),
            scroll: RwSignal::new(0.0),
            remote_rows: RwSignal::new(None),
            trace_failure: RwSignal::new(None),
        }
    }

    /// Shows `params` (Back/Forward), replacing whatever was typed. A URL that left its
    /// values out (more than the URL holds) keeps the view's own values when they are that
    /// many (the same page, seen again).
    pub fn restore(&self, mut params: QuantizeParams) {
        if let Some(n) = params.left_out {
            if let Some((values, in_worker)) = self.params.with_untracked(|p| (p.count() == n).then(|| (p.values.clone(), p.in_worker))) {
                params.values = values;
                params.in_worker = in_worker;
                params.left_out = None;
                self.error.set(None);
                if params != self.params.get_untracked() {
                    self.params.set(params);
                }
                return;
            }
        }
        self.stop_reading();
        self.held.set(None);
        self.text.set(box_text(&params));
        self.error.set(None);
        self.paste_notes.set(Vec::new());
        self.params.set(params);
    }

    /// A paste too long for the box ([`held::is_long`]): kept out of it, summarised in its
    /// place, and read by the compute worker.
    pub fn hold(&self, text: JsString) {
        let serial = PASTES.with(|p| {
            p.set(p.get() + 1);
            p.get()
        });
        self.text.set(String::new());
        let bytes = text.length() as usize;
        self.held.set(Some(Held { serial, text: text.clone(), bytes, count: None }));
        self.read_in_worker(text, Some(serial));
    }

    /// Puts the held paste back into the box to edit it (the visitor's choice: a box holding
    /// megabytes is slow); its edits are read by the compute worker while they are long.
    pub fn edit_held(&self) {
        if let Some(held) = self.held.get_untracked() {
            self.held.set(None);
            self.text.set(String::from(held.text));
        }
    }

    /// Drops the held paste: an empty box.
    pub fn clear_held(&self) {
        self.held.set(None);
        self.text.set(String::new());
        self.apply("values", "");
    }

    /// Abandons the worker's reading of a long text (other numbers replace it).
    fn stop_reading(&self) {
        worker::cancel("quantize-paste");
        self.reading.set(None);
        self.unread.set(false);
    }

    /// Reads a long text in the compute worker, with the page's parser there; its numbers
    /// then apply as a paste read here would (`held`: the held paste it is, whose count it
    /// then sets, with the text's size).
    pub fn read_in_worker(&self, text: JsString, held: Option<u64>) {
        let model = *self;
        self.failure.set(None);
        self.unread.set(true);
        let stage = lowbit_jobs::protocol::Stage::ReadingPaste(held::size(text.length() as usize));
        self.reading.set(Some(Progress { id: 0, done: 0, total: 1, stage, partial: None }));
        let started = perf::now();
        let job = std::rc::Rc::new(Cell::new(0));
        let this_job = job.clone();
        // More numbers than the page quantizes itself stay in the worker: the quantize job
        // names this read (`params.in_worker`), and the page never holds them.
        let id = worker::read_paste("quantize-paste", &text, Some(MAIN_THREAD_MAX_WORK), move |event| match event {
            JobEvent::Progress(_) => {}
            JobEvent::Done(bytes) => {
                let decoded = perf::timed("quantize-paste-decode-ms", || decode_outcome_as::<PasteOutcome>(&bytes, outcome_tag::PASTED));
                // The numbers apply in a task of their own: decoding a million and starting
                // their quantization are two short tasks, not one long one.
                let id = this_job.get();
                set_timeout(
                    move || {
                        if worker::current("quantize-paste") != Some(id) {
                            return;
                        }
                        let applying = perf::now();
                        model.reading.set(None);
                        match decoded {
                            Ok(outcome) => {
                                model.unread.set(false);
                                let count = outcome.count();
                                model.held.update(|h| {
                                    if let Some(h) = h.as_mut().filter(|h| Some(h.serial) == held) {
                                        h.bytes = outcome.bytes;
                                        h.count = count;
                                    }
                                });
                                let in_worker = outcome.kept.map(|count| WorkerValues { paste: id, count });
                                perf::timed("quantize-paste-settle-ms", || model.settle_values(outcome.read, in_worker));
                                perf::record_after_update("quantize-paste-apply-ms", applying);
                                perf::record_after_update("quantize-reading-ms", started);
                            }
                            Err(message) => model.failure.set(Some(message)),
                        }
                    },
                    std::time::Duration::ZERO,
                );
            }
            JobEvent::Failed(message) => {
                model.reading.set(None);
                model.failure.set(Some(message));
            }
        });
        job.set(id);
    }

    /// Reads the pasted text again after the compute worker lost the numbers it kept of it
    /// (it restarted): the held paste, or the long text in the box.
    fn read_again(&self) {
        if let Some(h) = self.held.get_untracked() {
            self.read_in_worker(h.text, Some(h.serial));
        } else {
            let text = self.text.get_untracked();
            if held::is_long(text.len()) {
                self.read_in_worker(JsString::from(text), None);
            }
        }
    }

    /// Applies a read of the numbers box: accepted, its numbers become the parameters' (or,
    /// `in_worker`, the numbers the compute worker keeps) and its notes show; refused, the
    /// parameters stay and the reason shows.
    fn settle_values(&self, read: Result<model::Pasted, String>, in_worker: Option<WorkerValues>) {
        match read {
            Ok(p) => {
                self.error.set(None);
                self.paste_notes.set(p.notes);
                let changed = self.params.with_untracked(|now| now.values != p.values || now.left_out.is_some() || now.in_worker != in_worker);
                if changed {
                    self.params.update(|params| {
                        params.values = p.values;
                        params.left_out = None;
                        params.in_worker = in_worker;
                    });
                }
            }
            Err(e) => {
                self.paste_notes.set(Vec::new());
                self.error.set(Some(e));
            }
        }
    }

    /// Applies one control's value (`values`, `scheme` or `block`): accepted, it becomes the
    /// parameters; refused, the parameters stay and the reason is kept in [`Self::error`].
    /// A long text (more than [`held::is_long`] allows here) is read by the compute worker.
    pub fn apply(&self, key: &str, value: &str) {
        if key == "values" {
            self.stop_reading();
            if held::is_long(value.len()) {
                self.read_in_worker(JsString::from(value), None);
            } else {
                self.settle_values(model::read_pasted(value), None);
            }
            return;
        }
        let mut next = self.params.get_untracked();
        let outcome = match key {
            "scheme" => next.apply("scheme", value).map(|()| next.block = None),
            _ => next.apply(key, value).and_then(|()| next.settle().into_iter().next().map_or(Ok(()), Err)),
        }
        .map_err(|notice| notice.text(crate::ui::lang::lang_now().notices()));
        match outcome {
            Ok(()) => {
                self.error.set(None);
                if self.params.with_untracked(|now| next != *now) {
                    self.params.set(next);
                }
            }
            Err(e) => self.error.set(Some(e)),
        }
    }
}

/// The numbers box's text for `params` ("-0.5, 0.3, 1.2, -2.1").
fn box_text(params: &QuantizeParams) -> String {
    model::box_values_text(&params.values)
}

/// Whether the parameters are quantized on this thread (else in the compute worker).
pub fn runs_here(params: &QuantizeParams) -> bool {
    params.in_worker.is_none() && params.values.len() <= MAIN_THREAD_MAX_WORK
}

/// A result computed on this thread, with what its trace windows read.
type HereRun = std::sync::Arc<(QuantizeResult, QuantizeData)>;

/// The Quantize view (`quantize-input`, `quantize-scheme`, `quantize-block`, inline error
/// `quantize-input-error`, how a paste was read `quantize-paste-note`, the URL notice
/// `quantize-url-note`; results `quantize-codes`, `quantize-packed`, `quantize-dequantized`,
/// `quantize-metrics`, `quantize-trace` in its scroll box `quantize-trace-window`,
/// `quantize-note`; `data-stale="true"` on the results while the input is refused or the
/// worker computes new ones; the worker's `quantize-progress` and `quantize-worker-error`; a
/// long paste's summary `quantize-held` and the worker's reading of it `quantize-reading`;
/// `aria-busy="true"` on `quantize-output` while a worker's result is still being laid out,
/// part after part: [`super::stages`]).
#[component]
pub fn QuantizeView(
    /// The view's state.
    model: QuantizeModel,
) -> impl IntoView {
    let lang = crate::ui::lang::lang_now();
    let tr = lang.quantize();
    let params = model.params;
    let here_thread = Memo::new(move |_| params.with(runs_here));
    // Small inputs: the worker's task, run here at once. For a large input the last result
    // computed here stays (shown, marked stale, until the worker's first result).
    let here: Memo<Option<HereRun>> = Memo::new(move |last: Option<&Option<HereRun>>| {
        if !here_thread.get() {
            return last.cloned().flatten();
        }
        params.with(model::run_here).map(std::sync::Arc::new)
    });
    // Whether the result shown is the one computed here (else the worker's).
    let shows_here = Memo::new(move |_| here_thread.get() || model.remote.with(Option::is_none));
    // Whether what is shown comes from the worker for other parameters (a job is on its way).
    let outdated = Memo::new(move |_| !here_thread.get() && model.remote.with(|r| r.as_ref().is_none_or(|r| params.with(|p| r.params != *p))));
    let has_result = Memo::new(move |_| if shows_here.get() { here.with(Option::is_some) } else { model.remote.with(Option::is_some) });
    let shown: Memo<QuantizeDisplay> = Memo::new(move |_| {
        if shows_here.get() {
            here.with(|h| h.as_ref().map(|h| model::display_without_trace(&h.0, lang)).unwrap_or_default())
        } else {
            perf::timed("quantize-display-ms", || model.remote.with(|r| r.as_ref().map(|r| model::display_without_trace(&r.result, lang)).unwrap_or_default()))
        }
    });
    // The numbers' histogram with the stored values, from the result shown.
    let levels: Memo<LevelsChart> = Memo::new(move |_| {
        if shows_here.get() {
            here.with(|h| h.as_ref().map(|h| model::levels_chart(&h.0, tr))).unwrap_or_default()
        } else {
            model.remote.with(|r| r.as_ref().map(|r| model::levels_chart(&r.result, tr))).unwrap_or_default()
        }
    });
    let levels_signal: Signal<LevelsChart> = levels.into();
    // The histogram's text summary (the canvas's accessible name and the line under it).
    let levels_label = Memo::new(move |_| levels.with(|c| model::levels_summary(c, tr)));
    // A worker's result lays its heavy parts out one animation frame after another; one
    // computed here shows whole at once.
    let stages = Stages::new();
    let laid_out = move |part: Part| shows_here.get() || stages.shows(part);
    let status = JobStatus { progress: model.progress, failure: model.failure };
    let rereads = StoredValue::new(0u32);
    Effect::new(move |_| {
        let wanted = params.get();
        if here_thread.get() {
            status.stand_down("quantize");
            return;
        }
        if !outdated.get_untracked() {
            return;
        }
        let job = model::job(&wanted);
        let decode = |b: &[u8]| decode_outcome_as::<QuantizeOutcome>(b, outcome_tag::QUANTIZE);
        let in_worker = wanted.in_worker;
        let show = move |outcome, job| {
            let result = model::from_outcome(&wanted, outcome);
            model.trace_failure.set(None);
            rereads.set_value(0);
            stages.restart();
            model.remote.set(Some(RemoteResult { params: wanted.clone(), result, job }));
        };
        let _send = perf::timed("quantize-send-ms", || match in_worker {
            // The numbers the worker kept of a long paste: named, not sent.
            Some(w) => status.run("quantize", &QuantizePastedJob { paste: w.paste, job }, 2, decode, "quantize-worker-ms", show),
            None => status.run("quantize", &job, 2, decode, "quantize-worker-ms", show),
        });
    });
    // The worker lost the numbers it kept (it restarted after a failure): the text is read
    // again, and the new numbers quantized (at most twice in a row, so a worker that keeps
    // failing is reported, not retried forever).
    Effect::new(move |_| {
        let lost = model.failure.with(|f| f.as_deref().is_some_and(|m| m.starts_with(PASTE_NOT_KEPT)));
        if lost && params.with_untracked(|p| p.in_worker.is_some()) && rereads.get_value() < 2 {
            rereads.update_value(|n| *n += 1);
            model.failure.set(None);
            model.read_again();
        }
    });

    // The trace window: its rows, read from the kept quantization (here, or in the worker).
    let total = Memo::new(move |_| shown.with(|d| d.count));
    let start = Memo::new(move |_| window::window_start(model.scroll.get(), total.get()));
    let export_trace = trace_export(model, here, shows_here, lang);
    let here_rows = Memo::new(move |_| {
        here.with(|h| {
            h.as_ref().map(|h| {
                let (start, total) = (start.get(), total.get());
                model::trace_rows(&h.0.columns, &h.1.trace(0, start, window::window_len(start, total)).rows)
            })
        })
    });
    Effect::new(move |_| {
        if here_thread.get() {
            return;
        }
        let Some(job) = model.remote.with(|r| r.as_ref().map(|r| r.job)) else { return };
        let (start, total) = (start.get(), total.get());
        if model.remote_rows.with_untracked(|r| matches!(r, Some((j, s, _)) if *j == job && *s == start)) {
            return;
        }
        worker::read("quantize", &TraceJob { quantize: job, start, len: window::window_len(start, total) }, move |event| match event {
            JobEvent::Done(bytes) => match decode_outcome_as::<TraceOutcome>(&bytes, outcome_tag::TRACE) {
                Ok(t) => {
                    model.trace_failure.set(None);
                    model.remote_rows.set(Some((t.quantize, t.start, t.rows)));
                }
                Err(message) => model.trace_failure.set(Some(message)),
            },
            JobEvent::Failed(message) => model.trace_failure.set(Some(message)),
            JobEvent::Progress(_) => {}
        });
    });
    let remote_rows = Memo::new(move |_| {
        model.remote.with(|r| {
            let r = r.as_ref()?;
            model.remote_rows.with(|rows| match rows {
                Some((job, _, rows)) if *job == r.job => Some(model::trace_rows(&r.result.columns, rows)),
                _ => None,
            })
        })
    });
    let rows = Signal::derive(move || {
        if shows_here.get() { here_rows.get().unwrap_or_default() } else { remote_rows.get().unwrap_or_default() }
    });
    // The rows shown may be the last window's while the worker reads the new one: placed
    // where they belong.
    let rows_start = Signal::derive(move || rows.with(|r| r.first().map_or(start.get(), |r| r.index)));
    let offset = Signal::derive(move || window::window_offset_px(model.scroll.get(), rows_start.get(), total.get()));

    let reading = Memo::new(move |_| model.reading.with(Option::is_some));
    let stale = move || if (outdated.get() || model.unread.get()) && has_result.get() { Some("true") } else { model.error.with(|e| e.as_ref().map(|_| "true")) };
    let why_stale = Signal::derive(move || {
        model.error.get().or_else(|| (reading.get() && has_result.get()).then(|| lang.quantize_words().reading_paste.to_string())).or_else(|| {
            (outdated.get() && has_result.get() && model.failure.with(Option::is_none)).then(|| {
                (tr.quantizing)(&model::thousands(params.with(QuantizeParams::count)))
            })
        })
    });
    let url_note = Memo::new(move |_| params.with(model::url_note));
    let claims = move || shown.with(|d| d.claims.clone());
    view! {
        <section class="quantize" data-testid="quantize">
            <QuantizeControls model=model />
            {move || url_note.get().map(|note| view! { <p class="quantize-url-note" data-testid="quantize-url-note" role="note">{note.text(crate::ui::lang::lang_now().notices())}</p> })}
            <StaleNote why=why_stale />
            <JobProgress progress=model.reading testid="quantize-reading" />
            <JobProgress progress=model.progress testid="quantize-progress" />
            {move || model.failure.get().map(|message| view! {
                <p class="worker-error" role="alert" data-testid="quantize-worker-error">
                    {(tr.failed)(&message)}
                </p>
            })}
            <div
                class="quantize-output"
                data-testid="quantize-output"
                data-stale=stale
                data-count=move || has_result.get().then(|| total.get())
                aria-busy=move || (!laid_out(Part::LAST)).then_some("true")
            >
                <Show when=move || shown.with(|d| !d.claims.is_empty())>
                    <div class="card quantize-note" data-testid="quantize-note" role="note">
                        <For
                            each=claims
                            key=|c| c.clone()
                            children=move |c| {
                                view! {
                                    <p class="quantize-claim" class:wrong=!c.agrees data-agrees=c.agrees.to_string()>
                                        {c.text(tr)}
                                    </p>
                                }
                            }
                        />
                    </div>
                </Show>
                <Show when=move || has_result.get()>
                    <div class="card">
                        <h2>{tr.result}</h2>
                        <QuantizeResults
                            shown=shown
                            lists=Signal::derive(move || laid_out(Part::Lists))
                            packed_shown=Signal::derive(move || laid_out(Part::Packed))
                        />
                    </div>
                </Show>
                <Show when=move || has_result.get() && laid_out(Part::Histogram) && levels.with(|c| !c.counts.is_empty())>
                    <div class="card">
                        <h2>{tr.histogram}</h2>
                        <ChartCanvas testid="quantize-histogram" label=levels_label height=260.0 chart=levels_signal />
                        <p class="chart-summary" data-testid="quantize-histogram-summary">{levels_label}</p>
                    </div>
                </Show>
                <Show when=move || has_result.get() && laid_out(Part::Trace) && shown.with(|d| d.count > 0 && !d.trace_columns.is_empty())>
                    <div class="card">
                        <h2>{tr.step_by_step}</h2>
                        <QuantizeTrace
                            columns=Signal::derive(move || shown.with(|d| d.trace_columns.clone()))
                            code_column=Signal::derive(move || shown.with(|d| d.code_column))
                            rows=rows
                            total=total
                            start=rows_start
                            offset=offset
                            on_scroll=Callback::new(move |top: f64| model.scroll.set(top))
                        />
                        <TableExportButtons target="quantize-trace" on_press=export_trace />
                        <Show when=move || { total.get() > MAX_TRACE_ROWS }>
                            <p class="muted" data-testid="quantize-trace-export-rows">{(tr.trace_export_rows)(&super::params::thousands(MAX_TRACE_ROWS))}</p>
                        </Show>
                        {move || model.trace_failure.get().map(|message| view! {
                            <p class="worker-error" role="alert" data-testid="quantize-trace-error">
                                {(tr.trace_failed)(&message)}
                            </p>
                        })}
                    </div>
                </Show>
            </div>
        </section>
    }
}

/// The trace's export buttons' action: the first [`MAX_TRACE_ROWS`] rows of the result shown,
/// read from the kept quantization — here at once, or from the compute worker, then
/// downloaded.
fn trace_export(model: QuantizeModel, here: Memo<Option<HereRun>>, shows_here: Memo<bool>, lang: Lang) -> Callback<TableFormat> {
    let words = lang.quantize_words();
    Callback::new(move |format: TableFormat| {
        if shows_here.get_untracked() {
            here.with_untracked(|h| {
                if let Some(h) = h {
                    let rows = h.1.trace(0, 0, MAX_TRACE_ROWS).rows;
                    download_table("quantize-trace", format, &model::trace_export(&h.0.columns, &model::trace_headings(&h.0, words), &rows));
                }
            });
            return;
        }
        let Some((job, columns, headings)) = model.remote.with_untracked(|r| r.as_ref().map(|r| (r.job, r.result.columns.clone(), model::trace_headings(&r.result, words)))) else { return };
        worker::read("trace-export", &TraceJob { quantize: job, start: 0, len: MAX_TRACE_ROWS }, move |event| match event {
            JobEvent::Done(bytes) => match decode_outcome_as::<TraceOutcome>(&bytes, outcome_tag::TRACE) {
                Ok(t) => download_table("quantize-trace", format, &model::trace_export(&columns, &headings, &t.rows)),
                Err(message) => model.trace_failure.set(Some(message)),
            },
            JobEvent::Failed(message) => model.trace_failure.set(Some(message)),
            JobEvent::Progress(_) => {}
        });
    })
}
