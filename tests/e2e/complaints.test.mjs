// Browser test of complaints, from opening to refund: a signed-in shopper's pickup order from a demo shop
// is accepted and made ready by the seller (through the API); on the order's page the buyer is told to
// describe the problem before sending, then opens a complaint ("Barang rusak") with a photo; the seller
// sees it on their order page, agrees to a refund and records the transfer with its receipt photo; the
// buyer's order page then shows the refund, its receipt and the completed order, at 360 px.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { browserTest, receiptPhoto, signIn, snap, BASE_URL, DEMO, PHONE } from './helpers.mjs';

/** The demo shop the order goes to and its owner (the shop's WhatsApp number). */
const SHOP = 'lapak-bumdes-senggigi-bahari';
const SHOP_OWNER = '0812 3456 0002';
const CSRF = { 'X-Lapak-Csrf': '1' };

/** Places a pickup, cash order of the demo shop's product with the most stock, as whoever `request` is. */
async function placeOrder(request) {
  const found = await request.get(`/api/v1/catalog?toko=${SHOP}`);
  assert.equal(found.status(), 200);
  const product = (await found.json()).items.sort((a, b) => b.stock - a.stock)[0];
  assert.ok(product?.stock >= 1, 'the demo shop still has stock');
  const view = await request.post('/api/v1/cart/view', { headers: CSRF, data: [{ product_id: product.id, quantity: 1 }] });
  assert.equal(view.status(), 200);
  const shop = (await view.json()).shops[0];
  const placed = await request.post('/api/v1/orders', {
    headers: { ...CSRF, 'Idempotency-Key': randomUUID() },
    data: {
      buyer_name: 'Rina Pembeli',
      buyer_whatsapp: DEMO.shopper,
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
  return { code: (await placed.json()).orders[0].code, shopId: shop.shop_id, price: product.price };
}

/** Posts a move of the order (`actions` under `base`) and checks it was taken. */
async function move(request, base, action) {
  const moved = await request.post(`${base}/actions`, { headers: CSRF, data: { action } });
  assert.equal(moved.status(), 200, `${action}: ${await moved.text()}`);
}

/** "Rp 15.000", as pages write money. */
const rupiah = (n) => `Rp ${n.toLocaleString('id-ID').replace(/,/g, '.')}`;

browserTest('a complaint runs from opening to a recorded refund', { file: 'complaints-flow' }, async (page) => {
  await signIn(page, DEMO.shopper);
  const { code, shopId, price } = await placeOrder(page.request);
  // The seller's phone is set to a zone 19 hours behind the shop's (WITA): its own date is mostly another.
  const seller = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL, timezoneId: 'Pacific/Pago_Pago' });
  const sellerPage = await seller.newPage();
  await signIn(sellerPage, SHOP_OWNER);
  await move(seller.request, `/api/v1/shops/${shopId}/orders/${code}`, 'terima');
  await move(seller.request, `/api/v1/shops/${shopId}/orders/${code}`, 'siap_diambil');

  // The buyer opens a complaint with a photo; a description is asked for first.
  await page.goto(`/pesanan/${code}`);
  const part = page.locator('.order-complaint');
  await part.getByRole('button', { name: 'Ajukan komplain' }).click();
  await part.getByLabel('Masalahnya').selectOption('rusak');
  await part.getByRole('button', { name: 'Kirim komplain' }).click();
  await part.locator('.form-field.has-error', { hasText: 'Ceritakan masalahnya' }).waitFor();
  const words = `Kemasannya sobek dan isinya tumpah. Uji ${Date.now()}`;
  await part.getByLabel('Ceritakan yang terjadi').fill(words);
  await part.getByLabel('Foto (boleh dikosongkan)').setInputFiles({
    name: 'rusak.png', mimeType: 'image/png', buffer: await receiptPhoto(page),
  });
  await part.locator('.photo-picker__item img').waitFor();
  await snap(page, 'complaints-open');
  await part.getByRole('button', { name: 'Kirim komplain' }).click();
  await part.locator('.complaint__text', { hasText: words }).waitFor();
  await part.locator('.badge', { hasText: 'Menunggu jawaban penjual' }).waitFor();
  assert.equal(await part.locator('.complaint__photo').count(), 1, 'the photo is on the complaint');
  await page.reload();
  await page.locator('.order-status--komplain', { hasText: 'Dikomplain' }).waitFor();

  // The seller agrees to a refund and records the transfer with its receipt.
  await sellerPage.goto(`/jual/${shopId}/pesanan/${code}`);
  const desk = sellerPage.locator('.seller-complaint');
  await desk.locator('.complaint__text', { hasText: words }).waitFor();
  await desk.getByLabel('Langkah', { exact: true }).selectOption('setuju');
  await desk.getByLabel('Penyelesaian', { exact: true }).selectOption('dana_kembali');
  await desk.getByRole('button', { name: 'Setujui dan pilih penyelesaian' }).click();
  await desk.locator('.badge', { hasText: 'Menunggu pengembalian dana' }).waitFor();
  const refund = desk.locator('.refund-form');
  await refund.locator('.refund-form__amount', { hasText: rupiah(price) }).waitFor();
  // The transfer's date starts on today where the shop is (the server's default zone, WITA), which the
  // server checks it against, not on the phone's date.
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  assert.equal(await refund.getByLabel('Tanggal transfer', { exact: true }).inputValue(), today);
  await refund.getByLabel('Foto bukti transfer', { exact: true }).setInputFiles({
    name: 'bukti.png', mimeType: 'image/png', buffer: await receiptPhoto(sellerPage),
  });
  await refund.locator('.photo-picker__item img').waitFor();
  await snap(sellerPage, 'complaints-refund');
  await refund.getByRole('button', { name: 'Simpan pengembalian dana' }).click();
  await desk.locator('.badge', { hasText: 'Dana sudah dikembalikan' }).waitFor();
  await seller.close();

  // The buyer sees the refund, its receipt, and the order settled.
  await page.reload();
  const done = page.locator('.order-complaint');
  await done.locator('.complaint__refund', { hasText: `Dana dikembalikan ${rupiah(price)}` }).waitFor();
  assert.equal(await done.locator('.complaint__refund img').count(), 1, 'the transfer receipt is shown');
  await done.locator('.order-timeline__move', { hasText: 'Dana sudah dikembalikan' }).waitFor();
  await page.locator('.order-status', { hasText: 'Selesai' }).first().waitFor();
  assert.equal(await page.locator('.order-status--komplain').count(), 0, 'no longer "Dikomplain"');
  await snap(page, 'complaints-refunded');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page fits 360 px (${width})`);
});
