// Browser test: a village admin edits the village profile and a visitor sees it on the public page,
// with the office's WhatsApp as a wa.me link and Markdown rendered without anything that runs.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, freshPhone, signIn, snap, DEMO } from './helpers.mjs';

browserTest(
  'a village admin edits the profile; the public page shows it',
  { file: 'profile-edit', allowErrors: [failedLoad(422)] },
  async (page) => {
    await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/desa');
    await page.getByRole('link', { name: 'Kelola desa' }).click();
    await page.waitForURL(/\/admin\/desa\/\d+\/profil$/);
    await page.locator('#profil-tagline').waitFor();
    await page.fill('#profil-tagline', 'Sambal terasi dari kaki Rinjani');
    await page.fill('#profil-history_md', '## Asal usul\n\nDesa **tua**.<script>window.pwned = 1</script>');
    await page.fill('#profil-phone', '0812 3456 7000');
    await page.fill('#profil-opening_hours', 'Senin–Jumat 08.00–15.00 WITA');

    // A wrong number is refused beside its field, and nothing else is lost.
    await page.fill('#profil-lat', 'utara');
    await page.click('form button[type=submit]');
    await page.locator('#profil-lat-error').waitFor();
    assert.equal(await page.inputValue('#profil-tagline'), 'Sambal terasi dari kaki Rinjani');
    await page.fill('#profil-lat', '-8,6163');
    await page.click('form button[type=submit]');
    await page.locator('.form-success', { hasText: 'Profil tersimpan' }).waitFor();
    await snap(page, 'profile-edit-saved');

    await page.goto('/desa/darmaji');
    await page.locator('.village__tagline', { hasText: 'Sambal terasi dari kaki Rinjani' }).waitFor();
    await page.locator('h4', { hasText: 'Asal usul' }).waitFor();
    assert.equal(await page.evaluate(() => window.pwned), undefined, 'the script did not run');
    const wa = page.getByRole('link', { name: 'WhatsApp 0812-3456-7000' });
    assert.match(await wa.getAttribute('href'), /^https:\/\/wa\.me\/6281234567000\?text=Halo%20kantor%20Desa%20Darmaji/);
    await page.getByText('Jam layanan: Senin–Jumat 08.00–15.00 WITA').waitFor();
  },
);

browserTest('an official added with a photo shows on the village page', { file: 'profile-official' }, async (page) => {
  const name = `Lalu Zohri ${freshPhone().slice(-4)}`;
  await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/desa');
  await page.getByRole('link', { name: 'Kelola desa' }).click();
  await page.locator('#perangkat-name').waitFor();
  await page.fill('#perangkat-name', name);
  await page.fill('#perangkat-position', 'Kepala Desa');
  // A real photo from the server (1200 × 630 JPEG), chosen as from the phone's gallery.
  const jpeg = await (await page.request.get('/media/site/lapak-desa.jpg')).body();
  await page.setInputFiles('#perangkat-photo', { name: 'kades.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.locator('img[alt="Foto yang akan dipakai"]').waitFor();
  await page.getByRole('button', { name: 'Tambah', exact: true }).click();
  await page.locator('.official-list__item', { hasText: name }).waitFor();

  await page.goto('/desa/darmaji');
  const official = page.locator('.official', { hasText: name });
  await official.waitFor();
  assert.match(await official.innerText(), /Kepala Desa/);
  const photo = official.locator('img');
  assert.match(await photo.getAttribute('src'), /^\/media\/images\/[0-9a-f]{32}\/thumb\.webp$/);
  assert.equal(await photo.getAttribute('width'), '320');
  assert.equal(await photo.getAttribute('height'), '168');
  assert.equal(await photo.getAttribute('loading'), 'lazy');
  await snap(page, 'profile-official-public');
});

browserTest('a new IDM year shows in the chart and its table', { file: 'profile-idm' }, async (page) => {
  await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/desa');
  await page.getByRole('link', { name: 'Kelola desa' }).click();
  await page.locator('#idm-year').waitFor();
  await page.fill('#idm-year', '2026');
  await page.fill('#idm-score', '0,8321');
  await page.getByRole('button', { name: 'Simpan skor' }).click();
  await page.locator('.user-list__item', { hasText: '2026 · 0,8321 · Mandiri' }).waitFor();

  await page.goto('/desa/darmaji');
  await page.locator('.idm-chart').waitFor();
  assert.equal(await page.locator('.idm-chart rect').count(), 2, 'the demo year and the new one');
  const firstRow = await page.locator('#idm-sejarah ~ .table-wrap tbody tr').first().innerText();
  assert.match(firstRow, /2026\s+0,8321\s+Mandiri/);
  await snap(page, 'profile-idm-public');
});
