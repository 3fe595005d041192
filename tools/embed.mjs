// Builds the one-script embed (docs/embedding.md) into a dist folder (default dist/), after the release build and
// tools/minify.mjs, from what the page itself names:
// - dist/embed.js: the build's facts (`window.anjuEmbed`: the page's markup, and each file the embed loads with its
//   integrity), then the page's engine check (loader/check.js) and loader/embed.js, minified;
// - dist/embed/app-HASH.css and whatif-HASH.css: the page's and the what-if screen's style for a shadow root, each
//   rem made the frame's unit (calc(N*var(--r))) and :root, html and body made the frame, then
//   style/embed.css (made the same way) after the page's.
// The glue, the engine and loader/load.js are the page's own files: the embed and the page share them.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';
import { GLUE_TAG, attribute, fileOf, local, sri } from './page.mjs';

const dir = process.argv[2] ?? 'dist';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const tag = (re, what) => {
  const found = html.match(re);
  if (!found) throw new Error(`dist/index.html has no ${what}`);
  return found[0];
};
const read = (url) => fs.readFileSync(fileOf(dir, url));

const glue = tag(GLUE_TAG, '#anju-glue');
const check = attribute(tag(/<script\b[^>]*check-[^>]*>/, 'engine check script'), 'src');
const load = attribute(tag(/<script\b[^>]*load-[^>]*>/, 'loader script'), 'src');
const css = attribute(tag(/<link\b[^>]*rel="?stylesheet"?[^>]*>/, 'style sheet'), 'href');
const markup = (html.match(/<body[^>]*>([\s\S]*)<\/body>/) || [])[1];
if (!markup) throw new Error('dist/index.html has no body');

/** A page style made for the frame inside a shadow root. */
function forFrame(text) {
  return text
    // Lengths in rem, but not in a media query's condition (there rem is the browser's default size, as wanted).
    .replace(/(@media[^{]*)|(-?(?:\d*\.)?\d+)rem\b/g, (m, media, n) => media ?? `calc(${n}*var(--r))`)
    .replace(/(^|[},\s>+~(])(?::root|html|body)(?=[\s{,:.[#>+~)])/g, '$1.anju-embed');
}

fs.mkdirSync(path.join(dir, 'embed'), { recursive: true });
const styles = [
  ['app', read(css).toString('utf8') + fs.readFileSync(path.join(root, 'style/embed.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};:,]) ?/g, '$1')],
  ['whatif', read('whatif/whatif.css').toString('utf8')],
].map(([name, text]) => {
  const out = Buffer.from(forFrame(text));
  const file = `embed/${name}-${crypto.createHash('sha256').update(out).digest('hex').slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, file), out);
  return [file, sri(out)];
});
// Older builds' styles go: the folder holds this build's.
for (const f of fs.readdirSync(path.join(dir, 'embed'))) {
  if (!styles.some(([file]) => file === `embed/${f}`)) fs.rmSync(path.join(dir, 'embed', f));
}

// "PATH SHA256 PATH SHA256 …" (tools/integrity.mjs: the file the glue's element names), as a list.
const listed = (attribute(glue, 'data-integrity') || '').split(' ')[0];
const later = listed ? fs.readFileSync(path.join(dir, listed), 'utf8').split(' ') : [];
const facts = {
  // (A <noscript> means nothing in a shadow root: embed.js runs only with scripts on.)
  markup: markup.replace(/<noscript>[\s\S]*?<\/noscript>/g, '').trim(),
  css: styles[0],
  whatifCss: styles[1],
  // What is fetched after the start, as the page names it (tools/integrity.mjs: the list's file and its integrity),
  // and from that list the build that takes a host's rules (its glue and engine).
  integrity: attribute(glue, 'data-integrity'),
  rules: ['anju-app-rules.js', 'anju-app-rules_bg.wasm'].map((f) => {
    const at = later.indexOf(f);
    return at < 0 ? '' : later[at + 1];
  }),
  glue: [local(attribute(glue, 'href')), attribute(glue, 'integrity')],
  wasm: [local(attribute(glue, 'data-wasm')), attribute(glue, 'data-wasm-integrity')],
  load: [local(load), sri(read(load))],
};
if (!facts.glue[1] || !facts.wasm[1]) throw new Error('#anju-glue has no integrity: run tools/minify.mjs first');
const code = [
  `window.anjuEmbed=${JSON.stringify(facts)};`,
  read(check).toString('utf8'),
  fs.readFileSync(path.join(root, 'loader/embed.js'), 'utf8'),
].join('\n');
const out = await minify(code, { compress: true, mangle: true });
if (typeof out.code !== 'string') throw new Error('terser gave nothing for embed.js');
fs.writeFileSync(path.join(dir, 'embed.js'), out.code);
console.log(`embed: embed.js ${out.code.length} bytes, ${styles.map(([f]) => f).join(', ')}`);
