//! `lowbit-lab`: the lazily loaded module of the app (`lowbit_app::lazy`). The page imports
//! it the first time a view it holds opens (Compare, the MNIST lab) and mounts that view
//! through [`mount_lazy_view`]. It is the same library as `lowbit-app`; the linker keeps in
//! each module only the views it reaches, which is what keeps the first view small.

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// A mounted view (JavaScript holds it; `unmount` removes the view).
    #[wasm_bindgen]
    pub struct LazyViewHandle {
        view: lowbit_app::lazy::guest::MountedView,
    }

    #[wasm_bindgen]
    impl LazyViewHandle {
        /// Shows the state `query` names (Back/Forward on the page).
        pub fn restore(&self, query: &str) {
            self.view.restore(query);
        }

        /// Removes the view (its model stays, for the next visit).
        pub fn unmount(self) {}
    }

    /// Mounts the view `query` names into `root`; `report` is called with the query string of
    /// every state the view moves to.
    #[wasm_bindgen]
    pub fn mount_lazy_view(root: web_sys::HtmlElement, query: &str, report: js_sys::Function) -> Result<LazyViewHandle, JsError> {
        let view = lowbit_app::lazy::guest::mount(root, query, move |q| {
            let _ = report.call1(&JsValue::NULL, &JsValue::from_str(&q));
        })
        .map_err(|e| JsError::new(&e))?;
        Ok(LazyViewHandle { view })
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lowbit-lab is the app's lazily loaded module: `bash scripts/serve.sh`, then open http://127.0.0.1:8080");
    std::process::exit(2);
}
