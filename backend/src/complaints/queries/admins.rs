//! SQL of telling the admins a complaint waits for them: the complaints whose seller's time ran out
//! untold, marking one told (once), and who decides it.

use shared::complaint_flow::ComplaintStatus;
use sqlx::{AnyConnection, Row};

use super::{STORED, StoredComplaint, stored};
use crate::{
    admin::queries::applications::{BY_VILLAGE_ADMIN, NO_VILLAGE_ADMIN},
    error::AppResult,
};

/// The complaint `id`.
pub async fn by_id(conn: &mut AnyConnection, id: i64) -> AppResult<Option<StoredComplaint>> {
    let row = sqlx::query(&format!("{STORED} WHERE c.id = $1")).bind(id).fetch_optional(conn).await?;
    row.map(|r| stored(&r)).transpose()
}

/// The oldest `limit` complaints still waiting for their seller whose time to answer ran out before
/// `now`, and whose admins were not told.
pub async fn overdue_untold(conn: &mut AnyConnection, now: i64, limit: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT id FROM complaints WHERE status = $1 AND answer_by < $2 AND admins_told_at IS NULL ORDER BY id LIMIT $3",
    )
    .bind(ComplaintStatus::AwaitingSeller.code())
    .bind(now)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// Marks the complaint `id`, standing in `status`, as told to its admins at `now`; false when they were
/// told already (or it moved on meanwhile).
pub async fn mark_told(conn: &mut AnyConnection, id: i64, status: ComplaintStatus, now: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE complaints SET admins_told_at = $1 WHERE id = $2 AND status = $3 AND admins_told_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(status.code())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An admin who decides a complaint.
pub struct Decider {
    pub user_id: i64,
    /// The district region they decide it by; none for an admin of the village itself.
    pub region: Option<String>,
}

/// Everyone who decides the complaint `id` (as `super::decides` says for one admin): the village's
/// admins, or, for a village without one and for its admins' own shops, the district admins over it;
/// never the shop's owner.
pub async fn deciders(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Vec<Decider>> {
    let rows = sqlx::query(&format!(
        "SELECT DISTINCT g.user_id, g.region_code FROM complaints c JOIN shops s ON s.id = c.shop_id \
         JOIN villages v ON v.id = s.village_id \
         JOIN grants g ON (g.role = 'village_admin' AND g.village_id = v.id AND NOT {BY_VILLAGE_ADMIN}) \
            OR (g.role = 'district_admin' AND (v.region_code = g.region_code OR v.region_code LIKE g.region_code || '.%') \
                AND ({NO_VILLAGE_ADMIN} OR {BY_VILLAGE_ADMIN})) \
         WHERE c.id = $1 AND (s.owner_id IS NULL OR g.user_id <> s.owner_id) ORDER BY g.user_id"
    ))
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.iter().map(|r| Ok(Decider { user_id: r.try_get("user_id")?, region: r.try_get("region_code")? })).collect()
}

/// The name of the village `id`.
pub async fn village_name(conn: &mut AnyConnection, id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT name FROM villages WHERE id = $1").bind(id).fetch_one(conn).await
}
