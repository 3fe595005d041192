//! Hand-over links: the family as typed (a [`Draft`]) in a URL fragment, so that a link opens the same family in a
//! fresh browser with no server, and a counselor can pass the answer on. Nothing is in the query string.
//!
//! **Format, versions 1 to 3:** `s=3.` (or `s=2.`, `s=1.`) then the payload in base64url without padding. The payload
//! is, in order:
//! - the number of adults (1–2) and of children (0–6), one byte each;
//! - for each adult, then the household, then each child: the number of answers (one byte), then per answer the
//!   field's place in the field table for its scope ([`ADULT`], [`HOUSEHOLD`], [`CHILD`], one byte), the
//!   text's length in bytes (one byte, at most [`MAX_TEXT`]) and the text in UTF-8;
//! - a checksum of all that (FNV-1a, 32 bits, big-endian), so that a link cut short or changed by hand is known.
//!
//! **Reading a link** ([`decode`]) takes a whole URL or its fragment and finds `s=` among the fragment's `&`-parts,
//! so what WeChat appends (`&from=singlemessage&isappinstalled=0`) does no harm. Whatever the text, it returns a
//! draft or a [`ShareError`] (no state, not ours, a newer version, damaged); it never panics and reads at most
//! [`MAX_LINK`] bytes. The tables only grow: a new field is added at the end, in a new version, and a link of an
//! older version is read through the same tables, limited to the fields its version had ([`SINCE`]);
//! `a_new_question_needs_a_new_version` in the tests holds the tables to the registry.

use crate::draft::{Answers, Draft};
use crate::registry::{Scope, SPECS};

/// The version this build writes.
pub const VERSION: u32 = 3;

/// The longest text a link carries for one answer, in bytes.
pub const MAX_TEXT: usize = 255;

/// The longest link text read, in bytes (a full family is far shorter).
pub const MAX_LINK: usize = 16 * 1024;

/// The adult fields a link can carry, in their order there: version 1's, then what later versions added.
pub const ADULT: &[&str] = &[
    "birth",
    "sex",
    "femaleCategory",
    "currentPlace",
    "hukouPlace",
    "hukouType",
    "hukouElsewhere",
    "monthsInPlace",
    "stableHome",
    "continuousStudy",
    "permit.held",
    "permit.issued",
    "permit.lateEndorsement",
    "employment",
    "stableJob",
    "contractMonths",
    "businessLicenceSince",
    "siMonthsHere",
    "employeePension.months",
    "employeePension.contributingNow",
    "employeePension.averageIndexBp",
    "employeePension.currentBaseBp",
    "employeePension.accountBalanceFen",
    "residentPension.months",
    "residentPension.balanceFen",
    "residentPension.overlapMonths",
    "residentPension.otherPension",
    "localNumbers.cityPopulation10k",
    "localNumbers.benefitBaseFen",
    "localNumbers.residentBasicPensionFen",
    "localNumbers.source",
    // Version 2.
    "parentsHomeHere",
    // Version 3.
    "college",
    "graduated",
];

/// The household fields a link can carry.
pub const HOUSEHOLD: &[&str] = &[
    "ownsHomeHere",
    "rentsHome",
    "monthlyRentFen",
    "size",
    "incomePerCapitaFen",
    "incomeBelowLocalLine",
    "floorAreaPerCapitaM2",
    "assetsFen",
    "providentFundDepositing",
];

/// The child fields a link can carry.
pub const CHILD: &[&str] = &["birth", "stage", "hukouPlace", "xuejiPlace", "xuejiYears", "zhongkaoHere"];

/// Why a link gave no family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// The address carries no `s=` part: an ordinary visit.
    NoState,
    /// Something else is in `s=`: not one of our links.
    Foreign,
    /// A link written by a newer version of the page than this one.
    FutureVersion(u32),
    /// One of our links, cut short or changed: its checksum or its structure does not hold.
    Damaged,
}

/// How many fields of each table (adult, household, child) each version has, version 1 first.
pub const SINCE: &[[usize; 3]] = &[[31, 9, 6], [32, 9, 6], [34, 9, 6]];

fn table(scope: Scope) -> &'static [&'static str] {
    match scope {
        Scope::Adult => ADULT,
        Scope::Household => HOUSEHOLD,
        Scope::Child => CHILD,
    }
}

