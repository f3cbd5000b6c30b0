// Browser tests: from the portal to a village and back, a village link opened directly (with
// its link-preview tags), and an unknown village.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, heading, villageCards, waitForHeading } from './helpers.mjs';

browserTest('portal to a village and back', { file: 'portal-to-village' }, async (page) => {
  await page.goto('/');
  const cards = await villageCards(page);
  const card = cards.first();
  const href = await card.getAttribute('href');
  assert.match(href, /^\/desa\/[a-z0-9-]+$/, 'a village card links to /desa/{slug}');
  const cardText = await card.innerText();

  await card.click();
  await page.waitForURL(`**${href}`);
  await page.locator('.flagship').first().waitFor({ state: 'visible' });
  const name = await heading(page);
  assert.ok(name.length > 0, 'the profile has the village name as its h1');
  assert.ok(
    cardText.toLowerCase().includes(name.toLowerCase()),
    `the card (${cardText}) shows the village name ${name}`,
  );

  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/');
  await villageCards(page);
});

browserTest('a village link opened directly', { file: 'village-direct' }, async (page) => {
  const response = await page.goto('/desa/darmaji');
  assert.equal(response.status(), 200);
  await waitForHeading(page, 'Darmaji');
  const flagship = page.locator('.flagship').first();
  await flagship.waitFor({ state: 'visible' });
  assert.ok((await flagship.innerText()).trim().length > 0, 'the flagship product is named');

  // What WhatsApp reads: the meta tags within the first 32 KB of the HTML.
  const html = await (await page.request.get('/desa/darmaji')).text();
  const head = html.slice(0, 32 * 1024);
  assert.match(head, /property="og:title"/);
  assert.match(head, /property="og:image"/);
  const image = head.match(/property="og:image"\s+content="([^"]+)"/)?.[1];
  assert.ok(image, 'og:image has a content URL');
  assert.match(image, /^https?:\/\//, 'og:image is an absolute URL');
  const picture = await page.request.get(image);
  assert.equal(picture.status(), 200);
  assert.match(picture.headers()['content-type'], /^image\/jpeg/);
});

browserTest(
  'an unknown village is a 404 with the not-found page',
  { file: 'village-unknown', allowErrors: [failedLoad(404)] },
  async (page) => {
    const response = await page.goto('/desa/tidak-ada-desa');
    assert.equal(response.status(), 404);
    await waitForHeading(page, 'Halaman tidak ditemukan');
  },
);
