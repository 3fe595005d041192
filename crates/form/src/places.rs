//! Places as the picker and the cards name them from the shipped policy layers: the 31 provinces (offered before
//! the full registry, `crate::divisions` / `loader/places.js`, has loaded), a place's name, and which layer's rules
//! a place gets.

use anju_rules::message::Lang;
use anju_rules::policy::Place;

/// The 31 provinces' layers (every province has one, with its names), in GB/T 2260 order.
pub fn provinces() -> impl Iterator<Item = &'static Place> {
    anju_rules::place::PROVINCES.iter().filter_map(|(pinyin, _)| anju_rules::policy::place(pinyin))
}

/// A place's name in `lang`.
pub fn name(lang: Lang, id: &str) -> String {
    anju_rules::message::place_text(lang, id)
}

/// The nearest place (the place itself or an ancestor) whose policy layer sets values: its rules, then its
/// ancestors', then national rules apply. `None`: national rules only.
pub fn layer_used(id: &str) -> Option<&'static Place> {
    anju_rules::place::PlaceId::parse(id)?.data_layer()
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
