//! Calls for buying: the cart (a guest's priced from the browser, a signed-in buyer's on the server), the
//! address book (filled by checking out with `save_address`), quoting and placing a checkout, one order
//! with its buyer's moves and receipt, and the seller's side of orders. A guest proves an order is theirs
//! with its WhatsApp number in a header.

use gloo_net::http::{Request, RequestBuilder};
use shared::order::{BUYER_PHONE_HEADER, IDEMPOTENCY_HEADER};
use shared::{
    CartItem, CartView, Checkout, Order, OrderAction, OrderList, OrderStatus, Phone, Placed, PlacedAddress, Quote,
};
use wasm_bindgen::JsValue;

use super::{ApiError, BASE, Change, checked, decode, get, query_value, segment, send, send_empty, with_json};

/// Nothing to send.
const NO_BODY: Option<&()> = None;

/// A guest's cart priced as it stands now (nothing is stored).
pub async fn cart_view(items: Vec<CartItem>) -> Result<CartView, ApiError> {
    send(Change::Post, &format!("{BASE}/cart/view"), Some(&items)).await
}

/// The signed-in buyer's cart.
pub async fn my_cart() -> Result<CartView, ApiError> {
    get(&format!("{BASE}/me/cart")).await
}

/// Sets how many of a product are in the signed-in buyer's cart.
pub async fn set_cart_item(item: CartItem) -> Result<CartView, ApiError> {
    send(Change::Put, &format!("{BASE}/me/cart/items/{}", item.product_id), Some(&item)).await
}

/// Takes a product out of the signed-in buyer's cart.
pub async fn remove_cart_item(product_id: i64) -> Result<CartView, ApiError> {
    send(Change::Delete, &format!("{BASE}/me/cart/items/{product_id}"), NO_BODY).await
}

/// Adds the cart kept in the browser to the signed-in buyer's.
pub async fn merge_cart(items: Vec<CartItem>) -> Result<CartView, ApiError> {
    send(Change::Post, &format!("{BASE}/me/cart/merge"), Some(&items)).await
}

/// The signed-in buyer's saved addresses.
pub async fn addresses(_: ()) -> Result<Vec<PlacedAddress>, ApiError> {
    get(&format!("{BASE}/me/addresses")).await
}

pub async fn remove_address(id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/me/addresses/{id}"), NO_BODY).await
}

/// What each shop's order would cost, delivered to the checkout's address.
pub async fn quote(checkout: Checkout) -> Result<Quote, ApiError> {
    send(Change::Post, &format!("{BASE}/orders/quote"), Some(&checkout)).await
}

/// Places a checkout (one order per shop); `key` stays the same when the same attempt is sent again.
pub async fn place(key: String, checkout: Checkout) -> Result<Placed, ApiError> {
    let builder = changing(Request::post(&format!("{BASE}/orders"))).header(IDEMPOTENCY_HEADER, &key);
    let sent = with_json(builder, &checkout)?.send().await;
    decode(checked(sent.map_err(|_| ApiError::Network)?).await?).await
}

/// One order for its buyer; a guest gives the order's WhatsApp number.
pub async fn order(code: String, phone: Option<String>) -> Result<Order, ApiError> {
    let builder = with_phone(Request::get(&order_url(&code)).header("Accept", "application/json"), &phone);
    decode(checked(builder.send().await.map_err(|_| ApiError::Network)?).await?).await
}

/// A buyer's move (cancel, or say the goods arrived).
pub async fn buyer_action(code: String, phone: Option<String>, action: OrderAction) -> Result<Order, ApiError> {
    let builder = with_phone(changing(Request::post(&format!("{}/actions", order_url(&code)))), &phone);
    let sent = with_json(builder, &action)?.send().await;
    decode(checked(sent.map_err(|_| ApiError::Network)?).await?).await
}

/// Sends the photo of a transfer receipt (the picture itself as the body, of its own type: JPEG after
/// shrinking), with an optional note.
pub async fn send_receipt(
    code: String,
    phone: Option<String>,
    photo: web_sys::Blob,
    note: String,
) -> Result<Order, ApiError> {
    let url = receipt_url(&code, &note);
    let kind = match photo.type_().as_str() {
        kind @ ("image/png" | "image/webp") => kind.to_owned(),
        _ => "image/jpeg".to_owned(),
    };
    let builder = with_phone(changing(Request::post(&url)), &phone).header("Content-Type", &kind);
    let sent = builder.body(JsValue::from(photo)).map_err(|_| ApiError::Decode)?.send().await;
    decode(checked(sent.map_err(|_| ApiError::Network)?).await?).await
}

