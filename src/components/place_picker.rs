//! The place picker. Every division in the country, province → city → county, and search by name in Chinese or
//! pinyin, come with the registry `crate::places` loads the first time a picker opens (its lists are drawn by
//! `loader/places.js` into an element this component leaves to it). Until then, or where it cannot load, the picker
//! offers the provinces, whose rules then answer. The value is the place's GB/T 2260 code; the line under the picker
//! says whose rules are used and how current they are.

use std::cell::RefCell;
use std::rc::Rc;

use anju_form::catalogue::{self, Text};
use anju_form::places;
use anju_rules::message::Lang;
use anju_rules::place::PlaceId;
use wasm_bindgen::prelude::*;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::places as registry;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub id: String,
    pub value: AttrValue,
    pub lang: Lang,
    pub on_set: Callback<String>,
}

#[function_component]
pub fn PlacePicker(props: &Props) -> Html {
    let lang = props.lang;
    let loaded = use_state(registry::ready);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            if !*loaded {
                registry::load(move || loaded.set(registry::ready()));
            }
        });
    }
    // The lists call back into the latest `on_set` through one closure that lives as long as the picker.
    let on_set = use_mut_ref(|| props.on_set.clone());
    *on_set.borrow_mut() = props.on_set.clone();
    let callback = use_memo((), {
        let on_set: Rc<RefCell<Callback<String>>> = on_set.clone();
        move |_| Closure::<dyn Fn(String)>::new(move |v: String| on_set.borrow().emit(v))
    });
    let lists = use_node_ref();
    let code = PlaceId::parse(&props.value).and_then(|p| p.code()).unwrap_or(0);
    {
        let (lists, id, callback) = (lists.clone(), props.id.clone(), callback.clone());
        use_effect_with((*loaded, code, lang), move |&(loaded, code, lang)| {
            if let Some(el) = lists.cast::<web_sys::Element>().filter(|_| loaded) {
                let labels = [
                    Text::Province,
                    Text::City,
                    Text::County,
                    Text::WholeArea,
                    Text::DontKnow,
                    Text::PlaceSearch,
                    Text::PlaceSearchNone,
                ]
                .map(|t| catalogue::t(lang, t));
                registry::mount(&el, &id, code, lang, &labels, callback.as_ref().as_ref());
            }
        });
    }
    let value = props.value.as_str();
    let used = (!value.is_empty()).then(|| match places::layer_used(value) {
        Some(layer) => {
            let mut line = catalogue::rules_of(lang, Some(&places::name(lang, layer.id)));
            if let Some(month) = layer.ended.or(layer.data_month) {
                line.push_str(&catalogue::data_date(lang, month, layer.ended.is_some()));
            }
            line
        }
        None => catalogue::t(lang, Text::NationalRules).to_string(),
    });
    html! {
        <div class="place-picker">
            if *loaded {
                <div class="place-lists" ref={lists}></div>
            } else {
                { provinces(props, code) }
                <p class="places-loading">{ catalogue::t(lang, Text::PlacesLoading) }</p>
            }
            if let Some(used) = used {
                <p class="layer-used">{ catalogue::t(lang, Text::RulesUsed) }{ catalogue::colon(lang) }{ used }</p>
            }
        </div>
    }
}

/// The provinces alone, from their layers, while the registry is not there.
fn provinces(props: &Props, code: u32) -> Html {
    let lang = props.lang;
    let on_set = props.on_set.clone();
    let onchange = Callback::from(move |e: Event| on_set.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    let current = (code != 0).then(|| format!("{:06}", code / 10000 * 10000));
    let id = format!("{}-0", props.id);
    html! {
        <div class="place-level">
            <label for={id.clone()}>{ catalogue::t(lang, Text::Province) }</label>
            <select {id} {onchange}>
                <option value="" selected={current.is_none()}>{ catalogue::t(lang, Text::DontKnow) }</option>
                { for places::provinces().filter_map(|p| p.code).map(|c| {
                    let value = format!("{c:06}");
                    let selected = current.as_deref() == Some(value.as_str());
                    html! { <option {value} {selected}>{ places::name(lang, &format!("{c:06}")) }</option> }
                }) }
            </select>
        </div>
    }
}
