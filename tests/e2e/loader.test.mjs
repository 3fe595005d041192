// Never a blank screen: the page either starts the app or says, in Chinese, why not and what to do.
// Old engines are simulated by stubbing WebAssembly before any page script runs; awkward servers by serveDist options.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, phonePage, screenshotPath, DIST, STALL_AFTER, tmpDir } from './support.mjs';

const UPGRADE = '请把微信升级到最新版，或用手机自带浏览器打开';
const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";
// What a county's site may send (the embedding issue's policy): nothing but our own files, no inline style.
const FULL_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Opens the page from its own server (closed with the context), with `stub` run before any page script. */
async function open(serverOptions, stub) {
  const server = await serveDist(serverOptions);
  const phone = await phonePage(browser);
  if (stub) await phone.page.addInitScript(stub);
  const responses = [];
  phone.page.on('response', (r) => responses.push(r));
  await phone.page.goto(server.url);
  const close = async () => { await phone.context.close(); await server.close(); };
  return { ...phone, server, responses, close };
}

async function assertBooted(page) {
  await page.locator('header.bar h1').waitFor();
  assert.equal(await page.locator('.loading').count(), 0, 'the loading text is gone');
  assert.equal(await page.locator('#unsupported').isVisible(), false);
  await page.locator('form.questions').waitFor();
  await page.locator('li.area[data-area="papers"]').waitFor();
}

async function assertFallback(page, url) {
  const fallback = page.locator('#unsupported');
  await fallback.waitFor({ state: 'visible' });
  assert.match(await fallback.innerText(), new RegExp(UPGRADE));
  assert.match(await fallback.innerText(), /在浏览器打开/);
  assert.equal(await page.inputValue('#unsupported-link'), url, 'the page link is there to copy');
  assert.equal(await page.locator('#app').isVisible(), false, 'no endless loading text');
  assert.equal(await page.getAttribute('html', 'data-engine'), 'unsupported');
}

test('an engine without reference types or bulk memory gets the Chinese fallback page, and no .wasm download', async () => {
  const s = await open({}, () => {
    window.probesValidated = 0;
    WebAssembly.validate = () => { window.probesValidated += 1; return false; };
  });
  await assertFallback(s.page, s.server.url);
  assert.ok(await s.page.evaluate(() => window.probesValidated) >= 1, 'the probes were validated');
  await s.page.waitForLoadState('networkidle');
  assert.deepEqual(s.requests.filter((u) => u.endsWith('.wasm')), [], 'the .wasm is not fetched');
  assert.deepEqual(s.problems, []);
  await s.page.screenshot({ path: screenshotPath('loader-1-unsupported'), fullPage: true });
  await s.close();
});

test('when streaming compilation throws, the app boots from the downloaded bytes', async () => {
  const s = await open({}, () => {
    window.streamingCalls = 0;
    const refuse = () => { window.streamingCalls += 1; return Promise.reject(new TypeError('streaming refused')); };
    // Both streaming entry points, whichever the loader uses: some Android WebViews throw on both.
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.compileStreaming = refuse;
  });
  await assertBooted(s.page);
  assert.ok(await s.page.evaluate(() => window.streamingCalls) >= 1, 'streaming was tried and refused');
  assert.deepEqual(s.problems, []);
  await s.page.screenshot({ path: screenshotPath('loader-2-streaming-refused') });
  await s.close();
});

test('when the engine has no memory for the wasm (RangeError), the fallback page shows', async () => {
  const s = await open({}, () => {
    window.instantiateCalls = 0;
    const oom = () => {
      window.instantiateCalls += 1;
      return Promise.reject(new RangeError('WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory'));
    };
    WebAssembly.instantiate = oom;
    WebAssembly.instantiateStreaming = oom;
  });
  await assertFallback(s.page, s.server.url);
  assert.ok(await s.page.evaluate(() => window.instantiateCalls) >= 1, 'instantiation was tried');
  assert.deepEqual(s.problems, []);
  await s.page.screenshot({ path: screenshotPath('loader-3-out-of-memory'), fullPage: true });
  await s.close();
});

test('a server that sends the .wasm as application/octet-stream still gets a working app', async () => {
  const s = await open({ types: { '.wasm': 'application/octet-stream' } });
  await assertBooted(s.page);
  const wasm = s.responses.filter((r) => r.url().endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'the .wasm is downloaded once');
  assert.equal(wasm[0].headers()['content-type'], 'application/octet-stream');
  assert.deepEqual(s.problems, []);
  await s.page.screenshot({ path: screenshotPath('loader-4-wrong-mime') });
  await s.close();
});

