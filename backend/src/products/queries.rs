//! SQL for products.

use shared::{Sector, slug::slugify};

/// A product to list in a shop.
pub struct NewProduct<'a> {
    pub shop_id: i64,
    pub name: &'a str,
    pub description: &'a str,
    /// Whole Rupiah.
    pub price: i64,
    pub unit: &'a str,
    pub stock: i64,
    pub sector: Sector,
    pub weight_grams: i64,
    pub image_key: Option<&'a str>,
}

/// Lists a product; returns its id.
pub async fn create(conn: &mut sqlx::AnyConnection, p: &NewProduct<'_>, now: i64) -> anyhow::Result<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, image_key, \
         is_active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, TRUE, $11, $11) RETURNING id",
    )
    .bind(p.shop_id)
    .bind(slugify(p.name))
    .bind(p.name)
    .bind(p.description)
    .bind(p.price)
    .bind(p.unit)
    .bind(p.stock)
    .bind(p.sector.code())
    .bind(p.weight_grams)
    .bind(p.image_key)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(id)
}
