//! Addresses of the public marketplace pages' data: the catalog's and its facets' query strings, a
//! product's address when its page's address holds no id, and a page of a product's reviews.

use shared::CatalogQuery;
use shared::api::{
    Endpoint,
    catalog::{Catalog, Facets},
    products::Product,
    reviews::ProductReviews,
};

use super::Get;
use crate::catalog_query;

/// One page of products matching the search (the cursor `setelah` included).
pub fn catalog(q: &CatalogQuery) -> Get<Catalog> {
    Get::with(Catalog {}, catalog_query::to_api_query(q))
}

/// How many products the search finds, in all and per category and kecamatan (whatever its order and
/// page, so browsers can keep the answer).
pub fn facets(q: &CatalogQuery) -> Get<Facets> {
    Get::with(Facets {}, catalog_query::to_api_query(&catalog_query::facet_query(q)))
}

/// Reviews a page on a product's review list.
pub const REVIEWS_PER_PAGE: u32 = 20;

/// One page (1-based) of a desk's reviews (`ShopReviews`, `VillageReviews`), newest first.
pub fn desk_reviews<E: shared::api::Endpoint>(endpoint: E, page: u32) -> Get<E> {
    Get::with(endpoint, format!("page={page}&per_page={REVIEWS_PER_PAGE}"))
}

/// One page (1-based) of a product's visible reviews, newest first.
pub fn product_reviews(id: i64, page: u32) -> Get<ProductReviews> {
    Get::with(ProductReviews { id }, format!("page={page}&per_page={REVIEWS_PER_PAGE}"))
}

/// The address of a product's data, or for an address without an id that of no product (`-`, which the
/// API answers 404, and under which the server seeds that answer).
pub fn product_url(id: Option<i64>) -> String {
    match id {
        Some(id) => Get::of(Product { id }).url(),
        None => Product::PATH.replace("{id}", "-"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::shops::Storefront;

    #[test]
    fn builds_catalog_addresses() {
        assert_eq!(catalog(&CatalogQuery::default()).url(), "/api/v1/catalog");
        let q = CatalogQuery {
            q: Some("kripik".into()),
            harga_max: Some(20_000),
            urut: Some(shared::CatalogSort::PriceUp),
            setelah: Some("k1".into()),
            ..CatalogQuery::default()
        };
        assert_eq!(catalog(&q).url(), "/api/v1/catalog?q=kripik&harga_max=20000&urut=termurah&setelah=k1");
        assert_eq!(facets(&q).url(), "/api/v1/catalog/facets?q=kripik&harga_max=20000");
        assert_eq!(facets(&CatalogQuery::default()).url(), "/api/v1/catalog/facets");
    }

    #[test]
    fn builds_product_and_shop_addresses() {
        assert_eq!(product_url(Some(12)), "/api/v1/products/12");
        assert_eq!(product_url(None), "/api/v1/products/-");
        let shop = |slug: &str| Get::of(Storefront { slug: slug.into() }).url();
        assert_eq!(shop("toko-baiq"), "/api/v1/storefronts/toko-baiq");
        assert_eq!(shop("a/b"), "/api/v1/storefronts/a%2Fb");
    }
}
