//! Place ids with their level and ancestors, parsed in one place.
//!
//! A place id today is a pinyin path, province first: `guangxi`, `guangxi/liuzhou`, `guangxi/liuzhou/rongan`, the
//! folder of its policy layer under `policy/places/` when it has one. Rules compare places at the level they are
//! written for (the place of pension receipt by province, school zoning by county), so they compare [`PlaceId`]s,
//! never strings: `henan/kaifeng/lankao` is within `henan`, and `henanx` is not.
//!
//! - **Level.** A place with a policy layer has the level its `place.toml` gives (a county-level city directly
//!   under its province, as in Hainan, is a county at depth two). Otherwise the depth says it: a province, then a
//!   city (地级), then a county (县级). The four municipalities (直辖市: Beijing, Tianjin, Shanghai, Chongqing) are
//!   provinces whose children are districts and counties, so `beijing/chaoyang` is a county.
//! - **Ancestors** are the path's prefixes; a place is `within` itself and each of its ancestors.
//! - **Not a place id:** a first part that is not one of the 31 provinces' ids, a part that is not lowercase pinyin
//!   (`a`–`z`, `_`), an empty id, an empty part (`henan//lankao`, a leading or trailing `/`), or a path deeper
//!   than a county. Callers treat such an id as an unknown place, never as some other place.
//!
//! Only this module looks inside an id. When GB/T 2260 codes become the canonical ids with pinyin paths as aliases,
//! [`PlaceId::parse`] maps either to the code and the methods read the code's digits; callers stay as they are.

use std::fmt;

use crate::policy;

/// The administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 省级: a province, autonomous region or municipality.
    Province,
    /// 地级: a prefecture-level city, prefecture or new area.
    City,
    /// 县级: a county, district or county-level city.
    County,
}

impl Level {
    /// The level as `place.toml` spells it.
    fn from_layer(level: &str) -> Option<Level> {
        match level {
            "province" => Some(Level::Province),
            "city" => Some(Level::City),
            "county" => Some(Level::County),
            _ => None,
        }
    }
}

/// The 31 provincial-level divisions of the mainland, as place ids spell them (the first part of every place id).
/// A registry of every division (GB/T 2260) will replace this list; until then an id must start with one of these.
const PROVINCES: [&str; 31] = [
    "beijing",
    "tianjin",
    "hebei",
    "shanxi",
    "neimenggu",
    "liaoning",
    "jilin",
    "heilongjiang",
    "shanghai",
    "jiangsu",
    "zhejiang",
    "anhui",
    "fujian",
    "jiangxi",
    "shandong",
    "henan",
    "hubei",
    "hunan",
    "guangdong",
    "guangxi",
    "hainan",
    "chongqing",
    "sichuan",
    "guizhou",
    "yunnan",
    "xizang",
    "shaanxi",
    "gansu",
    "qinghai",
    "ningxia",
    "xinjiang",
];

/// The four municipalities directly under the central government (直辖市; GB/T 2260 codes 11, 12, 31 and 50).
const MUNICIPALITIES: [&str; 4] = ["beijing", "tianjin", "shanghai", "chongqing"];

/// A place, parsed from its id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId {
    /// The canonical id (today the pinyin path, checked by `parse`).
    path: String,
}

impl PlaceId {
    /// Parses a place id; `None` when it is not one (see the module doc).
    pub fn parse(id: &str) -> Option<PlaceId> {
        is_place_id(id).then(|| PlaceId { path: id.to_string() })
    }

    /// The id, as the policy layers and the request spell it.
    pub fn as_str(&self) -> &str {
        &self.path
    }

    /// The level: its layer's where it has one, else by depth (see the module doc).
    pub fn level(&self) -> Level {
        if let Some(level) = self.layer().and_then(|p| Level::from_layer(p.level)) {
            return level;
        }
        match self.path.split('/').count() {
            1 => Level::Province,
            2 if MUNICIPALITIES.contains(&first(&self.path)) => Level::County,
            2 => Level::City,
            _ => Level::County,
        }
    }

    /// The province the place is in (itself for a province).
    pub fn province(&self) -> PlaceId {
        PlaceId { path: first(&self.path).to_string() }
    }

