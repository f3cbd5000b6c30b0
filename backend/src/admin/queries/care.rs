//! Whose account an admin may act on (issue a reset link for, find in the user search): only a person
//! who holds at least one role or shop, all of them within the admin's scope and below the admin's own
//! rank. One rule, used by the search, the reset-link guard and the grants that hand out a first link;
//! and the SQL of the people it covers.

use shared::UserRef;

use crate::{accounts::queries::user_ref, auth::CurrentUser, db::Db};

/// An SQL condition on `users u` that holds for the people in this admin's care: people (other than
/// the admin) who hold at least one shop (in any status, applications included), admin role or
/// consultant role, and every one of them
/// - a shop in a village the admin administers,
/// - a village-admin role of a village within the admin's district regions (not a fellow village admin),
/// - a district-admin role of a region strictly within one of the admin's (not a fellow district admin),
/// - a consultant role within the admin's district regions.
///
/// A plain shopper is nobody's to reset. Naming someone an admin never brings their other roles or
/// shops into the namer's care, and a role the admin gave to an account that already existed does not
/// count as the one holding: naming a shopper an admin does not make them the namer's to reset (an
/// account the admin made for the role is theirs to help from the start).
fn in_care(admin: &CurrentUser) -> String {
    format!(
        "(u.id <> {me} \
         AND (EXISTS (SELECT 1 FROM shops s WHERE s.owner_id = u.id) \
              OR EXISTS (SELECT 1 FROM grants g WHERE g.user_id = u.id \
                  AND NOT (g.to_existing_account AND COALESCE(g.granted_by, 0) = {me})) \
              OR EXISTS (SELECT 1 FROM consultants c WHERE c.user_id = u.id)) \
         AND NOT EXISTS (SELECT 1 FROM shops s JOIN villages v ON v.id = s.village_id \
              WHERE s.owner_id = u.id AND NOT {villages}) \
         AND NOT EXISTS (SELECT 1 FROM grants g LEFT JOIN villages v ON v.id = g.village_id WHERE g.user_id = u.id \
              AND NOT ((g.role = 'village_admin' AND {village_grants}) OR (g.role = 'district_admin' AND {district_grants}))) \
         AND NOT EXISTS (SELECT 1 FROM consultants c WHERE c.user_id = u.id AND NOT {consultants}))",
        me = admin.id,
        villages = admin.village_condition("v"),
        village_grants = admin.district_condition("v.region_code"),
        district_grants = admin.below_district_condition("g.region_code"),
        consultants = admin.district_condition("c.region_code"),
    )
}

/// Whether `user_id` is in this admin's care, as `conn` sees the database (inside a transaction, the
/// roles it has just granted count).
pub async fn covers(conn: &mut sqlx::AnyConnection, admin: &CurrentUser, user_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM users u WHERE u.id = $1 AND {}", in_care(admin)))
        .bind(user_id)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

/// A region the person belongs to (the audit line of a reset link is filed under it).
pub async fn region_of(conn: &mut sqlx::AnyConnection, user_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT v.region_code FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.owner_id = $1 \
         UNION ALL SELECT v.region_code FROM grants g JOIN villages v ON v.id = g.village_id WHERE g.user_id = $1 \
         UNION ALL SELECT g.region_code FROM grants g WHERE g.user_id = $1 AND g.region_code IS NOT NULL \
         UNION ALL SELECT c.region_code FROM consultants c WHERE c.user_id = $1 \
         LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

/// The people in this admin's care whose lower-cased name is like `name_pattern` or whose number is like
/// `phone_pattern`, by name (at most 20).
pub async fn search(
    db: &Db,
    admin: &CurrentUser,
    name_pattern: String,
    phone_pattern: String,
) -> sqlx::Result<Vec<UserRef>> {
    let rows = sqlx::query(&format!(
        "SELECT u.id, u.name, u.phone FROM users u WHERE {} AND (LOWER(u.name) LIKE $1 OR u.phone LIKE $2) \
         ORDER BY u.name, u.id LIMIT 20",
        in_care(admin)
    ))
    .bind(name_pattern)
    .bind(phone_pattern)
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(user_ref).collect()
}

/// The account with this id.
pub async fn user(db: &Db, id: i64) -> sqlx::Result<Option<UserRef>> {
    let row =
        sqlx::query("SELECT id, name, phone FROM users u WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    row.as_ref().map(user_ref).transpose()
}
