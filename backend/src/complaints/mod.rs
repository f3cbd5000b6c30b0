//! Complaints on orders: the buyer opens one within `shared::complaint::COMPLAINT_DAYS` of shipping or
//! pickup (`buyer.rs`), the seller agrees with a settlement or disagrees and carries it out (`seller.rs`,
//! the refund in `refund.rs`), the village admin decides the rest (`admin.rs`), told when one comes to
//! them (`admins.rs`); each move is a step of `shared::complaint_flow` (`steps.rs`). While one runs, the
//! order does not complete on its own.

mod admin;
pub mod admins;
mod buyer;
pub mod queries;
mod refund;
mod seller;
pub mod steps;

use shared::{Valid, complaint_flow::ComplaintAction};
use utoipa_axum::{router::OpenApiRouter, routes};

pub use refund::refunded_lines;

use crate::{
    admin::audit,
    db::{now_ms, retrying},
    error::{AppError, AppResult},
    state::AppState,
};
use queries::StoredComplaint;
use steps::Step;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(buyer::open))
        .routes(routes!(buyer::act))
        .routes(routes!(seller::act))
        .routes(routes!(refund::record))
        .routes(routes!(admin::list))
        .routes(routes!(admin::decide))
}

/// Which complaint a move is made on: the order's, or one of a village's shops (404 elsewhere).
#[derive(Clone, Copy)]
pub enum Find {
    Order(i64),
    InVillage { id: i64, village_id: i64 },
}

impl Find {
    async fn load(self, conn: &mut sqlx::AnyConnection) -> AppResult<StoredComplaint> {
        let found = match self {
            Find::Order(order_id) => queries::of_order(conn, order_id).await?,
            Find::InVillage { id, village_id } => queries::in_village(conn, id, village_id).await?,
        };
        found.ok_or_else(|| AppError::NotFound("Komplain ini tidak ditemukan.".into()))
    }
}

/// The audit row an admin's decision writes.
pub struct Audit<'a> {
    pub admin_id: i64,
    pub village_name: &'a str,
    pub region_code: &'a str,
}

/// Makes `action` on the complaint `find` as `who`, in one write (with the admin's audit row); answers the
/// complaint as it now stands.
pub async fn apply(
    state: &AppState,
    find: Find,
    action: &Valid<ComplaintAction>,
    who: &Step,
    audit: Option<&Audit<'_>>,
) -> AppResult<StoredComplaint> {
    retrying(|| async move {
        let mut tx = state.db.begin_write().await?;
        let complaint = find.load(&mut tx).await?;
        let to = steps::make(&mut tx, &complaint, action, who, now_ms()).await?;
        if let Some(a) = audit {
            let outcome = action.outcome.map_or(to.label(), |o| o.label());
            let summary = format!(
                "Komplain pesanan {} ({}), Desa {}: {outcome}",
                complaint.order_code, complaint.shop_name, a.village_name
            );
            let subject = format!("complaint:{}", complaint.id);
            audit::record(
                &mut tx,
                a.admin_id,
                shared::AuditAction::ComplaintDecided,
                &subject,
                &summary,
                a.region_code,
            )
            .await?;
        }
        let complaint = find.load(&mut tx).await?;
        tx.commit().await?;
        Ok(complaint)
    })
    .await
}
