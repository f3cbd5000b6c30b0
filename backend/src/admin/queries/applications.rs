//! SQL of the shop-application queue: which applications an admin decides, listing them, one
//! application, and recording the decision.

use shared::{ShopApplicationView, ShopStatus};
use sqlx::{Row, any::AnyRow};

use crate::{
    accounts::queries::{phone, shop_status, village_ref},
    auth::CurrentUser,
    db::Db,
    error::AppResult,
};

/// The village `v` has no village admin: its district's admins decide for it.
pub const NO_VILLAGE_ADMIN: &str =
    "NOT EXISTS (SELECT 1 FROM grants ga WHERE ga.role = 'village_admin' AND ga.village_id = v.id)";

/// The applicant is an admin of the village: the district decides, not they or a fellow village admin.
pub const BY_VILLAGE_ADMIN: &str = "EXISTS (SELECT 1 FROM grants go WHERE go.role = 'village_admin' \
    AND go.village_id = v.id AND go.user_id = s.owner_id)";

/// An SQL condition on `shops s JOIN villages v` that holds for the applications this admin decides:
/// those of their own villages, except their admins' own; and, in their district regions, those of
/// villages without a village admin and those of the village admins. Never the admin's own.
pub fn decides_condition(admin: &CurrentUser) -> String {
    let ids: Vec<String> = admin.village_ids().map(|id| id.to_string()).collect();
    let own = if ids.is_empty() { "1 = 0".to_owned() } else { format!("v.id IN ({})", ids.join(",")) };
    format!(
        "((s.owner_id IS NULL OR s.owner_id <> {me}) AND (({own} AND NOT {BY_VILLAGE_ADMIN}) \
          OR ({district} AND ({NO_VILLAGE_ADMIN} OR {BY_VILLAGE_ADMIN}))))",
        me = admin.id,
        district = admin.district_condition("v.region_code"),
    )
}

const SELECT: &str = "SELECT s.id, s.slug, s.name, s.description, s.whatsapp, s.status, s.status_reason, s.created_at, \
    s.decided_at, v.id AS village_id, v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code, \
    u.id AS owner_id, u.name AS owner_name, u.phone AS owner_phone \
    FROM shops s JOIN villages v ON v.id = s.village_id JOIN users u ON u.id = s.owner_id";

fn view(r: &AnyRow) -> anyhow::Result<ShopApplicationView> {
    Ok(ShopApplicationView {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        whatsapp: phone(r, "whatsapp")?,
        village: village_ref(r)?,
        owner: shared::UserRef {
            id: r.try_get("owner_id")?,
            name: r.try_get("owner_name")?,
            phone: phone(r, "owner_phone")?,
        },
        status: shop_status(r)?,
        status_reason: r.try_get("status_reason")?,
        created_at: r.try_get("created_at")?,
        decided_at: r.try_get("decided_at")?,
    })
}

/// Applications in `status` that this admin decides: the oldest first while pending, otherwise the latest
/// decided first; at most 200.
pub async fn in_status(db: &Db, status: ShopStatus, admin: &CurrentUser) -> AppResult<Vec<ShopApplicationView>> {
    let decides = decides_condition(admin);
    let order = if status == ShopStatus::Pending { "s.created_at, s.id" } else { "s.decided_at DESC, s.id DESC" };
    let rows = sqlx::query(&format!("{SELECT} WHERE s.status = $1 AND {decides} ORDER BY {order} LIMIT 200"))
        .bind(status.code())
        .fetch_all(&db.pool)
        .await?;
    Ok(rows.iter().map(view).collect::<anyhow::Result<_>>()?)
}

/// The application (a shop in any status) with this id.
pub async fn application(db: &Db, id: i64) -> AppResult<Option<ShopApplicationView>> {
    let row = sqlx::query(&format!("{SELECT} WHERE s.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    Ok(row.as_ref().map(view).transpose()?)
}

/// Whether this admin decides on the application `id`.
pub async fn decides_on(db: &Db, id: i64, admin: &CurrentUser) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.id = $1 AND {}",
        decides_condition(admin)
    ))
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    Ok(n > 0)
}

/// Records the decision on a pending application; false when it was no longer pending.
pub async fn decide(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    status: ShopStatus,
    reason: Option<&str>,
    by: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE shops SET status = $1, status_reason = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5 AND status = 'pending'",
    )
    .bind(status.code())
    .bind(reason)
    .bind(by)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}