    /// The place one level up, `None` for a province.
    pub fn parent(&self) -> Option<PlaceId> {
        self.path.rsplit_once('/').map(|(parent, _)| PlaceId { path: parent.to_string() })
    }

    /// The places this one is in, nearest first, ending with its province.
    pub fn ancestors(&self) -> impl Iterator<Item = PlaceId> + '_ {
        lineage(&self.path).skip(1).map(|path| PlaceId { path: path.to_string() })
    }

    /// This place is `other` or lies inside it.
    pub fn within(&self, other: &PlaceId) -> bool {
        lineage(&self.path).any(|p| p == other.path)
    }

    /// Both places are in the same province.
    pub fn same_province(&self, other: &PlaceId) -> bool {
        first(&self.path) == first(&other.path)
    }

    /// The place's own policy layer, if it has one.
    pub fn layer(&self) -> Option<&'static policy::Place> {
        policy::place(&self.path)
    }
}

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)
    }
}

/// `a` is a place id within place id `b` (both parsed; `false` when either is not a place id).
pub fn within(a: &str, b: &str) -> bool {
    relation(a, b) == Some(Relation::Within)
}

/// The place `levels` parts deep that `id` lies in (`guangdong/qingyuan/liannan` at one level: `guangdong`); the
/// id itself when it is not that deep.
pub fn ancestor(id: &str, levels: usize) -> &str {
    match id.match_indices('/').nth(levels.saturating_sub(1)) {
        Some((k, _)) => &id[..k],
        None => id,
    }
}

/// Two place ids (known to be place ids) in the same province.
pub fn same_province(a: &str, b: &str) -> bool {
    first(a) == first(b)
}

/// Whether `id` is a place id (see the module doc), without allocating.
pub fn is_place_id(id: &str) -> bool {
    // One pass: parts of lowercase pinyin (a–z and `_`), none empty, at most three (two under a municipality).
    let (mut parts, mut part_len, mut first_len) = (1usize, 0usize, None);
    for b in id.bytes() {
        match b {
            b'/' if part_len == 0 => return false,
            b'/' => {
                first_len.get_or_insert(part_len);
                parts += 1;
                part_len = 0;
            }
            b'a'..=b'z' | b'_' => part_len += 1,
            _ => return false,
        }
    }
    if part_len == 0 || parts > 3 {
        return false;
    }
    let province = &id[..first_len.unwrap_or(id.len())];
    PROVINCES.contains(&province) && (parts < 3 || !MUNICIPALITIES.contains(&province))
}

/// `a` is `b` or lies inside it, for ids known to be place ids: a prefix of whole parts.
pub(crate) fn inside(a: &str, b: &str) -> bool {
    a.len() >= b.len() && a.starts_with(b) && (a.len() == b.len() || a.as_bytes()[b.len()] == b'/')
}

/// How one place lies against another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The first is the second or lies inside it.
    Within,
    /// The second lies strictly inside the first (the first is given more coarsely).
    Contains,
    /// Neither is inside the other.
    Apart,
}

/// How place id `a` lies against place id `b`, without allocating; `None` when either is not a place id.
pub fn relation(a: &str, b: &str) -> Option<Relation> {
    if !is_place_id(a) || !is_place_id(b) {
        return None;
    }
    Some(if inside(a, b) {
        Relation::Within
    } else if inside(b, a) {
        Relation::Contains
    } else {
        Relation::Apart
    })
}

/// An id and then the ids of its ancestors, nearest first, without parsing or allocating: the order in which a
/// place inherits policy values (`policy::resolve` finds the nearest as the longest layer the place lies in).
pub(crate) fn lineage(id: &str) -> impl Iterator<Item = &str> {
    std::iter::successors((!id.is_empty()).then_some(id), |p| p.rsplit_once('/').map(|(parent, _)| parent))
}

