// Browser tests of the installable app on a 360 px phone: the manifest, its icons and the service worker
// Chromium needs to offer installing Lapak Desa; a product opened online reads offline after a reload,
// with the banner; a page never opened shows the offline page with what is kept; a guest's cart reads
// offline; signing out leaves nothing of the person in the service worker's caches nor in localStorage.
// They hold whether public pages are rendered by the server or in the browser (they wait for the text).
import assert from 'node:assert/strict';
import { ABORTED_LOAD, browserTest, DEMO, freshPhone, signIn, sleep, snap, TIMEOUT, workerControls } from './helpers.mjs';

const SAMBAL = { path: '/produk/1-sambal-terasi-lombok-150-g', name: 'Sambal Terasi Lombok 150 g' };
const ABON = { path: '/produk/5-abon-ikan-tongkol-original-100-g', name: 'Abon Ikan Tongkol Original 100 g' };
/** Offline, what the page asks the network for fails (the session, a cart priced again). */
const OFFLINE_ERRORS = [ABORTED_LOAD, /net::ERR_INTERNET_DISCONNECTED/];

/** Opens `/` and waits until the service worker controls the page. */
async function installed(page) {
  await page.goto('/');
  await workerControls(page);
}

/** Every cache's name and the paths (with query) it holds. */
async function cacheContents(page) {
  return page.evaluate(async () => {
    const contents = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      contents[name] = keys.map((r) => new URL(r.url).pathname + new URL(r.url).search);
    }
    return contents;
  });
}

/** Waits until the service worker has kept this page and what it loaded: its API answers (but the
 * session's, which is never kept) and its pictures. */
async function kept(page) {
  await page.waitForLoadState('networkidle');
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    const missing = await page.evaluate(async () => {
      const loaded = performance.getEntriesByType('resource').map((e) => new URL(e.name));
      const wanted = [
        ['lapak-pages', [new URL(location.href)]],
        ['lapak-data', loaded.filter((u) => u.pathname.startsWith('/api/') && !u.pathname.startsWith('/api/v1/auth/'))],
        ['lapak-media', [...document.images].map((i) => new URL(i.currentSrc || i.src)).filter((u) => u.pathname.startsWith('/media/'))],
      ];
      const missing = [];
      for (const [name, urls] of wanted) {
        const cache = await caches.open(name);
        for (const url of urls) if (!(await cache.match(url.href))) missing.push(`${name}: ${url.pathname}`);
      }
      return missing;
    });
    if (missing.length === 0) return;
    if (Date.now() > deadline) assert.fail(`not kept for offline reading: ${missing.join(', ')}`);
    await sleep(100);
  }
}

browserTest('Chromium can install Lapak Desa: manifest, icons, service worker', { file: 'offline-install' }, async (page) => {
  await installed(page);
  // The page it saw no load of (the first, as from a link shared on WhatsApp) is kept too.
  const isKept = () => page.evaluate(async () => !!(await (await caches.open('lapak-pages')).match(location.href)));
  for (const deadline = Date.now() + TIMEOUT; !(await isKept()); await sleep(100)) {
    assert.ok(Date.now() < deadline, 'the first page is kept');
  }
  await page.reload();
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), 'the service worker controls the page');
  const worker = await page.request.get('/sw.js');
  assert.equal(worker.status(), 200);
  assert.match(worker.headers()['content-type'], /javascript/);
  assert.equal(worker.headers()['cache-control'], 'no-cache');

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const answer = await page.request.get(href);
  assert.equal(answer.status(), 200);
  assert.equal(answer.headers()['content-type'], 'application/manifest+json');
  const manifest = await answer.json();
  assert.equal(manifest.name, 'Lapak Desa');
  assert.ok(manifest.short_name && manifest.short_name.length <= 12, manifest.short_name);
  assert.match(manifest.description, /desa/);
  assert.equal(manifest.lang, 'id');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.theme_color, await page.locator('meta[name="theme-color"]').getAttribute('content'));
  for (const size of [192, 512]) {
    for (const purpose of ['any', 'maskable']) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.purpose === purpose);
      assert.ok(icon, `a ${purpose} icon of ${size} px`);
      const png = await page.request.get(icon.src);
      assert.equal(png.status(), 200, icon.src);
      assert.equal(png.headers()['content-type'], 'image/png');
      const bytes = await png.body();
      assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [size, size], `${icon.src} is ${size} px`);
    }
  }

  // What Chromium itself says before offering to install (a test browser is "incognito": it never offers).
  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, [], 'Chromium reads the manifest without errors');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const blocking = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
  assert.deepEqual(blocking, [], 'nothing keeps Chromium from offering to install');

  for (const path of [SAMBAL.path, '/desa', '/keranjang', '/akun', '/admin']) {
    const html = await (await page.request.get(path)).text();
    assert.ok(html.includes(`<link rel="manifest" href="${href}">`), `${path} links the manifest`);
  }
});

browserTest(
  'a product opened online reads offline after a reload, with the banner',
  { file: 'offline-product', allowErrors: OFFLINE_ERRORS },
  async (page) => {
    await installed(page);
    await page.goto(SAMBAL.path);
    await page.locator('h1', { hasText: SAMBAL.name }).waitFor();
    await kept(page);

    await page.context().setOffline(true);
    await page.reload();
    await page.locator('h1', { hasText: SAMBAL.name }).waitFor();
    await page.locator('.offline-banner', { hasText: 'Anda sedang offline' }).waitFor();
    await page.getByText(/Rp\s?\d/).first().waitFor();
    await snap(page, 'offline-product-reloaded');
    await page.context().setOffline(false);
  },
);

