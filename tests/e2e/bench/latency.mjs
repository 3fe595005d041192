// Input latency and first-load bytes of the built page, beside a bare Yew counter built the same way.
// Reported, never asserted (not part of `node --test`); `cargo xtask bench` runs it after building both.
//
// For each page: load it at 360×740, slow the CPU down 4× (CDP Emulation.setCPUThrottlingRate), optionally tap a
// preset, then change one field `--runs` times (alternating values) and time, in the page, from just before the
// `input` event is dispatched to the last DOM mutation it causes (a MutationObserver on document.body; the change
// is settled after two animation frames and a macrotask). The counter is timed from its click to the DOM.
// First-load bytes are html + js + wasm + css, brotli -q 11, counted as tools/size.mjs counts them.
//
// Options (each also an environment variable; flags win):
//   --field <css>          ANJU_BENCH_FIELD    the field to change (default: the first adult's months here,
//                                              #household-adults-0-monthsInPlace-input)
//   --path <json path>     ANJU_BENCH_PATH     the field by its data-path (wins over --field), e.g.
//                                              household.adults[0].employeePension.months
//   --values <a,b,…>       ANJU_BENCH_VALUES   the values to alternate (default 4,18: the permit's residence test
//                                              flips, so the summary changes); for radios or a button
//                                              group: the value / data-value of the controls to tap in turn
//   --preset <id>          ANJU_BENCH_PRESET   tap button[data-preset="<id>"] first (default young-couple-city: two
//                                              adults and a child, every program answered; "" for none)
//   --step <name>          ANJU_BENCH_STEP     then open that step (default places, where the field is)
//   --ready <css>          ANJU_BENCH_READY    what shows the page is up (default #result)
//   --whatif <n>           ANJU_BENCH_WHATIF   after the preset, open the what-if screen and add n choices (up to 4:
//                                              move hukou, permit, contract, flexible work), so that n columns,
//                                              the ways and n + 1 timelines are on screen (default 0: closed)
//   --click                ANJU_BENCH_CLICK=1  tap the first match of the field selector instead of typing (e.g.
//                                              #switch-lang, which redraws the page and then the what-if screen)
//   --gap <ms>             ANJU_BENCH_GAP      pause between changes (default 20; with --whatif 250, so that the
//                                              screen's own redraw, 50 ms after the page's, never overlaps the
//                                              next change)
//   --runs <n>             ANJU_BENCH_RUNS     measured changes per page (default 60, after 5 unmeasured)
//   --dist <dir>           ANJU_DIST           the page's build (default dist/)
//   --counter-dist <dir>   ANJU_COUNTER_DIST   the counter's build (default bench/counter/dist/; "" to skip it)
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, phonePage, DIST } from '../support.mjs';
import { BUDGET, firstLoadBrotli } from '../../../tools/sizes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = process.env;
const { values: opt } = parseArgs({
  options: {
    field: { type: 'string', default: env.ANJU_BENCH_FIELD },
    path: { type: 'string', default: env.ANJU_BENCH_PATH },
    values: { type: 'string', default: env.ANJU_BENCH_VALUES ?? '4,18' },
    preset: { type: 'string', default: env.ANJU_BENCH_PRESET ?? 'young-couple-city' },
    step: { type: 'string', default: env.ANJU_BENCH_STEP ?? 'places' },
    ready: { type: 'string', default: env.ANJU_BENCH_READY ?? '#result' },
    runs: { type: 'string', default: env.ANJU_BENCH_RUNS ?? '60' },
    whatif: { type: 'string', default: env.ANJU_BENCH_WHATIF ?? '0' },
    click: { type: 'boolean', default: env.ANJU_BENCH_CLICK === '1' },
    gap: { type: 'string', default: env.ANJU_BENCH_GAP },
    dist: { type: 'string', default: DIST },
    'counter-dist': {
      type: 'string',
      default: env.ANJU_COUNTER_DIST ?? path.resolve(here, '../../../bench/counter/dist'),
    },
  },
});

const BUDGET_P95_MS = 8;
const CPU_SLOWDOWN = 4;
const WARMUP = 5;
const runs = Math.max(1, Number.parseInt(opt.runs, 10) || 60);
// A question's text field is the input inside its data-path element; a choice question is the element itself.
const byPath = (p) => `[data-path="${p.replaceAll('"', '\\"')}"] input:not([type=radio]), [data-path="${p.replaceAll('"', '\\"')}"]`;
const field = opt.path ? byPath(opt.path) : (opt.field ?? '#household-adults-0-monthsInPlace-input');
const fieldValues = opt.values.split(',');
const whatifChoices = Math.min(4, Math.max(0, Number.parseInt(opt.whatif, 10) || 0));
const gap = Number.parseInt(opt.gap ?? (whatifChoices ? '250' : '20'), 10);
const CHOICE_KINDS = ['hukou', 'permit', 'contract', 'flexible'];

/**
 * In the page: performs one change and resolves to `{ ms, mutations }`, ms from just before the event to the last
 * DOM mutation, null when nothing changed. `kind` "input": a text field or select matched by `selector` gets
 * `value` and an input event (and change, for a select); a radio, checkbox or button group matched by `selector`
 * has the control whose value (or data-value) is `value` tapped. `kind` "click": the first match is tapped.
 */
