// Browser tests: a skeleton while the API is slow, and an error with "Coba lagi" when it fails,
// which recovers once the API answers again. These are the states of a page the app hydrates whole (the
// directory, the catalog: pages of islands arrive whole from the server and ask nothing). The server
// renders them with their answers embedded, so the tests serve them without (as for a page the app
// reaches itself): the app asks the API.
import assert from 'node:assert/strict';
import {
  ABORTED_LOAD,
  browserTest,
  failedLoad,
  PHONE,
  sleep,
  snap,
  villageCards,
} from './helpers.mjs';

const VILLAGES_API = '**/api/v1/villages**';
const CATALOG_API = '**/api/v1/catalog**';
/** Without the service worker, which would fetch the API itself, out of the page's routes' reach. */
const NO_WORKER = { ...PHONE, serviceWorkers: 'block' };

/** Serves the pages without the answers they were rendered from: the app starts afresh and asks the API. */
async function withoutEmbeddedAnswers(page) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script type="application\/json" id="state">.*?<\/script>/s, '');
    await route.fulfill({ response, body: html });
  });
}

browserTest('a skeleton shows while villages load', { file: 'skeleton', context: NO_WORKER }, async (page) => {
  await withoutEmbeddedAnswers(page);
  await page.route(VILLAGES_API, async (route) => {
    await sleep(2000);
    await route.continue();
  });
  await page.goto('/desa', { waitUntil: 'commit' });
  await page.locator('.skeleton').first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('a.village-card').count(), 0, 'no cards before the data');
  await snap(page, 'skeleton-loading');
  await villageCards(page);
  await page.locator('.skeleton').first().waitFor({ state: 'detached' });
});

browserTest(
  'the directory says when the API fails and recovers with "Coba lagi"',
  { file: 'error-directory', allowErrors: [failedLoad(500)], context: NO_WORKER },
  async (page) => {
    await withoutEmbeddedAnswers(page);
    await page.route(VILLAGES_API, (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 500, title: 'Internal Server Error' }),
      }),
    );
    await page.goto('/desa');
    const error = page.locator('.error-state').first();
    await error.waitFor({ state: 'visible' });
    const retry = error.getByRole('button', { name: 'Coba lagi' });
    await retry.waitFor({ state: 'visible' });
    await snap(page, 'error-directory-failed');

    await page.unroute(VILLAGES_API);
    await retry.click();
    await villageCards(page);
    assert.equal(await page.locator('.error-state').count(), 0, 'the error is gone');
  },
);

browserTest(
  'the catalog says when the network fails and recovers with "Coba lagi"',
  { file: 'error-catalog', allowErrors: [ABORTED_LOAD], context: NO_WORKER },
  async (page) => {
    await withoutEmbeddedAnswers(page);
    await page.route(CATALOG_API, (route) => route.abort('failed'));
    await page.goto('/produk?q=sambal');
    const retry = page.locator('.error-state').getByRole('button', { name: 'Coba lagi' });
    await retry.first().waitFor({ state: 'visible' });
    await snap(page, 'error-catalog-failed');

    await page.unroute(CATALOG_API);
    await retry.first().click();
    await page.locator('.product-card', { hasText: 'Sambal' }).first().waitFor({ state: 'visible' });
  },
);
