//! The Speed view: a Run button starts the bench in the compute worker (`n` elements per
//! operation), a progress bar with Cancel follows it, and the table shows each operation's
//! elements per second in this browser beside the native figure (`bench-row` rows with
//! `data-op`, `data-scheme` or `data-format`, `data-elements-per-second`).

use leptos::prelude::*;
use lowbit_jobs::bench::{BenchJob, BenchOutcome};
use lowbit_jobs::protocol::{decode_outcome_as, outcome_tag, Progress};

use super::model::{self, BenchTableRow};
use super::params::BenchParams;
use crate::ui::{JobProgress, TableExport};
use crate::worker::{self, JobEvent};

/// The Speed view's state; `Copy`, kept by its module for the life of the page, so a finished
/// table survives switching views.
#[derive(Clone, Copy)]
pub struct BenchModel {
    /// The parameters (mirrored in the URL).
    pub params: RwSignal<BenchParams>,
    /// The running bench's progress.
    pub progress: RwSignal<Option<Progress>>,
    /// The last finished bench.
    pub result: RwSignal<Option<BenchOutcome>>,
    /// Why the last run failed or stopped.
    pub failure: RwSignal<Option<String>>,
}

impl BenchModel {
    /// A model showing `params`, nothing measured yet.
    pub fn new(params: BenchParams) -> BenchModel {
        BenchModel { params: RwSignal::new(params), progress: RwSignal::new(None), result: RwSignal::new(None), failure: RwSignal::new(None) }
    }

    /// Shows `params` (Back/Forward).
    pub fn restore(&self, params: BenchParams) {
        self.params.set(params);
    }

    /// Starts the bench in the worker (superseding a running one).
    pub fn run(&self) {
        let model = *self;
        let n = self.params.get_untracked().n;
        self.failure.set(None);
        self.progress.set(Some(Progress { id: 0, done: 0, total: 1, stage: lowbit_jobs::protocol::Stage::Starting, partial: None }));
        worker::run("bench", &BenchJob { n }, move |event| match event {
            JobEvent::Progress(p) => model.progress.set(Some(p)),
            JobEvent::Done(bytes) => {
                model.progress.set(None);
                match decode_outcome_as::<BenchOutcome>(&bytes, outcome_tag::BENCH) {
                    Ok(outcome) => model.result.set(Some(outcome)),
                    Err(message) => model.failure.set(Some(message)),
                }
            }
            JobEvent::Failed(message) => {
                model.progress.set(None);
                model.failure.set(Some(message));
            }
        });
    }

    /// Stops the running bench.
    pub fn cancel(&self) {
        worker::cancel("bench");
        self.progress.set(None);
        self.failure.set(Some(crate::ui::lang::lang_now().bench().cancelled.into()));
    }
}

/// The Speed view.
#[component]
pub fn BenchView(
    /// The view's state.
    model: BenchModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().bench();
    let rows = Memo::new(move |_| model.result.with(|r| r.as_ref().map(model::table).unwrap_or_default()));
    let measured_n = move || model.result.with(|r| r.as_ref().map(|o| o.n));
    let on_n = move |text: String| {
        let (p, notices) = <BenchParams as crate::query::ViewParams>::from_pairs(&[("n", &text)]);
        match notices.into_iter().next() {
            Some(e) => model.failure.set(Some(e.text(crate::ui::lang::lang_now().notices()))),
            None => {
                model.failure.set(None);
                model.params.set(p);
            }
        }
    };
    view! {
        <section class="bench" data-testid="bench">
            <div class="card">
                <h2>{tr.heading}</h2>
                <p>
                    {tr.intro[0]} <code>"lowbit bench"</code> {tr.intro[1]}
                </p>
                <div class="bench-controls">
                    <label class="control">
                        <span>{tr.elements}</span>
                        <input type="number" min="1" data-testid="bench-n" prop:value=move || model.params.with(|p| p.n.to_string()) on:change=move |ev| on_n(event_target_value(&ev)) />
                    </label>
                    <button type="button" data-testid="bench-run" disabled=move || model.progress.with(Option::is_some) on:click=move |_| model.run()>
                        {tr.run}
                    </button>
                </div>
                <JobProgress progress=model.progress testid="bench-progress" on_cancel=Callback::new(move |()| model.cancel()) />
                {move || model.failure.get().map(|m| view! { <p class="worker-error" role="alert" data-testid="bench-error">{(tr.not_measured)(&m)}</p> })}
            </div>
            <div class="card">
                <h2>{tr.per_second}</h2>
                {move || measured_n().map(|n| view! { <p data-testid="bench-n-measured">{(tr.measured_n)(n)}</p> })}
                <table class="bench-table" data-testid="bench-table">
                    <thead>
                        <tr>{tr.columns.into_iter().map(|c| view! { <th>{c}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r: &BenchTableRow| (r.op.clone(), r.subject.clone(), r.rate_attr.clone()) let:r>
                            <tr
                                data-testid="bench-row"
                                data-op=r.op.clone()
                                data-scheme=(!r.is_format).then(|| r.subject.clone())
                                data-format=r.is_format.then(|| r.subject.clone())
                                data-elements-per-second=r.rate_attr.clone()
                                data-native-elements-per-second=r.native_attr.clone()
                            >
                                <td>{r.op.clone()}</td>
                                <td><code>{r.subject.clone()}</code></td>
                                <td>{r.block.clone()}</td>
                                <td class="num">{r.rate.clone()}</td>
                                <td class="num">{r.native.clone()}</td>
                                <td class="num">{r.ratio.clone()}</td>
                            </tr>
                        </For>
                    </tbody>
                </table>
                <TableExport target="bench-table" table=Signal::derive(move || rows.with(|r| model::export(r, crate::ui::lang::lang_now().bench()))) />
                <p class="bench-native-label" data-testid="bench-native-label">{model::native_label(tr)}</p>
            </div>
        </section>
    }
}
