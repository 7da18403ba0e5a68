//! The Speed view (`?view=bench`): the compute worker runs `lowbit bench`'s workloads in the
//! visitor's browser — encode/decode of every FP8/FP6/FP4/bf16/f16 format, quantize/dequantize
//! of every scheme — and shows elements per second beside the native figures measured on the
//! project's machine. [`params`] holds its URL key (`n`), [`model`] the table (natively
//! tested), [`view`] the page.

pub mod model;
pub mod params;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use view::{BenchModel, BenchView};
