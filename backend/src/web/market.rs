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
use shared::format::numeral_in;
use shared::routes::Page;
use shared::texts::{common, head_market as t};
use shared::{CatalogQuery, Lang, ProductDetail, Storefront, format::rupiah, product::product_id_of};

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
    let lang = Lang::of_path(uri.path()).0;
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
        let title = match words.filter(|words| !words.trim().is_empty()) {
            Some(words) => t::catalog_search_title(lang, words),
            None => t::catalog_title(lang).to_owned(),
        };
        let mut head = site_head(&state, Page::Catalog, &title, "/produk");
        head.description = t::catalog_description(lang).into();
        Ok(Found::Page(head, seeds))
    })
    .await
}

/// A product: its name, price, village and cover as the preview; `/produk/{id}-{other}` moves to the
/// product's own address. The page is kept like the catalog's (shared links bring bursts of visits).
pub async fn product(State(state): State<AppState>, Path(segment): Path<String>, uri: Uri) -> AppResult<Response> {
    let lang = Lang::of_path(uri.path()).0;
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
        let head = product_head(&state, lang, &p);
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
    let lang = Lang::of_path(uri.path()).0;
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
        let name = s.name_in(lang);
        let mut head = site_head(&state, Page::ProductReviews, &t::reviews_title(lang, name), &path);
        head.description = match p.rating.brief().average_label() {
            Some(average) => t::reviews_description(
                lang,
                p.rating.count,
                numeral_in(lang, &average),
                name,
                &s.shop_name,
                &s.village_name,
            ),
            None => t::no_reviews_description(lang, name, &s.shop_name, &s.village_name),
        };
        head.image = p.photos.first().map(|c| image_preview(&state, &c.jpeg)).or(head.image);
        Ok(Found::Page(head, Seeds::default().answer(product_api, &p).outcome(reviews_api.url(), &reviews)))
    })
    .await
}

/// A product's head: its name and price as the title, a picture, and what it costs as a schema.org offer.
/// In English: the seller's English name and description when they gave them; the preview's description
/// leaves out Indonesian words, the schema.org data falls back to them.
fn product_head(state: &AppState, lang: Lang, p: &ProductDetail) -> Head {
    let path = p.summary.path();
    let s = &p.summary;
    let name = s.name_in(lang);
    let absolute = format!("{}{}", state.config.public_url, lang.path(&path));
    let in_stock = s.stock > 0;
    let own_text = match lang {
        Lang::Id => Some(p.description_text.as_str()),
        _ => p.description_en_text.as_deref(),
    };
    let mut description =
        t::product_description(lang, s.price_label_in(lang), &s.shop_name, &s.village_name, &p.chain.region.kabupaten);
    if let Some(text) = own_text.filter(|text| !text.is_empty()) {
        description = format!("{description} {text}");
    }
    let images: Vec<String> = p.photos.iter().map(|i| format!("{}{}", state.config.public_url, i.jpeg.url)).collect();
    let mut json_ld = json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": name,
        "description": own_text.unwrap_or(&p.description_text),
        "image": images,
        "sku": s.id.to_string(),
        "category": s.sector.label_in(lang),
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
    if lang != Lang::Id {
        json_ld["inLanguage"] = json!(lang.code());
    }
    add_reviews(&mut json_ld, p);
    add_certificates(&mut json_ld, lang, p);
    let title = format!("{name} — {} | Lapak Desa", rupiah(s.price));
    Head {
        description,
        image: p.photos.first().map(|c| image_preview(state, &c.jpeg)).or_else(|| Some(site_image(state))),
        offer: Some(Offer { price: s.price, in_stock, json_ld }),
        ..site_head(state, Page::Product, &title, &path)
    }
}

/// A shop: its name, village and logo as the preview, rendered with its first products.
pub async fn shop(State(state): State<AppState>, Path(slug): Path<String>, uri: Uri) -> AppResult<Response> {
    let lang = Lang::of_path(uri.path()).0;
    kept_or_built(&state, &uri, async || {
        let api = Get::of(shops::Storefront { slug: slug.clone() }).url();
        let Some(shop) = storefront(&state.db, &slug).await? else {
            return Ok(Found::Missing(Page::Shop.route().app, Seeds::default().not_found(api)));
        };
        let products = CatalogQuery { toko: Some(slug.clone()), ..CatalogQuery::default() };
        let seeds = Seeds::default()
            .answer(api, &shop)
            .outcome(api::catalog::catalog(&products).url(), &crate::catalog::page(&state, &products).await);
        Ok(Found::Page(shop_head(&state, lang, &shop), seeds))
    })
    .await
}

/// A shop's head: its name, village and logo; the seller's own (Indonesian) description only in Indonesian.
fn shop_head(state: &AppState, lang: Lang, shop: &Storefront) -> Head {
    let mut description = t::shop_description(lang, shop.product_count, &shop.village_name, &shop.region.kabupaten);
    if lang == Lang::Id && !shop.description.is_empty() {
        description = format!("{} {description}", shop.description);
    }
    let title = t::shop_title(lang, &shop.name, &shop.village_name);
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
fn add_certificates(json_ld: &mut serde_json::Value, lang: Lang, p: &ProductDetail) {
    if p.certificates.is_empty() {
        return;
    }
    let certifications: Vec<serde_json::Value> = p
        .certificates
        .iter()
        .map(|c| {
            let mut certification = json!({
                "@type": "Certification",
                "name": common::certificate_of(lang, c.kind.label_in(lang)),
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
