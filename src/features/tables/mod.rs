//! The value tables: the seed's 4-bit tables, how NF4 is built, and every code of any format
//! of at most 8 bits. [`params`] holds its URL key, [`model`] the tables as data.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod figure;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod grid;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod legend;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod list;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    figure::TableNormalFigure,
    grid::TableGrid,
    legend::TableLegend,
    list::TableList,
    view::{Tables, TablesModel},
};
