// Minifies the JavaScript Trunk emits (the wasm-bindgen glue) in a dist folder (default dist/), in place, and
// updates the subresource-integrity hashes that name it in the folder's HTML. Trunk minifies HTML and CSS itself
// (Trunk.toml `minify`), not the glue; the first-load budget counts every byte.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { GLUE_TAG, attribute, fileOf, sri } from './page.mjs';
import { shorten } from './names.mjs';

const dir = process.argv[2] ?? 'dist';
const files = fs.readdirSync(dir);
const pages = files.filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
for (const name of files.filter((f) => f.endsWith('.js'))) {
  const file = path.join(dir, name);
  const before = fs.readFileSync(file);
  const code = before.toString('utf8');
  // ES modules (the glue; the loader, a module script with no import of its own) may have their top level renamed;
  // a classic script (the engine check) not.
  const module = /^\s*(import|export)\b/m.test(code)
    || pages.some((page) => new RegExp(`<script\\b[^>]*type="?module"?[^>]*${name}|<script\\b[^>]*${name}[^>]*type="?module`)
      .test(fs.readFileSync(page, 'utf8')));
  // A module's top-level names are its own (its exports keep their names): they are mangled too.
  const out = await minify(code, { module, toplevel: module, compress: true, mangle: true });
  if (typeof out.code !== 'string') throw new Error(`terser gave nothing for ${name}`);
  fs.writeFileSync(file, out.code);
  const [from, to] = [sri(before), sri(Buffer.from(out.code))];
  for (const page of pages) {
    const html = fs.readFileSync(page, 'utf8');
    if (html.includes(from)) fs.writeFileSync(page, html.split(from).join(to));
  }
  console.log(`minify: ${name} ${before.length} → ${out.code.length} bytes`);
}

// The first-load engine once more through wasm-opt, in runs of its own: Trunk's one run (index.html
// data-wasm-opt-params) leaves a few hundred bytes brotli that a second run takes (the same passes added to Trunk's
// run do not). Brotli's size jumps by ±300 B with the code's layout, so two pass lists are tried and the smallest
// result, measured as tools/sizes.mjs measures, is kept (the same input always gives the same choice). The producers
// and target-features sections go (no browser reads them). The features are the ones Rust's wasm32 target turns on,
// which loader/check.js probes for.
const FEATURES = ['reference-types', 'bulk-memory', 'sign-ext', 'mutable-globals', 'nontrapping-float-to-int',
  'multivalue'].map((f) => `--enable-${f}`);
const PASSES = [['-Oz'], ['--flatten', '--rereloop', '-Oz', '--gufa', '-Oz']];
const brotli = (b) => zlib.brotliCompressSync(b, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length },
}).length;
function optimise(wasm) {
  const file = fileOf(dir, wasm);
  let best = fs.readFileSync(file);
  const before = brotli(best);
  for (const passes of PASSES) {
    execFileSync('wasm-opt', [...FEATURES, '--zero-filled-memory', '--low-memory-unused', ...passes,
      '--strip-producers', '--strip-target-features', file, '-o', `${file}.opt`]);
    const out = fs.readFileSync(`${file}.opt`);
    if (brotli(out) < brotli(best)) best = out;
  }
  fs.rmSync(`${file}.opt`);
  fs.writeFileSync(file, best);
  console.log(`minify: ${wasm}: wasm-opt once more, ${before} → ${brotli(best)} bytes brotli`);
}

// The glue and the .wasm are named by the element Trunk writes (`#anju-glue`, Trunk.toml pattern_script), which
// carries no integrity: give it the glue's (the browser checks the preloaded module) and the .wasm's
// (`data-wasm-integrity`, which loader/load.js hands to fetch), so that every file of the first load is checked.
// The engine is optimised once more first (above), its names shortened, then hashed.
for (const page of pages) {
  const html = fs.readFileSync(page, 'utf8');
  const tag = (html.match(GLUE_TAG) || [])[0];
  if (!tag || /\sintegrity=/.test(tag)) continue;
  const [glue, wasm] = [attribute(tag, 'href'), attribute(tag, 'data-wasm')];
  optimise(wasm);
  // Then the engine's imports and exports get short names, in the engine and in its glue (tools/names.mjs).
  const [glueFile, wasmFile] = [fileOf(dir, glue), fileOf(dir, wasm)];
  const short = shorten(fs.readFileSync(wasmFile), fs.readFileSync(glueFile, 'utf8'));
  fs.writeFileSync(wasmFile, short.wasm);
  fs.writeFileSync(glueFile, short.glue);
  console.log(`minify: ${short.count} import and export names shortened`);
  const checked = tag.replace(/\s*\/?>$/, ` integrity=${sri(fs.readFileSync(fileOf(dir, glue)))}`
    + ` data-wasm-integrity=${sri(fs.readFileSync(fileOf(dir, wasm)))}>`);
  fs.writeFileSync(page, html.replace(tag, checked));
  console.log(`minify: ${path.basename(page)}: integrity on ${glue} and ${wasm}`);
}

// Trunk keeps the `data-integrity` attribute that chose the hash (index.html: SHA-256, shorter than its SHA-384
// default); nothing reads it after the build.
for (const page of pages) {
  const html = fs.readFileSync(page, 'utf8');
  fs.writeFileSync(page, html.replace(/\s+data-integrity="?sha256"?(?=[\s>])/g, ''));
}
