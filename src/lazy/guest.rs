//! The lazily loaded module's side ([`super`]): mounts the view a query string names into an
//! element of the page, reports every state it moves to as a query string, and takes back
//! states from the page (Back/Forward). Each view's model lives as long as the page, so
//! leaving a view and coming back keeps its work (a trained network, a drawing). The view
//! speaks the page's language, read from `<html lang>` (as charts take the page's theme from
//! `<html data-theme>`).

use std::any::Any;
use std::cell::RefCell;

use leptos::prelude::*;

use crate::features::bench::params::BenchParams;
use crate::features::bench::{BenchModel, BenchView};
use crate::features::block::params::BlockParams;
use crate::features::block::{BlockModel, BlockView};
use crate::features::compare::params::CompareParams;
use crate::features::compare::{CompareModel, CompareView};
use crate::features::mnist::params::MnistParams;
use crate::features::mnist::{MnistModel, MnistView};
use crate::features::quantize::params::QuantizeParams;
use crate::features::quantize::{QuantizeModel, QuantizeView};
use crate::features::signal::params::SignalParams;
use crate::features::signal::{SignalModel, SignalView};
use crate::features::tensors::params::TensorsParams;
use crate::features::tensors::{TensorsModel, TensorsView};
use crate::query::{LAB_MODULE, QUANTIZE_MODULE, SIGNAL_MODULE, SPEED_MODULE, TENSORS_MODULE};
use crate::ui::lang::{provide_lang, use_document_lang};
use crate::url::{parse_query, to_query, Page};

/// The models of the module's views, created the first time each view opens.
struct Models {
    /// Owns the models' signals (never disposed: the models outlive their views).
    owner: Owner,
    signal: Option<SignalModel>,
    bench: Option<BenchModel>,
    quantize: Option<QuantizeModel>,
    compare: Option<CompareModel>,
    mnist: Option<MnistModel>,
    block: Option<BlockModel>,
    tensors: Option<TensorsModel>,
}

thread_local! {
    static MODELS: RefCell<Option<Models>> = const { RefCell::new(None) };
}

/// Runs `f` on the models (created empty the first time).
fn with_models<T>(f: impl FnOnce(&mut Models) -> T) -> T {
    MODELS.with(|cell| {
        let mut cell = cell.borrow_mut();
        let models = cell.get_or_insert_with(|| Models { owner: Owner::new(), signal: None, bench: None, quantize: None, compare: None, mnist: None, block: None, tensors: None });
        f(models)
    })
}

/// A view mounted by [`mount`]; dropping it unmounts the view.
pub struct MountedView {
    /// Leptos' handle on the mounted view (unmounts when dropped).
    _view: Box<dyn Any>,
    /// Shows a state from the page.
    restore: Box<dyn Fn(Page)>,
}

impl MountedView {
    /// Shows the state a query string names (ignored when it names another view).
    pub fn restore(&self, query: &str) {
        (self.restore)(parse_query(query).page);
    }
}

/// A view of this module: its model and how its state reads from and writes to a [`Page`].
trait LazyModel: Copy + Send + Sync + 'static {
    /// The view's URL state.
    type Params: Clone + PartialEq + Send + Sync + 'static;
    /// The state shown.
    fn params(&self) -> RwSignal<Self::Params>;
    /// Shows a state (Back/Forward, a link).
    fn restore(&self, params: Self::Params);
    /// The page showing `params`.
    fn page(params: Self::Params) -> Page;
    /// The view's state, when `page` is this view's.
    fn from_page(page: Page) -> Option<Self::Params>;
    /// The view.
    fn render(self) -> AnyView;
}

impl LazyModel for SignalModel {
    type Params = SignalParams;
    fn params(&self) -> RwSignal<SignalParams> {
        self.params
    }
    fn restore(&self, params: SignalParams) {
        SignalModel::restore(self, params);
    }
    fn page(params: SignalParams) -> Page {
        Page::Signal(params)
    }
    fn from_page(page: Page) -> Option<SignalParams> {
        if let Page::Signal(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <SignalView model=self /> }.into_any()
    }
}

