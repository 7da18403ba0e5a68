//! The value's formula in MathML, with the actual numbers in the bit cells' role colours.

use leptos::prelude::*;

use super::model::Formula;

/// `(−1)^s × 2^(e − bias) × 1.m = value`, or the integer / table / special-value reading.
#[component]
pub fn FormulaView(
    /// The formula of the current code.
    #[prop(into)]
    formula: Signal<Formula>,
) -> impl IntoView {
    move || formula_view(formula.get())
}

/// The markup of one formula.
fn formula_view(formula: Formula) -> AnyView {
    let t = crate::ui::lang::lang_now().explorer();
    let (long, detail) = (formula.is_long(), formula.detail(t));
    match formula {
        Formula::Float { sign, exponent, bias, significand_bits, value, .. } => {
            let sign_part = sign.map(|s| {
                view! {
                    <msup>
                        <mrow><mo>"("</mo><mo>"−"</mo><mn>"1"</mn><mo>")"</mo></mrow>
                        <mn class="role-sign">{s}</mn>
                    </msup>
                    <mo>"×"</mo>
                }
            });
            let significand_part = significand_bits.map(|bits| {
                view! {
                    <mo>"×"</mo>
                    <msub><mn class="role-mantissa">{bits}</mn><mn class="radix">"2"</mn></msub>
                }
            });
            view! {
                <div class="formula" class:long=long data-testid="formula">
                    <math display="block" tabindex="0">
                        <mrow>
                            {sign_part}
                            <msup>
                                <mn>"2"</mn>
                                <mrow><mn class="role-exponent">{exponent}</mn><mo>"−"</mo><mn>{bias}</mn></mrow>
                            </msup>
                            {significand_part}
                            <mo>"="</mo>
                            <mn class="result">{value}</mn>
                        </mrow>
                    </math>
                    <p class="formula-detail">{detail}</p>
                </div>
            }
            .into_any()
        }
        Formula::Int { sign_weight, sign, rest, value } => {
            let sign_part = sign_weight.zip(sign).map(|(weight, s)| {
                view! {
                    <mo>"−"</mo>
                    <mn>{weight}</mn>
                    <mo>"×"</mo>
                    <mn class="role-sign">{s}</mn>
                    <mo>"+"</mo>
                }
            });
            view! {
                <div class="formula" data-testid="formula">
                    <math display="block" tabindex="0">
                        <mrow>
                            {sign_part}
                            <mn class="role-index">{rest}</mn>
                            <mo>"="</mo>
                            <mn class="result">{value}</mn>
                        </mrow>
                    </math>
                    <p class="formula-detail">{t.formula_notes[0]}</p>
                </div>
            }
            .into_any()
        }
        Formula::Table { name, index, value } => view! {
            <div class="formula" data-testid="formula">
                <math display="block" tabindex="0">
                    <mrow>
                        <mi mathvariant="normal">{name}</mi>
                        <mo>"["</mo>
                        <mn class="role-index">{index}</mn>
                        <mo>"]"</mo>
                        <mo>"="</mo>
                        <mn class="result">{value}</mn>
                    </mrow>
                </math>
                <p class="formula-detail">{t.formula_notes[1]}</p>
            </div>
        }
        .into_any(),
        Formula::Special { note } => view! {
            <div class="formula" data-testid="formula">
                <p class="formula-special">{(t.special_note)(&note)}</p>
            </div>
        }
        .into_any(),
    }
}
