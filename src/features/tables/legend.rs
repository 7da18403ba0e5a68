//! The colour key of the value tables: one swatch per class of value.

use leptos::prelude::*;

/// The classes of value a cell can have (its CSS key) and their labels.
const CLASSES: [(&str, &str); 6] = [
    ("zero", "zero"),
    ("subnormal", "subnormal"),
    ("normal", "normal / value"),
    ("infinite", "±Inf"),
    ("nan", "NaN"),
    ("unused", "unused code"),
];

/// The colour key (`data-testid="table-legend"`).
#[component]
pub fn TableLegend() -> impl IntoView {
    view! {
        <ul class="table-legend" data-testid="table-legend" aria-label="colour key">
            {CLASSES
                .iter()
                .map(|(key, label)| {
                    view! {
                        <li>
                            <span class=format!("swatch cls-{key}") aria-hidden="true"></span>
                            {*label}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
