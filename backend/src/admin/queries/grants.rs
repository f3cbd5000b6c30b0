//! SQL of admin roles: recording, finding and revoking grants, the district admins of a region, and
//! whether a newly named admin has a password yet.

use shared::{DistrictAdminView, RegionRef, Role};
use sqlx::Row;

use crate::{
    accounts::queries::user_ref,
    db::{Db, now_ms},
};

/// Records a grant, made now; returns its id.
pub async fn insert(
    conn: &mut sqlx::AnyConnection,
    user_id: i64,
    role: Role,
    village_id: Option<i64>,
    region: Option<&str>,
    granted_by: Option<i64>,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO grants (user_id, role, village_id, region_code, granted_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user_id)
    .bind(role.code())
    .bind(village_id)
    .bind(region)
    .bind(granted_by)
    .bind(now_ms())
    .fetch_one(conn)
    .await
}

/// Marks a grant as given to an account that existed before (see `care::in_care`).
pub async fn mark_to_existing_account(conn: &mut sqlx::AnyConnection, grant_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE grants SET to_existing_account = $1 WHERE id = $2")
        .bind(true)
        .bind(grant_id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Whether the user is a village admin of this village.
pub async fn is_village_admin_of(conn: &mut sqlx::AnyConnection, user_id: i64, village_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM grants WHERE user_id = $1 AND role = $2 AND village_id = $3")
        .bind(user_id)
        .bind(Role::VillageAdmin.code())
        .bind(village_id)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

/// Whether the user is a district admin of exactly this region.
pub async fn is_district_admin_of(conn: &mut sqlx::AnyConnection, user_id: i64, region: &str) -> sqlx::Result<bool> {
    let held: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM grants WHERE user_id = $1 AND role = 'district_admin' AND region_code = $2",
    )
    .bind(user_id)
    .bind(region)
    .fetch_one(conn)
    .await?;
    Ok(held > 0)
}

/// The account's password hash, `None` while it has no password yet.
pub async fn password_hash(conn: &mut sqlx::AnyConnection, user_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1").bind(user_id).fetch_one(conn).await
}

/// The district admins of regions meeting `condition` (on `g.region_code`), by region and name.
pub async fn district_admins(db: &Db, condition: &str) -> sqlx::Result<Vec<DistrictAdminView>> {
    let rows = sqlx::query(&format!(
        "SELECT g.id AS grant_id, g.region_code, g.created_at, r.name AS region_name, u.id, u.name, u.phone \
         FROM grants g JOIN users u ON u.id = g.user_id JOIN regions r ON r.code = g.region_code \
         WHERE g.role = 'district_admin' AND {condition} ORDER BY g.region_code, u.name"
    ))
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DistrictAdminView {
                grant_id: r.try_get("grant_id")?,
                user: user_ref(r)?,
                region: RegionRef { code: r.try_get("region_code")?, name: r.try_get("region_name")? },
                granted_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// A grant as revoking it needs it: whose, which role (its code), the region or village code it applies
/// in, the holder's name and the place's name (read as it may be stored: `None` when missing).
pub struct Held {
    pub user_id: i64,
    pub role: String,
    pub scope: String,
    pub name: String,
    pub place: Option<String>,
}

/// The grant with this id.
pub async fn held(db: &Db, grant_id: i64) -> sqlx::Result<Option<Held>> {
    let row = sqlx::query(
        "SELECT g.user_id, g.role, COALESCE(v.region_code, g.region_code) AS scope, u.name, \
                COALESCE(v.name, r.name) AS place \
         FROM grants g JOIN users u ON u.id = g.user_id LEFT JOIN villages v ON v.id = g.village_id \
         LEFT JOIN regions r ON r.code = g.region_code WHERE g.id = $1",
    )
    .bind(grant_id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(Held {
        user_id: row.try_get("user_id")?,
        role: row.try_get("role")?,
        scope: row.try_get("scope")?,
        name: row.try_get("name")?,
        place: row.try_get("place")?,
    }))
}

/// Revokes a grant.
pub async fn delete(conn: &mut sqlx::AnyConnection, grant_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM grants WHERE id = $1").bind(grant_id).execute(conn).await?;
    Ok(())
}