impl LazyModel for BenchModel {
    type Params = BenchParams;
    fn params(&self) -> RwSignal<BenchParams> {
        self.params
    }
    fn restore(&self, params: BenchParams) {
        BenchModel::restore(self, params);
    }
    fn page(params: BenchParams) -> Page {
        Page::Bench(params)
    }
    fn from_page(page: Page) -> Option<BenchParams> {
        if let Page::Bench(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <BenchView model=self /> }.into_any()
    }
}

impl LazyModel for QuantizeModel {
    type Params = QuantizeParams;
    fn params(&self) -> RwSignal<QuantizeParams> {
        self.params
    }
    fn restore(&self, params: QuantizeParams) {
        QuantizeModel::restore(self, params);
    }
    fn page(params: QuantizeParams) -> Page {
        Page::Quantize(params)
    }
    fn from_page(page: Page) -> Option<QuantizeParams> {
        if let Page::Quantize(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <QuantizeView model=self /> }.into_any()
    }
}

impl LazyModel for CompareModel {
    type Params = CompareParams;
    fn params(&self) -> RwSignal<CompareParams> {
        self.params
    }
    fn restore(&self, params: CompareParams) {
        CompareModel::restore(self, params);
    }
    fn page(params: CompareParams) -> Page {
        Page::Compare(params)
    }
    fn from_page(page: Page) -> Option<CompareParams> {
        if let Page::Compare(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <CompareView model=self /> }.into_any()
    }
}

impl LazyModel for MnistModel {
    type Params = MnistParams;
    fn params(&self) -> RwSignal<MnistParams> {
        self.params
    }
    fn restore(&self, params: MnistParams) {
        MnistModel::restore(self, params);
    }
    fn page(params: MnistParams) -> Page {
        Page::Mnist(params)
    }
    fn from_page(page: Page) -> Option<MnistParams> {
        if let Page::Mnist(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <MnistView model=self /> }.into_any()
    }
}

impl LazyModel for BlockModel {
    type Params = BlockParams;
    fn params(&self) -> RwSignal<BlockParams> {
        self.params
    }
    fn restore(&self, params: BlockParams) {
        BlockModel::restore(self, params);
    }
    fn page(params: BlockParams) -> Page {
        Page::Block(params)
    }
    fn from_page(page: Page) -> Option<BlockParams> {
        if let Page::Block(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <BlockView model=self /> }.into_any()
    }
}

impl LazyModel for TensorsModel {
    type Params = TensorsParams;
    fn params(&self) -> RwSignal<TensorsParams> {
        self.params
    }
    fn restore(&self, params: TensorsParams) {
        TensorsModel::restore(self, params);
    }
    fn page(params: TensorsParams) -> Page {
        Page::Tensors(params)
    }
    fn from_page(page: Page) -> Option<TensorsParams> {
        if let Page::Tensors(p) = page { Some(p) } else { None }
    }
    fn render(self) -> AnyView {
        view! { <TensorsView model=self /> }.into_any()
    }
}

/// Mounts `model`'s view into `root` showing `params`, reporting now and on every change
/// the query string of the page it shows.
fn show<M: LazyModel>(root: web_sys::HtmlElement, model: M, params: M::Params, report: impl Fn(String) + 'static) -> MountedView {
    if model.params().get_untracked() != params {
        model.restore(params);
    }
    let handle = leptos::mount::mount_to(root, move || {
        Effect::new(move |_| report(to_query(&M::page(model.params().get()))));
        // The page's language, from its `<html lang>`: the view renders again when it changes.
        let lang = use_document_lang();
        provide_lang(lang.into());
        move || {
            lang.track();
            model.render()
        }
    });
    MountedView {
        _view: Box::new(handle),
        restore: Box::new(move |page| {
            if let Some(p) = M::from_page(page) {
                model.restore(p);
            }
        }),
    }
}

