//! Public pages rendered on the server by the components the browser hydrates: the page's data is
//! read in-process, keyed by the API address the page would ask (its seeds), rendered into the shell
//! of its app and embedded once for the hydrating app.

use axum::{
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use bytes::Bytes;
use frontend::seed::{Seed, SeedMap, state_script};
use serde::Serialize;
use shared::Lang;

use super::pages::{App, Body, Head};
use super::{html_response, not_found_head};
use crate::{error::AppResult, page_cache::Kind, state::AppState};

/// The answers a page is rendered from.
#[derive(Default)]
pub struct Seeds(SeedMap);

impl Seeds {
    /// What the API answers at `url`.
    pub fn answer<T: Serialize>(mut self, url: String, value: &T) -> Seeds {
        let seed = serde_json::to_value(value).map_or_else(|e| problem(StatusCode::INTERNAL_SERVER_ERROR, e), Seed::Ok);
        self.0.insert(url, seed);
        self
    }

    /// What the API answers at `url`: the value, or its error.
    pub fn outcome<T: Serialize>(self, url: String, outcome: &AppResult<T>) -> Seeds {
        match outcome {
            Ok(value) => self.answer(url, value),
            Err(error) => self.problem(url, error.status(), error.problem().detail),
        }
    }

    /// The API answers 404 at `url`.
    pub fn not_found(self, url: String) -> Seeds {
        self.problem(url, StatusCode::NOT_FOUND, "Tidak ditemukan.")
    }

    /// The API answers `status` (an error) at `url`, saying `detail`.
    pub fn problem(mut self, url: String, status: StatusCode, detail: impl ToString) -> Seeds {
        self.0.insert(url, problem(status, detail));
        self
    }
}

fn problem(status: StatusCode, detail: impl ToString) -> Seed {
    Seed::Problem { status: status.as_u16(), detail: detail.to_string() }
}

/// The whole page at `url` (path and query): `head`, and the content its app renders from `seeds`.
/// A render that fails (a panic in a component) leaves the app to render the page in the browser.
pub async fn rendered(state: &AppState, head: &Head, url: &str, seeds: Seeds) -> String {
    let body = body(state, head, url, seeds.0).await;
    state.shells.of(head).render(head, &state.config.public_url, body.as_ref())
}

/// What a page's handler found.
pub enum Found {
    /// The page to render (and keep).
    Page(Head, Seeds),
    /// Nothing at this address: the "not found" page of the app, rendered from the seeds (the API's 404).
    Missing(App, Seeds),
    /// The page moved (an old village slug) to this path: a permanent redirect.
    Moved(String),
    /// The same search at the address the app writes (`searched_at`): a redirect (303), so that a filter
    /// form sent without its empty fields' help lands where a shared link would.
    Elsewhere(String),
}

/// Where the search the request asks with `pairs` (its canonical query pairs, in order) is kept, when
/// the request writes it otherwise: empty fields of a plain form, "25.000" for 25000, a value it drops (the
/// same pairs in another order are the same search).
pub fn searched_at<K: AsRef<str>>(uri: &Uri, path: &str, pairs: &[(K, String)]) -> Option<String> {
    let mut asked: Vec<(String, String)> = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .filter(|(name, _)| !tracking(&format!("{name}=")))
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let mut canonical: Vec<(String, String)> = pairs.iter().map(|(n, v)| (n.as_ref().to_owned(), v.clone())).collect();
    asked.sort();
    canonical.sort();
    (asked != canonical).then(|| {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs.iter().map(|(n, v)| (n.as_ref(), v)))
            .finish();
        if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
    })
}