test(`under the strict policy ${STRICT_CSP} the app boots: nothing is inline`, async () => {
  const s = await open({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  await assertBooted(s.page);
  assert.deepEqual(s.problems, [], 'no CSP violation');
  await s.page.screenshot({ path: screenshotPath('loader-5-strict-csp') });
  await s.close();
});

test(`under ${FULL_CSP} the results and the what-if screen show with no violation`, async () => {
  const s = await open({ headers: { 'Content-Security-Policy': FULL_CSP } });
  await assertBooted(s.page);
  await s.page.locator('button[data-preset="county-town-worker"]').tap();
  await s.page.locator('.cards details.program').first().waitFor();
  // The what-if module, its style and a timeline chart (its years are SVG text, not inline style).
  await s.page.locator('#what-if').tap();
  await s.page.locator('#wi-add').tap();
  await s.page.locator('article.timeline[data-column="1"] svg.years text').first().waitFor();
  assert.deepEqual(s.problems, [], 'no CSP violation');
  await s.close();
});

test('every first-load file is checked: a changed engine is refused with a message, never run', async () => {
  const page = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const glue = page.match(/<link\b[^>]*\bid="?anju-glue"?[^>]*>/)[0];
  assert.match(glue, /\sintegrity="?sha256-/, 'the glue carries its hash');
  assert.match(glue, /\sdata-wasm-integrity="?sha256-/, 'and names the engine\'s');
  for (const tag of page.match(/<(script|link)\b[^>]*\b(src|href)=[^>]*>/g)) {
    if (/rel="?(icon|manifest)/.test(tag)) continue;
    assert.match(tag, /\s(data-wasm-)?integrity="?sha256-/, tag);
  }
  // The same build with one byte of its engine changed, as a broken or meddling proxy might.
  const dir = tmpDir();
  fs.cpSync(DIST, dir, { recursive: true });
  const wasm = path.join(dir, glue.match(/data-wasm=\.?\/?([^\s>]+)/)[1]);
  const bytes = fs.readFileSync(wasm);
  bytes[bytes.length - 100] ^= 0xff;
  fs.writeFileSync(wasm, bytes);
  const s = await open({ dir });
  await s.page.locator('#loading-retry button').waitFor({ state: 'visible' });
  assert.match(await s.page.locator('#loading-progress').textContent(), /没能加载完/);
  assert.equal(await s.page.locator('header.bar').count(), 0, 'the changed engine did not run');
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test(`inside a host's iframe, under ${FULL_CSP}, the calculator answers with no violation`, async () => {
  // A county's page with the calculator in a frame, both from the county's site.
  const dir = tmpDir();
  fs.cpSync(DIST, path.join(dir, 'anju'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'favicon.ico'), '');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    + '<title>某县人社局 · 办事指南</title></head><body><h1>外来务工人员办事指南</h1>'
    + '<iframe src="anju/index.html" title="安居：看看你家能办什么" width="360" height="700"></iframe></body></html>');
  const s = await open({ dir, headers: { 'Content-Security-Policy': FULL_CSP } });
  const frame = s.page.frameLocator('iframe');
  await frame.locator('button[data-preset="county-town-worker"]').tap();
  await frame.locator('.cards details.program').first().waitFor();
  assert.ok(await frame.locator('.cards details.program').count() >= 5);
  await frame.locator('#what-if').tap();
  await frame.locator('article.scenario-card, #wi-add').first().waitFor();
  await s.page.screenshot({ path: screenshotPath('loader-8-iframe'), fullPage: true });
  assert.deepEqual(s.problems, [], 'no CSP violation, no error');
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a host policy without 'wasm-unsafe-eval' gets the fallback page, not a blank one", async () => {
  const s = await open({ headers: { 'Content-Security-Policy': "script-src 'self'" } });
  await assertFallback(s.page, s.server.url);
  await s.page.screenshot({ path: screenshotPath('loader-6-csp-without-wasm'), fullPage: true });
  await s.close();
});

test('on a network that hangs, the page says how much has arrived after 1 s and offers 重试 after 10 s', async () => {
  const wasmFile = fs.readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const wasmKb = Math.round(fs.statSync(path.join(DIST, wasmFile)).size / 1024);
  const s = await open({ stall: '.wasm' });
  const started = Date.now();
  const progress = s.page.locator('#loading-progress');
  await progress.waitFor({ state: 'visible', timeout: 5000 });
  await s.page.waitForFunction(
    (text) => document.getElementById('loading-progress').textContent.includes(text),
    `已下载 ${STALL_AFTER / 1024} KB，共 ${wasmKb} KB`,
  );
  assert.equal(await s.page.locator('.loading').first().textContent(), '正在加载，请稍等…… Loading…');
  assert.equal(await s.page.locator('#loading-retry').isVisible(), false, 'no 重试 before 10 s');
  const retry = s.page.locator('#loading-retry button');
  await retry.waitFor({ state: 'visible', timeout: 15000 });
  const waited = Date.now() - started;
  assert.ok(waited >= 9000, `重试 appeared after ${waited} ms`);
  assert.match(await retry.textContent(), /^重试/);
  await s.page.screenshot({ path: screenshotPath('loader-7-stalled'), fullPage: true });
  const reload = s.page.waitForRequest(s.server.url);
  await retry.tap();
  await reload;
  assert.deepEqual(s.problems, []);
  await s.close();
});
