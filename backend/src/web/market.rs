//! Pages of the marketplace, rendered with their content and their link previews: the catalog
//! (`/produk`, its search in the address), a product (its photo, price and a schema.org `Product`, so a
//! link shared on WhatsApp shows both), its reviews and a shop.

use axum::{
    extract::{Path, State},
    http::Uri,
    response::Response,
};
use frontend::api::{self, Get};
use serde_json::json;
use shared::api::shops;
use shared::{CatalogQuery, ProductDetail, Storefront, format::rupiah, product::product_id_of};

use shared::routes::Page;

use super::{
    image_preview,
    pages::{Head, Offer},
    render::{Found, Seeds, kept_or_built, searched_at},
    site_head, site_image,
};
use crate::{error::AppResult, products::queries, shops::storefront::storefront, state::AppState};

/// The catalog, titled after the search, rendered with its page of results (the first, or the one after
/// its cursor `setelah`) and their counts, as the page reads the search from its address.
pub async fn catalog(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let q = frontend::catalog_query::parse(uri.query().unwrap_or_default());
        if let Some(address) = searched_at(&uri, "/produk", &frontend::catalog_query::page_pairs(&q)) {
            return Ok(Found::Elsewhere(address));
        }
        let counted = frontend::catalog_query::facet_query(&q);
        let seeds = Seeds::default()
            .outcome(api::catalog::catalog(&q).url(), &crate::catalog::page(&state, &q).await)
            .outcome(api::catalog::facets(&counted).url(), &crate::catalog::counts(&state, &counted).await);
        // The search as typed, without control characters (the API refuses them; the title shows the rest).
        let words = q.words().map(|words| words.chars().filter(|c| !c.is_control()).collect::<String>());
        let mut head = match words.filter(|words| !words.trim().is_empty()) {
            Some(words) => {
                site_head(&state, Page::Catalog, &format!("Cari \"{words}\" — Produk desa | Lapak Desa"), "/produk")
            }
            None => site_head(&state, Page::Catalog, "Produk desa — Lapak Desa", "/produk"),
        };
        head.description = "Belanja langsung dari BUMDes, koperasi dan UMKM desa: makanan olahan, kerajinan, tenun, \
                            hasil tani dan laut."
            .into();
        Ok(Found::Page(head, seeds))
    })
    .await
}

/// A product: its name, price, village and cover as the preview; `/produk/{id}-{other}` moves to the
/// product's own address. The page is kept like the catalog's (shared links bring bursts of visits).
pub async fn product(State(state): State<AppState>, Path(segment): Path<String>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let id = product_id_of(&segment);
        let api = api::catalog::product_url(id);
        let Some(p) = (match id {
            Some(id) => queries::detail(&state.db, id).await?,
            None => None,
        }) else {
            return Ok(Found::Missing(Page::Product.route().app, Seeds::default().not_found(api)));
        };
        let path = p.summary.path();
        if format!("/produk/{segment}") != path {
            return Ok(Found::Moved(path));
        }
        let head = product_head(&state, &p);
        Ok(Found::Page(head, Seeds::default().answer(api, &p)))
    })
    .await
}

/// Every visible review of a product, twenty a page (`?page=N`), with the product's rating; titled after
/// the product, whose cover is the preview.
pub async fn product_reviews(
    State(state): State<AppState>,
    Path(segment): Path<String>,
    uri: Uri,
) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let page = frontend::page_number(uri.query().unwrap_or_default());
        let Some(id) = product_id_of(&segment) else {
            return Ok(Found::Missing(Page::ProductReviews.route().app, Seeds::default()));
        };
        let (product_api, reviews_api) = (api::catalog::product_url(Some(id)), api::catalog::product_reviews(id, page));
        let Some(p) = queries::detail(&state.db, id).await? else {
            let seeds = Seeds::default().not_found(product_api).not_found(reviews_api.url());
            return Ok(Found::Missing(Page::ProductReviews.route().app, seeds));
        };
        let path = format!("{}/ulasan", p.summary.path());
        if format!("/produk/{segment}/ulasan") != path {
            return Ok(Found::Moved(path));
        }
        let per_page = Some(api::catalog::REVIEWS_PER_PAGE);
        let reviews = crate::reviews::public::of_product(&state, id, Some(page), per_page).await;
        let s = &p.summary;
        let mut head = site_head(&state, Page::ProductReviews, &format!("Ulasan {} | Lapak Desa", s.name), &path);
        head.description = match p.rating.brief().average_label() {
            Some(average) => format!(
                "Rata-rata ★ {average} dari {} ulasan pembeli terverifikasi: {}, {} di Desa {}.",
                p.rating.count, s.name, s.shop_name, s.village_name
            ),
            None => format!("Belum ada ulasan untuk {}, {} di Desa {}.", s.name, s.shop_name, s.village_name),
        };
        head.image = p.photos.first().map(|c| image_preview(&state, &c.jpeg)).or(head.image);
        Ok(Found::Page(head, Seeds::default().answer(product_api, &p).outcome(reviews_api.url(), &reviews)))
    })
    .await
}