/// The first part of an id: its province.
pub(crate) fn first(id: &str) -> &str {
    id.find('/').map_or(id, |k| &id[..k])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: &str) -> PlaceId {
        PlaceId::parse(id).expect(id)
    }

    #[test]
    fn a_place_knows_its_level_from_its_layer_or_its_depth() {
        // Layers: 河南省, 开封市, 兰考县; 扬中市 is a county-level city (level "county" in its place.toml).
        assert_eq!(p("henan").level(), Level::Province);
        assert_eq!(p("henan/kaifeng").level(), Level::City);
        assert_eq!(p("henan/kaifeng/lankao").level(), Level::County);
        assert_eq!(p("jiangsu/zhenjiang/yangzhong").level(), Level::County);
        // No layers: by depth.
        assert_eq!(p("zhejiang").level(), Level::Province);
        assert_eq!(p("zhejiang/hangzhou").level(), Level::City);
        assert_eq!(p("zhejiang/hangzhou/chunan").level(), Level::County);
        // Beijing is a province (its layer says so) whose children are districts.
        assert_eq!(p("beijing").level(), Level::Province);
        assert_eq!(p("beijing/chaoyang").level(), Level::County);
        assert_eq!(p("shanghai/pudong").level(), Level::County);
    }

    #[test]
    fn the_ancestor_at_a_level_is_a_prefix_of_whole_parts() {
        assert_eq!(ancestor("guangdong/qingyuan/liannan", 1), "guangdong");
        assert_eq!(ancestor("guangdong/qingyuan/liannan", 2), "guangdong/qingyuan");
        assert_eq!(ancestor("beijing", 2), "beijing");
    }

    #[test]
    fn ancestors_are_nearest_first_and_end_with_the_province() {
        let lankao = p("henan/kaifeng/lankao");
        let up: Vec<String> = lankao.ancestors().map(|a| a.to_string()).collect();
        assert_eq!(up, ["henan/kaifeng", "henan"]);
        assert_eq!(lankao.province(), p("henan"));
        assert_eq!(lankao.parent(), Some(p("henan/kaifeng")));
        assert_eq!(p("henan").parent(), None);
        assert_eq!(p("henan").ancestors().count(), 0);
    }

    #[test]
    fn within_follows_the_path_not_the_spelling() {
        let lankao = p("henan/kaifeng/lankao");
        assert!(lankao.within(&lankao));
        assert!(lankao.within(&p("henan/kaifeng")));
        assert!(lankao.within(&p("henan")));
        assert!(!p("henan").within(&lankao), "a province is not inside its county");
        assert!(!p("henan/kaifengx").within(&p("henan/kaifeng")));
        assert!(p("henan/zhumadian").same_province(&lankao));
        assert!(!p("hebei").same_province(&lankao));
        assert!(within("guangdong/shenzhen", "guangdong"));
        assert!(!within("guangdong", ""));
    }

    #[test]
    fn relations_read_whole_parts_and_refuse_what_is_not_a_place() {
        assert_eq!(relation("henan/kaifeng/lankao", "henan"), Some(Relation::Within));
        assert_eq!(relation("henan", "henan/kaifeng/lankao"), Some(Relation::Contains));
        assert_eq!(relation("henan/kaifengx", "henan/kaifeng"), Some(Relation::Apart), "a shared prefix is not a part");
        assert_eq!(relation("henanx", "henan"), None, "not a province");
        assert!(!is_place_id("Shandong/Linyi/Linshu") && !is_place_id("linshu") && !is_place_id("湖南"));
        assert_eq!(relation("henan/", "henan"), None);
        assert!(is_place_id("beijing/chaoyang") && !is_place_id("beijing/chaoyang/x"));
    }

    #[test]
    fn malformed_ids_are_not_places() {
        for id in ["", "/", "henan/", "/henan", "henan//lankao", "a/b/c/d", "beijing/chaoyang/x"] {
            assert_eq!(PlaceId::parse(id), None, "{id:?}");
        }
        assert_eq!(p("guangxi/liuzhou/rongan").as_str(), "guangxi/liuzhou/rongan");
    }

    #[test]
    fn lineage_is_the_order_of_inheritance() {
        assert_eq!(lineage("a/b/c").collect::<Vec<_>>(), ["a/b/c", "a/b", "a"]);
        assert_eq!(lineage("").count(), 0);
    }
}
