//! Order calls that carry more than an endpoint and its JSON: placing a checkout with its idempotency key,
//! a buyer's order, their reviews of it and their complaint with a guest's proof (its WhatsApp number in a
//! header), the photo of a transfer receipt as the body; and the seller's order list: its filter as a query
//! string, its CSV file's address and the count of new orders.

use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use shared::api::{
    Endpoint, complaints,
    orders::{self, BuyerAction, ExportCsv, Place, SendReceipt, ShopOrders},
    reviews,
};
use shared::complaint::{Complaint, ComplaintForm};
use shared::complaint_flow::ComplaintAction;
use shared::order::{BUYER_PHONE_HEADER, IDEMPOTENCY_HEADER};
use shared::review::{Review, ReviewForm};
use shared::{Checkout, Order, OrderAction, OrderStatus, Phone, Placed};
use wasm_bindgen::JsValue;

use super::{ApiError, Get, checked, decode, fetch, query_value, request, with_body};

/// Places a checkout (one order per shop); `key` stays the same when the same attempt is sent again.
pub async fn place(key: String, checkout: Checkout) -> Result<Placed, ApiError> {
    let builder = request(&Place {}, &Place {}.path()).header(IDEMPOTENCY_HEADER, &key);
    answer(with_body(builder, &checkout)).await
}

/// One order for its buyer; a guest gives the order's WhatsApp number.
pub async fn order(code: String, phone: Option<String>) -> Result<Order, ApiError> {
    let endpoint = orders::Order { code };
    let builder = with_phone(request(&endpoint, &endpoint.path()), &phone);
    answer(builder.build().map_err(|_| ApiError::Decode)).await
}

/// A buyer's move (cancel, or say the goods arrived).
pub async fn buyer_action(code: String, phone: Option<String>, action: OrderAction) -> Result<Order, ApiError> {
    let endpoint = BuyerAction { code };
    answer(with_body(with_phone(request(&endpoint, &endpoint.path()), &phone), &action)).await
}

/// The buyer's review of one line of their completed order; a guest gives the order's WhatsApp number.
pub async fn write_review(code: String, phone: Option<String>, form: ReviewForm) -> Result<Review, ApiError> {
    let endpoint = reviews::Write { code };
    answer(with_body(with_phone(request(&endpoint, &endpoint.path()), &phone), &form)).await
}

/// The buyer's complaint on their order; a guest gives the order's WhatsApp number.
pub async fn open_complaint(code: String, phone: Option<String>, form: ComplaintForm) -> Result<Complaint, ApiError> {
    let endpoint = complaints::Open { code };
    answer(with_body(with_phone(request(&endpoint, &endpoint.path()), &phone), &form)).await
}

/// The buyer's move on their order's complaint (goods sent back, withdrawn).
pub async fn complaint_move(
    endpoint: complaints::BuyerMove,
    phone: Option<String>,
    action: ComplaintAction,
) -> Result<Complaint, ApiError> {
    answer(with_body(with_phone(request(&endpoint, &endpoint.path()), &phone), &action)).await
}

/// Sends the photo of a transfer receipt (the picture itself as the body, of its own type: JPEG after
/// shrinking), with an optional note.
pub async fn send_receipt(
    code: String,
    phone: Option<String>,
    photo: web_sys::Blob,
    note: String,
) -> Result<Order, ApiError> {
    let endpoint = SendReceipt { code };
    let kind = match photo.type_().as_str() {
        kind @ ("image/png" | "image/webp") => kind.to_owned(),
        _ => "image/jpeg".to_owned(),
    };
    let builder = with_phone(request(&endpoint, &receipt_url(&endpoint, &note)), &phone).header("Content-Type", &kind);
    answer(builder.body(JsValue::from(photo)).map_err(|_| ApiError::Decode)).await
}

/// What a seller's order list shows: one status (or all), between two dates (`2026-11-01`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShopOrderFilter {
    pub status: Option<OrderStatus>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A shop's orders (newest first), with how many stand in each status.
