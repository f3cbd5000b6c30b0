// Browser test of where signing in leads (issue 18, item 4): `lanjut` is followed only to a path of
// this site as the browser itself reads it; `/%09/evil.example` (a tab the browser drops, leaving
// `//evil.example`) and its kin lead to the account page instead.
import assert from 'node:assert/strict';
import { BASE_URL, DEMO, browserTest } from './helpers.mjs';

const OFF_SITE = ['/%09/evil.example', '/%5Cevil.example', '%2F%2Fevil.example', 'https://evil.example'];

for (const lanjut of OFF_SITE) {
  browserTest(`?lanjut=${lanjut} after signing in stays on the site`, { file: 'sign-in-no-open-redirect' }, async (page) => {
    await page.goto(`/masuk?lanjut=${lanjut}`);
    await page.fill('#f-login', DEMO.ntb);
    await page.fill('#f-password', 'desa-demo-2026');
    await page.click('form button[type=submit]');
    await page.waitForURL((url) => url.pathname === '/akun');
    assert.equal(new URL(page.url()).origin, new URL(BASE_URL).origin, 'still on this site');
  });
}

browserTest('?lanjut= a path of this site is followed after signing in', { file: 'sign-in-lanjut' }, async (page) => {
  await page.goto('/masuk?lanjut=%2Fakun%2Fpesanan');
  await page.fill('#f-login', DEMO.ntb);
  await page.fill('#f-password', 'desa-demo-2026');
  await page.click('form button[type=submit]');
  await page.waitForURL((url) => url.pathname === '/akun/pesanan');
});
