//! A large result from the compute worker laid out over several animation frames.
//!
//! A million values' result is a few small facts (the summary, the metrics) and a few heavy
//! parts: the lists of up to 4,096 entries, the packed-bytes table of up to 256 rows, the
//! histogram and the trace table. Laid out at once they made one main-thread task of
//! ~80–220 ms (issue 9: none over 50 ms while a worker job runs or its result shows). So when
//! the worker's result arrives, the summary and the metrics show at once and each heavy part
//! follows after an animation frame, in a task of its own ([`Part`], in order). A part not
//! laid out yet is absent — never the last result's — and the output says it is busy
//! (`aria-busy="true"`) until every part is in. A result computed on the page (a few thousand values at most) shows
//! whole at once.

use leptos::prelude::*;

/// The parts of a result, in the order they are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The summary line, the metrics, the quantizer's remarks, the article notes.
    Summary,
    /// The codes, scales, further facts and the reconstruction (up to 4,096 entries each).
    Lists,
    /// The packed-bytes table.
    Packed,
    /// The histogram.
    Histogram,
    /// The trace table (its rows come from the worker, read for the window in view).
    Trace,
}

impl Part {
    /// The last part: with it, the whole result is laid out.
    pub const LAST: Part = Part::Trace;

    /// The part after this one (the last stays the last).
    fn next(self) -> Part {
        match self {
            Part::Summary => Part::Lists,
            Part::Lists => Part::Packed,
            Part::Packed => Part::Histogram,
            Part::Histogram | Part::Trace => Part::Trace,
        }
    }
}

/// How far the result shown is laid out; `Copy`, owned by the view.
#[derive(Clone, Copy)]
pub struct Stages {
    /// The last part laid out.
    laid_out: RwSignal<Part>,
    /// Which result is being laid out: a newer one abandons the frames scheduled for an
    /// older one.
    generation: StoredValue<u64>,
}

impl Default for Stages {
    fn default() -> Stages {
        Stages::new()
    }
}

impl Stages {
    /// Everything laid out (what the view shows when it mounts).
    pub fn new() -> Stages {
        Stages { laid_out: RwSignal::new(Part::LAST), generation: StoredValue::new(0) }
    }

    /// A new result is about to show: only its summary now, the other parts one animation
    /// frame after another.
    pub fn restart(&self) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.laid_out.set(Part::Summary);
        self.schedule(generation);
    }

    /// Adds the next part once the next animation frame is drawn, then the one after it, until
    /// the last, unless a newer result restarted meanwhile. Each part is added in a task of its
    /// own after a frame (a timeout set from the frame's callback), so building its DOM and
    /// the browser's layout of it (in the frame after) are two tasks, and never share a task
    /// with the part before.
    fn schedule(self, generation: u64) {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if self.generation.try_get_value() != Some(generation) {
                        return;
                    }
                    let next = self.laid_out.get_untracked().next();
                    self.laid_out.set(next);
                    if next < Part::LAST {
                        self.schedule(generation);
                    }
                },
                std::time::Duration::ZERO,
            );
        });
    }

    /// Whether `part` is laid out (tracked).
    pub fn shows(&self, part: Part) -> bool {
        self.laid_out.get() >= part
    }
}
