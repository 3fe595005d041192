// The one-script embed (docs/embedding.md): a county's page with one element and embed.js, served with the strict
// policy. The app answers inside the element with no violation, also when the host's page is itself framed; the
// host's styles do not change the app and the app's do not change the host (computed styles, each against the same
// page without the other); the element's data attributes set the language, the place, a preset, the accent and
// compact mode; the host's title, language and origin (no service worker) are left alone; the hand-over QR code is
// drawn, not a data: image the policy blocks; without 'wasm-unsafe-eval' the fallback shows inside the element.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { serveDist, launch, phonePage, screenshotPath, countySite } from './support.mjs';

const FULL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

// A host page's style that would change the app if it could reach it, and elements the app's style would change if
// it leaked out (main, h1, p, button and details are what the app's style names).
const HOST_CSS = `html { font-size: 10px; }
body { font-family: serif; color: rgb(128, 0, 0); line-height: 3; letter-spacing: 2px; margin: 12px; }
p, li { color: rgb(0, 100, 0); margin: 7px; }
h1 { font-size: 40px; margin: 3px; }
main { max-width: none; padding: 3px; }
button { background: rgb(255, 192, 203); font-size: 13px; min-height: 0; border-radius: 0; }
details { border: 5px dotted blue; }
* { text-transform: uppercase; }
`;
const HOST_BODY = '<h1 id="host-h1">某县人社局 · 办事指南</h1><main id="host-main"><p id="host-p">外来务工人员看这里。</p>'
  + '<button id="host-button" type="button">办事大厅</button><details id="host-details"><summary>更多</summary></details></main>';

