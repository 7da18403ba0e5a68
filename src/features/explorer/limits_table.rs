//! The limits of every catalogue format side by side; a row opens its format.

use leptos::prelude::*;
use lowbit_core::Format;

use super::model;

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
    let rows = model::limits_table()
        .into_iter()
        .map(|row| {
            let id = row.id;
            let cells = row
                .cells
                .into_iter()
                .map(|(short, full)| view! { <td class="num" title=full>{short}</td> })
                .collect_view();
            view! {
                <tr
                    class:current=move || format.with(|f| f.id() == id)
                    data-format=id
                    title=row.summary
                    on:click=move |_| {
                        if let Ok(f) = Format::parse(id) {
                            on_select.run(f);
                        }
                    }
                >
                    <th scope="row"><code>{id}</code></th>
                    <td class="num">{row.bits}</td>
                    <td>{row.layout}</td>
                    {cells}
                    <td>{row.inf}</td>
                    <td class="num">{row.nans}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="limits-table" data-testid="limits-table">
                <thead>
                    <tr>
                        <th scope="col">"format"</th>
                        <th scope="col">"bits"</th>
                        <th scope="col">"layout"</th>
                        <th scope="col">"max"</th>
                        <th scope="col">"min normal"</th>
                        <th scope="col" title="smallest positive value: the smallest subnormal where the format has subnormals">"min positive"</th>
                        <th scope="col">"epsilon"</th>
                        <th scope="col">"±Inf"</th>
                        <th scope="col">"NaN codes"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
