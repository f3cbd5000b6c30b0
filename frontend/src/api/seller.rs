//! Calls of the marketplace's back office: a seller's listings and shop settings (`/jual`), and a
//! village admin's moderation of the village's shops and listings.

use shared::{
    ProductForm, ProductRecord, ShopSettings, ShopSettingsRecord,
    product::{ModeratedProduct, Moderation},
    storefront::{ModeratedShop, ShopEnterprise},
};

use super::{ApiError, BASE, Change, get, send, send_empty};

/// Nothing to send.
const NO_BODY: Option<&()> = None;

/// Every listing of a shop, drafts and hidden ones included.
pub async fn products(shop: i64) -> Result<Vec<ProductRecord>, ApiError> {
    get(&format!("{BASE}/shops/{shop}/products")).await
}

/// Lists a new product (`id` none) or changes one.
pub async fn save_product(shop: i64, id: Option<i64>, form: ProductForm) -> Result<ProductRecord, ApiError> {
    match id {
        None => send(Change::Post, &format!("{BASE}/shops/{shop}/products"), Some(&form)).await,
        Some(id) => send(Change::Put, &format!("{BASE}/shops/{shop}/products/{id}"), Some(&form)).await,
    }
}

pub async fn remove_product(shop: i64, id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/shops/{shop}/products/{id}"), NO_BODY).await
}

/// The shop's settings, with its status and what the village admin set; readable whatever the status.
pub async fn settings(shop: i64) -> Result<ShopSettingsRecord, ApiError> {
    get(&format!("{BASE}/shops/{shop}/settings")).await
}

pub async fn save_settings(shop: i64, form: ShopSettings) -> Result<ShopSettingsRecord, ApiError> {
    send(Change::Put, &format!("{BASE}/shops/{shop}/settings"), Some(&form)).await
}

/// The village's active and suspended shops.
pub async fn village_shops(village: i64) -> Result<Vec<ModeratedShop>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/shops")).await
}

pub async fn suspend_shop(village: i64, shop: i64, form: Moderation) -> Result<(), ApiError> {
    send_empty(Change::Post, &format!("{BASE}/admin/villages/{village}/shops/{shop}/suspend"), Some(&form)).await
}

pub async fn reinstate_shop(village: i64, shop: i64) -> Result<(), ApiError> {
    send_empty(Change::Post, &format!("{BASE}/admin/villages/{village}/shops/{shop}/reinstate"), NO_BODY).await
}

/// Says which of the village's enterprises a shop represents (or none).
pub async fn link_enterprise(village: i64, shop: i64, enterprise_id: Option<i64>) -> Result<(), ApiError> {
    let url = format!("{BASE}/admin/villages/{village}/shops/{shop}/enterprise");
    send_empty(Change::Put, &url, Some(&ShopEnterprise { enterprise_id })).await
}

/// The listings of the village's shops, drafts excluded.
pub async fn village_products(village: i64) -> Result<Vec<ModeratedProduct>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/products")).await
}

pub async fn hide_product(village: i64, product: i64, form: Moderation) -> Result<(), ApiError> {
    send_empty(Change::Post, &format!("{BASE}/admin/villages/{village}/products/{product}/hide"), Some(&form)).await
}

pub async fn unhide_product(village: i64, product: i64) -> Result<(), ApiError> {
    send_empty(Change::Post, &format!("{BASE}/admin/villages/{village}/products/{product}/unhide"), NO_BODY).await
}