let browser;
let dir;
let server;
before(async () => {
  browser = await launch();
  // The county's site: its own pages at the root, the calculator copied to anju/.
  dir = countySite();
  fs.writeFileSync(path.join(dir, 'host.css'), HOST_CSS);
  const page = (name, element, script = true) => fs.writeFileSync(path.join(dir, name), '<!doctype html>'
    + '<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
    + `<title>某县人社局</title><link rel="stylesheet" href="host.css"></head><body>${HOST_BODY}${element}`
    + `${script ? '<script src="anju/embed.js" defer></script>' : ''}</body></html>`);
  page('preset.html', '<div data-anju data-preset="county-town-worker" data-accent="#7a1f5c"><p>要开启 JavaScript</p></div>');
  page('english.html', '<div data-anju data-lang="en" data-place="shandong/linyi/linshu" data-compact></div>');
  page('bare.html', '<div data-anju></div>', false);
  // A page that frames the host's page, as a portal showing a county's page might.
  fs.writeFileSync(path.join(dir, 'portal.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    + '<title>门户</title></head><body><iframe src="preset.html" title="某县人社局" width="360" height="700"></iframe>'
    + '</body></html>');
  server = await serveDist({ dir, headers: { 'Content-Security-Policy': FULL_CSP } });
});
after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// The computed styles compared: what a host's style or ours would change.
const PROPS = ['fontSize', 'fontFamily', 'lineHeight', 'color', 'letterSpacing', 'textTransform', 'marginTop',
  'paddingLeft', 'maxWidth', 'backgroundColor', 'borderTopStyle', 'minHeight'];
const styles = (page, selectors, inEmbed) => page.evaluate(({ selectors, props, inEmbed }) => {
  const root = inEmbed ? document.querySelector('[data-anju]').shadowRoot : document;
  return Object.fromEntries(selectors.map((s) => {
    const el = root.querySelector(s);
    if (!el) return [s, null];
    const cs = getComputedStyle(el);
    return [s, Object.fromEntries(props.map((p) => [p, cs[p]]))];
  }));
}, { selectors, props: PROPS, inEmbed });

// The app's elements compared with the calculator's own page (not the accent-coloured ones: the host chose another).
const APP = ['header.bar h1', 'main', '.cards details.program', '.cards p', 'h2'];
const HOST = ['body', '#host-h1', '#host-main', '#host-p', '#host-button', '#host-details'];

test(`a host page under ${FULL_CSP} shows the preset's results in its element, styles kept apart both ways`, async () => {
  // The calculator's own page, at the same preset: the styles the app should have.
  const own = await phonePage(browser);
  await own.page.goto(`${server.url}anju/index.html`);
  await own.page.locator('button[data-preset="county-town-worker"]').tap();
  await own.page.locator('.cards details.program').first().waitFor();
  const expected = await styles(own.page, APP, false);
  await own.context.close();
  for (const [s, v] of Object.entries(expected)) assert.ok(v, `the page has ${s}`);

  // The host page without the calculator: the styles the host's own elements should keep.
  const bare = await phonePage(browser);
  await bare.page.goto(`${server.url}bare.html`);
  const hostExpected = await styles(bare.page, HOST, false);
  await bare.context.close();

  const s = await phonePage(browser);
  await s.page.goto(`${server.url}preset.html`);
  // Playwright's selectors reach into the open shadow root.
  await s.page.locator('[data-anju] .cards details.program').first().waitFor();
  assert.ok(await s.page.locator('[data-anju] .cards details.program').count() >= 5, 'every program answers');
  assert.deepEqual(await styles(s.page, APP, true), expected, "the host's style does not reach the app");
  assert.deepEqual(await styles(s.page, HOST, false), hostExpected, "the app's style does not reach the host");
  assert.equal(await s.page.locator('#anju-glue').count(), 1);
  assert.equal(await s.page.evaluate(() => document.querySelectorAll('body > header, body > .cards').length), 0);
  // The accent the host chose, on the app's bar.
  assert.equal(await s.page.evaluate(() => getComputedStyle(document.querySelector('[data-anju]').shadowRoot
    .querySelector('header.bar')).backgroundColor), 'rgb(122, 31, 92)');
  // The host's document is the host's: title, language, no service worker on its origin, only its own requests.
  assert.equal(await s.page.title(), '某县人社局');
  assert.equal(await s.page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await s.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  assert.deepEqual(s.requests.filter((u) => !u.startsWith(server.url)), [], 'no request but the site\'s own files');
  // The what-if screen opens in the element too, with its own style.
  await s.page.locator('[data-anju] #what-if').tap();
  await s.page.locator('[data-anju] #wi-add').tap();
  await s.page.locator('[data-anju] article.timeline[data-column="1"] svg.years text').first().waitFor();
  // Its style is the one made for the element, inside it; none is added to the host's head.
  assert.deepEqual(await s.page.evaluate(() => [
    !!document.querySelector('[data-anju]').shadowRoot.querySelector('link[rel=stylesheet][href*="embed/whatif-"]'),
    document.head.querySelectorAll('link[rel=stylesheet]').length,
  ]), [true, 1]);
  await s.page.screenshot({ path: screenshotPath('embed-1-whatif'), fullPage: true });
  // The hand-over screen: the policy allows no data: image, so the QR code is drawn, and a scanner reads it.
  await s.page.locator('[data-anju] #wi-hand-over').tap();
  const qr = s.page.locator('[data-anju] svg#ho-qr');
  await qr.waitFor();
  assert.equal(await s.page.locator('[data-anju] img.qr').count(), 0);
  const png = PNG.sync.read(await qr.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'the drawing is a QR code a scanner reads');
  assert.match(code.data, new RegExp(`^${server.url}preset\\.html#s=3\\.`), 'the link opens this page with the family');
  assert.deepEqual(s.problems, [], 'no CSP violation, no error');
  await s.context.close();
});

test('the element sets English, the place and compact mode, at the visitor\'s own text size', async () => {
  const s = await phonePage(browser);
  await s.page.goto(`${server.url}english.html`);
  const frame = s.page.locator('[data-anju] .anju-embed');
  // (The English texts arrive just after start, as on the page.)
  await s.page.locator('[data-anju] header.bar h1', { hasText: 'Anju' }).waitFor();
  assert.equal(await frame.getAttribute('lang'), 'en');
  assert.equal(await s.page.getAttribute('html', 'lang'), 'zh-CN', "the host's language stays");
  assert.equal(await s.page.title(), '某县人社局', "the host's title stays");
  assert.equal(await s.page.locator('[data-anju] .intro').isVisible(), false, 'compact: no introduction');
  // The app's text size follows its own rem, not the host's 10px root: 18px body text.
  assert.equal(await frame.evaluate((el) => getComputedStyle(el).fontSize), '18px');
  await s.page.screenshot({ path: screenshotPath('embed-2-english-compact'), fullPage: true });
  // The place question is answered: 临沭县.
  await s.page.locator('[data-anju] #next').tap();
  await s.page.locator('[data-anju] .place-picker').first().waitFor();
  assert.match(await s.page.locator('[data-anju] form.questions').innerText(), /Linshu/);
  await s.page.screenshot({ path: screenshotPath('embed-3-place'), fullPage: true });
  assert.deepEqual(s.problems, [], 'no CSP violation, no error');
  await s.context.close();
});

test('the host page with its element, inside a frame, answers the same way with no violation', async () => {
  const s = await phonePage(browser);
  await s.page.goto(`${server.url}portal.html`);
  const frame = s.page.frameLocator('iframe');
  await frame.locator('[data-anju] .cards details.program').first().waitFor();
  assert.ok(await frame.locator('[data-anju] .cards details.program').count() >= 5, 'every program answers');
  assert.equal(await frame.locator('[data-anju] header.bar').evaluate((el) => getComputedStyle(el).backgroundColor),
    'rgb(122, 31, 92)');
  await s.page.screenshot({ path: screenshotPath('embed-5-framed'), fullPage: true });
  assert.deepEqual(s.problems, [], 'no CSP violation, no error');
  await s.context.close();
});

test("a host policy without 'wasm-unsafe-eval' gets the fallback inside the element, not a blank one", async () => {
  const strict = await serveDist({ dir, headers: { 'Content-Security-Policy': "script-src 'self'" } });
  const s = await phonePage(browser);
  await s.page.goto(`${strict.url}preset.html`);
  const fallback = s.page.locator('[data-anju] #unsupported');
  await fallback.waitFor({ state: 'visible' });
  assert.match(await fallback.innerText(), /请把微信升级到最新版，或用手机自带浏览器打开/);
  assert.equal(await s.page.locator('[data-anju] #app').isVisible(), false, 'no endless loading text');
  assert.equal(await s.page.locator('[data-anju] .anju-embed').getAttribute('data-engine'), 'unsupported');
  await s.page.screenshot({ path: screenshotPath('embed-4-fallback'), fullPage: true });
  await s.context.close();
  await strict.close();
});
