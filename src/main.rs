//! Entry point of the page: mount the app into `#app` (the page's, or the one a host page's element holds:
//! `anju_app::host`), or the body.

fn main() {
    // A panic in wasm stops the page: say so in place of the app rather than leave a dead form. (No panic should
    // be reachable from input; this is the last line of defence.) The message is not formatted: the words are
    // fixed and the download stays small.
    yew::set_custom_panic_hook(Box::new(|_| anju_app::show_failure()));
    if let Some(root) = anju_app::host::root() {
        anju_app::mount(root);
    }
}
