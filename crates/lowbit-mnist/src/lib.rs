//! # lowbit-mnist
//!
//! The first seed article's experiment in Rust: the MLP 784-128-64-10 (ReLU, log-softmax +
//! NLL) trained with the seed's recipe on MNIST digits, then run in every Lowbit scheme —
//! bitsandbytes' `Linear8bitLt` / `LinearFP4` / `LinearNF4` as the seed runs them, casts,
//! FP8, INT4, MX and NVFP4, ternary and binary weights computed with adds and subtracts only,
//! BitNet b1.58 — and trained quantization-aware (straight-through estimator).
//!
//! Pure: no file or network I/O (bytes in, bytes out), no threads, no web dependencies, so
//! the same code runs in the CLI and in the browser's worker. Weights and data are
//! safetensors files ([`model::Mlp::from_safetensors`], [`data::Dataset::from_safetensors`]).
#![warn(missing_docs)]

pub mod data;
pub mod model;
pub mod preprocess;
pub mod schemes;
pub mod train;

pub use data::{default_split, Dataset, LoadError, Split};
pub use model::Mlp;
pub use preprocess::mnist_style;
pub use schemes::{evaluate, EvalResult, LayerSchemes, MnistScheme, QuantizedMlp, ALL_SCHEMES, QAT_SCHEMES};
pub use train::{train, EpochReport, TrainConfig, TrainResult, Trainer};
