// Browser tests of the marketplace on a 360 px phone: a misspelled search from the home page, filters by
// kecamatan and price kept in the address (and undone by the back button), a product with its price,
// chain and WhatsApp link (and link-preview tags in its HTML), the shop's products, more results by
// cursor added below, a refused search explained, an unknown product, and no sideways scrolling.
import assert from 'node:assert/strict';
import { BASE_URL, browserTest, failedLoad, PHONE, pageRunning, snap, waitForHeading } from './helpers.mjs';

const ORIGINAL = 'Keripik Tempe Original 250 g';
const BALADO = 'Keripik Tempe Balado 250 g';

/** The product cards on the page, once the first shows. */
async function productCards(page) {
  const cards = page.locator('.product-card');
  await cards.first().waitFor({ state: 'visible' });
  return cards;
}

/** The names on the product cards. */
async function cardNames(page) {
  await productCards(page);
  return page.locator('.product-card .card__title').allInnerTexts();
}

/** Fails when the page scrolls sideways on a 360 px screen. */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${page.url()} is ${width} px wide: it scrolls sideways at 360 px`);
}

browserTest('a shopper finds, filters and opens a product from the home page', { file: 'catalog-flow' }, async (page) => {
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Cari produk desa' });
  await search.fill('kripik');
  await search.press('Enter');
  await page.waitForURL((url) => url.pathname === '/produk' && url.searchParams.get('q') === 'kripik');
  await page.locator('.product-card', { hasText: ORIGINAL }).waitFor();
  await page.locator('.result-count', { hasText: /produk untuk “kripik”/ }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Cari produk desa' }).inputValue(), 'kripik');
  await fitsThePhone(page);
  await snap(page, 'catalog-search');

  // The kecamatan of the keripik, from the facet list.
  const facets = await (await page.request.get('/api/v1/catalog/facets?q=kripik')).json();
  const sungaiDareh = await (await page.request.get('/api/v1/villages/sungai-dareh')).json();
  const kecamatan = sungaiDareh.region.code.split('.').slice(0, 3).join('.');
  assert.ok(facets.kecamatan.some((k) => k.code === kecamatan), `${kecamatan} is among the facets`);
  assert.ok(facets.kecamatan.length > 1, 'the search finds keripik in more than one kecamatan');
  const before = await cardNames(page);

  await pageRunning(page);
  await page.getByText('Saring hasil').click();
  const select = page.getByLabel('Kecamatan', { exact: true });
  await select.locator(`option[value="${kecamatan}"]`).waitFor({ state: 'attached' });
  await select.selectOption(kecamatan);
  await page.waitForURL((url) => url.searchParams.get('kecamatan') === kecamatan && url.searchParams.get('q') === 'kripik');
  await page.locator('.filter-chips', { hasText: 'Kecamatan Pulau Punjung' }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('.product-card').length < n, before.length);
  const inKecamatan = await cardNames(page);
  assert.ok(inKecamatan.includes(ORIGINAL) && inKecamatan.includes(BALADO), inKecamatan.join(', '));

  // The filters came back folded, with the page they chose: open them again for the price.
  await page.locator('.catalog-filters__toggle', { hasText: '1 aktif' }).click();
  await page.getByLabel('Harga tertinggi (Rp)').fill('19.000');
  await page.getByLabel('Harga tertinggi (Rp)').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('harga_max') === '19000');
  assert.equal(new URL(page.url()).searchParams.get('kecamatan'), kecamatan, 'the kecamatan stays');
  await page.locator('.product-card', { hasText: BALADO }).waitFor({ state: 'detached' });
  assert.deepEqual(await cardNames(page), [ORIGINAL]);
  await page.locator('.filter-chips', { hasText: 'Sampai Rp 19.000' }).waitFor();
  await page.locator('.result-count', { hasText: /^1 produk/ }).waitFor();
  await fitsThePhone(page);
  await snap(page, 'catalog-filtered');

  // Back: the kecamatan only, with both keripik again; back once more: the plain search.
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('harga_max') && url.searchParams.has('kecamatan'));
  await page.locator('.product-card', { hasText: BALADO }).waitFor();
  assert.equal(await page.getByLabel('Harga tertinggi (Rp)').inputValue(), '');
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('kecamatan') && url.searchParams.get('q') === 'kripik');
  await page.waitForFunction((n) => document.querySelectorAll('.product-card').length === n, before.length);
  assert.deepEqual(await cardNames(page), before);

  // The product page, from its card.
  await page.locator('.product-card', { hasText: ORIGINAL }).click();
  await page.waitForURL(/\/produk\/\d+-keripik-tempe-original-250-g$/);
  await waitForHeading(page, ORIGINAL);
  await page.locator('.product__price', { hasText: 'Rp 18.000' }).waitFor();
  const chain = page.locator('section', { hasText: 'Dari desa ke tangan Anda' });
  await chain.getByRole('link', { name: 'Lapak Sentra IKM Sungai Dareh' }).waitFor();
  await chain.getByRole('link', { name: 'Desa Sungai Dareh' }).waitFor();
  const ask = await page.getByRole('link', { name: 'Tanya penjual' }).getAttribute('href');
  assert.match(ask, /^https:\/\/wa\.me\/6281234560011\?text=/);
  const message = decodeURIComponent(new URL(ask).searchParams.get('text'));
  assert.ok(message.includes(ORIGINAL) && message.includes('Rp 18.000'), message);
  assert.ok(message.includes(new URL(page.url()).pathname), `${message} names the product's address`);
  const share = await page.getByRole('link', { name: 'Bagikan' }).getAttribute('href');
  assert.match(share, /^https:\/\/wa\.me\/\?text=Keripik%20Tempe%20Original/);
  const main = page.locator('.gallery__img');
  assert.ok(Number(await main.getAttribute('width')) > 0, 'the photo carries its size');
  await fitsThePhone(page);
  await snap(page, 'catalog-product');

  // What WhatsApp and search engines read, without JavaScript.
  const path = new URL(page.url()).pathname;
  const html = await (await fetch(`${BASE_URL}${path}`)).text();
  assert.match(html, new RegExp(`<meta property="og:title" content="${ORIGINAL} — Rp 18\\.000 \\| Lapak Desa">`));
  assert.match(html, /<meta property="og:image" content="http[^"]+\/media\/images\/[0-9a-f]{32}\/preview\.jpg">/);
  assert.match(html, /<meta property="product:price:amount" content="18000">/);
  const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)[1]);
  assert.equal(ld['@type'], 'Product');
  assert.equal(ld.name, ORIGINAL);
  assert.equal(ld.offers.price, '18000');

  // The shop and its products.
  await chain.getByRole('link', { name: 'Lapak Sentra IKM Sungai Dareh' }).click();
  await page.waitForURL('**/toko/lapak-sentra-ikm-sungai-dareh');
  await waitForHeading(page, 'Lapak Sentra IKM Sungai Dareh');
  const shopProducts = await cardNames(page);
  assert.ok(shopProducts.includes(ORIGINAL) && shopProducts.includes('Minyak Nilam 10 ml'), shopProducts.join(', '));
  await page.locator('#pengiriman ~ .delivery', { hasText: 'Ongkir dikonfirmasi penjual' }).waitFor();
  const wa = await page.getByRole('link', { name: /^WhatsApp 0812-3456-0011$/ }).getAttribute('href');
  assert.match(wa, /^https:\/\/wa\.me\/6281234560011\?text=/);
  await fitsThePhone(page);
  await snap(page, 'catalog-shop');
});

