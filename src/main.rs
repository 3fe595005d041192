//! Entry point of the page: mount the app into `#app` (the page's, or the one a host page's element holds:
//! `anju_app::host`), or the body.

fn main() {
    anju_app::start();
}
