//! Pages of the marketplace with their link previews: the catalog (`/produk`), a product (its photo,
//! price and a schema.org `Product`, so a link shared on WhatsApp shows both) and a shop.

use axum::{
    extract::{Path, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use bytes::Bytes;
use serde_json::json;
use shared::{CatalogQuery, format::rupiah, product::product_id_of};

use super::{
    html_response, image_preview, not_found_head,
    pages::{App, Head, Offer},
    render::{Seeds, rendered},
    site_head, site_image,
};
use crate::{
    error::{AppError, AppResult},
    products::queries,
    shops::storefront::storefront,
    state::AppState,
    villages::page_cache::Kind,
};

/// The catalog, titled after the search, rendered with its first page of results (or the page after
/// its cursor `setelah`) and their counts.
pub async fn catalog(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    let query = uri.query().unwrap_or_default();
    if let Some(html) = state.pages.get(Kind::Page, &format!("/produk?{query}")) {
        return Ok(html_response(StatusCode::OK, html));
    }
    let generation = state.pages.generation();
    // What the page's own first render asks for: the search as the app reads it from the address.
    let q = frontend::catalog_query::parse(query);
    let counted = frontend::catalog_query::facet_query(&q);
    let seeds = search_seeds(&state, &q, Seeds::default()).await?;
    let seeds = match crate::catalog::counts(&state, &counted).await {
        Ok(facets) => seeds.answer(frontend::api::catalog::facets_url(&counted), &facets),
        Err(AppError::BadRequest(why)) => {
            seeds.problem(frontend::api::catalog::facets_url(&counted), StatusCode::BAD_REQUEST, why)
        }
        Err(other) => return Err(other),
    };
    // The search as typed, without control characters (the API refuses them; the title shows the rest).
    let words = q.words().map(|words| words.chars().filter(|c| !c.is_control()).collect::<String>());
    let mut head = match words.filter(|words| !words.trim().is_empty()) {
        Some(words) => site_head(&state, &format!("Cari \"{words}\" — Produk desa | Lapak Desa"), "/produk"),
        None => site_head(&state, "Produk desa — Lapak Desa", "/produk"),
    };
    head.description = "Belanja langsung dari BUMDes, koperasi dan UMKM desa: makanan olahan, kerajinan, tenun, hasil \
                        tani dan laut."
        .into();
    head.app = App::Browse;
    let url = if query.is_empty() { "/produk".to_owned() } else { format!("/produk?{query}") };
    let html = Bytes::from(rendered(&state, &head, &url, seeds).await);
    state.pages.put(Kind::Page, &format!("/produk?{query}"), generation, html.clone());
    Ok(html_response(StatusCode::OK, html))
}

/// `seeds` with the page of products the search `q` shows (or why it cannot be done).
async fn search_seeds(state: &AppState, q: &CatalogQuery, seeds: Seeds) -> AppResult<Seeds> {
    let url = frontend::api::catalog::catalog_url(q);
    Ok(match crate::catalog::page(state, q).await {
        Ok(page) => seeds.answer(url, &page),
        Err(AppError::BadRequest(why)) => seeds.problem(url, StatusCode::BAD_REQUEST, why),
        Err(other) => return Err(other),
    })
}

/// A product: its name, price, village and cover as the preview; `/produk/{id}-{other}` moves to the
/// product's own address. The page is kept like the catalog's (shared links bring bursts of visits).
pub async fn product(State(state): State<AppState>, Path(segment): Path<String>) -> AppResult<Response> {
    if let Some(html) = state.pages.get(Kind::Product, &segment) {
        return Ok(html_response(StatusCode::OK, html));
    }
    let generation = state.pages.generation();
    let id = product_id_of(&segment);
    let url = format!("/produk/{segment}");
    let api = frontend::api::catalog::product_url(id);
    let Some(p) = (match id {
        Some(id) => queries::detail(&state.db, id).await?,
        None => None,
    }) else {
        let head = Head { app: App::Browse, ..not_found_head(&state) };
        let html =
            rendered(&state, &head, &url, Seeds::default().problem(api, StatusCode::NOT_FOUND, "Tidak ditemukan."))
                .await;
        return Ok(html_response(StatusCode::NOT_FOUND, html));
    };
    let path = p.summary.path();
    if url != path {
        return Ok(Redirect::permanent(&path).into_response());
    }
    let s = &p.summary;
    let absolute = format!("{}{path}", state.config.public_url);
    let in_stock = s.stock > 0;
    let mut description =
        format!("{} · {} · Desa {}, {}.", s.price_label(), s.shop_name, s.village_name, p.chain.region.kabupaten);
    if !p.description_text.is_empty() {
        description = format!("{description} {}", p.description_text);
    }
    let images: Vec<String> = p.photos.iter().map(|i| format!("{}{}", state.config.public_url, i.jpeg.url)).collect();
    let json_ld = json!({
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
    let head = Head {
        title: format!("{} — {} | Lapak Desa", s.name, rupiah(s.price)),
        description,
        path,
        image: Some(p.photos.first().map_or_else(|| site_image(&state), |c| image_preview(&state, &c.jpeg))),
        published_at: None,
        app: App::Browse,
        offer: Some(Offer { price: s.price, in_stock, json_ld }),
        private: false,
    };
    let html = Bytes::from(rendered(&state, &head, &url, Seeds::default().answer(api, &p)).await);
    state.pages.put(Kind::Product, &segment, generation, html.clone());
    Ok(html_response(StatusCode::OK, html))
}

/// A shop: its name, village and logo as the preview, rendered with its first products.
pub async fn shop(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    let path = format!("/toko/{slug}");
    if let Some(html) = state.pages.get(Kind::Page, &path) {
        return Ok(html_response(StatusCode::OK, html));
    }
    let generation = state.pages.generation();
    let api = frontend::api::catalog::storefront_url(&slug);
    let Some(shop) = storefront(&state.db, &slug).await? else {
        let head = Head { app: App::Browse, ..not_found_head(&state) };
        let html =
            rendered(&state, &head, &path, Seeds::default().problem(api, StatusCode::NOT_FOUND, "Tidak ditemukan."))
                .await;
        return Ok(html_response(StatusCode::NOT_FOUND, html));
    };
    let products = CatalogQuery { toko: Some(slug.clone()), ..CatalogQuery::default() };
    let seeds = search_seeds(&state, &products, Seeds::default().answer(api, &shop)).await?;
    let mut description = format!(
        "Toko di Desa {}, {}: {} produk. Pesan langsung atau tanya lewat WhatsApp.",
        shop.village_name, shop.region.kabupaten, shop.product_count
    );
    if !shop.description.is_empty() {
        description = format!("{} {description}", shop.description);
    }
    let head = Head {
        title: format!("{} — Desa {} | Lapak Desa", shop.name, shop.village_name),
        description,
        path: format!("/toko/{}", shop.slug),
        image: Some(shop.logo.as_ref().map_or_else(|| site_image(&state), |l| image_preview(&state, &l.jpeg))),
        published_at: None,
        app: App::Browse,
        offer: None,
        private: false,
    };
    let html = Bytes::from(rendered(&state, &head, &path, seeds).await);
    state.pages.put(Kind::Page, &path, generation, html.clone());
    Ok(html_response(StatusCode::OK, html))
}
