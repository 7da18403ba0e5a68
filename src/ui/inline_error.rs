//! The message under a control that refused its input.

use leptos::prelude::*;

/// `<p class="inline-error" role="alert" data-testid=…>` while there is a message.
#[component]
pub fn InlineError(
    /// The test hook of the message (`input-error`, `quantize-input-error`, …).
    testid: &'static str,
    /// The message, None when the input was accepted.
    #[prop(into)]
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || message.get().map(|e| view! { <p class="inline-error" role="alert" data-testid=testid>{e}</p> })
}
