//! The place picker's lists: province → city → county over the shipped policy layers, and which layer's rules a
//! place gets.
//!
//! Every province is offered (a province without a layer gets the national rules); below a province only places
//! with a layer are listed, and "not more precisely" keeps the area above. The province names here are the 31
//! provincial-level divisions the engine's place ids start with; a full registry of cities and counties replaces
//! these lists when it ships.

use anju_rules::message::Lang;
use anju_rules::policy::{data::PLACES, Place};

/// The 31 provinces' layers (every province has one, with its names), in GB/T 2260 order.
pub fn provinces() -> impl Iterator<Item = &'static Place> {
    anju_rules::place::PROVINCES.iter().filter_map(|(pinyin, _)| anju_rules::policy::place(pinyin))
}

/// A place's name in `lang`.
pub fn name(lang: Lang, id: &str) -> String {
    anju_rules::message::place_text(lang, id)
}

/// The shipped places directly below `parent` (cities below a province, counties below a city).
pub fn children(parent: &str) -> Vec<&'static Place> {
    PLACES.iter().filter(|p| p.path.rsplit_once('/').is_some_and(|(up, _)| up == parent)).collect()
}

/// The picker's three levels for a place id: province, city, county (each a prefix of the id that the lists offer).
pub fn levels(id: &str) -> [Option<&str>; 3] {
    let mut out = [None; 3];
    let mut end = 0;
    for (level, part) in id.split('/').take(3).enumerate() {
        end += part.len() + usize::from(level > 0);
        out[level] = id.get(..end);
    }
    out
}

/// The nearest place (the place itself or an ancestor) whose policy layer sets values: its rules, then its
/// ancestors', then national rules apply. `None`: national rules only.
pub fn layer_used(id: &str) -> Option<&'static Place> {
    let place = anju_rules::place::PlaceId::parse(id)?;
    let used = place.layers().find(|l| l.data_month.is_some());
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_provinces_are_the_engines_provinces() {
        let all: Vec<&Place> = provinces().collect();
        assert_eq!(all.len(), 31);
        assert_eq!((all[0].name, all[30].name), ("北京市", "新疆维吾尔自治区"), "GB/T 2260 order");
        for p in all {
            assert!(anju_rules::place::is_place_id(p.path) && p.name_en.is_some(), "{}", p.path);
        }
        assert!(!anju_rules::place::is_place_id("taiwan"), "the list is the engine's");
    }

    #[test]
    fn the_picker_walks_the_shipped_layers() {
        let cities: Vec<&str> = children("guangdong").iter().map(|p| p.path).collect();
        assert!(cities.contains(&"guangdong/qingyuan") && cities.contains(&"guangdong/shenzhen"));
        assert!(children("guangdong/qingyuan").iter().any(|p| p.path == "guangdong/qingyuan/liannan"));
        assert!(children("yunnan").is_empty(), "no layer below Yunnan: national rules");
        assert_eq!(
            levels("guangxi/liuzhou/rongan"),
            [Some("guangxi"), Some("guangxi/liuzhou"), Some("guangxi/liuzhou/rongan")]
        );
        assert_eq!(levels("henan"), [Some("henan"), None, None]);
    }

    #[test]
    fn the_layer_used_is_the_nearest_that_has_rules() {
        assert_eq!(layer_used("guangxi/liuzhou/rongan").map(|p| p.path), Some("guangxi/liuzhou/rongan"));
        assert_eq!(layer_used("450224").map(|p| p.path), Some("guangxi/liuzhou/rongan"), "by its code");
        assert_eq!(
            layer_used("guangxi/liuzhou/sanjiang").map(|p| p.path),
            Some("guangxi"),
            "柳州's layer only names it"
        );
        assert_eq!(layer_used("henan/kaifeng/qixian").map(|p| p.path), Some("henan"));
        assert_eq!(layer_used("shandong/linyi/linshu").map(|p| p.path), Some("shandong/linyi/linshu"));
        assert_eq!(layer_used("hubei/huangshi").map(|p| p.path), None, "Hubei's layer sets nothing (Wuhan's does)");
        assert_eq!(name(Lang::ZhCn, "yunnan"), "云南省");
        assert_eq!(name(Lang::En, "guangxi/liuzhou/rongan"), "Rong'an County");
    }
}
