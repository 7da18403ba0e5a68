// The browser's dynamic import(), for the app's lazily loaded views (src/lazy/host.rs calls
// window.lowbitImport). A plain file copied into dist/ (index.html's copy-file link) rather than
// a wasm-bindgen inline_js snippet: the six Rust builds of the same library would all write that
// snippet into dist/snippets/ concurrently.
window.lowbitImport = (url) => import(url);
