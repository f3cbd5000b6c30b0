//! A village's flagship product story, as its admin keeps it.

use super::endpoints;
use crate::flagship::{FlagshipForm, FlagshipRecord};

endpoints! {
    /// The flagship product as its admins edit it, with its version.
    Flagship { id: i64 }: get "/api/v1/admin/villages/{id}/flagship" => FlagshipRecord;
    /// Saves the flagship product (an empty name removes it); 409 when someone saved it since `version`.
    SaveFlagship { id: i64 }: put "/api/v1/admin/villages/{id}/flagship", body FlagshipForm => FlagshipRecord;
}
