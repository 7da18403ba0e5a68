//! The MNIST lab (`?view=mnist`): the seed article's network in every scheme. The view holds
//! the state, fetches the weights and digits the first time it opens, and lays out the
//! components; every number comes from the compute worker ([`super::lab`]).

use leptos::prelude::*;
use lowbit_jobs::mnist::{
    DigitSource, EpochLine, MnistDigit, MnistDigitJob, MnistEvalJob, MnistHistogramJob, MnistHistograms, MnistLoadJob,
    MnistLoaded, MnistTable,
};
use lowbit_jobs::protocol::{decode_outcome, Envelope, Job, Outcome, Partial};

use super::browser::MnistBrowser;
use super::charts::{AccuracyChart, WeightHistograms};
use super::draw::MnistDraw;
use super::drop::MnistDrop;
use super::lab::{self, Slot};
use super::model::{InkGrid, TrainForm, INK_SIDE};
use super::params::MnistParams;
use super::table::MnistTableView;
use super::train::MnistTrain;
use crate::perf;

/// Where the lab's weights and digits are.
#[derive(Clone, Debug, PartialEq)]
pub enum LabStatus {
    /// Not asked for yet (the view has not been opened).
    Idle,
    /// Fetching or loading (the text says which).
    Loading(String),
    /// Loaded.
    Ready(MnistLoaded),
    /// Could not load (the message).
    Failed(String),
}

/// A running training run as shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainStatus {
    /// Whether a run is going on.
    pub running: bool,
    /// Fraction done.
    pub fraction: f64,
    /// What the worker does now.
    pub label: String,
    /// Epochs done (loss, accuracy).
    pub epochs: Vec<EpochLine>,
    /// How the last run ended ("cancelled", "finished in 12.3 s", an error).
    pub outcome: Option<String>,
    /// Whether the last run failed.
    pub failed: bool,
}

/// The view's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct MnistModel {
    /// The accepted parameters (mirrored in the URL).
    pub params: RwSignal<MnistParams>,
    /// The lab's status.
    pub status: RwSignal<LabStatus>,
    /// The table.
    pub table: RwSignal<Option<MnistTable>>,
    /// Scoring progress (fraction, label) while the table is being computed.
    pub table_progress: RwSignal<Option<(f64, String)>>,
    /// Why the table shown is not the current weights' (None when it is).
    pub table_stale: RwSignal<Option<String>>,
    /// The test digit shown.
    pub sample: RwSignal<Option<MnistDigit>>,
    /// Why the digit browser could not show the asked digit.
    pub sample_error: RwSignal<Option<String>>,
    /// The drawing's last answer.
    pub drawing: RwSignal<Option<MnistDigit>>,
    /// The drawing (ink), and how many strokes changed it.
    pub ink: RwSignal<InkGrid>,
    /// The histograms.
    pub histograms: RwSignal<Option<MnistHistograms>>,
    /// The training form.
    pub form: RwSignal<TrainForm>,
    /// The training run.
    pub train: RwSignal<TrainStatus>,
    /// What a dropped file did (loaded, or why it was refused).
    pub drop_message: RwSignal<Option<(bool, String)>>,
}

impl MnistModel {
    /// A model showing `params` (nothing is fetched until the view opens).
    pub fn new(params: MnistParams) -> MnistModel {
        MnistModel {
            params: RwSignal::new(params),
            status: RwSignal::new(LabStatus::Idle),
            table: RwSignal::new(None),
            table_progress: RwSignal::new(None),
            table_stale: RwSignal::new(None),
            sample: RwSignal::new(None),
            sample_error: RwSignal::new(None),
            drawing: RwSignal::new(None),
            ink: RwSignal::new(InkGrid::default()),
            histograms: RwSignal::new(None),
            form: RwSignal::new(TrainForm::default()),
            train: RwSignal::new(TrainStatus::default()),
            drop_message: RwSignal::new(None),
        }
    }

    /// Shows `params` (Back/Forward).
    pub fn restore(&self, params: MnistParams) {
        self.params.set(params);
    }

    fn ready(&self) -> bool {
        self.status.with_untracked(|s| matches!(s, LabStatus::Ready(_)))
    }

    /// Fetches the committed weights and digits and loads them into the worker (once).
    pub fn open(&self) {
        if !matches!(self.status.get_untracked(), LabStatus::Idle | LabStatus::Failed(_)) {
            return;
        }
        self.status.set(LabStatus::Loading(crate::ui::lang::lang_now().mnist().fetching.into()));
        #[cfg(target_arch = "wasm32")]
        {
            let model = *self;
            leptos::task::spawn_local(async move {
                let started = perf::now();
                let weights = lab::fetch_bytes(super::model::WEIGHTS_URL).await;
                let data = lab::fetch_bytes(super::model::DATA_URL).await;
                let (weights, data) = match (weights, data) {
                    (Ok(w), Ok(d)) => (w, d),
                    (Err(e), _) | (_, Err(e)) => return model.status.set(LabStatus::Failed(e)),
                };
                perf::record("mnist-fetch-ms", perf::now() - started);
                let tr = crate::ui::lang::lang_now().mnist();
                model.status.set(LabStatus::Loading(tr.loading_worker.into()));
                let job = MnistLoadJob {
                    weights: Some(weights),
                    data: Some(data),
                    weights_name: tr.seed_weights.into(),
                    data_name: tr.seed_digits.into(),
                };
                lab::send(model, Slot::Load, Job::MnistLoad(job));
            });
        }
    }

