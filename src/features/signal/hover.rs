//! The hover read-out: at the sample under the pointer, x, the original, and each
//! reconstruction with its error.

use leptos::prelude::*;

use super::model::{Hover, HoverRow};

/// The read-out (`data-testid="hover-readout"`, `data-index` = the sample, empty when none).
#[component]
pub fn SignalHover(
    /// What to show, None when the pointer is not over a chart.
    #[prop(into)]
    hover: Signal<Option<Hover>>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().signal();
    let row = |r: HoverRow| {
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
    };
    let body = move || match hover.get() {
        None => view! {
            <p class="hint">{tr.hover_hint}</p>
        }
        .into_any(),
        Some(h) => view! {
            <p class="hover-position">
                <strong>{h.position}</strong> " · original " <code class="num">{h.original}</code>
            </p>
            <table class="hover-table">
                <thead>
                    <tr>
                        <th scope="col">{tr.hover_columns[0]}</th>
                        <th scope="col">{tr.hover_columns[1]}</th>
                        <th scope="col">{tr.hover_columns[2]}</th>
                        <th scope="col">{tr.hover_columns[3]}</th>
                    </tr>
                </thead>
                <tbody>{h.rows.into_iter().map(row).collect_view()}</tbody>
            </table>
        }
        .into_any(),
    };
    view! {
        <div
            class="hover-readout"
            data-testid="hover-readout"
            data-index=move || hover.with(|h| h.as_ref().map(|h| h.index.to_string()).unwrap_or_default())
        >
            {body}
        </div>
    }
}
