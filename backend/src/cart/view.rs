//! A cart as it stands now: today's price, stock and shop of every item in one query, grouped by shop
//! in the order the items came; products no longer sold are listed as gone.

use std::collections::{HashMap, HashSet};

use shared::{
    BankAccount, CartItem, CartView, PaymentMethod, ProductSummary,
    cart::{CartLine, CartShop, quantity_problem},
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{
    accounts::queries::phone,
    db::{flag, id_list},
    products::queries::{CARD, CARD_FROM, LISTED, card},
    shops::queries::delivery,
};

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

/// The cart of `items` as it stands now (an item named twice counts once, the first time).
pub async fn view(conn: &mut AnyConnection, items: &[CartItem]) -> anyhow::Result<CartView> {
    let ids: Vec<i64> = items.iter().map(|i| i.product_id).collect();
    let found = listed(conn, &ids).await?;
    let mut view = CartView::default();
    let mut seen = HashSet::new();
    for item in items.iter().filter(|i| seen.insert(i.product_id)) {
        let Some(product) = found.get(&item.product_id) else {
            view.gone.push(item.product_id);
            continue;
        };
        let index = match view.shops.iter().position(|s| s.shop_id == product.shop.shop_id) {
            Some(index) => index,
            None => {
                view.shops.push(product.shop.clone());
                view.shops.len() - 1
            }
        };
        let shop = &mut view.shops[index];
        let line = CartLine {
            product: product.summary.clone(),
            min_order: product.min_order,
            weight_grams: product.weight_grams,
            quantity: item.quantity,
            subtotal: product.summary.price.saturating_mul(item.quantity),
            problem: quantity_problem(item.quantity, product.summary.stock, product.min_order),
        };
        if line.problem.is_none() {
            shop.subtotal = shop.subtotal.saturating_add(line.subtotal);
            shop.weight_grams = shop.weight_grams.saturating_add(line.weight_grams.saturating_mul(line.quantity));
        }
        shop.lines.push(line);
    }
    view.total = view.shops.iter().filter(|s| !s.on_holiday).map(|s| s.subtotal).sum();
    Ok(view)
}
