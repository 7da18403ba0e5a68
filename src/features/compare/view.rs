//! Compare formats: the controls, the number line, the relative spacing, the limits table and
//! one number in every format. Everything shown comes from [`super::model`].

use leptos::prelude::*;
use lowbit_core::Format;

use super::controls::{CompareControls, ZoomStep};
use super::limits::CompareLimits;
use super::model::{self, LimitsRow, NumberLineChart, Scale, SpacingChart, ValueRow};
use super::params::CompareParams;
use super::values::CompareValues;
use crate::ui::{ChartCanvas, TableExport};

/// The Compare view's state; `Copy`, held by the app so it survives switching views.
#[derive(Clone, Copy)]
pub struct CompareModel {
    /// The parameters (mirrored in the URL).
    pub params: RwSignal<CompareParams>,
    /// Why the last number typed was refused (the table shows the last accepted one).
    pub refused: RwSignal<Option<String>>,
}

impl CompareModel {
    /// A model showing `params`.
    pub fn new(params: CompareParams) -> CompareModel {
        CompareModel { params: RwSignal::new(params), refused: RwSignal::new(None) }
    }

    /// Shows `params` (Back/Forward).
    pub fn restore(&self, params: CompareParams) {
        self.refused.set(None);
        self.params.set(params);
    }
}

/// The Compare view.
#[component]
pub fn CompareView(
    /// The view's state.
    model: CompareModel,
) -> impl IntoView {
    let lang = crate::ui::lang::lang_now();
    let tr = lang.compare();
    let params = model.params;
    let formats = Signal::derive(move || params.with(|p| p.formats.clone()));
    let scale = Signal::derive(move || params.with(|p| p.scale));
    let axis = Memo::new(move |_| params.with(|p| model::axis(&p.formats, p.scale, p.range)));
    let line = Memo::new(move |_| params.with(|p| NumberLineChart::new(&p.formats, axis.get(), lang)));
    let spacing = Memo::new(move |_| {
        params.with(|p| SpacingChart::new(&p.formats, model::spacing_axis(&p.formats, axis.get()), lang))
    });
    let limits = Memo::new(move |_| {
        params.with(|p| p.formats.iter().map(|f| model::limits_row(f, tr)).collect::<Vec<LimitsRow>>())
    });
    let values = Memo::new(move |_| {
        params.with(|p| model::value_rows(&p.value, &model::value_formats(&p.formats), tr).unwrap_or_default())
            as Vec<ValueRow>
    });

    let on_formats = Callback::new(move |list: Vec<Format>| {
        if !list.is_empty() {
            params.update(|p| p.formats = list);
        }
    });
    let on_scale = Callback::new(move |s: Scale| {
        if params.with_untracked(|p| p.scale) != s {
            params.update(|p| {
                p.scale = s;
                p.range = None;
            });
        }
    });
    let zoom_to = move |factor: f64, at: f64, shift: f64| {
        let next = model::zoom(axis.get_untracked(), factor, at, shift);
        params.update(|p| p.range = Some((next.lo, next.hi)));
    };
    let on_zoom = Callback::new(move |step: ZoomStep| match step {
        ZoomStep::By(factor, shift) => zoom_to(factor, 0.5, shift),
        ZoomStep::Reset => params.update(|p| p.range = None),
    });
    let on_wheel = Callback::new(move |(at, zoom_in): (f64, bool)| zoom_to(if zoom_in { 0.8 } else { 1.25 }, at, 0.0));
    let on_value = Callback::new(move |text: String| match model::check_value(&text) {
        Ok(v) => {
            model.refused.set(None);
            params.update(|p| p.value = v);
        }
        Err(e) => model.refused.set(Some(e.text(tr))),
    });

    let line_label = Signal::derive(move || line.with(|l| l.summary(tr)));
    let spacing_label = Signal::derive(move || spacing.with(|s| s.summary(tr)));
    view! {
        <section class="compare" data-testid="compare">
            <div class="card">
                <h2>{tr.headings[0]}</h2>
                <p class="hint">{tr.line_hint}</p>
                <CompareControls formats=formats scale=scale on_formats=on_formats on_scale=on_scale on_zoom=on_zoom />
                <ChartCanvas
                    testid="number-line"
                    label=line_label
                    height=Signal::derive(move || line.with(NumberLineChart::height))
                    chart=Signal::derive(move || line.get())
                    on_wheel=on_wheel
                />
                <p class="chart-summary" data-testid="number-line-summary">{line_label}</p>
            </div>
            <div class="card">
                <h2>{tr.headings[1]}</h2>
                <p class="hint">{tr.spacing_hint}</p>
                <ChartCanvas testid="spacing-plot" label=spacing_label height=280.0 chart=Signal::derive(move || spacing.get()) />
                <p class="chart-summary" data-testid="spacing-plot-summary">{spacing_label}</p>
            </div>
            <div class="card">
                <h2>{tr.headings[2]}</h2>
                <CompareLimits rows=limits />
                <TableExport target="compare-table" table=Signal::derive(move || limits.with(|r| model::limits_export(r, tr))) />
            </div>
            <div class="card">
                <h2>{tr.headings[3]}</h2>
                <CompareValues
                    value=Signal::derive(move || params.with(|p| p.value.clone()))
                    rows=values
                    refused=model.refused
                    on_value=on_value
                />
                <TableExport target="value-table" table=Signal::derive(move || values.with(|r| model::values_export(r, tr))) />
            </div>
        </section>
    }
}
