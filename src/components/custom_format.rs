//! Controls for a custom `eXmY[bBIAS][_rule]` float: exponent and mantissa widths, bias and
//! special-value rule. They show the current format's layout and apply each valid change.

use leptos::prelude::*;
use lowbit_core::Format;

use crate::display::{self, CustomSpec};

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
    let spec = Memo::new(move |_| CustomSpec::of(&format.get()));
    let error = RwSignal::new(None::<String>);
    let apply = move |next: Result<CustomSpec, String>| match next.and_then(|s| s.to_format()) {
        Ok(f) => {
            error.set(None);
            on_select.run(f);
        }
        Err(e) => error.set(Some(e)),
    };
    let number = |text: String, what: &str| -> Result<i64, String> {
        text.trim().parse::<i64>().map_err(|_| format!("{what}: '{}' is not a whole number", text.trim()))
    };
    let on_exponent = move |ev| {
        let next = number(event_target_value(&ev), "exponent bits").and_then(|e| {
            let e = u32::try_from(e).map_err(|_| "exponent bits must be 1 to 11".to_string())?;
            Ok(CustomSpec { exponent_bits: e, bias: CustomSpec::default_bias(e), ..spec.get_untracked() })
        });
        apply(next);
    };
    let on_mantissa = move |ev| {
        let next = number(event_target_value(&ev), "mantissa bits").and_then(|m| {
            let m = u32::try_from(m).map_err(|_| "mantissa bits cannot be negative".to_string())?;
            Ok(CustomSpec { mantissa_bits: m, ..spec.get_untracked() })
        });
        apply(next);
    };
    let on_bias = move |ev| {
        let next = number(event_target_value(&ev), "bias").and_then(|b| {
            let b = i32::try_from(b).map_err(|_| "bias out of range".to_string())?;
            Ok(CustomSpec { bias: b, ..spec.get_untracked() })
        });
        apply(next);
    };
    let on_rule = move |ev| {
        let next = display::parse_specials(&event_target_value(&ev))
            .map(|s| CustomSpec { specials: s, ..spec.get_untracked() })
            .ok_or_else(|| "unknown rule".to_string());
        apply(next);
    };
    view! {
        <details class="custom" data-testid="custom-format">
            <summary>"Custom eXmY format"</summary>
            <div class="custom-grid">
                <label>
                    <span>"exponent bits"</span>
                    <input
                        type="number"
                        min="1"
                        max="11"
                        data-testid="custom-exponent"
                        prop:value=move || spec.get().exponent_bits.to_string()
                        on:change=on_exponent
                    />
                </label>
                <label>
                    <span>"mantissa bits"</span>
                    <input
                        type="number"
                        min="0"
                        max="30"
                        data-testid="custom-mantissa"
                        prop:value=move || spec.get().mantissa_bits.to_string()
                        on:change=on_mantissa
                    />
                </label>
                <label>
                    <span>"bias"</span>
                    <input
                        type="number"
                        data-testid="custom-bias"
                        prop:value=move || spec.get().bias.to_string()
                        on:change=on_bias
                    />
                </label>
                <label>
                    <span>"special values"</span>
                    <select data-testid="custom-rule" on:change=on_rule>
                        {display::SPECIALS
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
                "id in the URL: " <code data-testid="custom-id">{move || format.with(|f| f.id.clone())}</code>
                " — sign + exponent + mantissa ≤ 32 bits; the bias defaults to 2^(X−1) − 1."
            </p>
            {move || error.get().map(|e| view! { <p class="inline-error" role="alert" data-testid="custom-error">{e}</p> })}
        </details>
    }
}
