//! Issue 7's orders over HTTP: checkout across shops, the life cycle with its timeline, races for the last
//! units, idempotent retries, who may see and move an order, refusals that write nothing, the background
//! job, notifications, the CSV export and delivery fees. This file holds the helpers the tests share.

mod english;
mod expiry;
mod export;
mod fees;
mod flow;
mod guest_limits;
mod lookups;
mod privacy;
mod races;
mod receipts;
mod refusals;
mod sweeps;

use std::sync::atomic::{AtomicU64, Ordering};

use lapak_tests::TestApp;
use reqwest::{Method, Response};
use serde_json::{Value, json};
use shared::order::{Order, Placed};

/// The demo shopper.
pub const SHOPPER: &str = "081100000001";
/// The owner of Lapak BUMDes Darma Tani (Darmaji, Lombok Tengah): their number is the shop's WhatsApp.
pub const DARMA_TANI: &str = "081234560001";
/// The owner of Lapak BUMDes Senggigi Bahari (Senggigi, Lombok Barat).
pub const SENGGIGI_BAHARI: &str = "081234560002";
/// Desa Darmaji, Kec. Kopang, Lombok Tengah.
pub const DARMAJI: &str = "52.02.09.2008";
/// Desa Senggigi, Kec. Batu Layar, Lombok Barat.
pub const SENGGIGI: &str = "52.01.14.2006";
/// The buyer's name on every checkout.
pub const BUYER: &str = "Baiq Nurul";

/// A demo shop and a session of its owner.
pub struct Seller {
    pub shop: i64,
    pub name: String,
    pub cookie: String,
}

/// The shop owned by the demo account `phone`, with a session of that account.
pub async fn seller(app: &TestApp, phone: &str) -> Seller {
    let owner = app.user_id(phone).await;
    let (shop, name): (i64, String) = sqlx::query_as("SELECT id, name FROM shops WHERE owner_id = $1")
        .bind(owner)
        .fetch_one(&app.db().pool)
        .await
        .expect("the demo account owns a shop");
    Seller { shop, name, cookie: app.session_for(owner).await }
}

/// Changes the shop's settings through its owner's form: `change` edits the loaded settings, saved as is.
pub async fn settle(app: &TestApp, seller: &Seller, change: impl FnOnce(&mut Value)) {
    let path = format!("/api/v1/shops/{}/settings", seller.shop);
    let mut form = app.call_json(Method::GET, &path, Some(&seller.cookie), None, 200).await;
    change(&mut form);
    app.call_json(Method::PUT, &path, Some(&seller.cookie), Some(&form), 200).await;
}

/// Gives the shop a bank account, so buyers may pay by transfer.
pub async fn take_transfers(app: &TestApp, seller: &Seller) {
    settle(app, seller, |form| {
        form["bank_accounts"] = json!([{ "bank": "BRI", "number": "1234-01-000567-53-1", "holder": "BUMDes Uji" }]);
    })
    .await;
}

/// A listed product of `shop`; returns its id.
pub async fn product(app: &TestApp, shop: i64, name: &str, price: i64, stock: i64, weight_grams: i64) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) VALUES ($1, 'uji', $2, '', $3, 'pcs', $4, 'olahan', $5, 'active', 0, 0) \
         RETURNING id",
    )
    .bind(shop)
    .bind(name)
    .bind(price)
    .bind(stock)
    .bind(weight_grams)
    .fetch_one(&app.db().pool)
    .await
    .expect("insert a product")
}

/// How many of the product are left.
pub async fn stock(app: &TestApp, product: i64) -> i64 {
    sqlx::query_scalar("SELECT stock FROM products WHERE id = $1")
        .bind(product)
        .fetch_one(&app.db().pool)
        .await
        .expect("the product exists")
}

/// An address in the desa `desa_code`.
pub fn address(desa_code: &str) -> Value {
    json!({ "recipient": BUYER, "whatsapp": "081234567890", "desa_code": desa_code,
        "street": "Jl. Raya Senggigi 12", "rt_rw": "RT 02 / RW 01", "landmark": "depan masjid" })
}

/// A line of a shop's order.
pub fn line(product: i64, quantity: i64, price: i64) -> Value {
    json!({ "product_id": product, "quantity": quantity, "price": price })
}

/// One shop's order within a checkout.
pub fn choice(shop: i64, delivery: &str, payment: &str, lines: &[Value]) -> Value {
    json!({ "shop_id": shop, "delivery": delivery, "payment": payment, "note": "", "lines": lines })
}

/// A checkout by the buyer with WhatsApp `phone`, delivered to Senggigi.
pub fn checkout(phone: &str, shops: &[Value]) -> Value {
    json!({ "buyer_name": BUYER, "buyer_whatsapp": phone, "address": address(SENGGIGI), "save_address": false,
        "shops": shops })
}

