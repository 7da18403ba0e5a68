//! The colour key of the value tables: one swatch per class of value.

use leptos::prelude::*;

/// The classes of value a cell can have, by CSS key (their labels: the same place in
/// [`crate::i18n::TablesText::legend`]).
const CLASSES: [&str; 6] = ["zero", "subnormal", "normal", "infinite", "nan", "unused"];

/// The colour key (`data-testid="table-legend"`).
#[component]
pub fn TableLegend() -> impl IntoView {
    let t = crate::ui::lang::lang_now().tables();
    view! {
        <ul class="table-legend" data-testid="table-legend" aria-label=t.legend_label>
            {CLASSES
                .iter()
                .zip(t.legend)
                .map(|(key, label)| {
                    view! {
                        <li>
                            <span class=format!("swatch cls-{key}") aria-hidden="true"></span>
                            {label}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
