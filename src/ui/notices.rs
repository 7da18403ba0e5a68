//! Notices about what the URL asked for and could not be shown.

use leptos::prelude::*;

/// The notices, dismissible (`data-testid="notice"`).
#[component]
pub fn Notices(
    /// The notices to show.
    notices: RwSignal<Vec<crate::notice::Notice>>,
) -> impl IntoView {
    let lang = crate::ui::lang::use_lang();
    move || {
        let list = notices.get();
        let t = lang.get().notices();
        (!list.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <ul>{list.into_iter().map(|n| view! { <li>{n.text(t)}</li> }).collect_view()}</ul>
                    <button type="button" class="link" on:click=move |_| notices.set(Vec::new())>
                        {crate::ui::lang::lang_now().chrome().dismiss}
                    </button>
                </div>
            }
        })
    }
}
