//! The value's formula in MathML, with the actual numbers in the bit cells' role colours.
//!
//! The formula is a row of terms, each its own `<math>`, so that on a narrow screen it wraps
//! between terms (MathML Core lays one `<math>` out on one line) rather than scrolling
//! sideways; a long significand is split into groups of bits for the same reason
//! ([`Formula::significand_groups`]).

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

/// `= value`, the last term of every formula.
fn result_term(value: String) -> impl IntoView {
    view! {
        <math class="term">
            <mrow><mo>"="</mo><mn class="result">{value}</mn></mrow>
        </math>
    }
}

/// The markup of one formula.
fn formula_view(formula: Formula) -> AnyView {
    let t = crate::ui::lang::lang_now().explorer();
    let (long, detail) = (formula.is_long(), formula.detail(t));
    let groups = formula.significand_groups();
    match formula {
        Formula::Float { sign, exponent, bias, value, .. } => {
            let sign_part = sign.map(|s| {
                view! {
                    <math class="term">
                        <mrow>
                            <msup>
                                <mrow><mo>"("</mo><mo>"−"</mo><mn>"1"</mn><mo>")"</mo></mrow>
                                <mn class="role-sign">{s}</mn>
                            </msup>
                            <mo>"×"</mo>
                        </mrow>
                    </math>
                }
            });
            let last = groups.len().saturating_sub(1);
            let significand_part = groups
                .into_iter()
                .enumerate()
                .map(|(i, bits)| {
                    let times = (i == 0).then(|| view! { <mo>"×"</mo> });
                    let digits = if i == last {
                        view! { <msub><mn class="role-mantissa">{bits}</mn><mn class="radix">"2"</mn></msub> }
                            .into_any()
                    } else {
                        view! { <mn class="role-mantissa">{bits}</mn> }.into_any()
                    };
                    let class = if i == 0 { "term" } else { "term bits-more" };
                    view! { <math class=class><mrow>{times}{digits}</mrow></math> }
                })
                .collect_view();
            view! {
                <div class="formula" class:long=long data-testid="formula">
                    <div class="formula-terms">
                        {sign_part}
                        <math class="term">
                            <msup>
                                <mn>"2"</mn>
                                <mrow><mn class="role-exponent">{exponent}</mn><mo>"−"</mo><mn>{bias}</mn></mrow>
                            </msup>
                        </math>
                        {significand_part}
                        {result_term(value)}
                    </div>
                    <p class="formula-detail">{detail}</p>
                </div>
            }
            .into_any()
        }
        Formula::Int { sign_weight, sign, rest, value } => {
            let sign_part = sign_weight.zip(sign).map(|(weight, s)| {
                view! {
                    <math class="term">
                        <mrow>
                            <mo>"−"</mo>
                            <mn>{weight}</mn>
                            <mo>"×"</mo>
                            <mn class="role-sign">{s}</mn>
                            <mo>"+"</mo>
                        </mrow>
                    </math>
                }
            });
            view! {
                <div class="formula" data-testid="formula">
                    <div class="formula-terms">
                        {sign_part}
                        <math class="term"><mn class="role-index">{rest}</mn></math>
                        {result_term(value)}
                    </div>
                    <p class="formula-detail">{t.formula_notes[0]}</p>
                </div>
            }
            .into_any()
        }
        Formula::Table { name, index, value } => view! {
            <div class="formula" data-testid="formula">
                <div class="formula-terms">
                    <math class="term">
                        <mrow>
                            <mi mathvariant="normal">{name}</mi>
                            <mo>"["</mo>
                            <mn class="role-index">{index}</mn>
                            <mo>"]"</mo>
                        </mrow>
                    </math>
                    {result_term(value)}
                </div>
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
