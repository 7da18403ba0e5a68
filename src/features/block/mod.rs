//! The GGUF block explorer (`?view=block&type=q4_k`): one block of a llama.cpp type laid out
//! by field, every bit clickable, the values updating as the core dequantizes them, and the
//! k-quants' packed sub-block scales as a diagram. [`params`] holds its URL keys, [`model`] the
//! display data (natively tested).

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod bytes;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod values;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use view::{BlockModel, BlockView};
