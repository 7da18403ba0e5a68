//! The app's views, one file each. [`render`] shows the view the URL names.

pub mod explorer;
pub mod quantize;
pub mod signal;
pub mod tables;

use leptos::prelude::*;
use lowbit_core::Format;

use crate::state::ExplorerModel;
use crate::url_state::View;

pub use explorer::Explorer;
pub use quantize::{QuantizeModel, QuantizeView};
pub use signal::{SignalModel, SignalView};
pub use tables::{Tables, TablesModel};

/// The view to show. Each view's state lives outside it (in the models the app holds), so
/// switching away and back keeps it.
/// `on_open` opens a format and code in the explorer (from a table cell).
pub fn render(
    view: View,
    explorer: ExplorerModel,
    tables: TablesModel,
    signal: SignalModel,
    quantize: QuantizeModel,
    on_open: Callback<(Format, u64)>,
) -> AnyView {
    match view {
        View::Explorer => view! { <Explorer model=explorer /> }.into_any(),
        View::Tables => view! { <Tables model=tables on_open=on_open /> }.into_any(),
        View::Signal => view! { <SignalView model=signal /> }.into_any(),
        View::Quantize => view! { <QuantizeView model=quantize /> }.into_any(),
    }
}