/// The public page at the request's address: the one kept in the page cache, else the
/// one `build` finds, rendered and kept (unless something changed meanwhile, or it was
/// rendered around a failure).
pub async fn kept_or_built<Fut>(state: &AppState, uri: &Uri, build: impl FnOnce() -> Fut) -> AppResult<Response>
where
    Fut: Future<Output = AppResult<Found>>,
{
    let url = address(uri);
    if let Some(html) = state.pages.get(Kind::Page, &url) {
        return Ok(html_response(StatusCode::OK, html));
    }
    let generation = state.pages.generation();
    // The handler finds the page; the address says its language, which its head and redirects keep.
    let lang = Lang::of_path(uri.path()).0;
    let (head, seeds) = match build().await? {
        Found::Page(head, seeds) => (Head { lang, ..head }, seeds),
        Found::Missing(app, seeds) => return Ok(missing(state, app, &url, seeds).await),
        Found::Moved(path) => return Ok(Redirect::permanent(&lang.path(&path)).into_response()),
        Found::Elsewhere(address) => return Ok(Redirect::to(&lang.path(&address)).into_response()),
    };
    let failed = seeds.0.values().any(|seed| matches!(seed, Seed::Problem { status, .. } if *status >= 500));
    let html = Bytes::from(rendered(state, &head, &url, seeds).await);
    if !failed {
        state.pages.put(Kind::Page, &url, generation, html.clone());
    }
    Ok(html_response(StatusCode::OK, html))
}

/// The "not found" page of `app` at `url` (404), rendered from `seeds` (the API's 404 for what the page
/// asks), so it says what its page says of an unknown address.
pub async fn missing(state: &AppState, app: App, url: &str, seeds: Seeds) -> Response {
    let head = Head { app, ..not_found_head(state, Lang::of_path(url).0) };
    html_response(StatusCode::NOT_FOUND, rendered(state, &head, url, seeds).await)
}

/// The address of a request: its path and query, less the tracking parameters that sharing and ads add
/// (`utm_…`, `fbclid`, …), which no page reads: a link shared with them is the same page, kept once.
fn address(uri: &Uri) -> String {
    let kept: Vec<&str> =
        uri.query().unwrap_or_default().split('&').filter(|pair| !pair.is_empty() && !tracking(pair)).collect();
    if kept.is_empty() { uri.path().to_owned() } else { format!("{}?{}", uri.path(), kept.join("&")) }
}

/// Whether a query's `name=value` pair only tracks where a visitor came from.
fn tracking(pair: &str) -> bool {
    let name = pair.split('=').next().unwrap_or_default().to_ascii_lowercase();
    name.starts_with("utm_") || matches!(name.as_str(), "fbclid" | "gclid" | "igshid" | "msclkid" | "ttclid")
}

/// The page's content; with its seeds for an app that hydrates it whole (islands start from what their
/// elements carry).
async fn body(state: &AppState, head: &Head, url: &str, seeds: SeedMap) -> Option<Body> {
    let script = if head.islands { String::new() } else { state_script(&seeds) };
    let render = frontend::ssr::render(head.app, url.to_owned(), state.config.public_url.clone(), seeds);
    match tokio::spawn(render).await {
        Ok(html) => Some(Body { html: html?, state: script }),
        Err(error) => {
            tracing::error!(%url, %error, "rendering the page on the server failed");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{address, searched_at};

    #[test]
    fn a_search_written_otherwise_is_sent_where_the_app_keeps_it() {
        let at = |uri: &str, pairs: &[(&str, String)]| searched_at(&uri.parse().unwrap(), "/produk", pairs);
        let kopi = [("q", "kopi".to_owned()), ("harga_max", "25000".to_owned())];
        assert_eq!(at("/produk?q=kopi&harga_max=25000", &kopi), None);
        assert_eq!(at("/produk?harga_max=25000&q=kopi&utm_source=wa", &kopi), None, "order and tracking do not count");
        let form = "/produk?q=kopi&kecamatan=&kategori=&harga_min=&harga_max=25.000";
        assert_eq!(at(form, &kopi).as_deref(), Some("/produk?q=kopi&harga_max=25000"));
        assert_eq!(at("/produk?q=", &[]).as_deref(), Some("/produk"), "an empty field is left out");
        assert_eq!(at("/produk?x=1", &[]).as_deref(), Some("/produk"));
    }

    #[test]
    fn a_shared_link_with_tracking_is_the_same_page() {
        let of = |uri: &str| address(&uri.parse().unwrap());
        assert_eq!(of("/produk/12-sambal?utm_source=whatsapp&fbclid=x1"), "/produk/12-sambal");
        assert_eq!(of("/produk?q=kopi&UTM_medium=wa&setelah=abc"), "/produk?q=kopi&setelah=abc");
        assert_eq!(of("/desa?"), "/desa");
        assert_eq!(of("/desa/darmaji/berita?page=2"), "/desa/darmaji/berita?page=2");
    }
}