browserTest(
  'a product from the flagship maker, made by a member producer, of a shop on holiday',
  // Without the service worker, which would fetch the answer itself, out of the page's routes' reach.
  { file: 'catalog-product-chain', context: { ...PHONE, serviceWorkers: 'block' } },
  async (page) => {
    // The demo shop is open and its product has one photo: the answer is changed to show the rest. The page
    // is reached from the cart, inside the app, so the product comes from the API (a page loaded afresh
    // arrives rendered by the server from the real data).
    await page.route('**/api/v1/products/1', async (route) => {
      const response = await route.fetch();
      const product = await response.json();
      product.chain.on_holiday = true;
      product.chain.is_flagship = true;
      product.photos = [product.photos[0], { ...product.photos[0], id: 990001 }];
      await route.fulfill({ response, json: product });
    });
    await page.goto('/produk?q=sambal+terasi');
    await page.locator('.product-card a', { hasText: 'Sambal Terasi Lombok 150 g' }).first().click();
    await waitForHeading(page, 'Sambal Terasi Lombok 150 g');
    await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
    await page.getByRole('status').filter({ hasText: 'Ditambahkan ke keranjang' }).waitFor();
    await page.goto('/keranjang');
    await page.locator('.cart-line__name', { hasText: 'Sambal Terasi Lombok 150 g' }).click();
    await waitForHeading(page, 'Sambal Terasi Lombok 150 g');
    const chain = page.locator('section', { hasText: 'Dari desa ke tangan Anda' });
    await chain.locator('.chain__step', { hasText: 'Dibuat oleh' }).filter({ hasText: 'Inaq Saniah' }).waitFor();
    await chain.getByText('Dusun Darmaji Timur, Desa Darmaji').waitFor();
    assert.equal(await chain.getByRole('link', { name: 'BUMDes Darma Tani', exact: true }).getAttribute('href'), '/lembaga/bumdes-darma-tani');
    assert.equal(await chain.getByRole('link', { name: 'Desa Darmaji', exact: true }).getAttribute('href'), '/desa/darmaji');
    await page.locator('.product__info .badge--flagship', { hasText: 'Produk unggulan desa' }).waitFor();
    await page.locator('.notice', { hasText: 'Toko ini sedang libur' }).waitFor();
    await page.locator('.badge--demo').first().waitFor();

    const thumbs = page.getByRole('button', { name: /Tampilkan foto/ });
    assert.equal(await thumbs.count(), 2);
    await thumbs.nth(1).click();
    assert.equal(await thumbs.nth(1).getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('.gallery__img').getAttribute('alt'), /foto 2 dari 2$/);
    await fitsThePhone(page);
    await snap(page, 'catalog-product-chain');
  },
);

