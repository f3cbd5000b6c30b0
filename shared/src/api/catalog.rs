//! The catalog of every village's listings, its search and its filters.

use super::endpoints;
use crate::catalog::CatalogPage;

endpoints! {
    /// A page of listed products: matching every search word (spelling variants and small typos included), within the
    /// filters, in the order asked for; `next` is the cursor of the next page. The same search is answered from memory
    /// for `LAPAK_PAGE_CACHE_MS`, like village pages, until anything changes.
    Catalog {}: get "/api/v1/catalog" => CatalogPage;
    /// How many results the same search has in each category and kecamatan (each facet ignoring its own filter), and in
    /// all; kept by browsers and caches for a minute.
    Facets {}: get "/api/v1/catalog/facets" => crate::catalog::Facets;
}
