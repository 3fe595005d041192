// Offline after one visit, where service workers run: the page registers loader/sw.js once it runs, the worker
// keeps this build's files, and with the network gone (Chromium's network emulation) a reload still opens the
// calculator and computes; every request of the visit is for the app's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { served, phonePage, screenshotPath, Calculator } from './support.mjs';

const env = served();

test('after one visit the calculator opens and computes with no network, asking only for its own files', async () => {
  const { page, context, problems, requests } = await phonePage(env.browser);
  const calc = new Calculator(page);
  await calc.open(env.server.url);
  // The worker installs this build's files and takes charge of the page.
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller, null,
    { timeout: 20_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('anju-')));
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  assert.ok(cached.includes('/'), `the page is kept: ${cached.join(', ')}`);
  assert.ok(cached.some((p) => p.endsWith('_bg.wasm')), 'and the engine');
  assert.ok(cached.includes('/places/divisions.txt'), 'and the place registry, so a county can be picked offline');

  // A family filled in online: every request so far is for the app's own files.
  await calc.preset('county-town-worker');
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);

  // No network: the page opens again and computes.
  await context.setOffline(true);
  await page.reload();
  await page.locator('form.questions').waitFor();
  await calc.preset('young-couple-city');
  assert.ok(await page.locator('.cards details.program').count() >= 5, 'every program answered');
  // A county picked from the full lists, which came from the worker's cache.
  await calc.step('places');
  await calc.place('household.adults[0].currentPlace', '410225');
  await calc.step('results');
  assert.ok(await page.locator('.cards details.program').count() >= 5);
  await page.screenshot({ path: screenshotPath('60-offline'), fullPage: true });
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
  assert.deepEqual(problems, []);
  await context.setOffline(false);
  await context.close();
});
