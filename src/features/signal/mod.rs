//! Quantized signals: a sine (or ramp, or noise) quantized in any set of schemes, drawn
//! against the original with the error curves and the metrics. [`params`] holds its URL keys,
//! [`model`] the computation and the chart geometry (natively tested), the rest lays it out.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod canvas;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod controls;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod error_mode;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod hover;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod metrics;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod notes;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod presets;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod schemes;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use {
    canvas::{PlotKind, SignalCanvas},
    controls::SignalControls,
    error_mode::SignalErrorMode,
    hover::SignalHover,
    metrics::SignalMetrics,
    notes::SignalNotes,
    presets::SignalPresets,
    schemes::SignalSchemes,
    view::{SignalModel, SignalView},
};
