//! A county's own rules, given by the host page (`data-rules` on its element, for which `loader/embed.js` loads this
//! build, `anju-app-rules`, in place of the first-load engine).
//!
//! The file is fetched from the host's own site and checked once, before anything is answered (`anju_api::layer`: the JSON, then every value against the
//! built-in rules). When it is valid the whole page answers within it (`anju_rules::layer::install`) and a notice
//! above the questions names the place, the month of its newest data and its documents. When it is not, nothing of
//! it is used, the built-in data answers as on any page, and the notice lists each problem at its place in the file
//! in plain words for whoever keeps the site (and the JSON paths in the console, for their editor).

use std::cell::OnceCell;

use anju_rules::layer::{Layer, LayerError};
use anju_rules::message::Lang;
use yew::prelude::*;

/// What the host gave.
enum Local {
    None,
    Valid(&'static Layer),
    Problems(Vec<LayerError>),
}

thread_local! {
    static LOCAL: OnceCell<Local> = const { OnceCell::new() };
}

/// The largest rules file read (a county's rules are a few kilobytes).
const MAX_BYTES: usize = 1 << 20;

/// Fetches and checks the host's rules (when its element names a file), then calls `then`: the page starts once
/// the engine answers within them, or knows why it does not.
pub fn start(then: impl FnOnce() + 'static) {
    let Some(url) = crate::host::rules_url() else {
        LOCAL.with(|cell| {
            let _ = cell.set(Local::None);
        });
        return then();
    };
    wasm_bindgen_futures::spawn_local(async move {
        let local = match fetch(&url).await {
            Ok(text) => check(&text),
            Err(failed) => Local::Problems(vec![LayerError {
                path: String::new(),
                message: format!("the file could not be read ({failed})"),
                zh: format!("没能读取这个文件（{failed}）"),
            }]),
        };
        LOCAL.with(|cell| {
            let _ = cell.set(local);
        });
        then();
    });
}

/// The file's text: only from the host page's own site, at most [`MAX_BYTES`].
async fn fetch(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let said = |e: wasm_bindgen::JsValue| e.as_string().or_else(|| js_sys::Error::from(e).message().as_string());
    let window = gloo::utils::window();
    let origin = web_sys::Url::new(url).map(|u| u.origin()).map_err(|_| format!("{url} is not an address"))?;
    if Some(&origin) != window.location().origin().ok().as_ref() {
        return Err(format!("{origin} is not this site"));
    }
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| said(e).unwrap_or_default())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    if !response.ok() {
        return Err(format!("{} {}", response.status(), response.status_text()));
    }
    let text = response.text().map_err(|e| said(e).unwrap_or_default())?;
    let text = JsFuture::from(text).await.map_err(|e| said(e).unwrap_or_default())?.as_string().unwrap_or_default();
    if text.len() > MAX_BYTES {
        return Err("larger than 1 MB".into());
    }
    Ok(text)
}

/// The file checked; when valid, the engine answers within it from now on, and the what-if module gets the same
/// text (`anjuPage.rulesText`, read by `loader/whatif.js`).
fn check(text: &str) -> Local {
    match anju_api::layer(text) {
        Ok(layer) => {
            anju_rules::layer::install(layer);
            if let Ok(page) = js_sys::Reflect::get(&js_sys::global(), &"anjuPage".into()) {
                let _ = js_sys::Reflect::set(&page, &"rulesText".into(), &text.into());
            }
            Local::Valid(layer)
        }
        Err(problems) => {
            for p in &problems {
                web_sys::console::warn_1(&format!("Anju rules file: {}: {}", p.path, p.message).into());
            }
            Local::Problems(problems)
        }
    }
}

/// Where a problem is, in words: "第 3 条规则，第 1 个值，开始月份" for `parameters[2].values[0].from`.
pub fn location(lang: Lang, path: &str) -> String {
    let zh = lang == Lang::ZhCn;
    let mut parts: Vec<String> = Vec::new();
    let mut after_sources = false;
    for segment in path.split('.').filter(|s| !s.is_empty()) {
        // `sources.ID`: the document the file calls ID.
        if std::mem::take(&mut after_sources) {
            parts.pop();
            parts.push(if zh { format!("依据文件“{segment}”") } else { format!("document \"{segment}\"") });
            continue;
        }
        after_sources = segment == "sources";
        let (name, index) = match segment.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok().map(|i| i + 1)),
            None => (segment, None),
        };
        let word = match (name, index, zh) {
            ("parameters", Some(n), true) => format!("第 {n} 条规则"),
            ("parameters", Some(n), false) => format!("rule {n}"),
            ("values", Some(n), true) => format!("第 {n} 个值"),
            ("values", Some(n), false) => format!("value {n}"),
            (_, _, _) => field(name, zh).map(str::to_string).unwrap_or_else(|| name.to_string()),
        };
        parts.push(word);
    }
    match (parts.is_empty(), zh) {
        (true, true) => "整个文件".into(),
        (true, false) => "The whole file".into(),
        (false, true) => parts.join("，"),
        (false, false) => {
            let mut s = parts.join(", ");
            if let Some(first) = s.get(..1) {
                s = first.to_uppercase() + &s[1..];
            }
            s
        }
    }
}

