//! The Tensors view: the state ([`TensorsModel`]: the opened file, the chosen tensor, the
//! ranking and its job) and the layout. Reads are asynchronous (`Blob.slice`); a read that a
//! newer one superseded is dropped. The chosen tensor's bytes go to the compute worker in a
//! transferred `ArrayBuffer` (`worker::run_with_bytes("tensors", …)`), which decodes them,
//! counts the histogram (sent with its first progress message) and ranks every scheme, with
//! progress and cancel: nothing of the tensor's size runs on the page's main thread.

use leptos::prelude::*;
use lowbit_jobs::protocol::{decode_outcome_as, outcome_tag, Partial, Progress};
use lowbit_jobs::ranking::{ranking_schemes, RankingOutcome};
use lowbit_jobs::tensor::{TensorJob, TensorOutcome, TensorSummary};
use lowbit_tensors::TensorEntry;

use super::file::{open_header, tensor_bytes, TensorFilePicker};
use super::list::TensorList;
use super::model::{self, Chosen, HistogramChart, OpenedFile};
use crate::i18n::TensorsText;
use super::params::TensorsParams;
use super::ranking::RankingTable;
use crate::ui::{ChartCanvas, InlineError, JobProgress, TableExport};
use crate::worker::{self, JobEvent};

/// The worker slot of the ranking job.
const SLOT: &str = "tensors";

/// What the view is reading, put in words by [`Reading::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    /// A file's header (the file's name).
    Header(String),
    /// A tensor: its name and size (`1 KiB`).
    Tensor(String, String),
}

impl Reading {
    /// The status line in the language of `t`.
    pub fn text(&self, t: &TensorsText) -> String {
        match self {
            Reading::Header(file) => (t.reading_header)(file),
            Reading::Tensor(name, size) => (t.reading_tensor)(name, size),
        }
    }
}

/// Why the ranking did not finish, put in words by [`RankingFailure::text`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RankingFailure {
    /// The worker failed or its answer could not be read (why).
    Failed(String),
    /// The visitor cancelled it.
    Cancelled,
}

impl RankingFailure {
    /// The message in the language of `t`.
    pub fn text(&self, t: &TensorsText) -> String {
        match self {
            RankingFailure::Failed(why) => (t.ranking_failed)(why),
            RankingFailure::Cancelled => t.ranking_cancelled.into(),
        }
    }
}

/// The Tensors view's state; `Copy`, kept by the lazily loaded module for the page's life.
#[derive(Clone, Copy)]
pub struct TensorsModel {
    /// The URL state (the overlaid scheme).
    pub params: RwSignal<TensorsParams>,
    /// The file whose header was read last (kept when a later file is refused).
    pub file: RwSignal<Option<OpenedFile>>,
    /// The browser's handle on that file, for reading tensors from it.
    handle: StoredValue<Option<web_sys::File>, LocalStorage>,
    /// The chosen tensor's name.
    pub chosen_name: RwSignal<Option<String>>,
    /// The chosen tensor's histogram and counts, once the worker has decoded it.
    pub chosen: RwSignal<Option<Chosen>>,
    /// What is being read, while a read is under way.
    pub reading: RwSignal<Option<Reading>>,
    /// Why the last file or tensor was refused.
    pub error: RwSignal<Option<String>>,
    /// The chosen tensor's ranking, once the worker has finished it.
    pub ranking: RwSignal<Option<RankingOutcome>>,
    /// The ranking job's progress while it runs.
    pub progress: RwSignal<Option<Progress>>,
    /// Why the ranking did not finish (failed or cancelled).
    pub failure: RwSignal<Option<RankingFailure>>,
    /// Bumped by every read, so a superseded read's result is dropped.
    generation: StoredValue<u64>,
}