/// The fields a link of `version` carries for `scope`.
fn table_of(version: u32, scope: Scope) -> &'static [&'static str] {
    let sizes = SINCE.get((version as usize).wrapping_sub(1)).copied().unwrap_or([0; 3]);
    let n = match scope {
        Scope::Adult => sizes[0],
        Scope::Household => sizes[1],
        Scope::Child => sizes[2],
    };
    let all = table(scope);
    &all[..n.min(all.len())]
}

/// The link's state part for `draft`: `s=1.…`. Texts longer than [`MAX_TEXT`] bytes are cut at a character
/// boundary (no field of the form takes that much).
pub fn encode(draft: &Draft) -> String {
    let adults = &draft.adults[..draft.adults.len().min(crate::draft::MAX_ADULTS)];
    let children = &draft.children[..draft.children.len().min(crate::draft::MAX_CHILDREN)];
    let mut body = vec![adults.len() as u8, children.len() as u8];
    let people = adults
        .iter()
        .map(|a| (Scope::Adult, a))
        .chain(std::iter::once((Scope::Household, &draft.household)))
        .chain(children.iter().map(|c| (Scope::Child, c)));
    for (scope, answers) in people {
        let fields = table(scope);
        let known: Vec<(u8, &str)> = answers
            .iter()
            .filter_map(|(f, t)| fields.iter().position(|x| *x == f).map(|i| (i as u8, cut(t))))
            .collect();
        body.push(known.len() as u8);
        for (i, text) in known {
            body.push(i);
            body.push(text.len() as u8);
            body.extend_from_slice(text.as_bytes());
        }
    }
    format!("s={VERSION}.{}", encode_bytes(&body))
}

/// Any bytes as a payload with its checksum, in base64url: how the fuzzer and the tests reach the reader
/// behind the checksum.
pub fn encode_bytes(body: &[u8]) -> String {
    let mut bytes = body.to_vec();
    bytes.extend_from_slice(&fnv(body).to_be_bytes());
    base64url(&bytes)
}

/// The family in a link (a whole URL or its fragment); see the module doc.
pub fn decode(link: &str) -> Result<Draft, ShareError> {
    let link = link.get(..MAX_LINK).unwrap_or(link);
    let fragment = link.split_once('#').map_or(link, |(_, f)| f);
    let state = fragment.split('&').find_map(|part| part.strip_prefix("s=")).ok_or(ShareError::NoState)?;
    let (version, data) = state.split_once('.').ok_or(ShareError::Foreign)?;
    if version.is_empty() || version.len() > 6 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::Foreign);
    }
    match version.parse::<u32>() {
        Ok(v @ 1..=VERSION) => read(v, &unbase64url(data).ok_or(ShareError::Damaged)?),
        Ok(v) if v > VERSION => Err(ShareError::FutureVersion(v)),
        _ => Err(ShareError::Foreign),
    }
}

fn read(version: u32, bytes: &[u8]) -> Result<Draft, ShareError> {
    let split = bytes.len().checked_sub(4).ok_or(ShareError::Damaged)?;
    let (body, sum) = bytes.split_at(split);
    if fnv(body).to_be_bytes() != sum {
        return Err(ShareError::Damaged);
    }
    let mut r = Reader { bytes: body, at: 0 };
    let (adults, children) = (r.byte()? as usize, r.byte()? as usize);
    if !(1..=crate::draft::MAX_ADULTS).contains(&adults) || children > crate::draft::MAX_CHILDREN {
        return Err(ShareError::Damaged);
    }
    let mut draft = Draft { adults: Vec::new(), household: Answers::default(), children: Vec::new() };
    for k in 0..adults + 1 + children {
        let scope = match k {
            k if k < adults => Scope::Adult,
            k if k == adults => Scope::Household,
            _ => Scope::Child,
        };
        let fields = table_of(version, scope);
        let mut answers = Answers::default();
        for _ in 0..r.byte()? {
            let field = fields.get(r.byte()? as usize).ok_or(ShareError::Damaged)?;
            let len = r.byte()? as usize;
            let text = std::str::from_utf8(r.take(len)?).map_err(|_| ShareError::Damaged)?;
            answers.set(field, text);
        }
        match scope {
            Scope::Adult => draft.adults.push(answers),
            Scope::Household => draft.household = answers,
            Scope::Child => draft.children.push(answers),
        }
    }
    if r.at != body.len() {
        return Err(ShareError::Damaged);
    }
    Ok(draft)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let out = self.bytes.get(self.at..self.at + n).ok_or(ShareError::Damaged)?;
        self.at += n;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, ShareError> {
        Ok(self.take(1)?[0])
    }
}

