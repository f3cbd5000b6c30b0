// Browser tests of buying on a 360 px phone: a guest puts products of two demo shops in the cart from
// their pages, changes a quantity in the cart, checks out with an address picked from the region pickers
// (each shop's delivery priced for it, one way refused with its reason), gets two orders with a WhatsApp
// link each, follows the first on its tracking page with its timeline, cancels the second; and a guest in
// another browser opens an order with the WhatsApp number it was placed with, sees the seller's bank
// account once the seller accepts, and sends the transfer receipt photo. A shopper who signs in
// finds the guest cart merged into their account's, checks out prefilled, keeps the address, and finds it
// picked for them when buying at once from a product page; "Pesan lagi" puts the order back in the cart.
import assert from 'node:assert/strict';
import { request as http } from 'playwright-core';
import { DEMO, DEMO_PASSWORD, PHONE, browserTest, freshPhone, receiptPhoto, signIn, snap } from './helpers.mjs';

const SAMBAL = { path: '/produk/1-sambal-terasi-lombok-150-g', name: 'Sambal Terasi Lombok 150 g' };
const ABON = { path: '/produk/5-abon-ikan-tongkol-original-100-g', name: 'Abon Ikan Tongkol Original 100 g' };
const DARMA_TANI = 'Lapak BUMDes Darma Tani';
const SENGGIGI_BAHARI = 'Lapak BUMDes Senggigi Bahari';
const BUYER = 'Baiq Nurul';
/** Desa Senggigi, Kec. Batu Layar, Kab. Lombok Barat, NTB: the Senggigi shop delivers there itself. */
const REGIONS = [
  ['Provinsi', '52'],
  ['Kabupaten/Kota', '52.01'],
  ['Kecamatan', '52.01.14'],
  ['Desa/Kelurahan', '52.01.14.2006'],
];

/** Darma Tani's owner accepts an order, through the API. */
async function sellerAccepts(baseURL, code) {
  const seller = await http.newContext({ baseURL, extraHTTPHeaders: { 'X-Lapak-Csrf': '1' } });
  const signedIn = await seller.post('/api/v1/auth/sign-in', { data: { login: '0812 3456 0001', password: DEMO_PASSWORD } });
  assert.equal(signedIn.status(), 200, await signedIn.text());
  const order = await seller.get(`/api/v1/shops/1/orders/${code}`);
  assert.equal(order.status(), 200, await order.text());
  const accepted = await seller.post(`/api/v1/shops/1/orders/${code}/actions`, { data: { action: 'terima' } });
  assert.equal(accepted.status(), 200, await accepted.text());
  await seller.dispose();
}

/** Picks Desa Senggigi in the address pickers and types the rest of the address. */
async function typeAddress(page) {
  for (const [label, code] of REGIONS) {
    const select = page.getByLabel(label, { exact: true });
    await select.locator(`option[value="${code}"]`).waitFor({ state: 'attached' });
    await select.selectOption(code);
  }
  await page.getByLabel('Jalan, nomor rumah atau dusun').fill('Jl. Raya Senggigi No. 5');
  await page.getByLabel('RT/RW (bila ada)').fill('RT 02 / RW 01');
  await page.getByLabel('Patokan (bila ada)').fill('depan masjid');
}

