//! `/produk/{id}-{slug}`: a product with its photos, price, stock, the chain behind it and WhatsApp links.
