// Browser tests: the village potential map (/peta) with no tile server reachable (the test server's
// LAPAK_MAP_TILES points at a closed port): the list, the markers and the kecamatan table still show,
// a tapped marker shows its village's card, the colour toggle changes the legend, zoom and drag move
// the map, and the page fits a 360 px phone.
import assert from 'node:assert/strict';
import { browserTest, snap, waitForHeading } from './helpers.mjs';

/** The only errors allowed: the browser's lines for tiles it could not fetch (nothing listens on the
 * port, or the port is one the browser refuses, such as 9). */
const TILES_UNREACHABLE = [/Failed to load resource: net::ERR_(CONNECTION_REFUSED|UNSAFE_PORT)/];
const options = (file) => ({ file, allowErrors: TILES_UNREACHABLE });

async function mapData(page) {
  return (await page.request.get('/api/v1/map')).json();
}

/** Waits until the list and the markers are drawn (the server draws them). */
async function mapShown(page) {
  await page.locator('.map-list__item').first().waitFor({ state: 'visible' });
  await page.locator('.map__marker').first().waitFor({ state: 'attached' });
}

/** Waits until the map runs in the browser (its own bundle, fetched once the page runs): it places the
 * tiles. */
async function mapRunning(page) {
  await mapShown(page);
  await page.locator('image.map__tile').first().waitFor({ state: 'attached' });
}

browserTest('the map page shows its villages without tiles', options('village-map'), async (page) => {
  const data = await mapData(page);
  const placed = data.villages.filter((v) => v.lat !== null && v.lon !== null);
  assert.ok(placed.length >= 2, 'the demo villages have locations');

  // Reached from the directory.
  await page.goto('/desa');
  await page.getByRole('link', { name: 'Peta potensi desa' }).click();
  await page.waitForURL('**/peta');
  await waitForHeading(page, 'Peta potensi desa');
  await mapRunning(page);

  assert.equal(await page.locator('.map-list__item').count(), data.villages.length);
  assert.equal(await page.locator('.map__marker').count(), placed.length);
  const label = await page.locator('.map__canvas').getAttribute('aria-label');
  assert.match(label, /Peta desa/);
  // Every village links to its page; the kecamatan table has a row each and a total.
  const links = await page.locator('.map-list__name').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links.sort(), data.villages.map((v) => `/desa/${v.slug}`).sort());
  assert.equal(await page.locator('.map-summary tbody tr').count(), data.kecamatan.length);
  const total = data.villages.reduce((n, v) => n + v.products, 0);
  assert.equal((await page.locator('.map-summary tfoot td').nth(2).innerText()).trim(), String(total));

  // The tiles were asked for, from the configured (unreachable) server, and hidden when they failed.
  const tiles = page.locator('image.map__tile');
  assert.ok((await tiles.count()) > 0, 'tiles are placed');
  const href = await tiles.first().getAttribute('href');
  assert.match(href, /^http:\/\/127\.0\.0\.1:\d+\/\d+\/\d+\/\d+\.png$/);
  await page.locator('image.map__tile[visibility="hidden"]').first().waitFor({ state: 'attached' });

  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `/peta is ${width} px wide: it scrolls sideways at 360 px`);
});

browserTest('tapping a marker shows the village card', options('village-map-card'), async (page) => {
  await page.goto('/peta');
  await mapRunning(page);
  // Sungai Dareh (Sumatra) stands alone on the map of every village.
  await page.locator('.map__marker[data-slug="sungai-dareh"]').tap();
  const card = page.locator('.map-card');
  await card.waitFor({ state: 'visible' });
  assert.equal((await card.locator('h3').innerText()).trim(), 'Sungai Dareh');
  assert.match(await card.innerText(), /Status IDM/);
  assert.match(await card.innerText(), /\d+ toko · \d+ produk · \d+ lembaga/);
  const link = card.getByRole('link', { name: /Lihat profil/ });
  assert.equal(await link.getAttribute('href'), '/desa/sungai-dareh');
  await snap(page, 'village-map-card-open');

  await link.click();
  await page.waitForURL('**/desa/sungai-dareh');
  await waitForHeading(page, 'Sungai Dareh');
});

browserTest('the colour toggle changes the legend', options('village-map-colours'), async (page) => {
  await page.goto('/peta');
  await mapRunning(page);
  const legend = page.locator('.map-legend');
  assert.match(await legend.innerText(), /status IDM/);
  assert.match(await legend.innerText(), /Maju|Mandiri|Berkembang/);
  const dot = page.locator('.map__marker[data-slug="gapuk"] .map__dot');
  const byIdm = await dot.getAttribute('fill');

  await page.getByRole('button', { name: 'Sektor unggulan' }).click();
  await legend.getByText(/sektor produk unggulan/).waitFor();
  const text = await legend.innerText();
  assert.match(text, /Kerajinan/);
  assert.doesNotMatch(text, /Mandiri/);
  assert.notEqual(await dot.getAttribute('fill'), byIdm, 'the markers change colour too');
  assert.equal(await page.getByRole('button', { name: 'Sektor unggulan' }).getAttribute('aria-pressed'), 'true');
});

browserTest('zoom buttons and dragging move the map', options('village-map-move'), async (page) => {
  await page.goto('/peta?kecamatan=52.01.03');
  await mapRunning(page);
  assert.equal(await page.locator('.map-list__item').count(), 2, 'the filter from the address applies');
  const zoomOf = async () =>
    Number((await page.locator('image.map__tile').first().getAttribute('href')).split('/')[3]);
  const before = await zoomOf();
  await page.getByRole('button', { name: 'Perkecil peta' }).click();
  await page.waitForFunction(
    (z) => document.querySelector('image.map__tile')?.getAttribute('href').split('/')[3] === String(z),
    before - 1,
  );

  const marker = page.locator('.map__marker').first();
  const from = await marker.getAttribute('transform');
  const box = await page.locator('.map__canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2 + 30, { steps: 6 });
  await page.mouse.up();
  const to = await marker.getAttribute('transform');
  const xy = (t) => t.match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);
  const [[x0, y0], [x1, y1]] = [xy(from), xy(to)];
  assert.ok(Math.abs(x1 - x0 + 60) < 2 && Math.abs(y1 - y0 - 30) < 2, `dragged from ${from} to ${to}`);
});

browserTest('the list order goes into the address', options('village-map-order'), async (page) => {
  const data = await mapData(page);
  await page.goto('/peta?sektor=olahan');
  await mapRunning(page);
  await page.getByLabel('Urutkan').selectOption('produk');
  await page.waitForURL((url) => url.searchParams.get('urut') === 'produk' && url.searchParams.get('sektor') === 'olahan');
  const shown = await page.locator('.map-list__name').allInnerTexts();
  const listed = data.villages.filter((v) => v.flagship?.sector === 'olahan');
  assert.equal(shown.length, listed.length, 'the sector filter stays');
  const products = shown.map((name) => listed.find((v) => v.name === name.trim()).products);
  assert.deepEqual(products, [...products].sort((a, b) => b - a), `most products first: ${shown.join(', ')}`);
});
