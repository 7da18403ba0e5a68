//! The app's root: reads the state from the URL, holds every view's state (shared through
//! `provide_context`), keeps the URL in step with browser-history entries, and restores the
//! whole state from the URL on Back/Forward.

use std::cell::RefCell;

use leptos::prelude::*;
use lowbit_core::Format;

use crate::embed::AppParams;
use crate::features::compare::params::CompareParams;
use crate::features::explorer::{Explorer, ExplorerModel};
use crate::features::explorer::params::ExplorerState;
use crate::features::mnist::params::MnistParams;
use crate::features::bench::params::BenchParams;
use crate::features::block::params::BlockParams;
use crate::features::quantize::params::QuantizeParams;
use crate::features::signal::params::SignalParams;
use crate::features::tables::params::TablesParams;
use crate::features::tables::{Tables, TablesModel};
use crate::features::tensors::params::TensorsParams;
use crate::history::{self, LastWrite, Write};
use crate::lazy::host::LazyView;
use crate::query::View;
use crate::i18n::Lang;
use crate::ui::lang::{apply_lang, browser_lang, provide_lang};
use crate::ui::theme::apply_theme;
use crate::ui::{LangSwitcher, Notices, ShareButton, ThemeSwitcher, ViewNav};
use crate::url::{parse_query, to_query, to_query_with, Page, Parsed};

/// Every view's state and the app's own; `Copy`, provided as context to the whole app.
#[derive(Clone, Copy)]
pub struct AppModels {
    /// The view shown.
    pub current: RwSignal<View>,
    /// The explorer's state.
    pub explorer: ExplorerModel,
    /// The value tables' state.
    pub tables: TablesModel,
    /// The signal view's state (lazily loaded).
    pub signal: RwSignal<SignalParams>,
    /// The Quantize view's state (lazily loaded).
    pub quantize: RwSignal<QuantizeParams>,
    /// The Compare view's state (the view itself is lazily loaded: [`crate::lazy`]).
    pub compare: RwSignal<CompareParams>,
    /// The MNIST lab's state (lazily loaded).
    pub mnist: RwSignal<MnistParams>,
    /// The GGUF block explorer's state (lazily loaded).
    pub block: RwSignal<BlockParams>,
    /// The Speed view's state (lazily loaded).
    pub bench: RwSignal<BenchParams>,
    /// The Tensors view's state (lazily loaded).
    pub tensors: RwSignal<TensorsParams>,
    /// Notices about the URL.
    pub notices: RwSignal<Vec<crate::notice::Notice>>,
    /// The app-wide options (embedded, presentation), from the URL.
    pub app: RwSignal<AppParams>,
}

impl AppModels {
    /// The state a parsed URL names (the other views at their defaults).
    pub fn new(parsed: Parsed) -> AppModels {
        let models = AppModels {
            current: RwSignal::new(View::Explorer),
            explorer: ExplorerModel::new(ExplorerState::default()),
            tables: TablesModel::new(TablesParams::default()),
            signal: RwSignal::new(SignalParams::default()),
            quantize: RwSignal::new(QuantizeParams::default()),
            compare: RwSignal::new(CompareParams::default()),
            mnist: RwSignal::new(MnistParams::default()),
            block: RwSignal::new(BlockParams::default()),
            bench: RwSignal::new(BenchParams::default()),
            tensors: RwSignal::new(TensorsParams::default()),
            notices: RwSignal::new(Vec::new()),
            app: RwSignal::new(AppParams::default()),
        };
        models.restore(parsed);
        models
    }

    /// Takes the view, its state and the notices from a parsed URL, as on a fresh load (the
    /// other views keep their state: the URL does not name it).
    pub fn restore(&self, parsed: Parsed) {
        let view = parsed.page.view();
        match parsed.page {
            Page::Explorer(s) => self.explorer.restore(s),
            Page::Tables(p) => self.tables.restore(p),
            Page::Signal(p) => self.signal.set(p),
            Page::Quantize(p) => self.quantize.set(p),
            Page::Compare(p) => self.compare.set(p),
            Page::Mnist(p) => self.mnist.set(p),
            Page::Block(p) => self.block.set(p),
            Page::Bench(p) => self.bench.set(p),
            Page::Tensors(p) => self.tensors.set(p),
        }
        self.current.set(view);
        self.notices.set(parsed.notices);
        self.app.set(parsed.app);
    }

    /// [`Self::page`] without tracking.
    pub fn page_untracked(&self) -> Page {
        untrack(|| self.page())
    }

