//! Kemendagri region codes.

use super::endpoints;
use crate::region::Region;

endpoints! {
    /// Regions that have villages on the portal (or, with `all=true`, every region), with how many.
    Regions {}: get "/api/v1/regions" => Vec<Region>;
}
