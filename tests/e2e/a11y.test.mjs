// The page is usable by everyone who opens it on a phone: no axe-core violations (WCAG 2.x A/AA and best
// practice), no sideways scrolling at 320 px with text at 200 %, tap targets of at least 44 px (60 px for the main
// action), and no text under 14 px (body 18 px), on every screen of the flow, in both languages and at the largest
// text size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { served, phonePage, Calculator, CARDS_DRAWN, axe, overflowAt320, targetSizes, minFontSize } from './support.mjs';

const env = served();

/** Every check on the page as it is now; each list must be empty. */
async function checkAll(page, state) {
  const found = {
    axe: await axe(page),
    'overflow at 320 px, text 200 %': await overflowAt320(page),
    'target sizes': await targetSizes(page),
    'font sizes': await minFontSize(page),
  };
  for (const [check, problems] of Object.entries(found)) {
    assert.deepEqual(problems, [], `${state}: ${check}`);
  }
}

/** The screens a person goes through, each reached from a fresh page the way a person does it. */
const STATES = {
  'the first screen (who is in the family)': async () => {},
  'a preset family: results with a card open': async (calc) => {
    await calc.preset('young-couple-city');
    await calc.openCard('employee_pension', 'household.adults[0]');
  },
  'places, with the picker filled': async (calc) => {
    await calc.preset('county-town-worker');
    await calc.step('places');
  },
  'work and insurance': async (calc) => {
    await calc.preset('flexible-worker-45');
    await calc.step('work');
  },
  'housing and income': async (calc) => {
    await calc.preset('young-couple-city');
    await calc.step('housing');
  },
  "the children's school": async (calc) => {
    await calc.preset('county-town-worker');
    await calc.step('school');
  },
  'a month count flagged at the field': async (calc, page) => {
    await page.locator('#next').tap();
    await calc.type('household.adults[0].monthsInPlace', '-3');
    await calc.error('household.adults[0].monthsInPlace').waitFor();
  },
  'in English, results': async (calc, page) => {
    await calc.preset('returning-worker-50');
    await page.locator('#switch-lang').tap();
    await page.locator('html[lang="en"]').waitFor();
  },
  'the largest text size (150 %)': async (calc, page) => {
    await calc.preset('county-town-worker');
    await page.locator('button.size-150').tap();
    await page.locator('html[data-scale="150"]').waitFor();
  },
};

for (const [state, reach] of Object.entries(STATES)) {
  test(`accessible: ${state}`, async () => {
    const { page, context, problems } = await phonePage(env.browser);
    const calc = new Calculator(page);
    await calc.open(env.server.url);
    await reach(calc, page);
    await checkAll(page, state);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the whole flow works by keyboard, with a visible focus ring', async () => {
  const { page, context, problems } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  /** Tabs until `selector` has the focus (at most 60 presses) and says what the ring looks like. */
  const tabTo = async (selector) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate((sel) => {
        const el = document.activeElement;
        if (!el || !el.matches(sel)) return null;
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      }, selector);
      if (ring) return ring;
    }
    throw new Error(`${selector} never had the focus`);
  };
  const ring = await tabTo('[data-preset="county-town-worker"]');
  assert.notEqual(ring.style, 'none');
  assert.ok(ring.width >= 2, `focus ring ${ring.width}px`);
  await page.keyboard.press('Enter');
  await page.locator(CARDS_DRAWN).waitFor({ state: 'attached' });
  // A card opens from the keyboard too.
  await tabTo('details[data-program="residence_permit"] summary');
  await page.keyboard.press('Enter');
  assert.equal(await calc.card('residence_permit', 'household.adults[0]').evaluate((d) => d.open), true);
  // And a radio answer: back to the work step, then an arrow key changes the choice.
  await tabTo('button.step-link[data-step="work"]');
  await page.keyboard.press('Enter');
  await page.locator('form.questions[data-step="work"]').waitFor();
  await page.focus('#household-adults-0-stableJob-yes');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('#household-adults-0-stableJob-no').isChecked(), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the text-size switch makes everything larger: 100, 125, 150 %', async () => {
  const { page, context } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  const root = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.equal(await root(), 18);
  await page.locator('button.size-125').tap();
  assert.equal(await root(), 22.5);
  await page.locator('button.size-150').tap();
  assert.equal(await root(), 27);
  assert.equal(await page.locator('button.size-150').getAttribute('aria-pressed'), 'true');
  await context.close();
});

test('the checks find what they are for', async () => {
  const { page, context } = await phonePage(env.browser);
  await page.setContent(`<!doctype html><html lang="en"><head><title>defects</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>body { font-size: 16px; margin: 0 } .tiny { font-size: 12px } .wide { width: 400px }
    .small { width: 30px; height: 30px } .primary { width: 50px; height: 50px }</style>
    </head>
    <body><main><h1>Defects</h1>
    <img src="data:," />
    <p class="tiny">small print</p>
    <div class="wide">wide</div>
    <button class="small">x</button><button class="primary">Go</button>
    <label><input type="checkbox"> a label big enough to tap, wider than forty-four px and
      <br>tall enough too<br>with three lines</label>
    </main></body></html>`);
  const violations = await axe(page);
  assert.ok(violations.some((v) => v.startsWith('image-alt [critical]') && v.includes(': img')), violations.join('\n'));
  assert.deepEqual(await overflowAt320(page), ['document scrolls sideways by 80 px', 'div.wide spans 0…400 px of 320']);
  assert.deepEqual(await targetSizes(page), ['button.small 30×30 < 44×44', 'button.primary 50×50 < 60×60']);
  // A button's own font is 13.33 px unless the page sets it.
  assert.deepEqual(await minFontSize(page), [
    'body 16px < 18px', 'p.tiny 12px < 14px: "small print"',
    'button.small 13.3333px < 14px: "x"', 'button.primary 13.3333px < 14px: "Go"',
  ]);
  await context.close();
});
