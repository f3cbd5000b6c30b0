//! The access matrix: every endpoint of the OpenAPI document × every kind of user → the expected
//! status. An endpoint without a row here, or a row without an endpoint, fails the test.

mod care;
mod cart;
mod certificates;
mod complaints;
mod consultations;
mod content;
mod duties;
mod fixture;
mod inquiries;
mod market;
mod orders;
mod producer_ledger;
mod push;
mod reviews;
mod scope;
mod village_map;

use fixture::{Fixture, ROLES};
use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

pub const ANON: u16 = 401;
pub const NO: u16 = 403;

/// Everyone gets `status`.
pub const fn all(status: u16) -> [u16; 10] {
    [status; 10]
}

/// Anonymous → 401, everyone signed in → `status`.
pub const fn signed_in(status: u16) -> [u16; 10] {
    let mut row = [status; 10];
    row[0] = ANON;
    row
}

/// A ten-column row widened to the twelve columns of `fixture::ROLES`: outside the consultation desk a
/// consultant is like any other signed-in user ("another shopper").
const fn widened(row: [u16; 10]) -> [u16; 12] {
    let mut wide = [row[2]; 12];
    let mut i = 0;
    while i < row.len() {
        wide[i] = row[i];
        i += 1;
    }
    wide
}

/// The row of `endpoint` in all twelve columns: the desk's own, or a ten-column row widened.
fn expected_row(endpoint: &str) -> Option<[u16; 12]> {
    consultations::expected(endpoint).or_else(|| expected(endpoint).map(widened))
}

