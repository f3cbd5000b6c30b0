//! Listings: the public product page and the seller's own.

use super::endpoints;
use crate::product::{ProductDetail, ProductForm, ProductRecord};

endpoints! {
    /// A listed product with its photos and the chain behind it (producer, shop or enterprise, village).
    Product { id: i64 }: get "/api/v1/products/{id}" => ProductDetail;
    /// Every listing of the shop, drafts and hidden ones included, newest first.
    Listings { id: i64 }: get "/api/v1/shops/{id}/products" => Vec<ProductRecord>;
    /// Lists a new product (or keeps it as a draft); photos must be the seller's own uploads.
    AddListing { id: i64 }: post "/api/v1/shops/{id}/products", body ProductForm => ProductRecord;
    /// Changes a listing; 409 when it was saved elsewhere since `version` was loaded.
    UpdateListing { id: i64, product_id: i64 }: put "/api/v1/shops/{id}/products/{product_id}", body ProductForm => ProductRecord;
    /// Deletes a listing for good (hiding keeps it); one that was ever ordered stays, so orders and the sales figures
    /// keep their product.
    RemoveListing { id: i64, product_id: i64 }: delete "/api/v1/shops/{id}/products/{product_id}" => ();
}
