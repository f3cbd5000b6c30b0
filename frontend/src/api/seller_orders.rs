//! Calls the order pages of the workspace make: a shop's orders and the seller's moves (through the order
//! calls of [`super::orders`], shaped for `use_remote`), the signed-in buyer's orders and putting their goods
//! back in the cart, the count of new orders for the shop's tab, and in-app notifications.

use serde::Serialize;
use shared::{
    Notifications, Order, OrderAction, OrderList,
    cart::{CartItem, CartView},
    order_flow::OrderStatus,
};

use super::orders::{self, ShopOrderFilter};
use super::{ApiError, BASE, Change, get, send_empty};

/// A shop's orders (newest first) with how many stand in each status.
pub async fn shop_orders((shop, filter): (i64, ShopOrderFilter)) -> Result<OrderList, ApiError> {
    orders::shop_orders(shop, filter).await
}

/// How many of a shop's orders wait for the seller's answer.
pub async fn new_order_count(shop: i64) -> Result<i64, ApiError> {
    let filter = ShopOrderFilter { status: Some(OrderStatus::New), ..ShopOrderFilter::default() };
    let list = orders::shop_orders(shop, filter).await?;
    Ok(list.counts.iter().find(|c| c.status == OrderStatus::New).map_or(0, |c| c.count))
}

/// One of the shop's orders, with the moves the seller may make.
pub async fn shop_order((shop, code): (i64, String)) -> Result<Order, ApiError> {
    orders::shop_order(shop, code).await
}

/// A seller's move on an order; a refused move answers 409 with the reason.
pub async fn seller_action(shop: i64, code: String, action: OrderAction) -> Result<Order, ApiError> {
    orders::shop_order_action(shop, code, action).await
}

/// The address of a shop's orders between two dates as a CSV file.
pub fn orders_csv_url(shop: i64, from: &str, to: &str) -> String {
    let filter = ShopOrderFilter { status: None, from: Some(from.to_owned()), to: Some(to.to_owned()) };
    orders::shop_orders_csv_url(shop, &filter)
}

/// The signed-in buyer's orders.
pub async fn my_orders(_: ()) -> Result<OrderList, ApiError> {
    orders::my_orders(()).await
}

/// One of the signed-in buyer's orders (its lines, for ordering them again).
pub async fn my_order(code: String) -> Result<Order, ApiError> {
    orders::order(code, None).await
}

/// Puts a product in the signed-in buyer's cart with that quantity.
pub async fn put_in_cart(item: CartItem) -> Result<CartView, ApiError> {
    orders::set_cart_item(item).await
}

/// The latest notifications and how many are unread.
pub async fn notifications(_: ()) -> Result<Notifications, ApiError> {
    get(&format!("{BASE}/me/notifications")).await
}

#[derive(Serialize)]
struct ReadIds<'a> {
    ids: &'a [i64],
}

/// Marks notifications read; an empty list marks them all.
pub async fn mark_read(ids: Vec<i64>) -> Result<(), ApiError> {
    send_empty(Change::Post, &format!("{BASE}/me/notifications/read"), Some(&ReadIds { ids: &ids })).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_csv_address() {
        assert_eq!(orders_csv_url(7, "", ""), "/api/v1/shops/7/orders.csv");
        assert_eq!(
            orders_csv_url(7, "2026-11-01", "2026-11-30"),
            "/api/v1/shops/7/orders.csv?dari=2026-11-01&sampai=2026-11-30"
        );
    }
}
