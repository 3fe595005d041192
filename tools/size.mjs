// Sizes of every file under a folder (default dist/): raw, gzip -9 and brotli -q 11, in bytes, with totals.
// The first-load budget is 150 KB brotli in total; the total line says how much of it is used.
import { BUDGET, isEmbedFirstLoad, isFirstLoad, isRulesFirstLoad, sizes } from './sizes.mjs';

const dir = process.argv[2] ?? 'dist';
const { rows, total } = sizes(dir);
const pad = (s, n) => String(s).padStart(n);
const width = Math.max(5, ...rows.map((r) => r.file.length));
console.log(`${'file'.padEnd(width)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const r of rows) console.log(`${r.file.padEnd(width)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`);
console.log(`${'total'.padEnd(width)} ${pad(total.raw, 9)} ${pad(total.gzip, 9)} ${pad(total.brotli, 9)}`);
const first = rows.filter((r) => isFirstLoad(r.file)).reduce((t, r) => t + r.brotli, 0);
const later = rows.filter((r) => !isFirstLoad(r.file)).reduce((t, r) => t + r.brotli, 0);
console.log(`first-load budget: ${first} of ${BUDGET} bytes brotli (${((100 * first) / BUDGET).toFixed(0)} %)`);
console.log(`loaded on demand (the place registry, the texts, the what-if and hand-over module, the JS API, the embed): ${later} bytes brotli`);
const embed = rows.filter((r) => isEmbedFirstLoad(r.file)).reduce((t, r) => t + r.brotli, 0);
console.log(`first load on a host's page (embed.js and what it loads): ${embed} of ${BUDGET} bytes brotli`);
const rules = rows.filter((r) => isRulesFirstLoad(r.file)).reduce((t, r) => t + r.brotli, 0);
console.log(`first load on a host's page that gives its own rules (the rules build in place of the engine): ${rules} bytes brotli, besides the rules file`);
if (first > BUDGET || embed > BUDGET) {
  console.error('over the 150 KB brotli budget');
  process.exit(1);
}
