//! The metrics table: one row per scheme with its error statistics and storage rate.

use leptos::prelude::*;

use crate::signal_model::MetricsRow;

/// The table (`data-testid="signal-metrics"`; each body row has `data-scheme`, `data-mse`,
/// `data-max-abs-error`, `data-sqnr-db` and `data-bits`, numbers JavaScript parses).
#[component]
pub fn SignalMetrics(
    /// One row per scheme.
    #[prop(into)]
    rows: Signal<Vec<MetricsRow>>,
) -> impl IntoView {
    let body = move || {
        rows.get()
            .into_iter()
            .map(|r| {
                let (mse, max_abs, sqnr) = (r.mse_attr.clone(), r.max_abs_attr.clone(), r.sqnr_attr.clone());
                view! {
                    <tr
                        data-scheme=r.scheme
                        data-mse=mse
                        data-max-abs-error=max_abs
                        data-sqnr-db=sqnr
                        data-bits=r.bits.clone()
                        title=r.description
                    >
                        <th scope="row">
                            <span class="swatch" style:background-color=r.color aria-hidden="true"></span>
                            <code>{r.label}</code>
                        </th>
                        <td class="num" title=r.mse_attr>{r.mse}</td>
                        <td class="num" title=r.max_abs_attr>{r.max_abs}</td>
                        <td class="num" title=r.sqnr_attr>{r.sqnr}</td>
                        <td class="num">{r.bits.clone()}</td>
                        <td class="num">{r.block}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll">
            <table class="signal-metrics" data-testid="signal-metrics">
                <thead>
                    <tr>
                        <th scope="col">"scheme"</th>
                        <th scope="col">"MSE"</th>
                        <th scope="col">"max |error|"</th>
                        <th scope="col">"SQNR"</th>
                        <th scope="col" title="including the per-block scales">"bits / element"</th>
                        <th scope="col">"block"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
