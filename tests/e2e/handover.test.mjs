// Handing a family's answers over without a server, on a 360×740 phone, from the built dist/: a link (with what
// WeChat appends) opens the same family in a fresh browser; its QR image decodes back to the link; the family is
// kept on this phone only when the person ticks it, and "clear my data" removes it; print gives a page per column;
// the family file gives the CLI the same answers; and every kind of bad link or copy shows a message over an empty
// form. Each story writes screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { served, phonePage, screenshotPath, Calculator, axe, tmpDir } from './support.mjs';

const env = served();
const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLES = JSON.parse(fs.readFileSync(path.join(here, '../../crates/form/share-samples.json'), 'utf8'));
const WECHAT = '&from=singlemessage&isappinstalled=0';
const A0 = 'household.adults[0]';

/** Opens the hand-over screen from the results and waits for it. */
async function openHandOver(page) {
  await page.locator('#hand-over').tap();
  await page.locator('#whatif-heading', { hasText: '保存' }).waitFor();
}

/** The 临沭 father's family with one what-if choice, the screen's default (move the hukou here, now). */
async function withOneChoice(page, calc) {
  await calc.preset('county-town-worker');
  await page.locator('#what-if').tap();
  await page.locator('#wi-add').tap();
  await page.locator('article.scenario-card[data-scenario="1"]').waitFor();
}

/** Every card's program, person and status, as the results show them. */
async function statuses(page) {
  await page.locator('.cards details.program').first().waitFor();
  return page.locator('.cards details.program').evaluateAll((cards) => cards.map((c) => (
    `${c.dataset.program} ${c.dataset.subject} ${c.dataset.status}`)));
}

/** The text in a QR image (`<img src="data:image/png;base64,…">`), read by jsQR. */
async function qrText(img) {
  const src = await img.getAttribute('src');
  assert.match(src, /^data:image\/png;base64,/);
  const png = PNG.sync.read(Buffer.from(src.split(',')[1], 'base64'));
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'the image is a QR code a scanner reads');
  return code.data;
}

