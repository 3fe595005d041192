//! A bare Yew counter: one button that adds one to a number. The baseline for the app's benchmark: what Yew alone
//! costs in first-load bytes, and in the time from a click to the DOM being updated.

use yew::prelude::*;

#[function_component]
fn Counter() -> Html {
    let count = use_state(|| 0_u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_: MouseEvent| count.set(count.saturating_add(1)))
    };
    html! {
        <main>
            <p id="count" aria-live="polite">{ *count }</p>
            <button type="button" id="increment" {onclick}>{ "+1" }</button>
        </main>
    }
}

fn main() {
    yew::Renderer::<Counter>::new().render();
}
