//! Place ids with their level and ancestors, parsed in one place.
//!
//! **The canonical id is the GB/T 2260 code** of a province, prefecture-level city or county-level division, six
//! digits: `410000` 河南省, `410200` 开封市, `410225` 兰考县. The code carries the structure: the first two digits
//! are the province, the next two the city, the last two the county, `00` where a level is absent.
//!
//! **Pinyin paths are aliases**, province first, lowercase: `henan`, `henan/kaifeng/lankao` — the folders of the
//! policy layers under `policy/places/`, which requests, plans and golden cases have always used. A province's
//! pinyin and a layer's path read as their codes. A pinyin path with no layer (`zhejiang/hangzhou`) stays a path:
//! it is a place in its province, at the level its depth says, whose own code the engine does not know (the place
//! registry the fronts load maps every pinyin path to its code before it reaches the engine). A place that is not a
//! GB/T 2260 division (西咸新区, a state-level new area) has a layer known by its path alone.
//!
//! - **Level.** From the code: `PP0000` a province, `PPCC00` a city, `PPCCDD` a county-level division. For a path,
//!   its layer's `place.toml`, else its depth: a province, a city (地级), a county (县级); the four municipalities'
//!   (直辖市) children are counties.
//! - **Parent.** A county's city, or its province when it has none: the municipalities' districts and counties
//!   (codes `11`, `12`, `31`, `50`) and the county-level divisions directly under a province (省直辖县级, city
//!   digits `90`: 济源, 仙桃, 五指山, 石河子). A path's parent is its prefix, read as a code when it is an alias.
//! - **Kind** (only what the code's digits say, GB/T 2260's coding rule): under a prefecture-level city (city
//!   digits `01`–`20`) a county-level code `01`–`20` is a 市辖区 (district) of that city and `21`–`99` a county,
//!   banner or county-level city; under a prefecture, autonomous prefecture or league (city digits `21` and up,
//!   `90` included: directly under the province) there are no districts, except in the three Guangdong cities
//!   numbered `51`–`53` (潮州, 揭阳, 云浮). Under a municipality, city digits `01`
//!   are its districts and `02` its counties. `crates/form/tests/counties.rs` holds this reading to the whole
//!   registry and lists the few codes that read otherwise.
//! - **Ancestors** are the parents up to the province; a place is `within` itself and each of its ancestors. Two
//!   spellings of one place (`410225` and `henan/kaifeng/lankao`) are the same place.
//! - **Not a place id:** six digits whose province is not one of the 31 (`710000` and up included) or whose city
//!   part is `00` with a county part; a path whose first part is not a province's pinyin, with a part that is not
//!   lowercase pinyin (`a`–`z`, `_`), an empty part, or deeper than a county. Callers treat such an id as an
//!   unknown place, never as some other place.
//!
//! Only this module looks inside an id; callers compare [`PlaceId`]s or use [`relation`].

use std::borrow::Cow;
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

/// The 31 provincial-level divisions of the mainland: pinyin (the first part of every path) and GB/T 2260 code.
pub const PROVINCES: [(&str, u32); 31] = [
    ("beijing", 110000),
    ("tianjin", 120000),
    ("hebei", 130000),
    ("shanxi", 140000),
    ("neimenggu", 150000),
    ("liaoning", 210000),
    ("jilin", 220000),
    ("heilongjiang", 230000),
    ("shanghai", 310000),
    ("jiangsu", 320000),
    ("zhejiang", 330000),
    ("anhui", 340000),
    ("fujian", 350000),
    ("jiangxi", 360000),
    ("shandong", 370000),
    ("henan", 410000),
    ("hubei", 420000),
    ("hunan", 430000),
    ("guangdong", 440000),
    ("guangxi", 450000),
    ("hainan", 460000),
    ("chongqing", 500000),
    ("sichuan", 510000),
    ("guizhou", 520000),
    ("yunnan", 530000),
    ("xizang", 540000),
    ("shaanxi", 610000),
    ("gansu", 620000),
    ("qinghai", 630000),
    ("ningxia", 640000),
    ("xinjiang", 650000),
];

/// The four municipalities directly under the central government (直辖市).
const MUNICIPALITIES: [u32; 4] = [11, 12, 31, 50];

/// The city digits of county-level divisions directly under their province (省直辖县级行政区划).
const UNDER_PROVINCE: u32 = 90;

/// Prefecture-level cities whose city digits are past 20 (made cities after their numbers were given): 潮州,
/// 揭阳 and 云浮 in Guangdong.
const LATE_CITIES: [u32; 3] = [4451, 4452, 4453];

