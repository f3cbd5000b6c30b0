//! Shops: applying to open one, its settings, its member producers and its public storefront.

use super::endpoints;
use crate::{
    shop::{MyShop, NewProducer, Producer, ShopApplication},
    storefront::{ShopSettings, ShopSettingsRecord},
};

endpoints! {
    /// Applies to open a shop; it waits for the village admin's (or district admin's) decision.
    Apply {}: post "/api/v1/shops", body ShopApplication => MyShop;
    /// The shop's member producers, by name.
    Producers { id: i64 }: get "/api/v1/shops/{id}/producers" => Vec<Producer>;
    /// Adds a member producer (someone who makes goods the shop sells for them).
    AddProducer { id: i64 }: post "/api/v1/shops/{id}/producers", body NewProducer => Producer;
    /// Removes a member producer of the shop.
    RemoveProducer { id: i64, producer_id: i64 }: delete "/api/v1/shops/{id}/producers/{producer_id}" => ();
    /// The shop's settings, whatever its status (the owner reads why it is pending or suspended).
    Settings { id: i64 }: get "/api/v1/shops/{id}/settings" => ShopSettingsRecord;
    /// Saves the settings of an active shop; 409 when they were saved since `version` was loaded.
    SaveSettings { id: i64 }: put "/api/v1/shops/{id}/settings", body ShopSettings => ShopSettingsRecord;
    /// A shop's public page.
    Storefront { slug: String }: get "/api/v1/storefronts/{slug}" => crate::storefront::Storefront;
}
