//! Pages of the marketplace with their link previews: the catalog (`/produk`), a product (its photo,
//! price and a schema.org `Product`, so a link shared on WhatsApp shows both) and a shop.

use axum::{
    extract::{Path, Query, State},
    http::{StatusCode, Uri},
    response::{IntoResponse, Redirect, Response},
};
use bytes::Bytes;
use serde_json::json;
use shared::{CatalogQuery, format::rupiah, product::product_id_of};

use super::{
    html_response, image_preview, not_found, page,
    pages::{App, Head, Offer},
    render::{Seeds, missing, rendered},
    site_head, site_image,
};
use crate::{
    error::AppResult, products::queries, shops::storefront::storefront, state::AppState, villages::page_cache::Kind,
};

/// The catalog, titled after the search.
pub async fn catalog(State(state): State<AppState>, uri: Uri) -> Response {
    let q = Query::<CatalogQuery>::try_from_uri(&uri).map(|Query(q)| q).unwrap_or_default();
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
    page(&state, StatusCode::OK, head)
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
        return Ok(missing(&state, App::Browse, &url, Seeds::default().status(api, StatusCode::NOT_FOUND)).await);
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

/// A shop: its name, village and logo as the preview.
pub async fn shop(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    let Some(shop) = storefront(&state.db, &slug).await? else {
        return Ok(not_found(&state));
    };
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
    Ok(page(&state, StatusCode::OK, head))
}