    /// Loads dropped files (weights and/or digits) into the lab.
    pub fn load_files(&self, weights: Option<(String, Vec<u8>)>, data: Option<(String, Vec<u8>)>) {
        let names: Vec<String> = weights.iter().chain(data.iter()).map(|(n, _)| n.clone()).collect();
        let words = crate::ui::lang::lang_now().mnist_words();
        self.drop_message.set(Some((true, (words.reading)(&names.join(words.and)))));
        let (weights_name, weights) = weights.map_or((String::new(), None), |(n, b)| (n, Some(b)));
        let (data_name, data) = data.map_or((String::new(), None), |(n, b)| (n, Some(b)));
        lab::send(*self, Slot::Load, Job::MnistLoad(MnistLoadJob { weights, data, weights_name, data_name }));
    }

    /// Everything that depends on the weights: table, histograms, the digit, the drawing.
    pub fn refresh(&self) {
        if !self.ready() {
            return;
        }
        self.score();
        self.ask_histograms();
        self.ask_sample();
        self.predict_drawing();
    }

    /// Scores every scheme (and the mixed row) on the test digits.
    pub fn score(&self) {
        if self.table.with_untracked(Option::is_some) {
            self.table_stale.set(Some(crate::ui::lang::lang_now().mnist().scoring.into()));
        }
        self.table_progress.set(Some((0.0, "starting".into())));
        lab::send(*self, Slot::Eval, Job::MnistEval(MnistEvalJob { mixed: Vec::new() }));
    }

    /// Asks for the chosen scheme's histograms.
    pub fn ask_histograms(&self) {
        if self.ready() {
            let scheme = self.params.get_untracked().scheme.id().to_string();
            lab::send(*self, Slot::Histogram, Job::MnistHistogram(MnistHistogramJob { scheme, bins: 80 }));
        }
    }

    /// Asks for the URL's test digit.
    pub fn ask_sample(&self) {
        if self.ready() {
            let i = self.params.get_untracked().sample;
            lab::send(*self, Slot::Sample, Job::MnistDigit(MnistDigitJob { source: DigitSource::Test(i) }));
        }
    }

    /// Sends the drawing for predictions (a blank drawing clears them).
    pub fn predict_drawing(&self) {
        let ink = self.ink.with_untracked(|g| g.pixels.clone());
        if ink.iter().all(|&p| p == 0) {
            self.drawing.set(None);
            return;
        }
        if self.ready() {
            let source = DigitSource::Drawing { width: INK_SIDE, height: INK_SIDE, ink };
            lab::send(*self, Slot::Draw, Job::MnistDigit(MnistDigitJob { source }));
        }
    }

    /// Starts a training run from the form (a refused form says why).
    pub fn start_training(&self) {
        let lang = crate::ui::lang::lang_now();
        match self.form.get_untracked().job(lang.mnist_words()) {
            Err(e) => self.train.set(TrainStatus { outcome: Some(e), failed: true, ..TrainStatus::default() }),
            Ok(job) => {
                self.train.set(TrainStatus { running: true, label: (lang.chrome().stage)(&lowbit_jobs::protocol::Stage::Starting), ..TrainStatus::default() });
                lab::send(*self, Slot::Train, Job::MnistTrain(job));
            }
        }
    }

    /// Cancels the running training run.
    pub fn cancel_training(&self) {
        if self.train.with_untracked(|t| t.running) {
            lab::cancel(*self, Slot::Train);
        }
    }

