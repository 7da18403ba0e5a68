//! `lowbit bench`: single-thread throughput of bulk encode (f32 → code) and decode, and of the
//! quantizers, over random normal data.

use std::time::Instant;

use lowbit_core::fast::{FastDecoder, FastEncoder};
use lowbit_core::format::{Kind, CATALOGUE};
use lowbit_core::{Format, OverflowPolicy};

use crate::args::Args;
use crate::render::json_string;

/// Seeded standard-normal f32 samples (SplitMix64 + Box–Muller).
pub fn normal_samples(n: usize, seed: u64) -> Vec<f32> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut out = Vec::with_capacity(n + 1);
    while out.len() < n {
        let (u1, u2) = (next().max(f64::MIN_POSITIVE), next());
        let r = (-2.0 * u1.ln()).sqrt();
        let t = std::f64::consts::TAU * u2;
        out.push((r * t.cos()) as f32);
        out.push((r * t.sin()) as f32);
    }
    out.truncate(n);
    out
}

/// Best-of-three elements per second of `work` over `n` elements.
pub fn throughput(n: usize, mut work: impl FnMut()) -> f64 {
    work(); // warm up: page faults, caches
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    n as f64 / best.max(1e-9)
}

struct Row {
    op: &'static str,
    subject: String,
    block: Option<usize>,
    rate: f64,
}

/// `lowbit bench [--n N] [--json]`
pub fn run(argv: &[String], out: &mut dyn std::io::Write) -> Result<(), String> {
    let args = Args::parse(argv, &["n"], &["json"])?;
    let n = match args.value("n") {
        Some(s) => s.parse::<usize>().ok().filter(|n| (1..=1 << 28).contains(n)).ok_or_else(|| format!("--n must be an integer in 1..=268435456, got '{s}'"))?,
        None => 16 << 20,
    };
    let data = normal_samples(n, 42);
    let mut rows = Vec::new();
    for entry in CATALOGUE {
        let Kind::Float(f) = entry.kind else { continue };
        if f.bits() > 16 {
            continue;
        }
        let format = Format { id: entry.id.to_string(), kind: entry.kind };
        let encoder = FastEncoder::new(&format, format.default_rounding(), OverflowPolicy::Default)
            .ok_or_else(|| format!("no fast encoder for {}", entry.id))?;
        let decoder = FastDecoder::new(&format).ok_or_else(|| format!("no fast decoder for {}", entry.id))?;
        let mut values = vec![0f32; n];
        let (encode_rate, decode_rate) = if f.bits() <= 8 {
            let mut codes = vec![0u8; n];
            let e = throughput(n, || encoder.encode_into_u8(std::hint::black_box(&data), &mut codes));
            let d = throughput(n, || decoder.decode_u8_into(std::hint::black_box(&codes), &mut values));
            (e, d)
        } else {
            let mut codes = vec![0u16; n];
            let e = throughput(n, || encoder.encode_into_u16(std::hint::black_box(&data), &mut codes));
            let d = throughput(n, || decoder.decode_u16_into(std::hint::black_box(&codes), &mut values));
            (e, d)
        };
        std::hint::black_box(&values);
        rows.push(Row { op: "encode", subject: entry.id.to_string(), block: None, rate: encode_rate });
        rows.push(Row { op: "decode", subject: entry.id.to_string(), block: None, rate: decode_rate });
    }
    for r in crate::quantize::bench(n) {
        rows.push(Row { op: r.op, subject: r.scheme, block: Some(r.block), rate: r.elements_per_second });
    }
    write_bench(out, &rows, args.flag("json"))
}

fn write_bench(out: &mut dyn std::io::Write, rows: &[Row], json: bool) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    if json {
        writeln!(out, "[").map_err(io)?;
        for (i, r) in rows.iter().enumerate() {
            let comma = if i + 1 < rows.len() { "," } else { "" };
            let line = match r.block {
                None => format!("{{\"op\": \"{}\", \"format\": {}, \"elements_per_second\": {:.0}}}", r.op, json_string(&r.subject), r.rate),
                Some(b) => format!("{{\"op\": \"{}\", \"scheme\": {}, \"block\": {b}, \"elements_per_second\": {:.0}}}", r.op, json_string(&r.subject), r.rate),
            };
            writeln!(out, "  {line}{comma}").map_err(io)?;
        }
        return writeln!(out, "]").map_err(io);
    }
    writeln!(out, "{:<12} {:<22} {:>6} {:>14}", "op", "format/scheme", "block", "M elements/s").map_err(io)?;
    for r in rows {
        let block = r.block.map_or("-".to_string(), |b| b.to_string());
        writeln!(out, "{:<12} {:<22} {:>6} {:>14.1}", r.op, r.subject, block, r.rate / 1e6).map_err(io)?;
    }
    Ok(())
}