    /// The view shown and its accepted state (tracked: use in an effect).
    pub fn page(&self) -> Page {
        match self.current.get() {
            View::Explorer => Page::Explorer(self.explorer.snapshot()),
            View::Tables => Page::Tables(self.tables.snapshot()),
            View::Signal => Page::Signal(self.signal.get()),
            View::Quantize => Page::Quantize(self.quantize.get()),
            View::Compare => Page::Compare(self.compare.get()),
            View::Mnist => Page::Mnist(self.mnist.get()),
            View::Block => Page::Block(self.block.get()),
            View::Bench => Page::Bench(self.bench.get()),
            View::Tensors => Page::Tensors(self.tensors.get()),
        }
    }

    /// Takes a state reported by a lazily loaded view (only when it differs, so a report
    /// never echoes back).
    pub fn take_lazy_report(&self, query: &str) {
        match parse_query(query).page {
            Page::Signal(p) if self.signal.with_untracked(|s| *s != p) => self.signal.set(p),
            Page::Quantize(p) if self.quantize.with_untracked(|q| *q != p) => self.quantize.set(p),
            Page::Compare(p) if self.compare.with_untracked(|c| *c != p) => self.compare.set(p),
            Page::Mnist(p) if self.mnist.with_untracked(|m| *m != p) => self.mnist.set(p),
            Page::Block(p) if self.block.with_untracked(|b| *b != p) => self.block.set(p),
            Page::Bench(p) if self.bench.with_untracked(|b| *b != p) => self.bench.set(p),
            Page::Tensors(p) if self.tensors.with_untracked(|t| *t != p) => self.tensors.set(p),
            _ => {}
        }
    }
}

/// Whether the page runs inside a frame (an `<iframe>` of another page).
fn in_frame(window: &web_sys::Window) -> bool {
    let own = wasm_bindgen::JsValue::from(window.clone());
    window.top().ok().flatten().is_some_and(|top| wasm_bindgen::JsValue::from(top) != own)
}

/// The app, reading its state from the page's URL and keeping the URL up to date.
#[component]
pub fn App() -> impl IntoView {
    let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    view! { <Lowbit query=query sync_url=true /> }
}

/// The URL writes waiting for the next flush, and the last one made.
#[derive(Default)]
struct UrlSync {
    /// The query to write, the view it shows, and whether it restores the URL's own state.
    pending: Option<(String, View, bool)>,
    /// Whether a flush is scheduled.
    scheduled: bool,
    /// The last write.
    last: Option<LastWrite>,
}

thread_local! {
    static SYNC: RefCell<UrlSync> = RefCell::new(UrlSync::default());
}

/// Writes `query` to the page's URL soon (at most every 100 ms: browsers throttle history
/// updates), as a new history entry or in place ([`history::decide`]).
fn schedule_url(query: String, view: View, restoring: bool) {
    let schedule = SYNC.with(|s| {
        let mut s = s.borrow_mut();
        let restoring = restoring || s.pending.as_ref().is_some_and(|p| p.2);
        s.pending = Some((query, view, restoring));
        !std::mem::replace(&mut s.scheduled, true)
    });
    if schedule {
        set_timeout(flush_url, std::time::Duration::from_millis(100));
    }
}

fn flush_url() {
    let Some((query, view, restoring)) = SYNC.with(|s| {
        let mut s = s.borrow_mut();
        s.scheduled = false;
        s.pending.take()
    }) else {
        return;
    };
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    if location.search().ok().as_deref().map(|q| q.trim_start_matches('?')) == Some(query.as_str()) {
        return;
    }
    let now = crate::perf::now();
    // Inside a frame, only replace: a pushed entry would take over the host page's Back button.
    let mode = if in_frame(&window) { Write::Replace } else { SYNC.with(|s| history::decide(s.borrow().last, view, now, restoring)) };
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let url = format!("{path}?{query}");
    if let Ok(h) = window.history() {
        let _ = match mode {
            Write::Push => h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            Write::Replace => h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        };
    }
    if !restoring {
        SYNC.with(|s| s.borrow_mut().last = Some(LastWrite { at: now, view }));
    }
}

