//! The app's views, one file each. [`render`] shows the view the URL names.

pub mod explorer;

use leptos::prelude::*;

use crate::state::ExplorerModel;
use crate::url_state::View;

pub use explorer::Explorer;

/// The view to show. Each view's state lives outside it (in the models the app holds), so
/// switching away and back keeps it.
pub fn render(view: View, explorer: ExplorerModel) -> AnyView {
    match view {
        View::Explorer => view! { <Explorer model=explorer /> }.into_any(),
        // Views this build does not have are never selected: the URL parser and the
        // navigation only offer available ones (see `View::available`).
        View::Tables | View::Signal => view! { <Explorer model=explorer /> }.into_any(),
    }
}
