//! One chart of the signal view on a `<canvas>`: drawn by plotters (plotters-canvas) at the
//! device's pixel ratio so lines and text stay sharp, redrawn when the data, the error mode
//! or the container's width changes (ResizeObserver), with a hover cursor shared by both
//! charts, and PNG/SVG export buttons. The geometry is in [`super::model`]; this file only
//! talks to the browser.

use leptos::prelude::*;
use lowbit_charts::plotters::prelude::IntoDrawingArea;
use lowbit_charts::PlotMapping;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::perf;
use crate::ui::chart_canvas::ChartExport;
use super::model::{self, SignalResult};

/// Which chart a canvas shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotKind {
    /// The original and the reconstructions.
    Signal,
    /// The error curves.
    Error,
}

/// A chart canvas (`<canvas data-testid=…>`, `data-drawn` counts the draws), described by the
/// view's text summary of the chart (the element with id `{testid}-summary`).
#[component]
pub fn SignalCanvas(
    /// The canvas's `data-testid` (`sine-plot`, `error-plot`).
    testid: &'static str,
    /// What the chart shows, for screen readers.
    label: &'static str,
    /// Which chart.
    plot: PlotKind,
    /// Height in CSS pixels (the width follows the container).
    height: f64,
    /// The computed signal and reconstructions.
    #[prop(into)]
    result: Signal<SignalResult>,
    /// Whether the error chart shows relative errors.
    #[prop(into)]
    relative: Signal<bool>,
    /// The sample under the pointer, shared by the charts.
    hover: RwSignal<Option<usize>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0.0f64);
    let ratio = RwSignal::new(1.0f64);
    let mapping = RwSignal::new(None::<PlotMapping>);
    let draws = RwSignal::new(0u32);
    type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);
    let observer = StoredValue::new_local(None::<Observer>);

    let measure = move || {
        let Some(wrap) = wrap_ref.get_untracked() else { return };
        let w = wrap.client_width() as f64;
        if w != width.get_untracked() {
            width.set(w);
        }
        let r = model::draw_ratio(web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()));
        if r != ratio.get_untracked() {
            ratio.set(r);
        }
    };

    // Watch the container's size once it is in the page.
    Effect::new(move |_| {
        let Some(wrap) = wrap_ref.get() else { return };
        if observer.with_value(|o| o.is_some()) {
            return;
        }
        measure();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| measure());
        if let Ok(ro) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            ro.observe(&wrap);
            observer.set_value(Some((ro, callback)));
        }
    });
    on_cleanup(move || {
        let _ = observer.try_update_value(|o| {
            if let Some((ro, _)) = o.take() {
                ro.disconnect();
            }
        });
    });

    // Draw whenever the data, the error mode, the size or the page's theme changes. A
    // worker's result (decimated) is drawn in a task of its own, after the one that received
    // it, so that receiving it and drawing each chart are separate short tasks; that task
    // draws whatever is current then, so a result superseded meanwhile never draws.
    let theme = crate::ui::theme::use_document_theme();
    let lang = crate::ui::lang::lang_now();
    let draw = move || {
        let (Some(w), Some(r), Some(rel), Some(t)) = (width.try_get_untracked(), ratio.try_get_untracked(), relative.try_get_untracked(), theme.try_get_untracked()) else {
            return;
        };
        lowbit_charts::palette::set_theme(t);
        let Some(canvas) = canvas_ref.get_untracked() else { return };
        if w <= 0.0 {
            return;
        }
        let started = perf::now();
        let (bw, bh) = model::backing_size(w, height, r);
        if canvas.width() != bw {
            canvas.set_width(bw);
        }
        if canvas.height() != bh {
            canvas.set_height(bh);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
        let area = backend.into_drawing_area();
        let drawn = result.try_with_untracked(|res| match plot {
            PlotKind::Signal => model::draw_plots(res, rel, Some(&area), None, r, lang).map(|m| m.0),
            PlotKind::Error => model::draw_plots(res, rel, None, Some(&area), r, lang).map(|m| m.1),
        });
        match drawn {
            Some(Ok(m)) => mapping.set(m),
            Some(Err(e)) => leptos::logging::error!("{testid}: {e}"),
            None => return,
        }
        perf::record(&format!("draw-{testid}-ms"), perf::now() - started);
        draws.update(|d| *d += 1);
    };
    let scheduled = StoredValue::new_local(false);
    Effect::new(move |_| {
        width.track();
        ratio.track();
        // Only the error chart depends on the error mode: switching it redraws that chart alone.
        if plot == PlotKind::Error {
            relative.track();
        }
        theme.track();
        canvas_ref.track();
        let decimated = result.with(|res| !res.indices.is_empty());
        if !decimated {
            draw();
        } else if !scheduled.get_value() {
            scheduled.set_value(true);
            set_timeout(
                move || {
                    let _ = scheduled.try_update_value(|s| *s = false);
                    draw();
                },
                std::time::Duration::ZERO,
            );
        }
    });

    let svg = Callback::new(move |()| {
        let w = width.get_untracked().round().max(1.0) as u32;
        let rel = relative.get_untracked();
        result.with_untracked(|res| model::plot_svg(res, rel, plot == PlotKind::Error, w, height.round() as u32, lang))
    });
    let cursor = move || {
        let i = hover.get()?;
        mapping.with(|m| m.as_ref().and_then(|m| model::cursor_left(m, i, ratio.get())))
    };
    view! {
        <div class="plot-wrap" node_ref=wrap_ref>
            <canvas
                node_ref=canvas_ref
                data-testid=testid
                data-drawn=move || draws.get().to_string()
                role="img"
                aria-label=label
                aria-describedby=format!("{testid}-summary")
                style=format!("height:{height}px")
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    let i = mapping.with_untracked(|m| {
                        m.as_ref().and_then(|m| model::hover_index(m, ev.offset_x() as f64, ratio.get_untracked()))
                    });
                    if i != hover.get_untracked() {
                        hover.set(i);
                    }
                }
                on:pointerleave=move |_| hover.set(None)
            ></canvas>
            {move || cursor().map(|left| view! { <div class="plot-cursor" style:left=format!("{left}px") aria-hidden="true"></div> })}
            <ChartExport testid=testid canvas=canvas_ref svg=svg />
        </div>
    }
}
