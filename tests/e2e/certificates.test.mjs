// Browser tests of certificates: the owner of a demo shop in Darmaji opens one of their listings in /jual,
// adds a halal certificate (a number without "ID" is explained before anything is saved; then without an
// end, "tidak ada masa berlaku", with a photo of the document) and sees it wait for verification; Darmaji's
// village admin finds it first in /admin/desa/{id}/sertifikat with the document's photo and verifies it;
// the product page shows the "Halal" badge and the certificate's number, and the catalog's "Sertifikat"
// filter finds the product with the badge on its card, all at 360 px.
import assert from 'node:assert/strict';
import { browserTest, pageRunning, receiptPhoto, signIn, snap, BASE_URL, DEMO, PHONE } from './helpers.mjs';

/** The demo shop in Darmaji and its owner (the shop's WhatsApp number). */
const SHOP = 'lapak-bumdes-darma-tani';
const SHOP_OWNER = '0812 3456 0001';

/** A halal certificate number of BPJPH's shape, new on every run. */
const NUMBER = `ID3511${String(Date.now()).slice(-13)}`;

/** Asserts that the page is no wider than the phone. */
async function fitsThePhone(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page fits 360 px (${width})`);
}

browserTest(
  'a seller adds a halal certificate, the village admin verifies it, shoppers see the badge and find it',
  { file: 'certificates-flow' },
  async (page) => {
    const listed = await page.request.get(`/api/v1/catalog?toko=${SHOP}`);
    assert.equal(listed.status(), 200);
    const product = (await listed.json()).items[0];
    assert.ok(product, 'the demo shop lists a product');

    // The seller opens the listing; its certificates are under its editor.
    await signIn(page, SHOP_OWNER);
    await page.goto('/jual');
    await page.waitForURL(/\/jual\/\d+\/produk$/);
    const row = page.locator('.seller-product', { hasText: product.name });
    await row.getByRole('button', { name: 'Ubah' }).click();
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Sertifikat produk' }) });
    await panel.getByRole('button', { name: 'Tambah sertifikat' }).click();
    await page.selectOption('#sertifikat-kind', 'halal');
    await page.fill('#sertifikat-number', '3511 0000 1234');
    await page.fill('#sertifikat-issuer', 'BPJPH Kementerian Agama');
    await page.getByLabel(/Tidak ada masa berlaku/).check();
    assert.equal(await page.locator('#sertifikat-expires_on').count(), 0, 'no date to give');
    await page.getByRole('button', { name: 'Simpan sertifikat' }).click();
    await page.locator('#sertifikat-number-error', { hasText: 'diawali ID' }).waitFor();
    await page.locator('.photo-picker .form-field__error', { hasText: 'foto dokumen' }).waitFor();
    await page.fill('#sertifikat-number', NUMBER);
    await page.setInputFiles('#sertifikat-photo', { name: 'sertifikat.png', mimeType: 'image/png', buffer: await receiptPhoto(page) });
    await page.locator('.photo-picker__item img').waitFor();
    await snap(page, 'certificates-form');
    await page.getByRole('button', { name: 'Simpan sertifikat' }).click();
    const mine = panel.locator('.certificate', { hasText: NUMBER });
    await mine.locator('.badge', { hasText: 'Menunggu verifikasi' }).waitFor();
    assert.match(await mine.innerText(), /tanpa masa berlaku/);
    await fitsThePhone(page);

    // Darmaji's village admin verifies it, the document's photo beside it, waiting ones first.
    const admin = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
    const adminPage = await admin.newPage();
    await signIn(adminPage, DEMO.darmajiAdmin);
    const villages = await (await adminPage.request.get('/api/v1/admin/villages')).json();
    const darmaji = villages.find((v) => v.slug === 'darmaji');
    await adminPage.goto(`/admin/desa/${darmaji.id}/sertifikat`);
    const first = adminPage.locator('.certificate').first();
    await first.waitFor();
    assert.match(await first.innerText(), new RegExp(NUMBER));
    assert.match(await first.innerText(), new RegExp(product.name));
    const thumb = first.locator('img.record-list__photo');
    await thumb.waitFor();
    assert.ok(await thumb.evaluate((img) => img.complete && img.naturalWidth > 0), 'the document photo loads');
    await first.getByRole('button', { name: 'Verifikasi' }).click();
    const done = adminPage.locator('.certificate', { hasText: NUMBER });
    await done.locator('.badge', { hasText: 'Terverifikasi' }).waitFor();
    await snap(adminPage, 'certificates-admin');
    await fitsThePhone(adminPage);
    await admin.close();

    // The seller sees it verified.
    await page.reload();
    await row.getByRole('button', { name: 'Ubah' }).click();
    await mine.locator('.badge', { hasText: 'Terverifikasi' }).waitFor();

    // Shoppers (signed out) see the badge and the number on the product page.
    const shopper = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL });
    const shopperPage = await shopper.newPage();
    await shopperPage.goto(`/produk/${product.id}-${product.slug}`);
    await shopperPage.locator('.product__info .badge--certificate', { hasText: 'Halal' }).waitFor();
    const details = shopperPage.locator('.product-certificates');
    assert.match(await details.innerText(), new RegExp(`No\\. ${NUMBER} · BPJPH Kementerian Agama · tanpa masa berlaku`));
    await snap(shopperPage, 'certificates-product');
    await fitsThePhone(shopperPage);

    // The catalog's filter finds it, with the badge on its card.
    await shopperPage.goto('/produk');
    await pageRunning(shopperPage);
    await shopperPage.getByText('Saring hasil').click();
    await shopperPage.getByLabel('Sertifikat', { exact: true }).selectOption('halal');
    await shopperPage.waitForURL(/sertifikat=halal/);
    const card = shopperPage.locator('.product-card', { hasText: product.name });
    await card.locator('.badge--certificate', { hasText: 'Halal' }).waitFor();
    await shopperPage.locator('.chip--filter', { hasText: 'Sertifikat Halal' }).waitFor();
    await snap(shopperPage, 'certificates-catalog');
    await fitsThePhone(shopperPage);
    await shopper.close();
  },
);
