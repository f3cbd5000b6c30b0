//! Issue 8's consultation desk over HTTP: the round trip between a seller and a consultant granted by the
//! district admin (queue, assignment, replies, a field visit, answered, notifications, FAQ), its privacy
//! for everyone else, and refusals that write nothing. This file holds the helpers the tests share.

mod privacy;
mod refusals;
mod round_trip;

use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use shared::Consultation;

/// The owner of Lapak BUMDes Darma Tani (Darmaji, Lombok Tengah).
pub const DARMA_TANI: &str = "081234560001";
/// The owner of Lapak BUMDes Senggigi Bahari (Senggigi, Lombok Barat).
pub const SENGGIGI_BAHARI: &str = "081234560002";
/// The demo shopper.
pub const SHOPPER: &str = "081100000001";
/// The district admins of Lombok Barat (52.01) and of NTB (52), and Darmaji's village admin.
pub const LOMBOK_BARAT_ADMIN: &str = "081152010000";
pub const NTB_ADMIN: &str = "081152000000";
pub const DARMAJI_ADMIN: &str = "081152020001";

/// A session of the demo account `phone`.
pub async fn session(app: &TestApp, phone: &str) -> String {
    app.session_for(app.user_id(phone).await).await
}

/// The shop of a demo seller and its village.
pub struct Place {
    pub village: i64,
    pub slug: String,
    pub shop: i64,
}

/// The shop of the demo seller `phone` and its village.
pub async fn shop_of(app: &TestApp, phone: &str) -> Place {
    let (village, slug, shop) = sqlx::query_as(
        "SELECT v.id, v.slug, s.id FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.owner_id = $1",
    )
    .bind(app.user_id(phone).await)
    .fetch_one(&app.db().pool)
    .await
    .expect("the demo account owns a shop");
    Place { village, slug, shop }
}

/// A new account signed up through the API; answers its session and its id.
pub async fn new_account(app: &TestApp, name: &str, phone: &str) -> (String, i64) {
    let body = json!({ "name": name, "phone": phone, "password": "kopi tubruk pagi hari" });
    let res = app.call(Method::POST, "/api/v1/auth/sign-up", None, Some(&body)).await;
    assert_eq!(res.status(), 201, "sign up {phone}");
    let cookie = lapak_tests::session_cookie(&res).expect("signed in at sign-up");
    (cookie, app.user_id(phone).await)
}

/// `phone` made a consultant of `office` for `region` by the district admin holding `admin`.
pub async fn grant(app: &TestApp, admin: &str, phone: &str, region: &str, office: &str) -> Value {
    let body = json!({ "phone": phone, "region": region, "office": office });
    app.call_json(Method::POST, "/api/v1/admin/consultants", Some(admin), Some(&body), 201).await
}

/// A consultation about the village with this slug (and `shop`).
pub fn question(village: &str, shop: Option<i64>) -> Value {
    json!({
        "topic": "perizinan",
        "title": "Syarat PIRT untuk sambal terasi",
        "description": "Kami ingin menitipkan sambal terasi di toko oleh-oleh. Apa saja syarat PIRT dan biayanya?",
        "village": village,
        "shop_id": shop,
        "photo_ids": [],
    })
}

/// Submits `body` as the holder of `cookie`; answers the consultation.
pub async fn submit(app: &TestApp, cookie: &str, body: &Value) -> Consultation {
    let value = app.call_json(Method::POST, "/api/v1/consultations", Some(cookie), Some(body), 201).await;
    serde_json::from_value(value).expect("a consultation")
}

/// `method /api/v1/consultations/{id}{rest}` as the holder of `cookie`.
pub async fn act(
    app: &TestApp,
    cookie: &str,
    method: Method,
    id: i64,
    rest: &str,
    body: Option<&Value>,
) -> reqwest::Response {
    app.call(method, &format!("/api/v1/consultations/{id}{rest}"), Some(cookie), body).await
}

/// `act` that expects `status` and answers the consultation as the actor sees it after.
pub async fn acted(
    app: &TestApp,
    cookie: &str,
    method: Method,
    id: i64,
    rest: &str,
    body: Option<&Value>,
    status: u16,
) -> Consultation {
    let path = format!("/api/v1/consultations/{id}{rest}");
    serde_json::from_value(app.call_json(method, &path, Some(cookie), body, status).await).expect("a consultation")
}

/// The ids in the staff queue at `query` for the holder of `cookie`.
pub async fn queue_ids(app: &TestApp, cookie: &str, query: &str) -> Vec<i64> {
    let path = format!("/api/v1/consultations/queue{query}");
    let page = app.call_json(Method::GET, &path, Some(cookie), None, 200).await;
    page["items"].as_array().expect("items").iter().map(|c| c["id"].as_i64().expect("id")).collect()
}
