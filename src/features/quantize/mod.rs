//! Quantize: paste numbers, see them quantized by any scheme step by step. [`params`] holds
//! its URL keys, [`paste`] how pasted text reads as numbers, [`model`] the computation as
//! display data (all natively tested).

pub mod model;
pub mod params;
pub mod paste;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod controls;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod results;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod trace;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    controls::QuantizeControls,
    results::QuantizeResults,
    trace::QuantizeTrace,
    view::{QuantizeModel, QuantizeView},
};
