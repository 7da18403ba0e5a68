//! `lowbit bench`: single-thread throughput of bulk encode (f32 → code) and decode, and of the
//! quantizers, over random normal data. The workloads live in `lowbit_jobs::bench`, shared
//! with the app's Speed view.

use std::time::Instant;

use lowbit_jobs::bench::{bench_data, measure, workloads, BenchRow, DEFAULT_ELEMENTS};

use crate::args::Args;
use crate::render::json_string;

/// `lowbit bench [--n N] [--json]`: the workloads of [`lowbit_jobs::bench`] (the same code the
/// app's Speed view runs in the browser), timed with `Instant`.
pub fn run(argv: &[String], out: &mut dyn std::io::Write) -> Result<(), String> {
    let args = Args::parse(argv, &["n"], &["json"])?;
    let n = match args.value("n") {
        Some(s) => s.parse::<usize>().ok().filter(|n| (1..=1 << 28).contains(n)).ok_or_else(|| format!("--n must be an integer in 1..=268435456, got '{s}'"))?,
        None => DEFAULT_ELEMENTS,
    };
    let data = bench_data(n);
    let start = Instant::now();
    let mut clock = move || start.elapsed().as_secs_f64();
    let mut rows = Vec::new();
    for workload in workloads() {
        rows.extend(measure(&workload, &data, &mut clock)?);
    }
    write_bench(out, &rows, args.flag("json"))
}

fn write_bench(out: &mut dyn std::io::Write, rows: &[BenchRow], json: bool) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    if json {
        writeln!(out, "[").map_err(io)?;
        for (i, r) in rows.iter().enumerate() {
            let comma = if i + 1 < rows.len() { "," } else { "" };
            let rate = r.elements_per_second;
            let line = match r.block {
                None => format!("{{\"op\": \"{}\", \"format\": {}, \"elements_per_second\": {rate:.0}}}", r.op, json_string(&r.subject)),
                Some(b) => format!("{{\"op\": \"{}\", \"scheme\": {}, \"block\": {b}, \"elements_per_second\": {rate:.0}}}", r.op, json_string(&r.subject)),
            };
            writeln!(out, "  {line}{comma}").map_err(io)?;
        }
        return writeln!(out, "]").map_err(io);
    }
    writeln!(out, "{:<12} {:<22} {:>6} {:>14}", "op", "format/scheme", "block", "M elements/s").map_err(io)?;
    for r in rows {
        let block = r.block.map_or("-".to_string(), |b| b.to_string());
        writeln!(out, "{:<12} {:<22} {:>6} {:>14.1}", r.op, r.subject, block, r.elements_per_second / 1e6).map_err(io)?;
    }
    Ok(())
}
