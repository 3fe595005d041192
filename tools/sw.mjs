// Writes the build's version and its precache list into dist/sw.js (loader/sw.js), after the release build and
// tools/minify.mjs: the first-load files (as tools/sizes.mjs counts them), the place registry, the texts and the
// module that draws the results' cards, by their paths relative to the page; the version is a hash of those files'
// bytes, so any change makes a new worker.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { isFirstLoad } from './sizes.mjs';
import { INTEGRITY_LIST } from './page.mjs';

const dir = process.argv[2] ?? 'dist';
const file = path.join(dir, 'sw.js');
const list = (sub) => (fs.existsSync(path.join(dir, sub)) ? fs.readdirSync(path.join(dir, sub)).map((f) => `${sub}/${f}`) : []);
const files = [
  ...fs.readdirSync(dir).filter((f) => fs.statSync(path.join(dir, f)).isFile() && isFirstLoad(f) && f !== 'sw.js'),
  ...list('places'),
  ...list('texts'),
  // The module that draws the results' cards (and the what-if and hand-over screens): results offline after a visit
  // that never reached them.
  ...list('whatif'),
  'icon.svg',
  'manifest.webmanifest',
  // The integrity of what is fetched after the start (tools/integrity.mjs), without which none of it loads.
  ...fs.readdirSync(dir).filter((f) => INTEGRITY_LIST.test(f)),
].filter((f) => fs.existsSync(path.join(dir, f))).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update(fs.readFileSync(path.join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
// The page itself is cached as './' (what a navigation asks for), not as index.html.
const precache = files.map((f) => (f === 'index.html' ? './' : `./${f}`));
const code = fs.readFileSync(file, 'utf8');
// (Whichever quotes the minifier chose.)
const files_ = /\[\s*['"]__FILES__['"]\s*\]/;
if (!code.includes('__VERSION__') || !files_.test(code)) throw new Error(`${file} has no placeholders`);
fs.writeFileSync(file, code.replace('__VERSION__', version).replace(files_, JSON.stringify(precache)));
console.log(`sw: version ${version}, ${precache.length} files precached`);
