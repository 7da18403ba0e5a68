//! The page's handle on the compute worker ([`WorkerClient`]), and the pure bookkeeping behind
//! it ([`Slots`]).
//!
//! The worker is the `lowbit-worker` binary of this crate, built by Trunk as a second rust
//! asset (`data-type="worker"`, `data-loader-shim`). Trunk does not hash its files, so the
//! page starts it as `new Worker("./lowbit-worker_loader.js")` — relative to the page, which
//! works under any path prefix. It is not preloaded: [`WorkerClient::send`] starts it on the
//! first request. Requests posted before the worker's "ready" message are queued (a worker
//! drops messages that arrive before its WebAssembly is initialised). When the worker fails
//! (a trap: out of memory, or anything else that aborts WebAssembly), the page is told with a
//! [`Response::Failed`], the worker is terminated, and the next request starts a fresh one.
#![warn(missing_docs)]

use lowbit_jobs::protocol::JobId;
pub use lowbit_jobs::protocol::{Envelope, Job, Request, Response};

/// The worker's loader script, relative to the page (Trunk's `data-loader-shim`).
pub const WORKER_URL: &str = "./lowbit-worker_loader.js";

/// Job ids and supersession on the page's side: each view (a slot) remembers the last job it
/// asked for; a response for any other job of that slot is stale and must not show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slots {
    next: JobId,
    latest: Vec<(&'static str, JobId)>,
}

impl Slots {
    /// No jobs yet.
    pub fn new() -> Slots {
        Slots::default()
    }

    /// A fresh id for a job of `slot` ("signal", "quantize", "bench"…): it supersedes the
    /// slot's previous job.
    pub fn start(&mut self, slot: &'static str) -> JobId {
        self.next += 1;
        let id = self.next;
        match self.latest.iter_mut().find(|(s, _)| *s == slot) {
            Some(entry) => entry.1 = id,
            None => self.latest.push((slot, id)),
        }
        id
    }

    /// The slot's current job.
    pub fn current(&self, slot: &str) -> Option<JobId> {
        self.latest.iter().find(|(s, _)| *s == slot).map(|(_, id)| *id)
    }

    /// The slot that `id` is the current job of (None: stale or unknown — ignore it).
    pub fn owner(&self, id: JobId) -> Option<&'static str> {
        self.latest.iter().find(|(_, j)| *j == id).map(|(s, _)| *s)
    }

    /// Forgets the slot's job (its view no longer waits for it).
    pub fn clear(&mut self, slot: &str) {
        self.latest.retain(|(s, _)| *s != slot);
    }
}

#[cfg(target_arch = "wasm32")]
mod client;
#[cfg(target_arch = "wasm32")]
pub use client::WorkerClient;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_jobs_supersede_older_ones_per_slot() {
        let mut s = Slots::new();
        let a = s.start("signal");
        let b = s.start("quantize");
        assert_eq!((s.owner(a), s.owner(b)), (Some("signal"), Some("quantize")));
        let c = s.start("signal");
        assert!(c > b && b > a);
        assert_eq!(s.owner(a), None, "a superseded job's result never shows");
        assert_eq!(s.owner(c), Some("signal"));
        assert_eq!(s.current("signal"), Some(c));
        s.clear("signal");
        assert_eq!(s.owner(c), None);
        assert_eq!(s.owner(b), Some("quantize"));
    }
}