/// The signed-in buyer's orders.
pub async fn my_orders(_: ()) -> Result<OrderList, ApiError> {
    get(&format!("{BASE}/me/orders")).await
}

/// What a seller's order list shows: one status (or all), between two dates (`2026-11-01`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShopOrderFilter {
    pub status: Option<OrderStatus>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A shop's orders, with how many stand in each status.
pub async fn shop_orders(shop: i64, filter: ShopOrderFilter) -> Result<OrderList, ApiError> {
    get(&format!("{BASE}/shops/{shop}/orders{}", filter_query(&filter))).await
}

/// One order of a shop, with the seller's moves.
pub async fn shop_order(shop: i64, code: String) -> Result<Order, ApiError> {
    get(&format!("{BASE}/shops/{shop}/orders/{}", segment(&code))).await
}

pub async fn shop_order_action(shop: i64, code: String, action: OrderAction) -> Result<Order, ApiError> {
    send(Change::Post, &format!("{BASE}/shops/{shop}/orders/{}/actions", segment(&code)), Some(&action)).await
}

/// The address of a shop's orders as a CSV download (a plain link: the browser saves it).
pub fn shop_orders_csv_url(shop: i64, filter: &ShopOrderFilter) -> String {
    format!("{BASE}/shops/{shop}/orders.csv{}", filter_query(&ShopOrderFilter { status: None, ..filter.clone() }))
}

fn filter_query(filter: &ShopOrderFilter) -> String {
    let pairs: Vec<String> = [
        filter.status.map(|s| format!("status={}", s.code())),
        filter.from.as_deref().filter(|d| !d.is_empty()).map(|d| format!("dari={}", query_value(d))),
        filter.to.as_deref().filter(|d| !d.is_empty()).map(|d| format!("sampai={}", query_value(d))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
}

/// Where a receipt is sent, with its note.
fn receipt_url(code: &str, note: &str) -> String {
    match note.trim() {
        "" => format!("{}/receipt", order_url(code)),
        note => format!("{}/receipt?catatan={}", order_url(code), query_value(note)),
    }
}

/// The API address of an order for its buyer.
fn order_url(code: &str) -> String {
    format!("{BASE}/orders/{}", segment(code))
}

/// A state-changing request: JSON answers and the header the CSRF guard asks for.
fn changing(builder: RequestBuilder) -> RequestBuilder {
    builder.header("Accept", "application/json").header("X-Lapak-Csrf", "1")
}

/// Adds the guest's proof (the order's WhatsApp number, canonical when it reads as one).
fn with_phone(builder: RequestBuilder, phone: &Option<String>) -> RequestBuilder {
    match phone.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(phone) => {
            let canonical = Phone::parse(phone).map(String::from).unwrap_or_else(|_| phone.to_owned());
            builder.header(BUYER_PHONE_HEADER, &canonical)
        }
        None => builder,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_order_addresses() {
        assert_eq!(order_url("LD-7K3M9Q2X"), "/api/v1/orders/LD-7K3M9Q2X");
        assert_eq!(order_url("a/b"), "/api/v1/orders/a%2Fb");
        assert_eq!(receipt_url("LD-7K3M9Q2X", " "), "/api/v1/orders/LD-7K3M9Q2X/receipt");
        assert_eq!(
            receipt_url("LD-7K3M9Q2X", "BRI a.n. Baiq"),
            "/api/v1/orders/LD-7K3M9Q2X/receipt?catatan=BRI+a.n.+Baiq"
        );
        let filter = ShopOrderFilter {
            status: Some(OrderStatus::New),
            from: Some("2026-11-01".into()),
            to: Some("2026-11-30".into()),
        };
        assert_eq!(filter_query(&filter), "?status=baru&dari=2026-11-01&sampai=2026-11-30");
        assert_eq!(filter_query(&ShopOrderFilter::default()), "");
        assert_eq!(shop_orders_csv_url(3, &filter), "/api/v1/shops/3/orders.csv?dari=2026-11-01&sampai=2026-11-30");
    }
}
