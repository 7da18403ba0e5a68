//! The hover read-out: at the sample under the pointer, x, the original, and each
//! reconstruction with its error.

use leptos::prelude::*;

use crate::signal_model::Hover;

/// The read-out (`data-testid="hover-readout"`, `data-index` = the sample).
#[component]
pub fn SignalHover(
    /// What to show, None when the pointer is not over a chart.
    #[prop(into)]
    hover: Signal<Option<Hover>>,
) -> impl IntoView {
    move || match hover.get() {
        None => view! {
            <div class="hover-readout empty" data-testid="hover-readout">
                <p class="hint">"Hover a chart to read x, the original and every reconstruction with its error."</p>
            </div>
        }
        .into_any(),
        Some(h) => view! {
            <div class="hover-readout" data-testid="hover-readout" data-index=h.index.to_string()>
                <p class="hover-position">
                    <strong>{h.position}</strong>
                    " · original "
                    <code class="num">{h.original}</code>
                </p>
                <table class="hover-table">
                    <thead>
                        <tr>
                            <th scope="col">"scheme"</th>
                            <th scope="col">"value"</th>
                            <th scope="col">"error"</th>
                            <th scope="col">"|error| / |x|"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {h
                            .rows
                            .into_iter()
                            .map(|r| {
                                view! {
                                    <tr>
                                        <th scope="row">
                                            <span class="swatch" style:background-color=r.color aria-hidden="true"></span>
                                            {r.label}
                                        </th>
                                        <td class="num">{r.value}</td>
                                        <td class="num">{r.error}</td>
                                        <td class="num">{r.relative}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
    }
}
