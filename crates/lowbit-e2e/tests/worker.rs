//! The compute worker end to end: the built `dist/` served on 127.0.0.1 (at `/`, then under
//! `/lowbit/` with gzip, as the hosting test serves it), the page starts
//! `./lowbit-worker_loader.js` as a Web Worker, and this test exchanges the binary messages
//! of `lowbit_jobs::protocol` with it (encoded and decoded here, natively). It checks the
//! 1,048,576-sample signal job against the native computation, supersession, a malformed
//! message, trace windows, and prints the main thread's long tasks and requestAnimationFrame
//! gaps while the worker computes, and the bench's WASM/native ratios (no timed assertions).
//!
//! Needs `trunk build --release` first (scripts/test.sh does it).

use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::Client;
use lowbit_e2e::{connect, repo_root, Driver, ServeOptions, StaticServer, TempDir};
use lowbit_jobs::bench::BenchJob;
use lowbit_jobs::native_bench::{native_rate, MEASURED_ON};
use lowbit_jobs::protocol::{decode_response, encode, Job, JobId, Outcome, Request, Response};
use lowbit_jobs::quantize::{trace_window, QuantizeJob, RunOptions, TraceJob};
use lowbit_jobs::signal::{SchemeRun, SignalInput, SignalJob, SignalTask};
use lowbit_jobs::task::{no_clock, run_to_end};
use serde_json::{json, Value};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Starts the worker once per page (waiting for its "ready"), posts the requests, and
/// collects every response until the one that ends job `terminal` (−1: a failure without an
/// id). Meanwhile it records long tasks (PerformanceObserver 'longtask') and the largest gap
/// between animation frames on the page's main thread.
const EXCHANGE: &str = r#"
const [requests, terminal, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const varint = (b, i) => {
  const t = b[i];
  if (t < 251) return t;
  const n = t === 251 ? 2 : t === 252 ? 4 : 8;
  let v = 0;
  for (let k = n - 1; k >= 0; k--) v = v * 256 + b[i + 1 + k];
  return v;
};
// Response tags: 0 Ready, 1 Progress, 2 Done, 3 Cancelled, 4 Failed (Option<id>).
const ends = (b) => b[0] === 2 || b[0] === 3 ? varint(b, 1) : b[0] === 4 ? (b[1] === 1 ? varint(b, 2) : -1) : null;
const longtasks = [];
let observer = null;
try {
  observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longtasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
} catch (e) {}
let measuring = true, last = performance.now(), maxGap = 0, frames = 0;
const frame = (t) => { if (!measuring) return; frames++; maxGap = Math.max(maxGap, t - last); last = t; requestAnimationFrame(frame); };
requestAnimationFrame(frame);
const state = window.__lowbitWorkerTest || (window.__lowbitWorkerTest = {});
const t0 = performance.now();
const start = () => new Promise((resolve, reject) => {
  const w = new Worker('./lowbit-worker_loader.js');
  w.onmessage = (e) => { const b = new Uint8Array(e.data); if (b.length === 1 && b[0] === 0) resolve(w); };
  w.onerror = (e) => reject(new Error(e.message || 'worker error'));
});
const finish = (result) => { measuring = false; if (observer) observer.disconnect(); done(result); };
(state.worker ? Promise.resolve(state.worker) : start().then((w) => (state.worker = w))).then((w) => {
  const readyMs = performance.now() - t0;
  const responses = [];
  const posted = performance.now();
  w.onmessage = (e) => {
    const b = Array.from(new Uint8Array(e.data));
    responses.push(b);
    if (ends(b) === terminal) finish({ responses, readyMs, ms: performance.now() - posted, longtasks, maxGap, frames });
  };
  w.onerror = (e) => finish({ responses, error: e.message || 'worker error' });
  for (const r of requests) { const a = new Uint8Array(r); w.postMessage(a, [a.buffer]); }
}).catch((e) => finish({ responses: [], error: String(e) }));
"#;

/// What one exchange gave.
struct Exchange {
    responses: Vec<Response>,
    ready_ms: f64,
    ms: f64,
    longtasks: Vec<f64>,
    max_gap: f64,
    frames: u64,
}

async fn exchange(c: &Client, requests: &[Vec<u8>], terminal: i64) -> Result<Exchange> {
    let args = vec![json!(requests), json!(terminal)];
    let v = c.execute_async(EXCHANGE, args).await?;
    if let Some(e) = v.get("error").and_then(Value::as_str) {
        return Err(format!("worker error: {e}").into());
    }
    let mut responses = Vec::new();
    for r in v["responses"].as_array().cloned().unwrap_or_default() {
        let bytes: Vec<u8> = r.as_array().cloned().unwrap_or_default().iter().map(|x| x.as_u64().unwrap_or(0) as u8).collect();
        responses.push(decode_response(&bytes)?);
    }
    let f = |k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    Ok(Exchange {
        responses,
        ready_ms: f("readyMs"),
        ms: f("ms"),
        longtasks: v["longtasks"].as_array().cloned().unwrap_or_default().iter().filter_map(Value::as_f64).collect(),
        max_gap: f("maxGap"),
        frames: v["frames"].as_u64().unwrap_or(0),
    })
}

fn run(id: JobId, job: Job) -> Vec<u8> {
    encode(&Request::Run { id, job }).expect("encode")
}

fn signal_job(samples: usize) -> SignalJob {
    SignalJob {
        signal: SignalInput { wave: "sine".into(), amplitude: 1.0, periods: 2.0, samples, seed: 0 },
        schemes: ["nf4", "fp4_bnb", "mxfp4"].map(|id| SchemeRun { id: id.into(), options: RunOptions::default() }).to_vec(),
        columns: 1200,
    }
}

fn done(responses: &[Response], id: JobId) -> Option<&Outcome> {
    responses.iter().find_map(|r| match r {
        Response::Done { id: i, outcome } if *i == id => Some(outcome),
        _ => None,
    })
}

/// At `/`: the worker starts, says ready, and answers a small job.
async fn round_trip_at_root(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/?view=signal")).await?;
    let x = exchange(c, &[run(1, Job::Signal(signal_job(256)))], 1).await?;
    assert!(matches!(done(&x.responses, 1), Some(Outcome::Signal(s)) if s.samples == 256 && s.series.len() == 3), "{:?}", x.responses);
    println!("at /: worker ready after {:.0} ms, a 256-sample job answered in {:.1} ms", x.ready_ms, x.ms);
    Ok(())
}

/// Under `/lowbit/` (gzip): every kind of job, supersession, a bad message, the bench.
async fn scenario(c: &Client, server: &StaticServer) -> Result<()> {
    c.goto(&server.url("/lowbit/?view=signal")).await?;

    // 1. The million-sample signal: exact metrics over every sample, a decimated view.
    let job = signal_job(1 << 20);
    let x = exchange(c, &[run(1, Job::Signal(job.clone()))], 1).await?;
    let Some(Outcome::Signal(got)) = done(&x.responses, 1) else { return Err(format!("no signal result: {:?}", x.responses.last()).into()) };
    let Ok(Outcome::Signal(want)) = run_to_end(&mut SignalTask::new(job), &mut no_clock(), &mut |_| true) else { panic!("native run") };
    let progress = x.responses.iter().filter(|r| matches!(r, Response::Progress(_))).count();
    assert_eq!(got.samples, 1 << 20);
    assert_eq!(got.indices.len(), 2400);
    assert_eq!(got.series.len(), 3);
    let mut identical = true;
    for (g, w) in got.series.iter().zip(&want.series) {
        let close = |a: f64, b: f64| a == b || ((a - b) / b).abs() < 1e-9;
        assert!(close(g.metrics.mse, w.metrics.mse) && close(g.metrics.max_abs_error, w.metrics.max_abs_error) && close(g.metrics.sqnr_db, w.metrics.sqnr_db), "{}: wasm {:?} vs native {:?}", g.id, g.metrics, w.metrics);
        identical &= g == w;
    }
    println!(
        "signal job, 1,048,576 samples × nf4, fp4_bnb, mxfp4 in the worker: worker ready after {:.0} ms, job {:.0} ms, {progress} progress messages; result {} the native one",
        x.ready_ms,
        x.ms,
        if identical { "bit-identical to" } else { "within 1e-9 of" }
    );
    println!(
        "  main thread meanwhile: {} long tasks (max {:.0} ms), largest rAF gap {:.1} ms over {} frames",
        x.longtasks.len(),
        x.longtasks.iter().copied().fold(0.0, f64::max),
        x.max_gap,
        x.frames
    );

    // 2. Supersession: a newer job cancels the running one, whose result never comes.
    let x = exchange(c, &[run(2, Job::Signal(signal_job(1 << 20))), run(3, Job::Signal(signal_job(256)))], 3).await?;
    assert!(x.responses.contains(&Response::Cancelled { id: 2 }), "{:?}", x.responses);
    assert!(done(&x.responses, 2).is_none());
    assert!(matches!(done(&x.responses, 3), Some(Outcome::Signal(s)) if s.samples == 256));

    // 3. A malformed message is answered, and the worker keeps working.
    let x = exchange(c, &[vec![9, 9, 9, 9]], -1).await?;
    assert!(matches!(x.responses.last(), Some(Response::Failed { id: None, .. })), "{:?}", x.responses);

    // 4. Quantize 65,536 values, then a trace window of the kept input.
    let values = lowbit_jobs::bench::bench_data(65_536);
    let q = QuantizeJob { scheme: "nf4".into(), values: values.clone(), options: RunOptions::default(), list_max: None };
    let x = exchange(c, &[run(4, Job::Quantize(q.clone())), run(5, Job::Trace(TraceJob { quantize: 4, start: 65_500, len: 40 }))], 5).await?;
    let Some(Outcome::Quantize(got)) = done(&x.responses, 4) else { return Err("no quantize result".into()) };
    assert_eq!(**got, lowbit_jobs::quantize::quantize(&q)?);
    let Some(Outcome::Trace(t)) = done(&x.responses, 5) else { return Err("no trace".into()) };
    let scheme = lowbit_core::quant::Scheme::parse("nf4")?;
    let full = scheme.quantize(&values, &Default::default());
    assert_eq!(t.rows, trace_window(&scheme, &values, &full, &Default::default(), 65_500, 40));
    assert_eq!(t.rows.len(), 36);

    // 5. The bench in the browser (16 Mi elements), against the native figures.
    // 1 Mi elements by default (a few seconds); LOWBIT_BENCH_N=16777216 measures as the Speed view does.
    let n: usize = std::env::var("LOWBIT_BENCH_N").ok().and_then(|s| s.parse().ok()).unwrap_or(1 << 20);
    let x = exchange(c, &[run(6, Job::Bench(BenchJob { n }))], 6).await?;
    let Some(Outcome::Bench(b)) = done(&x.responses, 6) else { return Err(format!("no bench result: {:?}", x.responses.last()).into()) };
    println!("bench in the worker, n = {n}, {:.1} s; native: {MEASURED_ON}", x.ms / 1e3);
    println!("  {:<11} {:<16} {:>6} {:>12} {:>12} {:>7}", "op", "format/scheme", "block", "WASM M/s", "native M/s", "ratio");
    for r in &b.rows {
        let native = native_rate(&r.op, &r.subject);
        let ratio = native.map_or(f64::NAN, |n| r.elements_per_second / n);
        let key = matches!((r.op.as_str(), r.subject.as_str()), ("encode", "float8_e4m3fn") | ("quantize", "nf4") | ("quantize", "mxfp4"));
        println!(
            "{} {:<11} {:<16} {:>6} {:>12.1} {:>12.1} {:>7.2}",
            if key { "*" } else { " " },
            r.op,
            r.subject,
            r.block.map_or("-".into(), |b| b.to_string()),
            r.elements_per_second / 1e6,
            native.unwrap_or(f64::NAN) / 1e6,
            ratio
        );
    }
    println!(
        "  main thread during the bench: {} long tasks, largest rAF gap {:.1} ms",
        x.longtasks.len(),
        x.max_gap
    );
    Ok(())
}

#[tokio::test(flavor = "current_thread")]
async fn compute_worker_end_to_end() {
    let dist = repo_root().join("dist");
    assert!(dist.join("index.html").is_file(), "no dist/: run `trunk build --release` first (scripts/test.sh does)");
    assert!(dist.join("lowbit-worker_loader.js").is_file(), "no worker in dist/ (index.html's worker asset)");
    let root = StaticServer::start(dist.clone()).expect("static server");
    let hosted = StaticServer::start_with(dist, ServeOptions { prefix: "/lowbit/".into(), gzip: true }).expect("static server");
    let driver = Driver::start();
    let profile = TempDir::new("lowbit-chromium-worker");
    let client = connect(&driver, &profile.0, 1280, 1000).await;
    let timeouts = TimeoutConfiguration::new(Some(Duration::from_secs(600)), Some(Duration::from_secs(60)), Some(Duration::ZERO));
    let outcome = match client.update_timeouts(timeouts).await {
        Ok(()) => match round_trip_at_root(&client, &root).await {
            Ok(()) => scenario(&client, &hosted).await,
            Err(e) => Err(e),
        },
        Err(e) => Err(e.into()),
    };
    let _ = client.close().await;
    if let Err(e) = outcome {
        panic!("{e}");
    }
}