/// A place in its canonical form, borrowed: a code, or a path for a place known by path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key<'a> {
    Code(u32),
    Path(&'a str),
}

/// Reads an id (a code or a pinyin path) as its canonical key, without allocating.
fn key(id: &str) -> Option<Key<'_>> {
    if id.len() == 6 && id.bytes().all(|b| b.is_ascii_digit()) {
        let code = id.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
        return valid_code(code).then_some(Key::Code(code));
    }
    if !is_pinyin_path(id) {
        return None;
    }
    Some(alias(id))
}

/// A well-formed pinyin path read as its code where it is an alias (a province, a layer with a code).
fn alias(path: &str) -> Key<'_> {
    if let Some(layer) = policy::layer_by_path(path) {
        return key_of_layer(layer);
    }
    match province_of_pinyin(path) {
        Some(code) if !path.contains('/') => Key::Code(code),
        _ => Key::Path(path),
    }
}

fn key_of_layer(layer: &'static policy::Place) -> Key<'static> {
    match layer.code {
        Some(code) => Key::Code(code),
        None => Key::Path(layer.path),
    }
}

fn province_of_pinyin(path: &str) -> Option<u32> {
    let first = path.find('/').map_or(path, |k| &path[..k]);
    PROVINCES.iter().find(|(p, _)| *p == first).map(|(_, c)| *c)
}

fn valid_code(code: u32) -> bool {
    let (province, city, county) = (code / 10000, code / 100 % 100, code % 100);
    // The 31 provinces' first two digits (PROVINCES), without scanning the list: parsing is on every hot path.
    matches!(province, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65) && (city != 0 || county == 0)
}

/// One pass: parts of lowercase pinyin (a–z and `_`), none empty, at most three (two under a municipality), the
/// first a province's pinyin.
fn is_pinyin_path(id: &str) -> bool {
    let (mut parts, mut part_len) = (1usize, 0usize);
    for b in id.bytes() {
        match b {
            b'/' if part_len == 0 => return false,
            b'/' => {
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
    match province_of_pinyin(id) {
        Some(code) => parts < 3 || !MUNICIPALITIES.contains(&(code / 10000)),
        None => false,
    }
}

impl<'a> Key<'a> {
    fn province(self) -> u32 {
        match self {
            Key::Code(c) => c / 10000 * 10000,
            // A path parses only with a province first.
            Key::Path(p) => province_of_pinyin(p).unwrap_or_default(),
        }
    }

    fn parent(self) -> Option<Key<'a>> {
        match self {
            Key::Code(c) => {
                let (province, city, county) = (c / 10000, c / 100 % 100, c % 100);
                if county != 0 && city != UNDER_PROVINCE && !MUNICIPALITIES.contains(&province) {
                    Some(Key::Code(c / 100 * 100))
                } else if city != 0 {
                    Some(Key::Code(province * 10000))
                } else {
                    None
                }
            }
            Key::Path(p) => p.rsplit_once('/').map(|(parent, _)| alias(parent)),
        }
    }

    fn level(self) -> Level {
        match self {
            Key::Code(c) if c % 100 != 0 => Level::County,
            Key::Code(c) if c % 10000 != 0 => Level::City,
            Key::Code(_) => Level::Province,
            Key::Path(p) => {
                if let Some(level) = policy::layer_by_path(p).and_then(|l| Level::from_layer(l.level)) {
                    return level;
                }
                let municipal = MUNICIPALITIES.contains(&(self.province() / 10000));
                match p.split('/').count() {
                    1 => Level::Province,
                    2 if municipal => Level::County,
                    2 => Level::City,
                    _ => Level::County,
                }
            }
        }
    }

    /// The key and its ancestors, nearest first (at most a county, a city and a province).
    fn lineage(self) -> impl Iterator<Item = Key<'a>> {
        std::iter::successors(Some(self), |k| k.parent()).take(4)
    }

    fn within(self, other: Key<'_>) -> bool {
        self.lineage().any(|k| k.same(other))
    }

    fn same(self, other: Key<'_>) -> bool {
        match (self, other) {
            (Key::Code(a), Key::Code(b)) => a == b,
            (Key::Path(a), Key::Path(b)) => a == b,
            _ => false,
        }
    }

    /// Whether this key is the canonical spelling of `id` (a layer's or an override's id).
    fn spells(self, id: &str) -> bool {
        match self {
            Key::Code(c) => id.len() == 6 && id.parse::<u32>().is_ok_and(|i| i == c),
            Key::Path(p) => p == id,
        }
    }

    fn canonical(self) -> Cow<'a, str> {
        match self {
            Key::Code(c) => Cow::Owned(format!("{c:06}")),
            Key::Path(p) => Cow::Borrowed(p),
        }
    }

    /// Whether the code's digits make it a district (市辖区) of a prefecture-level city (see the module doc).
    fn district(self) -> Option<bool> {
        match self {
            Key::Code(c) if c % 100 != 0 => {
                let (province, city, county) = (c / 10000, c / 100 % 100, c % 100);
                Some(if MUNICIPALITIES.contains(&province) {
                    city == 1
                } else {
                    (city <= 20 || LATE_CITIES.contains(&(c / 100))) && county <= 20
                })
            }
            _ => None,
        }
    }
}

/// A place, parsed from its id and kept in its canonical spelling.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId {
    /// The code as six digits, or the path of a place known by path alone.
    id: String,
}

