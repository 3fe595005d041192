// A county's own rules at run time (docs/embedding.md, "Your county's rules"): the host's element names a rules file
// on its own site (`data-rules`), which the page checks in the browser. Served with the strict policy.
// - A valid file: the notice names the place, the month of its newest data and its document, and the answer changes
//   as the file's data says: G-SC1 (rules-counties §6.2, 临沭 2023; the file dates those conditions 2026) in June
//   2026 may enrol, where the built-in rules, which end with 2023, can only say unknown; the what-if screen agrees.
// - A file with problems: each is listed at its place in the file, in plain words, Chinese first; nothing of the file
//   is used and the built-in data answers exactly as on a page without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, phonePage, screenshotPath, countySite, Calculator } from './support.mjs';

const FULL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const LAYERS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../crates/rules/tests/layers');
const A0 = 'household.adults[0]';
const A1 = 'household.adults[1]';
const C0 = 'household.children[0]';
// The month G-SC1 is asked in (the file's values run from 2026-01 to 2026-12).
const JUNE_2026 = new Date('2026-06-15T04:00:00Z');

let browser;
let dir;
let server;
before(async () => {
  browser = await launch();
  dir = countySite();
  fs.mkdirSync(path.join(dir, 'rules'));
  for (const f of ['linshu-2026.json', 'linshu-bad.json']) fs.copyFileSync(path.join(LAYERS, f), path.join(dir, 'rules', f));
  const page = (name, attributes) => fs.writeFileSync(path.join(dir, name), '<!doctype html><html lang="zh-CN"><head>'
    + '<meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>临沭县人社局</title></head><body>'
    + `<div data-anju ${attributes}></div><script src="anju/embed.js" defer></script></body></html>`);
  page('linshu.html', 'data-rules="rules/linshu-2026.json"');
  page('bad.html', 'data-rules="rules/linshu-bad.json"');
  page('missing.html', 'data-rules="rules/none.json"');
  page('plain.html', '');
  server = await serveDist({ dir, headers: { 'Content-Security-Policy': FULL_CSP } });
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A phone at June 2026 on `page`. */
async function open(name) {
  const s = await phonePage(browser);
  await s.context.clock.setFixedTime(JUNE_2026);
  const calc = new Calculator(s.page);
  await calc.open(`${server.url}${name}`);
  return { ...s, calc };
}

/** G-SC1's family typed in: both parents from 河南 (rural hukou) live and rent in 临沭; the mother holds a 临沭
 * permit since 2025-09, the father has a 14-month contract; a child born 2020-03, in preschool, hukou in 河南.
 * `local`: the county's rules are in use. */
async function gsc1({ page, calc }, local) {
  await page.locator('#add-adult').tap();
  await page.locator('#add-child').tap();
  await calc.type(`${C0}.birth`, '2020-03');
  await calc.choose(`${C0}.stage`, 'preschool');
  await page.locator('#next').tap();
  for (const a of [A0, A1]) {
    await calc.place(`${a}.currentPlace`, '371329');
    await calc.place(`${a}.hukouPlace`, '410000');
    await calc.choose(`${a}.hukouType`, 'rural');
    await calc.choose(`${a}.stableHome`, 'yes');
  }
  // What the page asks depends on what the rules in use need: the county's need every answer below (each is waited
  // for); the built-in rules, which end with 2023, need fewer, and each is given where it is asked.
  const asked = local ? (path, answer) => answer()
    : async (path, answer) => { if (await calc.field(path).count()) await answer(); };
  await asked(`${A0}.permit.held`, () => calc.choose(`${A0}.permit.held`, 'no'));
  await asked(`${A1}.permit.held`, () => calc.choose(`${A1}.permit.held`, 'yes'));
  await asked(`${A1}.permit.issued`, () => calc.type(`${A1}.permit.issued`, '2025-09'));
  await calc.step('work');
  await asked(`${A0}.employment`, () => calc.choose(`${A0}.employment`, 'contract'));
  await asked(`${A1}.employment`, () => calc.choose(`${A1}.employment`, 'flexible'));
  await asked(`${A0}.contractMonths`, () => calc.type(`${A0}.contractMonths`, '14'));
  await calc.step('housing');
  await asked('household.rentsHome', () => calc.choose('household.rentsHome', 'yes'));
  await calc.step('school');
  if (await calc.field(`${C0}.hukouPlace`).count()) await calc.place(`${C0}.hukouPlace`, '410000');
  await calc.step('results');
}

test('a valid rules file is named above the questions and answers G-SC1 as its data says', async () => {
  const s = await open('linshu.html');
  const notice = s.page.locator('[data-anju] #local-rules');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /临沭县本地规则/);
  assert.match(text, /数据截至 2026年12月/, 'the month of its newest data');
  assert.match(text, /《2026年临沭县义务教育学校招生工作实施方案（示例）》/, 'its document');
  assert.match(text, /不是官方决定/);
  assert.match(text, /This page answers with Linshu County's own rules .*\(9 rules, data to Dec 2026\)/);
  assert.doesNotMatch(text, /school_entry|parameters|linshu_2026/, 'no keys or ids');
  assert.ok(await notice.evaluate((n) => n.nextElementSibling.id === 'app'), 'above the page');
  await gsc1(s, true);
  // G-SC1: may enrol. The mother's 临沭 permit and the father's contract over a year each meet one test.
  assert.equal(await s.calc.status('school_entry', C0), 'eligible');
  assert.equal(await s.calc.outcome('school_entry', C0, 'parent_permit'), 'met');
  assert.equal(await s.calc.outcome('school_entry', C0, 'parent_work'), 'met');
  const card = await s.calc.openCard('school_entry', C0);
  assert.match(await card.innerText(), /2026年临沭县义务教育学校招生工作实施方案/, 'cited to the county\'s document');
  await s.page.screenshot({ path: screenshotPath('rules-1-valid'), fullPage: true });
  // The what-if screen (its own module) answers within the same rules.
  await s.page.locator('[data-anju] #what-if').tap();
  await s.page.locator('[data-anju] #wi-add').tap();
  // Compared now (the file's values end with 2026): "nothing changes" may enrol too.
  await s.page.locator('[data-anju] #wi-at').selectOption('0');
  await s.page.locator('[data-anju] .compare-table caption', { hasText: '2026年6月' }).waitFor({ state: 'attached' });
  const row = s.page.locator(`[data-anju] .compare-table tr[data-program="school_entry"][data-subject="${C0}"]`);
  assert.equal(await row.locator('td').first().getAttribute('data-status'), 'eligible');
  assert.deepEqual(s.problems, [], 'no CSP violation, no error');
  await s.context.close();

  // The same family without the file: the built-in rules end with 2023.
  const plain = await open('plain.html');
  assert.equal(await plain.page.locator('[data-anju] #local-rules').count(), 0);
  await gsc1(plain, false);
  assert.equal(await plain.calc.status('school_entry', C0), 'unknown');
  // The page without rules loads the first-load engine, not the build that takes them.
  assert.equal(plain.requests.filter((u) => u.includes('/rules/')).length, 0);
  await plain.context.close();
});

test('a rules file with problems lists each at its place and the built-in data answers as without it', async () => {
  const plain = await open('plain.html');
  await plain.calc.preset('county-town-worker');
  const statuses = (page) => page.locator('[data-anju] .cards details.program')
    .evaluateAll((cards) => cards.map((c) => `${c.dataset.program} ${c.dataset.subject} ${c.dataset.status}`));
  const expected = await statuses(plain.page);
  assert.ok(expected.length >= 5);
  await plain.context.close();

  const s = await open('bad.html');
  const notice = s.page.locator('[data-anju] #local-rules.bad');
  await notice.waitFor();
  assert.match(await notice.locator('p').first().innerText(), /本地规则文件有 6 处问题，所以没有采用/);
  // Chinese first, then English.
  const items = await notice.locator('div:not([lang]) li').allInnerTexts();
  assert.equal(items.length, 6, items.join('\n'));
  // (crates/rules/tests/layers/linshu-bad.json: one problem in each of its six rules.)
  assert.ok(items.includes('第 1 条规则，规则名：没有名为“school_entry.permit_month”的规则'), items.join('\n'));
  assert.ok(items.includes('第 2 条规则，第 1 个值，开始月份：“2026-13”不是月份（应写成 2026-06 这样）'), items.join('\n'));
  assert.ok(items.includes('第 4 条规则，第 1 个值，数值：月份应在 1 到 12 之间'), items.join('\n'));
  assert.ok(items.some((i) => i.startsWith('第 6 条规则，第 2 个值，开始月份：')), items.join('\n'));
  assert.doesNotMatch(await notice.innerText(), /parameters|\.values|\[/, 'no JSON paths on the page');
  await s.calc.preset('county-town-worker');
  assert.deepEqual(await statuses(s.page), expected, 'the built-in data answers as on a page without the file');
  await s.page.screenshot({ path: screenshotPath('rules-2-problems'), fullPage: true });
  assert.deepEqual(s.problems, [], 'no CSP violation, no error');
  const english = await notice.locator('div[lang="en"] li').allInnerTexts();
  assert.equal(english.length, 6);
  assert.ok(english.includes('Rule 1, rule name: no rule is called "school_entry.permit_month"'), english.join('\n'));
  await s.context.close();

  // A file that is not there: said so, and the built-in data answers.
  const missing = await open('missing.html');
  await missing.page.locator('[data-anju] #local-rules.bad li', { hasText: '整个文件：没能读取这个文件' }).waitFor();
  await missing.calc.preset('county-town-worker');
  assert.deepEqual(await statuses(missing.page), expected);
  await missing.context.close();
});