/// The model in `slot`, created under the models' owner the first time.
fn model_in<M: Copy>(slot: impl FnOnce(&mut Models) -> &mut Option<M>, create: impl FnOnce() -> M) -> M {
    with_models(|m| {
        let owner = m.owner.clone();
        *slot(m).get_or_insert_with(|| owner.with(create))
    })
}

/// Why a module cannot show the view a query names.
fn not_here(page: &Page, module: &str) -> String {
    format!("the '{}' view is not in the {module} module", page.view().id())
}

/// Mounts the view `query` names, if it is one of the `lowbit-lab` module's (Compare, the
/// MNIST lab, the block explorer), into `root` with `query`'s state; `report` gets the query
/// string of every state the view moves to. Each module's entry point names only its own
/// views, so the linker keeps only their code in it ([`crate::query::View::lazy_module`]).
pub fn mount_lab(root: web_sys::HtmlElement, query: &str, report: impl Fn(String) + 'static) -> Result<MountedView, String> {
    match parse_query(query).page {
        Page::Compare(p) => Ok(show(root, model_in(|m| &mut m.compare, || CompareModel::new(p.clone())), p, report)),
        Page::Mnist(p) => Ok(show(root, model_in(|m| &mut m.mnist, || MnistModel::new(p)), p, report)),
        Page::Block(p) => Ok(show(root, model_in(|m| &mut m.block, || BlockModel::new(p.clone())), p, report)),
        other => Err(not_here(&other, LAB_MODULE)),
    }
}

/// [`mount_lab`] for the `lowbit-signal` module: the quantized signals view (its charts and
/// its client of the compute worker for long signals).
pub fn mount_signal(root: web_sys::HtmlElement, query: &str, report: impl Fn(String) + 'static) -> Result<MountedView, String> {
    match parse_query(query).page {
        Page::Signal(p) => Ok(show(root, model_in(|m| &mut m.signal, || SignalModel::new(p.clone())), p, report)),
        other => Err(not_here(&other, SIGNAL_MODULE)),
    }
}

/// [`mount_lab`] for the `lowbit-quantize` module: the Quantize view (pasted numbers quantized
/// on the compute worker, their histogram, the seed articles' claims).
pub fn mount_quantize(root: web_sys::HtmlElement, query: &str, report: impl Fn(String) + 'static) -> Result<MountedView, String> {
    match parse_query(query).page {
        Page::Quantize(p) => Ok(show(root, model_in(|m| &mut m.quantize, || QuantizeModel::new(p.clone())), p, report)),
        other => Err(not_here(&other, QUANTIZE_MODULE)),
    }
}

/// [`mount_lab`] for the `lowbit-tensors` module: the tensor-file view (its `.npy` and
/// `.safetensors` readers and the ranking's worker client).
pub fn mount_tensors(root: web_sys::HtmlElement, query: &str, report: impl Fn(String) + 'static) -> Result<MountedView, String> {
    match parse_query(query).page {
        Page::Tensors(p) => Ok(show(root, model_in(|m| &mut m.tensors, || TensorsModel::new(p.clone())), p, report)),
        other => Err(not_here(&other, TENSORS_MODULE)),
    }
}

/// [`mount_lab`] for the `lowbit-speed` module: the Speed view (the worker's benchmark run in
/// the visitor's browser, beside the committed native figures).
pub fn mount_speed(root: web_sys::HtmlElement, query: &str, report: impl Fn(String) + 'static) -> Result<MountedView, String> {
    match parse_query(query).page {
        Page::Bench(p) => Ok(show(root, model_in(|m| &mut m.bench, || BenchModel::new(p.clone())), p, report)),
        other => Err(not_here(&other, SPEED_MODULE)),
    }
}
