//! Times drawing the signal plot with 4 series × 1024 samples (plus the original) into an
//! SVG string, and the matching error plot, and prints the mean per draw. Not a test: run
//! `cargo run --release -p lowbit-charts --example bench_plot [-- ITERATIONS]`.
//!
//! SVG writing formats every coordinate as text, so this is an upper bound on the crate's
//! own work; on a canvas the cost is the browser's path drawing instead.

use std::f64::consts::PI;
use std::hint::black_box;
use std::time::Instant;

use lowbit_charts::plotters::prelude::*;
use lowbit_charts::{
    draw_error_plot, draw_signal_plot, series_color, ErrorPlot, Series, SignalPlot, TickStyle,
};

fn main() {
    let iters: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let n = 1024;
    let step = 4.0 * PI / n as f64;
    let x: Vec<f64> = (0..n).map(|k| k as f64 * step).collect();
    let original: Vec<f32> = x.iter().map(|x| x.sin() as f32).collect();
    let recon: Vec<Vec<f32>> = [1.0f32, 3.0, 7.0, 127.0]
        .iter()
        .map(|l| original.iter().map(|v| (v * l).round() / l).collect())
        .collect();
    let errors: Vec<Vec<f32>> = recon
        .iter()
        .map(|r| {
            r.iter()
                .zip(&original)
                .map(|(q, o)| (q - o).abs())
                .collect()
        })
        .collect();
    let labels = ["fp4_bnb b64", "nf4 b64", "int4_absmax", "int8_absmax"];
    let series: Vec<Series> = recon
        .iter()
        .enumerate()
        .map(|(i, v)| Series {
            label: labels[i],
            color: series_color(i).rgb_color(),
            values: v,
        })
        .collect();
    let error_series: Vec<Series> = errors
        .iter()
        .enumerate()
        .map(|(i, v)| Series {
            label: labels[i],
            color: series_color(i).rgb_color(),
            values: v,
        })
        .collect();

    // 1600 × 640: an 800 × 320 CSS-pixel canvas at devicePixelRatio 2.
    let size = (1600, 640);
    let mut plot = SignalPlot::new(&x, &original, &series);
    plot.x_ticks = TickStyle::Pi;
    plot.scale = 2.0;
    let mut eplot = ErrorPlot::new(&x, &error_series);
    eplot.x_ticks = TickStyle::Pi;
    eplot.scale = 2.0;

    let mut bytes = 0;
    for (name, which) in [
        ("signal plot (original + 4 step series)", 0),
        ("error plot (4 series)", 1),
    ] {
        // Warm up.
        for _ in 0..5 {
            let mut svg = String::with_capacity(1 << 20);
            let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
            if which == 0 {
                black_box(draw_signal_plot(&root, &plot).unwrap());
            } else {
                black_box(draw_error_plot(&root, &eplot).unwrap());
            }
        }
        let t = Instant::now();
        for _ in 0..iters {
            let mut svg = String::with_capacity(1 << 20);
            {
                let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
                if which == 0 {
                    black_box(draw_signal_plot(&root, &plot).unwrap());
                } else {
                    black_box(draw_error_plot(&root, &eplot).unwrap());
                }
            }
            bytes = svg.len();
        }
        let mean = t.elapsed().as_secs_f64() / iters as f64;
        println!(
            "{name}: 4 series x {n} samples, {}x{} px: mean {:.3} ms over {iters} draws ({} KB of SVG)",
            size.0,
            size.1,
            mean * 1e3,
            bytes / 1024
        );
    }
}
