//! SQL for shops.

use shared::{Phone, ShopStatus};
use sqlx::Row;

use crate::{db::Db, slugs::slugify};

/// A shop to open in a village.
pub struct NewShop<'a> {
    pub village_id: i64,
    pub village_slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub whatsapp: &'a Phone,
    pub owner_id: Option<i64>,
    pub status: ShopStatus,
    pub is_demo: bool,
}

/// Opens a shop (or records an application, with status pending); returns its id and slug.
pub async fn create(conn: &mut sqlx::AnyConnection, shop: &NewShop<'_>, now: i64) -> anyhow::Result<(i64, String)> {
    let base = slugify(shop.name);
    let slug = crate::slugs::free(conn, "shops", &[base.clone(), format!("{base}-{}", shop.village_slug)]).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO shops (village_id, slug, name, description, whatsapp, owner_id, status, is_demo, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(shop.village_id)
    .bind(&slug)
    .bind(shop.name.trim())
    .bind(shop.description.trim())
    .bind(shop.whatsapp.as_str())
    .bind(shop.owner_id)
    .bind(shop.status.code())
    .bind(shop.is_demo)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok((id, slug))
}

/// Every open shop's slug and last change (its opening when never changed since), for the sitemap.
pub async fn all_open(db: &Db) -> anyhow::Result<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT slug, created_at, updated_at FROM shops WHERE status = 'active' ORDER BY slug")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let (created, updated): (i64, i64) = (r.try_get("created_at")?, r.try_get("updated_at")?);
            Ok((r.try_get("slug")?, created.max(updated)))
        })
        .collect()
}
