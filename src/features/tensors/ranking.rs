//! The ranking table: every scheme by SQNR (best first), with MSE, max |error| and bits per
//! element (`data-testid="ranking-row"`, `data-scheme`, `data-sqnr-db`, `data-mse`); a row's
//! scheme button overlays that scheme on the histogram.

use leptos::prelude::*;

use super::model::RankLine;

/// The ranking of the chosen tensor.
#[component]
pub fn RankingTable(
    /// The rows, best first.
    #[prop(into)]
    lines: Signal<Vec<RankLine>>,
    /// The scheme overlaid on the histogram.
    #[prop(into)]
    overlay: Signal<String>,
    /// Called with a scheme to overlay.
    #[prop(into)]
    on_overlay: Callback<String>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().tensors();
    let [rank, scheme_column, sqnr, mse, max_error, bits, clipped] = t.ranking_columns;
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=t.ranking_label>
            <table class="ranking signal-metrics" data-testid="ranking-table">
                <thead>
                    <tr>
                        <th>{rank}</th>
                        <th>{scheme_column}</th>
                        <th>{sqnr}</th>
                        <th>{mse}</th>
                        <th>{max_error}</th>
                        <th>{bits}</th>
                        <th>{clipped}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || lines.get() key=|l| (l.scheme.clone(), l.mse_attr.clone(), l.rank) let:line>
                        {
                            let scheme = line.scheme.clone();
                            let shown = {
                                let scheme = scheme.clone();
                                move || overlay.with(|o| *o == scheme)
                            };
                            view! {
                                <tr
                                    data-testid="ranking-row"
                                    data-scheme=line.scheme.clone()
                                    data-sqnr-db=line.sqnr_attr.clone()
                                    data-mse=line.mse_attr.clone()
                                    class:chosen=shown
                                >
                                    <td class="num">{line.rank}</td>
                                    <td>
                                        <button type="button" class="link-button" title=t.overlay_title on:click=move |_| on_overlay.run(scheme.clone())>
                                            {line.scheme.clone()}
                                        </button>
                                    </td>
                                    <td class="num">{line.sqnr.clone().unwrap_or_else(|| t.exact.into())}</td>
                                    <td class="num">{line.mse.clone()}</td>
                                    <td class="num">{line.max_error.clone()}</td>
                                    <td class="num">{line.bits.clone()}</td>
                                    <td class="num">{line.clipped}</td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
