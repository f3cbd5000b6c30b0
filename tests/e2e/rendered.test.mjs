// Browser tests of the server-rendered public pages: a shared product link reads whole with JavaScript
// off (name, price, shop, the WhatsApp question to the seller), and with JavaScript on the app hydrates
// the same page without a console message, keeps its text, and answers the buyer's taps; the catalog
// searches and pages, the directory filters, the village map lists its villages and kecamatan, and the
// consultation desk shows its answered questions, all with JavaScript off.
import assert from 'node:assert/strict';
import { BASE_URL, PHONE, browserTest, snap } from './helpers.mjs';

/** The demo product a shared link opens, found through the API. */
async function sharedProduct() {
  const catalog = await (await fetch(`${BASE_URL}/api/v1/catalog?q=sambal`)).json();
  const p = catalog.items[0];
  return { path: `/produk/${p.id}-${p.slug}`, name: p.name, shop: p.shop_name };
}

/** The visible text of the page's main part, spaces folded. */
async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
}

browserTest('a shared product link reads whole without JavaScript', {
  file: 'rendered-no-js',
  context: { ...PHONE, javaScriptEnabled: false },
}, async (page) => {
  const product = await sharedProduct();
  await page.goto(product.path);
  await page.getByRole('heading', { level: 1, name: product.name }).waitFor();
  const text = await mainText(page);
  assert.match(text, /Rp\s?\d/, 'the price shows');
  assert.ok(text.includes(product.shop), `the shop shows: ${text}`);
  const ask = page.getByRole('link', { name: 'Tanya penjual' });
  assert.match(await ask.getAttribute('href'), /^https:\/\/wa\.me\/62\d+\?text=/, 'asking the seller is a WhatsApp link');
  await page.getByRole('link', { name: /Semua produk desa/ }).click();
  await page.waitForURL((url) => url.pathname === '/produk');
  await snap(page, 'rendered-product-no-js');
});

browserTest('the app hydrates a rendered product page without a console message', {
  file: 'rendered-hydration',
}, async (page) => {
  const product = await sharedProduct();
  const messages = [];
  page.on('console', (msg) => {
    if (['error', 'warning'].includes(msg.type())) messages.push(`${msg.type()}: ${msg.text()}`);
  });
  const html = await (await fetch(`${BASE_URL}${product.path}`)).text();
  await page.goto(product.path);
  await page.waitForLoadState('networkidle');
  // The text the server sent is the text the hydrated app shows.
  const served = await page.evaluate(
    (source) => new DOMParser().parseFromString(source, 'text/html').querySelector('main')?.textContent ?? '',
    html,
  );
  const fold = (s) => s.replace(/\s+/g, '');
  const shown = await page.locator('main').evaluate((m) => m.textContent);
  assert.equal(fold(shown), fold(served), 'same text before and after hydration');
  // Hydrated: the quantity stepper answers a tap.
  const quantity = page.locator('.stepper__input').first();
  const before = Number(await quantity.inputValue());
  await page.getByRole('button', { name: 'Tambah', exact: true }).first().click();
  await page.waitForFunction((n) => Number(document.querySelector('.stepper__input')?.value) === n, before + 1);
  assert.deepEqual(messages, [], 'no console errors or warnings');
  await snap(page, 'rendered-product-hydrated');
});

browserTest('a shopper searches, filters, sorts and pages the catalog without JavaScript', {
  file: 'rendered-catalog-no-js',
  context: { ...PHONE, javaScriptEnabled: false },
}, async (page) => {
  await page.goto('/produk');
  const search = page.getByRole('searchbox', { name: 'Cari produk desa' });
  await search.fill('keripik');
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === 'keripik');
  await page.locator('.result-count', { hasText: /produk untuk “keripik”/ }).waitFor();
  // Filters are a plain form that keeps the words.
  await page.locator('.catalog-filters__toggle').click();
  await page.getByLabel('Hanya yang tersedia').check();
  await page.getByRole('button', { name: 'Terapkan filter' }).click();
  await page.waitForURL((url) => url.searchParams.get('tersedia') === 'true' && url.searchParams.get('q') === 'keripik');
  await page.locator('.filter-chips', { hasText: 'Hanya yang tersedia' }).waitFor();
  // So is the order, which keeps the words and the filter.
  await page.getByLabel('Urutkan').selectOption('termurah');
  await page.getByRole('button', { name: 'Terapkan', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('urut') === 'termurah' && url.searchParams.get('tersedia') === 'true');
  const prices = (await page.locator('.product-card .price strong').allInnerTexts())
    .map((t) => Number(t.replace(/\D/g, '')))
    .filter((n) => n > 0);
  assert.ok(prices.length > 1, `prices shown: ${prices}`);
  assert.deepEqual(prices, [...prices].sort((a, b) => a - b), 'cheapest first');
  // The next page is a link to its own address.
  await page.goto('/produk?q=keripik&per=2');
  const first = await page.locator('.product-card .card__title').allInnerTexts();
  await page.getByRole('link', { name: 'Muat lebih banyak' }).click();
  await page.waitForURL((url) => url.searchParams.has('setelah'));
  const second = await page.locator('.product-card .card__title').allInnerTexts();
  assert.ok(second.length > 0 && second.every((name) => !first.includes(name)), `${first} then ${second}`);
  await snap(page, 'rendered-catalog-no-js');
});

