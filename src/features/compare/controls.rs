//! The Compare view's controls: the chosen formats (remove one; add from the catalogue or by
//! a custom `eXmY…` id), the scale, and zooming (in, out, pan, whole range).

use leptos::prelude::*;
use lowbit_core::Format;

use super::model::{Scale, MAX_FORMATS};
use super::params::parse_formats;
use crate::ui::{FormatPicker, InlineError};

/// What a zoom button asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ZoomStep {
    /// Zoom by this factor (< 1 zooms in) around the centre, and pan by this many widths.
    By(f64, f64),
    /// Show every format whole.
    Reset,
}

/// Format chips (`data-testid="compare-format"`, `data-format`), an add picker
/// (`compare-add`), a custom id box (`compare-custom`), the scale buttons (`scale-linear`,
/// `scale-log`, `aria-pressed`) and the zoom buttons (`zoom-in`, `zoom-out`, `pan-left`,
/// `pan-right`, `zoom-reset`).
#[component]
pub fn CompareControls(
    /// The chosen formats.
    #[prop(into)]
    formats: Signal<Vec<Format>>,
    /// The scale.
    #[prop(into)]
    scale: Signal<Scale>,
    /// Called with the new list of formats.
    #[prop(into)]
    on_formats: Callback<Vec<Format>>,
    /// Called with the chosen scale.
    #[prop(into)]
    on_scale: Callback<Scale>,
    /// Called with a zoom step.
    #[prop(into)]
    on_zoom: Callback<ZoomStep>,
) -> impl IntoView {
    let tr = crate::ui::lang::lang_now().compare();
    let custom = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |f: Format| {
        let mut list = formats.get_untracked();
        if list.iter().any(|g| g.id() == f.id()) {
            return;
        }
        if list.len() >= MAX_FORMATS {
            error.set(Some((tr.too_many)(MAX_FORMATS)));
            return;
        }
        list.push(f);
        error.set(None);
        on_formats.run(list);
    };
    let add_custom = move || {
        let (found, errors) = parse_formats(&custom.get_untracked());
        if let Some(e) = errors.into_iter().next() {
            error.set(Some(e.text(crate::ui::lang::lang_now().notices())));
            return;
        }
        match found.into_iter().next() {
            Some(f) => {
                add(f);
                custom.set(String::new());
            }
            None => error.set(Some(tr.type_format_id.into())),
        }
    };
    // The picker shows the last format added; choosing one adds it.
    let picker = move || {
        formats.with(|l| l.last().cloned()).or_else(|| Format::parse("float16").ok()).map(|f| {
            view! { <FormatPicker format=f on_select=add testid="compare-add" label=tr.add_format /> }
        })
    };
    let chips = move || {
        let list = formats.get();
        let single = list.len() <= 1;
        list.into_iter()
            .enumerate()
            .map(|(i, f)| {
                let id = f.id().to_string();
                let remove = move |_| {
                    let list: Vec<Format> = formats.get_untracked().into_iter().filter(|g| g.id() != id).collect();
                    on_formats.run(list);
                };
                view! {
                    <li class="chip" data-testid="compare-format" data-format=f.id().to_string()>
                        <span class="swatch" style=format!("background: {}", lowbit_charts::series_css(i))></span>
                        <code>{f.id().to_string()}</code>
                        <button type="button" class="link" disabled=single aria-label=(tr.remove)(f.id()) on:click=remove>
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let scale_button = move |s: Scale, label: &'static str, testid: &'static str| {
        view! {
            <button
                type="button"
                data-testid=testid
                aria-pressed=move || (scale.get() == s).to_string()
                class:active=move || scale.get() == s
                on:click=move |_| on_scale.run(s)
            >
                {label}
            </button>
        }
    };
    let zoom = move |step: ZoomStep, label: &'static str, title: &'static str, testid: &'static str| {
        view! {
            // A symbol's button is named by its title; a worded one by its words (label in name).
            <button
                type="button"
                data-testid=testid
                title=title
                aria-label=if label.chars().any(char::is_alphabetic) { label } else { title }
                on:click=move |_| on_zoom.run(step)
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="compare-controls controls">
            <ul class="chips" aria-label=crate::ui::lang::lang_now().regions().formats_compared>{chips}</ul>
            <div class="format-row">
                <label class="format-label">{tr.add_label}</label>
                {picker}
                <input
                    type="text"
                    class="custom-id"
                    data-testid="compare-custom"
                    aria-label=tr.add_custom
                    placeholder="e3m4, e5m2b16_fn…"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || custom.get()
                    on:input=move |ev| custom.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            add_custom();
                        }
                    }
                />
                <button type="button" on:click=move |_| add_custom()>{tr.add}</button>
            </div>
            <InlineError testid="compare-error" message=error />
            <div class="format-row">
                <span class="segmented" role="group" aria-label=crate::ui::lang::lang_now().regions().scale>
                    {scale_button(Scale::Linear, tr.scales[0], "scale-linear")}
                    {scale_button(Scale::Log, tr.scales[1], "scale-log")}
                </span>
                <span class="segmented" role="group" aria-label=crate::ui::lang::lang_now().regions().zoom>
                    {zoom(ZoomStep::By(0.5, 0.0), "+", tr.zoom[0], "zoom-in")}
                    {zoom(ZoomStep::By(2.0, 0.0), "−", tr.zoom[1], "zoom-out")}
                    {zoom(ZoomStep::By(1.0, -0.25), "←", tr.zoom[2], "pan-left")}
                    {zoom(ZoomStep::By(1.0, 0.25), "→", tr.zoom[3], "pan-right")}
                    {zoom(ZoomStep::Reset, tr.whole_range, tr.zoom[4], "zoom-reset")}
                </span>
                <span class="hint">{tr.wheel_hint}</span>
            </div>
        </div>
    }
}
