//! robots.txt and sitemap.xml, so search engines find every village, enterprise, news item, shop and
//! product.

use axum::{
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use bytes::Bytes;
use shared::Lang;
use shared::routes::PAGES;

use super::not_found;
use crate::{error::AppResult, page_cache::Kind, state::AppState, villages::queries};

/// robots.txt: every page the table marks as not indexable is kept out, with the API and receipts.
pub async fn robots(State(state): State<AppState>) -> Response {
    let mut body = String::from("User-agent: *\nAllow: /\nDisallow: /api/\n");
    for prefix in shared::routes::unindexed_prefixes() {
        body.push_str(&format!("Disallow: {prefix}\n"));
        // A public app's private page (the cart, an order) is private in English too.
        if PAGES.iter().any(|r| !r.indexable && r.app.is_public() && r.pattern.starts_with(prefix.as_str())) {
            body.push_str(&format!("Disallow: {}\n", Lang::En.path(&prefix)));
        }
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
const XMLNS_XHTML: &str = "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"";

/// `sitemap.xml` and its parts: one `urlset` when the addresses fit `part_size`, else an index of
/// `urlset` parts of at most `part_size` addresses each. Every page is listed in every language, each
/// with its alternates (`hreflang`), the Indonesian one the default.
fn documents(base: &str, addresses: &[(String, Option<i64>)], part_size: usize) -> Vec<Bytes> {
    let part_size = part_size.max(1);
    let in_every_language: Vec<(Lang, &str, Option<i64>)> =
        addresses.iter().flat_map(|(path, at)| Lang::ALL.map(|lang| (lang, path.as_str(), *at))).collect();
    let urlset = |chunk: &[(Lang, &str, Option<i64>)]| {
        let mut xml = format!("{XML_HEAD}<urlset {XMLNS} {XMLNS_XHTML}>\n");
        for (lang, path, at) in chunk {
            let lastmod = at.map(|at| format!("<lastmod>{}</lastmod>", date(at))).unwrap_or_default();
            let loc = escape(&format!("{base}{}", lang.path(path)));
            xml.push_str(&format!("<url><loc>{loc}</loc>{lastmod}"));
            for (code, other) in Lang::ALL.iter().map(|l| (l.code(), *l)).chain([("x-default", Lang::Id)]) {
                let href = escape(&format!("{base}{}", other.path(path)));
                xml.push_str(&format!("<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{href}\"/>"));
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        Bytes::from(xml)
    };
    let addresses = &in_every_language;
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
        // Five pages, each in Indonesian and English: ten addresses.
        let addresses: Vec<(String, Option<i64>)> = (0..5).map(|i| (format!("/toko/t{i}"), Some(0))).collect();
        let one = documents("https://x.id", &addresses, 10);
        assert_eq!(one.len(), 1);
        assert_eq!(std::str::from_utf8(&one[0]).unwrap().matches("<url>").count(), 10);
        let split = documents("https://x.id", &addresses, 4);
        assert_eq!(split.len(), 4, "the index and three parts");
        let index = std::str::from_utf8(&split[0]).unwrap();
        assert!(index.contains("<sitemapindex") && index.contains("<loc>https://x.id/sitemap/3.xml</loc>"));
        let sizes: Vec<usize> =
            split[1..].iter().map(|p| std::str::from_utf8(p).unwrap().matches("<url>").count()).collect();
        assert_eq!(sizes, [4, 4, 2]);
    }

    #[test]
    fn every_page_is_listed_in_both_languages_with_its_alternates() {
        let xml = documents("https://x.id", &[("/toko/a".into(), None)], 10).remove(0);
        let xml = std::str::from_utf8(&xml).unwrap();
        assert!(xml.contains("<loc>https://x.id/toko/a</loc>") && xml.contains("<loc>https://x.id/en/toko/a</loc>"));
        let english = r#"<xhtml:link rel="alternate" hreflang="en" href="https://x.id/en/toko/a"/>"#;
        let default = r#"<xhtml:link rel="alternate" hreflang="x-default" href="https://x.id/toko/a"/>"#;
        assert_eq!(xml.matches(english).count(), 2, "{xml}");
        assert_eq!(xml.matches(default).count(), 2);
    }

    #[test]
    fn formats_dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_795_478_400_000), "2026-11-24");
        assert_eq!(super::date(951_782_400_000), "2000-02-29");
    }
}
