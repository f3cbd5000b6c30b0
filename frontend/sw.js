// Lapak Desa's service worker: the app installable and the pages a person opened readable offline.
// `cargo xtask dist` writes it into dist/sw.js with BUILD filled in: the build's version (from its files'
// hashes, so a new build is a new worker), the files to fetch ahead, the bundles pages fetch only when
// needed and the stylesheet of the offline page.
//
// - Hashed files (`name-<hash>.js|css|wasm`, never changed) and the build's other files: from the cache.
// - Pages: from the network; the last 50 public ones opened are kept and shown offline with a banner; a
//   page never opened shows the offline page, listing those kept.
// - API answers and pictures: kept when public, for reading kept pages offline.
// - What may be kept follows HTTP: never an answer marked `no-store` or `private` (the server marks every
//   page of one person's own and every API answer to someone signed in). Signing out deletes all but
//   the app's own files (frontend/src/offline.rs).
// - Pushes (the page subscribes in frontend/src/push.rs; the server sends in backend/src/push): each is
//   shown with the app's icon, one per page it is about, and a tap opens that page.
const BUILD = {{build}};

const ASSETS = 'lapak-assets';
const PAGES = 'lapak-pages';
const DATA = 'lapak-data';
const MEDIA = 'lapak-media';
const LIMITS = { [PAGES]: 50, [DATA]: 100, [MEDIA]: 100 };
/// Opened with the app: the cart's page (its contents are kept in the browser), readable offline.
const READY_OFFLINE = ['/keranjang'];
const HASHED = /-[0-9a-f]{16}\.(?:js|css|wasm)$/;
const HASHED_REF = /\/[\w./-]*-[0-9a-f]{16}\.(?:js|css|wasm)/g;
const absolute = (path) => new URL(path, self.location.origin).href;
const ICON = '/icons/lapak-desa-192.png';
const PRECACHE = new Set(BUILD.precache.map(absolute));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const assets = await caches.open(ASSETS);
      await Promise.all(
        BUILD.precache.map(async (path) => {
          const hashed = HASHED.test(path);
          if (hashed && (await assets.match(path))) return;
          const response = await fetch(path, { cache: hashed ? 'default' : 'no-cache' });
          if (!response.ok) throw new Error(`${path}: ${response.status}`);
          await assets.put(path, response);
        }),
      );
      await Promise.all(READY_OFFLINE.map((path) => fetchPage(absolute(path)).catch(() => {})));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const known = [ASSETS, PAGES, DATA, MEDIA];
      for (const name of await caches.keys()) if (!known.includes(name)) await caches.delete(name);
      await forgetOldAssets();
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(navigate(event));
  else if (url.pathname.startsWith('/api/')) event.respondWith(networkFirst(event, DATA));
  else if (url.pathname.startsWith('/media/')) event.respondWith(cacheFirst(event, MEDIA));
  else if (HASHED.test(url.pathname) || PRECACHE.has(url.href)) event.respondWith(cacheFirst(event, ASSETS));
});

// A page opened inside the app (no page load): kept like one that was loaded.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'opened') return;
  const url = new URL(event.data.url, self.location.origin);
  url.hash = '';
  if (url.origin === self.location.origin) event.waitUntil(fetchPage(url.href, 30_000).catch(() => {}));
});

// A push: { title, body, url, tag } from the server, decrypted by the browser.
self.addEventListener('push', (event) => {
  let push = {};
  try {
    push = event.data?.json() ?? {};
  } catch {
    push = { body: event.data?.text() ?? '' };
  }
  event.waitUntil(showPush(push));
});

/** Shows a push; a newer one about the same page replaces the older and rings again. */
function showPush(push) {
  const tag = typeof push.tag === 'string' && push.tag ? push.tag : undefined;
  return self.registration.showNotification(push.title || 'Lapak Desa', {
    body: push.body || '',
    icon: ICON,
    badge: ICON,
    lang: 'id',
    tag,
    renotify: Boolean(tag),
    data: { url: push.url || '/' },
  });
}

// A tap on a push: the page it is about, in a window of the app already showing it, else a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin);
  if (url.origin !== self.location.origin) return;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const showing = windows.find((w) => new URL(w.url).pathname === url.pathname);
      if (showing) return showing.focus();
      return self.clients.openWindow(url.href);
    })(),
  );
});

/** Whether HTTP lets this answer be kept: complete, from this site, not `no-store` nor `private`. */
function storable(response) {
  const control = (response.headers.get('Cache-Control') ?? '').toLowerCase();
  return response.status === 200 && response.type === 'basic' && !/\b(?:no-store|private)\b/.test(control);
}

async function navigate(event) {
  try {
    const response = (await event.preloadResponse) ?? (await fetch(event.request));
    if (storable(response)) event.waitUntil(keepPage(event.request.url, response.clone()));
    return response;
  } catch {
    const kept = await (await caches.open(PAGES)).match(event.request.url, { ignoreVary: true });
    return kept ? withBanner(kept) : offlinePage();
  }
}

async function networkFirst(event, name) {
  const cache = await caches.open(name);
  try {
    const response = await fetch(event.request);
    if (storable(response)) event.waitUntil(keep(cache, name, event.request, response.clone()));
    return response;
  } catch {
    return (await cache.match(event.request, { ignoreVary: true })) ?? Response.error();
  }
}

