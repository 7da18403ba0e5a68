//! The charts drawn into SVG strings and checked: one polyline per series, labels present,
//! every data point inside the data rectangle, nothing made up for NaN, the mapping agrees
//! with the pixels actually drawn, HiDPI scaling, input errors.

use std::f64::consts::PI;

use lowbit_charts::plotters::prelude::*;
use lowbit_charts::{
    draw_error_plot, draw_signal_plot, palette, series_color, ChartError, ErrorPlot, PixelRect,
    PlotMapping, Series, SignalPlot, TickStyle,
};

const W: u32 = 800;
const H: u32 = 360;

fn seed_sine(n: usize) -> (Vec<f64>, Vec<f32>) {
    let step = 4.0 * PI / n as f64;
    let x: Vec<f64> = (0..n).map(|k| k as f64 * step).collect();
    let y = x.iter().map(|x| x.sin() as f32).collect();
    (x, y)
}

fn quantize(v: &[f32], levels: f32) -> Vec<f32> {
    v.iter().map(|x| (x * levels).round() / levels).collect()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// A `<polyline>`: stroke colour, stroke width, points.
type Poly = (String, u32, Vec<(i32, i32)>);

/// Every `<polyline>` of the document.
fn polylines(svg: &str) -> Vec<Poly> {
    svg.lines()
        .filter(|l| l.starts_with("<polyline"))
        .map(|l| {
            let attr = |name: &str| -> String {
                let key = format!(" {name}=\"");
                let start = l.find(&key).unwrap_or_else(|| panic!("{name} in {l}")) + key.len();
                l[start..start + l[start..].find('"').unwrap()].to_string()
            };
            let pts = attr("points")
                .split_whitespace()
                .map(|p| {
                    let (x, y) = p.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect();
            (attr("stroke"), attr("stroke-width").parse().unwrap(), pts)
        })
        .collect()
}

/// `(text, x, y, font-size)` of every `<text>`.
fn texts(svg: &str) -> Vec<(String, i32, i32, f64)> {
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        rest = &rest[i..];
        let end_tag = rest.find('>').unwrap();
        let tag = &rest[..end_tag];
        let close = rest.find("</text>").unwrap();
        let body = rest[end_tag + 1..close].trim().to_string();
        let attr = |name: &str| -> String {
            let key = format!(" {name}=\"");
            let start = tag.find(&key).unwrap() + key.len();
            tag[start..start + tag[start..].find('"').unwrap()].to_string()
        };
        out.push((
            body,
            attr("x").parse().unwrap(),
            attr("y").parse().unwrap(),
            attr("font-size").parse().unwrap(),
        ));
        rest = &rest[close..];
    }
    out
}

fn draw_signal(plot: &SignalPlot<'_>, size: (u32, u32)) -> (String, PlotMapping) {
    let mut svg = String::new();
    let m = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_signal_plot(&root, plot).unwrap()
    };
    (svg, m)
}

fn draw_error(plot: &ErrorPlot<'_>, size: (u32, u32)) -> (String, PlotMapping) {
    let mut svg = String::new();
    let m = {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw_error_plot(&root, plot).unwrap()
    };
    (svg, m)
}

fn inside(r: &PixelRect, p: (i32, i32)) -> bool {
    p.0 >= r.x0 && p.0 <= r.x1 && p.1 >= r.y0 && p.1 <= r.y1
}

#[test]
fn seed_example_signal_plot() {
    let (x, original) = seed_sine(256);
    let fp4 = quantize(&original, 3.0);
    let nf4 = quantize(&original, 7.0);
    let series = [
        Series {
            label: "fp4_bnb b64",
            color: series_color(0).rgb_color(),
            values: &fp4,
        },
        Series {
            label: "nf4 b64",
            color: series_color(1).rgb_color(),
            values: &nf4,
        },
    ];
    let mut plot = SignalPlot::new(&x, &original, &series);
    plot.x_ticks = TickStyle::Pi;
    plot.x_label = "phase (rad)";
    let (svg, m) = draw_signal(&plot, (W, H));

    assert!(svg.starts_with("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));

    let lines = polylines(&svg);
    let by_colour =
        |c: RGBColor| -> Vec<&Poly> { lines.iter().filter(|l| l.0 == hex(c)).collect() };
    // One unbroken polyline each for the original and the two reconstructions.
    let orig = by_colour(palette::ORIGINAL.rgb_color());
    let s0 = by_colour(series_color(0).rgb_color());
    let s1 = by_colour(series_color(1).rgb_color());
    assert_eq!((orig.len(), s0.len(), s1.len()), (1, 1, 1));
    assert_eq!(orig[0].1, 3);
    assert_eq!(s0[0].1, 2);
    for l in orig.iter().chain(&s0).chain(&s1) {
        for &p in &l.2 {
            assert!(inside(&m.plot, p), "{p:?} outside {:?}", m.plot);
        }
    }
    // Steps: the reconstruction's path alternates horizontal and vertical moves only.
    for w in s0[0].2.windows(2) {
        assert!(
            w[0].0 == w[1].0 || w[0].1 == w[1].1,
            "diagonal segment {w:?}"
        );
    }
    // The step plot runs to 4π, one sample spacing past the last sample.
    assert_eq!(m.x_range, (0.0, 4.0 * PI));
    assert_eq!(s0[0].2.last().unwrap().0, m.plot.x1);
    assert_eq!(s0[0].2[0].0, m.plot.x0);
    // The original is a smooth line through every sample (256 points, one per sample, as
    // the data rectangle is wider than 256 pixels).
    assert_eq!(orig[0].2.len(), 256);

    // Labels: legend, axis titles, π ticks.
    let t = texts(&svg);
    let has = |s: &str| t.iter().any(|t| t.0 == s);
    for s in ["original", "fp4_bnb b64", "nf4 b64", "phase (rad)", "value"] {
        assert!(has(s), "missing text {s}");
    }
    for s in ["0", "π", "2π", "3π", "4π", "-1.0", "1.0"] {
        assert!(has(s), "missing tick {s}");
    }
    // The legend sits above the data rectangle, not on the data.
    for s in ["original", "fp4_bnb b64", "nf4 b64"] {
        let (_, _, y, _) = t.iter().find(|t| t.0 == s).unwrap();
        assert!(*y < m.plot.y0, "legend '{s}' at y {y} is inside the plot");
    }
}

#[test]
fn mapping_matches_the_drawn_pixels() {
    let (x, original) = seed_sine(200);
    let q = quantize(&original, 3.0);
    let series = [Series {
        label: "q",
        color: series_color(2).rgb_color(),
        values: &q,
    }];
    for step in [true, false] {
        let mut plot = SignalPlot::new(&x, &original, &series);
        plot.step = step;
        let (svg, m) = draw_signal(&plot, (W, H));
        assert_eq!(m.len(), 200);
        let lines = polylines(&svg);
        let orig = lines
            .iter()
            .find(|l| l.0 == hex(palette::ORIGINAL.rgb_color()))
            .unwrap();
        // Every drawn point of the original sits where the mapping says sample i goes, and
        // hovering that pixel gives back sample i.
        assert_eq!(orig.2.len(), 200);
        for (i, &(px, py)) in orig.2.iter().enumerate() {
            assert_eq!(px, m.sample_px(i).unwrap().round() as i32);
            assert_eq!(py, m.y_to_px(original[i] as f64).round() as i32);
            assert_eq!(m.index_at(m.sample_px(i).unwrap()), Some(i), "step {step}");
            assert!(
                (m.px_to_y(py as f64) - original[i] as f64).abs()
                    <= 1.0 / m.plot.height() as f64 * 3.0
            );
        }
        // Every pixel column of the data rectangle gives a sample, in order.
        let mut last = 0;
        for px in m.plot.x0..=m.plot.x1 {
            let i = m.index_at(px as f64).unwrap();
            assert!(i >= last);
            last = i;
        }
        assert_eq!(last, 199);
        assert_eq!(m.index_at((m.plot.x0 - 1) as f64), None);
    }
}

#[test]
fn nan_and_inf_leave_gaps_not_spikes() {
    let (x, original) = seed_sine(64);
    let mut q = quantize(&original, 3.0);
    q[10] = f32::NAN;
    q[40] = f32::INFINITY;
    let series = [Series {
        label: "gappy",
        color: series_color(3).rgb_color(),
        values: &q,
    }];
    let (svg, m) = draw_signal(&SignalPlot::new(&x, &original, &series), (W, H));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    let segs: Vec<_> = polylines(&svg)
        .into_iter()
        .filter(|l| l.0 == hex(series_color(3).rgb_color()))
        .collect();
    assert_eq!(segs.len(), 3);
    for s in &segs {
        for &p in &s.2 {
            assert!(inside(&m.plot, p));
        }
    }
    // The y range ignored the infinity.
    assert!(m.y_range.1 < 1.2);
}

#[test]
fn error_plot_absolute_and_relative() {
    let (x, original) = seed_sine(256);
    let q = quantize(&original, 3.0);
    let abs: Vec<f32> = q
        .iter()
        .zip(&original)
        .map(|(q, o)| (q - o).abs())
        .collect();
    let rel: Vec<f32> = q
        .iter()
        .zip(&original)
        .map(|(q, o)| (q - o).abs() / o.abs())
        .collect();
    assert!(rel[0].is_nan());
    let s_abs = [Series {
        label: "fp4_bnb b64",
        color: series_color(0).rgb_color(),
        values: &abs,
    }];
    let (svg, m) = draw_error(&ErrorPlot::new(&x, &s_abs), (W, H));
    assert_eq!(m.y_range.0, 0.0);
    let t = texts(&svg);
    assert!(t.iter().any(|t| t.0 == "absolute error"));
    assert!(t.iter().any(|t| t.0 == "fp4_bnb b64"));
    let lines = polylines(&svg);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.0 == hex(series_color(0).rgb_color()))
            .count(),
        1
    );
    // The zero line is drawn.
    assert!(lines.iter().any(|l| l.0 == palette::ZERO.hex));

    let s_rel = [Series {
        label: "fp4_bnb b64",
        color: series_color(0).rgb_color(),
        values: &rel,
    }];
    let mut plot = ErrorPlot::new(&x, &s_rel);
    plot.relative = true;
    plot.y_range = Some((0.0, 1.0));
    let (svg, m) = draw_error(&plot, (W, H));
    assert_eq!(m.y_range, (0.0, 1.0));
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    assert!(texts(&svg).iter().any(|t| t.0 == "relative error"));
    let segs: Vec<_> = polylines(&svg)
        .into_iter()
        .filter(|l| l.0 == hex(series_color(0).rgb_color()))
        .collect();
    // rel[0] = 0/0 leaves a gap; the rest is drawn, clamped into [0, 1].
    assert!(!segs.is_empty());
    for s in &segs {
        for &p in &s.2 {
            assert!(inside(&m.plot, p));
        }
    }
}

#[test]
fn hidpi_scale_doubles_widths_and_fonts() {
    let (x, original) = seed_sine(128);
    let q = quantize(&original, 7.0);
    let series = [Series {
        label: "nf4",
        color: series_color(0).rgb_color(),
        values: &q,
    }];
    let plot1 = SignalPlot::new(&x, &original, &series);
    let mut plot2 = plot1;
    plot2.scale = 2.0;
    let (svg1, m1) = draw_signal(&plot1, (W, H));
    let (svg2, m2) = draw_signal(&plot2, (2 * W, 2 * H));
    let width_of = |svg: &str, c: RGBColor| {
        polylines(svg)
            .into_iter()
            .find(|l| l.0 == hex(c))
            .unwrap()
            .1
    };
    assert_eq!(width_of(&svg1, palette::ORIGINAL.rgb_color()), 3);
    assert_eq!(width_of(&svg2, palette::ORIGINAL.rgb_color()), 6);
    assert_eq!(width_of(&svg2, series_color(0).rgb_color()), 3);
    let font = |svg: &str| texts(svg).into_iter().find(|t| t.0 == "nf4").unwrap().3;
    assert!((font(&svg2) / font(&svg1) - 2.0).abs() < 1e-9);
    for (a, b) in [
        (m1.plot.x0, m2.plot.x0),
        (m1.plot.y0, m2.plot.y0),
        (m1.plot.x1, m2.plot.x1),
        (m1.plot.y1, m2.plot.y1),
    ] {
        assert!((2 * a - b).abs() <= 2, "{a} vs {b}");
    }
    // Hover at the same CSS position finds the same sample.
    for css_px in [
        m1.plot.x0 + 3,
        (m1.plot.x0 + m1.plot.x1) / 2,
        m1.plot.x1 - 3,
    ] {
        let i1 = m1.index_at(css_px as f64);
        let i2 = m2.index_at(css_px as f64 * 2.0);
        assert!(i1.unwrap().abs_diff(i2.unwrap()) <= 1);
    }
}

#[test]
fn mapping_is_in_backend_pixels_for_sub_areas() {
    let (x, original) = seed_sine(64);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (W, 2 * H)).into_drawing_area();
        let (top, bottom) = root.split_vertically(H);
        let m_top = draw_signal_plot(&top, &SignalPlot::new(&x, &original, &[])).unwrap();
        let m_bottom = draw_signal_plot(&bottom, &SignalPlot::new(&x, &original, &[])).unwrap();
        assert_eq!(m_bottom.plot.y0, m_top.plot.y0 + H as i32);
        assert_eq!(m_bottom.plot.x0, m_top.plot.x0);
    }
    let lines = polylines(&svg);
    let origs: Vec<_> = lines
        .iter()
        .filter(|l| l.0 == hex(palette::ORIGINAL.rgb_color()))
        .collect();
    assert_eq!(origs.len(), 2);
    assert_eq!(origs[1].2[0].1, origs[0].2[0].1 + H as i32);
}

