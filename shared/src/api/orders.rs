//! Orders: quoting and placing a checkout, the buyer's orders and moves, the shop's orders and moves.

use super::endpoints;
use crate::{
    cart::Checkout,
    order::{OrderList, Placed},
    order_flow::OrderAction,
};

endpoints! {
    /// An order as its buyer sees it, with the moves they may make.
    Order { code: String }: get "/api/v1/orders/{code}" => crate::order::Order;
    /// The buyer moves their order: `batal` (before the seller accepts) or `selesai` (goods received).
    BuyerAction { code: String }: post "/api/v1/orders/{code}/actions", body OrderAction => crate::order::Order;
    /// The signed-in buyer's orders, newest first, with counts per status.
    Mine {}: get "/api/v1/me/orders" => OrderList;
    /// What a checkout would cost: each shop's items, the ways it can deliver to the address with their fees, and the
    /// totals. Writes nothing.
    Quote {}: post "/api/v1/orders/quote", body Checkout => crate::cart::Quote;
    /// Places a checkout as one order per shop. With an `Idempotency-Key` header, the same buyer sending the same
    /// checkout again gets the same orders (header `Idempotent-Replayed: true`); the same key with another checkout is
    /// refused (422). 409 when a price changed or the stock is short: nothing is written then. Checkouts without an
    /// account are limited per client address and per WhatsApp number (429).
    Place {}: post "/api/v1/orders", body Checkout => Placed;
    /// Sends a photo of the transfer or QRIS receipt (the body is the picture, `Content-Type: image/jpeg`, `image/png`
    /// or `image/webp`); the seller then checks it. It replaces the receipt sent before; an order takes at most five
    /// (409 after). Nothing is stored when it is refused.
    SendReceipt { code: String }: post "/api/v1/orders/{code}/receipt", body super::Picture => crate::order::Order;
    /// The shop's orders, newest first (at most 200), with how many stand in each status.
    ShopOrders { id: i64 }: get "/api/v1/shops/{id}/orders" => OrderList;
    /// One of the shop's orders, with the seller's moves.
    ShopOrder { id: i64, code: String }: get "/api/v1/shops/{id}/orders/{code}" => crate::order::Order;
    /// The seller moves the order: accept (naming the delivery fee when they quote it), reject, accept or reject a
    /// payment, ship (with a tracking number), ready for pickup, cancel with a reason.
    SellerAction { id: i64, code: String }: post "/api/v1/shops/{id}/orders/{code}/actions", body OrderAction => crate::order::Order;
    /// The shop's orders of a date range as a CSV file (UTF-8 with BOM; one row per order).
    ExportCsv { id: i64 }: get "/api/v1/shops/{id}/orders.csv" => super::Download;
}
