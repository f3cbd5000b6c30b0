// Browser tests of the admin area: a shop application approved and another rejected, and a district
// admin creating a village and its admin, who sets a password from the WhatsApp link and then sees
// only their village.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, freshPhone, heading, signIn, snap, DEMO, PHONE } from './helpers.mjs';

/** A second person in their own browser context. */
async function otherPerson(page) {
  const ctx = await page.context().browser().newContext({ ...PHONE, baseURL: new URL(page.url()).origin });
  return ctx.newPage();
}

async function signUp(page, name, phone) {
  await page.goto('/daftar');
  await page.fill('#f-name', name);
  await page.fill('#f-phone', phone);
  await page.fill('#f-password', 'kopi pagi di sawah');
  await page.click('form button[type=submit]');
  await page.waitForURL('**/akun');
}

async function applyForShop(page, villageSearch, villageName, shopName) {
  await page.getByRole('button', { name: 'Ajukan toko baru' }).click();
  await page.fill('#toko-cari-desa', villageSearch);
  const option = page.locator('#toko-village option', { hasText: villageName });
  await option.first().waitFor({ state: 'attached' });
  await page.selectOption('#toko-village', { value: await option.first().getAttribute('value') });
  await page.fill('#toko-name', shopName);
  await page.click('form.form--boxed button[type=submit]');
  await page.locator('.shop-list__item', { hasText: shopName }).waitFor();
}

browserTest(
  'a shop application approved, another rejected with a reason',
  { file: 'admin-shop-applications', allowErrors: [failedLoad(422)] },
  async (page) => {
    // Names of their own, so a rerun against the same database finds only this run's shops.
    const run = freshPhone().slice(-4);
    const coffee = `Kopi Bubuk Inaq Sari ${run}`;
    const pottery = `Gerabah Inaq Sari ${run}`;
    await page.goto('/');
    await signUp(page, 'Inaq Sari', freshPhone());
    await applyForShop(page, 'Senggigi', 'Senggigi', coffee);
    const mine = page.locator('.shop-list__item', { hasText: coffee });
    assert.match(await mine.innerText(), /Menunggu persetujuan/);

    const admin = await otherPerson(page);
    await signIn(admin, DEMO.lombokBarat, undefined, '/admin/pengajuan-toko');
    const card = admin.locator('.application', { hasText: coffee });
    await card.waitFor();
    assert.match(await card.innerText(), /Pemohon: Inaq Sari/);
    assert.match(await card.locator('a[href^="https://wa.me/62857"]').innerText(), /^0857-/);
    await snap(admin, 'admin-shop-application-card');
    await card.getByRole('button', { name: 'Setujui' }).click();
    await card.waitFor({ state: 'detached' });

    await page.reload();
    await mine.locator('.badge', { hasText: 'Aktif' }).waitFor();
    await mine.locator('input[name=name]').fill('Amaq Sumi');
    await mine.locator('input[name=makes]').fill('kopi robusta sangrai');
    await mine.getByRole('button', { name: 'Tambah produsen' }).click();
    await mine.locator('.producer-list li', { hasText: 'Amaq Sumi' }).waitFor();

    await applyForShop(page, 'Gapuk', 'Gapuk', pottery);
    await admin.reload();
    const second = admin.locator('.application', { hasText: pottery });
    await second.getByRole('button', { name: 'Tolak…' }).click();
    await second.getByRole('button', { name: 'Tolak pengajuan' }).click();
    await second.locator('.form-field__error', { hasText: 'alasan' }).waitFor();
    await second.locator('input[name=reason]').fill('Foto produk dan alamat pengambilan belum ada.');
    await second.getByRole('button', { name: 'Tolak pengajuan' }).click();
    await second.waitFor({ state: 'detached' });
    await admin.getByRole('tab', { name: 'Ditolak' }).click();
    await admin.locator('.application', { hasText: pottery }).waitFor();
    await admin.context().close();

    await page.reload();
    const rejected = page.locator('.shop-list__item', { hasText: pottery });
    await rejected.locator('.badge', { hasText: 'Ditolak' }).waitFor();
    assert.match(await rejected.innerText(), /Alasan: Foto produk dan alamat pengambilan belum ada\./);
  },
);

browserTest(
  'a district admin adds a village and its admin, who then sees only that village',
  { file: 'admin-new-village', allowErrors: [failedLoad(404)] },
  async (page) => {
    await signIn(page, DEMO.lombokBarat, undefined, '/admin/desa');
    await page.locator('#wilayah-berikut').waitFor();
    await page.selectOption('#wilayah-berikut', { index: 1 });
    await page.locator('.region-picker__path li').nth(1).waitFor();
    // The desa of the chosen kecamatan: codes with four parts.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('#wilayah-berikut option')].some((o) => o.value.split('.').length === 4),
    );
    const desa = await page.locator('#wilayah-berikut option').evaluateAll((options) =>
      options.map((o) => ({ value: o.value, text: o.textContent })).find((o) => o.value && !o.text.includes('sudah ada')),
    );
    assert.ok(desa, 'the kecamatan has a desa that is not a village yet');
    await page.selectOption('#wilayah-berikut', desa.value);
    await page.getByRole('button', { name: 'Tambahkan desa ini' }).click();
    await page.locator('.form-success', { hasText: `Desa ${desa.text} ditambahkan` }).waitFor();

    const village = page.locator('.village-admin', { hasText: desa.value });
    await village.getByRole('button', { name: 'Tetapkan admin desa' }).click();
    const phone = freshPhone();
    await village.locator('input[name=name]').fill('Lalu Operator Baru');
    await village.locator('input[name=phone]').fill(phone);
    await village.getByRole('button', { name: 'Tetapkan' }).click();
    const link = page.locator('.reset-link', { hasText: 'Lalu Operator Baru' });
    await link.waitFor();
    const wa = await link.getByRole('link', { name: 'Kirim lewat WhatsApp' }).getAttribute('href');
    assert.match(wa, /^https:\/\/wa\.me\/62857\d+\?text=/);
    const url = await link.locator('.reset-link__url code').innerText();
    assert.match(url, /\/akun\/atur-sandi#[A-Za-z0-9_-]{43}$/);
    await snap(page, 'admin-new-village-link');

    const operator = await otherPerson(page);
    await operator.goto(url);
    await operator.locator('.lead', { hasText: 'Halo Lalu Operator Baru' }).waitFor();
    await operator.fill('#f-new_password', 'sawah hijau di kaki rinjani');
    await operator.click('form button[type=submit]');
    await operator.waitForURL('**/akun');
    assert.equal(await heading(operator), 'Halo, Lalu Operator Baru');
    await operator.goto('/admin/desa');
    await operator.locator('.village-admin').first().waitFor();
    const names = await operator.locator('.village-admin__name strong').allInnerTexts();
    assert.deepEqual(names, [desa.text], 'the new admin sees only their village');
    assert.equal(await operator.locator('.admin-menu', { hasText: 'Log audit' }).count(), 0);

    // The link worked once: opening it again says so.
    await operator.goto(url);
    await operator.locator('.error-state__title', { hasText: 'Tautan tidak dapat dipakai.' }).waitFor();
    await operator.context().close();
  },
);
