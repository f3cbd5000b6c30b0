//! robots.txt and sitemap.xml, so search engines find every village, enterprise, news item and product.

use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
};

use crate::{error::AppResult, state::AppState, villages::queries};

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /akun\nDisallow: /admin\nDisallow: /masuk\nDisallow: /daftar\nDisallow: /jual\nDisallow: /keranjang\nDisallow: /pesan\nDisallow: /konsultasi/\nDisallow: /media/receipts/\n\n\
         Sitemap: {}/sitemap.xml\n",
        state.config.public_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

pub async fn sitemap(State(state): State<AppState>) -> AppResult<Response> {
    let base = &state.config.public_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in ["/", "/desa", "/peta", "/produk", "/konsultasi"] {
        xml.push_str(&format!("<url><loc>{base}{path}</loc></url>\n"));
    }
    for (slug, updated_at) in queries::all_slugs(&state.db).await? {
        xml.push_str(&format!("<url><loc>{base}/desa/{slug}</loc><lastmod>{}</lastmod></url>\n", date(updated_at)));
    }
    for (slug, updated_at) in crate::enterprises::queries::all_slugs(&state.db).await? {
        xml.push_str(&format!("<url><loc>{base}/lembaga/{slug}</loc><lastmod>{}</lastmod></url>\n", date(updated_at)));
    }
    for (village, slug, updated_at) in crate::news::queries::all_published(&state.db).await? {
        xml.push_str(&format!(
            "<url><loc>{base}/desa/{village}/berita/{slug}</loc><lastmod>{}</lastmod></url>\n",
            date(updated_at)
        ));
    }
    for (path, updated_at) in crate::products::queries::all_listed(&state.db).await? {
        xml.push_str(&format!("<url><loc>{base}{path}</loc><lastmod>{}</lastmod></url>\n", date(updated_at)));
    }
    xml.push_str("</urlset>\n");
    Ok(([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], xml).into_response())
}

/// `YYYY-MM-DD` (UTC) of a unix time in milliseconds (Howard Hinnant's civil-from-days).
pub fn date(ms: i64) -> String {
    let z = ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn formats_dates() {
        assert_eq!(super::date(0), "1970-01-01");
        assert_eq!(super::date(1_795_478_400_000), "2026-11-24");
        assert_eq!(super::date(951_782_400_000), "2000-02-29");
    }
}
