//! # Lowbit, the web app
//!
//! A Leptos (CSR) front end over `lowbit-core`; `main.rs` only mounts [`App`]. Data flows one
//! way: URL → each feature's params → its model (pure data) → its view.
//!
//! - [`chart`]: the [`chart::Chart`] trait, charts drawn on any plotters backend.
//! - [`query`] and [`text`]: leaf vocabulary (views by URL name, percent-coding, the
//!   [`query::ViewParams`] trait; quoting and number strings).
//! - [`features`]: one slice per view (`params.rs`, `model.rs`, `view.rs`, one file per
//!   component). Later views (and a compute worker, `src/worker/`) are added beside them.
//! - [`embed`]: the app-wide keys (`embed`, `present`) and the share link and snippet.
//! - [`export`]: tables as CSV, Markdown and LaTeX.
//! - [`url`]: composes the features' params into the query string and back.
//! - [`history`]: when a change becomes a browser-history entry.
//! - [`theme`]: the colour theme (`theme=light|dark|contrast|system`) and its contrast tests.
//! - `lazy`: the views loaded on demand from five more modules, `lowbit-signal` (the signals),
//!   `lowbit-quantize` (Quantize), `lowbit-tensors`, `lowbit-speed` and `lowbit-lab`
//!   (Compare, the MNIST lab, the block explorer), so the first view downloads only what it shows.
//! - [`ui`]: shared widgets. `app` holds the state, provides it as context and syncs the URL.
//!
//! Built natively, the crate is only its pure modules (the web stack is a wasm32-only
//! dependency), so `cargo test` checks them without a browser. With the `ssr` feature the
//! views compile natively too and render to HTML (`crates/lowbit-ssr-tests`); the browser
//! side is tested in headless Chromium (`tests/web*.rs`, `crates/lowbit-e2e`).
#![warn(missing_docs)]

pub mod chart;
pub mod embed;
pub mod export;
pub mod features;
pub mod history;
pub mod i18n;
pub mod notice;
pub mod query;
pub mod text;
pub mod theme;
pub mod url;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
mod app;
// Always compiled: its `lazy_module_exports!` macro is used by the modules' binaries, which
// are also built natively (by `cargo test`); its views are compiled only where they run.
pub mod lazy;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod perf;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod ui;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod worker;

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub use app::{App, AppModels, Lowbit};
