// Browser tests of selling: a new seller's shop in Darmaji is approved by the village admin; the seller
// sets pickup and delivery in /jual, lists a product with two photos, and a shopper finds it by a
// misspelled word and opens its page. The village admin hides it with a reason in the Lapak tab: the
// seller reads the reason, the page answers 404 and search no longer finds it. Another person cannot
// open that shop in /jual.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, freshPhone, signIn, snap, DEMO, PHONE } from './helpers.mjs';

/** A word no other run uses: the run's digits as consonant-vowel pairs ("Bakoju…"). */
function runWord() {
  const digits = String(Date.now() % 1e7).padStart(7, '0');
  const consonants = 'bdgjklmnpr';
  const vowels = 'aiuoe';
  const word = [...digits].map((d, i) => consonants[Number(d)] + vowels[i % vowels.length]).join('');
  return word[0].toUpperCase() + word.slice(1);
}

const TAG = runWord();
const PRODUCT = `Madu Kelulut ${TAG}`;
const SHOP = `Lebah Inaq Rahmi ${TAG}`;
const REASON = 'Foto madu belum menunjukkan label izin PIRT.';
/** The shop made by the first test, which the second opens as somebody else. */
let firstShop;

/** A second person in their own browser context. */
async function otherPerson(page) {
  const ctx = await page.context().browser().newContext({ ...PHONE, baseURL: new URL(page.url()).origin });
  return ctx.newPage();
}

async function signUp(page, name) {
  await page.goto('/daftar');
  await page.fill('#f-name', name);
  await page.fill('#f-phone', freshPhone());
  await page.fill('#f-password', 'lebah madu di hutan');
  await page.click('form button[type=submit]');
  await page.waitForURL('**/akun');
}

async function applyForShop(page, shopName) {
  await page.getByRole('button', { name: 'Ajukan toko baru' }).click();
  await page.fill('#toko-cari-desa', 'Darmaji');
  const option = page.locator('#toko-village option', { hasText: 'Darmaji' });
  await option.first().waitFor({ state: 'attached' });
  await page.selectOption('#toko-village', { value: await option.first().getAttribute('value') });
  await page.fill('#toko-name', shopName);
  await page.click('form.form--boxed button[type=submit]');
  await page.locator('.shop-list__item', { hasText: shopName }).waitFor();
}

/** A small picture drawn in the page, as if chosen from the phone's gallery. */
async function drawnPhoto(page, name, color) {
  const dataUrl = await page.evaluate((color) => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 360;
    const g = canvas.getContext('2d');
    g.fillStyle = color;
    g.fillRect(0, 0, 480, 360);
    g.fillStyle = '#f5c542';
    g.beginPath();
    g.arc(240, 180, 110, 0, Math.PI * 2);
    g.fill();
    return canvas.toDataURL('image/png');
  }, color);
  return { name, mimeType: 'image/png', buffer: Buffer.from(dataUrl.split(',')[1], 'base64') };
}

/** A full-page screenshot from the top (a sticky header scrolled along would cut through the page). */
async function snapTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

/** The ids of the catalog's answer to `q`. */
async function catalogIds(page, q) {
  const response = await page.request.get(`/api/v1/catalog?q=${encodeURIComponent(q)}`);
  assert.equal(response.status(), 200);
  return (await response.json()).items.map((item) => item.id);
}

/** Opens the Lapak tab of Darmaji's admin pages. */
async function openMarketTab(page) {
  await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/desa');
  await page.getByRole('link', { name: 'Kelola desa' }).click();
  await page.waitForURL(/\/admin\/desa\/\d+\/profil$/);
  await page.locator('.tabs').getByRole('link', { name: 'Lapak', exact: true }).click();
  await page.waitForURL(/\/admin\/desa\/\d+\/lapak$/);
}

