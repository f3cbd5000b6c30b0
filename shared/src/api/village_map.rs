//! The potential map of every village.

use super::endpoints;

endpoints! {
    /// The villages on the map (all, or those of one kecamatan or flagship sector) with their kecamatan added up, and
    /// the tile server the page draws the map from.
    VillageMap {}: get "/api/v1/map" => crate::village_map::VillageMap;
}
