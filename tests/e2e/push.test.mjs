// Browser tests of push notifications on a 360 px phone whose Chromium has granted the notifications
// permission. Headless Chromium cannot make a real push subscription (that needs its vendor's push
// service, out of reach here), so the browser's own `PushManager.subscribe` / `getSubscription` are
// stood in for by a subscription the test makes up; everything around them is real: the account page's
// control, the permission, the server's VAPID key handed to `subscribe`, the subscription posted to the
// server and listed as "Perangkat ini", removing it. The service worker's `push` handler is given a push
// through the DevTools protocol (`ServiceWorker.deliverPushMessage`) and shows the notification (title,
// body, icon, the page a tap opens). A tap itself cannot be made headless; the encrypted delivery from
// the server is the integration tests' (tests/tests/integration/push).
import assert from 'node:assert/strict';
import { browserTest, signIn, sleep, snap, workerControls, DEMO, PHONE, TIMEOUT } from './helpers.mjs';

const GRANTED = { ...PHONE, permissions: ['notifications'] };

/** Stands in for the browser's push service: `subscribe` answers a made-up subscription and records the
 * key it was given; `getSubscription` answers it afterwards. */
function standInPushService() {
  const endpoint = `https://push.lapak.invalid/wpush/${Date.now()}`;
  const json = {
    endpoint,
    expirationTime: null,
    keys: {
      p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
      auth: 'BTBZMqHH6r4Tts7J_aSIgg',
    },
  };
  let subscribed = null;
  const made = () => ({ endpoint, toJSON: () => json, unsubscribe: async () => ((subscribed = null), true) });
  PushManager.prototype.subscribe = async function (options) {
    const key = new Uint8Array(options.applicationServerKey);
    window.__pushKey = btoa(String.fromCharCode(...key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    window.__userVisibleOnly = options.userVisibleOnly;
    subscribed = made();
    return subscribed;
  };
  PushManager.prototype.getSubscription = async function () {
    return subscribed;
  };
}

/** Opens `/akun` once the service worker controls the page. */
async function accountWithWorker(page) {
  await page.goto('/akun');
  await workerControls(page);
  await page.reload();
}

browserTest('a shopper allows notifications on this phone from the account page', { context: GRANTED }, async (page) => {
  await page.addInitScript(standInPushService);
  await signIn(page, DEMO.shopper);
  await accountWithWorker(page);
  const section = page.locator('section[aria-labelledby="pemberitahuan"]');
  await section.getByRole('heading', { name: 'Pemberitahuan di HP' }).waitFor();
  const allow = section.getByRole('button', { name: 'Aktifkan pemberitahuan di perangkat ini' });
  await allow.click();
  await section.getByText('Aktif di perangkat ini', { exact: true }).waitFor();
  await section.getByText('Perangkat ini', { exact: true }).waitFor();

  const published = await page.evaluate(async () => (await (await fetch('/api/v1/push/key')).json()).public_key);
  assert.equal(await page.evaluate(() => window.__pushKey), published, 'subscribed with the server key');
  assert.equal(await page.evaluate(() => window.__userVisibleOnly), true);
  const devices = await page.evaluate(async () => (await fetch('/api/v1/me/push')).json());
  assert.equal(devices.length, 1, 'the subscription reached the server');
  assert.match(devices[0].endpoint, /^https:\/\/push\.lapak\.invalid\/wpush\//);
  await snap(page, 'push-allowed');

  await section.getByRole('button', { name: 'Matikan' }).click();
  await section.getByText('Pemberitahuan dimatikan.').waitFor();
  await section.getByRole('button', { name: 'Aktifkan pemberitahuan di perangkat ini' }).waitFor();
  assert.deepEqual(await page.evaluate(async () => (await fetch('/api/v1/me/push')).json()), []);
});

browserTest('the service worker shows a push and knows the page it opens', { context: GRANTED }, async (page) => {
  await page.goto('/');
  await workerControls(page);
  const cdp = await page.context().newCDPSession(page);
  const registration = new Promise((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.endsWith('/') && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const registrationId = await Promise.race([registration, sleep(TIMEOUT).then(() => assert.fail('no registration reported'))]);
  const origin = new URL(page.url()).origin;
  const push = { title: 'Pesanan baru LD-UJI12345', body: 'Baiq Nurul memesan 1 Kopi. Terima atau tolak pesanan ini.',
    url: '/jual/1/pesanan/LD-UJI12345', tag: '/jual/1/pesanan/LD-UJI12345' };
  await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: JSON.stringify(push) });
  const deadline = Date.now() + TIMEOUT;
  let shown = [];
  while (shown.length === 0 && Date.now() < deadline) {
    await sleep(100);
    shown = await page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title, body: n.body, icon: n.icon, tag: n.tag, data: n.data })),
    );
  }
  assert.equal(shown.length, 1, 'the push is shown');
  assert.equal(shown[0].title, push.title);
  assert.equal(shown[0].body, push.body);
  assert.equal(shown[0].tag, push.tag);
  assert.equal(shown[0].data.url, push.url, 'a tap opens the order');
  assert.match(shown[0].icon, /\/icons\/lapak-desa-192\.png$/);
});

browserTest('a seller is offered notifications above the shop, and may say later', { context: PHONE }, async (page) => {
  await signIn(page, '0812 3456 0002');
  // Its one shop opens at once, under the offer.
  await page.goto('/jual');
  await page.getByRole('navigation', { name: 'Bagian toko' }).waitFor();
  const offer = page.getByRole('region', { name: 'Pemberitahuan pesanan' });
  await offer.getByRole('button', { name: 'Aktifkan pemberitahuan' }).waitFor();
  await snap(page, 'push-offer');
  await offer.getByRole('button', { name: 'Nanti saja' }).click();
  await offer.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('navigation', { name: 'Bagian toko' }).waitFor();
  assert.equal(await offer.count(), 0, 'not offered again on this phone');
});
