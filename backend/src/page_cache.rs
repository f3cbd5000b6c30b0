//! Answers kept for a while. The village page's JSON (and the catalog's pages): the busiest answers of the
//! site are built once per `LAPAK_PAGE_CACHE_MS` (1 s by default) per village or search on each server
//! instead of on every request. The dashboards' tables: built once per change, kept up to
//! `LAPAK_DASHBOARD_CACHE_MS` (1 minute). Any successful change made through this server's API (except
//! what a cache names as not shown on it, e.g. [`NOT_ON_PAGES`]) drops every answer it keeps at once, so an
//! admin sees their save immediately; what other servers (or a news item's publish time) change shows
//! within the time-to-live. Each kind of answer ([`Kind`]) has keys of its own: a village slug that spells
//! a catalog search's key is still looked up as a village.
//!
//! The store is a `moka` cache: its bound in bytes (a weigher), its expiry and its `invalidate_all`. What
//! it has no way to do stays here: a page built before a change is never kept after it (the generation),
//! and one request rebuilds an expired page while the others are served the old one (the claim).

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::{extract::Request, middleware::Next, response::Response};
use bytes::Bytes;

/// Pages kept at most, and their bytes at most (beyond either, the pages least likely to be asked for
/// again are dropped). Each page weighs its bytes but at least `MAX_BYTES / MAX_PAGES`, so that one bound
/// in bytes keeps both.
const MAX_PAGES: usize = 2048;
const MAX_BYTES: usize = 32 << 20;
const MIN_WEIGHT: usize = MAX_BYTES / MAX_PAGES;

/// The kind of a kept answer: the first half of its key, so that a key taken from a request (a village's
/// slug, a search's query, a product's address) can only ever name an answer of its own kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A village's JSON, by slug.
    Village,
    /// A page of catalog search results, by query string.
    Catalog,
    /// The village map's JSON, by filters.
    Map,
    /// A server-rendered public page's HTML (the portal's pages, the catalog, a product, a shop), by its
    /// address (path and query).
    Page,
    /// The sitemap (the whole one or its index, and each part).
    Sitemap,
    /// A dashboard table or head, by scope and filters.
    Dashboard,
}

type Key = (Kind, String);

/// A key looked up without copying the request's text: hashes as the `(Kind, String)` it names.
#[derive(Hash)]
struct Lookup<'a>(Kind, &'a str);

impl moka::Equivalent<Key> for Lookup<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        self.0 == key.0 && self.1 == key.1
    }
}

pub struct PageCache {
    ttl: Duration,
    /// How long one request may rebuild an expired page while the others are served the old one.
    claim: Duration,
    /// API paths whose changes this cache does not show at once.
    unaffected: &'static [&'static str],
    /// Bumped by every change; a page built before a change is never served after it.
    generation: AtomicU64,
    /// When the cache was made: claims are kept as nanoseconds since.
    started: Instant,
    pages: moka::sync::Cache<Key, Arc<Kept>>,
}

struct Kept {
    body: Bytes,
    built: Instant,
    generation: u64,
    /// When (nanoseconds after the cache started, plus one; 0: never) a request set out to rebuild it after
    /// it expired.
    claimed: AtomicU64,
}

