//! Calls of the public marketplace pages: the catalog and its facets, a product, a shop.

use shared::{CatalogPage, CatalogQuery, Facets, ProductDetail, Storefront};

use super::{ApiError, BASE, get, segment};
use crate::catalog_query;

/// The address of one page of the catalog (the cursor `setelah` included).
pub fn catalog_url(q: &CatalogQuery) -> String {
    with_query(&format!("{BASE}/catalog"), &catalog_query::to_api_query(q))
}

/// The address of the facet counts of a search (whatever its order and page, so browsers can keep it).
pub fn facets_url(q: &CatalogQuery) -> String {
    with_query(&format!("{BASE}/catalog/facets"), &catalog_query::to_api_query(&catalog_query::facet_query(q)))
}

fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
}

/// One page of products matching the search.
pub async fn catalog(q: CatalogQuery) -> Result<CatalogPage, ApiError> {
    get(&catalog_url(&q)).await
}

/// How many products the search finds, in all and per category and kecamatan.
pub async fn facets(q: CatalogQuery) -> Result<Facets, ApiError> {
    get(&facets_url(&q)).await
}

/// A product's page.
pub async fn product(id: i64) -> Result<ProductDetail, ApiError> {
    get(&product_url(Some(id))).await
}

/// The address of a product (of no product, for an address without an id: the API answers 404).
pub fn product_url(id: Option<i64>) -> String {
    format!("{BASE}/products/{}", id.map_or_else(|| "-".to_owned(), |id| id.to_string()))
}

/// A shop's page (its products come from the catalog).
pub async fn storefront(slug: String) -> Result<Storefront, ApiError> {
    get(&storefront_url(&slug)).await
}

/// The address of a shop's page data.
pub fn storefront_url(slug: &str) -> String {
    format!("{BASE}/storefronts/{}", segment(slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_catalog_addresses() {
        assert_eq!(catalog_url(&CatalogQuery::default()), "/api/v1/catalog");
        let q = CatalogQuery {
            q: Some("kripik".into()),
            harga_max: Some(20_000),
            urut: Some(shared::CatalogSort::PriceUp),
            setelah: Some("k1".into()),
            ..CatalogQuery::default()
        };
        assert_eq!(catalog_url(&q), "/api/v1/catalog?q=kripik&harga_max=20000&urut=termurah&setelah=k1");
        assert_eq!(facets_url(&q), "/api/v1/catalog/facets?q=kripik&harga_max=20000");
        assert_eq!(facets_url(&CatalogQuery::default()), "/api/v1/catalog/facets");
    }
}
