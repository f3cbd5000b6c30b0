//! SQL of placing a checkout: claiming its Idempotency-Key and keeping the answer under it, writing each
//! shop's order with its lines, and taking the stock.

use sqlx::AnyConnection;

use crate::{
    db::Db,
    orders::checkout::{LinePlan, Plan, ShopPlan},
};

/// Claims the buyer's key for this request (hash) at `now`, with no answer yet; false when the key was
/// claimed before (or a concurrent request holds it: then this waits until that one ends).
pub async fn claim_key(conn: &mut AnyConnection, scope: &str, key: &str, hash: &str, now: i64) -> sqlx::Result<bool> {
    let claimed = sqlx::query(
        "INSERT INTO idempotency_keys (scope, key, request_hash, response, created_at) \
         VALUES ($1, $2, $3, '', $4) ON CONFLICT DO NOTHING",
    )
    .bind(scope)
    .bind(key)
    .bind(hash)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(claimed.rows_affected() != 0)
}

/// Keeps the answer (JSON) given under the buyer's key.
pub async fn keep_answer(conn: &mut AnyConnection, scope: &str, key: &str, response: String) -> sqlx::Result<()> {
    sqlx::query("UPDATE idempotency_keys SET response = $1 WHERE scope = $2 AND key = $3")
        .bind(response)
        .bind(scope)
        .bind(key)
        .execute(conn)
        .await?;
    Ok(())
}

/// The request hash and the answer (empty while the first request runs) kept under the buyer's key.
pub async fn kept_answer(db: &Db, scope: &str, key: &str) -> sqlx::Result<Option<(String, String)>> {
    sqlx::query_as("SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND key = $2")
        .bind(scope)
        .bind(key)
        .fetch_optional(&db.pool)
        .await
}

/// Writes one shop's order of the plan (status new) under `code`, placed at `now` by `buyer_id` (none for
/// a guest) to the address (JSON) of the plan; returns its id.
pub async fn insert_order(
    conn: &mut AnyConnection,
    code: &str,
    buyer_id: Option<i64>,
    plan: &Plan,
    shop: &ShopPlan,
    address: &Option<String>,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO orders (code, shop_id, buyer_id, buyer_name, buyer_phone, status, payment, delivery, address, \
         dest_desa_code, note, items_total, weight_grams, delivery_fee, status_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 'baru', $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $14) RETURNING id",
    )
    .bind(code)
    .bind(shop.shop_id)
    .bind(buyer_id)
    .bind(&plan.buyer_name)
    .bind(plan.buyer_phone.as_str())
    .bind(shop.choice.payment.code())
    .bind(shop.choice.delivery.code())
    .bind(address)
    .bind(plan.address.as_ref().map(|a| a.address.desa_code.clone()))
    .bind(shop.choice.note.trim())
    .bind(shop.items_total)
    .bind(shop.weight_grams)
    .bind(shop.delivery_fee)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Writes a line of an order at `position`.
pub async fn insert_line(
    conn: &mut AnyConnection,
    order_id: i64,
    position: usize,
    line: &LinePlan,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO order_lines (order_id, position, product_id, name, unit, price, weight_grams, quantity, \
         sector) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(order_id)
    .bind(i64::try_from(position).unwrap_or(i64::MAX))
    .bind(line.product_id)
    .bind(&line.name)
    .bind(&line.unit)
    .bind(line.price)
    .bind(line.weight_grams)
    .bind(line.quantity)
    .bind(&line.sector)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes `quantity` of a listed product's stock at `now`; false when it has too few (or is not listed).
pub async fn take_stock(conn: &mut AnyConnection, product_id: i64, quantity: i64, now: i64) -> sqlx::Result<bool> {
    let taken = sqlx::query(
        "UPDATE products SET stock = stock - $1, version = version + 1, updated_at = $2 \
         WHERE id = $3 AND stock >= $1 AND status = 'active' AND hidden_reason IS NULL",
    )
    .bind(quantity)
    .bind(now)
    .bind(product_id)
    .execute(conn)
    .await?;
    Ok(taken.rows_affected() != 0)
}

/// The product's stock, if it still exists.
pub async fn stock_of(conn: &mut AnyConnection, product_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = $1").bind(product_id).fetch_optional(conn).await
}
