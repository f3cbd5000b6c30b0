//! The lists of bulk and export inquiries with their filters: a shop's for its owner (workspace) and the
//! admins' queue (admin area), and how many of a shop's are new.

use shared::api::inquiries::{ShopInquiries, VillageInquiries};
use shared::{InquiryKind, InquiryStatus};

use super::{ApiError, Get, fetch};

/// Which inquiries a list shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InquiryFilter {
    pub status: Option<InquiryStatus>,
    pub kind: Option<InquiryKind>,
    /// Admins only.
    pub village: Option<i64>,
    pub page: u32,
}

impl InquiryFilter {
    /// The query string (`status=baru&kind=ekspor&village=3&page=2`, without `?`), empty for none.
    pub fn query(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(status) = self.status {
            pairs.push(format!("status={}", status.code()));
        }
        if let Some(kind) = self.kind {
            pairs.push(format!("kind={}", kind.code()));
        }
        if let Some(village) = self.village {
            pairs.push(format!("village={village}"));
        }
        if self.page > 1 {
            pairs.push(format!("page={}", self.page));
        }
        pairs.join("&")
    }
}

/// A shop's inquiries, newest first.
pub fn shop_inquiries(shop: i64, filter: &InquiryFilter) -> Get<ShopInquiries> {
    Get::with(ShopInquiries { id: shop }, filter.query())
}

/// The inquiries of the admin's villages, newest first.
pub fn village_inquiries(filter: &InquiryFilter) -> Get<VillageInquiries> {
    Get::with(VillageInquiries {}, filter.query())
}

/// How many of a shop's inquiries are new (for its tab).
pub async fn new_inquiry_count(shop: i64) -> Result<i64, ApiError> {
    let filter = InquiryFilter { status: Some(InquiryStatus::New), ..InquiryFilter::default() };
    let list = fetch(shop_inquiries(shop, &filter)).await?;
    Ok(list.counts.iter().find(|c| c.status == InquiryStatus::New).map_or(0, |c| c.count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_list_addresses() {
        assert_eq!(InquiryFilter::default().query(), "");
        assert_eq!(village_inquiries(&InquiryFilter::default()).url(), "/api/v1/admin/inquiries");
        let f = InquiryFilter {
            status: Some(InquiryStatus::New),
            kind: Some(InquiryKind::Export),
            village: Some(3),
            page: 2,
        };
        assert_eq!(f.query(), "status=baru&kind=ekspor&village=3&page=2");
        assert_eq!(village_inquiries(&f).url(), "/api/v1/admin/inquiries?status=baru&kind=ekspor&village=3&page=2");
        let new = InquiryFilter { status: Some(InquiryStatus::New), page: 1, ..InquiryFilter::default() };
        assert_eq!(shop_inquiries(7, &new).url(), "/api/v1/shops/7/inquiries?status=baru");
    }
}
