//! Calls of bulk and export inquiries: sending one (browse pages), a shop's inquiries for its owner
//! (workspace), the admins' queue (admin area), and moving one on.

use shared::{
    Inquiry, InquiryForm, InquiryKind, InquiryList, InquirySent, InquiryStatus, inquiry::InquiryStatusChange,
};

use super::{ApiError, BASE, Change, get, send};

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
    /// The query string (`?status=baru&kind=ekspor&village=3&page=2`), empty for none.
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
        if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
    }
}

/// Sends an inquiry; 409 when the same one was just sent, 429 after too many from one number.
pub async fn send_inquiry(form: InquiryForm) -> Result<InquirySent, ApiError> {
    send(Change::Post, &format!("{BASE}/inquiries"), Some(&form)).await
}

/// A shop's inquiries, newest first.
pub async fn shop_inquiries((shop, filter): (i64, InquiryFilter)) -> Result<InquiryList, ApiError> {
    get(&format!("{BASE}/shops/{shop}/inquiries{}", filter.query())).await
}

/// How many of a shop's inquiries are new (for its tab).
pub async fn new_inquiry_count(shop: i64) -> Result<i64, ApiError> {
    let filter = InquiryFilter { status: Some(InquiryStatus::New), ..InquiryFilter::default() };
    let list = shop_inquiries((shop, filter)).await?;
    Ok(list.counts.iter().find(|c| c.status == InquiryStatus::New).map_or(0, |c| c.count))
}

/// The owner moves one of the shop's inquiries on.
pub async fn shop_inquiry_status(shop: i64, id: i64, change: InquiryStatusChange) -> Result<Inquiry, ApiError> {
    send(Change::Post, &format!("{BASE}/shops/{shop}/inquiries/{id}/status"), Some(&change)).await
}

/// The inquiries of the admin's villages, newest first.
pub async fn admin_inquiries(filter: InquiryFilter) -> Result<InquiryList, ApiError> {
    get(&format!("{BASE}/admin/inquiries{}", filter.query())).await
}

/// An admin of its village moves an inquiry on.
pub async fn admin_inquiry_status(id: i64, change: InquiryStatusChange) -> Result<Inquiry, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/inquiries/{id}/status"), Some(&change)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_list_queries() {
        assert_eq!(InquiryFilter::default().query(), "");
        let f = InquiryFilter {
            status: Some(InquiryStatus::New),
            kind: Some(InquiryKind::Export),
            village: Some(3),
            page: 2,
        };
        assert_eq!(f.query(), "?status=baru&kind=ekspor&village=3&page=2");
    }
}
