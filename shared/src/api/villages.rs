//! Village profiles and the directory.

use super::endpoints;
use crate::{
    Page,
    village::{VillageDetail, VillageSummary},
};

endpoints! {
    /// Villages on the portal, filtered and paginated, ordered by name.
    Villages {}: get "/api/v1/villages" => Page<VillageSummary>;
    /// A village's whole profile. An old slug answers 308 with the village's current address.
    Village { slug: String }: get "/api/v1/villages/{slug}" => VillageDetail;
}
