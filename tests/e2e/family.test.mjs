// Real stories on a 360×740 phone, from the built dist/: a counselor's preset, a worker who knows half the answers,
// one changed answer, the language switch, a second parent's permit, and bad input. Expected values are worked
// out from the rules (rules.md, rules-counties.md), not read from the page. Each story writes screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { served, phonePage, screenshotPath, Calculator, CARDS_DRAWN } from './support.mjs';

const env = served();

const A0 = 'household.adults[0]';
const A1 = 'household.adults[1]';
const HH = 'household';
const C0 = 'household.children[0]';
const C1 = 'household.children[1]';

/** The page's "today": the device's month. */
const now = new Date();
const YEAR = now.getFullYear();
const ym = (y, m) => `${y}-${String(m).padStart(2, '0')}`;

/** Every request the page made went to its own origin. */
function ownOrigin(requests) {
  const origin = new URL(env.server.url).origin;
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
}

test('a counselor taps a preset and reads the family\'s answer, area by area', async () => {
  const { page, context, problems, requests } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await page.screenshot({ path: screenshotPath('01-first-screen'), fullPage: true });
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');

  // A father of 38 from 西平 (河南) working in 临沭 town on a 24-month contract, living there 30 months.
  await calc.preset('county-town-worker');
  await page.screenshot({ path: screenshotPath('02-preset-results'), fullPage: true });

  // 居住证暂行条例 Art. 2: hukou elsewhere, ≥ 6 months here, a stable job → may apply.
  assert.equal(await calc.status('residence_permit', A0), 'eligible');
  assert.equal(await calc.verdict('papers'), 'can');
  // Men born from 1976-09 retire at 63 (2025 reform, cap 36 months): 1988-04 → 2051-04. With 96 months paid and
  // paying on, the 20-year minimum is reached before then, so the pension only needs time.
  assert.equal(await calc.verdict('pension'), 'not-yet');
  assert.match(await calc.area('pension').textContent(), /最早2051年4月/);
  assert.equal(await calc.status('employee_pension', A0), 'not-yet');
  // The disclaimer is on the first screen of results.
  assert.match(await page.locator('.result .disclaimer').textContent(), /不是官方认定/);

  // The card opens to criteria with citations, papers and who decides.
  const card = await calc.openCard('residence_permit', A0);
  assert.match(await card.locator('[data-criterion="resided_half_year"] .cite').textContent(), /居住证暂行条例/);
  assert.match(await card.locator('.papers').textContent(), /身份证/);
  assert.match(await card.locator('.valid-as-of').textContent(), /当地公安机关/);
  assert.match(await card.locator('.valid-as-of').textContent(), /临沭县的规定/);
  await card.screenshot({ path: screenshotPath('03-card-open') });

  // Still editable: back to the questions with every answer kept.
  await calc.step('work');
  assert.equal(await calc.input(`${A0}.contractMonths`).inputValue(), '24');
  assert.deepEqual(problems, []);
  assert.deepEqual(ownOrigin(requests), []);
  await context.close();
});

