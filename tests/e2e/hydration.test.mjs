// Browser tests: the server-rendered public pages hydrate without a console message and show the same
// text before and after the app starts; a page hydrated whole asks the API for none of what it embeds,
// a page of islands (every public page but the map) asks only who is signed in.
import assert from 'node:assert/strict';
import { BASE_URL, PHONE, browserTest } from './helpers.mjs';

const PAGES = [
  '/',
  '/desa',
  '/desa?kabupaten=52.02',
  '/desa/darmaji',
  '/desa/darmaji/berita',
  '/desa/darmaji/berita/sambal-terasi-darmaji-kantongi-sertifikat-halal',
  '/lembaga/bumdes-darma-tani',
  '/peta',
  '/peta?sektor=perikanan',
  '/konsultasi',
  '/produk',
  '/produk?q=kripik&urut=termurah',
  '/toko/lapak-bumdes-senggigi-bahari',
];

/** Console lines that are not the app's: the map's tiles, which the test server sends to a closed port
 * (the map test's list), once the app has placed them. */
const TILES_UNREACHABLE = /Failed to load resource: net::ERR_(CONNECTION_REFUSED|UNSAFE_PORT)/;
const allowed = (path) => (path.startsWith('/peta') ? [TILES_UNREACHABLE] : []);

/**
 * The visible text of the page's content (`main`), whitespace folded. (The header's account item
 * waits for the session, which only the browser knows.)
 */
async function appText(page) {
  return (await page.locator('#app main').innerText()).replace(/\s+/g, ' ').trim();
}

for (const path of PAGES) {
  const allowErrors = allowed(path);
  const file = `hydration${path.replace(/[/?=.]+/g, '-')}`;
  browserTest(`${path} hydrates the server's page`, { file, allowErrors }, async (page) => {
    // The server's page, as a browser without JavaScript shows it.
    const still = await page.context().browser().newContext({ ...PHONE, baseURL: BASE_URL, javaScriptEnabled: false });
    const plain = await still.newPage();
    await plain.goto(path);
    const before = await appText(plain);
    await still.close();
    assert.ok(before.length > 100 && !before.includes('Memuat'), `${path} has its content: ${before}`);

    const messages = [];
    page.on('console', (msg) => {
      if (!allowErrors.some((re) => re.test(msg.text()))) messages.push(`${msg.type()}: ${msg.text()}`);
    });
    const state = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname.startsWith('/api/')) state.push(req.url());
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // The app runs: once it knows nobody is signed in, its header offers to sign in.
    await page.getByRole('link', { name: 'Masuk' }).waitFor();
    const after = await appText(page);
    assert.equal(after, before, `${path}: the same text after hydration`);
    assert.deepEqual(messages, [], `${path}: no console message`);
    const asked = state.map((u) => new URL(u)).map((u) => u.pathname + u.search);
    const embedded = await page.evaluate(() => {
      const seeds = document.getElementById('state');
      return seeds && Object.keys(JSON.parse(seeds.textContent));
    });
    if (embedded === null) {
      assert.ok(await page.locator('lapak-island').count() > 0, `${path}: a page of islands`);
      assert.deepEqual(asked, ['/api/v1/auth/session'], `${path}: its islands ask only who is signed in`);
      return;
    }
    assert.ok(embedded.length > 0, `${path}: answers embedded`);
    for (const url of embedded) assert.ok(!asked.includes(url), `${path}: ${url} was embedded, not asked again`);
  });
}