browserTest('the village map reads without JavaScript: its list and kecamatan table', {
  file: 'rendered-map-no-js',
  context: { ...PHONE, javaScriptEnabled: false },
}, async (page) => {
  const map = await (await fetch(`${BASE_URL}/api/v1/map`)).json();
  await page.goto('/peta');
  await page.getByRole('heading', { level: 1, name: 'Peta potensi desa' }).waitFor();
  assert.equal(await page.locator('.map-list__item').count(), map.villages.length, 'every village is listed');
  const names = await page.locator('.map-list__name').allInnerTexts();
  assert.deepEqual([...names].sort(), map.villages.map((v) => v.name).sort());
  const placed = map.villages.filter((v) => v.lat !== null && v.lon !== null).length;
  assert.equal(await page.locator('.map__marker').count(), placed, 'the markers are drawn on their grid');
  assert.equal(await page.locator('image.map__tile').count(), 0, 'the tiles wait for the app');
  // The kecamatan table: a row each, and the total of the products.
  assert.equal(await page.locator('.map-summary tbody tr').count(), map.kecamatan.length);
  const products = map.villages.reduce((n, v) => n + v.products, 0);
  assert.equal((await page.locator('.map-summary tfoot td').nth(2).innerText()).trim(), String(products));
  await snap(page, 'rendered-map-no-js');
  // A village's name leads to its page.
  const first = map.villages[0];
  await page.locator('.map-list__name', { hasText: first.name }).first().click();
  await page.waitForURL((url) => url.pathname === `/desa/${first.slug}`);
});

browserTest('the consultation desk reads without JavaScript: the FAQ and the way in', {
  file: 'rendered-desk-no-js',
  context: { ...PHONE, javaScriptEnabled: false },
}, async (page) => {
  const faq = await (await fetch(`${BASE_URL}/api/v1/consultations/faq`)).json();
  assert.ok(faq.length > 0, 'the demo desk has published answers');
  await page.goto('/konsultasi');
  await page.getByRole('heading', { level: 1, name: 'Konsultasi usaha desa' }).waitFor();
  assert.equal(await page.locator('details.faq').count(), faq.length, 'every published answer is there');
  // A question opens to its answer (a plain <details>).
  const entry = page.locator('details.faq', { hasText: 'PIRT' }).first();
  await entry.locator('summary').click();
  const answer = faq.find((e) => e.question.includes('PIRT')).answer;
  const fold = (s) => s.replace(/\s+/g, ' ').trim();
  assert.equal(fold(await entry.locator('.faq__answer').innerText()), fold(answer));
  assert.equal(await page.getByRole('link', { name: 'Konsultasi saya' }).count(), 0, 'nothing of one person');
  await snap(page, 'rendered-desk-no-js');
  // Asking is a link to the workspace's form.
  assert.equal(await page.getByRole('link', { name: 'Ajukan konsultasi' }).getAttribute('href'), '/konsultasi/baru');
});

browserTest('the directory filters without JavaScript', {
  file: 'rendered-directory-no-js',
  context: { ...PHONE, javaScriptEnabled: false },
}, async (page) => {
  const darmaji = await (await fetch(`${BASE_URL}/api/v1/villages/darmaji`)).json();
  const kabupaten = darmaji.region.code.split('.').slice(0, 2).join('.');
  await page.goto('/desa');
  await page.getByLabel('Kabupaten/kota').selectOption(kabupaten);
  await page.getByRole('button', { name: 'Terapkan filter' }).click();
  // The form's empty fields are not part of the address the page lands on.
  await page.waitForURL((url) => url.search === `?kabupaten=${kabupaten}`);
  const hrefs = await page.locator('a.village-card').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('/desa/darmaji'), `Darmaji is among ${hrefs.join(', ')}`);
  // The kecamatan of the chosen kabupaten are now to choose.
  const kecamatan = darmaji.region.code.split('.').slice(0, 3).join('.');
  await page.getByLabel('Kecamatan').selectOption(kecamatan);
  await page.getByRole('button', { name: 'Terapkan filter' }).click();
  await page.waitForURL((url) => url.searchParams.get('kecamatan') === kecamatan);
  assert.ok(await page.locator('a.village-card[href="/desa/darmaji"]').count() === 1, 'Darmaji is in its kecamatan');
  await snap(page, 'rendered-directory-no-js');
});
