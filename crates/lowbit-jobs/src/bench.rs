//! The throughput bench: what `lowbit bench` measures natively and the Speed view measures in
//! the visitor's browser (in the compute worker) — the same workloads, the same code.
//!
//! A [`Workload`] is a pair of operations timed over the same random normal input
//! ([`bench_data`]): encode then decode for a float format of up to 16 bits (the table-driven
//! [`FastEncoder`] / [`FastDecoder`]), and for every scheme of the quantizer registry exactly
//! what the app and `lowbit quantize` run: quantize = [`Scheme::encode`] (codes, packing,
//! scales), dequantize = [`Scheme::dequantize_into`] — the two halves of
//! [`Scheme::quantize`], which adds the trace only when asked. Each operation is run once to warm up, then three times; the best time gives the
//! elements per second. Time comes from a [`Clock`] the caller provides (the CLI's `Instant`,
//! the worker's `performance.now()`), so this module needs no platform timer.
//!
//! To bench another operation, add it to [`workloads`] and [`measure`]: both the CLI and the
//! browser pick it up.

use lowbit_core::fast::{FastDecoder, FastEncoder};
use lowbit_core::format::{Format, Kind, CATALOGUE};
use lowbit_core::gguf::{self, GgufType};
use lowbit_core::quant::{Options, Scheme, SCHEMES};
use lowbit_core::signal::gaussian_noise;
use lowbit_core::OverflowPolicy;
use serde::{Deserialize, Serialize};
use std::hint::black_box;

use crate::protocol::Outcome;
use crate::task::{Clock, Step, Task};

/// The default number of elements (16 Mi).
pub const DEFAULT_ELEMENTS: usize = 16 << 20;

/// The most elements the browser bench takes (64 Mi: the worker holds the input, the codes
/// and the output, about 9 bytes an element).
pub const MAX_BROWSER_ELEMENTS: usize = 64 << 20;

/// The seed of the bench input.
pub const SEED: u64 = 42;

/// What a workload measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Workload {
    /// Encode (f32 → code) and decode of a float format of up to 16 bits.
    Format(&'static str),
    /// Quantize (codes, packing, scales) and dequantize of a registry scheme, default options.
    Scheme(&'static str),
    /// Quantize and dequantize of a GGUF block type (ggml's bytes).
    Gguf(GgufType),
}

/// The element format the templates `cast:FORMAT` and `absmax:FORMAT` are timed with.
const TEMPLATES: [(&str, &str); 2] = [("cast:FORMAT", "cast:float8_e4m3fn"), ("absmax:FORMAT", "absmax:float8_e4m3fn")];

impl Workload {
    /// The format or scheme id.
    pub fn subject(&self) -> &'static str {
        match self {
            Workload::Format(id) | Workload::Scheme(id) => id,
            Workload::Gguf(t) => t.id(),
        }
    }

    /// The two operations' names: `encode`/`decode` or `quantize`/`dequantize`.
    pub fn ops(&self) -> [&'static str; 2] {
        match self {
            Workload::Format(_) => ["encode", "decode"],
            _ => ["quantize", "dequantize"],
        }
    }
}

/// Every workload, in the order the rows are printed: the catalogue's float formats of up to
/// 16 bits (FP16, BF16, every FP8, FP6 and FP4), then every scheme of the registry in its
/// order (the templates with `float8_e4m3fn`) but its GGUF rows, then the GGUF types q4_0,
/// q8_0 and q4_k.
pub fn workloads() -> Vec<Workload> {
    let mut out: Vec<Workload> = CATALOGUE
        .iter()
        .filter(|e| matches!(e.kind(), Kind::Float(f) if f.bits() <= 16))
        .map(|e| Workload::Format(e.id()))
        .collect();
    // The GGUF rows of the registry are timed as the three GGUF workloads below (ggml's
    // k-quant scale searches run at about a million elements a second).
    out.extend(SCHEMES.iter().filter(|s| s.ggml.is_none()).map(|s| {
        Workload::Scheme(TEMPLATES.iter().find(|(template, _)| *template == s.id).map_or(s.id, |(_, id)| id))
    }));
    out.extend([GgufType::Q4_0, GgufType::Q8_0, GgufType::Q4K].map(Workload::Gguf));
    out
}

/// One measured operation (the JSON row of `lowbit bench --json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchRow {
    /// `encode`, `decode`, `quantize` or `dequantize`.
    pub op: String,
    /// The format id (encode/decode) or scheme id (quantize/dequantize).
    pub subject: String,
    /// The block size of a quantizer.
    pub block: Option<usize>,
    /// Best-of-three single-thread throughput.
    pub elements_per_second: f64,
}

