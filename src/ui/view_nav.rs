//! Navigation between the app's views. Only views this build has are listed; with a single
//! view there is nothing to navigate and nothing is shown.

use leptos::prelude::*;

use crate::query::View;
use crate::ui::lang::use_lang;

/// The view switcher (`data-testid="view-nav"`, one button per view, `data-view=ID`).
#[component]
pub fn ViewNav(
    /// The view shown.
    #[prop(into)]
    current: Signal<View>,
    /// Called with the chosen view.
    #[prop(into)]
    on_select: Callback<View>,
) -> impl IntoView {
    let views = View::ALL.to_vec();
    let lang = use_lang();
    (views.len() > 1).then(|| {
        view! {
            <nav class="view-nav" data-testid="view-nav" aria-label=move || lang.get().chrome().nav_label>
                {views
                    .into_iter()
                    .map(|v| {
                        view! {
                            <button
                                type="button"
                                data-view=v.id()
                                class:active=move || current.get() == v
                                aria-current=move || (current.get() == v).then_some("page")
                                on:click=move |_| on_select.run(v)
                            >
                                {move || lang.get().chrome().views.of(v)}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
        }
    })
}
