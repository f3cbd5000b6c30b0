//! The admin area's lists that take a query: shop applications by status, the user search and the
//! audit log's pages.

use shared::ShopStatus;
use shared::api::admin::{AuditLog, ShopApplications, Users};

use super::{Get, query_value};

/// The shop applications in one status.
pub fn applications(status: ShopStatus) -> Get<ShopApplications> {
    Get::with(ShopApplications {}, format!("status={}", status.code()))
}

/// The users in the admin's care matching `q` (name or phone number).
pub fn users(q: &str) -> Get<Users> {
    Get::with(Users {}, format!("q={}", query_value(q)))
}

/// One page (1-based) of the audit log.
pub fn audit(page: u32) -> Get<AuditLog> {
    Get::with(AuditLog {}, format!("page={page}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_admin_list_addresses() {
        assert_eq!(applications(ShopStatus::Pending).url(), "/api/v1/admin/shop-applications?status=pending");
        assert_eq!(users("").url(), "/api/v1/admin/users?q=");
        assert_eq!(users("Siti & 0812/3").url(), "/api/v1/admin/users?q=Siti+%26+0812%2F3");
        assert_eq!(audit(3).url(), "/api/v1/admin/audit?page=3");
    }
}
