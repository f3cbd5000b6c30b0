// Browser tests of bulk and export inquiries ("permintaan partai besar / ekspor"): a guest on a 360 px
// phone opens the form on a demo product page, is told what is missing, sends it and reads what happens
// next with a WhatsApp link to the shop; the shop's owner finds it under /jual/{toko}/permintaan and marks
// it contacted; the district admin of Lombok Barat finds it under /admin/permintaan. The village page
// links its flagship to /desa/{slug}/permintaan, where the form opens at once.
import assert from 'node:assert/strict';
import { browserTest, signIn, snap, DEMO } from './helpers.mjs';

/** The demo shop (Senggigi, Lombok Barat) and its owner (the shop's WhatsApp number). */
const SHOP = 'lapak-bumdes-senggigi-bahari';
const SHOP_OWNER = '0812 3456 0002';
/** A buyer no other run uses. */
const STAMP = String(Date.now() % 1e8).padStart(8, '0');
const BUYER = `Hj. Nurhayati ${STAMP}`;
const BUYER_PHONE = `0857${STAMP}`;

/** What the guest's test sent, for the tests after it. */
const sent = {};

/** A full-page screenshot from the top (a sticky header scrolled along would cut through the page). */
async function snapTop(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await snap(page, name);
}

browserTest('a guest sends a bulk inquiry from a product page', { file: 'inquiry-guest' }, async (page) => {
  const found = await page.request.get(`/api/v1/catalog?toko=${SHOP}`);
  assert.equal(found.status(), 200);
  const product = (await found.json()).items[0];
  const shop = await (await page.request.get(`/api/v1/storefronts/${SHOP}`)).json();
  sent.shopId = shop.id;
  sent.product = product.name;

  await page.goto(`/produk/${product.id}-${product.slug}`);
  const toggle = page.getByRole('button', { name: 'Ajukan permintaan partai besar / ekspor' });
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // The form's code comes with the first tap (the page's islands do not carry it): it opens once here.
  await toggle.click();
  await page.locator('button.inquiry__toggle[aria-expanded="true"]').waitFor();
  const form = page.locator('form.inquiry__form');
  await form.waitFor();
  assert.equal(await form.locator('#permintaan-unit').inputValue(), product.unit, 'the unit starts as the product’s');

  // Sent empty: each missing field says what it needs, beside it.
  await form.getByRole('button', { name: 'Kirim permintaan' }).click();
  await form.locator('.form-field.has-error', { hasText: 'Jumlah minimal 1.' }).waitFor();
  await form.locator('.form-field.has-error', { hasText: 'Tulis kota atau negara tujuan barang.' }).waitFor();
  await form.locator('.form-field.has-error', { hasText: 'Nomor WhatsApp wajib diisi.' }).waitFor();
  await form.locator('.form-alert', { hasText: 'Periksa kembali isian yang ditandai.' }).waitFor();

  // Export needs a country abroad.
  await form.getByLabel('Ekspor').check();
  assert.equal(await form.locator('#permintaan-dest_country').inputValue(), '');
  await form.getByLabel('Partai besar').check();
  assert.equal(await form.locator('#permintaan-dest_country').inputValue(), 'ID');

  await form.getByLabel('Jumlah', { exact: true }).fill('250');
  // Once sending was tried, a message goes as soon as its field is right.
  await form.locator('.form-field.has-error', { hasText: 'Jumlah minimal 1.' }).waitFor({ state: 'detached' });
  await form.getByLabel('Kota atau negara tujuan').fill('Surabaya');
  await form.getByLabel('Dibutuhkan paling lambat (bulan, opsional)').fill(`${new Date().getFullYear() + 1}-03`);
  await form.getByLabel('Nama Anda').fill(BUYER);
  await form.getByLabel('Nomor WhatsApp').fill(BUYER_PHONE);
  await form.getByLabel('Nama usaha atau lembaga (opsional)').fill('CV Sumber Rejeki');
  await form.getByLabel('Pesan (opsional)').fill('Mohon harga grosir dan contoh barang.');
  assert.equal(await form.locator('.form-field.has-error').count(), 0, 'every message went');
  assert.equal(await form.locator('.form-alert').count(), 0);
  await snapTop(page, 'inquiry-form-filled');
  await form.getByRole('button', { name: 'Kirim permintaan' }).click();

  const done = page.locator('.inquiry__sent');
  await done.locator('h2', { hasText: 'Permintaan terkirim' }).waitFor();
  const text = await done.innerText();
  const id = text.match(/#(\d+)/)?.[1];
  assert.ok(id, `the confirmation names the inquiry: ${text}`);
  sent.id = Number(id);
  assert.match(text, /Langkah selanjutnya/);
  assert.match(text, /menghubungi Anda lewat WhatsApp di nomor 0857-/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Permintaan terkirim');
  const wa = done.getByRole('link', { name: /^WhatsApp / });
  const href = await wa.getAttribute('href');
  assert.match(href, /^https:\/\/wa\.me\/6281234560002\?text=Halo%20/);
  assert.ok(href.includes(`%23${id}`), 'the follow-up message names the inquiry');
  // Nothing is wider than the phone.
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await snapTop(page, 'inquiry-sent');
});

browserTest('the shop owner sees the inquiry under Permintaan', { file: 'inquiry-seller' }, async (page) => {
  assert.ok(sent.id, 'the guest test sent one');
  await signIn(page, SHOP_OWNER, undefined, `/jual/${sent.shopId}/permintaan`);
  const tab = page.locator('.seller .tabs__tab', { hasText: 'Permintaan' });
  await tab.locator('.count-badge--urgent').waitFor();
  const card = page.locator('.inquiry-card', { hasText: BUYER });
  await card.waitFor();
  const text = await card.innerText();
  assert.ok(text.includes(sent.product), text);
  assert.match(text, /250 /);
  assert.match(text, /Surabaya \(Indonesia\)/);
  assert.match(text, /CV Sumber Rejeki/);
  assert.match(text, /Mohon harga grosir/);
  const reply = card.getByRole('link', { name: 'Balas lewat WhatsApp' });
  assert.match(await reply.getAttribute('href'), new RegExp(`^https://wa\\.me/62857${STAMP.slice(0, 4)}`));
  await snapTop(page, 'inquiry-seller-list');

  await card.getByRole('button', { name: 'Tandai sudah dihubungi' }).click();
  await card.locator('.badge', { hasText: 'Dihubungi' }).waitFor();
  await card.locator('.inquiry-card__events', { hasText: 'Dihubungi oleh' }).waitFor();
  assert.equal(await card.getByRole('button', { name: 'Tandai sudah dihubungi' }).count(), 0);
  await snapTop(page, 'inquiry-seller-contacted');
});

browserTest('the district admin sees the inquiry under /admin/permintaan', { file: 'inquiry-admin' }, async (page) => {
  assert.ok(sent.id, 'the guest test sent one');
  await signIn(page, DEMO.lombokBarat, undefined, '/admin/permintaan');
  await page.locator('.admin-menu__link.is-active', { hasText: 'Permintaan' }).waitFor();
  const card = page.locator('.inquiry-card', { hasText: BUYER });
  await card.waitFor();
  assert.match(await card.innerText(), /Senggigi/);
  assert.match(await card.locator('.badge').first().innerText(), /Dihubungi/);
  const reply = card.getByRole('link', { name: 'Balas lewat WhatsApp' });
  assert.ok((await reply.getAttribute('href')).includes('Desa%20Senggigi'), 'the admin replies for the village');

  // Filters: exports only hides it; back to every kind shows it again.
  await page.getByLabel('Jenis').selectOption('ekspor');
  await page.locator('.inquiry-card', { hasText: BUYER }).waitFor({ state: 'detached' });
  await page.getByLabel('Jenis').selectOption('');
  await page.locator('.inquiry-card', { hasText: BUYER }).waitFor();
  await page.locator('.tabs__tab', { hasText: 'Dihubungi' }).click();
  await page.locator('.inquiry-card', { hasText: BUYER }).waitFor();
  await snapTop(page, 'inquiry-admin-queue');
});

browserTest('the flagship links to its own inquiry page', { file: 'inquiry-flagship' }, async (page) => {
  await page.goto('/desa/darmaji');
  const link = page.locator('.flagship').getByRole('link', { name: 'Ajukan permintaan partai besar / ekspor' });
  await link.click();
  await page.waitForURL('**/desa/darmaji/permintaan');
  await page.locator('h1', { hasText: 'Permintaan partai besar / ekspor' }).waitFor();
  await page.locator('form.inquiry__form').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Ajukan permintaan partai besar / ekspor' }).count(), 0);
  assert.match(await page.title(), /Permintaan partai besar \/ ekspor — Desa Darmaji/);
  await snapTop(page, 'inquiry-flagship-page');
});
