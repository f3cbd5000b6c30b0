// Browser test of what each producer earned: the owner of a BUMDes shop adds a member producer with a
// 10% share for the shop and lists a product made by them (through the API); a guest orders two of it,
// the seller accepts and readies the order and the guest receives it; on /jual/{toko}/produsen the
// producer's row shows the credit, their page the balance; the seller records a cash payout and the
// balance drops; the statement links to WhatsApp and prints on A4 and on 58 mm receipt paper.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { browserTest, receiptPhoto, signIn, snap, BASE_URL, PHONE } from './helpers.mjs';

/** The demo BUMDes shop and its owner (the shop's WhatsApp number). */
const SHOP = 'lapak-bumdes-senggigi-bahari';
const SHOP_OWNER = '0812 3456 0002';
const GUEST_PHONE = `0857${String((Date.now() + 7) % 1e8).padStart(8, '0')}`;
const CSRF = { 'X-Lapak-Csrf': '1' };
const PRICE = 12_500;

/** A sum as the pages write it: `Rp 60.000`. */
const rupiah = (amount) => `Rp ${amount.toLocaleString('id-ID')}`;

/** A full-page screenshot from the top. */
async function snapTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

/** The page size of a PDF printed with the page's own `@page` size, in millimetres. */
async function pdfPageSize(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'the PDF names its page size');
  const mm = (pt) => Math.round((Number(pt) * 25.4) / 72);
  return { width: mm(box[1]), height: mm(box[2]), pages: (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length };
}

async function ok(response, status, what) {
  assert.equal(response.status(), status, `${what}: ${await response.text()}`);
  return response.status() === 204 ? null : response.json();
}

