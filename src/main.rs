//! Entry point of the page: mount the app into `#app` (or the body, if a host page has no such element).

fn main() {
    // A panic in wasm stops the page: say so in place of the app rather than leave a dead form. (No panic should
    // be reachable from input; this is the last line of defence.) The message is not formatted: the words are
    // fixed and the download stays small.
    yew::set_custom_panic_hook(Box::new(|_| anju_app::show_failure()));
    let document = gloo::utils::document();
    let root = document.get_element_by_id("app").or_else(|| document.body().map(Into::into));
    if let Some(root) = root {
        anju_app::mount(root);
    }
}
