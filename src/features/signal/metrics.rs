//! The metrics table: one row per scheme with its error statistics and storage rate.

use leptos::prelude::*;

use super::model::{metrics_export, MetricsRow};
use crate::ui::export::TableExport;

/// The table (`data-testid="signal-metrics"`; each body row has `data-scheme`, `data-mse`,
/// `data-max-abs-error`, `data-sqnr-db` and `data-bits`, numbers JavaScript parses).
#[component]
pub fn SignalMetrics(
    /// One row per scheme.
    #[prop(into)]
    rows: Signal<Vec<MetricsRow>>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().signal();
    let row = |r: MetricsRow| {
        let (mse, max_abs, sqnr, bits) = (r.mse_attr.clone(), r.max_abs_attr.clone(), r.sqnr_attr.clone(), r.bits.clone());
        view! {
            <tr
                data-scheme=r.scheme
                data-mse=mse
                data-max-abs-error=max_abs
                data-sqnr-db=sqnr
                data-bits=bits
                title=r.description
            >
                <th scope="row">
                    <span class="swatch" style:background-color=r.color aria-hidden="true"></span>
                    <code>{r.label}</code>
                </th>
                <td class="num" title=r.mse_attr>{r.mse}</td>
                <td class="num" title=r.max_abs_attr>{r.max_abs}</td>
                <td class="num" title=r.sqnr_attr>{r.sqnr}</td>
                <td class="num">{r.bits}</td>
                <td class="num">{r.block}</td>
            </tr>
        }
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr.headings[4]>
            <table class="signal-metrics" data-testid="signal-metrics">
                <thead>
                    <tr>
                        <th scope="col">{tr.metrics_columns[0]}</th>
                        <th scope="col">{tr.metrics_columns[1]}</th>
                        <th scope="col">{tr.metrics_columns[2]}</th>
                        <th scope="col">{tr.metrics_columns[3]}</th>
                        <th scope="col" title=tr.bits_title>{tr.metrics_columns[4]}</th>
                        <th scope="col">{tr.metrics_columns[5]}</th>
                    </tr>
                </thead>
                <tbody>
                    // Keyed by the whole row: a row whose numbers changed is rebuilt.
                    <For each=move || rows.get() key=|r| r.clone() children=row />
                </tbody>
            </table>
        </div>
        <TableExport target="signal-metrics" table=Signal::derive(move || rows.with(|r| metrics_export(r, crate::ui::lang::lang_now().signal()))) />
    }
}
