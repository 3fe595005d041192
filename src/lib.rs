//! Anju's web app: a Yew (client-side rendered) page over the rules engine.
//!
//! This crate is the only code that knows about the browser. It renders the engine's results and never decides
//! eligibility itself. `main.rs` only mounts [`App`]; everything else lives here so browser tests can mount it.
//!
//! - `state`: the form as a reducer (pure, natively tested)
//! - `i18n`: the page's strings in zh-CN and English
//! - `app`: the page; `components`: its widgets

pub mod app;
pub mod components;
pub mod i18n;
pub mod state;

pub use app::App;

/// Mounts the app into `root`, replacing whatever the host page put there (e.g. a loading message).
pub fn mount(root: web_sys::Element) {
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
