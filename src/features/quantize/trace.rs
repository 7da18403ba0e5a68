//! The step-by-step table: one row per element (the scale's statistic, the scale, x / scale,
//! rounded, code, dequantized, error — headed by what each holds in the scheme shown), as
//! `lowbit quantize --trace` prints it.

use leptos::prelude::*;

use super::model::TraceRow;

/// The trace (`data-testid="quantize-trace"`, rows with `data-index` and `data-code`; class
/// `clipped` where clamping changed the value).
#[component]
pub fn QuantizeTrace(
    /// The column headings (named for what they hold in the scheme shown).
    #[prop(into)]
    columns: Signal<Vec<String>>,
    /// Which column holds the code (class `code-col`).
    #[prop(into)]
    code_column: Signal<Option<usize>>,
    /// The rows.
    #[prop(into)]
    rows: Signal<Vec<TraceRow>>,
) -> impl IntoView {
    let row = move |r: TraceRow| {
        let code_col = code_column.get_untracked();
        view! {
            <tr data-index=r.index data-code=r.code class:clipped=r.clipped>
                {r
                    .cells
                    .into_iter()
                    .enumerate()
                    .map(|(i, cell)| view! { <td class="num" class:code-col=Some(i) == code_col>{cell}</td> })
                    .collect_view()}
            </tr>
        }
    };
    view! {
        <div class="table-scroll">
            <table class="quantize-table quantize-trace" data-testid="quantize-trace">
                <thead>
                    <tr>{move || columns.get().into_iter().map(|name| view! { <th>{name}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}
