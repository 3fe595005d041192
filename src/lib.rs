//! Anju's web app: a Yew (client-side rendered) page over the rules engine and the shared boundary `anju-form`.
//!
//! This crate is the only code that knows about the browser. It renders what `anju-form` says to ask and what the
//! engine answers, and never decides eligibility itself. `main.rs` only mounts [`App`]; everything else lives
//! here so browser tests can mount it.
//!
//! - `host`: where the app lives, the page or a host page's element (`loader/embed.js`), and what that element sets
//! - `state`: the shared reducer made `Reducible`
//! - `places`: the full place registry, loaded when a place picker first opens
//! - `texts`: the cited documents' titles and the page's English texts, fetched once the page has started
//! - `rules` (feature `layers`, the `anju-app-rules` build): a county's own rules given by the host page, checked
//!   and layered over the built-in data, and the notice above the page that says so (or lists the file's problems)
//! - `whatif`: the boundary to the second wasm module, loaded when the results first show (it draws their cards into
//!   the page's `#cards`), when a family asks for the what-if or hand-over screen, or opens a hand-over link
//! - `app`: the page; `components`: its widgets (a question from its registry spec, the place picker, the summary);
//!   the result card is `anju_cards`, which the second module draws for the page and for the hand-over screen's
//!   print view, so that the page's first load carries neither the cards nor the engine's message texts

pub mod app;
pub mod components;
pub mod host;
pub mod places;
#[cfg(feature = "layers")]
pub mod rules;
pub mod state;
pub mod texts;
pub mod whatif;

pub use app::App;

/// Starts the page: mounts the app into `#app` (the page's, or the one a host page's element holds), or the body.
pub fn start() {
    // A panic in wasm stops the page: say so in place of the app rather than leave a dead form. (No panic should
    // be reachable from input; this is the last line of defence.) The message is not formatted: the words are
    // fixed and the download stays small.
    yew::set_custom_panic_hook(Box::new(|_| show_failure()));
    // The host's rules, before anything is answered.
    #[cfg(feature = "layers")]
    rules::start(|| host::root().map_or((), mount));
    #[cfg(not(feature = "layers"))]
    if let Some(root) = host::root() {
        mount(root);
    }
}

/// Mounts the app into `root`, replacing whatever the host page put there (e.g. a loading message).
pub fn mount(root: web_sys::Element) {
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}

/// Replaces the page with a fixed message (Chinese first) after a failure inside the app.
pub fn show_failure() {
    if let Some(root) = host::root() {
        root.set_inner_html(
            "<div class=\"failure\" role=\"alert\"><p>出错了，请刷新页面再试。你填的内容没有发到网上。</p>\
             <p lang=\"en\">Something went wrong: please reload the page. Nothing you entered was sent.</p></div>",
        );
    }
}

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
