// Browser tests of handling orders: a guest orders from a demo shop (pickup, cash) through the API; the
// shop's owner sees it under /jual/{toko}/pesanan with the "new" badge, opens it, is told a reason is
// needed to reject, accepts it (a second, stale tab then reads why it cannot accept again), marks it
// ready for pickup and prints it on 58 mm receipt paper and on A4. A signed-in shopper's order shows in
// /akun/pesanan and their notifications (unread highlighted, counted in the header, all marked read),
// and "Pesan lagi" puts its goods back in the cart. A delivered transfer order has its fee named by the
// seller, a wrong receipt turned down with a reason, the right one accepted, and ships with a resi.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { browserTest, failedLoad, receiptPhoto, signIn, snap, BASE_URL, DEMO, PHONE } from './helpers.mjs';

/** The demo shop the orders go to and its owner (the shop's WhatsApp number). */
const SHOP = 'lapak-bumdes-senggigi-bahari';
const SHOP_OWNER = '0812 3456 0002';
/** A guest's WhatsApp number no other run uses. */
const GUEST_PHONE = `0857${String(Date.now() % 1e8).padStart(8, '0')}`;

/** A full-page screenshot from the top (a sticky header scrolled along would cut through the page). */
async function snapTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

/** A sum as the pages write it: `Rp 60.000`. */
const rupiah = (amount) => `Rp ${amount.toLocaleString('id-ID')}`;

/**
 * The shop's product with the most stock (earlier runs against the same server used some up), and the
 * shop as the cart prices it.
 */
async function demoProduct(request) {
  const found = await request.get(`/api/v1/catalog?toko=${SHOP}`);
  assert.equal(found.status(), 200);
  const product = (await found.json()).items.sort((a, b) => b.stock - a.stock)[0];
  assert.ok(product?.stock >= 2, 'the demo shop still has stock');
  const view = await request.post('/api/v1/cart/view', {
    headers: { 'X-Lapak-Csrf': '1' },
    data: [{ product_id: product.id, quantity: 2 }],
  });
  assert.equal(view.status(), 200);
  const shop = (await view.json()).shops[0];
  return { product, shop };
}

/** Where a delivered order goes: a street in Darmaji. */
const ADDRESS = {
  recipient: 'Baiq Nurul',
  whatsapp: GUEST_PHONE,
  desa_code: '52.02.09.2008',
  street: 'Jl. Raya Kopang 12',
  rt_rw: 'RT 02 / RW 01',
  landmark: 'depan masjid',
};

/**
 * Places an order of two of the demo product as whoever `request` is (pickup and cash unless `how` says
 * otherwise); returns its code, shop and product.
 */
async function placeOrder(request, buyer, how = { delivery: 'ambil', payment: 'tunai', address: null }) {
  const { product, shop } = await demoProduct(request);
  const checkout = {
    buyer_name: buyer.name,
    buyer_whatsapp: buyer.phone,
    address: how.address,
    shops: [
      {
        shop_id: shop.shop_id,
        delivery: how.delivery,
        payment: how.payment,
        note: 'Saya ambil sore hari.',
        lines: [{ product_id: product.id, quantity: 2, price: product.price }],
      },
    ],
  };
  const placed = await request.post('/api/v1/orders', {
    headers: { 'X-Lapak-Csrf': '1', 'Idempotency-Key': randomUUID() },
    data: checkout,
  });
  assert.equal(placed.status(), 201, await placed.text());
  const { orders } = await placed.json();
  assert.equal(orders.length, 1);
  return { code: orders[0].code, shopId: shop.shop_id, productId: product.id, price: product.price };
}

/** The page size of a PDF printed with the page's own `@page` size, in millimetres. */
async function pdfPageSize(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box, 'the PDF names its page size');
  const mm = (pt) => Math.round((Number(pt) * 25.4) / 72);
  return { width: mm(box[1]), height: mm(box[2]), pages: (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length };
}

/** The same person in a second tab of their browser context. */
async function secondTab(page) {
  return page.context().newPage();
}