/// Columns: anonymous, shopper, another shopper, seller of this shop, another seller of this village,
/// seller of another village, village admin here, village admin elsewhere, district admin here,
/// district admin elsewhere (then, through `widened`, consultant here and consultant elsewhere).
fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/health" | "GET /api/v1/ready" | "GET /api/v1/regions" | "GET /api/v1/villages" => all(200),
        "GET /api/v1/villages/{slug}" | "POST /api/v1/auth/reset/info" | "POST /api/v1/auth/sign-in" => all(200),
        "GET /api/v1/villages/{slug}/news" | "GET /api/v1/villages/{slug}/news/{news}" => all(200),
        "GET /api/v1/enterprises/{slug}" => all(200),
        "POST /api/v1/auth/reset" | "GET /api/v1/auth/session" => all(200),
        "POST /api/v1/auth/sign-up" => all(201),
        "POST /api/v1/auth/sign-out" => all(204),
        "GET /api/v1/me" | "PATCH /api/v1/me" | "GET /api/v1/me/sessions" => signed_in(200),
        "PUT /api/v1/me/password" | "DELETE /api/v1/me/sessions" | "DELETE /api/v1/me/sessions/{id}" => signed_in(204),
        "POST /api/v1/shops" => signed_in(201),
        "GET /api/v1/admin/villages" | "GET /api/v1/admin/shop-applications" | "GET /api/v1/admin/users" => {
            [ANON, NO, NO, NO, NO, NO, 200, 200, 200, 200]
        }
        // Darmaji has a village admin: only they decide its shop applications.
        "POST /api/v1/admin/shop-applications/{id}/approve" | "POST /api/v1/admin/shop-applications/{id}/reject" => {
            [ANON, NO, NO, NO, NO, NO, 200, NO, NO, NO]
        }
        "POST /api/v1/admin/users/{id}/reset-link" => [ANON, NO, NO, NO, NO, NO, 201, NO, 201, NO],
        "GET /api/v1/admin/district-admins" | "GET /api/v1/admin/audit" => [ANON, NO, NO, NO, NO, NO, NO, NO, 200, 200],
        // Every admin has a dashboard of their own villages.
        "GET /api/v1/dashboard" | "GET /api/v1/dashboard/{report}" | "GET /api/v1/dashboard/{report}/unduh" => {
            [ANON, NO, NO, NO, NO, NO, 200, 200, 200, 200]
        }
        "POST /api/v1/admin/villages" | "POST /api/v1/admin/villages/{id}/admins" => {
            [ANON, NO, NO, NO, NO, NO, NO, NO, 201, NO]
        }
        "POST /api/v1/admin/district-admins" => [ANON, NO, NO, NO, NO, NO, NO, NO, 201, NO],
        "DELETE /api/v1/admin/grants/{id}" => [ANON, NO, NO, NO, NO, NO, NO, NO, 204, NO],
        "GET /api/v1/admin/villages/{id}/profile"
        | "PUT /api/v1/admin/villages/{id}/profile"
        | "GET /api/v1/admin/villages/{id}/officials"
        | "PUT /api/v1/admin/villages/{id}/officials/{official_id}"
        | "GET /api/v1/admin/villages/{id}/idm"
        | "PUT /api/v1/admin/villages/{id}/idm/{year}"
        | "GET /api/v1/admin/villages/{id}/flagship"
        | "PUT /api/v1/admin/villages/{id}/flagship"
        | "GET /api/v1/admin/villages/{id}/enterprises"
        | "PUT /api/v1/admin/villages/{id}/enterprises/{enterprise_id}"
        | "GET /api/v1/admin/villages/{id}/news"
        | "PUT /api/v1/admin/villages/{id}/news/{news_id}"
        | "GET /api/v1/admin/villages/{id}/albums"
        | "PUT /api/v1/admin/villages/{id}/albums/{album_id}"
        | "PUT /api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}" => {
            [ANON, NO, NO, NO, NO, NO, 200, NO, 200, NO]
        }
        "DELETE /api/v1/admin/villages/{id}/idm/{year}"
        | "DELETE /api/v1/admin/villages/{id}/officials/{official_id}"
        | "DELETE /api/v1/admin/villages/{id}/enterprises/{enterprise_id}"
        | "DELETE /api/v1/admin/villages/{id}/news/{news_id}"
        | "DELETE /api/v1/admin/villages/{id}/albums/{album_id}"
        | "DELETE /api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}" => {
            [ANON, NO, NO, NO, NO, NO, 204, NO, 204, NO]
        }
        "POST /api/v1/admin/villages/{id}/officials"
        | "POST /api/v1/admin/villages/{id}/enterprises"
        | "POST /api/v1/admin/villages/{id}/news"
        | "POST /api/v1/admin/villages/{id}/albums"
        | "POST /api/v1/admin/villages/{id}/albums/{album_id}/photos" => [ANON, NO, NO, NO, NO, NO, 201, NO, 201, NO],
        // Sellers with an active shop and admins upload pictures; shoppers do not.
        "POST /api/v1/images" => [ANON, NO, NO, 201, 201, 201, 201, 201, 201, 201],
        _ => {
            return market::expected(endpoint)
                .or_else(|| cart::expected(endpoint))
                .or_else(|| orders::expected(endpoint))
                .or_else(|| village_map::expected(endpoint))
                .or_else(|| inquiries::expected(endpoint))
                .or_else(|| reviews::expected(endpoint).or_else(|| complaints::expected(endpoint)))
                .or_else(|| push::expected(endpoint))
                .or_else(|| certificates::expected(endpoint))
                .or_else(|| producer_ledger::expected(endpoint));
        }
    })
}