browserTest('more products load by cursor and the address stays shareable', { file: 'catalog-more' }, async (page) => {
  await page.goto('/produk');
  const cards = await productCards(page);
  await page.locator('.result-count', { hasText: /^\d+ produk$/ }).waitFor();
  const total = Number((await page.locator('.result-count').innerText()).split(' ')[0].replace('.', ''));
  assert.equal(await cards.count(), 24, 'the first page holds 24 products');
  assert.ok(total > 24, `${total} products in all`);
  await pageRunning(page);
  await page.getByRole('link', { name: 'Muat lebih banyak' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.product-card').length > 24);
  assert.equal(new URL(page.url()).search, '', 'the cursor stays out of the address');
  const hrefs = await page.locator('.product-card a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.equal(new Set(hrefs).size, hrefs.length, 'no product shows twice');
  await fitsThePhone(page);
  await snap(page, 'catalog-more');
});

browserTest(
  'a search the server refuses says why',
  { file: 'catalog-refused', allowErrors: [failedLoad(400)] },
  async (page) => {
    await page.goto('/produk?harga_min=50000&harga_max=10000');
    const alert = page.locator('.error-state', { hasText: 'Harga terendah lebih besar dari harga tertinggi.' });
    await alert.waitFor();
    await snap(page, 'catalog-refused-message');
    await alert.getByRole('link', { name: 'Mulai pencarian baru' }).click();
    await page.waitForURL((url) => url.pathname === '/produk' && url.search === '');
    await productCards(page);
  },
);

browserTest(
  'a filter that finds nothing suggests removing filters',
  { file: 'catalog-empty' },
  async (page) => {
    await page.goto('/produk?q=keripik&harga_max=100');
    await page.locator('.empty-state', { hasText: 'Tidak ada produk yang cocok dengan filter ini.' }).waitFor();
    await fitsThePhone(page);
    await snap(page, 'catalog-empty-message');
    await page.locator('.empty-state').getByRole('link', { name: 'Hapus semua filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'keripik' && !url.searchParams.has('harga_max'));
    await page.locator('.product-card', { hasText: ORIGINAL }).waitFor();
  },
);

browserTest(
  'an unknown product is a 404 with the not-found page',
  { file: 'catalog-unknown', allowErrors: [failedLoad(404)] },
  async (page) => {
    const response = await page.goto('/produk/999999-tidak-ada');
    assert.equal(response.status(), 404);
    await waitForHeading(page, 'Halaman tidak ditemukan');
    await page.waitForLoadState('networkidle');
    assert.equal(new URL(page.url()).pathname, '/produk/999999-tidak-ada', 'the page stays put');
    await snap(page, 'catalog-unknown');
  },
);