test('every released sample link opens its family in a fresh browser, with what WeChat appends', async () => {
  // WeChat appends its parameters after the fragment, or, on some versions, to the query before it.
  const variants = SAMPLES.flatMap((sample) => [
    [sample, `${env.server.url}${sample.link}${WECHAT}`],
    [sample, `${env.server.url}?${WECHAT.slice(1)}${sample.link}`],
  ]);
  for (const [sample, address] of variants) {
    const { page, context, problems } = await phonePage(env.browser);
    await page.goto(address);
    // A link opens at the family's results.
    await page.locator('.cards details.program').first().waitFor();
    await page.screenshot({ path: screenshotPath(`50-sample-v${sample.version}`), fullPage: true });
    const calc = new Calculator(page);
    await calc.step('family');
    assert.equal(await calc.input(`${A0}.birth`).inputValue(), sample.firstAdult.birth);
    await calc.step('places');
    assert.equal(await calc.input(`${A0}.monthsInPlace`).inputValue(), sample.firstAdult.monthsInPlace);
    // The picker shows the county, at its third level, once the full lists are there.
    await page.waitForFunction((code) => {
      const county = document.getElementById('household-adults-0-currentPlace-2');
      return county && county.value === code;
    }, sample.firstAdult.currentPlace);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a link and its QR code hand the same answers to a fresh browser; the other image carries no family', async () => {
  const { page, context, problems, requests } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await calc.preset('county-town-worker');
  const before = await statuses(page);
  await openHandOver(page);
  const link = await page.locator('#ho-link').inputValue();
  assert.ok(link.startsWith(`${new URL('/', env.server.url).href}#s=3.`), link);
  assert.ok(!link.split('#')[0].includes('?'), 'nothing in the query string');
  // The warning stands above the link and its image.
  assert.match(await page.locator('.handover .warning').first().textContent(), /有你家的情况/);
  assert.equal(await qrText(page.locator('#ho-qr')), link);
  const recommend = await qrText(page.locator('#ho-recommend'));
  assert.equal(recommend, new URL('/', env.server.url).href);
  assert.ok(!recommend.includes('s='), 'no household data in the recommendation');
  await page.screenshot({ path: screenshotPath('51-handover'), fullPage: true });
  assert.deepEqual(await axe(page, { context: '#whatif' }), []);
  // Nothing is kept on this phone without the person's choice, and nothing left the page.
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);

  // Someone else opens the link, with WeChat's parameters, in a fresh profile: the same answers.
  const other = await phonePage(env.browser);
  await other.page.goto(`${link}${WECHAT}`);
  assert.deepEqual(await statuses(other.page), before);
  assert.deepEqual(other.problems, []);
  await other.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the family is kept on this phone only when ticked, and "clear my data" forgets it everywhere', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await calc.preset('county-town-worker');
  const before = await statuses(page);
  await openHandOver(page);
  await page.locator('#ho-remember').check();
  await page.waitForFunction(() => localStorage.getItem('anju.family'));
  // A change after ticking is kept too.
  await page.locator('#wi-back').tap();
  await calc.step('places');
  await calc.type(`${A0}.monthsInPlace`, '40');
  await page.waitForFunction(() => {
    const kept = localStorage.getItem('anju.family');
    return kept && kept.startsWith('s=3.');
  });
  const kept = await page.evaluate(() => localStorage.getItem('anju.family'));

  // Next visit, same phone, no link: the family is back, at its results, with a notice offering to clear it.
  await page.goto(env.server.url);
  await page.locator('#anju-notice').waitFor();
  assert.match(await page.locator('#anju-notice').textContent(), /这部手机上保存的/);
  assert.deepEqual(await axe(page), []);
  await page.locator('.cards details.program').first().waitFor();
  await calc.step('places');
  assert.equal(await calc.input(`${A0}.monthsInPlace`).inputValue(), '40');
  await page.screenshot({ path: screenshotPath('52-kept-on-this-phone'), fullPage: true });
  assert.equal(await page.evaluate(() => localStorage.getItem('anju.family')), kept);

  // One tap clears it: the stored copy, and the page starts again empty.
  await page.locator('#notice-clear').tap();
  await page.locator('form.questions[data-step="family"]').waitFor();
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await page.locator('#anju-notice').count(), 0);
  await calc.step('places');
  assert.equal(await calc.input(`${A0}.monthsInPlace`).inputValue(), '');
  // From the hand-over screen too: with a link in the address, "clear" removes the link as well.
  await calc.open(env.server.url);
  await calc.preset('county-town-worker');
  await openHandOver(page);
  const link = await page.locator('#ho-link').inputValue();
  await page.goto(link);
  await page.locator('.cards details.program').first().waitFor();
  assert.deepEqual(await statuses(page), before);
  await openHandOver(page);
  await page.locator('#ho-remember').check();
  await page.waitForFunction(() => localStorage.getItem('anju.family'));
  await page.locator('#ho-clear').tap();
  await page.locator('form.questions[data-step="family"]').waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the link is gone from the address');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('print gives an A4 page per column with every criterion, source and paper, and WeChat is told how to print', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await withOneChoice(page, calc);
  await page.locator('#wi-hand-over').tap();
  await page.locator('#whatif-heading', { hasText: '保存' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const pages = page.locator('.print-page');
  assert.equal(await pages.count(), 2, '"nothing changes" and the choice');
  assert.equal(await page.locator('#app').isVisible(), false, 'the page behind is not printed');
  assert.equal(await page.locator('#ho-link').isVisible(), false, 'nor the controls');
  for (let i = 0; i < 2; i++) {
    const p = pages.nth(i);
    assert.equal(await p.isVisible(), true);
    // Every card is open on paper: each criterion with its source, the papers, the notice.
    assert.ok(await p.locator('li.criterion').count() >= 5);
    assert.equal(await p.locator('li.criterion .cite').count(), await p.locator('li.criterion').count());
    assert.equal(await p.locator('li.criterion .cite').first().isVisible(), true);
    assert.ok(await p.locator('.papers li').count() >= 1);
    assert.match(await p.locator('.disclaimer').textContent(), /不是/);
    assert.equal(await p.evaluate((el) => getComputedStyle(el).breakAfter), i === 0 ? 'page' : 'auto');
  }
  assert.match(await pages.nth(1).locator('h3').first().textContent(), /^做法1：/);
  await page.screenshot({ path: screenshotPath('53-print'), fullPage: true });
  // The PDF Chromium prints has at least a page per column, on A4 (595 × 842 points).
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  assert.ok((pdf.match(/\/Type\s*\/Page\b/g) || []).length >= 2);
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)];
  assert.ok(boxes.length >= 2);
  for (const [, w, h] of boxes) assert.ok(Math.abs(w - 595) < 1 && Math.abs(h - 842) < 1, `A4: ${w} × ${h}`);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await pages.first().isVisible(), false, 'on screen the print view stays hidden');
  assert.deepEqual(problems, []);
  await context.close();

  // Inside WeChat, which cannot print, the screen says how to open the page in the browser instead.
  const wechat = await env.browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
    userAgent: 'Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36 MicroMessenger/8.0.50',
  });
  const wpage = await wechat.newPage();
  const wcalc = new Calculator(wpage);
  await wcalc.open(env.server.url);
  await wcalc.preset('county-town-worker');
  await openHandOver(wpage);
  assert.match(await wpage.locator('#ho-wechat-print').textContent(), /在浏览器打开/);
  assert.equal(await wpage.locator('#ho-print').count(), 0);
  await wechat.close();
});

