//! SQL for a signed-in buyer's cart (`cart_items`): its items in the order they were added, and
//! adding, changing and removing them.

use shared::CartItem;
use sqlx::{AnyConnection, Row};

use crate::db::id_list;

/// The user's items, oldest first.
pub async fn items(conn: &mut AnyConnection, user_id: i64) -> sqlx::Result<Vec<CartItem>> {
    let rows =
        sqlx::query("SELECT product_id, quantity FROM cart_items WHERE user_id = $1 ORDER BY added_at, product_id")
            .bind(user_id)
            .fetch_all(conn)
            .await?;
    rows.iter()
        .map(|r| Ok(CartItem { product_id: r.try_get("product_id")?, quantity: r.try_get("quantity")? }))
        .collect()
}

/// Sets the quantity of a product in the cart, adding it (at the end) when it is not there yet.
pub async fn put(conn: &mut AnyConnection, user_id: i64, item: &CartItem, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, product_id) DO UPDATE SET quantity = excluded.quantity",
    )
    .bind(user_id)
    .bind(item.product_id)
    .bind(item.quantity)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Takes these products out of the user's cart.
pub async fn remove(conn: &mut AnyConnection, user_id: i64, product_ids: &[i64]) -> sqlx::Result<()> {
    if product_ids.is_empty() {
        return Ok(());
    }
    let sql = format!("DELETE FROM cart_items WHERE user_id = $1 AND product_id IN ({})", id_list(product_ids));
    sqlx::query(&sql).persistent(false).bind(user_id).execute(conn).await?;
    Ok(())
}
