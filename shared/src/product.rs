//! Products as lists show them (the catalog issue extends this).

use serde::{Deserialize, Serialize};

use crate::Sector;

/// A product card: enough to show it in a list and link to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductSummary {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// Whole Rupiah.
    pub price: i64,
    /// What one unit is: "kg", "pcs", "lembar", "botol 100 ml".
    pub unit: String,
    pub stock: i64,
    pub sector: Sector,
    pub shop_name: String,
    pub shop_slug: String,
    pub image_url: Option<String>,
}
