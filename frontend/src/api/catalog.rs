//! Calls of the public marketplace pages: the catalog and its facets, a product, a shop.
