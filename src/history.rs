//! When a state change becomes a new browser-history entry: the pure rule behind the app's
//! URL sync (the browser side is in `app.rs`). Switching views always adds an entry; other
//! changes add one unless they follow the previous write within [`BURST_MS`] — typing,
//! dragging a slider or painting bits is one burst of changes, and Back undoes it whole.
//! A write that restores the URL's own state (the first load, Back/Forward) replaces and does
//! not start a burst: the next edit is a new entry.

use crate::query::View;

/// Changes closer together than this (milliseconds) are one history entry.
pub const BURST_MS: f64 = 700.0;

/// How the URL is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// `history.pushState`: a new entry.
    Push,
    /// `history.replaceState`: the current entry changes.
    Replace,
}

/// The last write, as the rule needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LastWrite {
    /// When (milliseconds, any monotonic clock).
    pub at: f64,
    /// The view it showed.
    pub view: View,
}

/// How to write the URL for a change to `view` at time `now`, after `last` (None: nothing
/// written yet), when `restoring` (the state comes from the URL itself).
pub fn decide(last: Option<LastWrite>, view: View, now: f64, restoring: bool) -> Write {
    match last {
        _ if restoring => Write::Replace,
        // The first edit after a load or Back/Forward (restoring writes are not remembered).
        None => Write::Push,
        Some(l) if l.view != view => Write::Push,
        Some(l) if now - l.at < BURST_MS => Write::Replace,
        Some(_) => Write::Push,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bursts_coalesce_and_view_switches_push() {
        let at = |at: f64, view: View| Some(LastWrite { at, view });
        assert_eq!(decide(None, View::Explorer, 0.0, true), Write::Replace, "the first load");
        assert_eq!(decide(None, View::Explorer, 900.0, false), Write::Push, "the first edit after a load");
        assert_eq!(decide(at(0.0, View::Explorer), View::Explorer, 100.0, false), Write::Replace, "typing");
        assert_eq!(decide(at(0.0, View::Explorer), View::Explorer, 2000.0, false), Write::Push, "a new edit");
        assert_eq!(decide(at(0.0, View::Explorer), View::Tables, 100.0, false), Write::Push, "a view switch");
        assert_eq!(decide(at(0.0, View::Explorer), View::Tables, 5000.0, true), Write::Replace, "Back/Forward");
    }
}
