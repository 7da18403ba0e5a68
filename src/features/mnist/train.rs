//! Training in the worker: the seed's hyper-parameters (editable), PTQ or QAT (fine-tuned
//! from the current fp32 weights by default, or from scratch: the lesson), one scheme per
//! layer, a progress bar with each epoch's loss and accuracy (`data-testid="mnist-progress"`,
//! `data-epoch`), `mnist-train` and `mnist-cancel`. The table refreshes from the new weights.

use leptos::prelude::*;
use lowbit_mnist::MnistScheme;

use super::model::{epochs_export, fixed, qat_choices, TrainForm, TrainMode};
use crate::ui::export::TableExport;
use super::view::MnistModel;

/// The training panel.
#[component]
pub fn MnistTrain(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let form = model.form;
    let field = move |label: &'static str, testid: &'static str, get: fn(&TrainForm) -> String, set: fn(&mut TrainForm, String)| {
        view! {
            <label class="train-field">
                {label}
                <input type="text" inputmode="decimal" size="6" data-testid=testid prop:value=move || form.with(get) on:change=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </label>
        }
    };
    let running = move || model.train.with(|t| t.running);
    let qat = move || form.with(|f| f.mode != TrainMode::Ptq);
    let epochs_done = move || model.train.with(|t| t.epochs.len());
    view! {
        <div class="mnist-train-form">
            {field(tr.train_fields[0], "mnist-seed", |f| f.seed.clone(), |f, v| f.seed = v)}
            {field(tr.train_fields[1], "mnist-epochs", |f| f.epochs.clone(), |f, v| f.epochs = v)}
            {field(tr.train_fields[2], "mnist-lr", |f| f.lr.clone(), |f, v| f.lr = v)}
            {field(tr.train_fields[3], "mnist-momentum", |f| f.momentum.clone(), |f, v| f.momentum = v)}
            {field(tr.train_fields[4], "mnist-batch", |f| f.batch.clone(), |f, v| f.batch = v)}
        </div>
        <label class="mnist-train-mode">
            {tr.how}
            <select data-testid="mnist-mode" on:change=move |ev| {
                if let Some(m) = TrainMode::parse(&event_target_value(&ev)) {
                    form.update(|f| f.mode = m);
                }
            }>
                {TrainMode::ALL.into_iter().map(|m| view! { <option value=m.id() selected=form.with_untracked(|f| f.mode == m)>{m.label(tr)}</option> }).collect_view()}
            </select>
        </label>
        <Show when=qat>
            <div class="mnist-qat-layers" data-testid="mnist-qat-layers">
                {tr.qat_layers}
                {(0..3)
                    .map(|i| {
                        view! {
                            <select on:change=move |ev| {
                                if let Ok(s) = MnistScheme::parse(&event_target_value(&ev)) {
                                    form.update(|f| f.layers[i] = s);
                                }
                            }>
                                {qat_choices()
                                    .into_iter()
                                    .map(|s| view! { <option value=s.id() selected=form.with_untracked(|f| f.layers[i] == s)>{s.id()}</option> })
                                    .collect_view()}
                            </select>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="note">
                {tr.lesson}
            </p>
        </Show>
        <div class="mnist-train-actions">
            <button type="button" data-testid="mnist-train" disabled=move || running() || !matches!(model.status.get(), super::view::LabStatus::Ready(_)) on:click=move |_| model.start_training()>
                {tr.train}
            </button>
            <button type="button" data-testid="mnist-cancel" disabled=move || !running() on:click=move |_| model.cancel_training()>
                {crate::ui::lang::lang_now().chrome().cancel}
            </button>
        </div>
        <div class="mnist-progress" data-testid="mnist-progress" data-epoch=move || epochs_done().to_string() data-running=move || running().to_string()>
            <progress max="1" value=move || model.train.with(|t| t.fraction)></progress>
            " "
            <span>{move || model.train.with(|t| if t.running { t.label.clone() } else { String::new() })}</span>
        </div>
        {move || {
            model.train.with(|t| t.outcome.clone()).map(|text| {
                let failed = model.train.with_untracked(|t| t.failed);
                view! { <p class=if failed { "inline-error" } else { "note" } data-testid="mnist-train-outcome">{text}</p> }
            })
        }}
        <div class="table-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().training_log>
        <table class="mnist-epochs" data-testid="mnist-epochs">
            <thead>
                <tr>
                    <th>{tr.train_columns[0]}</th>
                    <th>{tr.train_columns[1]}</th>
                    <th>{tr.train_columns[2]}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    model.train.with(|t| {
                        t.epochs
                            .iter()
                            .map(|e| {
                                view! {
                                    <tr data-epoch=e.epoch.to_string() data-loss=e.loss.to_string() data-accuracy=e.accuracy.to_string()>
                                        <td class="num">{e.epoch}</td>
                                        <td class="num">{fixed(e.loss, 4)}</td>
                                        <td class="num">{format!("{} %", fixed(e.accuracy, 2))}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    })
                }}
            </tbody>
        </table>
        </div>
        <TableExport target="mnist-epochs" table=Signal::derive(move || model.train.with(|t| epochs_export(&t.epochs, crate::ui::lang::lang_now().mnist()))) />
    }
}