pub fn shop_orders(shop: i64, filter: &ShopOrderFilter) -> Get<ShopOrders> {
    Get::with(ShopOrders { id: shop }, filter_query(filter))
}

/// How many of a shop's orders wait for the seller's answer.
pub async fn new_order_count(shop: i64) -> Result<i64, ApiError> {
    let filter = ShopOrderFilter { status: Some(OrderStatus::New), ..ShopOrderFilter::default() };
    let list = fetch(shop_orders(shop, &filter)).await?;
    Ok(list.counts.iter().find(|c| c.status == OrderStatus::New).map_or(0, |c| c.count))
}

/// The address of a shop's orders between two dates as a CSV file (a plain link: the browser saves it).
pub fn orders_csv_url(shop: i64, from: &str, to: &str) -> String {
    let filter = ShopOrderFilter { status: None, from: Some(from.to_owned()), to: Some(to.to_owned()) };
    Get::with(ExportCsv { id: shop }, filter_query(&filter)).url()
}

/// The filter's query string (without the `?`).
fn filter_query(filter: &ShopOrderFilter) -> String {
    let pairs: Vec<String> = [
        filter.status.map(|s| format!("status={}", s.code())),
        filter.from.as_deref().filter(|d| !d.is_empty()).map(|d| format!("dari={}", query_value(d))),
        filter.to.as_deref().filter(|d| !d.is_empty()).map(|d| format!("sampai={}", query_value(d))),
    ]
    .into_iter()
    .flatten()
    .collect();
    pairs.join("&")
}

/// Where a receipt is sent, with its note.
fn receipt_url(endpoint: &SendReceipt, note: &str) -> String {
    match note.trim() {
        "" => endpoint.path(),
        note => format!("{}?catatan={}", endpoint.path(), query_value(note)),
    }
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

/// Sends `request` and decodes its answer (or the problem document of an error).
async fn answer<T: DeserializeOwned>(request: Result<Request, ApiError>) -> Result<T, ApiError> {
    let response = request?.send().await.map_err(|_| ApiError::Network)?;
    decode(checked(response).await?).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_order_addresses() {
        let order = |code: &str| Get::of(orders::Order { code: code.into() }).url();
        assert_eq!(order("LD-7K3M9Q2X"), "/api/v1/orders/LD-7K3M9Q2X");
        assert_eq!(order("a/b"), "/api/v1/orders/a%2Fb");
        let receipt = SendReceipt { code: "LD-7K3M9Q2X".into() };
        assert_eq!(receipt_url(&receipt, " "), "/api/v1/orders/LD-7K3M9Q2X/receipt");
        assert_eq!(receipt_url(&receipt, "BRI a.n. Baiq"), "/api/v1/orders/LD-7K3M9Q2X/receipt?catatan=BRI+a.n.+Baiq");
        let filter = ShopOrderFilter {
            status: Some(OrderStatus::New),
            from: Some("2026-11-01".into()),
            to: Some("2026-11-30".into()),
        };
        assert_eq!(
            shop_orders(3, &filter).url(),
            "/api/v1/shops/3/orders?status=baru&dari=2026-11-01&sampai=2026-11-30"
        );
        assert_eq!(shop_orders(3, &ShopOrderFilter::default()).url(), "/api/v1/shops/3/orders");
        let one = Get::of(orders::ShopOrder { id: 3, code: "LD-7K3M9Q2X".into() }).url();
        assert_eq!(one, "/api/v1/shops/3/orders/LD-7K3M9Q2X");
    }

    #[test]
    fn builds_the_csv_address() {
        assert_eq!(orders_csv_url(7, "", ""), "/api/v1/shops/7/orders.csv");
        assert_eq!(
            orders_csv_url(7, "2026-11-01", "2026-11-30"),
            "/api/v1/shops/7/orders.csv?dari=2026-11-01&sampai=2026-11-30"
        );
    }
}
