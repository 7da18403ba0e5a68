//! Writes the seed example's two charts as SVG files, to look at them outside the browser:
//! `cargo run -p lowbit-charts --example demo_svg -- [OUT_DIR] [SCALE]` (default /tmp, 1).
//! The reconstructions here are simple stand-ins (uniform 4-bit and 3-bit grids), not the
//! core's quantizers, so the example needs nothing but this crate.

use std::f64::consts::PI;

use lowbit_charts::plotters::prelude::*;
use lowbit_charts::{
    draw_error_plot, draw_signal_plot, series_color, ErrorPlot, Series, SignalPlot, TickStyle,
};

fn grid(values: &[f32], levels: f32) -> Vec<f32> {
    values
        .iter()
        .map(|v| (v * levels).round() / levels)
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "/tmp".to_string());
    let scale: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let n = 256;
    let step = 4.0 * PI / n as f64;
    let x: Vec<f64> = (0..n).map(|k| k as f64 * step).collect();
    let original: Vec<f32> = x.iter().map(|x| x.sin() as f32).collect();
    let q4 = grid(&original, 7.0);
    let q3 = grid(&original, 3.0);
    let series = [
        Series {
            label: "int4-like (7 levels/side)",
            color: series_color(0).rgb_color(),
            values: &q4,
        },
        Series {
            label: "int3-like (3 levels/side)",
            color: series_color(1).rgb_color(),
            values: &q3,
        },
    ];
    let (w, h) = ((800.0 * scale) as u32, (360.0 * scale) as u32);

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let mut plot = SignalPlot::new(&x, &original, &series);
        plot.x_ticks = TickStyle::Pi;
        plot.x_label = "phase (rad)";
        plot.scale = scale;
        let m = draw_signal_plot(&root, &plot).expect("draw");
        eprintln!("signal plot rect {:?}", m.plot);
    }
    let path = format!("{dir}/lowbit_signal.svg");
    std::fs::write(&path, &svg).unwrap();
    println!("{path}");

    let e4: Vec<f32> = q4
        .iter()
        .zip(&original)
        .map(|(q, o)| (q - o).abs())
        .collect();
    let e3: Vec<f32> = q3
        .iter()
        .zip(&original)
        .map(|(q, o)| (q - o).abs())
        .collect();
    let errors = [
        Series {
            label: "int4-like",
            color: series_color(0).rgb_color(),
            values: &e4,
        },
        Series {
            label: "int3-like",
            color: series_color(1).rgb_color(),
            values: &e3,
        },
    ];
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let mut plot = ErrorPlot::new(&x, &errors);
        plot.x_ticks = TickStyle::Pi;
        plot.x_label = "phase (rad)";
        plot.scale = scale;
        draw_error_plot(&root, &plot).expect("draw");
    }
    let path = format!("{dir}/lowbit_error.svg");
    std::fs::write(&path, &svg).unwrap();
    println!("{path}");
}
