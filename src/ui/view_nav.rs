//! Navigation between the app's views. Only views this build has are listed; with a single
//! view there is nothing to navigate and nothing is shown.

use leptos::prelude::*;

use crate::query::View;

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
    (views.len() > 1).then(|| {
        view! {
            <nav class="view-nav" data-testid="view-nav" aria-label="views">
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
                                {v.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
        }
    })
}
