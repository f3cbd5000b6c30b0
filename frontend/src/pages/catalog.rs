//! `/produk`: the catalog with search, filters, sorting and facet counts, its state in the address.
