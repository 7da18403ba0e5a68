//! The limits of every catalogue format side by side; a row (or its format's button, for the
//! keyboard) opens its format.

use leptos::prelude::*;
use lowbit_core::Format;

use super::model;
use crate::ui::TableExport;

/// The all-formats limits table (`data-testid="limits-table"`).
#[component]
pub fn LimitsTable(
    /// The format shown (its row is highlighted).
    #[prop(into)]
    format: Signal<Format>,
    /// Called with the format of a clicked row.
    #[prop(into)]
    on_select: Callback<Format>,
) -> impl IntoView {
    let lang = crate::ui::lang::lang_now();
    let table = model::limits_table();
    let t = lang.explorer();
    let export = model::limits_table_export(&table, t);
    let word = move |w: String| (t.term)(&w).map_or(w, str::to_string);
    let rows = table
        .into_iter()
        .map(|row| {
            let id = row.id;
            let cells = row
                .cells
                .into_iter()
                .map(|(short, full)| view! { <td class="num" title=word(full)>{short}</td> })
                .collect_view();
            view! {
                <tr
                    class:current=move || format.with(|f| f.id() == id)
                    data-format=id
                    title=lang.format_summary(id).unwrap_or(row.summary)
                    on:click=move |_| {
                        if let Ok(f) = Format::parse(id) {
                            on_select.run(f);
                        }
                    }
                >
                    // A button, so the keyboard reaches the row: Enter and Space click it,
                    // and the click opens the row's format.
                    <th scope="row"><button type="button" class="row-open"><code>{id}</code></button></th>
                    <td class="num">{row.bits}</td>
                    <td>{word(row.layout)}</td>
                    {cells}
                    <td>{word(row.inf)}</td>
                    <td class="num">{row.nans}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=lang.regions().limits_of_every_format>
            <table class="limits-table" data-testid="limits-table">
                <thead>
                    <tr>
                        <th scope="col">{t.table_columns[0]}</th>
                        <th scope="col">{t.table_columns[1]}</th>
                        <th scope="col">{t.table_columns[2]}</th>
                        <th scope="col">{t.table_columns[3]}</th>
                        <th scope="col">{t.table_columns[4]}</th>
                        <th scope="col" title=t.min_positive_title>{t.table_columns[5]}</th>
                        <th scope="col">{t.table_columns[6]}</th>
                        <th scope="col">{t.table_columns[7]}</th>
                        <th scope="col">{t.table_columns[8]}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <TableExport target="limits-table" table=Signal::stored(export) />
    }
}