/// The concrete address and body of `endpoint` for one request by `role`, with fresh records for
/// requests that change or consume something.
async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, role: usize) -> (String, Option<Value>) {
    if let Some(request) = content::request(app, fx, endpoint, role).await {
        return request;
    }
    if let Some(request) = market::request(app, fx, endpoint, role).await {
        return request;
    }
    if let Some(request) = cart::request(app, fx, endpoint, role).await {
        return request;
    }
    if let Some(request) = orders::request(app, fx, endpoint, role).await {
        return request;
    }
    if let Some(request) = consultations::request(app, fx, endpoint, role).await {
        return request;
    }
    let found = inquiries::request(app, fx, endpoint, role).await;
    let found = found.or(reviews::request(app, fx, endpoint, role).await);
    if let Some(request) = found.or(complaints::request(app, fx, endpoint, role).await) {
        return request;
    }
    if let Some(request) = push::request(app, fx, endpoint, role).await {
        return request;
    }
    if let Some(request) = certificates::request(app, fx, endpoint, role).await {
        return request;
    }
    if let Some(request) = producer_ledger::request(app, fx, endpoint).await {
        return request;
    }
    let user = fx.users[role];
    match endpoint {
        "GET /api/v1/villages/{slug}" => ("/api/v1/villages/darmaji".into(), None),
        "POST /api/v1/auth/reset/info" => {
            ("/api/v1/auth/reset/info".into(), Some(json!({ "token": fx.reset_token(app).await })))
        }
        "POST /api/v1/auth/reset" => {
            let token = fx.reset_token(app).await;
            ("/api/v1/auth/reset".into(), Some(json!({ "token": token, "new_password": "sandi baru yang panjang" })))
        }
        "POST /api/v1/auth/sign-in" => {
            let id = fx.user(app, "Masuk Lagi").await;
            let phone: String = sqlx::query_scalar("SELECT phone FROM users WHERE id = $1")
                .bind(id)
                .fetch_one(&app.db().pool)
                .await
                .unwrap();
            let body = json!({ "login": phone, "password": lapak_tests::DEMO_PASSWORD });
            ("/api/v1/auth/sign-in".into(), Some(body))
        }
        "POST /api/v1/auth/sign-up" => {
            let body = json!({ "name": "Warga Baru", "phone": fx.fresh_phone(), "password": "kopi tubruk pagi hari" });
            ("/api/v1/auth/sign-up".into(), Some(body))
        }
        "PATCH /api/v1/me" => ("/api/v1/me".into(), Some(json!({ "name": "Nama Diperbarui", "email": null }))),
        "PUT /api/v1/me/password" => {
            let body =
                json!({ "current_password": lapak_tests::DEMO_PASSWORD, "new_password": "sandi baru yang panjang" });
            ("/api/v1/me/password".into(), Some(body))
        }
        "DELETE /api/v1/me/sessions/{id}" => {
            let id = match user {
                Some(user) => fx.session(app, user).await,
                None => 1,
            };
            (format!("/api/v1/me/sessions/{id}"), None)
        }
        "POST /api/v1/shops" => {
            let body = json!({ "village": "buwun-sejati", "name": "Lapak Uji Akses", "description": "",
                "whatsapp": fx.fresh_phone() });
            ("/api/v1/shops".into(), Some(body))
        }
        "POST /api/v1/admin/shop-applications/{id}/approve" => {
            (format!("/api/v1/admin/shop-applications/{}/approve", fx.application(app).await), None)
        }
        "POST /api/v1/admin/shop-applications/{id}/reject" => {
            let path = format!("/api/v1/admin/shop-applications/{}/reject", fx.application(app).await);
            (path, Some(json!({ "reason": "Foto produk belum ada." })))
        }
        "POST /api/v1/admin/users/{id}/reset-link" => {
            let seller = fx.users[3].expect("seller");
            (format!("/api/v1/admin/users/{seller}/reset-link"), None)
        }
        "GET /api/v1/dashboard/{report}" => ("/api/v1/dashboard/desa".into(), None),
        "GET /api/v1/dashboard/{report}/unduh" => ("/api/v1/dashboard/pasar/unduh?format=xlsx".into(), None),
        "POST /api/v1/admin/villages" => ("/api/v1/admin/villages".into(), Some(json!({ "code": fx.fresh_code() }))),
        "POST /api/v1/admin/villages/{id}/admins" => {
            let body = json!({ "name": "Operator Baru", "phone": fx.fresh_phone() });
            (format!("/api/v1/admin/villages/{}/admins", fx.village_id), Some(body))
        }
        "POST /api/v1/admin/district-admins" => {
            let body = json!({ "name": "Admin Lombok Tengah", "phone": fx.fresh_phone(), "region": "52.02" });
            ("/api/v1/admin/district-admins".into(), Some(body))
        }
        "POST /api/v1/images" => {
            // Uploading is for shops, admins and recent buyers (a review's or a complaint's photos): the
            // shopper asks with no recent purchase and no order on its way, whatever rows ran before.
            reviews::without_recent_purchases(app).await;
            ("/api/v1/images".into(), None)
        }
        "DELETE /api/v1/admin/grants/{id}" => (format!("/api/v1/admin/grants/{}", fx.grant(app).await), None),
        "GET /api/v1/admin/villages/{id}/profile" => {
            (format!("/api/v1/admin/villages/{}/profile", fx.village_id), None)
        }
        "GET /api/v1/admin/villages/{id}/idm" => (format!("/api/v1/admin/villages/{}/idm", fx.village_id), None),
        "PUT /api/v1/admin/villages/{id}/idm/{year}" => {
            (format!("/api/v1/admin/villages/{}/idm/2022", fx.village_id), Some(json!({ "score": 0.6512 })))
        }
        "DELETE /api/v1/admin/villages/{id}/idm/{year}" => {
            // A year of its own for every request, so each one has something to remove.
            let year = 2030 + i64::try_from(role).unwrap_or_default();
            sqlx::query("INSERT INTO village_idm (village_id, year, score) VALUES ($1, $2, 0.5)")
                .bind(fx.village_id)
                .bind(year)
                .execute(&app.db().pool)
                .await
                .unwrap();
            (format!("/api/v1/admin/villages/{}/idm/{year}", fx.village_id), None)
        }
        "GET /api/v1/admin/villages/{id}/officials" => {
            (format!("/api/v1/admin/villages/{}/officials", fx.village_id), None)
        }
        "POST /api/v1/admin/villages/{id}/officials" => {
            let body = json!({ "version": 0, "name": "Lalu Suparman", "position": "Sekretaris Desa", "photo_id": null,
                "sort_order": 2 });
            (format!("/api/v1/admin/villages/{}/officials", fx.village_id), Some(body))
        }
        "PUT /api/v1/admin/villages/{id}/officials/{official_id}" => {
            let path = format!("/api/v1/admin/villages/{}/officials/{}", fx.village_id, fx.official(app).await);
            let body = json!({ "version": 1, "name": "Baiq Hartini", "position": "Kaur Keuangan", "photo_id": null,
                "sort_order": 3 });
            (path, Some(body))
        }
        "DELETE /api/v1/admin/villages/{id}/officials/{official_id}" => {
            (format!("/api/v1/admin/villages/{}/officials/{}", fx.village_id, fx.official(app).await), None)
        }
        "PUT /api/v1/admin/villages/{id}/profile" => {
            // The current form, saved unchanged: a valid body at the current version.
            let path = format!("/api/v1/admin/villages/{}/profile", fx.village_id);
            let admin = app.session_for(fx.users[6].expect("village admin")).await;
            let form = app.call_json(Method::GET, &path, Some(&admin), None, 200).await;
            (path, Some(form))
        }
        other => {
            let path = other.split_once(' ').map(|(_, p)| p).unwrap_or(other);
            assert!(!path.contains('{'), "{other}: the matrix does not know how to fill this address");
            (path.to_owned(), None)
        }
    }
}

