//! The code in hex, binary (with field separators) and decimal.

use leptos::prelude::*;

use super::model::{self, Readout};

/// The code (`data-testid="code"`, `data-code` = the code in decimal).
#[component]
pub fn CodeReadout(
    /// The read-outs of the current code.
    #[prop(into)]
    readout: Signal<Readout>,
) -> impl IntoView {
    let decimal = move || readout.with(|r| r.code_decimal.clone());
    view! {
        <div class="code" data-testid="code" data-code=decimal>
            <div class="kv">
                <span class="k">"hex"</span>
                <code class="hex" data-testid="code-hex">{move || readout.with(|r| r.hex.clone())}</code>
            </div>
            <div class="kv">
                <span class="k">"binary"</span>
                <code class="binary" data-testid="code-binary">
                    {move || {
                        readout.with(|r| {
                            r.binary
                                .iter()
                                .enumerate()
                                .map(|(i, (bits, role))| {
                                    view! {
                                        {(i > 0).then(|| view! { <span class="sep" aria-hidden="true">"│"</span> })}
                                        <span class=model::role_class(*role)>{bits.clone()}</span>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </code>
            </div>
            <div class="kv">
                <span class="k">"decimal"</span>
                <code>{decimal}</code>
            </div>
        </div>
    }
}
