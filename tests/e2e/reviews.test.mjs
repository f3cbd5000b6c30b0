// Browser tests of reviews: a signed-in shopper's pickup order from a demo shop is accepted and made ready
// by the seller and received by the buyer (through the API); on the order's page the buyer is told to
// choose stars before sending, rates the line 4 stars with words and sees "Ulasan Anda: ★★★★☆"; the
// product page shows the rating near the price and the review (verified buyer) in "Ulasan pembeli"; the
// seller answers it once from /jual/{toko}/ulasan and the answer shows under the review on the product page.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserTest, signIn, snap, BASE_URL, DEMO, PHONE } from './helpers.mjs';

/** The demo shop the order goes to and its owner (the shop's WhatsApp number). */
const SHOP = 'lapak-bumdes-senggigi-bahari';
const SHOP_OWNER = '0812 3456 0002';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CSRF = { 'X-Lapak-Csrf': '1' };

/** The shop's product with the most stock, and the shop as the cart prices it. */
async function demoProduct(request) {
  const found = await request.get(`/api/v1/catalog?toko=${SHOP}`);
  assert.equal(found.status(), 200);
  const product = (await found.json()).items.sort((a, b) => b.stock - a.stock)[0];
  assert.ok(product?.stock >= 1, 'the demo shop still has stock');
  const view = await request.post('/api/v1/cart/view', { headers: CSRF, data: [{ product_id: product.id, quantity: 1 }] });
  assert.equal(view.status(), 200);
  return { product, shop: (await view.json()).shops[0] };
}

/** Places a pickup, cash order of one of the demo product as whoever `request` is. */
async function placeOrder(request, buyer) {
  const { product, shop } = await demoProduct(request);
  const placed = await request.post('/api/v1/orders', {
    headers: { ...CSRF, 'Idempotency-Key': randomUUID() },
    data: {
      buyer_name: buyer.name,
      buyer_whatsapp: buyer.phone,
      address: null,
      shops: [{
        shop_id: shop.shop_id,
        delivery: 'ambil',
        payment: 'tunai',
        note: '',
        lines: [{ product_id: product.id, quantity: 1, price: product.price }],
      }],
    },
  });
  assert.equal(placed.status(), 201, await placed.text());
  return { code: (await placed.json()).orders[0].code, shopId: shop.shop_id, productId: product.id };
}

/** Posts a move of the order (`actions` under `base`) and checks it was taken. */
async function move(request, base, action) {
  const moved = await request.post(`${base}/actions`, { headers: CSRF, data: { action } });
  assert.equal(moved.status(), 200, `${action}: ${await moved.text()}`);
}

