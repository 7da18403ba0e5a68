//! Inspect real tensors: open a local `.npy` or `.safetensors` file (read in the page, never
//! uploaded; for safetensors only the header first, then only the chosen tensor's bytes), list
//! its tensors, draw the chosen one's histogram with a scheme's stored values overlaid, and rank
//! every registry scheme on it by SQNR, MSE and max error in the compute worker. [`params`]
//! holds its URL key, [`model`] the data (natively tested), the rest lays it out.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod file;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod list;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ranking;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    file::TensorFilePicker,
    list::TensorList,
    ranking::RankingTable,
    view::{TensorsModel, TensorsView},
};
