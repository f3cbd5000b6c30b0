// Browser test: a village admin publishes a news item, fills an album of the gallery, creates a BUMDes
// and makes it the maker of the flagship product; a visitor finds all of it on the village page, the
// news item's own page (whose HTML carries the link-preview tags) and the enterprise's page. A second
// admin's stale save of the flagship is refused with a clear message.
import assert from 'node:assert/strict';
import { browserTest, failedLoad, signIn, snap, DEMO } from './helpers.mjs';

/** A run-unique suffix, so reruns against the same database find their own records. */
const RUN = String(Date.now() % 1e7);

/** A real photo from the server (a 1200 × 630 JPEG), as if chosen from the phone's gallery. */
async function photo(page, name) {
  const buffer = await (await page.request.get('/media/site/lapak-desa.jpg')).body();
  return { name, mimeType: 'image/jpeg', buffer };
}

/** Opens one tab of Darmaji's admin pages. */
async function openTab(page, tab) {
  await signIn(page, DEMO.darmajiAdmin, undefined, '/admin/desa');
  await page.getByRole('link', { name: 'Kelola desa' }).click();
  await page.waitForURL(/\/admin\/desa\/\d+\/profil$/);
  await page.locator('.tabs').getByRole('link', { name: tab, exact: true }).click();
}

