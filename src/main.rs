//! Entry point of the page: mount the app into `#app` (or the body, if a host page has no such element).

fn main() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("app").or_else(|| document.body().map(Into::into));
    if let Some(root) = root {
        anju_app::mount(root);
    }
}
