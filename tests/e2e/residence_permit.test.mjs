// A migrant worker checks on a phone whether they can apply for a residence permit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, screenshotPath, Calculator } from './support.mjs';

let server;
let browser;

before(async () => {
  server = process.env.ANJU_BASE_URL ? { url: process.env.ANJU_BASE_URL, close: async () => {} } : await serveDist();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a first visit shows the questions in Chinese and an honest "not sure yet"', async () => {
  const { page, context, problems, requests } = await phonePage(browser);
  const calc = new Calculator(page);
  await calc.open(server.url);

  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await calc.status(), 'unknown');
  assert.match(await calc.verdict.textContent(), /还不确定/);
  assert.match(await page.locator('.disclaimer').textContent(), /仅供参考/);
  assert.match(await page.locator('.privacy').textContent(), /不会发到网上/);

  const layout = await page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.body).fontSize),
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    width: window.innerWidth,
  }));
  assert.equal(layout.width, 360);
  assert.ok(layout.body >= 18, `body text is ${layout.body}px`);
  assert.ok(layout.overflow <= 0, `page scrolls sideways by ${layout.overflow}px`);

  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no third-party requests');
  assert.deepEqual(problems, []);
  await page.screenshot({ path: screenshotPath('01-first-visit'), fullPage: true });
  await context.close();
});

test('filling the form at 360×740 gives the verdict, the month it becomes possible, and the citation', async () => {
  const { page, context, problems } = await phonePage(browser);
  const calc = new Calculator(page);
  await calc.open(server.url);

  await calc.answer('hukouElsewhere', 'yes');
  await calc.enterMonths('4');
  await calc.answer('stableJob', 'yes');
  await calc.waitForStatus('not-yet');
  assert.match(await calc.verdict.textContent(), /暂时还不能/);
  assert.equal(await calc.outcome('resided_half_year'), 'not-met');
  // Four months lived now: half a year is reached two months after the current month.
  const expected = await page.evaluate(() => {
    const d = new Date();
    d.setDate(1);
    d.setMonth(d.getMonth() + 2);
    return `${d.getFullYear()}年${d.getMonth() + 1}月`;
  });
  assert.match(await page.locator('.earliest').textContent(), new RegExp(expected));
  await page.screenshot({ path: screenshotPath('02-not-yet'), fullPage: true });

  await calc.enterMonths('8');
  await calc.waitForStatus('eligible');
  assert.match(await calc.verdict.textContent(), /能申领/);
  for (const c of ['left_hukou_city', 'resided_half_year', 'stable_basis']) {
    assert.equal(await calc.outcome(c), 'met', c);
  }
  assert.match(
    await page.locator('[data-criterion="resided_half_year"] .cite').textContent(),
    /《居住证暂行条例》（国务院令第663号）第二条/,
  );
  await calc.verdict.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('03-eligible') });
  await page.screenshot({ path: screenshotPath('03-eligible-full'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a negative month count is flagged at the field and never read as zero', async () => {
  const { page, context, problems } = await phonePage(browser);
  const calc = new Calculator(page);
  await calc.open(server.url);

  await calc.enterMonths('-3');
  await calc.monthsError.waitFor();
  assert.match(await calc.monthsError.textContent(), /整数/);
  assert.equal(await calc.outcome('resided_half_year'), 'unknown');
  await page.screenshot({ path: screenshotPath('04-bad-months') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page switches to English and back without losing answers', async () => {
  const { page, context } = await phonePage(browser);
  const calc = new Calculator(page);
  await calc.open(server.url);

  await calc.answer('stableJob', 'yes');
  await page.locator('#switch-lang').tap();
  await page.locator('html[lang="en"]').waitFor();
  assert.match(await calc.verdict.textContent(), /Not sure yet/);
  assert.equal(await calc.outcome('stable_basis'), 'met');
  await page.screenshot({ path: screenshotPath('05-english'), fullPage: true });
  await context.close();
});
