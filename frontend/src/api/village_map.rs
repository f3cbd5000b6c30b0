//! The village potential map's data: every village with its place, status and counts, in one answer.

use shared::VillageMap;

use super::{ApiError, BASE, get};

/// The whole map (the page filters it itself).
pub async fn village_map() -> Result<VillageMap, ApiError> {
    get(&format!("{BASE}/map")).await
}
