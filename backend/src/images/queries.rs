//! SQL for pictures: recording an upload, whose upload a picture is, whether someone may upload, and the
//! ordered photo lists kept in a table per owner (`product_photos`, `enterprise_photos`, `flagship_photos`).

use shared::Image;
use sqlx::{AnyConnection, Row};

use crate::db::Db;

/// Records an uploaded picture's sizes (`variants`, as JSON) as `owner`'s; returns its id.
pub async fn insert(
    conn: &mut AnyConnection,
    owner: i64,
    variants: &str,
    source_bytes: i64,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO images (owner_id, variants, source_bytes, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(owner)
    .bind(variants)
    .bind(source_bytes)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Whether `uploader` uploaded the picture `id`.
pub async fn is_uploader(db: &Db, id: i64, uploader: i64) -> sqlx::Result<bool> {
    let mine: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM images WHERE id = $1 AND owner_id = $2")
        .bind(id)
        .bind(uploader)
        .fetch_one(&db.pool)
        .await?;
    Ok(mine > 0)
}

/// Whether the user owns a shop that is open (active).
pub async fn owns_open_shop(db: &Db, user_id: i64) -> sqlx::Result<bool> {
    let shops: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM shops WHERE owner_id = $1 AND status = 'active'")
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(shops > 0)
}

/// Whether the user bought an order that completed at `since` or later (one they may still review).
pub async fn reviews_open(db: &Db, user_id: i64, since: i64) -> sqlx::Result<bool> {
    let orders: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM orders WHERE buyer_id = $1 AND status = 'selesai' AND status_at >= $2",
    )
    .bind(user_id)
    .bind(since)
    .fetch_one(&db.pool)
    .await?;
    Ok(orders > 0)
}

/// Whether the user bought an order that is shipped or ready for pickup (one they may complain about).
pub async fn complaints_open(db: &Db, user_id: i64) -> sqlx::Result<bool> {
    let orders: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM orders WHERE buyer_id = $1 AND status IN ('dikirim', 'siap_diambil')")
            .bind(user_id)
            .fetch_one(&db.pool)
            .await?;
    Ok(orders > 0)
}

/// The picture `id`.
pub async fn image(db: &Db, id: i64) -> anyhow::Result<Image> {
    let variants: String =
        sqlx::query_scalar("SELECT variants FROM images WHERE id = $1").bind(id).fetch_one(&db.pool).await?;
    super::stored(id, &variants)
}

/// An ordered photo list: `table` has `owner` (a column), `image_id` and `sort_order`.
pub struct PhotoList {
    pub table: &'static str,
    pub owner: &'static str,
}

impl PhotoList {
    /// The owner's photos, in order.
    pub async fn load(&self, db: &Db, owner_id: i64) -> anyhow::Result<Vec<Image>> {
        let sql = format!(
            "SELECT i.id, i.variants FROM {} p JOIN images i ON i.id = p.image_id WHERE p.{} = $1 \
             ORDER BY p.sort_order",
            self.table, self.owner
        );
        let rows = sqlx::query(&sql).bind(owner_id).fetch_all(&db.pool).await?;
        rows.iter().map(|r| super::stored(r.try_get("id")?, &r.try_get::<String, _>("variants")?)).collect()
    }

    /// The ids of the owner's photos, in order.
    pub async fn ids(&self, db: &Db, owner_id: i64) -> anyhow::Result<Vec<i64>> {
        let sql = format!("SELECT image_id FROM {} WHERE {} = $1 ORDER BY sort_order", self.table, self.owner);
        Ok(sqlx::query_scalar(&sql).bind(owner_id).fetch_all(&db.pool).await?)
    }

    /// Replaces the owner's photos with `ids`, in that order.
    pub async fn replace(&self, conn: &mut AnyConnection, owner_id: i64, ids: &[i64]) -> anyhow::Result<()> {
        sqlx::query(&format!("DELETE FROM {} WHERE {} = $1", self.table, self.owner))
            .bind(owner_id)
            .execute(&mut *conn)
            .await?;
        let insert = format!("INSERT INTO {} ({}, image_id, sort_order) VALUES ($1, $2, $3)", self.table, self.owner);
        for (order, id) in ids.iter().enumerate() {
            sqlx::query(&insert).bind(owner_id).bind(id).bind(order as i64).execute(&mut *conn).await?;
        }
        Ok(())
    }
}