fn cut(text: &str) -> &str {
    let mut end = text.len().min(MAX_TEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn fnv(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(*b)).wrapping_mul(0x0100_0193))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.bytes() {
        let v = ALPHABET.iter().position(|a| *a == b)? as u32;
        acc = (acc << 6 | v) & 0xff_ffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xff) as u8);
        }
    }
    // A length that leaves 6 spare bits, or non-zero spare bits, is not what `base64url` writes.
    (bits < 6 && acc & ((1 << bits) - 1) == 0).then_some(out)
}

/// Every field of this version's tables is a question of the registry (a link opens into real questions).
pub fn tables_are_the_registrys() -> bool {
    [Scope::Adult, Scope::Household, Scope::Child]
        .iter()
        .all(|&scope| table(scope).iter().all(|f| SPECS.iter().any(|s| s.scope() == scope && s.field == *f)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use anju_rules::household::{Question, Subject};

    fn family() -> Draft {
        let mut d = Draft::default();
        d.add_adult();
        d.add_child();
        for (subject, field, text) in [
            (Subject::Adult(0), "birth", "1988-04"),
            (Subject::Adult(0), "currentPlace", "371329"),
            (Subject::Adult(0), "hukouPlace", "411721"),
            (Subject::Adult(0), "monthsInPlace", "30"),
            (Subject::Adult(1), "sex", "female"),
            (Subject::Adult(1), "localNumbers.benefitBaseFen", "7,831.00 元"),
            (Subject::Household, "monthlyRentFen", "1200"),
            (Subject::Child(0), "birth", "2020-09"),
            (Subject::Child(0), "stage", "preschool"),
        ] {
            d.set(Question { subject, field }, text);
        }
        d
    }

    #[test]
    fn a_family_comes_back_from_its_link_exactly() {
        let d = family();
        let link = encode(&d);
        assert!(link.starts_with("s=3."), "{link}");
        assert!(link.len() < 200, "{} characters: short enough for a QR code", link.len());
        assert_eq!(decode(&link), Ok(d.clone()));
        assert_eq!(decode(&format!("https://example.org/anju/#{link}")), Ok(d.clone()));
        // WeChat appends its own parameters to a shared link.
        assert_eq!(decode(&format!("https://example.org/#{link}&from=singlemessage&isappinstalled=0")), Ok(d));
        assert_eq!(decode(&encode(&Draft::default())), Ok(Draft::default()));
    }

    /// One sample link per released version (`share-samples.json`, which the end-to-end tests also open in a fresh
    /// browser): each must open as the family it was written from, for as long as the page reads its version,
    /// with WeChat's parameters appended too.
    #[test]
    fn every_released_sample_still_opens() {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Sample {
            version: u32,
            link: String,
            first_adult: std::collections::BTreeMap<String, String>,
        }
        let samples: Vec<Sample> = serde_json::from_str(include_str!("../share-samples.json")).unwrap();
        assert_eq!(samples.iter().map(|s| s.version).collect::<Vec<_>>(), (1..=VERSION).collect::<Vec<_>>());
        for sample in samples {
            let mut d = Draft::default();
            for (field, text) in &sample.first_adult {
                d.adults[0].set(field, text);
            }
            assert_eq!(decode(&sample.link), Ok(d.clone()), "version {}", sample.version);
            let wechat = format!("https://example.org/anju/{}&from=singlemessage&isappinstalled=0", sample.link);
            assert_eq!(decode(&wechat), Ok(d));
        }
    }

    #[test]
    fn bad_links_say_what_is_wrong_and_never_panic() {
        let link = encode(&family());
        assert_eq!(decode("https://example.org/anju/"), Err(ShareError::NoState));
        assert_eq!(decode("#x=1"), Err(ShareError::NoState));
        assert_eq!(decode("#s=hello"), Err(ShareError::Foreign));
        assert_eq!(decode("#s=v1.AAAA"), Err(ShareError::Foreign));
        assert_eq!(decode("#s=0.AAAA"), Err(ShareError::Foreign));
        assert_eq!(decode("#s=4.AAAA"), Err(ShareError::FutureVersion(4)));
        // Cut short at every length, and every character changed: damaged, never another family.
        for end in 4..link.len() {
            assert!(decode(&link[..end]).is_err(), "cut at {end}");
        }
        let bytes = link.as_bytes();
        for i in 4..bytes.len() {
            let mut changed = bytes.to_vec();
            changed[i] = if changed[i] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(changed).unwrap();
            assert!(matches!(decode(&changed), Err(ShareError::Damaged)), "changed at {i}: {changed}");
        }
        assert_eq!(decode(&format!("#s=1.{}", "A".repeat(MAX_LINK * 2))), Err(ShareError::Damaged));
    }

    /// The tables only grow, and each version's sizes say where it ended: version 1's sizes are its tables' as
    /// released (31 adult, 9 household and 6 child fields), so a version-1 link reads as it always did.
    #[test]
    fn each_version_reads_the_fields_it_had() {
        assert_eq!(SINCE.len(), VERSION as usize);
        assert_eq!(SINCE[0], [31, 9, 6]);
        assert_eq!(SINCE.last(), Some(&[ADULT.len(), HOUSEHOLD.len(), CHILD.len()]));
        assert!(SINCE.windows(2).all(|w| (0..3).all(|i| w[0][i] <= w[1][i])));
        assert_eq!(table_of(1, Scope::Adult).last(), Some(&"localNumbers.source"));
        // A version-1 link naming the field version 2 added is not a version-1 link.
        let mut d = Draft::default();
        d.set(Question::adult(0, "parentsHomeHere"), "yes");
        let two = encode(&d);
        assert_eq!(decode(&two), Ok(d));
        let one = format!("s=1.{}", two.split_once('.').unwrap().1);
        assert_eq!(decode(&one), Err(ShareError::Damaged));
        // And a version-2 link naming a field of version 3 is not a version-2 link.
        let mut d = Draft::default();
        d.set(Question::adult(0, "college"), "yes");
        let three = encode(&d);
        assert_eq!(decode(&three), Ok(d));
        let two = format!("s=2.{}", three.split_once('.').unwrap().1);
        assert_eq!(decode(&two), Err(ShareError::Damaged));
        assert_eq!(table_of(2, Scope::Adult).last(), Some(&"parentsHomeHere"));
    }

    #[test]
    fn a_new_question_needs_a_new_version() {
        assert!(tables_are_the_registrys(), "every field of the v1 tables is a registry question");
        // Every question of the registry can travel in a link of this version; a new one needs a new version.
        for s in SPECS {
            assert!(
                table(s.scope()).contains(&s.field),
                "{:?} {} is in no table of version {VERSION}",
                s.scope(),
                s.field
            );
        }
    }

    /// Prints the sample for `share-samples.json` once, when a new version is released.
    #[test]
    #[ignore = "prints the sample link of a new version once, at its release"]
    fn print_the_sample_link() {
        let mut d = Draft::default();
        // In the order of the field names, as the sample lists them.
        d.set(Question::adult(0, "birth"), "1988-04");
        d.set(Question::adult(0, "college"), "yes");
        d.set(Question::adult(0, "currentPlace"), "410225");
        d.set(Question::adult(0, "graduated"), "2010-07");
        d.set(Question::adult(0, "monthsInPlace"), "30");
        d.set(Question::adult(0, "parentsHomeHere"), "no");
        println!("{}", encode(&d));
    }

    #[test]
    fn base64url_reads_back_what_it_writes_and_refuses_the_rest() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37).wrapping_add(n)).collect();
            assert_eq!(unbase64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(unbase64url("A"), None, "six spare bits");
        assert_eq!(unbase64url("AB"), None, "non-zero spare bits");
        assert_eq!(unbase64url("A="), None, "no padding, no other characters");
    }
}
