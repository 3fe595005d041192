//! The place picker: province → city → county over every division in the country (the registry `crate::places`
//! loads the first time a picker opens), and search by name in Chinese or pinyin. Until the registry is there (or
//! where it cannot load) the picker offers the provinces, whose rules then answer.
//! The value is the place's GB/T 2260 code; the line under the picker says whose rules are used and how current
//! they are.

use anju_form::catalogue::{self, Text};
use anju_form::places;
use anju_rules::message::Lang;
use anju_rules::place::PlaceId;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::places as registry;

#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub id: String,
    pub value: AttrValue,
    pub lang: Lang,
    pub on_set: Callback<String>,
}

/// One level's list: its options (value, name), the value chosen, and what "not more precisely" keeps.
struct Level {
    label: Text,
    current: Option<String>,
    parent: Option<String>,
    options: Vec<(String, String)>,
}

fn select(props: &Props, level: usize, l: Level) -> Html {
    let lang = props.lang;
    let on_set = props.on_set.clone();
    let parent = l.parent.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        // "Not more precisely" keeps the area above; a blank province is don't know.
        on_set.emit(if v.is_empty() { parent.clone().unwrap_or_default() } else { v });
    });
    let id = format!("{}-{level}", props.id);
    let blank = if level == 0 { catalogue::t(lang, Text::DontKnow) } else { catalogue::t(lang, Text::WholeArea) };
    let current = l.current;
    html! {
        <div class="place-level">
            <label for={id.clone()}>{ catalogue::t(lang, l.label) }</label>
            <select {id} {onchange}>
                <option value="" selected={current.is_none()}>{ blank }</option>
                { for l.options.into_iter().map(|(value, name)| {
                    let selected = current.as_deref() == Some(value.as_str());
                    html! { <option {value} {selected}>{ name }</option> }
                }) }
            </select>
        </div>
    }
}

/// The chosen place and the places above it, province first, as codes.
fn chain(value: &str) -> Vec<u32> {
    let Some(place) = PlaceId::parse(value) else { return Vec::new() };
    let mut up: Vec<u32> = std::iter::once(place.clone()).chain(place.ancestors()).filter_map(|p| p.code()).collect();
    up.reverse();
    up
}

/// The levels from the full registry.
fn full_levels(value: &str, lang: Lang) -> Vec<Level> {
    let chain = chain(value);
    let code = |c: &u32| format!("{c:06}");
    let options = |under: Option<u32>| -> Vec<(String, String)> {
        registry::children(under, lang).into_iter().map(|e| (code(&e.code), e.name)).collect()
    };
    let mut levels =
        vec![Level { label: Text::Province, current: chain.first().map(code), parent: None, options: options(None) }];
    // Below a province: its cities (or a municipality's districts and counties); below a city: its counties.
    for depth in 0..2 {
        let Some(&above) = chain.get(depth) else { break };
        if depth == 1 && above % 100 != 0 {
            break;
        }
        let list = options(Some(above));
        if list.is_empty() {
            break;
        }
        let cities = list.first().is_some_and(|(c, _)| c.ends_with("00"));
        levels.push(Level {
            label: if cities { Text::City } else { Text::County },
            current: chain.get(depth + 1).map(code),
            parent: Some(code(&above)),
            options: list,
        });
    }
    levels
}

/// While the registry is not there (or cannot load): the provinces alone, from their layers.
fn provinces_only(value: &str, lang: Lang) -> Vec<Level> {
    let chain = chain(value);
    let options = places::provinces()
        .filter_map(|p| Some((format!("{:06}", p.code?), places::name(lang, p.path))))
        .collect();
    vec![Level { label: Text::Province, current: chain.first().map(|c| format!("{c:06}")), parent: None, options }]
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
    let query = use_state(String::new);
    let value = props.value.as_str();
    let levels = if *loaded { full_levels(value, lang) } else { provinces_only(value, lang) };
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
    let search_id = format!("{}-search", props.id);
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let hits = if *loaded && !query.trim().is_empty() { registry::search(&query, 8, lang) } else { Vec::new() };
    html! {
        <div class="place-picker">
            { for levels.into_iter().enumerate().map(|(i, l)| select(props, i, l)) }
            if *loaded {
                <div class="place-search">
                    <label for={search_id.clone()}>{ catalogue::t(lang, Text::PlaceSearch) }</label>
                    <input id={search_id} type="search" autocomplete="off" value={(*query).clone()} oninput={on_input} />
                    if !query.trim().is_empty() && hits.is_empty() {
                        <p class="place-none">{ catalogue::t(lang, Text::PlaceSearchNone) }</p>
                    }
                    <ul class="place-hits">
                        { for hits.into_iter().map(|hit| {
                            let (on_set, query) = (props.on_set.clone(), query.clone());
                            let code = format!("{:06}", hit.code);
                            let chosen = code.clone();
                            let onclick = Callback::from(move |_| { query.set(String::new()); on_set.emit(chosen.clone()) });
                            html! {
                                <li><button type="button" class="place-hit" data-code={code} {onclick}>
                                    { hit.name }<span class="within">{ hit.within }</span>
                                </button></li>
                            }
                        }) }
                    </ul>
                </div>
            } else {
                <p class="places-loading">{ catalogue::t(lang, Text::PlacesLoading) }</p>
            }
            if let Some(used) = used {
                <p class="layer-used">{ catalogue::t(lang, Text::RulesUsed) }{ catalogue::colon(lang) }{ used }</p>
            }
        </div>
    }
}
