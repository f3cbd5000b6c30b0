//! SQL for a village's officials: listing them in order, one of them, and adding, changing and removing
//! one.

use shared::{Official, OfficialForm, Valid};
use sqlx::{AnyConnection, Row};

use crate::db::Db;

const SELECT: &str = "SELECT o.id, o.name, o.position, o.sort_order, o.version, o.photo_id, i.variants \
    FROM officials o JOIN villages v ON v.id = o.village_id LEFT JOIN images i ON i.id = o.photo_id";

/// The officials of the village with this slug, in their order.
pub async fn of_village(db: &Db, slug: &str) -> anyhow::Result<Vec<Official>> {
    let rows = sqlx::query(&format!("{SELECT} WHERE v.slug = $1 ORDER BY o.sort_order, o.name, o.id"))
        .bind(slug)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(official).collect()
}

/// One official of a village, if it is that village's.
pub async fn one(db: &Db, village_id: i64, id: i64) -> anyhow::Result<Option<Official>> {
    let row = sqlx::query(&format!("{SELECT} WHERE v.id = $1 AND o.id = $2"))
        .bind(village_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(official).transpose()
}

fn official(row: &sqlx::any::AnyRow) -> anyhow::Result<Official> {
    let photo = match (row.try_get::<Option<i64>, _>("photo_id")?, row.try_get::<Option<String>, _>("variants")?) {
        (Some(id), Some(variants)) => Some(crate::images::stored(id, &variants)?),
        _ => None,
    };
    Ok(Official {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        position: row.try_get("position")?,
        photo,
        sort_order: row.try_get("sort_order")?,
        version: row.try_get("version")?,
    })
}

/// Adds an official to the village, by `admin`; returns its id.
pub async fn create(
    conn: &mut AnyConnection,
    village_id: i64,
    form: &Valid<OfficialForm>,
    admin: i64,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO officials (village_id, name, position, photo_id, sort_order, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(village_id)
    .bind(form.name.trim())
    .bind(form.position.trim())
    .bind(form.photo_id)
    .bind(form.sort_order)
    .bind(admin)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Saves changes to an official of the village when `version` is current; false when it is not (or the
/// official is gone).
pub async fn update(
    conn: &mut AnyConnection,
    village_id: i64,
    id: i64,
    form: &Valid<OfficialForm>,
    admin: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let changed = sqlx::query(
        "UPDATE officials SET name = $1, position = $2, photo_id = $3, sort_order = $4, updated_at = $5, \
            updated_by = $6, version = version + 1 \
         WHERE id = $7 AND village_id = $8 AND version = $9",
    )
    .bind(form.name.trim())
    .bind(form.position.trim())
    .bind(form.photo_id)
    .bind(form.sort_order)
    .bind(now)
    .bind(admin)
    .bind(id)
    .bind(village_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Removes an official of the village.
pub async fn delete(conn: &mut AnyConnection, village_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM officials WHERE id = $1 AND village_id = $2")
        .bind(id)
        .bind(village_id)
        .execute(conn)
        .await?;
    Ok(())
}
