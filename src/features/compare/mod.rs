//! Compare formats: the representable values of chosen formats on one number line (linear or
//! log, zoomable) with their density, gaps, subnormals and overflow; the relative spacing
//! ULP(x)/x as a sawtooth; the limits side by side; one number in every format. [`params`]
//! holds its URL keys, [`model`] the data (from `lowbit-core`, natively tested), the rest
//! lays it out.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod controls;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod limits;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod values;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    controls::CompareControls,
    limits::CompareLimits,
    values::CompareValues,
    view::{CompareModel, CompareView},
};
