//! The accuracy/size table (`data-testid="mnist-table"`): one row per scheme with
//! `data-scheme`, `data-accuracy` (percent) and `data-size-kb` (counted as the seed counts),
//! the article's own figures beside the seed's rows, and the note on where the digits come
//! from.

use leptos::prelude::*;
use lowbit_mnist::MnistScheme;

use super::model::{fixed, grouped, table_export, table_rows, TableRow};
use super::view::MnistModel;
use crate::ui::stale::stale_attr;
use crate::ui::TableExport;

/// The table, its progress and notes.
#[component]
pub fn MnistTableView(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let rows = Signal::derive(move || {
        let chosen = model.params.with(|p| p.scheme);
        model.table.with(|t| t.as_ref().map(|t| table_rows(t, chosen)).unwrap_or_default())
    });
    let progress = move || {
        model.table_progress.get().map(|(f, label)| {
            view! {
                <p class="mnist-scoring" data-testid="mnist-scoring">
                    <progress max="1" value=f></progress> " " {label}
                </p>
            }
        })
    };
    let stale = move || model.table_stale.with(|e| stale_attr(e.as_ref()));
    let set_scheme = move |scheme: MnistScheme| model.params.update(|p| p.scheme = scheme);
    view! {
        {progress}
        <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p class="muted">{tr.table_wait}</p> }>
            <div class="table-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().accuracy_table>
                <table class="mnist-table" data-testid="mnist-table" data-stale=stale>
                    <thead>
                        <tr>
                            <th>{tr.table_columns[0]}</th>
                            <th>{tr.table_columns[1]}</th>
                            <th>{tr.table_columns[2]}</th>
                            <th>{tr.table_columns[3]}</th>
                            <th>{tr.table_columns[4]}</th>
                            <th>{tr.table_columns[5]}</th>
                            <th>{tr.table_columns[6]}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|r: &TableRow| (r.scheme.clone(), r.accuracy.to_bits(), r.chosen) let:row>
                            <MnistRowView row=row on_pick=set_scheme />
                        </For>
                    </tbody>
                </table>
            </div>
            <TableExport target="mnist-table" table=Signal::derive(move || rows.with(|r| table_export(r, crate::ui::lang::lang_now().mnist()))) />
        </Show>
        <p class="note" data-testid="mnist-note">
            {tr.note[0]} <strong>{tr.note[1]}</strong> {tr.note[2]} {tr.note[3]} {tr.note[4]}
        </p>
    }
}

/// One row; clicking the scheme chooses it (histograms, highlight, URL).
#[component]
fn MnistRowView(row: TableRow, on_pick: impl Fn(MnistScheme) + Copy + Send + Sync + 'static) -> impl IntoView {
    let scheme_id = row.scheme.clone();
    let pick = MnistScheme::parse(&scheme_id).ok();
    let ops = if row.integer_adds > 0 {
        format!("{} / {} + {} int", grouped(row.multiplies), grouped(row.adds), grouped(row.integer_adds))
    } else {
        format!("{} / {}", grouped(row.multiplies), grouped(row.adds))
    };
    let article = row
        .article
        .map(|(a, s)| format!("{a} % · {s} KB{}", if row.scheme == "nf4" { crate::ui::lang::lang_now().mnist_words().nf4_article } else { "" }))
        .unwrap_or_default();
    view! {
        <tr
            data-scheme=row.scheme.clone()
            data-accuracy=row.accuracy.to_string()
            data-size-kb=row.size_kb.to_string()
            class:chosen=row.chosen
            class:seed-row=row.article.is_some()
        >
            <td>
                {match pick {
                    Some(s) => view! { <button type="button" class="link" on:click=move |_| on_pick(s)>{scheme_id.clone()}</button> }.into_any(),
                    None => view! { <span>{scheme_id.clone()}</span> }.into_any(),
                }}
            </td>
            <td class="num">{fixed(row.accuracy, 2)} " %"</td>
            <td class="num">{fixed(row.size_kb, 2)} " KB"</td>
            <td class="num">{fixed(row.true_size_kb, 2)} " KB"</td>
            <td class="num">{fixed(row.bits, 3)}</td>
            <td class="num">{ops}</td>
            <td class="article">{article}</td>
        </tr>
    }
}
