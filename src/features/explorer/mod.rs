//! The bit explorer: pick a format, click bits, type numbers, read every detail of the value.
//!
//! [`params`] reads and writes its URL keys, [`model`] derives everything it shows from
//! (format, code) as plain data, [`state`] holds its signals, [`view`] lays it out from one
//! component per file.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod bit_cells;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod code_readout;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod custom_format;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod exact_decimal;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod formula;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod jumps;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod limits_card;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod limits_table;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod neighbours;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod state;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod value_input;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod value_readout;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    bit_cells::BitCells, code_readout::CodeReadout, custom_format::CustomFormat, exact_decimal::ExactDecimal,
    formula::FormulaView, limits_card::LimitsCard, limits_table::LimitsTable, neighbours::Neighbours,
    state::ExplorerModel, value_input::ValueInput, value_readout::ValueReadout, view::Explorer,
};
