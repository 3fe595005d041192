// The page is usable by everyone who opens it on a phone: no axe-core violations (WCAG 2.x A/AA and best
// practice), no sideways scrolling at 320 px with text at 200 %, tap targets of at least 44 px (60 px for the main
// action), and no text under 14 px (body 18 px), on the first screen and after each kind of answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, phonePage, Calculator, axe, overflowAt320, targetSizes, minFontSize } from './support.mjs';

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

/** The states a person goes through, each reached from a fresh page the way a person does it. */
const STATES = {
  'the first screen': async () => {},
  'answered, not yet (with the month it becomes possible)': async (calc) => {
    await calc.answer('hukouElsewhere', 'yes');
    await calc.enterMonths('4');
    await calc.answer('stableJob', 'yes');
    await calc.waitForStatus('not-yet');
  },
  'answered, eligible': async (calc) => {
    await calc.answer('hukouElsewhere', 'yes');
    await calc.enterMonths('8');
    await calc.answer('stableHome', 'yes');
    await calc.waitForStatus('eligible');
  },
  'answered, not eligible': async (calc) => {
    await calc.answer('hukouElsewhere', 'yes');
    for (const q of ['stableJob', 'stableHome', 'continuousStudy']) await calc.answer(q, 'no');
    await calc.waitForStatus('not-eligible');
  },
  'answered, not applicable (a local hukou)': async (calc) => {
    await calc.answer('hukouElsewhere', 'no');
    await calc.waitForStatus('not-applicable');
  },
  'a month count flagged at the field': async (calc) => {
    await calc.enterMonths('-3');
    await calc.monthsError.waitFor();
  },
  'in English, answered': async (calc, page) => {
    await calc.answer('stableJob', 'yes');
    await calc.enterMonths('4');
    await page.locator('#switch-lang').tap();
    await page.locator('html[lang="en"]').waitFor();
  },
};

for (const [state, reach] of Object.entries(STATES)) {
  test(`accessible: ${state}`, async () => {
    const { page, context, problems } = await phonePage(browser);
    const calc = new Calculator(page);
    await calc.open(server.url);
    await reach(calc, page);
    await checkAll(page, state);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the checks find what they are for', async () => {
  const { page, context } = await phonePage(browser);
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
