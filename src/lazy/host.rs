//! The page's side of a lazily loaded view: [`LazyView`] shows "loading", fetches the view's
//! module ([`View::lazy_module`]) the first time one of its views opens (one download per
//! module and page), mounts the
//! view into its own element and keeps it in step with the URL. If the module cannot be
//! loaded (offline, a partial upload of `dist/`), it says so and offers to retry; the rest of
//! the app keeps working.

use leptos::prelude::*;

use crate::query::View;

/// Where a lazy view is.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Fetching the module or mounting the view.
    Loading,
    /// Shown.
    Ready,
    /// Could not be loaded (why).
    Failed(String),
}

impl LoadState {
    /// The state's name (`data-state`).
    pub fn name(&self) -> &'static str {
        match self {
            LoadState::Loading => "loading",
            LoadState::Ready => "ready",
            LoadState::Failed(_) => "failed",
        }
    }
}

/// A view from the lazily loaded module (`data-testid="lazy-view"`, `data-view`, `data-state`
/// = `loading`, `ready` or `failed`).
#[component]
pub fn LazyView(
    /// The view (one with [`View::is_lazy`]).
    view: View,
    /// The view's state as a query string ([`crate::url::to_query`]); when it changes from
    /// outside (Back/Forward), the mounted view is told.
    #[prop(into)]
    query: Signal<String>,
    /// Called with the query string of every state the view moves to.
    #[prop(into)]
    on_query: Callback<String>,
) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let attempt = RwSignal::new(0u32);
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(target_arch = "wasm32")]
    wasm::mount_when_loaded(view.lazy_module().unwrap_or_default(), root, query, on_query, state, attempt);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (query, on_query);
    let t = crate::ui::lang::lang_now().chrome();
    let name = t.views.of(view);
    let failure = move || match state.get() {
        LoadState::Failed(why) => Some(view! {
            <div class="lazy-failed" role="alert">
                <p>{(t.load_failed)(name, &why)}</p>
                <button type="button" data-testid="lazy-retry" on:click=move |_| attempt.update(|n| *n += 1)>
                    {t.retry}
                </button>
            </div>
        }),
        _ => None,
    };
    view! {
        <section class="lazy-view" data-testid="lazy-view" data-view=view.id() data-state=move || state.with(LoadState::name)>
            <Show when=move || state.with(|s| *s == LoadState::Loading)>
                <p class="lazy-loading" role="status">{(t.loading)(name)}</p>
            </Show>
            {failure}
            <div class="lazy-root" node_ref=root></div>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::cell::RefCell;

    use js_sys::{Array, Function, Promise, Reflect};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::{future_to_promise, JsFuture};

    use super::LoadState;

    #[wasm_bindgen]
    extern "C" {
        /// The browser's dynamic `import()` (a module script, resolved against `url`), as
        /// `window.lowbitImport` from `lowbit-import.js` (index.html loads it before the app).
        #[wasm_bindgen(catch, js_namespace = window, js_name = lowbitImport)]
        fn import_module(url: &str) -> Result<Promise, JsValue>;
    }

    thread_local! {
        /// Each module, loaded and initialised, by name (one download per page; dropped on failure).
        static MODULES: RefCell<Vec<(&'static str, Promise)>> = const { RefCell::new(Vec::new()) };
    }

    /// A JS error's message.
    fn message(error: &JsValue) -> String {
        error
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| error.as_string())
            .unwrap_or_else(|| format!("{error:?}"))
    }

    /// The script of module `name` (Trunk writes `NAME.js` beside `index.html`), resolved
    /// against the page's URL (so any hosting path works).
    fn module_url(name: &str) -> Result<String, JsValue> {
        let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
        let base = document.base_uri()?.ok_or("no base URL")?;
        Ok(web_sys::Url::new_with_base(&format!("{name}.js"), &base)?.href())
    }

    /// Module `name`'s namespace once imported and initialised.
    fn load_module(name: &'static str) -> Promise {
        MODULES.with(|cell| {
            let mut modules = cell.borrow_mut();
            if let Some((_, promise)) = modules.iter().find(|(n, _)| *n == name) {
                return promise.clone();
            }
            let promise = future_to_promise(async move {
                let namespace = JsFuture::from(import_module(&module_url(name)?)?).await?;
                let init: Function = Reflect::get(&namespace, &"default".into())?.dyn_into()?;
                JsFuture::from(init.call0(&namespace)?.dyn_into::<Promise>()?).await?;
                Ok(namespace)
            });
            modules.push((name, promise.clone()));
            promise
        })
    }

    /// Forgets module `name` after a failure, so the next attempt downloads it again.
    fn forget_module(name: &str) {
        MODULES.with(|cell| cell.borrow_mut().retain(|(n, _)| *n != name));
    }

    /// A mounted view: the module's handle (`LazyViewHandle`) and the callback it reports through.
    type Shown = (JsValue, Closure<dyn FnMut(String)>);

    /// What the page holds of one mounted view.
    #[derive(Default)]
    struct Mounted {
        /// The view, once mounted.
        view: Option<Shown>,
        /// The last query the view reported (not to be sent back to it).
        reported: Option<String>,
    }

    /// Calls a method of the module's handle.
    fn call(handle: &JsValue, method: &str, args: &Array) {
        if let Ok(f) = Reflect::get(handle, &method.into()).and_then(|f| f.dyn_into::<Function>()) {
            let _ = f.apply(handle, args);
        }
    }

    /// Unmounts a view (its report callback is dropped after: the view calls it no more).
    fn unmount(view: Option<Shown>) {
        if let Some((handle, _report)) = view {
            call(&handle, "unmount", &Array::new());
        }
    }

    /// Mounts the view into `root` once the module is loaded (again on each retry), tells it
    /// about URL changes it did not make, and unmounts it when the component goes.
    pub fn mount_when_loaded(
        module: &'static str,
        root: NodeRef<leptos::html::Div>,
        query: Signal<String>,
        on_query: Callback<String>,
        state: RwSignal<LoadState>,
        attempt: RwSignal<u32>,
    ) {
        let mounted = StoredValue::new_local(Mounted::default());
        Effect::new(move |_| {
            attempt.track();
            let Some(element) = root.get() else { return };
            state.set(LoadState::Loading);
            leptos::task::spawn_local(async move {
                // The component may have gone before this task first runs (its owner disposed:
                // the view replaced while the page settles); then there is nothing to mount.
                let Some(start) = query.try_get_untracked() else { return };
                let result = mount(module, element, start, on_query, mounted).await;
                match result {
                    Ok(view) => {
                        let mut fresh = Some(view);
                        match mounted.try_update_value(|m| std::mem::replace(&mut m.view, fresh.take())) {
                            Some(old) => {
                                unmount(old);
                                let _ = state.try_set(LoadState::Ready);
                            }
                            // The component went while the module loaded: undo at once.
                            None => unmount(fresh),
                        }
                    }
                    Err(error) => {
                        forget_module(module);
                        let _ = state.try_set(LoadState::Failed(message(&error)));
                    }
                }
            });
        });
        Effect::new(move |_| {
            let query = query.get();
            mounted.with_value(|m| {
                if m.reported.as_deref() != Some(query.as_str()) {
                    if let Some((handle, _)) = &m.view {
                        call(handle, "restore", &Array::of1(&query.into()));
                    }
                }
            });
        });
        on_cleanup(move || {
            if let Some(view) = mounted.try_update_value(|m| m.view.take()) {
                unmount(view);
            }
        });
    }

    /// Loads the module and mounts the view a query names into `element`.
    async fn mount(
        module: &'static str,
        element: web_sys::HtmlDivElement,
        query: String,
        on_query: Callback<String>,
        mounted: StoredValue<Mounted, LocalStorage>,
    ) -> Result<Shown, JsValue> {
        let namespace = JsFuture::from(load_module(module)).await?;
        let report = Closure::<dyn FnMut(String)>::new(move |query: String| {
            if mounted.try_update_value(|m| m.reported = Some(query.clone())).is_some() {
                on_query.run(query);
            }
        });
        let mount: Function = Reflect::get(&namespace, &"mount_lazy_view".into())?.dyn_into()?;
        let handle = mount.apply(&JsValue::NULL, &Array::of3(&element, &query.into(), report.as_ref()))?;
        Ok((handle, report))
    }
}
