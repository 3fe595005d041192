// Sizes of every file under a folder (default dist/): raw, gzip -9 and brotli -q 11, in bytes, with totals.
// The first-load budget is 150 KB brotli in total; the total line says how much of it is used.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET = 150 * 1024;
const dir = process.argv[2] ?? 'dist';
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
const pad = (s, n) => String(s).padStart(n);
const width = Math.max(5, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
console.log(`${'total'.padEnd(width)} ${pad(total.raw, 9)} ${pad(total.gzip, 9)} ${pad(total.brotli, 9)}`);
console.log(`first-load budget: ${total.brotli} of ${BUDGET} bytes brotli (${((100 * total.brotli) / BUDGET).toFixed(0)} %)`);
if (total.brotli > BUDGET) {
  console.error('over the 150 KB brotli budget');
  process.exit(1);
}
