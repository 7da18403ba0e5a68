//! The ranking job of the Tensors view: one tensor's values quantized by every scheme of the
//! registry, ranked by SQNR, with MSE, max error and bits per element, and for each scheme its
//! reconstruction counted into the page's histogram bins (or, when it stores at most
//! [`MAX_LEVELS`] distinct values, those values), so the chart's overlay switches scheme
//! without another job.
//!
//! Steps: one per scheme ([`ranking_schemes`]). Metrics are [`Metrics::compare`] of the values
//! the schemes were given and their reconstruction, over every element.

use lowbit_core::metrics::Metrics;
use lowbit_core::quant::{Options, Scheme, SCHEMES};
use serde::{Deserialize, Serialize};

pub use crate::levels::MAX_LEVELS;
use crate::levels::LevelOverlay;
use crate::protocol::Outcome;
use crate::task::{Clock, Step, Task};

/// The most histogram bins.
pub const MAX_BINS: usize = 1024;

/// The instances of the registry's two templates that are ranked: the casts and the absmax
/// scale onto the common 16- and 8-bit floats.
pub const TEMPLATE_INSTANCES: [&str; 5] = ["cast:bfloat16", "cast:float16", "cast:float8_e4m3fn", "cast:float8_e5m2", "absmax:float8_e4m3fn"];

/// Every scheme ranked: each row of [`SCHEMES`] (the templates through
/// [`TEMPLATE_INSTANCES`]), in registry order.
pub fn ranking_schemes() -> Vec<String> {
    SCHEMES
        .iter()
        .filter(|s| !s.parametric)
        .map(|s| s.id.to_string())
        .chain(TEMPLATE_INSTANCES.iter().map(|s| s.to_string()))
        .collect()
}

/// Rank the schemes on one tensor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingJob {
    /// The tensor's values in row-major order (as the schemes take them: f32).
    pub values: Vec<f32>,
    /// The row length (the last dimension) for per-row schemes; None = one row.
    pub row_len: Option<usize>,
    /// The histogram's lower edge.
    pub lo: f64,
    /// The histogram's upper edge.
    pub hi: f64,
    /// The histogram's bins (1 to [`MAX_BINS`]).
    pub bins: usize,
    /// The schemes to rank; empty = [`ranking_schemes`].
    pub schemes: Vec<String>,
}

/// One scheme's row of the ranking.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingRow {
    /// The canonical scheme id.
    pub scheme: String,
    /// Bits per element, scales included, for this tensor.
    pub bits_per_element: f64,
    /// Mean squared error.
    pub mse: f64,
    /// SQNR in dB (+∞ when exact).
    pub sqnr_db: f64,
    /// Largest |error|.
    pub max_abs_error: f64,
    /// Elements clipped by the element's range.
    pub clipped: usize,
    /// Elements left out of the metrics (NaN, ±Inf).
    pub skipped: usize,
    /// The reconstruction counted into the job's bins.
    pub level_counts: Vec<u32>,
    /// The distinct stored values, when at most [`MAX_LEVELS`]; else empty.
    pub levels: Vec<f32>,
    /// How many distinct values the reconstruction holds ([`MAX_LEVELS`] + 1 means more).
    pub distinct: usize,
}

/// The result of a ranking job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingOutcome {
    /// One row per scheme that ran, best SQNR first (ties: fewer bits first; NaN last).
    pub rows: Vec<RankingRow>,
    /// Schemes that could not run, and why.
    pub failed: Vec<String>,
}

/// One scheme's row: quantize, compare, count into the bins, collect the distinct values.
pub fn rank_one(job: &RankingJob, id: &str) -> Result<RankingRow, String> {
    let scheme = Scheme::parse(id)?;
    let options = Options { row_len: job.row_len.filter(|&r| r > 0), ..Options::default() };
    scheme.check(&options).map_err(|e| format!("{id}: {e}"))?;
    let q = scheme.quantize(&job.values, &options);
    let m = Metrics::compare(&job.values, &q.dequantized);
    let LevelOverlay { level_counts, levels, distinct } = LevelOverlay::of(&q.dequantized, job.lo, job.hi, job.bins.clamp(1, MAX_BINS));
    Ok(RankingRow {
        scheme: q.scheme,
        bits_per_element: q.bits_per_element,
        mse: m.mse,
        sqnr_db: m.sqnr_db,
        max_abs_error: m.max_abs_error,
        clipped: q.clipped,
        skipped: m.skipped,
        level_counts,
        levels,
        distinct,
    })
}

/// Sorts rows best first: higher SQNR, then fewer bits per element; NaN SQNR last.
pub fn sort_rows(rows: &mut [RankingRow]) {
    rows.sort_by(|a, b| {
        let key = |r: &RankingRow| if r.sqnr_db.is_nan() { f64::NEG_INFINITY } else { r.sqnr_db };
        key(b).total_cmp(&key(a)).then(a.bits_per_element.total_cmp(&b.bits_per_element)).then(a.scheme.cmp(&b.scheme))
    });
}

/// The whole ranking at once (the native reference of the task's steps).
pub fn rank_all(job: &RankingJob) -> RankingOutcome {
    let mut task = RankingTask::new(job.clone());
    loop {
        match task.step(&mut crate::task::no_clock()) {
            Ok(Step::Done(Outcome::Ranking(o))) => return o,
            Ok(Step::Continue) => {}
            Ok(Step::Done(_)) | Err(_) => return RankingOutcome { rows: Vec::new(), failed: vec!["the ranking failed".into()] },
        }
    }
}