async function cacheFirst(event, name) {
  const cache = await caches.open(name);
  const kept = await cache.match(event.request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(event.request);
  if (storable(response)) event.waitUntil(keep(cache, name, event.request, response.clone()));
  return response;
}

/** Keeps an answer as the newest of its cache, dropping the oldest past the cache's limit. */
async function keep(cache, name, request, response) {
  await cache.delete(request);
  await cache.put(request, response);
  const limit = LIMITS[name];
  if (!limit) return;
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - limit))) await cache.delete(old);
}

/** Fetches a page and keeps it, unless it was kept less than `fresh` ms ago. */
async function fetchPage(url, fresh = 0) {
  const kept = await (await caches.open(PAGES)).match(url);
  if (kept && Date.now() - Number(kept.headers.get('X-Lapak-Saved')) < fresh) return;
  const response = await fetch(url, { headers: { Accept: 'text/html' } });
  if (storable(response)) await keepPage(url, response);
}

/** Keeps a page with its title and when it was kept (for the offline page and the banner). */
async function keepPage(url, response) {
  if (!(response.headers.get('Content-Type') ?? '').startsWith('text/html')) return;
  const html = await response.text();
  const title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  headers.set('X-Lapak-Title', encodeURIComponent(unescapeHtml(title.trim())));
  headers.set('X-Lapak-Saved', String(Date.now()));
  await keep(await caches.open(PAGES), PAGES, url, new Response(html, { headers }));
}

/** A kept page with the banner saying it is shown offline, and since when it was kept. */
async function withBanner(kept) {
  const saved = new Date(Number(kept.headers.get('X-Lapak-Saved')));
  const when = saved.toLocaleString('id-ID', { dateStyle: 'medium', timeStyle: 'short' });
  const banner =
    `<p class="offline-banner" role="status"><strong>Anda sedang offline.</strong> ` +
    `Halaman ini tersimpan di perangkat Anda (${escapeHtml(when)}).</p>`;
  const html = (await kept.text()).replace(/<body[^>]*>/, (body) => body + banner);
  return new Response(html, { headers: kept.headers });
}

/** The offline page: the pages kept on this phone, newest first, in the site's style. */
async function offlinePage() {
  const pages = await caches.open(PAGES);
  const links = [];
  for (const request of (await pages.keys()).reverse()) {
    const page = await pages.match(request);
    const url = new URL(request.url);
    const kept = decodeURIComponent(page?.headers.get('X-Lapak-Title') ?? '');
    const title = kept.replace(/\s*[|—]\s*Lapak Desa$/, '') || url.pathname;
    links.push(`<li><a href="${escapeHtml(url.pathname + url.search)}">${escapeHtml(title)}</a></li>`);
  }
  const list = links.length
    ? `<p>Halaman yang tersimpan di perangkat ini dan bisa dibaca tanpa internet:</p>` +
      `<ul class="offline-list">${links.join('')}</ul>`
    : `<p>Belum ada halaman yang tersimpan di perangkat ini.</p>`;
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="theme-color" content="#1d6b45">
<title>Anda sedang offline — Lapak Desa</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${BUILD.stylesheet}"></head><body>
<header class="site-header"><div class="container site-header__inner"><a class="brand" href="/">
<img class="brand__logo" src="/favicon.svg" alt="" width="32" height="32"><span class="brand__name">Lapak Desa</span>
</a></div></header>
<main class="main"><div class="container page offline-page"><h1>Anda sedang offline</h1>
<p>Halaman ini belum pernah dibuka di perangkat ini, jadi belum bisa ditampilkan tanpa internet. Sambungkan
kembali ke internet, lalu muat ulang halaman ini.</p>${list}</div></main></body></html>`;
  return new Response(html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'",
    },
  });
}

/** Whether `url` is a bundle a page fetches only when needed (the inquiry form's): a kept page reads
 * without it. */
const fetchedLater = (url) => BUILD.later.some((name) => new URL(url).pathname.startsWith(`/${name}-`));

/** The hashed files a kept page loads (and those its scripts load), or null when one is gone; `read`
 * remembers each file's own references across pages. */
async function filesOf(html, assets, read) {
  const found = new Set();
  const pending = html.match(HASHED_REF) ?? [];
  while (pending.length) {
    const url = absolute(pending.pop());
    if (found.has(url) || fetchedLater(url)) continue;
    if (!read.has(url)) {
      const file = await assets.match(url);
      if (!file) return null;
      read.set(url, url.endsWith('.js') ? ((await file.text()).match(HASHED_REF) ?? []) : []);
    }
    found.add(url);
    pending.push(...read.get(url));
  }
  return found;
}

/** After a new build takes over: keeps the files of this build and those the kept pages of earlier
 * builds load (so they still work offline), deletes the rest; a kept page whose files are gone is
 * dropped rather than shown broken. */
async function forgetOldAssets() {
  const [assets, pages] = await Promise.all([caches.open(ASSETS), caches.open(PAGES)]);
  const needed = new Set(PRECACHE);
  const read = new Map();
  for (const request of await pages.keys()) {
    const page = await pages.match(request);
    const files = page && (await filesOf(await page.text(), assets, read));
    if (files) files.forEach((url) => needed.add(url));
    else await pages.delete(request);
  }
  for (const request of await assets.keys()) if (!needed.has(request.url)) await assets.delete(request);
}

function escapeHtml(text) {
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

function unescapeHtml(text) {
  const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e]);
}