/// A field of the file in words.
fn field(name: &str, zh: bool) -> Option<&'static str> {
    let (c, e) = match name {
        "anjuPack" => ("文件版本", "format version"),
        "place" => ("地方", "place"),
        "id" => ("代码", "id"),
        "name" => ("名称", "name"),
        "nameEn" => ("英文名称", "English name"),
        "level" => ("级别", "level"),
        "sources" => ("依据文件", "documents"),
        "title" => ("标题", "title"),
        "parameters" => ("规则", "rules"),
        "key" => ("规则名", "rule name"),
        "values" => ("值", "values"),
        "from" => ("开始月份", "first month"),
        "until" => ("结束月份", "last month"),
        "value" => ("数值", "number"),
        "table" => ("表格", "table"),
        "source" => ("依据文件", "document"),
        "article" => ("条款", "article"),
        "confidence" => ("可信度", "confidence"),
        _ => return None,
    };
    Some(if zh { c } else { e })
}

/// The notice above the questions: the rules in use, or the file's problems (nothing without a file).
pub fn notice(lang: Lang) -> Html {
    LOCAL.with(|cell| match cell.get() {
        None | Some(Local::None) => Html::default(),
        Some(Local::Valid(layer)) => valid(lang, layer),
        Some(Local::Problems(problems)) => invalid(lang, problems),
    })
}

fn valid(lang: Lang, layer: &Layer) -> Html {
    let zh = lang == Lang::ZhCn;
    let place = match (zh, layer.place.name_en) {
        (false, Some(en)) => en,
        _ => layer.place.name,
    };
    let month = layer.place.data_month.map(|m| anju_rules::message::month_text(lang, m));
    let n = layer.len();
    let head = match (zh, month) {
        (true, Some(m)) => format!("本页按本网站发布的{place}本地规则计算（{n} 项，数据截至 {m}）。"),
        (true, None) => format!("本页按本网站发布的{place}本地规则计算（{n} 项）。"),
        (false, Some(m)) => {
            format!(
                "This page answers with {place}'s own rules, as this site publishes them ({n} {}, data to {m}).",
                rules_word(n)
            )
        }
        (false, None) => {
            format!("This page answers with {place}'s own rules, as this site publishes them ({n} {}).", rules_word(n))
        }
    };
    let documents = layer.sources.iter().map(|s| {
        let title = match (zh, s.title_en) {
            (false, Some(en)) => en.to_string(),
            _ => format!("《{}》", s.title),
        };
        let number = s.number.map(|n| format!(" {n}")).unwrap_or_default();
        let issued =
            s.issued.map(|d| if zh { format!("，{d} 发布") } else { format!(", issued {d}") }).unwrap_or_default();
        html! { <li>{ title }{ number }{ issued }</li> }
    });
    html! {
        <section class="local-rules" id="local-rules" aria-labelledby="local-rules-heading">
            <p id="local-rules-heading">{ head }</p>
            <p>{ if zh { "依据：" } else { "Sources:" } }</p>
            <ul>{ for documents }</ul>
            <p class="hint">{ if zh {
                "本地规则由本网站提供，不是官方决定；以当地主管部门的答复为准。"
            } else {
                "The local rules come from this site and are not an official decision: the local office that handles each application decides."
            } }</p>
        </section>
    }
}

fn rules_word(n: usize) -> &'static str {
    if n == 1 {
        "rule"
    } else {
        "rules"
    }
}

fn invalid(lang: Lang, problems: &[LayerError]) -> Html {
    let zh = lang == Lang::ZhCn;
    let n = problems.len();
    let head = if zh {
        format!("本网站提供的本地规则文件有 {n} 处问题，所以没有采用；下面只按内置的全国和各地数据计算。")
    } else {
        let what = if n == 1 { "a problem" } else { "problems" };
        format!(
            "This site's file of local rules has {}, so it is not used: the answers below use the built-in national and local data alone.",
            if n == 1 { what.to_string() } else { format!("{n} {what}") }
        )
    };
    let items = problems.iter().map(|p| {
        let message = if zh { &p.zh } else { &p.message };
        html! { <li>{ location(lang, &p.path) }{ if zh { "：" } else { ": " } }{ message }</li> }
    });
    html! {
        <section class="local-rules bad" id="local-rules" role="alert">
            <p>{ head }</p>
            <p>{ if zh { "请本网站的管理员改正：" } else { "For whoever keeps this site to correct:" } }</p>
            <ul>{ for items }</ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_located_in_words() {
        assert_eq!(location(Lang::ZhCn, "parameters[2].values[0].from"), "第 3 条规则，第 1 个值，开始月份");
        assert_eq!(location(Lang::En, "parameters[2].values[0].from"), "Rule 3, value 1, first month");
        assert_eq!(location(Lang::ZhCn, "place.level"), "地方，级别");
        assert_eq!(location(Lang::ZhCn, ""), "整个文件");
        assert_eq!(location(Lang::En, "parameters"), "Rules");
        // A document is named by the file's own name for it.
        assert_eq!(location(Lang::En, "sources.linshu_2025.title"), "Document \"linshu_2025\", title");
        assert_eq!(location(Lang::ZhCn, "sources.linshu_2025.title"), "依据文件“linshu_2025”，标题");
    }
}
