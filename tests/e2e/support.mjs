// Shared end-to-end helpers: a static server for dist/, a phone-sized Chromium page, and the page object.
// Chromium is Debian's (/usr/bin/chromium, or $CHROMIUM); no test tool downloads a browser.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.resolve(process.env.ANJU_DIST ?? path.join(here, '../../dist'));
export const SCREENSHOTS = path.join(here, 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
};

export const STALL_AFTER = 64 * 1024;

/**
 * Serves dist/ on a free loopback port. Resolves to { url, close }.
 * `types` overrides Content-Type by extension (e.g. a server that sends .wasm as application/octet-stream);
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 * `stall` (an extension such as '.wasm') sends those files' first 64 KiB and then nothing more: a network that hangs.
 */
export function serveDist({ types = {}, headers = {}, stall } = {}) {
  const mime = { ...TYPES, ...types };
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(DIST, rel === '/' ? 'index.html' : rel);
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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

/** Page object: every locator of the calculator in one place. */
export class Calculator {
  constructor(page) {
    this.page = page;
    this.card = page.locator('#program-residence_permit');
    this.verdict = this.card.locator('.verdict-text');
    this.months = page.locator('#monthsInPlace');
    this.monthsError = page.locator('#monthsInPlace-error');
  }

  async open(url) {
    await this.page.goto(url);
    await this.card.waitFor();
  }

  /** Taps the answer the way a person does: on its visible label. */
  async answer(question, choice) {
    await this.page.locator(`label:has(#${question}-${choice})`).tap();
  }

  async enterMonths(text) {
    await this.months.fill(text);
  }

  async status() {
    return this.card.getAttribute('data-status');
  }

  async waitForStatus(status) {
    await this.page.locator(`#program-residence_permit[data-status="${status}"]`).waitFor();
  }

  async outcome(criterion) {
    return this.page.locator(`[data-criterion="${criterion}"]`).getAttribute('data-outcome');
  }
}