impl PlaceId {
    /// Parses a place id, a code or a pinyin alias; `None` when it is not one (see the module doc).
    pub fn parse(id: &str) -> Option<PlaceId> {
        key(id).map(PlaceId::from_key)
    }

    fn from_key(k: Key<'_>) -> PlaceId {
        PlaceId { id: k.canonical().into_owned() }
    }

    fn key(&self) -> Key<'_> {
        // Built from a key, so it reads back as one; a path of nothing is no place.
        key(&self.id).unwrap_or(Key::Path(""))
    }

    /// The canonical id: the code, or the path of a place that has none.
    pub fn as_str(&self) -> &str {
        &self.id
    }

    /// The GB/T 2260 code, `None` for a place known by path alone.
    pub fn code(&self) -> Option<u32> {
        match self.key() {
            Key::Code(c) => Some(c),
            Key::Path(_) => None,
        }
    }

    /// The level (see the module doc).
    pub fn level(&self) -> Level {
        self.key().level()
    }

    /// The province the place is in (itself for a province).
    pub fn province(&self) -> PlaceId {
        PlaceId::from_key(Key::Code(self.key().province()))
    }

    /// The place one level up, `None` for a province.
    pub fn parent(&self) -> Option<PlaceId> {
        self.key().parent().map(PlaceId::from_key)
    }

    /// The places this one is in, nearest first, ending with its province.
    pub fn ancestors(&self) -> impl Iterator<Item = PlaceId> + '_ {
        self.key().lineage().skip(1).map(PlaceId::from_key)
    }

    /// The nearest of this place and its ancestors at `level` or coarser: a county's city for a city-level rule,
    /// a district of a municipality's for it; the place itself when it is already that coarse.
    pub fn at_level(&self, level: Level) -> PlaceId {
        let k = self.key();
        PlaceId::from_key(k.lineage().find(|a| a.level() <= level).unwrap_or(Key::Code(k.province())))
    }

    /// This place is `other` or lies inside it.
    pub fn within(&self, other: &PlaceId) -> bool {
        self.key().within(other.key())
    }

    /// Both places are in the same province.
    pub fn same_province(&self, other: &PlaceId) -> bool {
        self.key().province() == other.key().province()
    }

    /// For a county-level place known by its code: whether it is a district (市辖区) of a city, whose size then
    /// decides city rules, rather than a county or county-level city (see the module doc). `None` otherwise.
    pub fn is_district(&self) -> Option<bool> {
        self.key().district()
    }

    /// The place's own policy layer, if it has one.
    pub fn layer(&self) -> Option<&'static policy::Place> {
        layer(self.key())
    }

    /// The place and its ancestors that have a policy layer, nearest first: the layers whose values it inherits.
    pub fn layers(&self) -> impl Iterator<Item = &'static policy::Place> + '_ {
        self.key().lineage().filter_map(layer)
    }

    /// The nearest of those layers that sets any value: whose local data answers for this place (`None`: national
    /// rules alone).
    pub fn data_layer(&self) -> Option<&'static policy::Place> {
        self.layers().find(|l| l.data_month.is_some())
    }
}

impl fmt::Display for PlaceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

fn layer(k: Key<'_>) -> Option<&'static policy::Place> {
    match k {
        Key::Code(c) => policy::data::PLACES.iter().find(|p| p.code == Some(c)),
        Key::Path(path) => policy::layer_by_path(path).filter(|p| p.code.is_none()),
    }
}

/// The canonical spelling of a place id (its code where it has one), `None` when it is not a place id; borrowed
/// when the id is already canonical.
pub fn canonical(id: &str) -> Option<Cow<'_, str>> {
    let k = key(id)?;
    Some(if k.spells(id) { Cow::Borrowed(id) } else { Cow::Owned(k.canonical().into_owned()) })
}

