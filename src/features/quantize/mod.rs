//! Quantize: paste numbers, see them quantized by any scheme step by step. [`params`] holds
//! its URL keys (and the rule that leaves more than 4,096 values out of the URL), [`paste`]
//! how pasted text reads as numbers (`lowbit_jobs::paste`, which the compute worker runs for
//! a long text), [`held`] a long paste kept out of the text box, [`model`] the computation as display data, [`window`]
//! which trace rows are in the page (all natively tested). The view is in the lazily loaded
//! module (`crate::lazy`); inputs above 8,192 values are quantized by the compute worker.

pub mod model;
pub mod params;
pub mod held;
pub use lowbit_jobs::paste;
pub mod window;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod controls;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod results;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod stages;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod trace;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    controls::QuantizeControls,
    results::QuantizeResults,
    trace::QuantizeTrace,
    view::{QuantizeModel, QuantizeView, RemoteResult},
};
