//! The limits of the current format; a limit that is a value of the format opens it.

use leptos::prelude::*;
use lowbit_core::Format;

use super::model;

/// A definition list of the format's limits (`data-testid="limits-card"`); the values of the
/// format are buttons (`data-code`) that open them.
#[component]
pub fn LimitsCard(
    /// The format shown.
    #[prop(into)]
    format: Signal<Format>,
    /// Called with the code of a clicked limit.
    #[prop(into)]
    on_select: Callback<u64>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().explorer();
    let rows = Memo::new(move |_| model::limit_rows(&format.get()));
    view! {
        <dl class="limits" data-testid="limits-card">
            {move || {
                rows.get()
                    .into_iter()
                    .map(|row| {
                        view! {
                            <div class="limit">
                                <dt>{(t.term)(row.label).unwrap_or(row.label)}</dt>
                                <dd title=row.full.clone()>
                                    {match row.code {
                                        Some(c) => view! {
                                            <button type="button" class="limit-open" data-code=c.to_string() title=format!("{}{}", row.full, t.open_it) on:click=move |_| on_select.run(c)>
                                                {row.short}
                                            </button>
                                        }
                                        .into_any(),
                                        None => (t.term)(&row.short).map_or(row.short, str::to_string).into_any(),
                                    }}
                                </dd>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </dl>
    }
}