impl PageCache {
    /// A cache keeping pages for `ttl` (zero: keeps nothing), dropping them on every change through the
    /// API but those on paths starting with one of `unaffected`.
    pub fn new(ttl: Duration, unaffected: &'static [&'static str]) -> PageCache {
        // A rebuild that failed or vanished no longer holds the others back after a second.
        let claim = ttl.max(Duration::from_secs(1));
        let pages = moka::sync::Cache::builder()
            .max_capacity(MAX_BYTES as u64)
            .weigher(|key: &Key, kept: &Arc<Kept>| {
                u32::try_from((key.1.len() + kept.body.len()).max(MIN_WEIGHT)).unwrap_or(u32::MAX)
            })
            // Expired pages are still served while one request rebuilds them (see `get`); one nobody asked
            // for in that while is dropped.
            // (moka refuses more than 1,000 years; a year is plenty.)
            .time_to_live(ttl.saturating_add(2 * claim).min(Duration::from_secs(365 * 24 * 3600)))
            .build();
        PageCache { ttl, claim, unaffected, generation: AtomicU64::new(0), started: Instant::now(), pages }
    }

    /// The generation to build a page under (take it before reading the database).
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The page kept as `kind` under `key` when nothing changed since it was built and it is fresh, or has just
    /// expired and another request is already rebuilding it (so one request rebuilds, not every one that
    /// arrives meanwhile). `None`: the caller builds it and keeps it with [`PageCache::put`].
    pub fn get(&self, kind: Kind, key: &str) -> Option<Bytes> {
        let kept = self.pages.get(&Lookup(kind, key))?;
        if kept.generation != self.generation() {
            return None;
        }
        if kept.built.elapsed() < self.ttl {
            return Some(kept.body.clone());
        }
        let now = u64::try_from(self.started.elapsed().as_nanos()).unwrap_or(u64::MAX).saturating_add(1);
        let claimed = kept.claimed.load(Ordering::Acquire);
        let held = claimed != 0 && u128::from(now - claimed.min(now)) < self.claim.as_nanos();
        // Of the requests that find it unclaimed (or its claim lapsed), one claims it; the others keep the
        // old page.
        if held || kept.claimed.compare_exchange(claimed, now, Ordering::AcqRel, Ordering::Acquire).is_err() {
            return Some(kept.body.clone());
        }
        None
    }

    /// Keeps a page built under `generation` as `kind` under `key`.
    pub fn put(&self, kind: Kind, key: &str, generation: u64, body: Bytes) {
        if self.ttl.is_zero() || generation != self.generation() {
            return;
        }
        let kept = Kept { body, built: Instant::now(), generation, claimed: AtomicU64::new(0) };
        self.pages.insert((kind, key.to_owned()), Arc::new(kept));
    }

    /// The JSON kept as `kind` under `key`, or `build`'s answer as JSON, kept (the generation is taken
    /// before `build` reads anything).
    pub async fn json<T: serde::Serialize>(
        &self,
        kind: Kind,
        key: &str,
        build: impl std::future::Future<Output = crate::error::AppResult<T>>,
    ) -> crate::error::AppResult<Response> {
        if let Some(body) = self.get(kind, key) {
            return Ok(json_body(body));
        }
        let generation = self.generation();
        let value = build.await?;
        let body = Bytes::from(serde_json::to_vec(&value).map_err(|e| crate::error::AppError::Internal(e.into()))?);
        self.put(kind, key, generation, body.clone());
        Ok(json_body(body))
    }

    /// Something changed: no kept page may be served any more.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.pages.invalidate_all();
    }
}