/// A new idempotency key.
pub fn fresh_key() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    format!("uji-{nanos:x}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Sends a request as the app's own client does (with the CSRF header) plus `headers`.
pub async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&Value>,
) -> Response {
    let mut request = app.client.request(method, app.url(path)).header("x-lapak-csrf", "1");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    request.send().await.expect("request reaches the server")
}

/// Places `body` with the idempotency key `key`, as the holder of `cookie` (none: a guest).
pub async fn place(app: &TestApp, cookie: Option<&str>, key: &str, body: &Value) -> Response {
    let mut headers = vec![("Idempotency-Key", key)];
    if let Some(cookie) = cookie {
        headers.push(("cookie", cookie));
    }
    send(app, Method::POST, "/api/v1/orders", &headers, Some(body)).await
}

/// Places `body` (expecting 201) and answers the placed orders.
pub async fn placed(app: &TestApp, cookie: Option<&str>, body: &Value) -> Placed {
    let res = place(app, cookie, &fresh_key(), body).await;
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, 201, "place the checkout: {text}");
    serde_json::from_str(&text).expect("placed orders")
}

/// Places a one-shop, one-line checkout as a guest with WhatsApp `phone`; answers its code.
pub async fn one_order(
    app: &TestApp,
    phone: &str,
    shop: i64,
    delivery: &str,
    payment: &str,
    lines: &[Value],
) -> String {
    let placed = placed(app, None, &checkout(phone, &[choice(shop, delivery, payment, lines)])).await;
    placed.orders[0].code.clone()
}

/// `method path` as the guest buyer with WhatsApp `phone`.
pub async fn as_guest(app: &TestApp, method: Method, path: &str, phone: &str, body: Option<&Value>) -> Response {
    send(app, method, path, &[(shared::order::BUYER_PHONE_HEADER, phone)], body).await
}

/// Sends a receipt photo (the raw picture, of `content_type`) for the guest order `code`, with `query`.
pub async fn upload_receipt(
    app: &TestApp,
    code: &str,
    query: &str,
    phone: &str,
    content_type: &str,
    bytes: Vec<u8>,
) -> Response {
    app.client
        .post(app.url(&format!("/api/v1/orders/{code}/receipt{query}")))
        .header("x-lapak-csrf", "1")
        .header(shared::order::BUYER_PHONE_HEADER, phone)
        .header("content-type", content_type)
        .body(bytes)
        .send()
        .await
        .expect("request reaches the server")
}

/// Parses an order from a response, expecting 200.
pub async fn order_of(res: Response) -> Order {
    let status = res.status().as_u16();
    let url = res.url().to_string();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, 200, "{url}: {text}");
    serde_json::from_str(&text).expect("an order")
}

/// The order `code` as its guest buyer sees it.
pub async fn guest_order(app: &TestApp, code: &str, phone: &str) -> Order {
    order_of(as_guest(app, Method::GET, &format!("/api/v1/orders/{code}"), phone, None).await).await
}

/// The buyer's move `action` (a JSON `OrderAction`) on their order `code`.
pub async fn guest_moves(app: &TestApp, code: &str, phone: &str, action: &Value) -> Response {
    as_guest(app, Method::POST, &format!("/api/v1/orders/{code}/actions"), phone, Some(action)).await
}

/// The seller's move `action` on the order `code` of their shop.
pub async fn seller_moves(app: &TestApp, seller: &Seller, code: &str, action: &Value) -> Response {
    let path = format!("/api/v1/shops/{}/orders/{code}/actions", seller.shop);
    app.call(Method::POST, &path, Some(&seller.cookie), Some(action)).await
}

/// The seller's move, expected to succeed; answers the order as the seller then sees it.
pub async fn seller_moved(app: &TestApp, seller: &Seller, code: &str, action: Value) -> Order {
    order_of(seller_moves(app, seller, code, &action).await).await
}

/// Asserts that `res` is a problem document with `status` whose detail contains `words`; `case` names the
/// request in a failure.
pub async fn refused(res: Response, status: u16, words: &str, case: &str) -> shared::Problem {
    let got = res.status().as_u16();
    let content_type = lapak_tests::header(&res, "content-type");
    let text = res.text().await.unwrap_or_default();
    assert_eq!(got, status, "{case}: {text}");
    assert_eq!(content_type, "application/problem+json", "{case}");
    let problem: shared::Problem = serde_json::from_str(&text).expect("a problem document");
    assert!(problem.detail.contains(words), "{case}: {}", problem.detail);
    problem
}

/// Rows written by checkouts and moves: (orders, order lines, timeline entries, idempotency keys).
pub async fn written(app: &TestApp) -> (i64, i64, i64, i64) {
    (
        app.count("orders", "1 = 1").await,
        app.count("order_lines", "1 = 1").await,
        app.count("order_events", "1 = 1").await,
        app.count("idempotency_keys", "1 = 1").await,
    )
}

/// A small JPEG photo of a receipt.
pub fn sample_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_fn(160, 120, |x, y| image::Rgb([(x % 256) as u8, (y * 2 % 256) as u8, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).expect("encode a JPEG");
    out.into_inner()
}