#[test]
fn signal_and_error_plots_built_with_new_line_up() {
    let (x, original) = seed_sine(256);
    let q = quantize(&original, 3.0);
    let e: Vec<f32> = q
        .iter()
        .zip(&original)
        .map(|(q, o)| (q - o).abs())
        .collect();
    let s = [Series {
        label: "a",
        color: series_color(0).rgb_color(),
        values: &q,
    }];
    let es = [Series {
        label: "a",
        color: series_color(0).rgb_color(),
        values: &e,
    }];
    let (_, m1) = draw_signal(&SignalPlot::new(&x, &original, &s), (W, H));
    let (_, m2) = draw_error(&ErrorPlot::new(&x, &es), (W, H));
    assert_eq!((m1.plot.x0, m1.plot.x1), (m2.plot.x0, m2.plot.x1));
    assert_eq!(m1.x_range, m2.x_range);
    for px in m1.plot.x0..=m1.plot.x1 {
        assert_eq!(m1.index_at(px as f64), m2.index_at(px as f64));
    }
}

#[test]
fn long_signals_are_decimated_losslessly() {
    let n = 65_536;
    let x: Vec<f64> = (0..n).map(|k| k as f64).collect();
    let original: Vec<f32> = x.iter().map(|k| (k * 0.001).sin() as f32).collect();
    let q = quantize(&original, 7.0);
    let series = [Series {
        label: "q",
        color: series_color(0).rgb_color(),
        values: &q,
    }];
    let (svg, m) = draw_signal(&SignalPlot::new(&x, &original, &series), (W, H));
    for l in polylines(&svg) {
        assert!(
            l.2.len() <= 4 * (m.plot.width() as usize + 1),
            "{}",
            l.2.len()
        );
    }
    assert!(svg.len() < 400_000, "{}", svg.len());
}

