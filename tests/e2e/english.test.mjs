// Browser tests of the English pages for export buyers, on a 360 px phone: a buyer abroad opens a shared
// product link, switches it to English with the header's switch (same page, /en/…), reads the seller's
// English name and description on a page the server rendered in English and the islands hydrated without
// a word changing, puts it in the cart, checks out in English and lands on the English order page; another
// sends an export inquiry in English from the product page, which the shop's owner reads with Indonesian
// labels and the mark that it came from the English page.
import assert from 'node:assert/strict';
import { BASE_URL, PHONE, browserTest, freshPhone, signIn, snap } from './helpers.mjs';

/** The demo's robusta coffee of Darmaji, whose seller wrote an English name and description. */
async function englishProduct(page) {
  const found = await page.request.get('/api/v1/catalog?q=robusta');
  assert.equal(found.status(), 200);
  const product = (await found.json()).items.find((p) => p.name_en);
  assert.ok(product, 'a demo product with an English name');
  return { ...product, path: `/produk/${product.id}-${product.slug}` };
}

/** The visible text of the page's content, whitespace folded. */
async function mainText(page) {
  return (await page.locator('#app main').innerText()).replace(/\s+/g, ' ').trim();
}

/** Fails when the page scrolls sideways on a 360 px screen. */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${page.url()} is ${width} px wide: it scrolls sideways at 360 px`);
}

browserTest('a buyer abroad reads a product in English and orders it', { file: 'english-product' }, async (page) => {
  const product = await englishProduct(page);
  await page.goto(product.path);
  await page.locator('h1', { hasText: product.name }).waitFor();
  // The header's switch leads to the same page in English.
  await page.getByRole('link', { name: 'English', exact: true }).click();
  await page.waitForURL(`**/en${product.path}`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.locator('h1', { hasText: product.name_en }).waitFor();
  assert.equal(await page.locator('link[rel="alternate"][hreflang="id"]').getAttribute('href'), `${BASE_URL}${product.path}`);
  const english = await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href');
  assert.equal(english, `${BASE_URL}/en${product.path}`);
  const text = await mainText(page);
  for (const words of ['Description', 'Sold by', 'Minimum order', 'From the village to your hands']) {
    assert.ok(text.includes(words), `the page says "${words}": ${text}`);
  }
  assert.ok(!text.includes('Deskripsi') && !text.includes('Dijual oleh'), `no Indonesian interface text: ${text}`);
  assert.ok(!text.includes('has not written an English description'), 'the seller wrote one');
  await page.getByRole('button', { name: 'Add to cart' }).waitFor();
  await fitsThePhone(page);
  await snap(page, 'english-product-page');

  // The server's page says the same before the islands run (a browser without JavaScript).
  const plain = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL, javaScriptEnabled: false });
  const still = await plain.newPage();
  await still.goto(`/en${product.path}`);
  assert.equal(await mainText(still), text, 'the same English text before hydration');
  await plain.close();

  // Bought in English: the cart, checkout and the order's page stay English.
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to the cart.' }).waitFor();
  await page.getByRole('link', { name: 'Cart, 1 product', exact: true }).click();
  await page.waitForURL('**/en/keranjang');
  await page.locator('#app main', { hasText: product.name_en }).waitFor();
  await page.getByRole('button', { name: 'Go to checkout' }).click();
  await page.waitForURL('**/en/pesan');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByLabel('Your name', { exact: true }).fill('Siti Aminah binti Hassan');
  await page.getByLabel('WhatsApp number', { exact: true }).fill(freshPhone());
  await page.getByLabel('Pick up at the shop').check();
  await page.getByLabel('Cash on delivery / pickup').check();
  await fitsThePhone(page);
  await snap(page, 'english-checkout');
  // What the server refuses from here (a price changed, the stock ran out) it says in English: the page
  // asks for it (tests/tests/integration/orders/english.rs holds what the server then says).
  const placing = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/orders');
  await page.getByRole('button', { name: 'Place order' }).click();
  assert.equal((await placing).headers()['accept-language'], 'en', 'the checkout asks for English');
  await page.waitForURL('**/en/pesanan/**');
  await page.getByText('Waiting for the seller to confirm').first().waitFor();
  const order = await mainText(page);
  for (const words of ['Order details', 'Pick up at the shop', 'Cash on delivery / pickup', 'History']) {
    assert.ok(order.includes(words), `the order page says "${words}": ${order}`);
  }
  // The order keeps the name it was sold under, the one its seller reads.
  assert.ok(order.includes(product.name), `the order names the product as sold: ${order}`);
  await fitsThePhone(page);
  await snap(page, 'english-order');
});

browserTest('an export inquiry from the English page reaches the shop in Indonesian', { file: 'english-inquiry' }, async (page) => {
  const product = await englishProduct(page);
  const buyer = `Tan Wei Ming ${Date.now() % 1e6}`;
  await page.goto(`/en${product.path}`);
  const toggle = page.getByRole('button', { name: 'Send a bulk or export inquiry' });
  await toggle.waitFor();
  // The form's code comes with the first tap (the page's islands do not carry it): it opens once here.
  await toggle.click();
  await page.locator('button.inquiry__toggle[aria-expanded="true"]').waitFor();
  const form = page.locator('form.inquiry__form');
  await form.waitFor();
  // Sent empty: each missing field says what it needs, in English.
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await form.locator('.form-field.has-error', { hasText: 'The quantity is at least 1.' }).waitFor();
  await form.getByLabel('Export').check();
  await form.getByLabel('Quantity', { exact: true }).fill('2000');
  await form.getByLabel('Destination city or country').fill('Kuala Lumpur');
  await form.getByLabel('Destination country').selectOption('MY');
  await form.getByLabel('Your name').fill(buyer);
  await form.getByLabel('WhatsApp number').fill('+60 12-345 6789');
  await form.getByLabel('Message (optional)').fill('Please quote FOB Lembar, 20 ft container.');
  await form.getByRole('button', { name: 'Send inquiry' }).click();
  await page.getByText('Inquiry sent').first().waitFor();
  await snap(page, 'english-inquiry-sent');

  // The shop's owner reads it in Indonesian, marked as written from the English page.
  const shop = await (await page.request.get(`/api/v1/storefronts/${product.shop_slug}`)).json();
  // Each demo shop's owner signs in with the shop's WhatsApp number.
  await signIn(page, String(shop.whatsapp), undefined, `/jual/${shop.id}/permintaan`);
  const card = page.locator('.inquiry-card', { hasText: buyer });
  await card.waitFor();
  const seen = (await card.innerText()).replace(/\s+/g, ' ');
  assert.ok(seen.includes('Dikirim dari halaman berbahasa Inggris'), `the mark: ${seen}`);
  assert.ok(seen.includes('Ekspor') && seen.includes('Kuala Lumpur (Malaysia)'), `Indonesian labels: ${seen}`);
  // The reply the seller sends the buyer abroad is written in English.
  const reply = await card.getByRole('link', { name: 'Balas lewat WhatsApp' }).getAttribute('href');
  assert.match(decodeURIComponent(reply), /^https:\/\/wa\.me\/60123456789\?text=Hello/);
  await snap(page, 'english-inquiry-seller');
});