browserTest('a BUMDes seller sees what a producer earned, pays them and prints the statement', { file: 'producer-ledger' }, async (page) => {
  await signIn(page, SHOP_OWNER);
  const request = page.request;
  const shopId = (await ok(await request.get(`/api/v1/storefronts/${SHOP}`), 200, 'storefront')).id;
  const name = `Inaq Sahnun ${Date.now() % 1e6}`;
  const producer = await ok(
    await request.post(`/api/v1/shops/${shopId}/producers`, { headers: CSRF, data: { name, dusun: 'Batu Layar', makes: 'abon ikan' } }),
    201,
    'producer',
  );
  await ok(
    await request.put(`/api/v1/shops/${shopId}/producers/${producer.id}/terms`, {
      headers: CSRF,
      data: { fee: { kind: 'persen', value: 10 }, phone: '' },
    }),
    200,
    'terms',
  );
  const photo = await ok(
    await request.post('/api/v1/images', { headers: { ...CSRF, 'Content-Type': 'image/png' }, data: await receiptPhoto(page) }),
    201,
    'photo',
  );
  const product = await ok(
    await request.post(`/api/v1/shops/${shopId}/products`, {
      headers: CSRF,
      data: {
        version: 0, name: `Abon ${name}`, sector: 'olahan', description_md: 'Abon ikan tongkol buatan warga.',
        price: PRICE, unit: 'pcs', min_order: 1, stock: 30, weight_grams: 150, photo_ids: [photo.id],
        producer_id: producer.id, status: 'active',
      },
    }),
    201,
    'product',
  );

  // A guest orders two; the seller accepts and readies the order; the guest receives it.
  const guest = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
  const placed = await ok(
    await guest.request.post('/api/v1/orders', {
      headers: { ...CSRF, 'Idempotency-Key': randomUUID() },
      data: {
        buyer_name: 'Baiq Uji', buyer_whatsapp: GUEST_PHONE, address: null,
        shops: [{ shop_id: shopId, delivery: 'ambil', payment: 'tunai', note: '',
          lines: [{ product_id: product.id, quantity: 2, price: PRICE }] }],
      },
    }),
    201,
    'order',
  );
  const code = placed.orders[0].code;
  for (const action of ['terima', 'siap_diambil']) {
    await ok(await request.post(`/api/v1/shops/${shopId}/orders/${code}/actions`, { headers: CSRF, data: { action } }), 200, action);
  }
  await ok(
    await guest.request.post(`/api/v1/orders/${code}/actions`, {
      headers: { ...CSRF, 'X-Buyer-Phone': GUEST_PHONE },
      data: { action: 'selesai' },
    }),
    200,
    'selesai',
  );
  await guest.close();

  // The producers' tab: 2 × 12.500 sold, 10% to the shop, 22.500 owed.
  const earned = 2 * PRICE - Math.floor((2 * PRICE * 10) / 100);
  await page.goto(`/jual/${shopId}/produsen`);
  const row = page.locator('.producer-ledger tr', { hasText: name });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(`2 · ${rupiah(2 * PRICE)}`));
  assert.ok((await row.innerText()).includes(rupiah(earned)), await row.innerText());
  await snapTop(page, 'producer-ledger-list');

  // The producer's page: the balance, then a cash payout that lowers it.
  await row.getByRole('link', { name }).click();
  await page.waitForURL(`**/jual/${shopId}/produsen/${producer.id}`);
  await page.locator('h1', { hasText: name }).waitFor();
  const saldo = page.locator('[data-saldo]');
  assert.equal(await saldo.innerText(), rupiah(earned));
  const pay = page.locator('form', { has: page.getByRole('button', { name: 'Simpan pembayaran' }) });
  await pay.getByRole('button', { name: 'Simpan pembayaran' }).click();
  await pay.locator('.form-field.has-error', { hasText: 'lebih dari Rp 0' }).waitFor();
  await pay.getByLabel('Jumlah (Rp)').fill('20.000');
  await pay.getByLabel('Catatan').fill('Dibayar di kantor BUMDes');
  await pay.getByRole('button', { name: 'Simpan pembayaran' }).click();
  await page.locator('.form-note', { hasText: 'Pembayaran Rp 20.000 dicatat.' }).waitFor();
  await saldo.filter({ hasText: rupiah(earned - 20_000) }).waitFor();
  await page.locator('.producer-entries li', { hasText: 'Dibayar (Tunai) · Dibayar di kantor BUMDes' }).waitFor();
  await page.locator('.producer-entries li', { hasText: code }).waitFor();
  const wa = page.getByRole('link', { name: 'Kirim lewat WhatsApp' });
  const href = await wa.getAttribute('href');
  assert.match(href, /^https:\/\/wa\.me\/\?text=Rekap%20pendapatan/);
  assert.ok(decodeURIComponent(href).includes(`Saldo akhir: ${rupiah(earned - 20_000)}`), decodeURIComponent(href));
  await snapTop(page, 'producer-ledger-account');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page fits 360 px (${width})`);

  // The statement on A4: one page.
  await page.getByRole('link', { name: 'Cetak A4' }).click();
  await page.waitForURL(new RegExp(`/jual/${shopId}/produsen/${producer.id}/cetak\\?dari=`));
  const a4Slip = page.locator('.slip--a4', { hasText: 'REKAP PENDAPATAN PRODUSEN' });
  await a4Slip.waitFor();
  // Amounts print with a no-break space ("Rp 2.500" never splits across lines).
  const slipText = (await a4Slip.innerText()).replace(/\u00a0/g, ' ');
  assert.ok(slipText.includes(name), slipText);
  assert.ok(slipText.includes(rupiah(earned - 20_000)), slipText);
  await snapTop(page, 'producer-ledger-print-a4');
  const a4 = await pdfPageSize(page);
  assert.deepEqual([a4.width, a4.height, a4.pages], [210, 297, 1]);

  // And on 58 mm receipt paper: one page as long as the statement.
  await page.locator('.print-tools').getByRole('link', { name: 'Struk 58 mm' }).click();
  await page.waitForURL(/kertas=58/);
  await page.locator('.slip--58', { hasText: name }).waitFor();
  await snapTop(page, 'producer-ledger-print-58');
  await page.emulateMedia({ media: 'print' });
  await snap(page, 'producer-ledger-print-58-paper');
  await page.emulateMedia({ media: null });
  const receipt = await pdfPageSize(page);
  assert.equal(receipt.width, 58);
  assert.equal(receipt.pages, 1, 'the statement fits one receipt');
  assert.ok(receipt.height > 60 && receipt.height < 400, `receipt length ${receipt.height} mm`);
});