#[test]
fn empty_and_degenerate_inputs_draw_a_frame() {
    let (svg, m) = draw_signal(&SignalPlot::new(&[], &[], &[]), (W, H));
    assert!(m.is_empty());
    assert_eq!(m.index_at(((m.plot.x0 + m.plot.x1) / 2) as f64), None);
    assert!(svg.contains("</svg>"));
    // One sample, constant values.
    let x = [1.0];
    let v = [0.5f32];
    let (_, m) = draw_signal(&SignalPlot::new(&x, &v, &[]), (W, H));
    assert_eq!(m.index_at(m.plot.x0 as f64), Some(0));
    assert!(m.y_range.0 < 0.5 && m.y_range.1 > 0.5);
    // A tiny canvas.
    let (x, original) = seed_sine(64);
    let (svg, _) = draw_signal(&SignalPlot::new(&x, &original, &[]), (20, 10));
    assert!(svg.contains("</svg>"));
}

#[test]
fn bad_input_is_reported_not_drawn() {
    let (x, original) = seed_sine(64);
    let short = vec![0.0f32; 63];
    let series = [Series {
        label: "nf4 b64",
        color: series_color(0).rgb_color(),
        values: &short,
    }];
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
    match draw_signal_plot(&root, &SignalPlot::new(&x, &original, &series)) {
        Err(ChartError::Input(m)) => assert_eq!(m, "'nf4 b64' has 63 values but x has 64"),
        other => panic!("{other:?}"),
    }
    let bad_x = [0.0, 2.0, 1.0];
    let e = draw_error_plot(&root, &ErrorPlot::new(&bad_x, &[])).unwrap_err();
    assert_eq!(
        e.to_string(),
        "cannot plot: x must be non-decreasing, but x[2] = 1 < x[1] = 2"
    );
    let nan_x = [0.0, f64::NAN];
    assert!(matches!(
        draw_error_plot(&root, &ErrorPlot::new(&nan_x, &[])),
        Err(ChartError::Input(_))
    ));
}