/** Fails when the page scrolls sideways on a 360 px screen. */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${page.url()} is ${width} px wide: it scrolls sideways at 360 px`);
}

/** The header's cart link once it shows `count` products. */
async function cartCount(page, count) {
  const name = count === 0 ? 'Keranjang' : `Keranjang, ${count} produk`;
  await page.getByRole('link', { name, exact: true }).waitFor();
}

/** Opens a product page and puts it in the cart (after pressing "+" `more` times). */
async function addToCart(page, product, more = 0) {
  await page.goto(product.path);
  await page.locator('h1', { hasText: product.name }).waitFor();
  for (let i = 0; i < more; i += 1) await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
  await page.getByRole('status').filter({ hasText: 'Ditambahkan ke keranjang' }).waitFor();
}

browserTest('a guest orders from two shops and follows the orders', { file: 'checkout-flow' }, async (page) => {
  const phone = freshPhone();
  await page.goto('/keranjang');
  await page.getByText('Keranjang Anda masih kosong.').waitFor();
  await addToCart(page, SAMBAL);
  await cartCount(page, 1);
  await addToCart(page, ABON);
  await cartCount(page, 2);
  await snap(page, 'checkout-product');

  // The cart: one part per shop, with its subtotal; a quantity changed there counts.
  await page.getByRole('link', { name: 'Keranjang, 2 produk' }).click();
  await page.waitForURL('**/keranjang');
  const darmaTani = page.getByRole('region', { name: `Pesanan dari ${DARMA_TANI}` });
  await darmaTani.getByText(SAMBAL.name).waitFor();
  await page.getByRole('region', { name: `Pesanan dari ${SENGGIGI_BAHARI}` }).getByText(ABON.name).waitFor();
  await darmaTani.getByRole('button', { name: 'Tambah', exact: true }).click();
  await darmaTani.locator('.cart-shop__subtotal', { hasText: 'Rp 50.000' }).waitFor();
  await page.locator('.cart-summary__total', { hasText: 'Rp 80.000' }).waitFor();
  await fitsThePhone(page);
  await snap(page, 'checkout-cart');

  // Checkout: the buyer, an address from the pickers, then each shop's delivery and payment.
  await page.getByRole('button', { name: 'Lanjut ke pembayaran' }).click();
  await page.waitForURL('**/pesan');
  // Sent empty: every missing part is named beside its field, and nothing is sent.
  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await page.locator('.form-alert', { hasText: 'Periksa kembali isian yang ditandai.' }).waitFor();
  await page.locator('.form-field.has-error', { hasText: 'Nama pemesan' }).getByText(/Nama pembeli/).waitFor();
  await page.locator('.form-field.has-error', { hasText: 'Jalan, nomor rumah' }).waitFor();
  await page.locator('section.checkout-shop').first().getByText('Pilih cara pengiriman.').waitFor();
  await fitsThePhone(page);
  await snap(page, 'checkout-errors');
  await page.getByLabel('Nama pemesan').fill(BUYER);
  await page.getByLabel('Nomor WhatsApp', { exact: true }).fill(phone);
  assert.equal(await page.getByLabel('Nama penerima').inputValue(), BUYER, 'the recipient follows the buyer');
  await typeAddress(page);

  const first = page.locator('section.checkout-shop', { hasText: DARMA_TANI });
  const second = page.locator('section.checkout-shop', { hasText: SENGGIGI_BAHARI });
  // Darma Tani (Lombok Tengah) does not deliver itself this far; its courier is priced by weight.
  await first.getByText('Penjual tidak mengantar sampai alamat ini.').waitFor();
  assert.ok(await first.getByLabel(/Diantar penjual/).isDisabled(), 'a way the shop cannot use is disabled');
  await first.locator('.choice', { hasText: 'Kurir' }).getByText('Rp 12.000').waitFor();
  await first.getByLabel(/Kurir/).check();
  await first.getByLabel(/Transfer bank/).check();
  await second.locator('.choice', { hasText: 'Diantar penjual' }).getByText('Rp 5.000').waitFor();
  await second.getByLabel(/Diantar penjual/).check();
  await second.getByLabel(/Bayar tunai/).check();
  await second.getByLabel('Catatan untuk penjual (bila ada)').fill('Antar sore hari, ya.');
  await page.locator('.checkout__grand', { hasText: 'Rp 97.000' }).waitFor();
  await fitsThePhone(page);
  await snap(page, 'checkout-form');

  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await page.waitForURL(/\/pesanan\/LD-[A-Z0-9]{8}\?baru=1$/);
  const code = new URL(page.url()).pathname.split('/').pop();
  const placed = page.getByRole('status').filter({ hasText: '2 pesanan berhasil dibuat' });
  await placed.waitFor();
  const links = placed.locator('a[href^="https://wa.me/"]');
  assert.equal(await links.count(), 2, 'a WhatsApp link per order');
  const codes = await placed.locator('.order-placed__code').allInnerTexts();
  assert.ok(codes.includes(code) && codes.length === 2, codes.join(', '));
  await page.locator('h1', { hasText: code }).waitFor();
  await page.locator('.order-status', { hasText: 'Menunggu konfirmasi penjual' }).first().waitFor();
  await page.locator('.order-timeline', { hasText: 'Pesanan dibuat' }).waitFor();
  await page.locator('.order__head', { hasText: DARMA_TANI }).waitFor();
  await page.locator('.order-lines__row--total', { hasText: 'Rp 62.000' }).waitFor();
  await cartCount(page, 0);
  await fitsThePhone(page);
  await snap(page, 'checkout-order');

  // The other order opens with the number remembered in this browser; the guest cancels it.
  const other = codes.find((c) => c !== code);
  await placed.getByRole('link', { name: other, exact: true }).click();
  await page.locator('h1', { hasText: other }).waitFor();
  await page.getByRole('button', { name: 'Batalkan pesanan' }).click();
  await page.getByLabel('Alasan (dibaca penjual)').fill('Salah pilih alamat.');
  await page.getByRole('button', { name: 'Ya, batalkan' }).click();
  await page.locator('.order-status', { hasText: 'Dibatalkan' }).waitFor();
  await page.locator('.order-timeline__item', { hasText: 'Salah pilih alamat.' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Batalkan pesanan' }).count(), 0, 'no more moves');
  await snap(page, 'checkout-cancelled');

  // The seller accepts the transfer order: its page shows where to pay, and takes the receipt photo.
  await sellerAccepts(new URL(page.url()).origin, code);
  await page.goto(`/pesanan/${code}`);
  await page.locator('.order-status', { hasText: 'Menunggu pembayaran' }).waitFor();
  const account = page.getByRole('list', { name: 'Rekening penjual' }).locator('.bank-account').first();
  await account.waitFor();
  await page.getByLabel('Foto bukti transfer').setInputFiles({ name: 'bukti.png', mimeType: 'image/png', buffer: await receiptPhoto(page) });
  await page.getByLabel('Catatan (bila ada)').fill('Transfer dari BRI a.n. Baiq Nurul');
  await fitsThePhone(page);
  await snap(page, 'checkout-pay');
  await page.getByRole('button', { name: 'Kirim bukti bayar' }).click();
  await page.locator('.order-status', { hasText: 'Bukti bayar sedang dicek' }).waitFor();
  await page.getByRole('img', { name: 'Bukti bayar yang Anda kirim' }).waitFor();
  await page.locator('.order-timeline__item', { hasText: 'Transfer dari BRI a.n. Baiq Nurul' }).waitFor();

  // Another browser: the page asks for the WhatsApp number, then shows the order.
  const stranger = await page.context().browser().newContext({ ...PHONE, baseURL: new URL(page.url()).origin });
  const fresh = await stranger.newPage();
  await fresh.goto(`/pesanan/${code}`);
  await fresh.getByLabel('Nomor WhatsApp').fill(phone);
  await fresh.getByRole('button', { name: 'Lihat pesanan' }).click();
  await fresh.locator('h1', { hasText: code }).waitFor();
  await fresh.locator('.order-timeline', { hasText: 'Pesanan dibuat' }).waitFor();
  await snap(fresh, 'checkout-tracking');
  await stranger.close();
});


browserTest('a shopper signs in with a guest cart, checks out and keeps the address', { file: 'checkout-member' }, async (page) => {
  await addToCart(page, ABON);
  await signIn(page, DEMO.shopper, undefined, '/keranjang');
  const line = page.locator('.cart-line', { hasText: ABON.name });
  await line.waitFor();
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem('lapak.keranjang'))), [],
    'the guest cart moved into the account');
  // Only the abon is ordered (the account's cart may hold more from earlier visits).
  const others = page.locator('.cart-line', { hasNotText: ABON.name });
  while ((await others.count()) > 0) {
    const before = await others.count();
    await others.first().getByRole('button', { name: /^Hapus / }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.cart-line').length === n, before);
  }
  await page.getByRole('button', { name: 'Lanjut ke pembayaran' }).click();
  await page.waitForURL('**/pesan');
  await page.waitForFunction(() => document.querySelector('#pesan-buyer_name')?.value !== '');
  assert.notEqual(await page.getByLabel('Nomor WhatsApp', { exact: true }).inputValue(), '', 'the number is prefilled');
  const fresh = page.getByLabel('Alamat baru');
  if (await fresh.count()) await fresh.check();
  await typeAddress(page);
  await page.getByLabel('Simpan alamat ini untuk pesanan berikutnya').check();
  const shop = page.locator('section.checkout-shop', { hasText: SENGGIGI_BAHARI });
  await shop.locator('.choice', { hasText: 'Diantar penjual' }).getByText('Rp 5.000').waitFor();
  await shop.getByLabel(/Diantar penjual/).check();
  await shop.getByLabel(/Bayar tunai/).check();
  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await page.waitForURL(/\/pesanan\/LD-[A-Z0-9]{8}\?baru=1$/);
  await page.getByRole('status').filter({ hasText: 'Pesanan berhasil dibuat' }).waitFor();
  await page.locator('.order-timeline', { hasText: 'Pesanan dibuat' }).waitFor();

  // "Pesan lagi": the order's products go back in the cart.
  await page.getByRole('button', { name: 'Pesan lagi' }).click();
  await page.waitForURL('**/keranjang');
  await page.locator('.cart-line', { hasText: ABON.name }).waitFor();
  await cartCount(page, 1);

  // Buying at once: the saved address is picked.
  await page.goto(ABON.path);
  await page.getByRole('button', { name: 'Beli sekarang' }).click();
  await page.waitForURL((url) => url.pathname === '/pesan' && url.searchParams.get('produk') === '5');
  const saved = page.locator('.choice', { hasText: 'Jl. Raya Senggigi No. 5' }).first();
  await saved.waitFor();
  assert.ok(await saved.getByRole('radio').isChecked(), 'the saved address is picked');
  await fitsThePhone(page);
  await snap(page, 'checkout-member');
});
