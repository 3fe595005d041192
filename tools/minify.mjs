// Minifies the JavaScript Trunk emits (the wasm-bindgen glue) in a dist folder (default dist/), in place, and
// updates the subresource-integrity hashes that name it in the folder's HTML. Trunk minifies HTML and CSS itself
// (Trunk.toml `minify`), not the glue; the first-load budget counts every byte.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { minify } from 'terser';

const dir = process.argv[2] ?? 'dist';
const sri = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
const files = fs.readdirSync(dir);
const pages = files.filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
for (const name of files.filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file);
  const code = before.toString('utf8');
  // ES modules (the glue, the loader) may have their top level renamed; a classic script (the engine check) not.
  const module = /^\s*(import|export)\b/m.test(code);
  const out = await minify(code, { module, compress: true, mangle: true });
  if (typeof out.code !== 'string') throw new Error(`terser gave nothing for ${name}`);
  fs.writeFileSync(file, out.code);
  const [from, to] = [sri(before), sri(Buffer.from(out.code))];
  for (const page of pages) {
    const html = fs.readFileSync(page, 'utf8');
    if (html.includes(from)) fs.writeFileSync(page, html.split(from).join(to));
  }
  console.log(`minify: ${name} ${before.length} → ${out.code.length} bytes`);
}

// The glue and the .wasm are named by the element Trunk writes (`#anju-glue`, Trunk.toml pattern_script), which
// carries no integrity: give it the glue's (the browser checks the preloaded module) and the .wasm's
// (`data-wasm-integrity`, which loader/load.js hands to fetch), so that every file of the first load is checked.
const attribute = (tag, name) => (tag.match(new RegExp(`\\s${name}=("[^"]*"|[^\\s>]*)`)) || [])[1]?.replace(/"/g, '');
for (const page of pages) {
  const html = fs.readFileSync(page, 'utf8');
  const tag = (html.match(/<link\b[^>]*\bid="?anju-glue"?[^>]*>/) || [])[0];
  if (!tag || /\sintegrity=/.test(tag)) continue;
  const file = (url) => path.join(dir, url.replace(/^\.\//, ''));
  const [glue, wasm] = [attribute(tag, 'href'), attribute(tag, 'data-wasm')];
  const checked = tag.replace(/\s*\/?>$/, ` integrity=${sri(fs.readFileSync(file(glue)))}`
    + ` data-wasm-integrity=${sri(fs.readFileSync(file(wasm)))}>`);
  fs.writeFileSync(page, html.replace(tag, checked));
  console.log(`minify: ${path.basename(page)}: integrity on ${glue} and ${wasm}`);
}
