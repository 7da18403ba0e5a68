//! The chosen formats' limits side by side, one row per format.

use leptos::prelude::*;

use super::model::LimitsRow;

/// The limits table (`data-testid="compare-table"`, a `<tr data-format=ID>` per format).
#[component]
pub fn CompareLimits(
    /// One row per chosen format.
    #[prop(into)]
    rows: Signal<Vec<LimitsRow>>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().compare();
    let row = |r: LimitsRow| {
        let cells = r.cells.into_iter().map(|(short, full)| view! { <td class="num" title=full>{short}</td> }).collect_view();
        view! {
            <tr data-format=r.id.clone()>
                <th scope="row"><code>{r.id.clone()}</code></th>
                {cells}
            </tr>
        }
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=crate::ui::lang::lang_now().regions().limits_side_by_side>
            <table class="limits-table compare-table" data-testid="compare-table">
                <thead>
                    <tr>
                        <th scope="col">{tr.columns[0]}</th>
                        {tr.limit_columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}
