// Browser test: a village admin edits the village profile and a visitor sees it on the public page,
// with the office's WhatsApp as a wa.me link and Markdown rendered without anything that runs.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, signIn, snap, DEMO } from './helpers.mjs';

browserTest(
  'a village admin edits the profile; the public page shows it',
  { file: 'profile-edit', allowErrors: [failedLoad(422)] },
  async (page) => {
    await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/desa');
    await page.getByRole('link', { name: 'Ubah profil' }).click();
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
