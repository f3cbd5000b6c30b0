//! A village's officials, as its admin keeps them.

use super::endpoints;
use crate::official::{Official, OfficialForm};

endpoints! {
    /// The village's officials, in their order.
    Officials { id: i64 }: get "/api/v1/admin/villages/{id}/officials" => Vec<Official>;
    /// Adds an official.
    AddOfficial { id: i64 }: post "/api/v1/admin/villages/{id}/officials", body OfficialForm => Official;
    /// Changes an official of this village.
    UpdateOfficial { id: i64, official_id: i64 }: put "/api/v1/admin/villages/{id}/officials/{official_id}", body OfficialForm => Official;
    /// Removes an official of this village.
    RemoveOfficial { id: i64, official_id: i64 }: delete "/api/v1/admin/villages/{id}/officials/{official_id}" => ();
}
