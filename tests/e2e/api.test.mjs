// The JS API (dist/api/anju.js) from a host page that has nothing of the calculator's page, in headless Chromium,
// under the strict Content-Security-Policy a county's site would send: each call gives exactly what the CLI prints
// for the same request (golden households and the example plans, compared as JSON), a bad request rejects with an
// Error naming the bad field's JSON path, a host's own rules pack is checked with located problems and answers as
// `anju assess --rules`, and the published types (anju.d.ts) check a host's TypeScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DIST, serveDist, launch, phonePage, tmpDir } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const cli = process.env.ANJU_CLI ?? path.join(repo, 'target/debug/anju');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const AS_OF = '2026-11';

/** A host's site: its own page (no #app, no page script), with the JS API's folder copied in. */
function hostSite() {
  const dir = tmpDir();
  fs.cpSync(path.join(DIST, 'api'), path.join(dir, 'api'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
    + '<title>某县人社局</title></head><body><h1>县里的页面</h1></body></html>');
  // The browser asks for a site's icon; a host has one.
  fs.writeFileSync(path.join(dir, 'favicon.ico'), '');
  return dir;
}

/** Serves the host's site `dir` under the strict policy, opens its page in a fresh phone and runs `body` with it;
 * then closes everything and removes the site. */
async function onHost(dir, body) {
  const server = await serveDist({ dir, headers: { 'Content-Security-Policy': CSP } });
  const browser = await launch();
  const phone = await phonePage(browser);
  try {
    await phone.page.goto(server.url);
    await body({ ...phone, server });
  } finally {
    await phone.context.close();
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** What the CLI prints for `input` (a file), as JSON. */
const fromCli = (command, file) => JSON.parse(execFileSync(cli, [command, '--as-of', AS_OF, file], { encoding: 'utf8' }));

test('the JS API gives exactly the CLI\'s JSON, loads without the page, and names the bad field', async () => {
  assert.ok(fs.existsSync(cli), `the CLI is built at ${cli} (cargo build -p anju-cli)`);
  await onHost(hostSite(), async ({ page, problems, requests, server }) => {
    const call = (name, input) => page.evaluate(async ([n, i, asOf]) => {
      const api = await import('./api/anju.js');
      return api[n](i, { asOf });
    }, [name, input, AS_OF]);

    // Requests: a golden household of every kind of place the cases hold, as objects.
    const cases = fs.readdirSync(path.join(repo, 'tests/cases')).filter((f) => f.endsWith('.json')).sort();
    const picked = cases.filter((_, i) => i % 7 === 0);
    assert.ok(picked.length >= 5, `${picked.length} golden requests`);
    const work = tmpDir();
    for (const name of picked) {
      const { request } = JSON.parse(fs.readFileSync(path.join(repo, 'tests/cases', name), 'utf8'));
      const file = path.join(work, name);
      fs.writeFileSync(file, JSON.stringify(request));
      assert.deepEqual(await call('assess', request), fromCli('assess', file), name);
    }
    // Plans, as JSON text: each of compare, timeline and plan.
    for (const example of ['plan-rongan.json', 'plan-places.json']) {
      const file = path.join(repo, 'docs/examples', example);
      const text = fs.readFileSync(file, 'utf8');
      for (const command of ['compare', 'timeline', 'plan']) {
        assert.deepEqual(await call(command, text), fromCli(command, file), `${command} ${example}`);
      }
    }

    // A bad request rejects with an Error whose path is the bad field's, and the CLI's words.
    const bad = await page.evaluate(async () => {
      const { assess } = await import('./api/anju.js');
      const caught = async (input) => {
        try {
          await assess(input, { asOf: '2026-11' });
          return null;
        } catch (e) {
          return { isError: e instanceof Error, message: e.message, path: e.path };
        }
      };
      return {
        range: await caught({ household: { adults: [{ monthsInPlace: 5000 }] } }),
        type: await caught({ household: { adults: [{}, { stableJob: 'yes' }] } }),
        notJson: await caught('{"household": '),
        notObject: await caught([1, 2]),
      };
    });
    assert.deepEqual(bad.range, {
      isError: true,
      message: 'household.adults[0].monthsInPlace: must be at most 1200',
      path: 'household.adults[0].monthsInPlace',
    });
    assert.equal(bad.type.path, 'household.adults[1].stableJob');
    assert.equal(bad.notJson.path, null);
    assert.match(bad.notJson.message, /^malformed JSON/);
    assert.equal(bad.notObject.path, null);

    // Nothing of the page came with it, nothing went elsewhere, and the CSP was kept.
    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), []);
    const paths = requests.map((u) => new URL(u).pathname);
    assert.deepEqual(paths.filter((p) => !p.startsWith('/api/') && !['/', '/favicon.ico'].includes(p)), []);
    // (A violation is a console error: `problems` holds them.)
    assert.deepEqual(problems, []);
    fs.rmSync(work, { recursive: true, force: true });
  });
});

// G-SC1's family (rules-counties §6.2) in June 2026: 临沭's built-in rules end with 2023; the county's pack for 2026
// (crates/rules/tests/layers/linshu-2026.json: the 2023 conditions dated 2026) answers it.
const LINSHU_FAMILY = { asOf: '2026-06', household: { adults: [
  { currentPlace: 'shandong/linyi/linshu', hukouPlace: 'henan', hukouType: 'rural', permit: { held: false },
    contractMonths: 14, employment: 'contract', stableHome: true },
  { currentPlace: 'shandong/linyi/linshu', hukouPlace: 'henan', hukouType: 'rural',
    permit: { held: true, issued: '2025-09' }, employment: 'flexible', stableHome: true }],
rentsHome: true, children: [{ birth: '2020-03', stage: 'preschool', hukouPlace: 'henan' }] } };

test('a host\'s own rules, fetched from its site, are checked with located problems and answer as the CLI\'s --rules', async () => {
  const layers = path.join(repo, 'crates/rules/tests/layers');
  const dir = hostSite();
  fs.mkdirSync(path.join(dir, 'rules'));
  for (const f of ['linshu-2026.json', 'linshu-bad.json']) fs.copyFileSync(path.join(layers, f), path.join(dir, 'rules', f));
  await onHost(dir, async ({ page, problems }) => {
    const got = await page.evaluate(async (family) => {
      const api = await import('./api/anju.js');
      const pack = await (await fetch('rules/linshu-2026.json')).json();
      const bad = await (await fetch('rules/linshu-bad.json')).text();
      const school = (r) => r.programs.find((p) => p.program === 'school_entry').status;
      let refused;
      try {
        await api.checkRules(bad);
      } catch (e) {
        refused = { isError: e instanceof Error, path: e.path, problems: e.problems, message: e.message };
      }
      let refusedAssess;
      try {
        await api.assess(family, { rules: bad });
      } catch (e) {
        refusedAssess = e.path;
      }
      return {
        info: await api.checkRules(pack),
        builtIn: school(await api.assess(family)),
        layered: await api.assess(family, { rules: pack }),
        refused,
        refusedAssess,
        after: school(await api.assess(family)),
      };
    }, LINSHU_FAMILY);
    assert.equal(got.info.place.name, '临沭县');
    assert.equal(got.info.place.dataMonth, '2026-12');
    assert.equal(got.info.rules, 9);
    assert.match(got.info.sources.linshu_2026.title, /2026年临沭县/);
    assert.equal(got.builtIn, 'unknown');
    const work = tmpDir();
    const family = path.join(work, 'family.json');
    fs.writeFileSync(family, JSON.stringify(LINSHU_FAMILY));
    const cliLayered = JSON.parse(execFileSync(cli, ['assess', '--rules', path.join(layers, 'linshu-2026.json'), family],
      { encoding: 'utf8' }));
    assert.deepEqual(got.layered, cliLayered, 'the same answer as anju assess --rules');
    assert.equal(got.layered.programs.find((p) => p.program === 'school_entry').status, 'eligible');
    assert.equal(got.refused.isError, true);
    assert.equal(got.refused.path, 'parameters[0].key');
    assert.deepEqual(got.refused.problems.map((p) => p.path), ['parameters[0].key', 'parameters[1].values[0].from',
      'parameters[2].values[0].source', 'parameters[3].values[0].value', 'parameters[4].values[0].confidence',
      'parameters[5].values[1].from']);
    assert.match(got.refused.message, /^6 problem\(s\) in the rules pack: parameters\[0\]\.key: no rule is called/);
    assert.equal(got.refusedAssess, 'parameters[0].key', 'a bad pack is never answered with');
    assert.equal(got.after, 'unknown', 'a call without rules is answered with the built-in ones');
    assert.deepEqual(problems, []);
    fs.rmSync(work, { recursive: true, force: true });
  });
});

test('the published types check a host\'s TypeScript, and catch a wrong use', () => {
  const tsc = path.join(here, 'node_modules/.bin/tsc');
  const dir = tmpDir();
  fs.copyFileSync(path.join(DIST, 'api/anju.d.ts'), path.join(dir, 'anju.d.ts'));
  fs.writeFileSync(path.join(dir, 'host.ts'), `import { assess, compare, type Request, type AnjuError } from './anju.js';
const request: Request = { household: { adults: [{ currentPlace: 'guangxi/liuzhou/rongan', monthsInPlace: 8 }] } };
export async function run(): Promise<string> {
  const result = await assess(request, { asOf: '2026-11' });
  const status: 'eligible' | 'notYet' | 'notEligible' | 'unknown' | 'notApplicable' = result.programs[0].status;
  const side = await compare({ household: request.household, scenarios: [{ name: 'p', actions: [{ action: 'getPermit' }] }] });
  // @ts-expect-error a month is text, not a number
  const wrong: Request = { asOf: 202611 };
  try {
    await assess('{}');
  } catch (e) {
    return (e as AnjuError).path ?? status + side.columns.length + String(wrong);
  }
  return status;
}
`);
  execFileSync(tsc, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution',
    'nodenext', path.join(dir, 'host.ts')], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
});
