// Browser tests: the village directory filtered by kabupaten, and a search that finds nothing.
import assert from 'node:assert/strict';
import { browserTest, pageRunning, villageCards } from './helpers.mjs';

browserTest('the directory filters by kabupaten', { file: 'directory-kabupaten' }, async (page) => {
  // Darmaji's kabupaten, from the API: the code is the first two parts of the desa code.
  const darmaji = await (await page.request.get('/api/v1/villages/darmaji')).json();
  const kabupaten = darmaji.region.code.split('.').slice(0, 2).join('.');

  await page.goto('/desa');
  await villageCards(page);
  await pageRunning(page);
  const select = page.getByLabel(/kabupaten/i).first();
  await select.locator(`option[value="${kabupaten}"]`).waitFor({ state: 'attached' });
  await select.selectOption(kabupaten);
  await page.waitForURL((url) => url.searchParams.get('kabupaten') === kabupaten);

  const cards = await villageCards(page);
  await page.waitForLoadState('networkidle');
  const hrefs = await cards.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.includes('/desa/darmaji'), `Darmaji is among ${hrefs.join(', ')}`);
  for (const href of hrefs) {
    const slug = href.split('/').pop();
    const village = await (await page.request.get(`/api/v1/villages/${slug}`)).json();
    assert.ok(
      village.region.code.startsWith(`${kabupaten}.`),
      `${slug} (${village.region.code}) is not in kabupaten ${kabupaten}`,
    );
  }
});

browserTest('a search with no results says so', { file: 'directory-empty' }, async (page) => {
  await page.goto('/desa');
  await villageCards(page);
  // Type once the filter lists have loaded too: a re-render while they arrive resets the field.
  await page.waitForLoadState('networkidle');
  const search = page.getByRole('searchbox').first();
  await search.fill('zzzz tidak ada desa seperti ini');
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.has('q'));
  await page.locator('.empty-state').first().waitFor({ state: 'visible' });
  assert.equal(await page.locator('a.village-card').count(), 0);
});
