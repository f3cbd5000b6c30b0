//! `/toko/{slug}`: a shop with its products, village, delivery options and a WhatsApp link.