browserTest(
  'a guest order is accepted, made ready for pickup and printed by the seller',
  { file: 'seller-orders-flow', allowErrors: [failedLoad(409)] },
  async (page) => {
    const guest = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
    const { code, shopId, price } = await placeOrder(guest.request, { name: 'Baiq Nurul', phone: GUEST_PHONE });
    await guest.close();

    // The owner lands on the order list: the tab and the list say a new order waits.
    await signIn(page, SHOP_OWNER, undefined, `/jual/${shopId}/pesanan`);
    const tab = page.locator('.seller .tabs__tab', { hasText: 'Pesanan' });
    await tab.locator('.count-badge--urgent').waitFor();
    assert.ok(Number(await tab.locator('.count-badge').innerText()) >= 1);
    await page.locator('.orders__waiting', { hasText: 'pesanan baru — terima atau tolak' }).waitFor();
    const card = page.locator('.order-card', { hasText: code });
    await card.waitFor();
    assert.match(await card.innerText(), /Baiq Nurul/);
    assert.ok((await card.innerText()).includes(rupiah(2 * price)));
    await snapTop(page, 'seller-orders-list');

    // The "Baru" tab keeps only new orders, with the filter in the address.
    await page.locator('.orders__tabs').getByRole('link', { name: /^Baru/ }).click();
    await page.waitForURL(/status=baru/);
    await page.locator('.order-card', { hasText: code }).waitFor();

    await card.click();
    await page.waitForURL(`**/jual/${shopId}/pesanan/${code}`);
    await page.locator('h1', { hasText: `Pesanan ${code}` }).waitFor();
    await page.locator('.next-step', { hasText: 'Pesanan baru — terima atau tolak.' }).waitFor();
    const wa = page.getByRole('link', { name: 'Chat pembeli di WhatsApp' });
    assert.match(await wa.getAttribute('href'), /^https:\/\/wa\.me\/\d+\?text=/);
    assert.match(await page.locator('.seller-order__note').innerText(), /Saya ambil sore hari/);
    await snapTop(page, 'seller-order-new');

    // Rejecting asks for the reason the buyer reads, beside the field; "Tidak jadi" goes back.
    await page.getByRole('button', { name: 'Tolak pesanan…' }).click();
    await page.locator('.moves').getByRole('button', { name: 'Tolak pesanan', exact: true }).click();
    await page.locator('.form-field.has-error', { hasText: 'Tuliskan alasannya untuk pembeli.' }).waitFor();
    await page.getByRole('button', { name: 'Tidak jadi' }).click();

    // A second tab still shows the order as new.
    const stale = await secondTab(page);
    await stale.goto(`/jual/${shopId}/pesanan/${code}`);
    await stale.getByRole('button', { name: 'Terima pesanan' }).waitFor();

    await page.getByRole('button', { name: 'Terima pesanan' }).click();
    await page.locator('.moves .form-success', { hasText: 'Pesanan diterima.' }).waitFor();
    await page.locator('.seller-order__meta .badge', { hasText: 'Sedang disiapkan' }).waitFor();
    await page.locator('.next-step', { hasText: 'Siapkan barang, lalu tandai siap diambil.' }).waitFor();

    // The stale tab's move is refused with the reason, in Indonesian.
    await stale.getByRole('button', { name: 'Terima pesanan' }).click();
    await stale.locator('.moves .form-alert', { hasText: 'sudah diterima' }).waitFor();
    await stale.close();

    await page.getByRole('button', { name: 'Barang siap diambil' }).click();
    await page.locator('.moves .form-success', { hasText: 'siap diambil' }).waitFor();
    await page.locator('.seller-order__meta .badge', { hasText: 'Siap diambil' }).waitFor();
    await page.locator('.order-timeline__item').nth(2).waitFor();
    await snapTop(page, 'seller-order-ready');

    // The packing slip and invoice on 58 mm receipt paper: one page 58 mm wide, as long as the slip.
    await page.getByRole('link', { name: 'Struk 58 mm' }).click();
    await page.waitForURL(/\/cetak\?kertas=58$/);
    await page.locator('.slip--58', { hasText: code }).waitFor();
    await page.getByRole('button', { name: 'Cetak' }).waitFor();
    await snapTop(page, 'seller-order-print-58');
    await page.emulateMedia({ media: 'print' });
    await snap(page, 'seller-order-print-58-paper');
    // Back to the page's own media: a PDF of emulated "screen" media would ignore the print styles.
    await page.emulateMedia({ media: null });
    const receipt = await pdfPageSize(page);
    assert.equal(receipt.width, 58);
    assert.equal(receipt.pages, 1, 'the receipt fits one page');
    assert.ok(receipt.height > 60 && receipt.height < 400, `receipt length ${receipt.height} mm`);

    // A4.
    await page.locator('.print-tools').getByRole('link', { name: 'A4', exact: true }).click();
    await page.waitForURL(/\/cetak$/);
    await page.locator('.slip--a4', { hasText: code }).waitFor();
    await snapTop(page, 'seller-order-print-a4');
    const a4 = await pdfPageSize(page);
    assert.deepEqual([a4.width, a4.height, a4.pages], [210, 297, 1]);
  },
);

