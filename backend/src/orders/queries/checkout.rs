//! SQL of checking a checkout: today's price, stock and listing of the products ordered, and what each
//! shop offers (delivery, payment, its desa, its bound on one order).

use std::collections::HashMap;

use shared::DeliveryOptions;
use sqlx::{AnyConnection, Row};

use crate::{
    db::{flag, id_list},
    error::{AppError, AppResult},
};

/// What the database says about a product: its shop, today's terms, and whether it is for sale.
pub struct Stocked {
    pub shop_id: i64,
    pub name: String,
    pub unit: String,
    pub price: i64,
    pub stock: i64,
    pub min_order: i64,
    pub weight_grams: i64,
    pub sector: String,
    pub listed: bool,
}

/// What the database says about a shop a checkout orders from.
pub struct ShopFacts {
    pub name: String,
    pub owner_id: Option<i64>,
    pub whatsapp: String,
    pub active: bool,
    pub on_holiday: bool,
    pub delivery: DeliveryOptions,
    pub has_bank: bool,
    pub has_qris: bool,
    pub desa: String,
    /// The most units of one product an order may take, as the shop set it.
    pub order_quantity_max: Option<i64>,
}

/// The products with these ids, by id.
pub async fn products(conn: &mut AnyConnection, ids: &[i64]) -> AppResult<HashMap<i64, Stocked>> {
    let sql = format!(
        "SELECT id, shop_id, name, unit, price, stock, min_order, weight_grams, sector, status, hidden_reason \
         FROM products WHERE id IN ({})",
        id_list(ids)
    );
    let mut found = HashMap::new();
    for row in sqlx::query(&sql).persistent(false).fetch_all(&mut *conn).await? {
        let status: String = row.try_get("status")?;
        found.insert(
            row.try_get("id")?,
            Stocked {
                shop_id: row.try_get("shop_id")?,
                name: row.try_get("name")?,
                unit: row.try_get("unit")?,
                price: row.try_get("price")?,
                stock: row.try_get("stock")?,
                min_order: row.try_get("min_order")?,
                weight_grams: row.try_get("weight_grams")?,
                sector: row.try_get("sector")?,
                // Hidden by its seller, or by the village admin's moderation.
                listed: status == "active" && row.try_get::<Option<String>, _>("hidden_reason")?.is_none(),
            },
        );
    }
    Ok(found)
}

/// The shops with these ids, by id.
pub async fn shops(conn: &mut AnyConnection, ids: &[i64]) -> AppResult<HashMap<i64, ShopFacts>> {
    let sql = format!(
        "SELECT s.id, s.name, s.owner_id, s.whatsapp, s.status, s.on_holiday, s.delivery, s.bank_accounts, s.qris_id, \
         s.order_quantity_max, v.region_code FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.id IN ({})",
        id_list(ids)
    );
    let mut found = HashMap::new();
    for row in sqlx::query(&sql).persistent(false).fetch_all(&mut *conn).await? {
        let delivery: String = row.try_get("delivery")?;
        let banks: String = row.try_get("bank_accounts")?;
        let status: String = row.try_get("status")?;
        found.insert(
            row.try_get("id")?,
            ShopFacts {
                name: row.try_get("name")?,
                owner_id: row.try_get("owner_id")?,
                whatsapp: row.try_get("whatsapp")?,
                active: status == "active",
                on_holiday: flag(&row, "on_holiday")?,
                delivery: serde_json::from_str(&delivery).map_err(|e| AppError::Internal(e.into()))?,
                has_bank: banks.trim() != "[]",
                has_qris: row.try_get::<Option<i64>, _>("qris_id")?.is_some(),
                desa: row.try_get("region_code")?,
                order_quantity_max: row.try_get("order_quantity_max")?,
            },
        );
    }
    Ok(found)
}
