//! Jobs as resumable step machines.
//!
//! A [`Task`] does its work in steps of bounded size (generating a signal, quantizing it with
//! one scheme, timing one bench workload). Whoever drives it can report progress and stop
//! between two steps: the worker returns to its event loop after each step so that a newer
//! request (which supersedes the running job) or a cancel message is seen; on the main thread
//! [`run_to_end`] calls a progress callback after each step, which may cancel.

use crate::protocol::{Outcome, Progress};

/// A source of time in seconds (any origin). The CLI passes `Instant`, the worker
/// `performance.now() / 1000`; jobs that do not time anything ignore it.
pub trait Clock {
    /// The current time in seconds.
    fn now(&mut self) -> f64;
}

impl<F: FnMut() -> f64> Clock for F {
    fn now(&mut self) -> f64 {
        self()
    }
}

/// What one step of a task produced.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// More steps follow.
    Continue,
    /// The task finished with this outcome.
    Done(Outcome),
}

/// A job in progress.
pub trait Task {
    /// How many steps the task takes in all (for progress bars; at least 1).
    fn total_steps(&self) -> u32;
    /// How many steps are done.
    fn done_steps(&self) -> u32;
    /// What the next step does, for the progress bar (typed: the page words it).
    fn stage(&self) -> crate::protocol::Stage;
    /// Results so far, sent with each progress message (None by default).
    fn partial(&self) -> Option<crate::protocol::Partial> {
        None
    }
    /// Does the next step. An `Err` ends the task with that message.
    fn step(&mut self, clock: &mut dyn Clock) -> Result<Step, String>;
}

/// Why [`run_to_end`] returned without an outcome.
#[derive(Clone, Debug, PartialEq)]
pub enum Stopped {
    /// The progress callback returned `false`.
    Cancelled,
    /// The task failed with this message.
    Failed(String),
}

/// Runs `task` to the end, calling `on_progress` after every step that leaves work to do;
/// returning `false` from it cancels the task before its next step.
pub fn run_to_end(
    task: &mut dyn Task,
    clock: &mut dyn Clock,
    on_progress: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Outcome, Stopped> {
    loop {
        match task.step(clock).map_err(Stopped::Failed)? {
            Step::Done(outcome) => return Ok(outcome),
            Step::Continue => {
                let progress = progress_of(0, task);
                if !on_progress(&progress) {
                    return Err(Stopped::Cancelled);
                }
            }
        }
    }
}

/// The progress message of `task` under job id `id`.
pub fn progress_of(id: u64, task: &dyn Task) -> Progress {
    Progress { id, done: task.done_steps(), total: task.total_steps().max(1), stage: task.stage(), partial: task.partial() }
}

/// A clock that always reads 0, for jobs that time nothing.
pub fn no_clock() -> impl Clock {
    || 0.0
}
