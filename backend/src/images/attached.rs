//! Pictures attached to records: which ones an admin may attach (their own uploads, or ones already
//! there), and ordered photo lists kept in a table per owner (`enterprise_photos`, `flagship_photos`).

use shared::{FieldError, Image};
use sqlx::{AnyConnection, Row};

use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// Refuses (422 on `field`) any of `ids` that `uploader` did not upload, unless it is in `kept` (already
/// on the record, perhaps uploaded by another admin of the village).
pub async fn check_usable(db: &Db, field: &str, ids: &[i64], uploader: i64, kept: &[i64]) -> AppResult<()> {
    for id in ids.iter().filter(|id| !kept.contains(id)) {
        let mine: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM images WHERE id = $1 AND owner_id = $2")
            .bind(id)
            .bind(uploader)
            .fetch_one(&db.pool)
            .await?;
        if mine == 0 {
            return Err(AppError::Invalid(vec![FieldError::new(field, "Foto tidak ditemukan. Unggah ulang fotonya.")]));
        }
    }
    Ok(())
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
