//! The metrics table: one row per scheme with its error statistics and storage rate. The rows
//! are markup from [`crate::signal_model::metrics_rows_html`].

use leptos::prelude::*;

use crate::signal_model::{self, MetricsRow};

/// The table (`data-testid="signal-metrics"`; each body row has `data-scheme`, `data-mse`,
/// `data-max-abs-error`, `data-sqnr-db` and `data-bits`, numbers JavaScript parses).
#[component]
pub fn SignalMetrics(
    /// One row per scheme.
    #[prop(into)]
    rows: Signal<Vec<MetricsRow>>,
) -> impl IntoView {
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
                <tbody inner_html=move || rows.with(|r| signal_model::metrics_rows_html(r))></tbody>
            </table>
        </div>
    }
}
