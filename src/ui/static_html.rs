//! Markup fixed at compile time (an intro text, the embedded NF4 figure): the one kind of
//! HTML the app hands to `inner_html`. [`StaticHtml`] can only be made from a `&'static str`,
//! so nothing computed at run time — least of all user text — can become markup.

use leptos::prelude::*;

/// HTML text known at compile time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StaticHtml(&'static str);

impl StaticHtml {
    /// Wraps a compile-time string (`include_str!`, a literal).
    pub const fn new(html: &'static str) -> StaticHtml {
        StaticHtml(html)
    }

    /// The markup.
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

/// A `<div>` holding static markup.
#[component]
pub fn StaticBlock(
    /// The markup.
    html: StaticHtml,
    /// The `<div>`'s class.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    view! { <div class=class inner_html=html.as_str()></div> }
}
