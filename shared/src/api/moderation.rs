//! A village admin's moderation of its shops and listings.

use super::endpoints;
use crate::{
    product::{ModeratedProduct, Moderation},
    storefront::{ModeratedShop, ShopEnterprise},
};

endpoints! {
    /// Every listing of the village's shops, drafts excluded (they are the seller's own), newest first.
    Products { id: i64 }: get "/api/v1/admin/villages/{id}/products" => Vec<ModeratedProduct>;
    /// Hides a listing from shoppers; the seller sees the reason.
    HideProduct { id: i64, product_id: i64 }: post "/api/v1/admin/villages/{id}/products/{product_id}/hide", body Moderation => ();
    /// Shows a hidden listing again.
    UnhideProduct { id: i64, product_id: i64 }: post "/api/v1/admin/villages/{id}/products/{product_id}/unhide" => ();
    /// The village's approved shops (active or suspended), by name.
    Shops { id: i64 }: get "/api/v1/admin/villages/{id}/shops" => Vec<ModeratedShop>;
    /// Suspends an active shop: its products leave the catalog and it cannot change them; the owner sees why.
    SuspendShop { id: i64, shop_id: i64 }: post "/api/v1/admin/villages/{id}/shops/{shop_id}/suspend", body Moderation => ();
    /// Reinstates a suspended shop.
    ReinstateShop { id: i64, shop_id: i64 }: post "/api/v1/admin/villages/{id}/shops/{shop_id}/reinstate" => ();
    /// Links a shop to one of the village's enterprises (or unlinks it); search learns the new name.
    SetEnterprise { id: i64, shop_id: i64 }: put "/api/v1/admin/villages/{id}/shops/{shop_id}/enterprise", body ShopEnterprise => ();
}