    /// An answer from the worker for `slot` (None: the worker itself failed). `elapsed` is
    /// the round trip in milliseconds (page clock), when finished.
    pub fn receive(&self, slot: Option<Slot>, response: Envelope, elapsed: Option<f64>) {
        let response = match response {
            // A result that cannot be read is that job's failure.
            Envelope::Done { outcome, .. } => match decode_outcome(&outcome) {
                Ok(outcome) => return self.done(outcome, elapsed),
                Err(message) => Envelope::Failed { id: None, message },
            },
            other => other,
        };
        match response {
            Envelope::Ready => {}
            Envelope::Progress(p) => match slot {
                Some(Slot::Eval) => self.table_progress.set(Some((p.fraction(), (crate::ui::lang::lang_now().chrome().stage)(&p.stage)))),
                Some(Slot::Train) => self.train.update(|t| {
                    t.fraction = p.fraction();
                    t.label = (crate::ui::lang::lang_now().chrome().stage)(&p.stage);
                    if let Some(Partial::MnistEpochs(e)) = p.partial {
                        t.epochs = e;
                    }
                }),
                _ => {}
            },
            Envelope::Cancelled { .. } => {
                if slot == Some(Slot::Train) {
                    self.train.update(|t| {
                        t.running = false;
                        t.outcome = Some((crate::ui::lang::lang_now().mnist().cancelled_after)(t.epochs.len()));
                        t.failed = false;
                    });
                }
                if slot == Some(Slot::Eval) {
                    self.table_progress.set(None);
                }
            }
            Envelope::Failed { message, .. } => match slot {
                Some(Slot::Load) => {
                    if self.ready() {
                        self.drop_message.set(Some((false, message)));
                    } else {
                        self.status.set(LabStatus::Failed(message));
                    }
                }
                Some(Slot::Eval) => {
                    self.table_progress.set(None);
                    self.table_stale.set(Some(message));
                }
                Some(Slot::Sample) => self.sample_error.set(Some(message)),
                Some(Slot::Train) => self.train.update(|t| {
                    t.running = false;
                    t.outcome = Some(message);
                    t.failed = true;
                }),
                Some(Slot::Draw | Slot::Histogram) => leptos::logging::warn!("mnist: {message}"),
                None => {
                    // The worker stopped: what it held is gone; reload on the next opening.
                    self.status.set(LabStatus::Failed(message.clone()));
                    self.table_progress.set(None);
                    self.train.update(|t| {
                        if t.running {
                            t.running = false;
                            t.outcome = Some(message);
                            t.failed = true;
                        }
                    });
                }
            },
            Envelope::Done { .. } => {}
        }
    }

    fn done(&self, outcome: Outcome, elapsed: Option<f64>) {
        match outcome {
            Outcome::MnistLoaded(loaded) => {
                let first = !self.ready();
                if !first {
                    self.drop_message.set(Some((true, (crate::ui::lang::lang_now().mnist_words().loaded)(&loaded.weights_name, &loaded.data_name))));
                }
                self.status.set(LabStatus::Ready(loaded));
                self.refresh();
            }
            Outcome::MnistTable(t) => {
                perf::record("mnist-eval-ms", t.seconds * 1000.0);
                self.table_progress.set(None);
                self.table_stale.set(None);
                self.table.set(Some(t));
            }
            Outcome::MnistDigit(d) => {
                if d.index.is_some() {
                    self.sample_error.set(None);
                    self.sample.set(Some(d));
                } else {
                    if let Some(ms) = elapsed {
                        perf::record("mnist-predict-ms", ms);
                    }
                    self.drawing.set(Some(d));
                }
            }
            Outcome::MnistHistograms(h) => self.histograms.set(Some(h)),
            Outcome::MnistTrained(t) => {
                perf::record("mnist-train-ms", t.seconds * 1000.0);
                self.train.set(TrainStatus {
                    running: false,
                    fraction: 1.0,
                    label: "done".into(),
                    outcome: Some((crate::ui::lang::lang_now().mnist().finished)(t.epochs.len(), &format!("{:.1}", t.seconds), &t.scheme)),
                    epochs: t.epochs,
                    failed: false,
                });
                self.status.update(|s| {
                    if let LabStatus::Ready(l) = s {
                        l.weights_name = crate::ui::lang::lang_now().mnist().trained_here.into();
                    }
                });
                self.refresh();
            }
            _ => {}
        }
    }
}

/// The MNIST view.
#[component]
pub fn MnistView(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    model.open();
    // The URL's digit and scheme: ask again for what changed.
    Effect::new(move |prev: Option<MnistParams>| {
        let now = model.params.get();
        if let Some(prev) = prev {
            if prev.sample != now.sample {
                model.ask_sample();
            }
            if prev.scheme != now.scheme {
                model.ask_histograms();
            }
        }
        now
    });
    let status = model.status;
    view! {
        <section class="mnist" data-testid="mnist">
            <div class="card">
                <h2>{tr.heading}</h2>
                <p class="lead">{tr.lead}</p>
                <p class="mnist-status" data-testid="mnist-status">
                    {move || match status.get() {
                        LabStatus::Idle => tr.status_idle.to_string(),
                        LabStatus::Loading(what) => what,
                        LabStatus::Ready(l) => (tr.status_ready)(&l.weights_name, &l.data_name, l.train_digits, l.test_digits),
                        LabStatus::Failed(e) => (tr.status_failed)(&e),
                    }}
                </p>
                <MnistDrop model=model />
            </div>
            <div class="card">
                <h2>{tr.headings[0]}</h2>
                <MnistTableView model=model />
            </div>
            <div class="card">
                <h2>{tr.headings[1]}</h2>
                <AccuracyChart model=model />
            </div>
            <div class="card">
                <h2>{tr.headings[2]}</h2>
                <WeightHistograms model=model />
            </div>
            <div class="mnist-digits">
                <div class="card">
                    <h2>{tr.headings[3]}</h2>
                    <MnistBrowser model=model />
                </div>
                <div class="card">
                    <h2>{tr.headings[4]}</h2>
                    <MnistDraw model=model />
                </div>
            </div>
            <div class="card">
                <h2>{tr.headings[5]}</h2>
                <MnistTrain model=model />
            </div>
        </section>
    }
}
