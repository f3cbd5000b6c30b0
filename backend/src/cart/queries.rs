//! SQL for a signed-in buyer's cart (`cart_items`): its items in the order they were added, and
//! adding, changing and removing them; and the products a cart may hold now, with their shops.

use std::collections::HashMap;

use shared::{BankAccount, CartItem, PaymentMethod, ProductSummary, cart::CartShop};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{
    accounts::queries::phone,
    db::{flag, id_list},
    products::queries::{CARD, CARD_FROM, LISTED, card},
    shops::queries::delivery,
};

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

/// A product shoppers may order now, with its shop as a cart shows it (without lines yet).
pub struct Listed {
    pub summary: ProductSummary,
    pub min_order: i64,
    pub weight_grams: i64,
    pub shop: CartShop,
}

/// The ways a shop takes payment: cash always, transfer with a bank account, QRIS with its image.
fn payments(r: &AnyRow) -> anyhow::Result<Vec<PaymentMethod>> {
    let accounts: Vec<BankAccount> = serde_json::from_str(&r.try_get::<String, _>("bank_accounts")?)?;
    let qris: Option<i64> = r.try_get("qris_id")?;
    let mut out = vec![PaymentMethod::Cash];
    if !accounts.is_empty() {
        out.push(PaymentMethod::Transfer);
    }
    if qris.is_some() {
        out.push(PaymentMethod::Qris);
    }
    Ok(out)
}

fn listed_from(r: &AnyRow) -> anyhow::Result<Listed> {
    let summary = card(r)?;
    let shop = CartShop {
        shop_id: r.try_get("shop_id")?,
        shop_name: summary.shop_name.clone(),
        shop_slug: summary.shop_slug.clone(),
        village_name: summary.village_name.clone(),
        whatsapp: phone(r, "whatsapp")?,
        on_holiday: flag(r, "on_holiday")?,
        holiday_note: r.try_get("holiday_note")?,
        delivery: delivery(r)?,
        payments: payments(r)?,
        lines: Vec::new(),
        subtotal: 0,
        weight_grams: 0,
    };
    Ok(Listed { min_order: r.try_get("min_order")?, weight_grams: r.try_get("weight_grams")?, summary, shop })
}

/// The products among `ids` that shoppers may order now (listed, in an active shop), by id.
pub async fn listed(conn: &mut AnyConnection, ids: &[i64]) -> anyhow::Result<HashMap<i64, Listed>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let list = id_list(ids);
    let sql = format!(
        "SELECT {CARD}, p.shop_id, p.min_order, p.weight_grams, s.whatsapp, s.on_holiday, s.holiday_note, \
            s.delivery, s.bank_accounts, s.qris_id \
         {CARD_FROM} WHERE p.id IN ({list}) AND {LISTED}"
    );
    let rows = sqlx::query(&sql).persistent(false).fetch_all(conn).await?;
    rows.iter().map(|r| listed_from(r).map(|l| (l.summary.id, l))).collect()
}