browserTest(
  'a buyer rates a completed order and the seller answers on the product page',
  { file: 'reviews-flow' },
  async (page) => {
    await signIn(page, DEMO.shopper);
    const { code, shopId, productId } = await placeOrder(page.request, { name: 'Rina Pembeli', phone: DEMO.shopper });

    // The seller accepts it and makes it ready (in a browser of their own); the buyer receives it.
    const seller = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
    const sellerPage = await seller.newPage();
    await signIn(sellerPage, SHOP_OWNER);
    await move(seller.request, `/api/v1/shops/${shopId}/orders/${code}`, 'terima');
    await move(seller.request, `/api/v1/shops/${shopId}/orders/${code}`, 'siap_diambil');
    await move(page.request, `/api/v1/orders/${code}`, 'selesai');

    // The order's page offers a review of its line; stars are asked before anything is sent.
    await page.goto(`/pesanan/${code}`);
    const reviews = page.locator('.order-reviews');
    await reviews.getByRole('button', { name: 'Beri ulasan' }).click();
    await reviews.getByRole('button', { name: 'Kirim ulasan' }).click();
    await reviews.locator('.star-picker.has-error', { hasText: 'Pilih 1 sampai 5 bintang.' }).waitFor();
    const stars = reviews.getByRole('radiogroup');
    await stars.getByRole('radio', { name: '4 bintang' }).click();
    assert.equal(await stars.getByRole('radio', { name: '4 bintang' }).getAttribute('aria-checked'), 'true');
    const words = `Kemasannya rapi, rasanya enak. Uji ${Date.now()}`;
    await reviews.getByLabel('Ulasan (boleh dikosongkan)').fill(words);
    await snap(page, 'reviews-order-form');
    await reviews.getByRole('button', { name: 'Kirim ulasan' }).click();
    await reviews.locator('.order-reviews__given', { hasText: 'Ulasan Anda: ★★★★☆' }).waitFor();
    await page.reload();
    await reviews.locator('.order-reviews__given', { hasText: 'Ulasan Anda: ★★★★☆' }).waitFor();
    assert.equal(await reviews.getByRole('button', { name: 'Beri ulasan' }).count(), 0, 'once per line');

    // The product page shows the rating near the price and the review, from a verified buyer.
    await page.goto(`/produk/${productId}`);
    assert.match(await page.locator('.product__rating').innerText(), /★ \d,\d \(\d+\)/);
    const section = page.locator('.product-reviews');
    assert.match(await section.locator('.rating-summary__count').innerText(), /^dari \d+ ulasan$/);
    const mine = section.locator('.review', { hasText: words });
    await mine.waitFor();
    assert.equal(await mine.locator('.stars').getAttribute('aria-label'), '4 dari 5 bintang');
    assert.match(await mine.innerText(), /Pembeli terverifikasi/);
    assert.ok((await mine.locator('.review__buyer').innerText()).trim().length > 0);

    // The catalog shows the rating on the product's card, keeps it under "Bintang 4 ke atas" and sorts
    // the rated product first under "Rating tertinggi".
    await page.goto(`/produk?toko=${SHOP}`);
    await page.locator('.catalog-filters__toggle').click();
    await page.getByLabel('Bintang 4 ke atas', { exact: true }).check();
    await page.waitForURL((url) => url.searchParams.get('bintang') === '4');
    await page.locator('.filter-chips', { hasText: 'Bintang 4 ke atas' }).waitFor();
    const card = page.locator('.product-card', { has: page.locator(`a[href^="/produk/${productId}-"]`) });
    assert.match((await card.locator('.card__rating').innerText()).replace(/\s+/g, ' ').trim(), /^★ 4,0 \(1\)/);
    assert.equal(await page.locator('.product-card').count(), 1, 'only the rated product has four stars');
    await page.goto(`/produk?toko=${SHOP}&urut=rating`);
    const first = page.locator('.product-card').first();
    assert.equal(await first.locator(`a[href^="/produk/${productId}-"]`).count(), 1, 'the rated product first');
    await snap(page, 'reviews-catalog');

    // The seller answers it from the shop's reviews, once.
    await sellerPage.goto(`/jual/${shopId}/ulasan`);
    const theirs = sellerPage.locator('.review', { hasText: words });
    await theirs.getByRole('button', { name: 'Balas' }).click();
    await theirs.getByRole('button', { name: 'Kirim balasan' }).click();
    await theirs.locator('.form-field.has-error').waitFor();
    await theirs.getByLabel('Balasan Anda').fill('Terima kasih sudah berbelanja, Bu!');
    await theirs.getByRole('button', { name: 'Kirim balasan' }).click();
    await theirs.locator('.review__reply', { hasText: 'Terima kasih sudah berbelanja, Bu!' }).waitFor();
    assert.equal(await theirs.getByRole('button', { name: 'Balas' }).count(), 0, 'one reply');
    await snap(sellerPage, 'reviews-seller');

    // The shop's own report counts the completed order and shows the rating, with its files.
    await sellerPage.goto(`/jual/${shopId}/laporan`);
    const figures = sellerPage.locator('.dash-figures');
    await figures.locator('.dash-figure', { hasText: 'Pesanan selesai' }).waitFor();
    assert.ok(Number((await figures.locator('.dash-figure', { hasText: /^Pesanan\s/ }).first()
      .locator('.dash-figure__value').innerText()).replace(/\D/g, '')) >= 1, 'the order counts');
    await sellerPage.locator('.dash-card', { hasText: 'Rating toko' }).locator('.rating-summary').waitFor();
    await sellerPage.locator('.dash-card--produk table').waitFor();
    const csv = sellerPage.getByRole('link', { name: 'Unduh CSV: Produk terlaris' });
    assert.match(await csv.getAttribute('href'), new RegExp(`^/api/v1/shops/${shopId}/figures/produk/unduh\\?`));
    const reportWidth = await sellerPage.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(reportWidth <= 360, `the report fits 360 px (${reportWidth})`);
    await snap(sellerPage, 'seller-figures');
    await seller.close();

    // Back on the product page, the reply shows under the review.
    await page.goto(`/produk/${productId}`);
    await mine.locator('.review__reply', { hasText: 'Terima kasih sudah berbelanja, Bu!' }).waitFor();
    await mine.locator('.review__reply-by', { hasText: 'Balasan penjual' }).waitFor();

    // The review section at 360 px.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await section.screenshot({ path: `${SCREENSHOTS}reviews-product-section.png` });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `the page fits 360 px (${width})`);
  },
);