browserTest(
  'a seller lists a product, shoppers find it, the village admin hides it with a reason',
  { file: 'seller-flow', allowErrors: [failedLoad(409)] },
  async (page) => {
    // Signed out, /jual asks to sign in and comes back after.
    await page.goto('/jual');
    await page.waitForURL('**/masuk?lanjut=%2Fjual');

    await signUp(page, 'Inaq Rahmi');
    await applyForShop(page, SHOP);
    const admin = await otherPerson(page);
    await signIn(admin, DEMO.darmajiAdmin, undefined, '/admin/pengajuan-toko');
    const application = admin.locator('.application', { hasText: SHOP });
    await application.getByRole('button', { name: 'Setujui' }).click();
    await application.waitFor({ state: 'detached' });

    // With one shop, /jual goes straight to its products; the header offers "Jual".
    await page.goto('/jual');
    await page.waitForURL(/\/jual\/\d+\/produk$/);
    firstShop = Number(page.url().match(/\/jual\/(\d+)\//)[1]);
    await page.locator('.seller__name', { hasText: SHOP }).waitFor();
    await page.locator('.site-nav__link.is-active', { hasText: 'Jual' }).waitFor();
    await page.locator('.empty-state', { hasText: 'Belum ada produk' }).waitFor();

    // Settings: pickup address and delivery; a missing fee is named before anything is sent.
    await page.locator('.tabs').getByRole('link', { name: 'Pengaturan' }).click();
    await page.fill('#toko-pickup_address', 'Rumah Inaq Rahmi, Dusun Darmaji Timur, depan masjid');
    await page.getByLabel('Antar sendiri').check();
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.locator('.delivery-editor .form-field__error', { hasText: 'minimal satu wilayah' }).waitFor();
    assert.equal(await page.inputValue('#toko-pickup_address'), 'Rumah Inaq Rahmi, Dusun Darmaji Timur, depan masjid');
    await page.fill('#kirim-same_desa', '5.000');
    await page.fill('#kirim-same_kecamatan', '10000');
    await page.getByRole('button', { name: 'Tambah tarif kurir' }).click();
    await page.locator('#tarif-1-provinsi option[value="52"]').waitFor({ state: 'attached' });
    await page.selectOption('#tarif-1-provinsi', '52');
    await page.locator('#tarif-1-kabupaten option[value="52.01"]').waitFor({ state: 'attached' });
    await page.selectOption('#tarif-1-kabupaten', '52.01');
    await page.fill('#tarif-1-per_kg', '12.000');
    await page.getByLabel('Ongkir dikonfirmasi penjual setelah pesanan').check();
    await page.getByRole('button', { name: 'Tambah rekening' }).click();
    await page.fill('#rekening-1-bank', 'BRI');
    await page.fill('#rekening-1-number', '1234 5678 9012');
    await page.fill('#rekening-1-holder', 'Rahmi');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.locator('.form-success', { hasText: 'Pengaturan toko tersimpan' }).waitFor();
    await snapTop(page, 'seller-settings');
    await page.reload();
    await page.locator('#toko-pickup_address').waitFor();
    assert.equal(await page.inputValue('#kirim-same_desa'), '5000');
    await page.locator('#tarif-1-kabupaten option[value="52.01"]').waitFor({ state: 'attached' });
    assert.equal(await page.inputValue('#tarif-1-kabupaten'), '52.01');
    assert.equal(await page.inputValue('#tarif-1-per_kg'), '12000');
    assert.ok(await page.getByLabel('Ongkir dikonfirmasi penjual setelah pesanan').isChecked());

    // A member producer, the account page's component reused.
    await page.locator('.tabs').getByRole('link', { name: 'Produsen' }).click();
    await page.locator('input[name=name]').fill('Amaq Jumrah');
    await page.locator('input[name=dusun]').fill('Darmaji Timur');
    await page.locator('input[name=makes]').fill('madu kelulut');
    await page.getByRole('button', { name: 'Tambah produsen' }).click();
    await page.locator('.producer-list li', { hasText: 'Amaq Jumrah' }).waitFor();
    await snapTop(page, 'seller-producers');

    // A product: refused without its name, price and photos, then listed with two photos.
    await page.locator('.tabs').getByRole('link', { name: 'Produk', exact: true }).click();
    await page.getByRole('button', { name: 'Tambah produk' }).click();
    await page.fill('#produk-description_md', 'Madu lebah **kelulut** dari hutan Darmaji.');
    await page.getByRole('button', { name: 'Simpan produk' }).click();
    await page.locator('.form-field.has-error', { has: page.locator('#produk-name') }).waitFor();
    await page.locator('.photo-picker .form-field__error', { hasText: 'minimal satu foto' }).waitFor();
    assert.equal(await page.inputValue('#produk-description_md'), 'Madu lebah **kelulut** dari hutan Darmaji.');
    await page.fill('#produk-name', PRODUCT);
    await page.selectOption('#produk-sector', 'olahan');
    await page.selectOption('#produk-unit', 'botol');
    await page.fill('#produk-price', '85.000');
    await page.locator('#produk-price-hint', { hasText: 'Rp 85.000 per botol' }).waitFor();
    await page.fill('#produk-stock', '12');
    await page.fill('#produk-weight_grams', '450');
    await page.selectOption('#produk-producer_id', { label: 'Amaq Jumrah (Dusun Darmaji Timur)' });
    await page.setInputFiles('#produk-photos', [
      await drawnPhoto(page, 'madu-1.png', '#7a3f14'),
      await drawnPhoto(page, 'madu-2.png', '#1d6b45'),
    ]);
    await page.locator('.photo-picker__item img').nth(1).waitFor();
    await snapTop(page, 'seller-product-form');
    await page.getByRole('button', { name: 'Simpan produk' }).click();
    const row = page.locator('.seller-product', { hasText: PRODUCT });
    await row.locator('.badge', { hasText: 'Dijual' }).waitFor();
    assert.match(await row.innerText(), /Rp 85\.000 \/ botol · Stok 12/);

    // Hidden by the seller and shown again in one tap each.
    await row.getByRole('button', { name: 'Sembunyikan' }).click();
    await row.locator('.badge', { hasText: 'Disembunyikan penjual' }).waitFor();
    await row.getByRole('button', { name: 'Tampilkan' }).click();
    await row.locator('.badge', { hasText: 'Dijual' }).waitFor();
    // Changed: the saved version is sent back.
    await row.getByRole('button', { name: 'Ubah' }).click();
    assert.equal(await page.inputValue('#produk-price'), '85000');
    await page.fill('#produk-price', '90.000');
    await page.getByRole('button', { name: 'Simpan produk' }).click();
    await row.locator('.seller-product__meta', { hasText: 'Rp 90.000 / botol' }).waitFor();

    // A save over a change made elsewhere meanwhile (the seller's other phone) is refused, typing kept.
    await row.getByRole('button', { name: 'Ubah' }).click();
    const records = await (await page.request.get(`/api/v1/shops/${firstShop}/products`)).json();
    const { id: productId, slug, photos, hidden_reason, updated_at, ...form } = records.find((r) => r.name === PRODUCT);
    const elsewhere = await page.request.put(`/api/v1/shops/${firstShop}/products/${productId}`, {
      headers: { 'X-Lapak-Csrf': '1' },
      data: { ...form, stock: 11 },
    });
    assert.equal(elsewhere.status(), 200);
    await page.fill('#produk-stock', '10');
    await page.getByRole('button', { name: 'Simpan produk' }).click();
    await page.locator('.form-alert', { hasText: 'sudah diubah di tempat lain' }).waitFor();
    assert.equal(await page.inputValue('#produk-stock'), '10');
    await page.getByRole('button', { name: 'Kembali ke daftar dan muat ulang' }).click();
    await row.locator('.seller-product__meta', { hasText: 'Stok 11' }).waitFor();
    const path = await row.getByRole('link', { name: 'Lihat halaman produk' }).getAttribute('href');
    assert.match(path, /^\/produk\/\d+-madu-kelulut-/);
    const id = Number(path.match(/^\/produk\/(\d+)-/)[1]);
    await snapTop(page, 'seller-products');

    // A shopper's view: found with a misspelled word, and its page.
    assert.ok((await catalogIds(page, `kelulud ${TAG}`)).includes(id), 'search finds "kelulud" for "kelulut"');
    assert.equal((await page.request.get(path)).status(), 200);

    // The village admin hides it; the reason is asked for first.
    await openMarketTab(admin);
    const item = admin.locator('.market-item', { hasText: PRODUCT });
    await item.getByRole('button', { name: 'Sembunyikan…' }).click();
    await item.getByRole('button', { name: 'Sembunyikan produk' }).click();
    await item.locator('.form-field__error', { hasText: 'alasannya' }).waitFor();
    await item.locator('textarea[name=reason]').fill(REASON);
    await item.getByRole('button', { name: 'Sembunyikan produk' }).click();
    const hidden = admin.locator('.market-item', { hasText: PRODUCT });
    await hidden.getByRole('button', { name: 'Tampilkan lagi' }).waitFor();
    assert.match(await hidden.innerText(), new RegExp(`Alasan: ${REASON}`));
    const shop = admin.locator('section[aria-labelledby=lapak-toko] .market-item', { hasText: SHOP });
    assert.match(await shop.innerText(), /1 produk · 0 tampil di katalog/);
    // The shop is said to represent the village's BUMDes.
    await shop.locator('select[name=enterprise_id]').selectOption({ label: 'BUMDes Darma Tani (BUMDes)' });
    await admin.locator('section[aria-labelledby=lapak-toko] .market-item', { hasText: SHOP })
      .locator('select[name=enterprise_id] option[selected]', { hasText: 'BUMDes Darma Tani' })
      .waitFor({ state: 'attached' });
    await snapTop(admin, 'seller-admin-market');

    await page.goto('/jual');
    await page.waitForURL(/\/jual\/\d+\/produk$/);
    await row.locator('.seller-product__hidden', { hasText: `Disembunyikan admin desa: ${REASON}` }).waitFor();
    assert.equal(await row.getByRole('link', { name: 'Lihat halaman produk' }).count(), 0);
    assert.equal((await page.request.get(path)).status(), 404);
    assert.ok(!(await catalogIds(page, `kelulut ${TAG}`)).includes(id), 'a hidden product is not found');
    await page.locator('.tabs').getByRole('link', { name: 'Pengaturan' }).click();
    await page.locator('.shop-facts', { hasText: 'BUMDes Darma Tani (BUMDes)' }).waitFor();

    // Suspended, the shop can be read but not changed; reinstated, it can again.
    const suspended = admin.locator('section[aria-labelledby=lapak-toko] .market-item', { hasText: SHOP });
    await suspended.getByRole('button', { name: 'Tangguhkan…' }).click();
    await suspended.locator('textarea[name=reason]').fill('Alamat pengambilan sedang diperiksa admin desa.');
    await suspended.getByRole('button', { name: 'Tangguhkan toko' }).click();
    await suspended.getByRole('button', { name: 'Aktifkan lagi' }).waitFor();
    await page.reload();
    await page.locator('.seller__notice', { hasText: 'Alamat pengambilan sedang diperiksa admin desa.' }).waitFor();
    assert.ok(await page.getByRole('button', { name: 'Simpan pengaturan' }).isDisabled());
    await suspended.getByRole('button', { name: 'Aktifkan lagi' }).click();
    await suspended.getByRole('button', { name: 'Tangguhkan…' }).waitFor();
    await admin.context().close();
  },
);

browserTest(
  "another person cannot open a seller's shop in /jual",
  { file: 'seller-foreign-shop', allowErrors: [failedLoad(403)] },
  async (page) => {
    await page.goto('/');
    await signUp(page, 'Amaq Sahnan');
    await applyForShop(page, `Anyaman Amaq Sahnan ${TAG}`);
    // Their own shop waits for the village admin: visible, with its status, but not to be changed yet.
    await page.goto('/jual');
    await page.waitForURL(/\/jual\/\d+\/produk$/);
    await page.locator('.seller__notice', { hasText: 'menunggu persetujuan admin desa' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Tambah produk' }).count(), 0);
    await snapTop(page, 'seller-pending');

    await page.goto(`/jual/${firstShop ?? 1}/pengaturan`);
    await page.locator('.empty-state', { hasText: 'Hanya pemilik toko ini yang dapat mengelolanya.' }).waitFor();
    assert.equal(await page.locator('#toko-name').count(), 0);
  },
);