/// A kept JSON answer as a response.
pub fn json_body(body: Bytes) -> Response {
    use axum::response::IntoResponse;
    ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// API paths whose changes no kept page shows at once: sessions, one's own account, uploads not yet used,
/// carts, and orders (the stock they take shows within the time-to-live; a busy shop's orders must not
/// empty the cache of the whole site).
pub const NOT_ON_PAGES: &[&str] = &["/api/v1/auth/", "/api/v1/me", "/api/v1/images", "/api/v1/cart/", "/api/v1/orders"];

/// Endings of API paths whose changes pages show even under an unaffected prefix: a buyer's review of their
/// order (`/api/v1/orders/{code}/reviews`) is on the product page and the storefront.
pub const ON_PAGES_ANYWAY: &[&str] = &["/reviews"];

/// Whether a change (a request that is not GET/HEAD/OPTIONS) at `path` may show on a cache's answers.
fn shows_on(unaffected: &[&str], path: &str) -> bool {
    path.starts_with("/api/")
        && (!unaffected.iter().any(|p| path.starts_with(p)) || ON_PAGES_ANYWAY.iter().any(|e| path.ends_with(e)))
}

/// Middleware: a successful change through the API (any method but GET/HEAD/OPTIONS, on any path but the
/// cache's unaffected ones) drops the kept pages.
pub async fn invalidate_on_change(
    axum::extract::State(cache): axum::extract::State<std::sync::Arc<PageCache>>,
    req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let changes = !req.method().is_safe() && shows_on(cache.unaffected, path);
    let res = next.run(req).await;
    if changes && res.status().is_success() {
        cache.invalidate();
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_changes_pages_though_orders_do_not() {
        assert!(!shows_on(NOT_ON_PAGES, "/api/v1/orders/LD-7K3M9Q2X/actions"));
        assert!(shows_on(NOT_ON_PAGES, "/api/v1/orders/LD-7K3M9Q2X/reviews"));
        assert!(shows_on(NOT_ON_PAGES, "/api/v1/shops/3/reviews/9/reply"));
        assert!(!shows_on(NOT_ON_PAGES, "/produk/3-kopi"));
    }

    #[test]
    fn serves_fresh_pages_until_a_change() {
        let cache = PageCache::new(Duration::from_secs(60), NOT_ON_PAGES);
        let before = cache.generation();
        cache.put(Kind::Village, "darmaji", before, Bytes::from_static(b"v1"));
        assert_eq!(cache.get(Kind::Village, "darmaji").as_deref(), Some(&b"v1"[..]));
        cache.invalidate();
        assert_eq!(cache.get(Kind::Village, "darmaji"), None);
        // A page built from data read before the change is not kept.
        cache.put(Kind::Village, "darmaji", before, Bytes::from_static(b"stale"));
        assert_eq!(cache.get(Kind::Village, "darmaji"), None);
    }

    #[test]
    fn one_request_rebuilds_an_expired_page_while_the_others_keep_the_old_one() {
        let cache = PageCache::new(Duration::from_millis(20), NOT_ON_PAGES);
        cache.put(Kind::Village, "darmaji", cache.generation(), Bytes::from_static(b"v1"));
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(cache.get(Kind::Village, "darmaji"), None, "the first request after expiry rebuilds");
        assert_eq!(
            cache.get(Kind::Village, "darmaji").as_deref(),
            Some(&b"v1"[..]),
            "the others meanwhile get the old page"
        );
        cache.put(Kind::Village, "darmaji", cache.generation(), Bytes::from_static(b"v2"));
        assert_eq!(cache.get(Kind::Village, "darmaji").as_deref(), Some(&b"v2"[..]));
        cache.invalidate();
        assert_eq!(cache.get(Kind::Village, "darmaji"), None, "after a change nobody gets the old page");
    }

    #[test]
    fn a_rebuild_that_vanished_lets_another_request_rebuild() {
        let cache = PageCache::new(Duration::from_millis(20), NOT_ON_PAGES);
        cache.put(Kind::Village, "darmaji", cache.generation(), Bytes::from_static(b"v1"));
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(cache.get(Kind::Village, "darmaji"), None, "the first request after expiry rebuilds");
        assert!(cache.get(Kind::Village, "darmaji").is_some());
        std::thread::sleep(Duration::from_millis(1100));
        assert_eq!(cache.get(Kind::Village, "darmaji"), None, "a second later, another one does");
    }

    #[test]
    fn stays_within_its_bytes_and_pages() {
        let cache = PageCache::new(Duration::from_secs(60), NOT_ON_PAGES);
        let big = Bytes::from(vec![b' '; MAX_BYTES / 2]);
        cache.put(Kind::Village, "a", cache.generation(), big.clone());
        cache.put(Kind::Village, "b", cache.generation(), Bytes::from_static(b"small"));
        assert!(cache.get(Kind::Village, "a").is_some() && cache.get(Kind::Village, "b").is_some());
        cache.put(Kind::Village, "c", cache.generation(), big);
        cache.pages.run_pending_tasks();
        assert!(cache.pages.weighted_size() <= MAX_BYTES as u64, "beyond its bytes, pages are dropped");
        assert!(
            cache.get(Kind::Village, "a").is_none() || cache.get(Kind::Village, "c").is_none(),
            "the two big pages are not both kept"
        );
        for i in 0..MAX_PAGES + 100 {
            cache.put(Kind::Village, &i.to_string(), cache.generation(), Bytes::from_static(b"small"));
        }
        cache.pages.run_pending_tasks();
        assert!(cache.pages.entry_count() <= MAX_PAGES as u64, "beyond its pages, pages are dropped");
    }

    #[test]
    fn each_kind_has_its_own_keys() {
        let cache = PageCache::new(Duration::from_secs(60), NOT_ON_PAGES);
        cache.put(Kind::Catalog, "catalog:q=madu", cache.generation(), Bytes::from_static(b"catalog"));
        assert_eq!(cache.get(Kind::Village, "catalog:q=madu"), None, "a village slug never names a search");
        assert_eq!(cache.get(Kind::Catalog, "catalog:q=madu").as_deref(), Some(&b"catalog"[..]));
    }

    #[test]
    fn keeps_nothing_without_a_time_to_live() {
        let cache = PageCache::new(Duration::ZERO, NOT_ON_PAGES);
        cache.put(Kind::Village, "darmaji", cache.generation(), Bytes::from_static(b"v1"));
        assert_eq!(cache.get(Kind::Village, "darmaji"), None);
    }
}