test('a worker who knows only half the answers gets honest unknowns that say what to find', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);

  await calc.type(`${A0}.birth`, '1986-05');
  await calc.choose(`${A0}.sex`, ''); // 不知道
  await page.locator('#next').tap();
  await calc.place(`${A0}.currentPlace`, '450224');
  // Hukou place, hukou type and months here: not known.
  await page.locator('#next').tap();
  await calc.choose(`${A0}.employment`, 'flexible');
  // Months paid, contributing now: not known.
  await page.locator('#next').tap();
  await calc.choose(`${HH}.rentsHome`, 'yes');
  await page.locator('#next').tap();
  await page.locator(CARDS_DRAWN).waitFor({ state: 'attached' });
  await page.screenshot({ path: screenshotPath('04-half-unknown'), fullPage: true });

  // Nothing was answered "no", so nothing may be "cannot": every area is unsure, possible or not applicable.
  for (const area of ['housing', 'pension', 'school', 'papers']) {
    assert.notEqual(await calc.verdict(area), 'cannot', area);
  }
  assert.equal(await calc.verdict('pension'), 'unsure');
  assert.equal(await calc.verdict('school'), 'none', 'no children');
  // The pension card says what is missing and links to the question, which says where to find the number.
  const card = await calc.openCard('employee_pension', A0);
  assert.equal(await card.locator('[data-criterion="reached_retirement_age"]').getAttribute('data-outcome'), 'unknown');
  const ask = card.locator('.open-questions button', { hasText: '男还是女' });
  await ask.tap();
  // The question is on the first step, brought into view.
  await page.locator('form.questions[data-step="family"]').waitFor();
  await calc.field(`${A0}.sex`).waitFor();
  await calc.step('work');
  assert.match(await calc.field(`${A0}.employeePension.months`).textContent(), /掌上12333/);
  await page.screenshot({ path: screenshotPath('05-where-to-find'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('one changed answer updates every card it touches', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await calc.preset('county-town-worker');
  const cards = page.locator('details.program');
  const count = await cards.count();
  assert.ok(count >= 5, `${count} cards`);
  for (let i = 0; i < count; i++) {
    assert.match(await cards.nth(i).locator('.valid-as-of').textContent(), /临沭县的规定/);
  }

  // The family moves to 兰考 (河南, 开封): every card is now judged under 兰考's rules.
  await calc.step('places');
  await calc.place(`${A0}.currentPlace`, '410225');
  await calc.step('results');
  await page.screenshot({ path: screenshotPath('06-moved'), fullPage: true });
  assert.equal(await cards.count(), count);
  for (let i = 0; i < count; i++) {
    const text = await cards.nth(i).locator('.valid-as-of').textContent();
    assert.match(text, /兰考县的规定/, await cards.nth(i).getAttribute('data-program'));
  }
  // Still outside the hukou place (西平 is in 驻马店, not 开封), 30 months and a job: the permit stays open.
  assert.equal(await calc.status('residence_permit', A0), 'eligible');
  // 兰考 asks a parent's permit held ≥ 1 year for school (rules-counties §3, [C2]). The answers say the father
  // holds a permit where the family lives, issued 2024-05: more than a year, so the test is met under 兰考's rule.
  await calc.openCard('school_entry', C0);
  assert.equal(await calc.outcome('school_entry', C0, 'parent_permit'), 'met');
  assert.match(await calc.card('school_entry', C0).locator('[data-criterion="parent_permit"] .cite').textContent(), /兰考/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('English and back keeps every answer and the step', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await calc.preset('young-couple-city');
  await calc.step('places');
  await calc.type(`${A1}.monthsInPlace`, '2x');
  await page.locator('#switch-lang').tap();
  await page.locator('html[lang="en"]').waitFor();
  await page.screenshot({ path: screenshotPath('07-english'), fullPage: true });
  assert.match(await page.locator('form.questions h2').textContent(), /Where you live and where your hukou is/);
  assert.match(await calc.field(`${A0}.hukouPlace`).locator('legend').textContent(), /Where is the hukou registered\?/);
  assert.equal(await page.locator(`#${'household-adults-0-hukouPlace'}-2`).inputValue(), '450224');
  assert.equal(await calc.input(`${A1}.monthsInPlace`).inputValue(), '2x', 'typed text kept');
  assert.match(await calc.error(`${A1}.monthsInPlace`).textContent(), /Please type a whole number/);
  await calc.step('results');
  assert.match(await page.locator('.summary').textContent(), /Housing/);
  assert.doesNotMatch(await page.locator('main').textContent(), /[一-龥]{3}/, 'no Chinese left in the English page');

  await page.locator('#switch-lang').tap();
  await page.locator('html[lang="zh-CN"]').waitFor();
  await calc.step('places');
  assert.equal(await calc.input(`${A1}.monthsInPlace`).inputValue(), '2x');
  assert.match(await calc.error(`${A1}.monthsInPlace`).textContent(), /请只填整数/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two adults and two children: the second parent\'s permit opens school for a child', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);

  // A father and a mother from 西平 (河南, 驻马店), rural hukou, working and renting in 兰考 (河南, 开封).
  await page.locator('#add-adult').tap();
  await page.locator('#add-child').tap();
  await page.locator('#add-child').tap();
  await calc.type(`${A0}.birth`, '1990-03');
  await calc.choose(`${A0}.sex`, 'male');
  await calc.type(`${A1}.birth`, '1992-07');
  await calc.choose(`${A1}.sex`, 'female');
  // A child who turns 6 in October of last year's autumn misses that September and starts next September
  // (义务教育法 Art. 11: six by 31 August); a younger sibling.
  await calc.type(`${C0}.birth`, ym(YEAR - 6, 10));
  await calc.choose(`${C0}.stage`, 'preschool');
  await calc.type(`${C1}.birth`, ym(YEAR - 3, 2));
  await calc.choose(`${C1}.stage`, 'preschool');
  await page.locator('#next').tap();
  for (const a of [A0, A1]) {
    await calc.place(`${a}.currentPlace`, '410225');
    await calc.place(`${a}.hukouPlace`, '411721');
    await calc.choose(`${a}.hukouType`, 'rural');
    await calc.type(`${a}.monthsInPlace`, '40');
    await calc.choose(`${a}.stableHome`, 'yes');
  }
  await calc.choose(`${A0}.permit.held`, 'no');
  await calc.choose(`${A1}.permit.held`, 'no');
  await calc.step('results');
  // 兰考: a parent's 兰考 permit held ≥ 1 year (rules-counties §3 [C2]); neither has one.
  assert.equal(await calc.outcome('school_entry', C0, 'parent_permit'), 'not-met');
  assert.equal(await calc.status('school_entry', C0), 'not-eligible');
  await page.screenshot({ path: screenshotPath('08-no-permit'), fullPage: true });

  // The mother has held one since May two years ago: more than a year.
  await calc.step('places');
  await calc.choose(`${A1}.permit.held`, 'yes');
  await calc.type(`${A1}.permit.issued`, ym(YEAR - 2, 5));
  await calc.step('results');
  assert.equal(await calc.outcome('school_entry', C0, 'parent_permit'), 'met');
  // Every other test is met for the coming September's intake, when the child is six: the child may apply.
  assert.equal(await calc.status('school_entry', C0), 'eligible');
  const card = await calc.openCard('school_entry', C0);
  const intake = YEAR + (now.getMonth() >= 8 ? 1 : 0);
  assert.match(await card.locator('[data-criterion="school_age"] .reason').textContent(), new RegExp(`${intake}年9月`));
  // The card names the parent who meets the permit test.
  assert.match(await card.locator('[data-criterion="parent_permit"]').textContent(), /大人2符合/);
  await page.screenshot({ path: screenshotPath('09-mothers-permit'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad input is flagged at its field, the text stays and nothing else is lost', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  await page.locator('#add-child').tap();
  await calc.type(`${A0}.birth`, '1990-01');
  await calc.type(`${C0}.birth`, '1995-06'); // before the parent was 14
  await calc.error(`${C0}.birth`).waitFor();
  assert.match(await calc.error(`${C0}.birth`).textContent(), /比父母早/);
  await calc.type(`${C0}.birth`, ym(YEAR + 3, 1)); // in the future
  assert.match(await calc.error(`${C0}.birth`).textContent(), /还没到/);

  await page.locator('#next').tap();
  await calc.place(`${A0}.currentPlace`, '450224');
  await calc.place(`${A0}.hukouPlace`, '410225');
  for (const [text, message] of [['abc', /请只填整数/], ['-3', /请只填整数/], ['99999', /最多是 1200/]]) {
    await calc.type(`${A0}.monthsInPlace`, text);
    assert.match(await calc.error(`${A0}.monthsInPlace`).textContent(), message, text);
    assert.equal(await calc.input(`${A0}.monthsInPlace`).inputValue(), text);
    assert.equal(await calc.input(`${A0}.monthsInPlace`).getAttribute('aria-invalid'), 'true');
  }
  await page.screenshot({ path: screenshotPath('10-bad-input'), fullPage: true });
  await calc.step('results');
  // The unreadable month count is unknown, never 0: the permit's residence test is open, not failed.
  await calc.openCard('residence_permit', A0);
  assert.equal(await calc.outcome('residence_permit', A0, 'resided_half_year'), 'unknown');
  // The other answers were kept.
  await calc.step('places');
  assert.equal(await page.locator('#household-adults-0-currentPlace-2').inputValue(), '450224');
  assert.deepEqual(problems, []);
  await context.close();
});
