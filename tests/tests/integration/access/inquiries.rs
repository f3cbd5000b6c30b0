//! The matrix rows of bulk and export inquiries: anyone sends one (guests too); a shop's inquiries are its
//! owner's alone; the admins' queue is every admin's (each sees their own villages), and moving an inquiry
//! of Darmaji is for Darmaji's admins and its district's, others find nothing (404). Each move is on a fresh
//! inquiry, so every allowed call has something to move.

use lapak_tests::TestApp;
use serde_json::{Value, json};

use super::{ANON, NO, all, fixture::Fixture};

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "POST /api/v1/inquiries" => all(201),
        "GET /api/v1/shops/{id}/inquiries" | "POST /api/v1/shops/{id}/inquiries/{inquiry_id}/status" => {
            [ANON, NO, NO, 200, NO, NO, NO, NO, NO, NO]
        }
        "GET /api/v1/admin/inquiries" => [ANON, NO, NO, NO, NO, NO, 200, 200, 200, 200],
        "POST /api/v1/admin/inquiries/{id}/status" => [ANON, NO, NO, NO, NO, NO, 200, 404, 200, 404],
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "POST /api/v1/inquiries",
    "GET /api/v1/shops/{id}/inquiries",
    "POST /api/v1/shops/{id}/inquiries/{inquiry_id}/status",
    "GET /api/v1/admin/inquiries",
    "POST /api/v1/admin/inquiries/{id}/status",
];

/// A new inquiry to this shop (in Darmaji), written straight into the database.
async fn fresh(app: &TestApp, fx: &Fixture) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO inquiries (village_id, shop_id, flagship, subject, kind, buyer_name, buyer_whatsapp, quantity, \
            unit, destination, dest_country, fingerprint, created_at, updated_at) \
         VALUES ($1, $2, $3, 'Produk Uji', 'partai_besar', 'Pembeli Uji', '6285700000000', 100, 'kg', 'Mataram', \
            'ID', 'uji', 0, 0) RETURNING id",
    )
    .bind(fx.village_id)
    .bind(fx.shop_id)
    .bind(false)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// The request for `endpoint`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let shop = format!("/api/v1/shops/{}", fx.shop_id);
    Some(match endpoint {
        "POST /api/v1/inquiries" => {
            let body = json!({ "shop_id": fx.shop_id, "kind": "partai_besar", "buyer_name": "Pembeli Grosir",
                "buyer_whatsapp": fx.fresh_phone(), "quantity": 200, "unit": "kg", "destination": "Mataram",
                "dest_country": "ID" });
            ("/api/v1/inquiries".into(), Some(body))
        }
        "GET /api/v1/shops/{id}/inquiries" => (format!("{shop}/inquiries?status=baru"), None),
        "POST /api/v1/shops/{id}/inquiries/{inquiry_id}/status" => {
            (format!("{shop}/inquiries/{}/status", fresh(app, fx).await), Some(json!({ "status": "dihubungi" })))
        }
        "GET /api/v1/admin/inquiries" => ("/api/v1/admin/inquiries?kind=partai_besar".into(), None),
        "POST /api/v1/admin/inquiries/{id}/status" => {
            let path = format!("/api/v1/admin/inquiries/{}/status", fresh(app, fx).await);
            (path, Some(json!({ "status": "selesai", "note": "Sudah sepakat lewat WhatsApp." })))
        }
        _ => return None,
    })
}