/// The bench input: `n` standard normal f32 ([`gaussian_noise`] with [`SEED`]).
pub fn bench_data(n: usize) -> Vec<f32> {
    gaussian_noise(1.0, n, SEED)
}

/// Elements per second of `work` over `n` elements: one warm-up run (page faults, caches),
/// then the best of three.
pub fn throughput(n: usize, clock: &mut dyn Clock, mut work: impl FnMut()) -> f64 {
    work();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = clock.now();
        work();
        best = best.min(clock.now() - start);
    }
    n as f64 / best.max(1e-9)
}

/// Times one workload over `data`: its two rows.
pub fn measure(workload: &Workload, data: &[f32], clock: &mut dyn Clock) -> Result<[BenchRow; 2], String> {
    let n = data.len();
    // The block size in effect (quantizers only).
    let mut block = None;
    let rates = match workload {
        Workload::Format(id) => {
            let format = Format::parse(id).map_err(|e| e.to_string())?;
            let encoder = FastEncoder::new(&format, format.default_rounding(), OverflowPolicy::Default)
                .ok_or_else(|| format!("no fast encoder for {id}"))?;
            let decoder = FastDecoder::new(&format).ok_or_else(|| format!("no fast decoder for {id}"))?;
            let mut values = vec![0f32; n];
            let rates = if format.bits() <= 8 {
                let mut codes = vec![0u8; n];
                let e = throughput(n, clock, || encoder.encode_into_u8(black_box(data), &mut codes));
                let d = throughput(n, clock, || decoder.decode_u8_into(black_box(&codes), &mut values));
                [e, d]
            } else {
                let mut codes = vec![0u16; n];
                let e = throughput(n, clock, || encoder.encode_into_u16(black_box(data), &mut codes));
                let d = throughput(n, clock, || decoder.decode_u16_into(black_box(&codes), &mut values));
                [e, d]
            };
            black_box(&values);
            rates
        }
        Workload::Scheme(id) => {
            let scheme = Scheme::parse(id)?;
            let options = Options::default();
            let mut q = scheme.encode(data, &options);
            let mut out = Vec::new();
            let e = throughput(n, clock, || q = scheme.encode(black_box(data), &options));
            let d = throughput(n, clock, || scheme.dequantize_into(black_box(&q), &mut out));
            black_box(&out);
            block = Some(q.block);
            [e, d]
        }
        Workload::Gguf(t) => {
            let (mut blocks, mut out) = (Vec::new(), Vec::new());
            let e = throughput(n, clock, || gguf::quantize_into(*t, black_box(data), &mut blocks));
            let mut result = Ok(());
            let d = throughput(n, clock, || result = gguf::dequantize_into(*t, black_box(&blocks), &mut out));
            result?;
            black_box(&out);
            block = Some(t.block_elements());
            [e, d]
        }
    };
    let [a, b] = workload.ops();
    let row = |op: &str, rate: f64| BenchRow {
        op: op.to_string(),
        subject: workload.subject().to_string(),
        block,
        elements_per_second: rate,
    };
    Ok([row(a, rates[0]), row(b, rates[1])])
}

/// Run the bench over `n` elements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchJob {
    /// Elements per operation (1 ..= [`MAX_BROWSER_ELEMENTS`]).
    pub n: usize,
}

/// The bench's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchOutcome {
    /// Elements per operation.
    pub n: usize,
    /// Two rows per workload, in [`workloads`] order.
    pub rows: Vec<BenchRow>,
}

/// A bench in progress: one step makes the input, then one step per workload.
#[derive(Debug)]
pub struct BenchTask {
    n: usize,
    data: Option<Vec<f32>>,
    workloads: Vec<Workload>,
    rows: Vec<BenchRow>,
}

impl BenchTask {
    /// Prepares the bench.
    pub fn new(job: BenchJob) -> BenchTask {
        BenchTask { n: job.n, data: None, workloads: workloads(), rows: Vec::new() }
    }

    /// The rows measured so far.
    pub fn rows(&self) -> &[BenchRow] {
        &self.rows
    }
}

impl Task for BenchTask {
    fn total_steps(&self) -> u32 {
        1 + self.workloads.len() as u32
    }

    fn done_steps(&self) -> u32 {
        self.data.is_some() as u32 + (self.rows.len() / 2) as u32
    }