/// Every documented endpoint, as `METHOD /path`.
async fn documented(app: &TestApp) -> Vec<String> {
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let mut endpoints = Vec::new();
    for (path, operations) in doc["paths"].as_object().expect("paths") {
        for method in operations.as_object().expect("operations").keys() {
            endpoints.push(format!("{} {path}", method.to_uppercase()));
        }
    }
    endpoints
}

async fn every_endpoint_for_every_role(app: TestApp) {
    let fx = Fixture::new(&app).await;
    let endpoints = documented(&app).await;
    let missing: Vec<&String> = endpoints.iter().filter(|e| expected_row(e).is_none()).collect();
    assert!(missing.is_empty(), "endpoints without a row in the access matrix: {missing:?}");
    let mut wrong = Vec::new();
    let mut checked = 0;
    for endpoint in &endpoints {
        let row = expected_row(endpoint).expect("checked above");
        let method = Method::from_bytes(endpoint.split(' ').next().unwrap().as_bytes()).unwrap();
        for (role, want) in row.iter().enumerate() {
            let cookie = match fx.users[role] {
                Some(user) => Some(app.session_for(user).await),
                None => None,
            };
            let (path, body) = request(&app, &fx, endpoint, role).await;
            let res = if endpoint == "POST /api/v1/images" || endpoint == "POST /api/v1/orders/{code}/receipt" {
                app.upload(&path, cookie.as_deref(), "image/png", lapak_tests::sample_png(40, 30)).await
            } else {
                app.call(method.clone(), &path, cookie.as_deref(), body.as_ref()).await
            };
            let got = res.status().as_u16();
            let content_type = lapak_tests::header(&res, "content-type");
            let text = res.text().await.unwrap_or_default();
            if got != *want {
                wrong.push(format!("{endpoint} as {}: {got}, expected {want} ({text})", ROLES[role]));
            } else if got >= 400 && content_type != "application/problem+json" {
                wrong.push(format!("{endpoint} as {}: {got} without a problem document", ROLES[role]));
            }
            checked += 1;
        }
    }
    assert!(wrong.is_empty(), "{} of {checked} cells differ:\n{}", wrong.len(), wrong.join("\n"));
    assert!(checked >= 300, "the matrix covers {checked} cells");
}

