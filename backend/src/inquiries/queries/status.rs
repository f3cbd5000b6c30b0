//! SQL of moving an inquiry on: where it stands (with its shop), the move itself and its history entry;
//! and what the guards check of one.

use shared::{InquiryStatus, RegionCode};
use sqlx::{AnyConnection, Row};

use crate::db::Db;

/// Whether the inquiry `id` was sent to the shop `shop_id`.
pub async fn is_shops(db: &Db, id: i64, shop_id: i64) -> sqlx::Result<bool> {
    let theirs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inquiries WHERE id = $1 AND shop_id = $2")
        .bind(id)
        .bind(shop_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(theirs > 0)
}

/// The id and desa code of the village of the inquiry `id`, if there is one.
pub async fn village_of(db: &Db, id: i64) -> anyhow::Result<Option<(i64, RegionCode)>> {
    let row = sqlx::query(
        "SELECT i.village_id, v.region_code FROM inquiries i JOIN villages v ON v.id = i.village_id WHERE i.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("region_code")?;
    let code = RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("village code {code}: {e}"))?;
    Ok(Some((row.try_get("village_id")?, code)))
}

/// Where an inquiry stands, and the shop it was sent to.
pub struct Standing {
    pub status: InquiryStatus,
    pub subject: String,
    pub buyer_name: String,
    pub shop_id: Option<i64>,
    pub shop_name: Option<String>,
    pub owner_id: Option<i64>,
}

/// Where the inquiry `id` stands, if there is one.
pub async fn standing(conn: &mut AnyConnection, id: i64) -> anyhow::Result<Option<Standing>> {
    let row = sqlx::query(
        "SELECT i.status, i.subject, i.buyer_name, i.shop_id, s.name AS shop_name, s.owner_id \
         FROM inquiries i LEFT JOIN shops s ON s.id = i.shop_id WHERE i.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("status")?;
    Ok(Some(Standing {
        status: InquiryStatus::from_code(&code).ok_or_else(|| anyhow::anyhow!("inquiry status {code}"))?,
        subject: row.try_get("subject")?,
        buyer_name: row.try_get("buyer_name")?,
        shop_id: row.try_get("shop_id")?,
        shop_name: row.try_get("shop_name")?,
        owner_id: row.try_get("owner_id")?,
    }))
}

/// Moves the inquiry from `from` to `to`; false when it no longer stands at `from`.
pub async fn move_status(
    conn: &mut AnyConnection,
    id: i64,
    from: InquiryStatus,
    to: InquiryStatus,
    now: i64,
) -> sqlx::Result<bool> {
    let moved = sqlx::query("UPDATE inquiries SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to.code())
        .bind(now)
        .bind(id)
        .bind(from.code())
        .execute(conn)
        .await?;
    Ok(moved.rows_affected() == 1)
}

/// A status change as the inquiry's history keeps it.
pub struct Event<'a> {
    pub inquiry_id: i64,
    pub actor_id: i64,
    pub actor_name: &'a str,
    pub from: InquiryStatus,
    pub to: InquiryStatus,
    pub note: &'a str,
}

/// Adds a status change, made at `at`, to the inquiry's history.
pub async fn add_event(conn: &mut AnyConnection, event: &Event<'_>, at: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_name, from_status, to_status, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(event.inquiry_id)
    .bind(at)
    .bind(event.actor_id)
    .bind(event.actor_name)
    .bind(event.from.code())
    .bind(event.to.code())
    .bind(event.note)
    .execute(conn)
    .await?;
    Ok(())
}
