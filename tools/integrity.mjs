// Names the integrity of every file the page fetches after it has started, in a dist folder (default dist/), after
// tools/minify.mjs and before tools/embed.mjs: the place registry, the texts, the what-if module, and the build that
// takes a host's rules. The first-load files carry theirs in the page (Trunk, tools/minify.mjs); these are listed in
// a file of their own (`integrity-HASH.txt`: "PATH SHA256 PATH SHA256 …", paths next to the glue), which the element
// naming the glue names with its own integrity (`#anju-glue`, `data-integrity="integrity-HASH.txt SHA256"`), so the
// first load carries one hash for them all. loader/load.js fetches the list, checked, the first time a file on it is
// needed: a module is preloaded with its integrity before it is imported, a file is fetched with it, so the browser
// refuses a file that is not this build's. (The JS API's own files are imported by a host's script, which names
// their integrity itself.)
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { GLUE_TAG, INTEGRITY_LIST, sri } from './page.mjs';

const dir = process.argv[2] ?? 'dist';
const inside = (sub) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).map((f) => `${sub}/${f}`) : []);
const files = [...inside('places'), ...inside('texts'), ...inside('whatif'), 'anju-app-rules.js', 'anju-app-rules_bg.wasm',
  'rules.css'].filter((f) => fs.existsSync(path.join(dir, f)));
const list = Buffer.from(files.map((f) => `${f} ${sri(fs.readFileSync(path.join(dir, f)))}`).join(' '));
// Older builds' lists go: the folder holds this build's.
for (const f of fs.readdirSync(dir).filter((f) => INTEGRITY_LIST.test(f))) fs.rmSync(path.join(dir, f));
const name = `integrity-${crypto.createHash('sha256').update(list).digest('hex').slice(0, 16)}.txt`;
fs.writeFileSync(path.join(dir, name), list);
const page = path.join(dir, 'index.html');
const html = fs.readFileSync(page, 'utf8');
const tag = (html.match(GLUE_TAG) || [])[0];
if (!tag) throw new Error(`${page} has no #anju-glue element`);
const named = tag.replace(/\s+data-integrity="[^"]*"/, '').replace(/\s*\/?>$/, ` data-integrity="${name} ${sri(list)}">`);
fs.writeFileSync(page, html.replace(tag, named));
console.log(`integrity: ${files.length} files fetched after the start, listed in ${name}`);
