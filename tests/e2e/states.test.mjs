// Browser tests: a skeleton while the API is slow, and an error with "Coba lagi" when it fails,
// which recovers once the API answers again. These are the states of a page an app draws itself: the
// directory and the catalog reached from a page the app runs (a village's inquiry form, the cart) by
// the header's menu. (Opened afresh, the same pages arrive whole from the server and ask nothing.)
import assert from 'node:assert/strict';
import {
  ABORTED_LOAD,
  browserTest,
  failedLoad,
  PHONE,
  pageRunning,
  sleep,
  snap,
  villageCards,
} from './helpers.mjs';

const VILLAGES_API = '**/api/v1/villages**';
const CATALOG_API = '**/api/v1/catalog**';
/** Without the service worker, which would fetch the API itself, out of the page's routes' reach. */
const NO_WORKER = { ...PHONE, serviceWorkers: 'block' };

/** Opens `path`, a page its app draws, waits for the app to run, then follows the header's `item`. */
async function viaMenu(page, path, item) {
  await page.goto(path);
  await pageRunning(page);
  await page.evaluate(() => { window.sameApp = true; });
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: item, exact: true }).click();
}

/** Fails unless the page was drawn by the app that was already running. */
async function drawnInApp(page) {
  assert.equal(await page.evaluate(() => window.sameApp), true, 'the page was drawn by the running app');
}

browserTest('a skeleton shows while villages load', { file: 'skeleton', context: NO_WORKER }, async (page) => {
  await page.route(VILLAGES_API, async (route) => {
    await sleep(2000);
    await route.continue();
  });
  await viaMenu(page, '/desa/darmaji/permintaan', 'Desa');
  await page.locator('.skeleton').first().waitFor({ state: 'visible' });
  await drawnInApp(page);
  assert.equal(await page.locator('a.village-card').count(), 0, 'no cards before the data');
  await snap(page, 'skeleton-loading');
  await villageCards(page);
  await page.locator('.skeleton').first().waitFor({ state: 'detached' });
});

browserTest(
  'the directory says when the API fails and recovers with "Coba lagi"',
  { file: 'error-directory', allowErrors: [failedLoad(500)], context: NO_WORKER },
  async (page) => {
    await page.route(VILLAGES_API, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 500, title: 'Internal Server Error' }),
      }),
    );
    await viaMenu(page, '/desa/darmaji/permintaan', 'Desa');
    const error = page.locator('.error-state').first();
    await error.waitFor({ state: 'visible' });
    const retry = error.getByRole('button', { name: 'Coba lagi' });
    await retry.waitFor({ state: 'visible' });
    await snap(page, 'error-directory-failed');

    await page.unroute(VILLAGES_API);
    await retry.click();
    await villageCards(page);
    await drawnInApp(page);
    assert.equal(await page.locator('.error-state').count(), 0, 'the error is gone');
  },
);

browserTest(
  'the catalog says when the network fails and recovers with "Coba lagi"',
  { file: 'error-catalog', allowErrors: [ABORTED_LOAD], context: NO_WORKER },
  async (page) => {
    await page.route(CATALOG_API, (route) => route.abort('failed'));
    await viaMenu(page, '/keranjang', 'Produk');
    const retry = page.locator('.error-state').getByRole('button', { name: 'Coba lagi' });
    await retry.first().waitFor({ state: 'visible' });
    await snap(page, 'error-catalog-failed');

    await page.unroute(CATALOG_API);
    await retry.first().click();
    await page.locator('.product-card').first().waitFor({ state: 'visible' });
    await drawnInApp(page);
  },
);
