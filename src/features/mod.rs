//! The app's views, one feature slice each: `params.rs` (its URL keys, through
//! [`crate::query::ViewParams`]), `model.rs` (pure data, natively tested), `view.rs` and one
//! file per component. A feature imports the shared [`crate::ui`] widgets and the leaf
//! modules ([`crate::query`], [`crate::text`]), never another feature.

pub mod bench;
pub mod block;
pub mod compare;
pub mod explorer;
pub mod mnist;
pub mod quantize;
pub mod signal;
pub mod tables;
pub mod tensors;
