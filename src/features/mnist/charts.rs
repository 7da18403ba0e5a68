//! The view's charts on `<canvas>` (plotters through lowbit-charts, like the app's other
//! charts, at the device's pixel ratio): accuracy against bits per parameter
//! (`data-testid="mnist-chart"`) and one weight histogram per layer with the chosen scheme's
//! stored values overlaid (`data-testid="mnist-histogram-N"`).

use leptos::prelude::*;
use lowbit_charts::mnist::{draw_accuracy_chart, draw_histogram, AccuracyPoint, Histogram};
use lowbit_charts::plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use super::model::backing_size;
use super::view::MnistModel;

/// Sizes the canvas to its container's width at the device's pixel ratio; returns the ratio.
fn prepare(canvas: &web_sys::HtmlCanvasElement, height: f64) -> Option<f64> {
    let width = canvas.parent_element().map_or(600.0, |p| p.client_width() as f64).max(200.0);
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (bw, bh, ratio) = backing_size(width, height, dpr);
    if canvas.width() != bw {
        canvas.set_width(bw);
    }
    if canvas.height() != bh {
        canvas.set_height(bh);
    }
    Some(ratio)
}

/// Accuracy (percent) of every scheme against its bits per parameter.
#[component]
pub fn AccuracyChart(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().mnist();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let draws = RwSignal::new(0u32);
    let theme = crate::ui::theme::use_document_theme();
    Effect::new(move |_| {
        lowbit_charts::palette::set_theme(theme.get());
        let chosen = model.params.with(|p| p.scheme.id());
        let Some(canvas) = canvas_ref.get() else { return };
        model.table.with(|t| {
            let Some(t) = t else { return };
            let Some(ratio) = prepare(&canvas, 300.0) else { return };
            let points: Vec<AccuracyPoint<'_>> = t
                .rows
                .iter()
                .map(|r| AccuracyPoint { label: &r.scheme, bits: r.bits_per_parameter, accuracy: r.accuracy, highlight: r.scheme == chosen })
                .collect();
            let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return };
            if let Err(e) = draw_accuracy_chart(&backend.into_drawing_area(), &points, ratio) {
                leptos::logging::error!("mnist-chart: {e}");
            }
            draws.update(|d| *d += 1);
        });
    });
    view! {
        <div class="plot-wrap">
            <canvas
                node_ref=canvas_ref
                data-testid="mnist-chart"
                data-drawn=move || draws.get().to_string()
                role="img"
                aria-label="test accuracy of every scheme against its bits per parameter"
                style="height:300px"
            ></canvas>
        </div>
        <p class="muted">{tr.scales_hint}</p>
    }
}

/// The three layers' weight histograms with the chosen scheme's stored values.
#[component]
pub fn WeightHistograms(
    /// The view's state.
    model: MnistModel,
) -> impl IntoView {
    let refs = [NodeRef::<leptos::html::Canvas>::new(), NodeRef::<leptos::html::Canvas>::new(), NodeRef::<leptos::html::Canvas>::new()];
    let draws = RwSignal::new(0u32);
    let theme = crate::ui::theme::use_document_theme();
    Effect::new(move |_| {
        lowbit_charts::palette::set_theme(theme.get());
        model.histograms.with(|h| {
            let Some(h) = h else { return };
            for (layer, node) in h.layers.iter().zip(refs) {
                let Some(canvas) = node.get() else { continue };
                let Some(ratio) = prepare(&canvas, 220.0) else { continue };
                let overlay = if layer.levels.is_empty() {
                    format!("{}: {} distinct values (outline: their histogram)", h.scheme, layer.distinct)
                } else {
                    format!("{}: {} stored values (lines)", h.scheme, layer.distinct)
                };
                let chart = Histogram {
                    title: &layer.name,
                    lo: layer.lo as f64,
                    hi: layer.hi as f64,
                    counts: &layer.counts,
                    levels: &layer.levels,
                    level_counts: &layer.level_counts,
                    overlay_label: &overlay,
                };
                let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { continue };
                if let Err(e) = draw_histogram(&backend.into_drawing_area(), &chart, ratio) {
                    leptos::logging::error!("mnist-histogram: {e}");
                }
            }
            draws.update(|d| *d += 1);
        });
    });
    let scheme = move || model.params.with(|p| p.scheme.id());
    view! {
        <p class="muted">
            "Grey: the f32 weights. Colour: the values " {scheme} " stores (lines when few, else their histogram outlined). Choose the scheme in the table."
        </p>
        <div class="mnist-histograms" data-testid="mnist-histograms" data-drawn=move || draws.get().to_string()>
            {refs
                .into_iter()
                .enumerate()
                .map(|(i, node)| {
                    view! {
                        <div class="plot-wrap">
                            <canvas node_ref=node data-testid=format!("mnist-histogram-{i}") role="img" aria-label=format!("histogram of layer {} weights", i + 1) style="height:220px"></canvas>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
