//! robots.txt and sitemap.xml, so search engines find every village, enterprise, news item, shop and
//! product.

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use bytes::Bytes;
use shared::routes::PAGES;

use super::not_found;
use crate::{error::AppResult, page_cache::Kind, state::AppState, villages::queries};

/// robots.txt: every page the table marks as not indexable is kept out, with the API and receipts.
pub async fn robots(State(state): State<AppState>) -> Response {
    let mut body = String::from("User-agent: *\nAllow: /\nDisallow: /api/\n");
    for prefix in shared::routes::unindexed_prefixes() {
        body.push_str(&format!("Disallow: {prefix}\n"));
    }
    body.push_str(&format!("Disallow: /media/receipts/\n\nSitemap: {}/sitemap.xml\n", state.config.public_url));
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

/// `sitemap.xml`: every public address (the fixed pages, villages, enterprises, published news, open
/// shops, listed products) while they fit one file ([`crate::config::SITEMAP_PART_URLS`], the protocol's
/// limit), else an index of the parts `/sitemap/{n}.xml`. Kept like other pages: built once per
/// `LAPAK_PAGE_CACHE_MS` and on the first request after any change, the index and its parts together.
pub async fn sitemap(State(state): State<AppState>) -> AppResult<Response> {
    Ok(match document(&state, 0).await? {
        Some(xml) => xml_response(xml),
        None => not_found(&state),
    })
}

/// One part of a sitemap too large for one file: `{n}.xml`, counted from 1.
pub async fn sitemap_part(State(state): State<AppState>, Path(file): Path<String>) -> AppResult<Response> {
    let part = file.strip_suffix(".xml").and_then(|n| n.parse::<usize>().ok()).filter(|n| *n >= 1);
    Ok(match part {
        Some(n) => document(&state, n).await?.map_or_else(|| not_found(&state), xml_response),
        None => not_found(&state),
    })
}

fn xml_response(xml: Bytes) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response()
}

/// Document `n` of the sitemap (0: `sitemap.xml` itself, then the parts), kept or built with the others.
async fn document(state: &AppState, n: usize) -> AppResult<Option<Bytes>> {
    if let Some(xml) = state.pages.get(Kind::Sitemap, &n.to_string()) {
        return Ok(Some(xml));
    }
    let generation = state.pages.generation();
    let documents = documents(&state.config.public_url, &addresses(state).await?, state.config.sitemap_part_urls);
    for (i, xml) in documents.iter().enumerate() {
        state.pages.put(Kind::Sitemap, &i.to_string(), generation, xml.clone());
    }
    Ok(documents.into_iter().nth(n))
}

/// Every public path with its last change (Unix ms), when known.
async fn addresses(state: &AppState) -> AppResult<Vec<(String, Option<i64>)>> {
    let db = &state.db;
    // The indexable pages without parameters, then every address of those with one.
    let fixed = PAGES.iter().filter(|r| r.indexable && !r.pattern.contains(':'));
    let mut all: Vec<(String, Option<i64>)> = fixed.map(|r| (r.pattern.to_owned(), None)).collect();
    for (slug, at) in queries::all_slugs(db).await? {
        all.push((format!("/desa/{slug}"), Some(at)));
    }
    for (slug, at) in crate::enterprises::queries::all_slugs(db).await? {
        all.push((format!("/lembaga/{slug}"), Some(at)));
    }
    for (village, slug, at) in crate::news::queries::all_published(db).await? {
        all.push((format!("/desa/{village}/berita/{slug}"), Some(at)));
    }
    for (slug, at) in crate::shops::queries::all_open(db).await? {
        all.push((format!("/toko/{slug}"), Some(at)));
    }
    for (path, at) in crate::products::queries::all_listed(db).await? {
        all.push((path, Some(at)));
    }
    Ok(all)
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const XMLNS: &str = "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";

/// `sitemap.xml` and its parts: one `urlset` when the addresses fit `part_size`, else an index of
/// `urlset` parts of at most `part_size` addresses each.
fn documents(base: &str, addresses: &[(String, Option<i64>)], part_size: usize) -> Vec<Bytes> {
    let part_size = part_size.max(1);
    let urlset = |chunk: &[(String, Option<i64>)]| {
        let mut xml = format!("{XML_HEAD}<urlset {XMLNS}>\n");
        for (path, at) in chunk {
            let lastmod = at.map(|at| format!("<lastmod>{}</lastmod>", date(at))).unwrap_or_default();
            xml.push_str(&format!("<url><loc>{}</loc>{lastmod}</url>\n", escape(&format!("{base}{path}"))));
        }
        xml.push_str("</urlset>\n");
        Bytes::from(xml)
    };
    if addresses.len() <= part_size {
        return vec![urlset(addresses)];
    }
    let parts: Vec<Bytes> = addresses.chunks(part_size).map(urlset).collect();
    let mut index = format!("{XML_HEAD}<sitemapindex {XMLNS}>\n");
    for n in 1..=parts.len() {
        index.push_str(&format!("<sitemap><loc>{}</loc></sitemap>\n", escape(&format!("{base}/sitemap/{n}.xml"))));
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(Bytes::from(index)).chain(parts).collect()
}

/// Text as XML character data (addresses may hold `&`).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// `YYYY-MM-DD` (UTC) of a unix time in milliseconds.
pub fn date(ms: i64) -> String {
    let (year, month, day) = shared::format::civil_date(ms.div_euclid(86_400_000));
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_its_part_size_the_sitemap_is_an_index_of_parts() {
        let addresses: Vec<(String, Option<i64>)> = (0..5).map(|i| (format!("/toko/t{i}"), Some(0))).collect();
        let one = documents("https://x.id", &addresses, 5);
        assert_eq!(one.len(), 1);
        assert_eq!(std::str::from_utf8(&one[0]).unwrap().matches("<url>").count(), 5);
        let split = documents("https://x.id", &addresses, 2);
        assert_eq!(split.len(), 4, "the index and three parts");
        let index = std::str::from_utf8(&split[0]).unwrap();
        assert!(index.contains("<sitemapindex") && index.contains("<loc>https://x.id/sitemap/3.xml</loc>"));
        let sizes: Vec<usize> =
            split[1..].iter().map(|p| std::str::from_utf8(p).unwrap().matches("<url>").count()).collect();
        assert_eq!(sizes, [2, 2, 1]);
    }

    #[test]
    fn formats_dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_795_478_400_000), "2026-11-24");
        assert_eq!(super::date(951_782_400_000), "2000-02-29");
    }
}
