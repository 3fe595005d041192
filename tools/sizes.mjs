// The size computation shared by size.mjs and the latency benchmark: every file under a folder, raw, gzip -9 and
// brotli -q 11, in bytes. The first load is what a phone fetches to show the page: html, js, wasm and css.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The first-load budget: 150 KB brotli in total. */
export const BUDGET = 150 * 1024;

/** What a first visit downloads. */
export const FIRST_LOAD = ['.html', '.js', '.wasm', '.css'];

/** Folders of dist/ the first visit does not fetch: the place registry when a place picker opens, the cited
 * documents' titles and the English texts after the page has started, the what-if and hand-over module when a
 * family first asks (or opens a link), and the JS API, which only a host page's own script imports. */
export const ON_DEMAND = ['places/', 'texts/', 'whatif/', 'api/'];

/** Files of dist/'s root that the page fetches only after it has started: the service worker (loader/sw.js),
 * registered once the app runs. */
export const AFTER_START = ['sw.js'];

/** What only a host page's element fetches (tools/embed.mjs): the embed script and the styles made for it. */
export const EMBED = ['embed.js', 'embed/'];

/** The build that takes a county's own rules (src/rules.rs), which a host page that names a rules file loads in
 * place of the first-load engine (next to it, so that the other files are found from the glue's place), and the
 * style of its notice. */
const isRules = (file) => /^(anju-app-rules(_bg\.wasm|\.js)|rules\.css)$/.test(file);

const under = (file, list) => list.some((d) => file.split(path.sep).join('/').startsWith(d));

/** Whether a file (relative to dist/) is part of the first load. */
export const isFirstLoad = (file) => FIRST_LOAD.includes(path.extname(file)) && !AFTER_START.includes(file)
  && !under(file, ON_DEMAND) && !under(file, EMBED) && !isRules(file);

/** Whether a file is part of the embed's first load: embed.js, the frame's page style, and what the page's first
 * load shares with it (the glue, the engine, loader/load.js), not the page's html, style or engine check (which
 * embed.js carries). */
export const isEmbedFirstLoad = (file) => {
  const f = file.split(path.sep).join('/');
  if (f === 'embed.js' || /^embed\/app-[0-9a-f]+\.css$/.test(f)) return true;
  return isFirstLoad(f) && !f.includes('/') && !/^(index\.html|check-.*\.js|app-.*\.css)$/.test(f);
};

/** Whether a file is part of the first load on a host's page whose element names a rules file: the embed's first
 * load with the rules build in place of the first-load engine and its glue (the rules file itself is the host's). */
export const isRulesFirstLoad = (file) => {
  const f = file.split(path.sep).join('/');
  return isRules(f) || (isEmbedFirstLoad(f) && !/^anju-app-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f));
};

/** `{ rows: [{ file, raw, gzip, brotli }], total: { raw, gzip, brotli } }` for every file under `dir`, sorted. */
export function sizes(dir) {
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  })(dir);
  const rows = files.sort().map((f) => {
    const raw = fs.readFileSync(f);
    return {
      file: path.relative(dir, f),
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

/** Brotli bytes of the first load (FIRST_LOAD files) under `dir`. */
export function firstLoadBrotli(dir) {
  return sizes(dir).rows.filter((r) => isFirstLoad(r.file)).reduce((t, r) => t + r.brotli, 0);
}
