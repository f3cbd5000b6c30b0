// Shared helpers of the browser tests: one headless Debian chromium per test file, a fresh
// phone-sized context per test that collects console errors, page errors and CSP violations,
// and a screenshot of every test (passing or not) in tests/e2e/screenshots/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A low-end Android phone, as most users have. */
export const PHONE = {
  viewport: { width: 360, height: 740 },
  userAgent:
    'Mozilla/5.0 (Linux; Android 11; SM-A022F) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/124.0.0.0 Mobile Safari/537.36',
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'id-ID',
};
/** How long to wait for something the app should show. */
export const TIMEOUT = 15_000;
/** Longest a whole browser test may take: one that hangs fails with its screenshot instead of holding up
 * the run (the longest passing one takes about 10 s). */
const TEST_TIMEOUT = 120_000;

let browserPromise;
function browser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}
after(async () => {
  // A browser that will not close within 10 s is left to the runner's --test-force-exit.
  if (browserPromise) await Promise.race([(await browserPromise).close(), sleep(10_000)]);
});

/**
 * A browser test: `fn(page, session)` runs in a fresh phone-sized context; afterwards a
 * screenshot is saved as `screenshots/<file>.png` and the test fails on any console error,
 * uncaught exception or CSP violation, except console errors matching `allowErrors` (for the
 * browser's own "Failed to load resource" lines when a test makes a request fail on purpose).
 */
export function browserTest(name, { file, allowErrors = [], context = PHONE } = {}, fn) {
  test(name, { timeout: TEST_TIMEOUT }, async () => {
    const ctx = await (await browser()).newContext({ ...context, baseURL: BASE_URL });
    ctx.setDefaultTimeout(TIMEOUT);
    const page = await ctx.newPage();
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (!allowErrors.some((re) => re.test(text))) problems.push(`console error: ${text}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    await page.exposeFunction('__lapakCspViolation', (text) =>
      problems.push(`CSP violation: ${text}`),
    );
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__lapakCspViolation(
          `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
    try {
      await fn(page);
      // Let late errors (a failed image, a violation on a lazy resource) surface.
      await page.waitForLoadState('networkidle').catch(() => {});
    } finally {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page
        .screenshot({ path: `${SCREENSHOTS}${file ?? slugify(name)}.png`, fullPage: true })
        .catch(() => {});
      await ctx.close();
    }
    assert.deepEqual(problems, [], `problems on the page:\n${problems.join('\n')}`);
  });
}

/** Saves a full-page screenshot of an intermediate state as `screenshots/<name>.png`. */
export async function snap(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The browser's console line for a response with `status`. */
export function failedLoad(status) {
  return new RegExp(`Failed to load resource: the server responded with a status of ${status}`);
}
/** The browser's console line for an aborted request. */
export const ABORTED_LOAD = /Failed to load resource: net::ERR_FAILED/;

/** Waits until the village cards show; returns their locator. */
export async function villageCards(page) {
  const cards = page.locator('a.village-card');
  await cards.first().waitFor({ state: 'visible' });
  return cards;
}

/**
 * Waits until the page's scripts run: the header's account item ("Masuk", "Akun" or "Admin") shows once
 * the page knows who is signed in. (A page of islands is readable at once; its filters apply on change and
 * "Muat lebih banyak" adds below once its islands bundle runs.)
 */
export async function pageRunning(page) {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: /^(Masuk|Akun|Admin)/ })
    .first().waitFor();
}

/** Waits until the service worker controls the page (it installs on the first visit, caching the app's
 * files first: up to a minute on a slow machine). */
export async function workerControls(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

/** The trimmed text of the page's `h1` once it is visible. */
export async function heading(page) {
  const h1 = page.locator('h1').first();
  await h1.waitFor({ state: 'visible' });
  return (await h1.innerText()).trim();
}

/** Waits until `h1` reads `text` (pages render their heading once data arrives). */
export async function waitForHeading(page, text) {
  await page.locator('h1', { hasText: text }).first().waitFor({ state: 'visible' });
  assert.equal(await heading(page), text);
}

/** Demo accounts (see backend/src/demo/accounts.rs); all share one password. */
export const DEMO_PASSWORD = 'desa-demo-2026';
export const DEMO = {
  shopper: '0811 0000 0001',
  ntb: '0811 5200 0000',
  lombokBarat: '0811 5201 0000',
  darmajiAdmin: '0811 5202 0001',
};

/** A phone number no other test uses: 0857 plus the test's own number. */
let phoneCounter = 0;
export function freshPhone() {
  phoneCounter += 1;
  const stamp = String(Date.now() % 1e6).padStart(6, '0');
  return `0857${stamp}${String(phoneCounter).padStart(2, '0')}`;
}

/** Signs in through the sign-in page and waits for the account page (or `lanjut`). */
export async function signIn(page, login, password = DEMO_PASSWORD, next = '/akun') {
  await page.goto(next === '/akun' ? '/masuk' : `/masuk?lanjut=${encodeURIComponent(next)}`);
  await page.fill('#f-login', login);
  await page.fill('#f-password', password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`**${next}`);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A photo of a transfer receipt (PNG bytes), drawn in the page as a phone camera would give it. */
export async function receiptPhoto(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 600;
    canvas.height = 800;
    const g = canvas.getContext('2d');
    g.fillStyle = '#f4f1ea';
    g.fillRect(0, 0, 600, 800);
    g.fillStyle = '#1d6b45';
    g.fillRect(40, 60, 520, 90);
    g.fillRect(40, 260, 320, 36);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}
