//! The place picker: province → city → county over the shipped policy layers (`anju_form::places`). Every
//! province is offered; a place without its own layer gets the rules of the nearest area above it, and the line
//! under the picker says whose rules are used.

use anju_form::catalogue::{self, Text};
use anju_form::places;
use anju_rules::message::Lang;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

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
    let [province, city, county] = places::levels(&props.value);
    let select =
        |level: usize, label: Text, current: Option<&str>, parent: Option<&str>, options: Vec<(String, String)>| {
            let on_set = props.on_set.clone();
            let parent = parent.map(str::to_string);
            let onchange = Callback::from(move |e: Event| {
                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                // "Not more precisely" keeps the area above; a blank province is don't know.
                on_set.emit(if v.is_empty() { parent.clone().unwrap_or_default() } else { v });
            });
            let id = format!("{}-{level}", props.id);
            let blank =
                if level == 0 { catalogue::t(lang, Text::DontKnow) } else { catalogue::t(lang, Text::WholeArea) };
            html! {
                <div class="place-level">
                    <label for={id.clone()}>{ catalogue::t(lang, label) }</label>
                    <select {id} {onchange}>
                        <option value="" selected={current.is_none()}>{ blank }</option>
                        { for options.into_iter().map(|(value, name)| {
                            let selected = current == Some(value.as_str());
                            html! { <option {value} {selected}>{ name }</option> }
                        }) }
                    </select>
                </div>
            }
        };
    let name = |p: &anju_rules::policy::Place| places::name(lang, p.path);
    let provinces = places::PROVINCES
        .iter()
        .map(|(id, zh, en)| (id.to_string(), if lang == Lang::ZhCn { zh } else { en }.to_string()))
        .collect();
    let cities: Vec<(String, String)> = province
        .map(|p| places::children(p).iter().map(|c| (c.path.to_string(), name(c))).collect())
        .unwrap_or_default();
    let counties: Vec<(String, String)> =
        city.map(|p| places::children(p).iter().map(|c| (c.path.to_string(), name(c))).collect()).unwrap_or_default();
    // A city the lists do not hold (typed elsewhere, or from a link) is still shown, by name.
    let keep = |mut list: Vec<(String, String)>, current: Option<&str>| {
        if let Some(c) = current.filter(|c| !list.iter().any(|(id, _)| id == c)) {
            list.push((c.to_string(), places::name(lang, c)));
        }
        list
    };
    let cities = keep(cities, city);
    let counties = keep(counties, county);
    let used = (!props.value.is_empty()).then(|| match places::layer_used(&props.value) {
        Some(layer) => catalogue::rules_of(lang, Some(&name(layer))),
        None => catalogue::t(lang, Text::NationalRules).to_string(),
    });
    html! {
        <div class="place-picker">
            { select(0, Text::Province, province, None, provinces) }
            if !cities.is_empty() { { select(1, Text::City, city, province, cities) } }
            if !counties.is_empty() { { select(2, Text::County, county, city, counties) } }
            if let Some(used) = used {
                <p class="layer-used">{ catalogue::t(lang, Text::RulesUsed) }{ catalogue::colon(lang) }{ used }</p>
            }
        </div>
    }
}