test('the family file is the CLI plan: anju compare gives the statuses the screen shows, and it opens again', async () => {
  const cli = process.env.ANJU_CLI ?? path.join(here, '../../target/debug/anju');
  assert.ok(fs.existsSync(cli), `the CLI is built at ${cli} (cargo build -p anju-cli)`);
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await withOneChoice(page, calc);
  // The screen's table: a row per program, a cell per column.
  const shown = await page.locator('.compare-table tbody tr').evaluateAll((rows) => rows.map((r) => (
    [r.dataset.program, r.dataset.subject, ...[...r.querySelectorAll('td')].map((td) => td.dataset.status)].join(' '))));
  assert.ok(shown.length >= 5);
  await page.locator('#wi-hand-over').tap();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ho-export').tap()]);
  const dir = tmpDir();
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^anju-family-\d{4}-\d{2}\.json$/);
  const plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(plan.scenarios.length, 1);
  // The CLI, given the file as it is, compares the same columns with the same statuses.
  const out = JSON.parse(execFileSync(cli, ['compare', file], { encoding: 'utf8' }));
  const kebab = (s) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const fromCli = out.programs
    .filter((row) => row.statuses.some((s) => s !== 'notApplicable'))
    .map((row) => [row.program, row.subject, ...row.statuses.map(kebab)].join(' '));
  assert.deepEqual(fromCli, shown);

  // The same file opens the family again in a fresh browser, saying the choices stay behind.
  const before = shown.map((row) => row.split(' ').slice(0, 3).join(' '));
  const other = await phonePage(env.browser);
  const otherCalc = new Calculator(other.page);
  await otherCalc.open(env.server.url);
  await otherCalc.preset('young-couple-city');
  await openHandOver(other.page);
  await other.page.locator('#ho-import').setInputFiles(file);
  await other.page.locator('#ho-import-open').waitFor();
  assert.match(await other.page.locator('.import-read').textContent(), /重新加/);
  await other.page.locator('.import-read').screenshot({ path: screenshotPath('55-import') });
  assert.deepEqual(await axe(other.page, { context: '#whatif' }), []);
  // The page starts again with the file's family (a new link in the address reloads it): read the new page's
  // cards, not the ones still shown before it reloads.
  const reloaded = other.page.waitForEvent('load');
  await other.page.locator('#ho-import-open').tap();
  await reloaded;
  await other.page.waitForURL(/#s=3\./);
  const opened = await statuses(other.page);
  // Each program the table shows has the baseline status the file's family has here.
  for (const row of before) assert.ok(opened.includes(row), `${row} in ${opened.join(', ')}`);

  // A file that is not a family file says so, where, and changes nothing.
  const bad = path.join(dir, 'not-a-family.json');
  fs.writeFileSync(bad, '{\n  "household": [1, 2]\n}\n');
  await openHandOver(other.page);
  await other.page.locator('#ho-import').setInputFiles(bad);
  await other.page.locator('.import-read[role="alert"]').waitFor();
  assert.match(await other.page.locator('.import-read').textContent(), /不是家庭文件.*第2行/s);
  assert.equal(await other.page.locator('#ho-import-open').count(), 0);
  assert.deepEqual(other.problems, []);
  await other.context.close();
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link or a kept copy that cannot be read says why over an empty form, never a blank page', async () => {
  const sample = SAMPLES[0].link;
  const cases = [
    ['foreign', '#s=hello', /不是“安居”的/],
    ['future', '#s=9.AAAA', /新版/],
    ['damaged', sample.slice(0, -5), /不完整/],
    ['tampered', sample.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), /被改过/],
  ];
  for (const [name, hash, message] of cases) {
    const { page, context, problems } = await phonePage(env.browser);
    await page.goto(`${env.server.url}${hash}${WECHAT}`);
    await page.locator('#anju-notice').waitFor();
    assert.match(await page.locator('#anju-notice').textContent(), message, name);
    assert.equal(await page.locator('#anju-notice').getAttribute('role'), 'alert');
    await page.locator('form.questions[data-step="family"]').waitFor();
    const calc = new Calculator(page);
    assert.equal(await calc.input(`${A0}.birth`).inputValue(), '', `${name}: an empty form`);
    await page.screenshot({ path: screenshotPath(`54-bad-link-${name}`), fullPage: true });
    assert.deepEqual(await axe(page), []);
    await page.locator('#notice-close').tap();
    assert.equal(await page.locator('#anju-notice').count(), 0);
    assert.deepEqual(problems, [], name);
    await context.close();
  }
  // This phone's copy, damaged: removed, with a message, and an empty form.
  const { page, context, problems } = await phonePage(env.browser);
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('anju.family', 's=1.AQADAAcxOTg4');
    }
  });
  await page.goto(env.server.url);
  await page.locator('#anju-notice').waitFor();
  assert.match(await page.locator('#anju-notice').textContent(), /读不出来/);
  await page.locator('form.questions[data-step="family"]').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('anju.family')), null);
  assert.deepEqual(problems, []);
  await context.close();
});
