// Shared end-to-end helpers: a static server for dist/, a phone-sized Chromium page, the page object, and the
// accessibility checks (axe, reflow at 320 px, target sizes, font sizes).
// Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM); no test tool downloads a browser.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.ANJU_DIST ?? path.join(here, '../../dist'));
export const SCREENSHOTS = path.join(here, 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

export const STALL_AFTER = 64 * 1024;

/**
 * Serves a folder (`dir`, default dist/) on a free loopback port. Resolves to { url, close }.
 * `types` overrides Content-Type by extension (e.g. a server that sends .wasm as application/octet-stream);
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 * `stall` (an extension such as '.wasm') sends those files' first 64 KiB and then nothing more: a network that hangs.
 */
export function serveDist({ dir = DIST, types = {}, headers = {}, stall } = {}) {
  const root = path.resolve(dir);
  const mime = { ...TYPES, ...types };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const head = {
      'Content-Type': mime[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...headers,
    };
    if (stall && path.extname(file) === stall) {
      res.writeHead(200, { ...head, 'Content-Length': fs.statSync(file).size });
      res.write(fs.readFileSync(file).subarray(0, STALL_AFTER));
      return;
    }
    res.writeHead(200, head);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      const close = () => new Promise((r) => {
        server.close(r);
        server.closeAllConnections();
      });
      resolve({ url: `http://127.0.0.1:${port}/`, close });
    });
  });
}

/** Launches headless Chromium with the flags this network needs (no background connections). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}

/** For a test file: serves dist/ (or uses ANJU_BASE_URL, a running `cargo xtask serve`) and launches the browser
 * before its tests, and closes both after them. The returned object's `server` and `browser` are set by then. */
export function served() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = process.env.ANJU_BASE_URL
      ? { url: process.env.ANJU_BASE_URL, close: async () => {} }
      : await serveDist();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** A 360×740 phone (a common cheap Android size), in Chinese. */
export async function phonePage(browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return { page, context, problems, requests };
}

export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'anju-e2e-'));

/** A county's site in a fresh folder: the calculator copied to `anju/` and the icon a browser asks a site for; the
 * test writes the county's own pages into it. */
export function countySite() {
  const dir = tmpDir();
  fs.cpSync(DIST, path.join(dir, 'anju'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'favicon.ico'), '');
  return dir;
}

/** The element id of a question: its JSON path with `[` and `.` as `-` and `]` dropped. */
export const fieldId = (path) => path.replace(/[[.]/g, '-').replace(/]/g, '');

/** Page object: every locator of the calculator in one place. Questions are named by their request JSON path. */
/** The results' cards once they are drawn (or the line saying they could not be): the what-if module draws them
 * into the page's #cards after the page has drawn its results (loader/whatif.js). */
export const CARDS_DRAWN = '#cards[data-drawn]';