/// A product's head: its name and price as the title, a picture, and what it costs as a schema.org offer.
fn product_head(state: &AppState, p: &ProductDetail) -> Head {
    let path = p.summary.path();
    let s = &p.summary;
    let absolute = format!("{}{path}", state.config.public_url);
    let in_stock = s.stock > 0;
    let mut description =
        format!("{} · {} · Desa {}, {}.", s.price_label(), s.shop_name, s.village_name, p.chain.region.kabupaten);
    if !p.description_text.is_empty() {
        description = format!("{description} {}", p.description_text);
    }
    let images: Vec<String> = p.photos.iter().map(|i| format!("{}{}", state.config.public_url, i.jpeg.url)).collect();
    let mut json_ld = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": s.name,
        "description": p.description_text,
        "image": images,
        "sku": s.id.to_string(),
        "category": s.sector.label(),
        "brand": { "@type": "Brand", "name": p.chain.enterprise.as_ref().map_or(&s.shop_name, |e| &e.name) },
        "url": absolute,
        "offers": {
            "@type": "Offer",
            "price": s.price.to_string(),
            "priceCurrency": "IDR",
            "availability": if in_stock { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
            "url": absolute,
            "seller": { "@type": "Organization", "name": s.shop_name },
        },
    });
    add_reviews(&mut json_ld, p);
    add_certificates(&mut json_ld, p);
    let title = format!("{} — {} | Lapak Desa", s.name, rupiah(s.price));
    Head {
        description,
        image: p.photos.first().map(|c| image_preview(state, &c.jpeg)).or_else(|| Some(site_image(state))),
        offer: Some(Offer { price: s.price, in_stock, json_ld }),
        ..site_head(state, Page::Product, &title, &path)
    }
}

/// A shop: its name, village and logo as the preview, rendered with its first products.
pub async fn shop(State(state): State<AppState>, Path(slug): Path<String>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let api = Get::of(shops::Storefront { slug: slug.clone() }).url();
        let Some(shop) = storefront(&state.db, &slug).await? else {
            return Ok(Found::Missing(Page::Shop.route().app, Seeds::default().not_found(api)));
        };
        let products = CatalogQuery { toko: Some(slug.clone()), ..CatalogQuery::default() };
        let seeds = Seeds::default()
            .answer(api, &shop)
            .outcome(api::catalog::catalog(&products).url(), &crate::catalog::page(&state, &products).await);
        Ok(Found::Page(shop_head(&state, &shop), seeds))
    })
    .await
}

/// A shop's head: its name, village and logo.
fn shop_head(state: &AppState, shop: &Storefront) -> Head {
    let mut description = format!(
        "Toko di Desa {}, {}: {} produk. Pesan langsung atau tanya lewat WhatsApp.",
        shop.village_name, shop.region.kabupaten, shop.product_count
    );
    if !shop.description.is_empty() {
        description = format!("{} {description}", shop.description);
    }
    let title = format!("{} — Desa {} | Lapak Desa", shop.name, shop.village_name);
    Head {
        description,
        image: shop.logo.as_ref().map(|l| image_preview(state, &l.jpeg)).or_else(|| Some(site_image(state))),
        ..site_head(state, Page::Shop, &title, &format!("/toko/{}", shop.slug))
    }
}

/// A reviewed product's `aggregateRating` and its newest reviews (at most five) as schema.org `Review`s.
fn add_reviews(json_ld: &mut serde_json::Value, p: &ProductDetail) {
    let Some(average) = p.rating.average() else { return };
    json_ld["aggregateRating"] = json!({
        "@type": "AggregateRating",
        "ratingValue": (average * 10.0).round() / 10.0,
        "reviewCount": p.rating.count,
        "bestRating": 5,
        "worstRating": 1,
    });
    let reviews: Vec<serde_json::Value> = p
        .reviews
        .iter()
        .take(5)
        .map(|r| {
            let mut review = json!({
                "@type": "Review",
                "author": { "@type": "Person", "name": r.buyer },
                "reviewRating": { "@type": "Rating", "ratingValue": r.rating, "bestRating": 5, "worstRating": 1 },
                "datePublished": super::seo::date(r.created_at),
            });
            if !r.text.is_empty() {
                review["reviewBody"] = json!(r.text);
            }
            review
        })
        .collect();
    json_ld["review"] = json!(reviews);
}

/// The verified certificates within their dates as schema.org `Certification`s (`hasCertification`).
fn add_certificates(json_ld: &mut serde_json::Value, p: &ProductDetail) {
    if p.certificates.is_empty() {
        return;
    }
    let certifications: Vec<serde_json::Value> = p
        .certificates
        .iter()
        .map(|c| {
            let mut certification = json!({
                "@type": "Certification",
                "name": format!("Sertifikat {}", c.kind.label()),
                "certificationIdentification": c.number,
                "issuedBy": { "@type": "Organization", "name": c.issuer },
                "certificationStatus": "https://schema.org/CertificationActive",
            });
            if let Some(end) = &c.expires_on {
                certification["expires"] = json!(end);
            }
            certification
        })
        .collect();
    json_ld["hasCertification"] = json!(certifications);
}
