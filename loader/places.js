// The place registry in the browser: every province, prefecture- and county-level division (GB/T 2260), read from
// places/divisions.txt (policy/divisions.txt, whose format tools/divisions.mjs describes) when the place picker
// first opens, so that its 28 KB are not part of the first load; and the picker's full lists over it. load.js
// imports this module on demand and the app reaches it through window.anjuPlaces (src/places.rs).
//
// It reads the file the way crates/form/src/divisions.rs does (the reader the command line and native tests use),
// and `node tools/divisions.mjs --check` holds both readers to what the pinned package generates.

const KINDS = {
  省: [1, 'Province', '省'], 自治区: [1, 'Autonomous Region', ''], 直辖市: [1, '', '市'],
  地级市: [2, '', '市'], 地区: [2, 'Prefecture', '地区'], 自治州: [2, 'Autonomous Prefecture', ''], 盟: [2, 'League', '盟'],
  市辖区: [3, 'District', '区'], 县: [3, 'County', '县'], 县级市: [3, 'City', '市'], 自治县: [3, 'Autonomous County', ''],
  旗: [3, 'Banner', '旗'], 自治旗: [3, 'Autonomous Banner', ''], 特区: [3, 'Special District', ''],
  林区: [3, 'Forestry District', ''], 群岛: [3, 'Islands', ''],
};
const KIND_SYLLABLE = { 市: 'shi', 县: 'xian', 区: 'qu', 旗: 'qi' };
const MAX_DIVISIONS = 10000;

/** Reads the registry text; throws an Error naming the first bad line. */
export function parse(text) {
  const divisions = [];
  const byCode = new Map();
  const meta = { source: '', date: '' };
  let previous = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const bad = (why) => new Error(`divisions.txt line ${i + 1}: ${why}`);
    if (line.startsWith('#')) {
      const h = line.slice(1).trim();
      if (h.startsWith('source ')) meta.source = h.slice(7).trim();
      else if (h.startsWith('data ')) meta.date = h.slice(5).trim();
      continue;
    }
    if (line === '') continue;
    if (divisions.length >= MAX_DIVISIONS) throw bad('too many divisions');
    const f = line.split('\t');
    if (f.length !== 4) throw bad('expected 4 tab-separated fields');
    const [short, kindWord, name, syllables] = f;
    if (!/^(\d\d|\d{4}|\d{6})$/.test(short)) throw bad('bad code');
    const n = Number(short);
    let code;
    if (short.length === 6) code = n;
    else if (!previous) throw bad('a short code needs a line before it');
    else code = short.length === 4 ? Math.floor(previous / 10000) * 10000 + n : Math.floor(previous / 100) * 100 + n;
    if (code < 110000 || code <= previous) throw bad('codes must rise');
    const kind = KINDS[kindWord];
    if (!kind) throw bad('unknown kind');
    const level = code % 10000 === 0 ? 1 : code % 100 === 0 ? 2 : 3;
    if (level !== kind[0]) throw bad("the kind's level does not match the code");
    if (!name || !/^[A-Z][A-Za-z]*$/.test(syllables)) throw bad('bad name or pinyin');
    let parent = 0;
    if (level === 2) parent = Math.floor(code / 10000) * 10000;
    if (level === 3) parent = byCode.has(Math.floor(code / 100) * 100) ? Math.floor(code / 100) * 100 : Math.floor(code / 10000) * 10000;
    if (level > 1 && !byCode.has(parent)) throw bad('no parent before it');
    const d = {
      code, level, kind: kindWord, name, parent,
      pinyin: syllables.toLowerCase(),
      initials: syllables.replace(/[^A-Z]/g, '').toLowerCase(),
      en: english(syllables, kind[1]),
      stem: kind[2] && name.endsWith(kind[2]) ? name.slice(0, -kind[2].length) : name,
    };
    divisions.push(d);
    byCode.set(code, d);
    previous = code;
  }
  if (!divisions.length) throw new Error('divisions.txt: no divisions');
  return new Registry(divisions, byCode, meta);
}

/** Capitalised pinyin (an apostrophe before a syllable that starts with a, e or o: Rong'an), then the kind. */
function english(syllables, kind) {
  let out = syllables[0];
  for (const c of syllables.slice(1)) {
    if (c >= 'A' && c <= 'Z') out += ('AEO'.includes(c) ? "'" : '') + c.toLowerCase();
    else out += c;
  }
  return kind ? `${out} ${kind}` : out;
}

class Registry {
  constructor(divisions, byCode, meta) {
    this.divisions = divisions;
    this.byCode = byCode;
    this.source = meta.source;
    this.date = meta.date;
  }

  get(code) {
    return this.byCode.get(code);
  }

  /** The divisions directly under `code` (0: the provinces), in code order. */
  children(code) {
    return this.divisions.filter((d) => d.parent === code && (code !== 0 || d.level === 1));
  }

  /** Name in `lang` ('zh-CN' or 'en'). */
  name(code, lang) {
    const d = this.byCode.get(code);
    return d ? (lang === 'en' ? d.en : d.name) : undefined;
  }