/// A row for an endpoint that no longer exists is a stale row.
async fn every_row_names_a_documented_endpoint(app: TestApp) {
    let endpoints = documented(&app).await;
    let all = ROWS.iter().chain(content::ROWS).chain(market::ROWS).chain(cart::ROWS).chain(orders::ROWS);
    let all = all.chain(consultations::ROWS).chain(village_map::ROWS).chain(inquiries::ROWS).chain(reviews::ROWS);
    for row in all.chain(push::ROWS).chain(certificates::ROWS).chain(producer_ledger::ROWS).chain(complaints::ROWS) {
        assert!(endpoints.iter().any(|e| e == row), "the matrix has a row for {row}, which is not documented");
        assert!(expected_row(row).is_some());
    }
    let rows = ROWS.len() + content::ROWS.len() + market::ROWS.len() + cart::ROWS.len() + orders::ROWS.len();
    let rows = rows + consultations::ROWS.len() + village_map::ROWS.len() + inquiries::ROWS.len() + reviews::ROWS.len();
    let rows = rows + push::ROWS.len() + certificates::ROWS.len() + producer_ledger::ROWS.len();
    assert_eq!(endpoints.len(), rows + complaints::ROWS.len(), "every documented endpoint is listed in ROWS");
}

/// The endpoints the matrix has rows for.
const ROWS: &[&str] = &[
    "GET /api/v1/health",
    "GET /api/v1/ready",
    "GET /api/v1/regions",
    "GET /api/v1/villages",
    "GET /api/v1/villages/{slug}",
    "GET /api/v1/auth/session",
    "POST /api/v1/auth/reset",
    "POST /api/v1/auth/reset/info",
    "POST /api/v1/auth/sign-in",
    "POST /api/v1/auth/sign-up",
    "POST /api/v1/auth/sign-out",
    "GET /api/v1/me",
    "PATCH /api/v1/me",
    "PUT /api/v1/me/password",
    "GET /api/v1/me/sessions",
    "DELETE /api/v1/me/sessions",
    "DELETE /api/v1/me/sessions/{id}",
    "POST /api/v1/shops",
    "GET /api/v1/admin/villages",
    "POST /api/v1/admin/villages",
    "POST /api/v1/admin/villages/{id}/admins",
    "GET /api/v1/admin/shop-applications",
    "POST /api/v1/admin/shop-applications/{id}/approve",
    "POST /api/v1/admin/shop-applications/{id}/reject",
    "GET /api/v1/admin/users",
    "POST /api/v1/admin/users/{id}/reset-link",
    "GET /api/v1/admin/district-admins",
    "POST /api/v1/admin/district-admins",
    "DELETE /api/v1/admin/grants/{id}",
    "GET /api/v1/admin/audit",
    "GET /api/v1/dashboard",
    "GET /api/v1/dashboard/{report}",
    "GET /api/v1/dashboard/{report}/unduh",
    "POST /api/v1/images",
    "GET /api/v1/admin/villages/{id}/profile",
    "PUT /api/v1/admin/villages/{id}/profile",
    "GET /api/v1/admin/villages/{id}/officials",
    "POST /api/v1/admin/villages/{id}/officials",
    "PUT /api/v1/admin/villages/{id}/officials/{official_id}",
    "DELETE /api/v1/admin/villages/{id}/officials/{official_id}",
    "GET /api/v1/admin/villages/{id}/idm",
    "PUT /api/v1/admin/villages/{id}/idm/{year}",
    "DELETE /api/v1/admin/villages/{id}/idm/{year}",
];

on_both_databases!(every_endpoint_for_every_role, every_row_names_a_documented_endpoint);
