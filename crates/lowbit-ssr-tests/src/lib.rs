//! Tests only (`tests/`): Lowbit's views rendered to HTML natively with Leptos' `ssr` feature,
//! checked against the DOM contract (the `data-testid` hooks and data attributes of the
//! README) without a browser.
