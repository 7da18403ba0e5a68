//! # lowbit-core
//!
//! The exact engine behind Lowbit: machine-learning number formats described as data
//! ([`float::FloatFormat`], [`int::IntFormat`], [`codebook::Codebook`]), one rounding kernel
//! ([`round`]), exact decimal input and output ([`decimal`]), a catalogue with ml_dtypes'
//! names ([`format`]), encoding with IEEE-style status flags ([`encode`]).
//! No web dependencies; no function panics on any input value.
#![warn(missing_docs)]

pub mod bignum;
pub mod codebook;
pub mod decimal;
pub mod encode;
pub mod fast;
pub mod float;
pub mod format;
pub mod gguf;
pub mod int;
pub mod metrics;
pub mod quant;
pub mod rng;
pub mod round;
pub mod signal;

pub use encode::{Encoded, Encoder};
pub use float::{Class, FloatFormat, FloatSpec, FormatError, FormatReason, Specials};
pub use format::{Format, Kind, CATALOGUE};
pub use round::{Exact, OverflowPolicy, RoundingMode, Status};
