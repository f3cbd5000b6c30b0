// Browser tests of accounts: signing up, in and out; errors next to their fields with what was
// typed kept; the sign-in limit; pages that need an account sending people to sign in first.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, freshPhone, heading, signIn, snap, DEMO } from './helpers.mjs';

browserTest('sign up, sign out, sign in again', { file: 'account-sign-up' }, async (page) => {
  const phone = freshPhone();
  await page.goto('/');
  await page.locator('.site-nav__user', { hasText: 'Masuk' }).click();
  await page.waitForURL('**/masuk');
  await page.getByRole('link', { name: 'Daftar di sini' }).click();
  await page.waitForURL('**/daftar');
  await page.fill('#f-name', 'Baiq Nurul Aini');
  await page.fill('#f-phone', phone);
  await page.fill('#f-password', 'tenun ikat sukarara');
  await snap(page, 'account-sign-up-form');
  await page.click('form button[type=submit]');
  await page.waitForURL('**/akun');
  assert.equal(await heading(page), 'Halo, Baiq Nurul Aini');
  const number = await page.locator('.panel__meta strong').innerText();
  assert.match(number, /^0857-/, 'the number is shown in its national form');
  await page.locator('.session-list__item').first().waitFor();
  assert.equal(await page.locator('.session-list__item').count(), 1, 'one device signed in');

  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('.site-nav__user', { hasText: 'Masuk' }).waitFor();

  await page.goto('/akun');
  await page.waitForURL('**/masuk?lanjut=%2Fakun');
  await signIn(page, phone.replace(/^0/, '+62 '), 'tenun ikat sukarara');
  assert.equal(await heading(page), 'Halo, Baiq Nurul Aini');
});

browserTest(
  'sign-up errors stand next to their fields and keep what was typed',
  { file: 'account-sign-up-errors', allowErrors: [failedLoad(422)] },
  async (page) => {
    await page.goto('/daftar');
    await page.fill('#f-name', 'Amaq Rusdi');
    await page.fill('#f-phone', '0370 123');
    await page.fill('#f-password', 'pendek');
    await page.click('form button[type=submit]');
    const phoneError = page.locator('#f-phone-error');
    await phoneError.waitFor();
    assert.match(await phoneError.innerText(), /nomor HP Indonesia/);
    assert.match(await page.locator('#f-password-error').innerText(), /paling sedikit 8 karakter/);
    assert.equal(await page.inputValue('#f-name'), 'Amaq Rusdi', 'the name stays');
    assert.equal(await page.inputValue('#f-phone'), '0370 123', 'the number stays as typed');
    assert.equal(await page.getAttribute('#f-phone', 'aria-invalid'), 'true');

    // A common password passes the length check here and is refused by the server.
    await page.fill('#f-phone', freshPhone());
    await page.fill('#f-password', 'bismillah123');
    await page.click('form button[type=submit]');
    await page.locator('#f-password-error', { hasText: 'mudah ditebak' }).waitFor();
    assert.equal(await page.locator('#f-phone-error').count(), 0, 'the fixed number has no error left');
    assert.equal(await page.inputValue('#f-name'), 'Amaq Rusdi');
  },
);

browserTest(
  'a wrong password is refused in Indonesian, then the limit stops guessing',
  { file: 'account-sign-in-limit', allowErrors: [failedLoad(401), failedLoad(429)] },
  async (page) => {
    await page.goto('/masuk');
    await page.fill('#f-login', DEMO.shopper);
    await page.fill('#f-password', 'bukan sandinya');
    await page.click('form button[type=submit]');
    const alert = page.locator('.form-alert');
    await alert.waitFor();
    assert.equal(await alert.innerText(), 'Nomor HP/e-mail atau kata sandi salah.');
    assert.equal(await page.inputValue('#f-login'), DEMO.shopper, 'the login stays as typed');

    // An unknown number gets the same answer, then after 10 failures the limit.
    const unknown = freshPhone();
    await page.fill('#f-login', unknown);
    for (let i = 0; i < 10; i += 1) {
      await page.fill('#f-password', `tebakan ke ${i}`);
      await page.click('form button[type=submit]');
      await page.locator('.form-alert').waitFor();
      await page.waitForFunction(() => !document.querySelector('form button[type=submit]').disabled);
      assert.equal(await alert.innerText(), 'Nomor HP/e-mail atau kata sandi salah.', `attempt ${i + 1}`);
    }
    await page.fill('#f-password', 'tebakan terakhir');
    await page.click('form button[type=submit]');
    await page.locator('.form-alert', { hasText: 'Terlalu banyak percobaan' }).waitFor();
  },
);

browserTest('the admin area sends visitors to sign in first', { file: 'admin-needs-sign-in' }, async (page) => {
  await page.goto('/admin/pengajuan-toko');
  await page.waitForURL('**/masuk?lanjut=%2Fadmin%2Fpengajuan-toko');
  await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/pengajuan-toko');
  await page.locator('.admin-menu__link.is-active', { hasText: 'Pengajuan toko' }).waitFor();
  const menu = await page.locator('.admin-menu').innerText();
  assert.ok(!menu.includes('Log audit'), 'a village admin has no audit log in the menu');
  assert.ok(!menu.includes('Admin kabupaten'), 'nor the district admins');
});

browserTest('a shopper has no admin area', { file: 'admin-not-for-shoppers' }, async (page) => {
  await signIn(page, DEMO.shopper);
  assert.equal(await page.locator('.site-nav', { hasText: 'Admin' }).count(), 0, 'no Admin in the menu');
  await page.goto('/admin');
  await page.locator('.empty-state__message', { hasText: 'Anda tidak memiliki akses admin.' }).waitFor();
});
