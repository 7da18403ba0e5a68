//! Every scheme's answer for one digit: its prediction and, optionally, its ten logits (the
//! seed prints them for `dataset[4]`).

use leptos::prelude::*;
use lowbit_jobs::mnist::SchemeLogits;

use super::model::logits_export;
use crate::ui::export::TableExport;

/// A table of predictions (`data-testid` given; rows `data-scheme`, `data-digit`).
#[component]
pub fn LogitsTable(
    /// The test hook of the table.
    testid: &'static str,
    /// One entry per scheme.
    #[prop(into)]
    rows: Signal<Vec<SchemeLogits>>,
    /// The true label, when known (wrong predictions are marked).
    #[prop(into)]
    label: Signal<Option<u8>>,
    /// Show the ten logits of each scheme.
    logits: bool,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().predictions>
        <table class="mnist-logits" data-testid=testid>
            <thead>
                <tr>
                    <th>{tr.logits_columns[0]}</th>
                    <th>{tr.logits_columns[1]}</th>
                    {logits.then(|| (0..10).map(|d| view! { <th class="num">{d}</th> }).collect_view())}
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|r: &SchemeLogits| (r.scheme.clone(), r.digit, r.logits.iter().map(|v| v.to_bits()).collect::<Vec<_>>()) let:row>
                    {
                        let wrong = move || label.get().is_some_and(|l| l != row.digit);
                        let digit = row.digit;
                        view! {
                            <tr data-scheme=row.scheme.clone() data-digit=row.digit.to_string() class:wrong=wrong>
                                <td>{row.scheme.clone()}</td>
                                <td class="num prediction">{row.digit}</td>
                                {logits
                                    .then(|| {
                                        row.logits
                                            .iter()
                                            .enumerate()
                                            .map(|(d, v)| view! { <td class="num" class:top=d == digit as usize>{format!("{v:.2}")}</td> })
                                            .collect_view()
                                    })}
                            </tr>
                        }
                    }
                </For>
            </tbody>
        </table>
        </div>
        <TableExport target=testid table=Signal::derive(move || rows.with(|r| logits_export(r, logits, crate::ui::lang::lang_now().mnist()))) />
    }
}