browserTest(
  'a page never opened shows the offline page listing the kept ones',
  { file: 'offline-page', allowErrors: OFFLINE_ERRORS },
  async (page) => {
    await installed(page);
    await page.goto(ABON.path);
    await page.locator('h1', { hasText: ABON.name }).waitFor();
    await kept(page);

    await page.context().setOffline(true);
    await page.goto('/desa/darmaji');
    await page.locator('h1', { hasText: 'Anda sedang offline' }).waitFor();
    const titles = await page.locator('.offline-list a').allInnerTexts();
    assert.ok(titles.some((t) => t.includes(ABON.name)), `the kept product is listed: ${titles.join(' | ')}`);
    assert.ok(titles.some((t) => t.startsWith('Keranjang')), `the cart is ready offline: ${titles.join(' | ')}`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(250, 246, 238)', 'in the site style');
    await snap(page, 'offline-page-list');

    await page.locator('.offline-list a', { hasText: ABON.name }).click();
    await page.locator('h1', { hasText: ABON.name }).waitFor();
    await page.locator('.offline-banner').waitFor();
    await page.context().setOffline(false);
  },
);

browserTest(
  "a guest's cart reads offline as last priced",
  { file: 'offline-cart', allowErrors: OFFLINE_ERRORS },
  async (page) => {
    await installed(page);
    await page.goto(SAMBAL.path);
    await page.locator('h1', { hasText: SAMBAL.name }).waitFor();
    await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
    await page.getByRole('status').filter({ hasText: 'Ditambahkan ke keranjang' }).waitFor();

    await page.context().setOffline(true);
    await page.goto('/keranjang');
    await page.locator('.offline-banner', { hasText: 'Anda sedang offline' }).waitFor();
    await page.locator('.cart-line__name', { hasText: SAMBAL.name }).waitFor();
    await page.locator('.notice', { hasText: 'seperti terakhir dimuat' }).waitFor();
    await snap(page, 'offline-cart-kept');
    await page.context().setOffline(false);
  },
);

browserTest(
  "a signed-in buyer's cart reads offline until they sign out",
  { file: 'offline-member-cart', allowErrors: OFFLINE_ERRORS },
  async (page) => {
    await installed(page);
    const account = { name: 'Lalu Ahmad', phone: freshPhone(), password: 'kain tenun pringgasela', email: null };
    const signedUp = await page.request.post('/api/v1/auth/sign-up', { headers: { 'x-lapak-csrf': '1' }, data: account });
    assert.equal(signedUp.status(), 201, await signedUp.text());
    await page.goto(SAMBAL.path);
    await page.locator('h1', { hasText: SAMBAL.name }).waitFor();
    await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
    await page.getByRole('status').filter({ hasText: 'Ditambahkan ke keranjang' }).waitFor();

    await page.context().setOffline(true);
    await page.goto('/keranjang');
    await page.locator('.cart-line__name', { hasText: SAMBAL.name }).waitFor();
    await page.locator('.notice', { hasText: 'seperti terakhir dimuat' }).waitFor();

    await page.context().setOffline(false);
    await page.goto('/akun');
    await page.getByRole('button', { name: 'Keluar', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.site-nav__user', { hasText: 'Masuk' }).waitFor();
    await page.context().setOffline(true);
    await page.goto('/keranjang');
    await page.locator('h1').first().waitFor();
    assert.equal(await page.getByText(SAMBAL.name).count(), 0, 'the next person offline does not see their cart');
    await snap(page, 'offline-member-cart-signed-out');
    await page.context().setOffline(false);
  },
);

browserTest('signing out leaves nothing of the person in the caches', { file: 'offline-sign-out' }, async (page) => {
  await installed(page);
  await page.waitForLoadState('networkidle');
  const guest = await cacheContents(page);
  await signIn(page, DEMO.shopper);
  await page.goto(SAMBAL.path);
  await page.locator('h1', { hasText: SAMBAL.name }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.goto('/pesan');
  await page.waitForLoadState('networkidle');
  await page.goto('/akun');
  await page.locator('.session-list__item').first().waitFor();
  await page.waitForLoadState('networkidle');

  // Signed in: public pages are kept, nothing of the person is (no page of theirs, no API answer).
  const personal = /^\/(akun|masuk|daftar|jual|admin|pesan|pesanan)(\/|$|\?)|^\/api\/v1\/(me|auth|admin|orders)/;
  const signedIn = await cacheContents(page);
  assert.ok(signedIn['lapak-pages'].includes(SAMBAL.path), JSON.stringify(signedIn['lapak-pages']));
  for (const [name, paths] of Object.entries(signedIn)) {
    assert.deepEqual(paths.filter((p) => personal.test(p)), [], `nothing personal in ${name}`);
  }
  const answers = (signedIn['lapak-data'] ?? []).filter((p) => !(guest['lapak-data'] ?? []).includes(p));
  assert.deepEqual(answers, [], 'no API answer to someone signed in is kept');

  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('.site-nav__user', { hasText: 'Masuk' }).waitFor();
  await page.waitForLoadState('networkidle');
  // What is kept now is only what `/` loaded after signing out: nothing from before.
  const after = await cacheContents(page);
  const loadedSince = await page.evaluate(() => [
    location.pathname,
    ...performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname + new URL(e.name).search),
  ]);
  assert.ok(after['lapak-assets'].length > 0, 'the app itself stays');
  for (const [name, paths] of Object.entries(after)) {
    if (name === 'lapak-assets') continue;
    const before = paths.filter((p) => !loadedSince.includes(p));
    assert.deepEqual(before, [], `${name} holds nothing opened before signing out`);
  }
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lapak.')));
  assert.deepEqual(stored, [], 'localStorage forgot the person');
  await snap(page, 'offline-signed-out');
});
