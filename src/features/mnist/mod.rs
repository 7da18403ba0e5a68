//! The MNIST lab (`?view=mnist`): the seed article's network trained, quantized and scored in
//! every scheme, in a compute worker fed with data files fetched when the view opens.
//! [`params`] holds its URL keys, [`model`] its data (natively tested); the components each
//! have a file; [`lab`] is the line to the worker.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod browser;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod charts;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod digit_image;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod draw;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod drop;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod lab;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod logits;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod table;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod train;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use view::{MnistModel, MnistView};
