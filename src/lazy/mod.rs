//! Views whose code is loaded on demand. The first view downloads one module (`lowbit-app`):
//! the shell, the URL, and the views a visitor lands on. The heavier views that only some
//! visitors open ([`View::is_lazy`](crate::query::View::is_lazy): Signal, Compare, the MNIST
//! lab, the GGUF block explorer) are
//! compiled into a second module, `lowbit-lab` (`src/bin/lowbit-lab.rs`, the same library),
//! which the page fetches the first time such a view opens.
//!
//! - [`host`]: the page's side, [`host::LazyView`]: loads the module (once), mounts the view
//!   into its element, passes it the URL state and takes back what the view changes.
//! - [`guest`]: the module's side: keeps each view's model alive between visits and mounts
//!   the view named by a query string.
//!
//! The two sides speak query strings ([`crate::url::to_query`]), so the URL contract is the
//! only interface between the modules. Each module has its own Leptos runtime; they own
//! disjoint DOM subtrees (Leptos' event delegation is off, so their listeners never meet).

#[cfg(target_arch = "wasm32")]
pub mod guest;
pub mod host;
