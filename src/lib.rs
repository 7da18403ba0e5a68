//! # Lowbit, the web app
//!
//! A Leptos (CSR) front end over `lowbit-core`: `main.rs` only mounts [`App`]. The state that
//! can be shared lives in the URL query ([`url_state`], a pure serializer); what the explorer
//! shows is derived by plain functions ([`display`]); `components` lay it out, one component
//! per file; `views` compose them.
//!
//! Built natively, the crate is only its two pure modules (the web stack is a wasm32-only
//! dependency), so `cargo test` checks them without a browser; everything else is tested in
//! headless Chromium (`tests/web.rs`, `crates/lowbit-e2e`).
#![warn(missing_docs)]

pub mod display;
pub mod quantize_model;
pub mod signal_model;
pub mod tables_model;
pub mod url_state;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod perf;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod views;

#[cfg(target_arch = "wasm32")]
pub use app::{App, Lowbit};
