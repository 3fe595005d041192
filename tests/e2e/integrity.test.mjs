// What the page fetches after it has started (the documents' titles, the what-if module, the place lists) is checked
// against the integrity the page names for it (tools/integrity.mjs, loader/load.js): the build's own files are taken,
// a changed file is refused by the browser and the page does without it, as when it does not load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, phonePage, DIST, tmpDir, Calculator } from './support.mjs';

let browser;
let intact;
let changed;
let dir;
let moduleDir;
let changedModule;
let listDir;
let changedList;
before(async () => {
  browser = await launch();
  intact = await serveDist();
  // A copy of the build whose documents' titles are not the build's, and one whose what-if module is not.
  dir = tmpDir();
  fs.cpSync(DIST, dir, { recursive: true });
  fs.appendFileSync(path.join(dir, 'texts/sources.json'), ' ');
  changed = await serveDist({ dir });
  moduleDir = tmpDir();
  fs.cpSync(DIST, moduleDir, { recursive: true });
  fs.appendFileSync(path.join(moduleDir, 'whatif/whatif.js'), '\n// changed\n');
  changedModule = await serveDist({ dir: moduleDir });
  // And one whose list of integrities is not the build's: nothing it names may load unchecked.
  listDir = tmpDir();
  fs.cpSync(DIST, listDir, { recursive: true });
  const listFile = fs.readdirSync(listDir).find((f) => /^integrity-[0-9a-f]+\.txt$/.test(f));
  fs.appendFileSync(path.join(listDir, listFile), ' ');
  changedList = await serveDist({ dir: listDir });
});
after(async () => {
  await browser?.close();
  await intact?.close();
  await changed?.close();
  await changedModule?.close();
  await changedList?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(moduleDir, { recursive: true, force: true });
  fs.rmSync(listDir, { recursive: true, force: true });
});

const cites = (page) => page.locator('.cards p.cite').allInnerTexts();

test('the build\'s own files fetched after the start pass their integrity check', async () => {
  const { page, context, problems } = await phonePage(browser);
  await page.goto(intact.url);
  // The page names one file and its integrity; that file lists the rest.
  const named = await page.locator('#anju-glue').getAttribute('data-integrity');
  assert.match(named, /^integrity-[0-9a-f]{16}\.txt sha256-[A-Za-z0-9+/=]+$/);
  const list = fs.readFileSync(path.join(DIST, named.split(' ')[0]), 'utf8');
  for (const f of ['texts/sources.json', 'whatif/whatif.js', 'whatif/anju-whatif_bg.wasm', 'places/places.js']) {
    assert.match(list, new RegExp(`(^| )${f.replace('.', '\\.')} sha256-[A-Za-z0-9+/=]+( |$)`), `${f} is named`);
  }
  const calc = new Calculator(page);
  await calc.preset('county-town-worker');
  // The documents' titles arrive: citations name them.
  await page.locator('.cards p.cite', { hasText: '《' }).first().waitFor({ state: 'attached' });
  // The what-if module, its engine and its style load.
  await page.locator('#what-if').tap();
  await page.locator('#wi-add').tap();
  await page.locator('article.timeline[data-column="1"]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a changed file fetched after the start is refused and the page does without it', async () => {
  const { page, context, problems } = await phonePage(browser);
  await page.goto(changed.url);
  const calc = new Calculator(page);
  await calc.preset('county-town-worker');
  // The titles are refused: each citation keeps its article alone.
  await page.waitForFunction(() => window.anjuTexts && window.anjuTexts.english());
  assert.ok(await page.locator('.cards details.program').count() >= 5);
  assert.ok((await cites(page)).length > 0);
  assert.ok((await cites(page)).every((c) => !c.includes('《')), 'no title from a changed file');
  // The browser says why.
  assert.ok(problems.some((p) => /integrity/i.test(p)), problems.join('\n'));
  await context.close();
});

test('a changed what-if module is refused: the summary stays, the cards say they did not load, no screen opens', async () => {
  const { page, context, problems } = await phonePage(browser);
  await page.goto(changedModule.url);
  const calc = new Calculator(page);
  await calc.preset('county-town-worker');
  assert.equal(await page.locator('ul.summary li.area').count(), 4);
  const line = page.locator('#cards[data-drawn="failed"] p.failed[role="alert"]');
  assert.match(await line.innerText(), /详细结果没能加载/);
  assert.equal(await page.locator('.cards details.program').count(), 0);
  // Asked for, the module is tried again and refused again.
  const refused = page.waitForEvent('console', (m) => /whatif\.js did not load/.test(m.text()));
  await page.locator('#what-if').tap();
  await refused;
  assert.equal(await page.locator('#wi-add').count(), 0);
  assert.ok(problems.some((p) => /integrity/i.test(p)), problems.join('\n'));
  await context.close();
});

test('a changed list of integrities is refused, and nothing it names loads unchecked', async () => {
  const { page, context, problems } = await phonePage(browser);
  await page.goto(changedList.url);
  const calc = new Calculator(page);
  await calc.preset('county-town-worker');
  // The summary stands; the module that draws the cards, which the list names, does not load unchecked, and the
  // cards say so.
  assert.equal(await page.locator('ul.summary li.area').count(), 4);
  await page.locator('#cards[data-drawn="failed"]').waitFor({ state: 'attached' });
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /integrity-[0-9a-f]+\.txt$/.test(e.name)));
  await page.locator('#what-if').tap();
  assert.equal(await page.locator('#wi-add').count(), 0, 'the what-if module is not loaded unchecked');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(!loaded.some((u) => u.endsWith('whatif/anju-whatif_bg.wasm')), 'no engine of the module without its check');
  assert.ok(problems.some((p) => /integrity/i.test(p)), problems.join('\n'));
  await context.close();
});
