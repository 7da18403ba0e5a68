//! Controls for a custom `eXmY[bBIAS][_rule]` float: exponent and mantissa widths, bias and
//! special-value rule. They show the current format's layout and apply each valid change.

use leptos::prelude::*;
use lowbit_core::Format;

use super::model::{self, CustomField, CustomSpec};

/// The custom-format controls (inside a `<details>`).
#[component]
pub fn CustomFormat(
    /// The format shown (its layout fills the controls).
    #[prop(into)]
    format: Signal<Format>,
    /// Called with the custom format when a valid change is made.
    #[prop(into)]
    on_select: Callback<Format>,
) -> impl IntoView {
    let t = crate::ui::lang::lang_now().explorer();
    let spec = Memo::new(move |_| CustomSpec::of(&format.get()));
    let error = RwSignal::new(None::<String>);
    let apply = move |next: Result<CustomSpec, String>| match next.and_then(|s| s.to_format()) {
        Ok(f) => {
            error.set(None);
            on_select.run(f);
        }
        Err(e) => error.set(Some(e)),
    };
    let on_box = move |field: CustomField| move |ev: leptos::ev::Event| apply(spec.get_untracked().with_text(field, &event_target_value(&ev)));
    view! {
        <details class="custom" data-testid="custom-format">
            <summary>{t.custom_title}</summary>
            <div class="custom-grid">
                <label>
                    <span>{t.exponent_bits}</span>
                    <input
                        type="number"
                        min="1"
                        max="11"
                        data-testid="custom-exponent"
                        prop:value=move || spec.get().text(CustomField::Exponent)
                        on:change=on_box(CustomField::Exponent)
                    />
                </label>
                <label>
                    <span>{t.mantissa_bits}</span>
                    <input
                        type="number"
                        min="0"
                        max="30"
                        data-testid="custom-mantissa"
                        prop:value=move || spec.get().text(CustomField::Mantissa)
                        on:change=on_box(CustomField::Mantissa)
                    />
                </label>
                <label>
                    <span>{t.bias}</span>
                    <input
                        type="number"
                        data-testid="custom-bias"
                        prop:value=move || spec.get().text(CustomField::Bias)
                        on:change=on_box(CustomField::Bias)
                    />
                </label>
                <label>
                    <span>{t.special_values}</span>
                    <select data-testid="custom-rule" on:change=on_box(CustomField::Rule)>
                        {model::SPECIALS
                            .iter()
                            .map(|(s, label)| {
                                let s = *s;
                                view! {
                                    <option value=s.suffix() prop:selected=move || spec.get().specials == s>
                                        {*label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </div>
            <p class="hint">
                {t.custom_id} <code data-testid="custom-id">{move || format.with(|f| f.id().to_string())}</code>
                {t.custom_rule}
            </p>
            {move || error.get().map(|e| view! { <p class="inline-error" role="alert" data-testid="custom-error">{e}</p> })}
        </details>
    }
}