// The news body's <img src=x> stays (without its handler) and fails to load: that 404 is expected.
browserTest(
  'news, gallery, a BUMDes and the flagship reach the public pages',
  { file: 'content-publish', allowErrors: [failedLoad(404)] },
  async (page) => {
  const title = `Panen raya cabai ${RUN}`;
  await openTab(page, 'Berita');
  await page.getByRole('button', { name: 'Tulis berita' }).click();
  await page.fill('#berita-title', title);
  await page.fill('#berita-summary', 'Petani Darmaji memanen cabai rawit bersama.');
  await page.fill('#berita-body_md', '## Hasil panen\n\n**Dua ton** cabai.<img src=x onerror="window.pwned=1">');
  await page.setInputFiles('#berita-cover', await photo(page, 'panen.jpg'));
  await page.locator('.photo-picker__item img').waitFor();
  await page.getByRole('button', { name: 'Terbitkan' }).click();
  const item = page.locator('.record-list__item', { hasText: title });
  await item.waitFor();
  assert.match(await item.innerText(), /Terbit/);
  await snap(page, 'content-news-admin');

  await page.locator('.tabs').getByRole('link', { name: 'Galeri', exact: true }).click();
  const album = `Panen ${RUN}`;
  await page.fill('#album-baru-title', album);
  await page.getByRole('button', { name: 'Buat album' }).click();
  const card = page.locator('.album-admin', { hasText: album });
  await card.waitFor();
  await card.locator('input[type=file]').setInputFiles([await photo(page, 'a.jpg'), await photo(page, 'b.jpg')]);
  await card.locator('.album-admin__photo').nth(1).waitFor();
  const caption = `Memetik cabai ${RUN}`;
  await card.locator('.album-admin__photo').first().getByLabel('Keterangan foto').fill(caption);
  await card.locator('.album-admin__photo').first().getByRole('button', { name: 'Simpan' }).click();
  await page.locator('.album-admin', { hasText: album }).locator(`img[alt="${caption}"]`).waitFor();

  await page.locator('.tabs').getByRole('link', { name: 'Lembaga', exact: true }).click();
  const bumdes = `BUMDes Cabai Lestari ${RUN}`;
  await page.getByRole('button', { name: 'Tambah lembaga' }).click();
  await page.fill('#lembaga-name', bumdes);
  await page.selectOption('#lembaga-kind', 'bumdes');
  await page.fill('#lembaga-description', 'Menampung cabai petani Darmaji.');
  await page.fill('#lembaga-phone', '0812 3456 7111');
  await page.setInputFiles('#lembaga-photos', await photo(page, 'gudang.jpg'));
  await page.locator('.photo-picker__item img').waitFor();
  await page.getByRole('button', { name: 'Simpan lembaga' }).click();
  await page.locator('.record-list__item', { hasText: bumdes }).waitFor();

  await page.locator('.tabs').getByRole('link', { name: 'Produk unggulan', exact: true }).click();
  const flagship = `Sambal Rinjani ${RUN}`;
  await page.locator('#unggulan-name').waitFor();
  await page.fill('#unggulan-name', flagship);
  await page.selectOption('#unggulan-sector', 'olahan');
  await page.fill('#unggulan-story_md', 'Diulek **tangan** ibu-ibu KWT.');
  await page.selectOption('#unggulan-enterprise', { label: `${bumdes} (BUMDes)` });
  await page.getByRole('button', { name: 'Simpan produk unggulan' }).click();
  await page.locator('.form-success', { hasText: 'Produk unggulan tersimpan' }).waitFor();

  // The visitor's view.
  await page.goto('/desa/darmaji');
  await page.locator('.flagship__name', { hasText: flagship }).waitFor();
  await page.locator('.flagship strong', { hasText: 'tangan' }).waitFor();
  for (const section of ['Profil', 'Produk', 'Berita', 'Galeri', 'Lembaga', 'Perangkat Desa', 'Kontak']) {
    await page.locator('.section-nav').getByRole('link', { name: section, exact: true }).waitFor();
  }
  await page.locator('#berita ~ .news-list .news-item', { hasText: title }).waitFor();
  const shot = page.locator('.album', { hasText: album }).locator('figure', { hasText: caption }).locator('img');
  assert.equal(await shot.getAttribute('loading'), 'lazy');
  assert.ok(Number(await shot.getAttribute('width')) > 0, 'gallery pictures carry their size');
  await page.locator('.enterprise', { hasText: bumdes }).waitFor();
  await snap(page, 'content-village');

  await page.getByRole('link', { name: title }).first().click();
  await page.waitForURL(/\/desa\/darmaji\/berita\/panen-raya-cabai-/);
  await page.locator('h1', { hasText: title }).waitFor();
  await page.locator('.prose h4', { hasText: 'Hasil panen' }).waitFor();
  assert.equal(await page.evaluate(() => window.pwned), undefined, 'the onerror handler never reached the page');
  assert.equal(await page.locator('.prose img').getAttribute('onerror'), null);
  const share = await page.getByRole('link', { name: 'Bagikan ke WhatsApp' }).getAttribute('href');
  assert.match(share, /^https:\/\/wa\.me\/\?text=Panen%20raya%20cabai/);
  const html = await (await page.request.get(new URL(page.url()).pathname)).text();
  assert.ok(html.includes(`<meta property="og:title" content="${title} — Desa Darmaji | Lapak Desa">`), html);
  assert.match(html, /<meta property="og:image" content="http[^"]+\/media\/images\/[0-9a-f]{32}\/preview\.jpg">/);
  assert.ok(html.includes('<meta property="og:description" content="Petani Darmaji memanen cabai rawit bersama.">'));
  await snap(page, 'content-article');

  await page.goto('/desa/darmaji');
  await page.locator('.flagship__maker').getByRole('link', { name: bumdes }).click();
  await page.locator('h1', { hasText: bumdes }).waitFor();
  const wa = page.getByRole('link', { name: 'WhatsApp 0812-3456-7111' });
  assert.match(await wa.getAttribute('href'), /^https:\/\/wa\.me\/6281234567111\?text=/);
  await page.locator('.flagship__name', { hasText: flagship }).waitFor();
  await snap(page, 'content-enterprise');
  },
);

browserTest(
  'a stale save of the flagship product is refused with a clear message',
  { file: 'content-conflict', allowErrors: [failedLoad(409)] },
  async (page) => {
    await openTab(page, 'Produk unggulan');
    await page.locator('#unggulan-name').waitFor();
    // Another admin saves the flagship product after this page loaded it.
    const path = new URL(page.url()).pathname.replace('/admin/desa/', '/api/v1/admin/villages/').replace('/unggulan', '/flagship');
    const current = await (await page.request.get(path)).json();
    const saved = await page.request.put(path, {
      headers: { 'x-lapak-csrf': '1' },
      data: { ...current, description: `Disimpan admin lain ${RUN}` },
    });
    assert.equal(saved.status(), 200);
    await page.fill('#unggulan-description', 'Versi saya');
    await page.getByRole('button', { name: 'Simpan produk unggulan' }).click();
    await page.locator('.form-alert', { hasText: 'sudah diubah oleh' }).waitFor();
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.waitForFunction(
      (text) => document.querySelector('#unggulan-description')?.value === text,
      `Disimpan admin lain ${RUN}`,
    );
  },
);
