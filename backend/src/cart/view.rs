//! A cart as it stands now: today's price, stock and shop of every item in one query, grouped by shop
//! in the order the items came; products no longer sold are listed as gone.

use std::collections::HashSet;

use shared::{
    CartItem, CartView,
    cart::{CartLine, quantity_problem},
};
use sqlx::AnyConnection;

use super::queries::listed;

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