impl TensorsModel {
    /// A model with no file, showing `params`.
    pub fn new(params: TensorsParams) -> TensorsModel {
        TensorsModel {
            params: RwSignal::new(params),
            file: RwSignal::new(None),
            handle: StoredValue::new_local(None),
            chosen_name: RwSignal::new(None),
            chosen: RwSignal::new(None),
            reading: RwSignal::new(None),
            error: RwSignal::new(None),
            ranking: RwSignal::new(None),
            progress: RwSignal::new(None),
            failure: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    /// Shows `params` (Back/Forward).
    pub fn restore(&self, params: TensorsParams) {
        self.params.set(params);
    }

    /// A new read: the generation it must still be current in when it ends.
    fn next_generation(&self) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.generation.get_value()
    }

    fn current(&self, generation: u64) -> bool {
        self.generation.try_get_value() == Some(generation)
    }

    /// Opens a file: reads its header (only), lists its tensors and chooses the first. A
    /// refused file leaves the view as it was, with a message naming the file and the problem.
    pub fn open(self, file: web_sys::File) {
        let generation = self.next_generation();
        let name = file.name();
        self.error.set(None);
        self.reading.set(Some(Reading::Header(name.clone())));
        leptos::task::spawn_local(async move {
            let opened = open_header(&file).await;
            if !self.current(generation) {
                return;
            }
            self.reading.set(None);
            match opened {
                Ok(opened) => {
                    let first = opened.tensors.first().map(|t| t.name.clone());
                    self.handle.set_value(Some(file));
                    self.file.set(Some(opened));
                    self.clear_tensor();
                    if let Some(first) = first {
                        self.choose(first);
                    }
                }
                Err(e) => self.error.set(Some(e.text(&name))),
            }
        });
    }

    /// Forgets the chosen tensor and its ranking (stopping its job).
    fn clear_tensor(&self) {
        worker::cancel(SLOT);
        self.chosen_name.set(None);
        self.chosen.set(None);
        self.ranking.set(None);
        self.progress.set(None);
        self.failure.set(None);
    }

    /// The open file's entry of the tensor `name`.
    fn entry(&self, name: &str) -> Option<TensorEntry> {
        self.file.with_untracked(|f| f.as_ref().and_then(|f| f.tensors.iter().find(|t| t.name == name).cloned()))
    }

    /// Chooses a tensor of the open file: reads only its bytes, which the compute worker
    /// decodes and ranks the schemes on.
    pub fn choose(self, name: String) {
        let Some(entry) = self.entry(&name) else { return };
        self.clear_tensor();
        self.error.set(None);
        self.chosen_name.set(Some(name));
        self.read_and_rank(entry);
    }

    /// Ranks every scheme on the chosen tensor again (after a cancel or a failure): its bytes
    /// are read again (the worker was given the last ones), the histogram stays.
    pub fn rank(self) {
        let Some(entry) = self.chosen_name.with_untracked(|n| n.as_deref().and_then(|n| self.entry(n))) else { return };
        self.read_and_rank(entry);
    }

    /// Reads the tensor's bytes (a `Blob.slice`, as an `ArrayBuffer`) and hands them to the
    /// compute worker; a read superseded meanwhile (another tensor or file) is dropped.
    fn read_and_rank(self, entry: TensorEntry) {
        let Some(file) = self.handle.get_value() else { return };
        let generation = self.next_generation();
        self.ranking.set(None);
        self.failure.set(None);
        self.reading.set(Some(Reading::Tensor(entry.name.clone(), model::bytes_text(entry.byte_len()))));
        leptos::task::spawn_local(async move {
            let read = tensor_bytes(&file, &entry).await;
            if !self.current(generation) {
                return;
            }
            match read {
                Ok(bytes) => self.decode_and_rank(&entry, &bytes),
                Err(e) => {
                    self.reading.set(None);
                    self.error.set(Some(e.text(&entry.name)));
                }
            }
        });
    }

    /// The compute worker's job on the tensor's bytes (transferred: `bytes` is detached after
    /// this): its first progress brings the histogram, its end the ranking or why the bytes
    /// were refused.
    fn decode_and_rank(self, entry: &TensorEntry, bytes: &js_sys::ArrayBuffer) {
        let tensor = entry.name.clone();
        let show = move |chosen: Chosen| {
            self.reading.set(None);
            if self.chosen.with_untracked(|c| c.as_ref() != Some(&chosen)) {
                self.chosen.set(Some(chosen));
            }
        };
        self.progress.set(Some(Progress { id: 0, done: 0, total: TensorJob::total_steps(), stage: lowbit_jobs::protocol::Stage::Starting, partial: None }));
        worker::run_with_bytes(SLOT, &model::tensor_job(entry), bytes, move |event| match event {
            JobEvent::Progress(mut p) => {
                if let Some(Partial::Tensor(t)) = p.partial.take() {
                    if let Ok(t) = TensorSummary::decode(&t) {
                        show(t.into());
                    }
                }
                self.progress.set(Some(p));
            }
            JobEvent::Done(bytes) => {
                self.progress.set(None);
                self.reading.set(None);
                match decode_outcome_as::<TensorOutcome>(&bytes, outcome_tag::TENSOR) {
                    Ok(TensorOutcome::Read { tensor, ranking }) => {
                        show(tensor.into());
                        self.ranking.set(ranking);
                    }
                    Ok(TensorOutcome::Refused(e)) => self.error.set(Some(model::refusal_text(crate::ui::lang::lang_now().tensors(), &tensor, &e))),
                    Err(message) => self.failure.set(Some(RankingFailure::Failed(message))),
                }
            }
            JobEvent::Failed(message) => {
                self.progress.set(None);
                self.reading.set(None);
                self.failure.set(Some(RankingFailure::Failed(message)));
            }
        });
    }

    /// Stops the job (reading, decoding or ranking).
    pub fn cancel(self) {
        self.next_generation();
        worker::cancel(SLOT);
        self.progress.set(None);
        self.reading.set(None);
        self.failure.set(Some(RankingFailure::Cancelled));
    }
}

/// The Tensors view.
#[component]
pub fn TensorsView(
    /// The view's state.
    model: TensorsModel,
) -> impl IntoView {
    let lang = crate::ui::lang::lang_now();
    let t = lang.tensors();
    let rows = Signal::derive(move || model.file.with(|f| f.as_ref().map(model::rows).unwrap_or_default()));
    let overlay = Signal::derive(move || model.params.with(|p| p.scheme.clone()));
    let chart = Memo::new(move |_| {
        model.chosen.with(|c| {
            c.as_ref().map(|c| HistogramChart {
                title: c.name.clone(),
                histogram: c.histogram.clone(),
                overlay: model.ranking.with(|r| r.as_ref().and_then(|r| overlay.with(|o| r.rows.iter().find(|row| row.scheme == *o).cloned()))),
                lang,
            })
        })
    });
    let lines = Signal::derive(move || model.ranking.with(|r| r.as_ref().map(model::rank_lines).unwrap_or_default()));
    let failed = Signal::derive(move || model.ranking.with(|r| r.as_ref().map(|r| r.failed.clone()).unwrap_or_default()));
    let on_overlay = Callback::new(move |scheme: String| model.params.update(|p| p.scheme = scheme));
    let shown_chart = Signal::derive(move || chart.get().unwrap_or_else(|| HistogramChart { lang, ..HistogramChart::empty() }));
    let summary = Signal::derive(move || shown_chart.with(HistogramChart::summary));

    view! {
        <section class="tensors" data-testid="tensors">
            <div class="card">
                <h2>{t.heading}</h2>
                <p class="hint">{t.intro}</p>
                <TensorFilePicker on_file=move |f| model.open(f) />
                {move || model.reading.get().map(|r| view! { <p class="note" role="status" data-testid="tensor-reading">{r.text(t)}</p> })}
                <InlineError testid="tensor-error" message=model.error />
            </div>
            {move || model.file.with(|f| f.as_ref().map(|f| (f.name.clone(), f.kind, f.size, f.tensors.len()))).map(|(name, kind, size, count)| {
                let kind = match kind {
                    lowbit_tensors::FileKind::Npy => ".npy",
                    lowbit_tensors::FileKind::Safetensors => ".safetensors",
                };
                view! {
                    <div class="card">
                        <h2>{(t.file_heading)(&name, count, kind, &model::bytes_text(size))}</h2>
                        <TensorList rows=rows chosen=model.chosen_name on_choose=move |n| model.choose(n) />
                        <TableExport target="tensor-list" table=Signal::derive(move || model.file.with(|f| f.as_ref().map(|f| model::list_export(f, crate::ui::lang::lang_now().tensors())).unwrap_or_default())) />
                    </div>
                }
            })}
            <Show when=move || chart.with(Option::is_some)>
                <div class="card">
                    <h2>{move || chart.with(|c| c.as_ref().map(|c| (t.values_of)(&c.title)))}</h2>
                    <label class="overlay-pick">
                        {t.stored_values_of}
                        <select
                            data-testid="overlay-scheme"
                            prop:value=move || overlay.get()
                            on:change=move |ev| on_overlay.run(event_target_value(&ev))
                        >
                            {ranking_schemes().into_iter().map(|s| view! { <option value=s.clone()>{s.clone()}</option> }).collect_view()}
                        </select>
                    </label>
                    <ChartCanvas testid="tensor-histogram" label=summary height=320.0 chart=shown_chart />
                    <p class="chart-summary" data-testid="tensor-histogram-summary">{summary}</p>
                    {move || model.chosen.with(|c| c.as_ref().map(Chosen::notes).unwrap_or_default()).into_iter().map(|n| view! { <p class="note">{n.text(t)}</p> }).collect_view()}
                </div>
            </Show>
            {move || model.chosen_name.get().map(|name| view! {
                <div class="card">
                    <h2>{(t.every_scheme_on)(&name)}</h2>
                    <p class="hint">{t.ranking_hint}</p>
                    <JobProgress progress=model.progress testid="ranking-progress" on_cancel=Callback::new(move |_| model.cancel()) />
                    {move || model.failure.get().map(|m| view! {
                        <p class="worker-error" role="alert" data-testid="ranking-error">
                            {m.text(t)}" "
                            <button type="button" data-testid="ranking-run" on:click=move |_| model.rank()>{t.rank_again}</button>
                        </p>
                    })}
                    <RankingTable lines=lines overlay=overlay on_overlay=on_overlay />
                    <TableExport target="ranking-table" table=Signal::derive(move || model.ranking.with(|r| r.as_ref().map(|r| model::ranking_export(r, crate::ui::lang::lang_now().tensors())).unwrap_or_default())) />
                    {move || (!failed.with(Vec::is_empty)).then(|| view! {
                        <p class="note">{(t.not_ranked)(&failed.get().join("; "))}</p>
                    })}
                </div>
            })}
        </section>
    }
}