  /** Chinese substring, or pinyin (full, prefix, initials); best first, as divisions.rs ranks them. */
  search(query, limit) {
    const q = String(query).trim();
    if (!q || limit <= 0 || [...q].length > 40) return [];
    const ascii = q.replace(/[ '’-]/g, '').toLowerCase();
    const pinyinQuery = ascii !== '' && /^[a-z]+$/.test(ascii);
    const hits = [];
    for (const d of this.divisions) {
      let rank;
      if (pinyinQuery) {
        // The name's kind read as a syllable counts either way: 临夏市's linxiashi for linxia, qixian for 杞县's qi.
        const kind = KIND_SYLLABLE[d.name.slice(-1)];
        const kindSyllable = kind && (d.pinyin === ascii + kind || ascii === d.pinyin + kind);
        if (d.pinyin === ascii || kindSyllable) rank = 0;
        else if (d.initials === ascii) rank = 1;
        else if (d.pinyin.startsWith(ascii)) rank = 2;
        else if (ascii.length >= 2 && d.initials.startsWith(ascii)) rank = 3;
        else continue;
      } else if (d.name === q || d.stem === q) rank = 0;
      else if (d.name.startsWith(q)) rank = 2;
      else if (d.name.includes(q)) rank = 4;
      else continue;
      hits.push([rank, d]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1].level - b[1].level || a[1].code - b[1].code);
    return hits.slice(0, limit).map((h) => h[1]);
  }
}

/** Renders the place picker's full lists into `el` (emptied first; the app leaves the element to this module):
 * province → city → county selects with ids `${id}-0/1/2` and a search box `${id}-search` whose hits are buttons
 * (`button.place-hit[data-code]`). `code` is the chosen place's GB/T 2260 code (0: none); `labels` are the page's
 * words in its language: [province, city, county, not more precisely, don't know, search, nothing found]; `onSet`
 * receives the new value (a code as 6 digits, or '' for don't know). A control that had the focus keeps it. */
export function mount(registry, el, id, code, lang, labels, onSet) {
  const [lProvince, lCity, lCounty, lWhole, lDontKnow, lSearch, lNone] = labels;
  // The page's document, or the shadow root of a host page's element (loader/embed.js).
  const scope = el.getRootNode();
  const focused = scope.activeElement && el.contains(scope.activeElement) ? scope.activeElement.id : '';
  const query = el.querySelector('input[type=search]')?.value ?? '';
  el.textContent = '';
  const six = (c) => String(c).padStart(6, '0');
  const chain = [];
  for (let d = registry.get(code); d && chain.length < 4; d = registry.get(d.parent)) chain.unshift(d.code);
  const make = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.assign(e, props);
    for (const c of children) e.append(c);
    return e;
  };
  const level = (i, label, options, current, parent) => {
    const select = make('select', { id: `${id}-${i}` });
    select.append(make('option', { value: '', textContent: i === 0 ? lDontKnow : lWhole, selected: !current }));
    for (const d of options) {
      select.append(make('option', { value: six(d.code), textContent: registry.name(d.code, lang), selected: d.code === current }));
    }
    select.addEventListener('change', () => onSet(select.value || (parent ? six(parent) : '')));
    el.append(make('div', { className: 'place-level' }, make('label', { htmlFor: select.id, textContent: label }), select));
  };
  level(0, lProvince, registry.children(0), chain[0], 0);
  // Below a province: its cities (or a municipality's districts and counties); below a city: its counties.
  for (let depth = 0; depth < 2; depth++) {
    const above = chain[depth];
    if (!above || (depth === 1 && above % 100 !== 0)) break;
    const list = registry.children(above);
    if (!list.length) break;
    level(depth + 1, list[0].level === 2 ? lCity : lCounty, list, chain[depth + 1], above);
  }
  const input = make('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', value: query });
  const none = make('p', { className: 'place-none', textContent: lNone, hidden: true });
  none.setAttribute('role', 'status');
  const hits = make('ul', { className: 'place-hits' });
  const search = () => {
    hits.textContent = '';
    const found = input.value.trim() ? registry.search(input.value, 8) : [];
    none.hidden = !input.value.trim() || found.length > 0;
    for (const d of found) {
      const up = [];
      for (let p = registry.get(d.parent); p && up.length < 3; p = registry.get(p.parent)) up.push(registry.name(p.code, lang));
      const button = make('button', { type: 'button', className: 'place-hit' }, registry.name(d.code, lang),
        make('span', { className: 'within', textContent: up.join(lang === 'en' ? ', ' : ' · ') }));
      button.dataset.code = six(d.code);
      // The chosen place shows in the lists, which are drawn again: the search box keeps the focus.
      button.addEventListener('click', () => { input.value = ''; input.focus(); onSet(six(d.code)); });
      hits.append(make('li', {}, button));
    }
  };
  input.addEventListener('input', search);
  el.append(make('div', { className: 'place-search' }, make('label', { htmlFor: input.id, textContent: lSearch }), input, none, hits));
  search();
  if (focused) scope.getElementById(focused)?.focus();
}