async function change({ selector, value, kind }) {
  const matches = [...document.querySelectorAll(selector)];
  const el = matches[0];
  if (!el) throw new Error(`nothing matches ${selector}`);
  const typed = ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
    && !['radio', 'checkbox', 'button', 'submit'].includes(el.type);
  const pick = () => {
    const is = (c) => c.value === value || c.dataset.value === value;
    const found = matches.find(is)
      ?? matches.map((m) => m.querySelector(`[value="${CSS.escape(value)}"], [data-value="${CSS.escape(value)}"]`))
        .find(Boolean);
    if (!found) throw new Error(`${selector} has no control for the value ${value}`);
    return found;
  };
  const target = kind === 'click' ? el : typed ? null : pick();
  let last = 0;
  let mutations = 0;
  const observer = new MutationObserver((records) => {
    last = performance.now();
    mutations += records.length;
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  let start;
  if (target) {
    start = performance.now();
    target.click();
  } else {
    el.value = value;
    start = performance.now();
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    if (el.tagName === 'SELECT') el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  return { ms: mutations ? last - start : null, mutations };
}

/** Nearest-rank percentile of sorted numbers. */
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Loads `dir`, then times `runs` changes of `selector`; resolves to the row of the table. */
async function measure(browser, { name, dir, ready, preset, whatif = 0, step, selector, kind, values }) {
  const server = await serveDist({ dir });
  const { page, context, problems } = await phonePage(browser);
  try {
    await page.goto(server.url);
    await page.locator(ready).first().waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    if (preset) {
      await page.locator(`button[data-preset="${preset}"]`).click();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    if (whatif) {
      await page.locator('#what-if').click();
      for (let i = 0; i < whatif; i++) {
        await page.locator('#wi-kind').selectOption(CHOICE_KINDS[i]);
        await page.locator('#wi-add').click();
        await page.locator(`article.scenario-card[data-scenario="${i + 1}"]`).waitFor();
      }
      await page.locator('.ways article.way').first().waitFor();
      await page.locator(`article.timeline[data-column="${whatif}"]`).waitFor();
    }
    if (step) {
      await page.locator(`button.step-link[data-step="${step}"]`).click();
    }
    await page.locator(selector).first().waitFor();
    const samples = [];
    let unchanged = 0;
    for (let i = 0; i < WARMUP + runs; i++) {
      const r = await page.evaluate(change, { selector, value: values[i % values.length], kind });
      if (i >= WARMUP) {
        if (r.ms === null) unchanged++;
        else samples.push(r.ms);
      }
      await page.waitForTimeout(gap);
    }
    samples.sort((a, b) => a - b);
    return {
      name,
      bytes: firstLoadBrotli(dir),
      n: samples.length,
      unchanged,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      max: samples.at(-1),
      problems,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

const pages = [{
  name: `app: ${field}${opt.preset ? ` (preset ${opt.preset})` : ''}${whatifChoices ? `, what-if with ${whatifChoices}` : ''}`,
  dir: path.resolve(opt.dist),
  ready: opt.ready,
  preset: opt.preset,
  whatif: whatifChoices,
  step: opt.step,
  selector: field,
  kind: opt.click ? 'click' : 'input',
  values: fieldValues,
}];
const counterDist = opt['counter-dist'];
if (counterDist) {
  if (fs.existsSync(path.join(counterDist, 'index.html'))) {
    const counter = { ready: '#increment', selector: '#increment', kind: 'click', values: [''] };
    pages.push({ name: 'counter: #increment click', dir: path.resolve(counterDist), ...counter });
  } else {
    console.error(`latency: no counter build in ${counterDist} (cd bench/counter && trunk build --release); skipped`);
  }
}

const browser = await launch();
const rows = [];
try {
  for (const p of pages) rows.push(await measure(browser, p));
} catch (e) {
  console.error(`latency: ${e.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}

if (process.exitCode) process.exit();

const ms = (x) => (x === undefined ? '–' : `${x.toFixed(1)} ms`);
const bytes = (b) => `${b} B = ${(b / 1024).toFixed(1)} KB`;
const width = Math.max(...rows.map((r) => r.name.length), 'budget'.length);
const line = (name, load, ...rest) =>
  console.log([name.padEnd(width), load.padStart(20), ...rest.map((c) => c.padStart(8))].join('  ').trimEnd());
console.log(`input latency at 360×740, CPU ${CPU_SLOWDOWN}× slower: ${runs} changes after ${WARMUP} unmeasured, `
  + 'from the event to the last DOM mutation');
line('page', 'first load (brotli)', 'p50', 'p95', 'max', 'samples');
for (const r of rows) line(r.name, bytes(r.bytes), ms(r.p50), ms(r.p95), ms(r.max), `${r.n}`);
line('budget', `≤ ${BUDGET / 1024} KB`, '', `≤ ${BUDGET_P95_MS} ms p95 at ${CPU_SLOWDOWN}× CPU slowdown`);
for (const r of rows) {
  if (r.unchanged) console.log(`note: ${r.name}: ${r.unchanged} of ${runs} changes left the DOM as it was (skipped)`);
  for (const p of r.problems) console.log(`note: ${r.name}: ${p}`);
}