/// The app for a given query string; `sync_url` keeps the page's URL and history in step.
#[component]
pub fn Lowbit(
    /// The query string to start from (`?format=float8_e4m3fn&code=0x7e`).
    #[prop(into)]
    query: String,
    /// Whether to keep the page's URL in step with the state (history entries, Back/Forward).
    #[prop(optional)]
    sync_url: bool,
) -> impl IntoView {
    let models = AppModels::new(parse_query(&query));
    provide_context(models);
    if sync_url {
        // The first write normalises the URL in place; later ones add entries.
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let page = models.page();
            let restoring = first.get_value();
            first.set_value(false);
            let app = models.app.get();
            schedule_url(to_query_with(&page, &app), page.view(), restoring);
        });
        let popstate = window_event_listener(leptos::ev::popstate, move |_| {
            let query = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
            models.restore(parse_query(&query));
            let page = models.page_untracked();
            schedule_url(to_query_with(&page, &models.app.get_untracked()), page.view(), true);
        });
        on_cleanup(move || popstate.remove());
    }
    apply_theme(Signal::derive(move || models.app.with(|a| a.theme)));
    // The language: the URL's, else the browser's; `<html lang>` follows it.
    let browser = browser_lang();
    let lang: Signal<Lang> = Memo::new(move |_| models.app.with(|a| a.lang).unwrap_or(browser)).into();
    provide_lang(lang);
    apply_lang(lang);
    let chrome = move || lang.get().chrome();
    let embed = move || models.app.with(|a| a.embed);
    let present = move || models.app.with(|a| a.present);
    // The document's root carries the modes too, for the page's background and type size.
    Effect::new(move |_| {
        let (e, p) = (embed(), present());
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            for (name, on) in [("data-embed", e), ("data-present", p)] {
                let _ = if on { root.set_attribute(name, "true") } else { root.remove_attribute(name) };
            }
        }
    });
    // The state's query without `embed` (what a share link or an "open" link shows).
    let shared_query = Signal::derive(move || {
        let app = AppParams { embed: false, ..models.app.get() };
        to_query_with(&models.page(), &app)
    });
    let header = move || {
        (!embed()).then(|| {
            view! {
                <header class="topbar">
                <h1 class="site-title">
                    <a class="brand" href="?">
                        <span class="logo" aria-hidden="true">
                            <span class="role-sign">"0"</span>
                            <span class="role-exponent">"1"</span>
                            <span class="role-mantissa">"1"</span>
                        </span>
                        <span class="name">"Lowbit"</span>
                    </a>
                </h1>
                <span class="tagline">{move || chrome().tagline}</span>
                <ViewNav current=models.current on_select=move |v| models.current.set(v) />
                <ThemeSwitcher
                    choice=Signal::derive(move || models.app.with(|a| a.theme))
                    on_choose=move |theme| models.app.update(|a| a.theme = theme)
                />
                <LangSwitcher lang=lang on_choose=move |l| models.app.update(|a| a.lang = Some(l)) />
                <ShareButton query=shared_query />
                </header>
            }
        })
    };
    let footer = move || {
        if embed() {
            view! {
                <a class="open-full" href=move || format!("?{}", shared_query.get()) target="_blank" rel="noopener">
                    "Lowbit ↗"
                </a>
            }
            .into_any()
        } else {
            view! {
                <footer class="footer">{move || chrome().footer}</footer>
            }
            .into_any()
        }
    };
    view! {
        <div class="app" data-embed=move || embed().then_some("true") data-present=move || present().then_some("true")>
            {header}
            // Rendered again in a new language (the views read their strings as they render;
            // their state lives in the models, so it stays).
            {move || {
                lang.track();
                view! {
                    <Notices notices=models.notices />
                    <main>
                        <CurrentView />
                    </main>
                }
            }}
            {footer}
        </div>
    }
}

/// The view the app shows, from the [`AppModels`] context. Each view's state lives in the
/// models, so switching away and back keeps it.
#[component]
fn CurrentView() -> impl IntoView {
    let models = expect_context::<AppModels>();
    // A table cell opens its code in the explorer.
    let on_open = Callback::new(move |(format, code): (Format, u64)| {
        models.explorer.select_format(format);
        models.explorer.set_code(code);
        models.current.set(View::Explorer);
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    // A lazily loaded view: its own state as a query string, and what it reports back.
    let lazy = move |view: View| {
        let query = Signal::derive(move || to_query(&models.page()));
        let on_query = Callback::new(move |q: String| models.take_lazy_report(&q));
        view! { <LazyView view=view query=query on_query=on_query /> }.into_any()
    };
    // The view shown, notified only when it changes: Back/Forward within a view sets the same
    // view again, which must not rebuild (and, for a lazily loaded one, remount) the whole view.
    let shown = Memo::new(move |_| models.current.get());
    move || match shown.get() {
        View::Explorer => view! { <Explorer model=models.explorer /> }.into_any(),
        View::Tables => view! { <Tables model=models.tables on_open=on_open /> }.into_any(),
        v @ (View::Signal | View::Quantize | View::Compare | View::Mnist | View::Block | View::Bench | View::Tensors) => lazy(v),
    }
}
