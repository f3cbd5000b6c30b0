//! Issue 8's bulk and export inquiries over HTTP: one about a product reaches its shop (list and
//! notification) and the queue of the village's and district's admins, and nobody else's; a flagship's
//! reaches the village and the district; refused forms write nothing; owners and admins move them on, and
//! anyone else finds nothing. This file holds the helpers the tests share.

mod english;
mod moves;
mod reach;
mod refusals;

use backend::{
    accounts::queries::{self as users, NewUser},
    admin::queries::grants,
};
use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};
use shared::{InquiryList, Phone, Role};

/// The owner of Lapak BUMDes Senggigi Bahari (Senggigi, Lombok Barat, 52.01).
pub const SENGGIGI_BAHARI: &str = "081234560002";
/// The owner of Lapak BUMDes Darma Tani (Darmaji, Lombok Tengah, 52.02).
pub const DARMA_TANI: &str = "081234560001";
/// District admin of Kabupaten Lombok Barat (52.01).
pub const LOMBOK_BARAT: &str = "081152010000";
/// District admin of Nusa Tenggara Barat (52).
pub const NTB: &str = "081152000000";
/// Village admin of Darmaji.
pub const DARMAJI_ADMIN: &str = "081152020001";
/// The demo shopper.
pub const SHOPPER: &str = "081100000001";

/// A demo shop with one of its listed products and a session of its owner.
pub struct Shop {
    pub id: i64,
    pub name: String,
    pub village_id: i64,
    pub cookie: String,
    pub product: i64,
    pub product_name: String,
}

/// The shop owned by the demo account `phone`.
pub async fn shop(app: &TestApp, phone: &str) -> Shop {
    let owner = app.user_id(phone).await;
    let (id, name, village_id): (i64, String, i64) =
        sqlx::query_as("SELECT id, name, village_id FROM shops WHERE owner_id = $1")
            .bind(owner)
            .fetch_one(&app.db().pool)
            .await
            .expect("the demo account owns a shop");
    let (product, product_name): (i64, String) = sqlx::query_as(
        "SELECT id, name FROM products WHERE shop_id = $1 AND status = 'active' AND hidden_reason IS NULL \
         ORDER BY id LIMIT 1",
    )
    .bind(id)
    .fetch_one(&app.db().pool)
    .await
    .expect("the demo shop sells something");
    Shop { id, name, village_id, cookie: app.session_for(owner).await, product, product_name }
}

/// A valid inquiry about `target` (e.g. `{"product_id": 3}`) from a guest with this number.
pub fn inquiry(target: Value, whatsapp: &str) -> Value {
    let mut body = json!({
        "kind": "partai_besar", "buyer_name": "Hj. Nurhayati", "buyer_whatsapp": whatsapp,
        "organisation": "CV Sumber Rejeki", "quantity": 500, "unit": "kg", "destination": "Surabaya",
        "dest_country": "ID", "needed_by": needed_by(), "message": "Mohon harga grosir dan contoh barang."
    });
    for (key, value) in target.as_object().expect("an object") {
        body[key] = value.clone();
    }
    body
}

/// December of next year, as every test inquiry's needed-by month.
pub fn needed_by() -> String {
    let this_year: i64 = backend::time_zone::TimeZone::Wita.date_time(backend::db::now_ms())[..4].parse().unwrap();
    format!("{}-12", this_year + 1)
}

/// Sends `body` as a guest, expecting it taken; returns the answer.
pub async fn send(app: &TestApp, body: &Value) -> Value {
    app.call_json(Method::POST, "/api/v1/inquiries", None, Some(body), 201).await
}

/// A session of a new account holding `role` for a village or a region.
pub async fn admin(
    app: &TestApp,
    name: &str,
    phone: &str,
    role: Role,
    village: Option<i64>,
    region: Option<&str>,
) -> String {
    let phone = Phone::parse(phone).unwrap();
    let new = NewUser { name, phone: &phone, email: None, password_hash: None, is_demo: false };
    let id = users::create(&app.db().pool, &new).await.unwrap();
    let mut conn = app.db().pool.acquire().await.unwrap();
    grants::insert(&mut conn, id, role, village, region, None).await.unwrap();
    app.session_for(id).await
}

/// The ids of the inquiries a list at `path` shows to the holder of `cookie`.
pub async fn listed(app: &TestApp, path: &str, cookie: &str) -> Vec<i64> {
    list(app, path, cookie).await.items.iter().map(|i| i.id).collect()
}

pub async fn list(app: &TestApp, path: &str, cookie: &str) -> InquiryList {
    serde_json::from_value(app.call_json(Method::GET, path, Some(cookie), None, 200).await).expect("an inquiry list")
}

/// The village with this slug.
pub async fn village_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM villages WHERE slug = $1").bind(slug).fetch_one(&app.db().pool).await.unwrap()
}
