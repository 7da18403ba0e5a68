//! The step-by-step table: one row per element (absmax, scale, x/scale, rounded, clamped,
//! code, dequantized, error), as `lowbit quantize --trace` prints it.

use leptos::prelude::*;

use super::model::{TraceRow, TRACE_COLUMNS};

/// The trace (`data-testid="quantize-trace"`, rows with `data-index` and `data-code`; class
/// `clipped` where clamping changed the value).
#[component]
pub fn QuantizeTrace(
    /// The rows.
    #[prop(into)]
    rows: Signal<Vec<TraceRow>>,
) -> impl IntoView {
    let row = |r: TraceRow| {
        let code_col = TRACE_COLUMNS.iter().position(|c| *c == "code");
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
                    <tr>{TRACE_COLUMNS.iter().map(|name| view! { <th>{*name}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}