/// Whether `id` is a place id (see the module doc), without allocating.
pub fn is_place_id(id: &str) -> bool {
    key(id).is_some()
}

/// `a` is a place id within place id `b` (both parsed; `false` when either is not a place id).
pub fn within(a: &str, b: &str) -> bool {
    relation(a, b) == Some(Relation::Within)
}

/// Two place ids that name the same place, however spelled (`false` when either is not a place id).
pub fn same(a: &str, b: &str) -> bool {
    key(a).zip(key(b)).is_some_and(|(a, b)| a.same(b))
}

/// Two place ids in the same province (`false` when either is not a place id).
pub fn same_province(a: &str, b: &str) -> bool {
    province_code(a).zip(province_code(b)).is_some_and(|(a, b)| a == b)
}

/// The code of the province a place id is in.
pub fn province_code(id: &str) -> Option<u32> {
    key(id).map(Key::province)
}

/// Of `layers` (canonical ids, each with its value), the one that is `id` or its nearest ancestor: the place is
/// read once and its lineage walked nearest first (`policy::resolve`, on every evaluation's hot path).
pub(crate) fn nearest<'a, T>(id: &str, layers: &'a [(&'static str, T)]) -> Option<&'a (&'static str, T)> {
    let mut digits = [0u8; 6];
    key(id)?.lineage().find_map(|up| {
        // The spelling once per level, then plain byte comparisons.
        let spelled: &[u8] = match up {
            Key::Code(c) => {
                let mut n = c;
                for d in digits.iter_mut().rev() {
                    *d = b'0' + (n % 10) as u8;
                    n /= 10;
                }
                &digits
            }
            Key::Path(p) => p.as_bytes(),
        };
        layers.iter().find(|(layer, _)| layer.as_bytes() == spelled)
    })
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
    let (a, b) = (key(a)?, key(b)?);
    Some(if a.within(b) {
        Relation::Within
    } else if b.within(a) {
        Relation::Contains
    } else {
        Relation::Apart
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(id: &str) -> PlaceId {
        PlaceId::parse(id).expect(id)
    }

    #[test]
    fn a_layer_path_and_a_province_read_as_their_codes() {
        // Codes typed from GB/T 2260: 河南省 410000, 开封市 410200, 兰考县 410225.
        assert_eq!(p("henan").as_str(), "410000");
        assert_eq!(p("henan/kaifeng").as_str(), "410200");
        assert_eq!(p("henan/kaifeng/lankao").as_str(), "410225");
        assert_eq!(p("henan/kaifeng/lankao"), p("410225"));
        assert_eq!(p("410225").code(), Some(410225));
        // No layer: kept as the path, in its province.
        assert_eq!(p("zhejiang/hangzhou").as_str(), "zhejiang/hangzhou");
        assert_eq!(p("zhejiang/hangzhou").province(), p("330000"));
        // A layer that is not a GB/T 2260 division keeps its path.
        assert_eq!(p("shaanxi/xixian").as_str(), "shaanxi/xixian");
        assert_eq!(p("shaanxi/xixian").code(), None);
    }

    #[test]
    fn a_place_knows_its_level_from_its_code_its_layer_or_its_depth() {
        assert_eq!(p("410000").level(), Level::Province);
        assert_eq!(p("410200").level(), Level::City);
        assert_eq!(p("410225").level(), Level::County);
        assert_eq!(p("jiangsu/zhenjiang/yangzhong").level(), Level::County);
        assert_eq!(p("469001").level(), Level::County, "五指山市, directly under Hainan");
        // No layers: by depth.
        assert_eq!(p("zhejiang").level(), Level::Province);
        assert_eq!(p("zhejiang/hangzhou").level(), Level::City);
        assert_eq!(p("zhejiang/hangzhou/chunan").level(), Level::County);
        assert_eq!(p("beijing").level(), Level::Province);
        assert_eq!(p("beijing/chaoyang").level(), Level::County);
        assert_eq!(p("shanghai/pudong").level(), Level::County);
    }

    #[test]
    fn parents_follow_the_code_and_skip_a_missing_city() {
        assert_eq!(p("410225").parent(), Some(p("410200")));
        assert_eq!(p("410200").parent(), Some(p("410000")));
        assert_eq!(p("410000").parent(), None);
        assert_eq!(p("110105").parent(), Some(p("110000")), "朝阳区 is Beijing's");
        assert_eq!(p("500229").parent(), Some(p("500000")), "城口县 is Chongqing's");
        assert_eq!(p("429004").parent(), Some(p("420000")), "仙桃市 is directly under Hubei");
        assert_eq!(p("henan/kaifeng/qixian").parent(), Some(p("410200")), "a path's parent may be an alias");
        let up: Vec<String> = p("henan/kaifeng/lankao").ancestors().map(|a| a.to_string()).collect();
        assert_eq!(up, ["410200", "410000"]);
        assert_eq!(p("410225").at_level(Level::City), p("410200"));
        assert_eq!(p("410225").at_level(Level::Province), p("410000"));
        assert_eq!(p("110105").at_level(Level::City), p("110000"), "a municipality is its districts' city");
        assert_eq!(p("410000").at_level(Level::County), p("410000"));
    }

    #[test]
    fn within_reads_places_not_spellings() {
        let lankao = p("410225");
        assert!(lankao.within(&p("henan/kaifeng")) && lankao.within(&p("henan")) && lankao.within(&lankao));
        assert!(p("henan/kaifeng/lankao").within(&p("410200")));
        assert!(!p("410000").within(&lankao), "a province is not inside its county");
        assert!(!p("henan/kaifengx").within(&p("henan/kaifeng")));
        assert!(!p("410102").within(&p("410200")), "郑州's 中原区 is not in 开封");
        assert!(p("411700").same_province(&lankao) && !p("hebei").same_province(&lankao));
        assert!(within("guangdong/shenzhen", "guangdong") && within("440304", "guangdong/shenzhen"));
        assert!(!within("guangdong", ""));
        assert!(same_province("henan/somewhere", "410225"));
    }

    #[test]
    fn districts_are_told_from_counties_by_their_digits() {
        assert_eq!(p("140107").is_district(), Some(true), "杏花岭区");
        assert_eq!(p("410225").is_district(), Some(false), "兰考县");
        assert_eq!(p("321182").is_district(), Some(false), "扬中市, a county-level city");
        assert_eq!(p("110105").is_district(), Some(true), "朝阳区, Beijing");
        assert_eq!(p("500229").is_district(), Some(false), "城口县, Chongqing");
        assert_eq!(p("429004").is_district(), Some(false), "仙桃市");
        assert_eq!(p("410200").is_district(), None);
        assert_eq!(p("222401").is_district(), Some(false), "延吉市, under 延边朝鲜族自治州");
    }

    #[test]
    fn relations_read_whole_places_and_refuse_what_is_not_a_place() {
        assert_eq!(relation("henan/kaifeng/lankao", "henan"), Some(Relation::Within));
        assert_eq!(relation("410000", "henan/kaifeng/lankao"), Some(Relation::Contains));
        assert_eq!(relation("henan/kaifengx", "henan/kaifeng"), Some(Relation::Apart), "a shared prefix is not a part");
        assert_eq!(relation("henanx", "henan"), None, "not a province");
        assert!(!is_place_id("Shandong/Linyi/Linshu") && !is_place_id("linshu") && !is_place_id("湖南"));
        assert_eq!(relation("henan/", "henan"), None);
        assert!(is_place_id("beijing/chaoyang") && !is_place_id("beijing/chaoyang/x"));
        let layers = [("410000", 1), ("410200", 2), ("shaanxi/xixian", 3)];
        assert_eq!(nearest("410225", &layers), Some(&("410200", 2)), "the city before the province");
        assert_eq!(nearest("henan/kaifeng/lankao", &layers), Some(&("410200", 2)), "an alias reads as its code");
        assert_eq!(nearest("410102", &layers), Some(&("410000", 1)), "郑州 is not in 开封: Henan's");
        assert_eq!(nearest("shaanxi/xixian", &layers), Some(&("shaanxi/xixian", 3)));
        assert_eq!(nearest("130000", &layers), None);
    }

    #[test]
    fn malformed_ids_are_not_places() {
        let bad = ["", "/", "henan/", "/henan", "henan//lankao", "a/b/c/d", "beijing/chaoyang/x", "710000", "990000"];
        for id in bad.into_iter().chain(["410025", "41022", "4102250", "41022x", "-41022", "+41022"]) {
            assert_eq!(PlaceId::parse(id), None, "{id:?}");
        }
        assert_eq!(canonical("guangxi/liuzhou/rongan").as_deref(), Some("450224"));
        assert!(matches!(canonical("450224"), Some(Cow::Borrowed(_))));
    }
}