browserTest(
  "a signed-in shopper's order shows in their orders and notifications",
  { file: 'buyer-orders-notifications' },
  async (page) => {
    await signIn(page, DEMO.shopper);
    const { code, productId } = await placeOrder(page.request, { name: 'Rina Pembeli', phone: DEMO.shopper });

    // The header counts the unread notifications once the page loads.
    await page.goto('/akun');
    const menu = page.locator('.site-nav a[href="/akun/notifikasi"]');
    await menu.filter({ hasText: /^Notif \(\d+\)$/ }).waitFor();
    await snapTop(page, 'buyer-account');

    await page.getByRole('link', { name: 'Pesanan saya' }).click();
    await page.waitForURL('**/akun/pesanan');
    const card = page.locator('.order-card', { hasText: code });
    await card.waitFor();
    assert.equal(await card.getAttribute('href'), `/pesanan/${code}`);
    assert.match(await card.innerText(), /Lapak BUMDes Senggigi Bahari/);
    await snapTop(page, 'buyer-orders');

    await menu.click();
    await page.waitForURL('**/akun/notifikasi');
    const unread = page.locator('.notification.is-unread', { hasText: code });
    await unread.first().waitFor();
    assert.match(await unread.first().locator('.notification__wa').getAttribute('href'), /^https:\/\/wa\.me\//);
    await snapTop(page, 'buyer-notifications');
    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await page.locator('.notification.is-unread').first().waitFor({ state: 'detached' });
    await menu.filter({ hasText: /^Notif$/ }).waitFor();

    // "Pesan lagi" puts the order's goods in the cart and opens it.
    await page.goto('/akun/pesanan');
    await page.locator('.order-list__item', { hasText: code }).getByRole('button', { name: 'Pesan lagi' }).click();
    await page.waitForURL('**/keranjang');
    const cart = await (await page.request.get('/api/v1/me/cart')).json();
    const line = cart.shops.flatMap((s) => s.lines).find((l) => l.product.id === productId);
    assert.equal(line?.quantity, 2);
  },
);

/** The guest sends a receipt photo for their order (proving it is theirs with its WhatsApp number). */
async function sendReceipt(request, code, photo) {
  const sent = await request.post(`/api/v1/orders/${code}/receipt`, {
    headers: { 'X-Lapak-Csrf': '1', 'X-Buyer-Phone': GUEST_PHONE, 'Content-Type': 'image/png' },
    data: photo,
  });
  assert.equal(sent.status(), 200, await sent.text());
}

browserTest(
  'the seller names the delivery fee, checks the transfer receipt and ships with a tracking number',
  { file: 'seller-orders-transfer' },
  async (page) => {
    const guest = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
    const how = { delivery: 'ongkir_nanti', payment: 'transfer', address: ADDRESS };
    const buyer = { name: 'Baiq Nurul', phone: GUEST_PHONE };
    const { code, shopId, price } = await placeOrder(guest.request, buyer, how);
    const total = rupiah(2 * price + 15_000);

    await signIn(page, SHOP_OWNER, undefined, `/jual/${shopId}/pesanan/${code}`);
    await page.locator('.next-step__hint', { hasText: 'Pembeli menunggu ongkos kirim' }).waitFor();
    assert.match(await page.locator('.shop-facts').innerText(), /Jl\. Raya Kopang 12/);

    // Accepting needs the fee, asked beside its field; the hint adds it up.
    await page.getByRole('button', { name: 'Terima pesanan' }).click();
    await page.locator('.form-field.has-error', { hasText: 'Isi ongkos kirim sebelum menerima pesanan ini.' }).waitFor();
    await page.fill('#langkah-delivery_fee', '15.000');
    await page.locator('#langkah-delivery_fee-hint', { hasText: `Ongkir Rp 15.000 · total ${total}` }).waitFor();
    await page.getByRole('button', { name: 'Terima pesanan' }).click();
    await page.locator('.seller-order__meta .badge', { hasText: 'Menunggu pembayaran' }).waitFor();
    await page.locator('.order-lines__row--total', { hasText: total }).waitFor();

    // A receipt that does not match is turned down with a reason.
    const photo = await receiptPhoto(page);
    await sendReceipt(guest.request, code, photo);
    await page.reload();
    await page.locator('.next-step', { hasText: 'Bukti bayar masuk' }).waitFor();
    await page.locator('img.receipt__photo').waitFor();
    await snapTop(page, 'seller-order-receipt');
    await page.getByRole('button', { name: 'Bukti bayar tidak sesuai…' }).click();
    await page.getByRole('button', { name: 'Tolak bukti bayar' }).click();
    await page.locator('.form-field.has-error', { hasText: 'Tuliskan alasannya untuk pembeli.' }).waitFor();
    await page.fill('#langkah-note', 'Nominal transfer kurang Rp 5.000.');
    await page.getByRole('button', { name: 'Tolak bukti bayar' }).click();
    await page.locator('.seller-order__meta .badge', { hasText: 'Menunggu pembayaran' }).waitFor();

    // The second receipt is right: the payment is accepted and the parcel leaves with a tracking number.
    await sendReceipt(guest.request, code, photo);
    await guest.close();
    await page.reload();
    await page.getByRole('button', { name: 'Uang sudah masuk — terima pembayaran' }).click();
    await page.locator('.seller-order__meta .badge', { hasText: 'Sedang disiapkan' }).waitFor();
    await page.fill('#langkah-tracking_number', 'JNE-0012345');
    await page.getByRole('button', { name: 'Tandai sudah dikirim' }).click();
    await page.locator('.seller-order__meta .badge', { hasText: 'Dalam pengiriman' }).waitFor();
    assert.match(await page.locator('.shop-facts').innerText(), /JNE-0012345/);
    await snapTop(page, 'seller-order-shipped');
  },
);