    fn stage(&self) -> crate::protocol::Stage {
        use crate::protocol::Stage;
        match (&self.data, self.workloads.get(self.rows.len() / 2)) {
            (None, _) => Stage::MakingValues(self.n),
            (Some(_), Some(w)) => Stage::Timing { format: matches!(w, Workload::Format(_)), subject: w.subject().into() },
            (Some(_), None) => Stage::Done,
        }
    }

    fn step(&mut self, clock: &mut dyn Clock) -> Result<Step, String> {
        let Some(data) = &self.data else {
            if !(1..=MAX_BROWSER_ELEMENTS).contains(&self.n) {
                return Err(format!("the bench takes 1 to {MAX_BROWSER_ELEMENTS} elements, got {}", self.n));
            }
            self.data = Some(bench_data(self.n));
            return Ok(Step::Continue);
        };
        if let Some(w) = self.workloads.get(self.rows.len() / 2) {
            let rows = measure(w, data, clock)?;
            self.rows.extend(rows);
        }
        if self.rows.len() / 2 < self.workloads.len() {
            return Ok(Step::Continue);
        }
        self.data = None;
        Ok(Step::Done(Outcome::Bench(BenchOutcome { n: self.n, rows: std::mem::take(&mut self.rows) })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::run_to_end;

    fn clock() -> impl Clock {
        let start = std::time::Instant::now();
        move || start.elapsed().as_secs_f64()
    }

    #[test]
    fn every_small_float_format_and_the_quantizers() {
        let w = workloads();
        let formats: Vec<&str> = w.iter().filter(|w| matches!(w, Workload::Format(_))).map(|w| w.subject()).collect();
        for id in ["float16", "bfloat16", "float8_e4m3fn", "float8_e5m2", "float6_e2m3fn", "float6_e3m2fn", "float4_e2m1fn", "float8_e8m0fnu"] {
            assert!(formats.contains(&id), "{id}");
        }
        assert!(!formats.contains(&"float32"));
        let schemes: Vec<&str> = w.iter().filter(|w| matches!(w, Workload::Scheme(_))).map(|w| w.subject()).collect();
        let registry: Vec<_> = SCHEMES.iter().filter(|s| s.ggml.is_none()).collect();
        assert_eq!(schemes.len(), registry.len());
        for (id, info) in schemes.iter().zip(registry) {
            assert_eq!(*id, info.id.replace("FORMAT", "float8_e4m3fn"));
            assert!(Scheme::parse(id).is_ok());
        }
        let ggufs: Vec<&str> = w.iter().filter(|w| matches!(w, Workload::Gguf(_))).map(|w| w.subject()).collect();
        assert_eq!(ggufs, ["q4_0", "q8_0", "q4_k"]);
    }

    #[test]
    fn the_task_measures_every_row() {
        let mut task = BenchTask::new(BenchJob { n: 4096 });
        let mut progress = Vec::new();
        let Ok(Outcome::Bench(o)) = run_to_end(&mut task, &mut clock(), &mut |p| {
            progress.push(p.done);
            true
        }) else {
            panic!()
        };
        assert_eq!(o.rows.len(), 2 * workloads().len());
        assert!(o.rows.iter().all(|r| r.elements_per_second > 0.0 && r.elements_per_second.is_finite()));
        assert!(progress.windows(2).all(|p| p[0] < p[1]));
        assert_eq!(o.rows[0].op, "encode");
        let nf4 = o.rows.iter().find(|r| r.op == "quantize" && r.subject == "nf4").unwrap();
        assert_eq!(nf4.block, Some(64));
        let mx = o.rows.iter().find(|r| r.op == "dequantize" && r.subject == "mxfp4").unwrap();
        assert_eq!(mx.block, Some(32));
        // Every quantizer row names its block; format rows do not.
        assert!(o.rows.iter().all(|r| r.block.is_some() == (r.op == "quantize" || r.op == "dequantize")));
    }

    #[test]
    fn bad_sizes_fail() {
        for n in [0, MAX_BROWSER_ELEMENTS + 1] {
            assert!(run_to_end(&mut BenchTask::new(BenchJob { n }), &mut clock(), &mut |_| true).is_err());
        }
    }

    #[test]
    fn the_input_is_standard_normal() {
        let normal = bench_data(100_000);
        let mean = normal.iter().map(|&x| x as f64).sum::<f64>() / 1e5;
        let var = normal.iter().map(|&x| (x as f64 - mean).powi(2)).sum::<f64>() / 1e5;
        assert!(mean.abs() < 0.02 && (var - 1.0).abs() < 0.02);
    }
}