#[test]
fn mnist_charts_draw_points_and_histograms() {
    use lowbit_charts::mnist::{draw_accuracy_chart, draw_histogram, AccuracyPoint, Histogram};
    use lowbit_charts::AxisTitles;
    let titles = AxisTitles { x: "bits per parameter (scales included, log scale)", y: "test accuracy (%)" };
    let points = [
        AccuracyPoint { label: "float32", bits: 32.0, accuracy: 90.75, highlight: false },
        AccuracyPoint { label: "nf4", bits: 4.2, accuracy: 90.8, highlight: true },
        AccuracyPoint { label: "ternary", bits: 2.0, accuracy: 84.9, highlight: false },
    ];
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (600, 300)).into_drawing_area();
        draw_accuracy_chart(&root, &points, titles, 1.0).unwrap();
    }
    for label in ["float32", "nf4", "ternary", "bits per parameter", "16", "32"] {
        assert!(svg.contains(label), "{label}");
    }
    assert_eq!(svg.matches("<circle").count(), 3);
    let counts = [0, 3, 10, 3, 0];
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
        let h = Histogram { title: "model.0.weight", lo: -1.0, hi: 1.0, counts: &counts, levels: &[-0.5, 0.0, 0.5], level_counts: &[0, 4, 8, 4, 0], overlay_label: "ternary: 3 values", titles: AxisTitles { x: "Wert", y: "Werte" } };
        draw_histogram(&root, &h, 1.0).unwrap();
    }
    assert!(svg.contains("model.0.weight") && svg.contains("ternary: 3 values"));
    // The titles are the caller's, in its language: the chart adds no words of its own.
    assert!(svg.lines().any(|l| l.trim() == "Wert") && svg.lines().any(|l| l.trim() == "Werte") && !svg.contains("weight value"), "{svg}");
    let mut svg = String::new();
    let root = SVGBackend::with_string(&mut svg, (400, 200)).into_drawing_area();
    let bad = Histogram { title: "x", lo: 0.0, hi: 1.0, counts: &counts, levels: &[], level_counts: &[1], overlay_label: "", titles: AxisTitles { x: "", y: "" } };
    assert!(draw_histogram(&root, &bad, 1.0).is_err());
}
