//! The limits of the current format.

use leptos::prelude::*;
use lowbit_core::Format;

use super::model;

/// A definition list of the format's limits (`data-testid="limits-card"`).
#[component]
pub fn LimitsCard(
    /// The format shown.
    #[prop(into)]
    format: Signal<Format>,
) -> impl IntoView {
    let rows = Memo::new(move |_| model::limit_rows(&format.get()));
    view! {
        <dl class="limits" data-testid="limits-card">
            {move || {
                rows.get()
                    .into_iter()
                    .map(|row| {
                        view! {
                            <div class="limit">
                                <dt>{row.label}</dt>
                                <dd title=row.full>{row.short}</dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}