export class Calculator {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.locator('form.questions').waitFor();
  }

  /** Goes to a step by its tab, as a person does, and waits for it. */
  async step(name) {
    await this.page.locator(`button.step-link[data-step="${name}"]`).tap();
    const shown = name === 'results' ? CARDS_DRAWN : `form.questions[data-step="${name}"]`;
    await this.page.locator(shown).waitFor(name === 'results' ? { state: 'attached' } : undefined);
  }

  async preset(id) {
    await this.page.locator(`button[data-preset="${id}"]`).tap();
    await this.page.locator(CARDS_DRAWN).waitFor({ state: 'attached' });
  }

  field(path) {
    return this.page.locator(`[data-path="${path}"]`);
  }

  input(path) {
    return this.page.locator(`#${fieldId(path)}-input`);
  }

  error(path) {
    return this.page.locator(`#${fieldId(path)}-error`);
  }

  /** Taps a choice on its visible label: 'yes', 'no', a choice key, or '' for 不知道. */
  async choose(path, key) {
    await this.page.locator(`label:has(#${fieldId(path)}-${key || 'unknown'})`).tap();
  }

  async type(path, text) {
    await this.input(path).fill(text);
  }

  /** Picks a place by its GB/T 2260 code, level by level in the full lists (which load when the picker opens):
   * '450224' selects 广西 (450000), then 柳州 (450200), then 融安 (450224); a municipality's district or a county a
   * province governs directly has no city between. */
  async place(path, code) {
    const id = fieldId(path);
    await this.page.locator(`#${id}-search`).waitFor();
    const province = `${code.slice(0, 2)}0000`;
    const city = `${code.slice(0, 4)}00`;
    const direct = ['11', '12', '31', '50'].includes(code.slice(0, 2)) || code.slice(2, 4) === '90';
    const chain = [province];
    if (code !== province) {
      if (!direct && code !== city) chain.push(city);
      chain.push(code);
    }
    for (let i = 0; i < chain.length; i++) {
      await this.page.locator(`#${id}-${i}`).selectOption(chain[i]);
    }
  }

  /** Finds a place by typing in the picker's search and taps the hit with this code. */
  async findPlace(path, query, code) {
    const id = fieldId(path);
    await this.page.locator(`#${id}-search`).fill(query);
    await this.page.locator(`[data-path="${path}"] button.place-hit[data-code="${code}"]`).tap();
  }

  area(name) {
    return this.page.locator(`li.area[data-area="${name}"]`);
  }

  async verdict(name) {
    return this.area(name).getAttribute('data-verdict');
  }

  card(program, subject) {
    return this.page.locator(`details.program[data-program="${program}"][data-subject="${subject}"]`);
  }

  async status(program, subject) {
    return this.card(program, subject).getAttribute('data-status');
  }

  async waitForStatus(program, subject, status) {
    await this.page
      .locator(`details.program[data-program="${program}"][data-subject="${subject}"][data-status="${status}"]`)
      .waitFor();
  }

  /** Opens a card (its summary line is the toggle). */
  async openCard(program, subject) {
    const card = this.card(program, subject);
    if (!(await card.evaluate((d) => d.open))) await card.locator('summary').tap();
    return card;
  }

  async outcome(program, subject, criterion) {
    return this.card(program, subject).locator(`[data-criterion="${criterion}"]`).getAttribute('data-outcome');
  }
}

// Accessibility checks.
// Each returns a list of readable strings, one per problem, so that a test asserts `deepEqual(result, [])` and a
// failure names what is wrong and where. Elements are named by `describe` below: tag#id.class[data-path].

/** In-page: a short selector-like name for an element, for messages. */
function describe(el) {
  if (!el || el.nodeType !== 1) return String(el);
  let name = el.tagName.toLowerCase();
  if (el.id) name += `#${el.id}`;
  for (const c of [...el.classList].slice(0, 2)) name += `.${c}`;
  for (const a of ['data-path', 'data-preset', 'for', 'name', 'href']) {
    if (el.hasAttribute(a) && !el.id) name += `[${a}="${el.getAttribute(a)}"]`;
  }
  return name;
}

/** Runs `fn(describe, options)` in the page; both functions are passed as source. */
function inPage(page, fn, options = {}) {
  return page.evaluate(`(${fn})(${describe}, ${JSON.stringify(options)})`);
}

/** The axe-core rule tags the pages are held to: WCAG 2.0–2.2 A and AA (2.2 adds AA rules only), best practice. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let axeSource;

/**
 * axe-core on the page as it is now (injected from the npm package, no network), with AXE_TAGS.
 * Returns one line per violation: `id [impact] help (helpUrl): target, target, …`.
 * `options.context` narrows the part of the page checked (an axe context, default the whole document).
 */
export async function axe(page, { context = null, tags = AXE_TAGS } = {}) {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: axeSource });
  }
  const violations = await page.evaluate(
    async ([context, tags]) => {
      const options = { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] };
      const r = await window.axe.run(context ?? document, options);
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    [context, tags],
  );
  return violations.map((v) => `${v.id} [${v.impact}] ${v.help} (${v.helpUrl}): ${v.targets.join(', ')}`);
}

/** In-page: waits for two animation frames, so that layout and any resize handlers have run. */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Reflow (WCAG 1.4.10 and 1.4.4): at `width` CSS px (default 320) with the root font-size at `scale` times what
 * the page sets (default 2, i.e. text at 200 %: 36 px for an 18 px page), nothing may scroll sideways.
 * Returns the sideways scroll (`document scrolls sideways by N px`) and each element that sticks out of the
 * viewport while its parent does not (the element where the overflow starts). The viewport and font-size are
 * restored afterwards.
 */
