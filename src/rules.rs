//! A county's own rules, given by the host page (`data-rules` on its element, for which `loader/embed.js` loads this
//! build, `anju-app-rules`, in place of the first-load engine).
//!
//! The file is fetched from the host's own site and checked once, before anything is answered (`anju_api::layer`:
//! the JSON, then every value against the built-in rules). When it is valid the whole page answers within it
//! (`anju_rules::layer::install`) and a notice above the page (`#local-rules`, in Chinese, then English) names the
//! place, the month of its newest data and its documents. When it is not, nothing of it is used, the built-in data
//! answers as on any page, and the notice lists each problem at its place in the file in plain words for whoever
//! keeps the site (and the JSON paths in the console, for their editor). The first-load engine carries none of this.

use anju_rules::layer::{Layer, LayerError};
use anju_rules::message::Lang;

/// What the host gave.
enum Local {
    Valid(&'static Layer),
    Problems(Vec<LayerError>),
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A promise of the integrity the page names for a file next to the glue (`loader/load.js`), or of empty.
    #[wasm_bindgen(js_namespace = anjuPage, catch)]
    fn integrity(path: &str) -> Result<js_sys::Promise, wasm_bindgen::JsValue>;
}

/// The largest rules file read (a county's rules are a few kilobytes).
const MAX_BYTES: usize = 1 << 20;

/// Fetches and checks the host's rules (when its element names a file), then calls `then`: the page starts once
/// the engine answers within them, or knows why it does not.
pub fn start(then: impl FnOnce() + 'static) {
    let Some(url) = crate::host::rules_url() else { return then() };
    wasm_bindgen_futures::spawn_local(async move {
        let local = match fetch(&url).await {
            Ok(text) => check(&text),
            Err(failed) => Local::Problems(vec![LayerError {
                path: String::new(),
                message: format!("the file could not be read ({failed})"),
                zh: format!("没能读取这个文件（{failed}）"),
            }]),
        };
        add_style();
        show(&local);
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

/// Adds the notice's style (`style/rules.css`, next to the engine) to the frame: only this build shows the notice.
/// It is added with the integrity the page names for it, once that is known (where the page names none, without);
/// when the list of integrities cannot be had, the notice goes unstyled rather than unchecked.
fn add_style() {
    let document = gloo::utils::document();
    let href = document.get_element_by_id("anju-glue").and_then(|g| g.get_attribute("href"));
    let url = href.and_then(|h| web_sys::Url::new_with_base("rules.css", &h).ok()).map(|u| u.href());
    if let (Some(url), Some(frame), Ok(link)) = (url, crate::host::frame(), document.create_element("link")) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &url);
        let pending = integrity("rules.css");
        wasm_bindgen_futures::spawn_local(async move {
            let sum = match pending {
                Ok(promise) => match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(sum) => sum.as_string().unwrap_or_default(),
                    Err(_) => return,
                },
                Err(_) => String::new(),
            };
            let _ = link.set_attribute("integrity", &sum);
            let _ = frame.append_child(&link);
        });
    }
}

/// The notice's words in one language: its paragraphs, then its list.
struct Words {
    lines: Vec<String>,
    items: Vec<String>,
    after: Option<&'static str>,
}

/// The notice's words, in Chinese or English.
fn words(local: &Local, lang: Lang) -> Words {
    match local {
        Local::Valid(layer) => valid(lang, layer),
        Local::Problems(problems) => invalid(lang, problems),
    }
}

fn valid(lang: Lang, layer: &Layer) -> Words {
    let zh = lang == Lang::ZhCn;
    let place = match (zh, layer.place.name_en) {
        (false, Some(en)) => en,
        _ => layer.place.name,
    };
    let month = layer.place.data_month.map(|m| anju_rules::message::month_text(lang, m));
    let n = layer.len();
    let rules = if n == 1 { "rule" } else { "rules" };
    let head = match (zh, month) {
        (true, Some(m)) => format!("本页按本网站发布的{place}本地规则计算（{n} 项，数据截至 {m}）。"),
        (true, None) => format!("本页按本网站发布的{place}本地规则计算（{n} 项）。"),
        (false, Some(m)) => format!(
            "This page answers with {place}'s own rules as this site publishes them ({n} {rules}, data to {m})."
        ),
        (false, None) => {
            format!("This page answers with {place}'s own rules as this site publishes them ({n} {rules}).")
        }
    };
    let items = layer
        .sources
        .iter()
        .map(|s| {
            let title = match (zh, s.title_en) {
                (false, Some(en)) => en.to_string(),
                _ => format!("《{}》", s.title),
            };
            let number = s.number.map(|n| format!(" {n}")).unwrap_or_default();
            let issued = s.issued.map(|d| if zh { format!("，{d} 发布") } else { format!(", issued {d}") });
            format!("{title}{number}{}", issued.unwrap_or_default())
        })
        .collect();
    let (sources, after) = if zh {
        ("依据：", "本地规则由本网站提供，不是官方决定；以当地主管部门的答复为准。")
    } else {
        ("Sources:", "The local rules come from this site and are not an official decision: the local office that handles each application decides.")
    };
    Words { lines: vec![head, sources.into()], items, after: Some(after) }
}

fn invalid(lang: Lang, problems: &[LayerError]) -> Words {
    let zh = lang == Lang::ZhCn;
    let n = problems.len();
    let lines = if zh {
        vec![
            format!("本网站提供的本地规则文件有 {n} 处问题，所以没有采用；下面只按内置的全国和各地数据计算。"),
            "请本网站的管理员改正：".into(),
        ]
    } else {
        let what = if n == 1 { "a problem".to_string() } else { format!("{n} problems") };
        vec![
            format!("This site's file of local rules has {what}, so it is not used: the answers below use the built-in national and local data alone."),
            "For whoever keeps this site to correct:".into(),
        ]
    };
    let items = problems
        .iter()
        .map(|p| {
            let (message, colon) = if zh { (&p.zh, "：") } else { (&p.message, ": ") };
            format!("{}{colon}{message}", location(lang, &p.path))
        })
        .collect();
    Words { lines, items, after: None }
}

/// Shows the notice above the app (`#local-rules`, outside what the page draws), Chinese first, then English.
fn show(local: &Local) {
    let document = gloo::utils::document();
    let element = |tag: &str, text: Option<&str>| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(text);
        Some(el)
    };
    let Some(section) = element("section", None) else { return };
    section.set_id("local-rules");
    let bad = matches!(local, Local::Problems(_));
    section.set_class_name(if bad { "local-rules bad" } else { "local-rules" });
    let _ = section.set_attribute("role", if bad { "alert" } else { "note" });
    for (words, lang) in [(words(local, Lang::ZhCn), None), (words(local, Lang::En), Some("en"))] {
        let Some(block) = element("div", None) else { continue };
        if let Some(lang) = lang {
            let _ = block.set_attribute("lang", lang);
            block.set_class_name("english");
        }
        for line in &words.lines {
            element("p", Some(line)).map(|p| block.append_child(&p));
        }
        if let Some(list) = element("ul", None) {
            for item in &words.items {
                element("li", Some(item)).map(|li| list.append_child(&li));
            }
            let _ = block.append_child(&list);
        }
        if let Some(after) = words.after {
            element("p", Some(after)).map(|p| block.append_child(&p));
        }
        let _ = section.append_child(&block);
    }
    if let Some(app) = crate::host::frame().and_then(|f| f.query_selector("#app").ok().flatten()) {
        let _ = app.before_with_node_1(&section);
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
