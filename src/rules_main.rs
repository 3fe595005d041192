//! Entry point of the page for a host page that gives its county's rules (`data-rules`): the same page, which
//! first checks the rules and, when they are valid, answers within them (`anju_app::rules`).

fn main() {
    anju_app::start();
}
