//! # lowbit-jobs
//!
//! The heavy work of the Lowbit app as plain Rust, runnable anywhere: on the page's main thread
//! for small inputs, in the compute Web Worker (`crates/lowbit-worker`) for large ones, and in
//! native tests.
//!
//! - [`protocol`]: the typed messages between the page and the worker ([`protocol::Request`],
//!   [`protocol::Response`]) and their compact binary encoding.
//! - [`task`]: jobs as resumable step machines — progress after every step, cancellation
//!   between steps — and [`task::run_to_end`], which drives one with a progress callback that
//!   may cancel it.
//! - [`signal`]: a test signal of up to [`signal::MAX_SAMPLES`] samples quantized by several
//!   schemes: exact metrics over every sample, charts from a min/max-per-pixel-column view
//!   ([`decimate`]).
//! - [`quantize`]: up to [`quantize::MAX_VALUES`] values through one scheme; the step-by-step
//!   trace is computed on demand for a window of rows ([`quantize::trace_window`]).
//! - [`bench`]: the throughput workloads that `lowbit bench` measures, timed by a clock the
//!   caller provides (the CLI's `Instant`, the worker's `performance.now()`).
//! - [`mnist`]: the MNIST lab (lowbit-mnist): loading fetched or dropped files, the
//!   accuracy/size table, digits and drawings through every scheme, histograms, training.
//! - [`ranking`]: every registry scheme ranked on one tensor (the Tensors view), with each
//!   scheme's reconstruction counted into the page's histogram bins.
//! - [`tensor`]: one tensor's bytes from the visitor's file decoded (lowbit-tensors), its
//!   histogram, and its ranking: the Tensors view's job, all of it in the worker.
//! - [`levels`]: a histogram of some values with a scheme's stored values overlaid (the
//!   Quantize view's chart; the ranking's overlays).
//! - [`paste`]: how pasted text reads as numbers (the Quantize view's parser; the worker reads
//!   long texts with [`paste::PasteJob`]).
//! - [`placement`]: the rule that decides whether a job runs on the main thread or in the worker.
//! - [`engine`]: the worker's state: the running job, supersession, and the last results kept
//!   for trace windows and probes.
//!
//! No web dependencies; nothing here panics on any input or message.
#![warn(missing_docs)]

pub mod bench;
pub mod decimate;
pub mod engine;
pub mod levels;
pub mod mnist;
pub mod native_bench;
pub mod paste;
pub mod placement;
pub mod protocol;
pub mod quantize;
pub mod ranking;
pub mod signal;
pub mod task;
pub mod tensor;
pub mod text;
pub mod wire;
