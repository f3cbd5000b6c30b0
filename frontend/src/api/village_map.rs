//! The village potential map's data: every village with its place, status and counts, in one answer.

use shared::VillageMap;

use super::{ApiError, BASE, get};

/// The address of the whole map (the page filters it itself).
pub fn village_map_url() -> String {
    format!("{BASE}/map")
}

/// The whole map (the page filters it itself).
pub async fn village_map() -> Result<VillageMap, ApiError> {
    get(&village_map_url()).await
}
