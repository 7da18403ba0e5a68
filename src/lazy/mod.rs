//! Views whose code is loaded on demand. The first view downloads one module (`lowbit-app`):
//! the shell, the URL, and the views a visitor lands on. The heavier views that only some
//! visitors open are compiled into five more modules of the same library, which the page
//! fetches the first time one of their views opens ([`View::lazy_module`](crate::query::View::lazy_module)):
//! `lowbit-signal` (`src/bin/lowbit-signal.rs`: the quantized signals), `lowbit-quantize`
//! (Quantize), `lowbit-tensors` (the tensor-file view), `lowbit-speed` (the Speed view) and `lowbit-lab` (`src/bin/lowbit-lab.rs`: Compare, the MNIST lab, the GGUF block
//! explorer).
//!
//! - [`host`]: the page's side, [`host::LazyView`]: loads the view's module (once), mounts the view
//!   into its element, passes it the URL state and takes back what the view changes.
//! - [`guest`]: the modules' side: keeps each view's model alive between visits and mounts
//!   the view named by a query string; [`lazy_module_exports!`](crate::lazy_module_exports)
//!   writes a module's JavaScript interface.
//!
//! The two sides speak query strings ([`crate::url::to_query`]), so the URL contract is the
//! only interface between the modules. Each module has its own Leptos runtime; they own
//! disjoint DOM subtrees (Leptos' event delegation is off, so their listeners never meet).

#[cfg(target_arch = "wasm32")]
pub mod guest;
#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod host;

/// The JavaScript interface of a lazily loaded module (`src/bin/lowbit-*.rs`): a
/// `mount_lazy_view(root, query, report)` export that mounts a view through `$mount` (one of
/// [`guest`]'s entry points, naming the module's views) and returns a handle with `restore`
/// and `unmount`. A macro, not library code: a `#[wasm_bindgen]` export in the library would
/// be exported by every module, the first view's included.
#[macro_export]
macro_rules! lazy_module_exports {
    ($mount:path) => {
        #[cfg(target_arch = "wasm32")]
        mod exports {
            use wasm_bindgen::prelude::*;

            /// A mounted view (JavaScript holds it; `unmount` removes the view).
            #[wasm_bindgen]
            pub struct LazyViewHandle {
                view: $crate::lazy::guest::MountedView,
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

            /// Mounts the view `query` names into `root`; `report` is called with the query
            /// string of every state the view moves to.
            #[wasm_bindgen]
            pub fn mount_lazy_view(root: web_sys::HtmlElement, query: &str, report: js_sys::Function) -> Result<LazyViewHandle, JsError> {
                let view = $mount(root, query, move |q| {
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
            eprintln!("this is one of the app's lazily loaded modules: `bash scripts/serve.sh`, then open http://127.0.0.1:8080");
            std::process::exit(2);
        }
    };
}
