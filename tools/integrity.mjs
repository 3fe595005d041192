// Names the integrity of every file the page fetches after it has started, in a dist folder (default dist/), after
// tools/minify.mjs and before tools/embed.mjs: the place registry, the texts, the what-if module, and the build that
// takes a host's rules. The first-load files carry theirs in the page (Trunk, tools/minify.mjs); these are listed on
// the element naming the glue (`#anju-glue`, `data-integrity="PATH SHA256 PATH SHA256 …"`, paths next to the glue),
// which loader/load.js reads: a module is preloaded with its integrity before it is imported, a file is fetched with
// it, so the browser refuses a file that is not this build's. (The JS API's own files are imported by a host's
// script, which names their integrity itself.)
import fs from 'node:fs';
import path from 'node:path';
import { GLUE_TAG, sri } from './page.mjs';

const dir = process.argv[2] ?? 'dist';
const inside = (sub) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).map((f) => `${sub}/${f}`) : []);
const files = [...inside('places'), ...inside('texts'), ...inside('whatif'), 'anju-app-rules.js', 'anju-app-rules_bg.wasm',
  'rules.css'].filter((f) => fs.existsSync(path.join(dir, f)));
const list = files.map((f) => `${f} ${sri(fs.readFileSync(path.join(dir, f)))}`).join(' ');
const page = path.join(dir, 'index.html');
const html = fs.readFileSync(page, 'utf8');
const tag = (html.match(GLUE_TAG) || [])[0];
if (!tag) throw new Error(`${page} has no #anju-glue element`);
const named = tag.replace(/\s+data-integrity="[^"]*"/, '').replace(/\s*\/?>$/, ` data-integrity="${list}">`);
fs.writeFileSync(page, html.replace(tag, named));
console.log(`integrity: ${files.length} files fetched after the start`);
