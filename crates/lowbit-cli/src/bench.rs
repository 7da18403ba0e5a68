//! `lowbit bench`: single-thread throughput of bulk encode (f32 → code) and decode, and of the
//! quantizers, over random normal data. The workloads live in `lowbit_jobs::bench`, shared
//! with the app's Speed view.

use std::time::Instant;

use lowbit_jobs::bench::{bench_data, measure, workloads, BenchRow, DEFAULT_ELEMENTS};
use serde::Serialize;

use crate::args::{Checked, Io};
use crate::render::write_json;

/// The largest `--n`: 2^28 elements (1 GiB of f32 input).
const MAX_N: usize = 1 << 28;

fn parse_n(s: &str) -> Result<usize, String> {
    s.parse::<usize>()
        .ok()
        .filter(|n| (1..=MAX_N).contains(n))
        .ok_or_else(|| format!("--n must be an integer in 1..={MAX_N}, got '{s}'"))
}

/// `lowbit bench [--n N] [--json]`: single-thread throughput of encode/decode and quantizers.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Elements per measurement (random normal f32)
    #[arg(long, value_name = "N", value_parser = Checked::new(parse_n), default_value_t = DEFAULT_ELEMENTS)]
    n: usize,
    /// JSON output
    #[arg(long)]
    json: bool,
}

/// Runs `lowbit bench`: the workloads of [`lowbit_jobs::bench`] (the same code the app's Speed
/// view runs in the browser), timed with `Instant`.
pub fn run(args: Args, io: &mut Io) -> Result<(), String> {
    let data = bench_data(args.n);
    let start = Instant::now();
    let mut clock = move || start.elapsed().as_secs_f64();
    let mut rows = Vec::new();
    for workload in workloads() {
        rows.extend(measure(&workload, &data, &mut clock)?);
    }
    write_bench(io.out, &rows, args.json)
}

/// One row of `lowbit bench --json`: a cast (`format`) or a quantizer (`scheme`, `block`).
#[derive(Serialize)]
#[serde(untagged)]
enum BenchJson<'a> {
    Cast { op: &'a str, format: &'a str, elements_per_second: u64 },
    Quantizer { op: &'a str, scheme: &'a str, block: usize, elements_per_second: u64 },
}

fn write_bench(out: &mut dyn std::io::Write, rows: &[BenchRow], json: bool) -> Result<(), String> {
    if json {
        let json: Vec<BenchJson> = rows
            .iter()
            .map(|r| {
                let (op, subject, elements_per_second) = (r.op.as_str(), r.subject.as_str(), r.elements_per_second.round() as u64);
                match r.block {
                    None => BenchJson::Cast { op, format: subject, elements_per_second },
                    Some(block) => BenchJson::Quantizer { op, scheme: subject, block, elements_per_second },
                }
            })
            .collect();
        return write_json(out, &json);
    }
    let io = |e: std::io::Error| e.to_string();
    writeln!(out, "{:<12} {:<22} {:>6} {:>14}", "op", "format/scheme", "block", "M elements/s").map_err(io)?;
    for r in rows {
        let block = r.block.map_or("-".to_string(), |b| b.to_string());
        writeln!(out, "{:<12} {:<22} {:>6} {:>14.1}", r.op, r.subject, block, r.elements_per_second / 1e6).map_err(io)?;
    }
    Ok(())
}