/// The ranking as a step machine: one scheme per step.
#[derive(Debug)]
pub struct RankingTask {
    job: RankingJob,
    schemes: Vec<String>,
    done: usize,
    rows: Vec<RankingRow>,
    failed: Vec<String>,
}

impl RankingTask {
    /// A task ranking `job`'s schemes.
    pub fn new(job: RankingJob) -> RankingTask {
        let schemes = if job.schemes.is_empty() { ranking_schemes() } else { job.schemes.clone() };
        RankingTask { job, schemes, done: 0, rows: Vec::new(), failed: Vec::new() }
    }
}

impl Task for RankingTask {
    fn total_steps(&self) -> u32 {
        self.schemes.len().max(1) as u32
    }

    fn done_steps(&self) -> u32 {
        self.done as u32
    }

    fn stage(&self) -> crate::protocol::Stage {
        use crate::protocol::Stage;
        match self.schemes.get(self.done) {
            Some(id) => Stage::Quantizing { values: self.job.values.len(), scheme: id.to_string() },
            None => Stage::Ranking,
        }
    }

    fn step(&mut self, _clock: &mut dyn Clock) -> Result<Step, String> {
        if let Some(id) = self.schemes.get(self.done) {
            match rank_one(&self.job, id) {
                Ok(row) => self.rows.push(row),
                Err(e) => self.failed.push(e),
            }
            self.done += 1;
        }
        if self.done < self.schemes.len() {
            return Ok(Step::Continue);
        }
        let mut rows = std::mem::take(&mut self.rows);
        sort_rows(&mut rows);
        Ok(Step::Done(Outcome::Ranking(RankingOutcome { rows, failed: std::mem::take(&mut self.failed) })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::protocol::{Job, Request, Response};
    use crate::task::no_clock;

    fn job(n: usize) -> RankingJob {
        let values: Vec<f32> = (0..n).map(|i| ((i as f32) * 0.731).sin() * (1.0 + (i % 7) as f32 * 0.1)).collect();
        RankingJob { values, row_len: Some(64), lo: -1.7, hi: 1.7, bins: 40, schemes: Vec::new() }
    }

    #[test]
    fn every_registry_scheme_is_ranked_and_equals_direct_computation() {
        let j = job(1024);
        let out = rank_all(&j);
        assert_eq!(out.rows.len() + out.failed.len(), ranking_schemes().len(), "{:?}", out.failed);
        assert!(out.failed.is_empty(), "{:?}", out.failed);
        for row in &out.rows {
            let scheme = Scheme::parse(&row.scheme).unwrap();
            let q = scheme.quantize(&j.values, &Options { row_len: Some(64), ..Options::default() });
            let m = Metrics::compare(&j.values, &q.dequantized);
            assert_eq!(row.mse.to_bits(), m.mse.to_bits(), "{}", row.scheme);
            assert_eq!(row.sqnr_db.to_bits(), m.sqnr_db.to_bits(), "{}", row.scheme);
            assert_eq!(row.max_abs_error, m.max_abs_error, "{}", row.scheme);
            assert_eq!(row.bits_per_element, q.bits_per_element, "{}", row.scheme);
            assert_eq!(row.level_counts.iter().sum::<u32>() as usize, q.dequantized.iter().filter(|v| v.is_finite()).count());
        }
        for w in out.rows.windows(2) {
            assert!(w[0].sqnr_db >= w[1].sqnr_db, "{} before {}", w[0].scheme, w[1].scheme);
        }
        // A per-tensor ternary stores 3 values; bf16 casts store many.
        let ternary = out.rows.iter().find(|r| r.scheme == "ternary").unwrap();
        assert!(ternary.levels.len() <= 3 * 16, "{ternary:?}");
        let bf16 = out.rows.iter().find(|r| r.scheme == "cast:bfloat16").unwrap();
        assert!(bf16.levels.is_empty() && bf16.distinct > MAX_LEVELS);
    }

    #[test]
    fn the_worker_runs_it_with_progress_and_cancel() {
        let mut e = Engine::new();
        e.handle(Request::Run { id: 1, job: Job::Ranking(job(512)) });
        let mut out = Vec::new();
        while e.busy() {
            out.extend(e.step(&mut no_clock()));
        }
        let total = ranking_schemes().len() as u32;
        assert!(matches!(&out[0], Response::Progress(p) if p.done == 1 && p.total == total));
        let Some(Response::Done { outcome: Outcome::Ranking(o), .. }) = out.last() else { panic!("{:?}", out.last()) };
        assert_eq!(*o, rank_all(&job(512)));
        e.handle(Request::Run { id: 2, job: Job::Ranking(job(512)) });
        e.step(&mut no_clock());
        assert_eq!(e.handle(Request::Cancel { id: 2 }), vec![Response::Cancelled { id: 2 }]);
        assert!(!e.busy());
    }

    #[test]
    fn odd_inputs_give_rows_or_reasons() {
        for values in [vec![], vec![0.0; 5], vec![f32::NAN, 1.0, f32::INFINITY], vec![3.0; 1000]] {
            let j = RankingJob { values, row_len: Some(0), lo: 0.0, hi: 0.0, bins: 0, schemes: vec!["nf4".into(), "nope".into(), "q4_k".into()] };
            let out = rank_all(&j);
            assert_eq!(out.rows.len() + out.failed.len(), 3);
            assert!(out.failed.iter().any(|f| f.contains("nope")));
        }
    }
}