export async function overflowAt320(page, { width = 320, scale = 2 } = {}) {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: before?.height ?? 740 });
  const previous = await page.evaluate((scale) => {
    const root = document.documentElement;
    const old = root.style.fontSize;
    root.style.fontSize = `${parseFloat(getComputedStyle(root).fontSize) * scale}px`;
    return old;
  }, scale);
  await settle(page);
  const problems = await inPage(page, (describe) => {
    const root = document.documentElement;
    const out = [];
    const limit = root.clientWidth;
    if (root.scrollWidth > limit) out.push(`document scrolls sideways by ${root.scrollWidth - limit} px`);
    const sticksOut = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5);
    };
    // An element clipped by an ancestor that hides or scrolls its overflow cannot make the page scroll.
    const clipped = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement)) && !clipped(el)) {
        const r = el.getBoundingClientRect();
        out.push(`${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)} px of ${limit}`);
      }
    }
    // Text wider than its box (a long word that cannot wrap) sticks out without its element doing so.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!n.textContent.trim() || !parent || sticksOut(parent) || clipped(n)) continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (r.right > limit + 0.5 || r.left < -0.5)) {
        out.push(`text in ${describe(parent)} spans ${Math.round(r.left)}…${Math.round(r.right)} px of ${limit}: `
          + `"${n.textContent.trim().slice(0, 40)}"`);
      }
    }
    return out;
  }, {});
  await page.evaluate((old) => { document.documentElement.style.fontSize = old; }, previous);
  if (before) await page.setViewportSize(before);
  await settle(page);
  return problems;
}

/**
 * Target sizes (WCAG 2.5.5 AAA, and MIIT 适老化 for the main choices): every visible control matched by
 * `controls` at least `min`×`min` CSS px (default 44), and every `primary` button at least
 * `primaryMin`×`primaryMin` (default 60). A control inside a `<label>`, or a visually hidden one with a
 * `<label for>`, is tapped through its label, so the label's box is measured. Returns `name W×H < MIN×MIN`.
 */
export async function targetSizes(page, {
  controls = 'button, a[href], input:not([type="hidden"]), select, textarea, summary',
  primary = '.primary',
  min = 44,
  primaryMin = 60,
} = {}) {
  return inPage(page, (describe, { controls, primary, min, primaryMin }) => {
    const visible = (el) => {
      const s = getComputedStyle(el);
      return el.getClientRects().length > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const hiddenVisually = (el) => {
      const r = el.getBoundingClientRect();
      return getComputedStyle(el).opacity === '0' || r.width <= 1 || r.height <= 1;
    };
    const out = [];
    const seen = new Set();
    for (const el of document.querySelectorAll(controls)) {
      let target = el;
      const wrapping = el.closest('label');
      if (wrapping) target = wrapping;
      else if (el.id && hiddenVisually(el)) target = document.querySelector(`label[for="${CSS.escape(el.id)}"]`) ?? el;
      if (seen.has(target) || !visible(target)) continue;
      seen.add(target);
      const need = el.matches(primary) || target.matches(primary) ? primaryMin : min;
      const r = target.getBoundingClientRect();
      if (r.width < need - 0.01 || r.height < need - 0.01) {
        const via = target === el ? '' : ` (label of ${describe(el)})`;
        out.push(`${describe(target)}${via} ${Math.round(r.width)}×${Math.round(r.height)} < ${need}×${need}`);
      }
    }
    return out;
  }, { controls, primary, min, primaryMin });
}

/**
 * Font sizes: every visible element with text of its own (a non-blank text node child, or `::before` /
 * `::after` content) at least `min` CSS px (default 14), and the body at least `bodyMin` (default 18).
 * Returns `name 12.6px < 14px: "its text…"`.
 */
export async function minFontSize(page, { min = 14, bodyMin = 18 } = {}) {
  return inPage(page, (describe, { min, bodyMin }) => {
    const out = [];
    const px = (s) => parseFloat(s.fontSize);
    const body = px(getComputedStyle(document.body));
    if (body < bodyMin) out.push(`body ${body}px < ${bodyMin}px`);
    for (const el of document.body.querySelectorAll('*')) {
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === 3 && n.textContent.trim())
        .map((n) => n.textContent.trim());
      if (own.length) {
        const size = px(getComputedStyle(el));
        if (size < min) out.push(`${describe(el)} ${size}px < ${min}px: "${own.join(' ').slice(0, 40)}"`);
      }
      for (const pseudo of ['::before', '::after']) {
        const s = getComputedStyle(el, pseudo);
        if (/^["'].*\S.*["']$/.test(s.content) && px(s) < min) {
          out.push(`${describe(el)}${pseudo} ${px(s)}px < ${min}px: ${s.content}`);
        }
      }
    }
    return out;
  }, { min, bodyMin });
}
