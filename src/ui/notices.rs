//! Notices about what the URL asked for and could not be shown.

use leptos::prelude::*;

/// The notices, dismissible (`data-testid="notice"`).
#[component]
pub fn Notices(
    /// The notices to show.
    notices: RwSignal<Vec<String>>,
) -> impl IntoView {
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <ul>{list.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" class="link" on:click=move |_| notices.set(Vec::new())>
                        {crate::ui::lang::lang_now().chrome().dismiss}
                    </button>
                </div>
            }
        })
    }
}
