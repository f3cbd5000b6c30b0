//! Who may help whom back into an account: a reset link comes only from an admin whose scope covers
//! every role and shop the person holds (peers are not in each other's care), never for a plain shopper,
//! and never as a side effect of naming an existing account an admin.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

on_both_databases!(
    naming_someone_an_admin_gives_no_power_over_their_account,
    a_shop_application_gives_no_power_over_the_applicants_other_roles,
    a_password_less_account_held_elsewhere_gets_no_link_from_a_grant,
    district_admins_of_one_region_cannot_reset_each_other,
    admins_still_help_the_people_in_their_care,
);

async fn village_id(app: &TestApp, slug: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM villages WHERE slug = $1").bind(slug).fetch_one(&app.db().pool).await.unwrap()
}

/// Reset links ever issued for `user`.
async fn links_for(app: &TestApp, user: i64) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM reset_tokens WHERE user_id = $1")
        .bind(user)
        .fetch_one(&app.db().pool)
        .await
        .unwrap()
}

/// The ids the admin user search finds for `q`.
async fn found(app: &TestApp, cookie: &str, q: &str) -> Vec<i64> {
    let list = app.call_json(Method::GET, &format!("/api/v1/admin/users?q={q}"), Some(cookie), None, 200).await;
    list.as_array().unwrap().iter().map(|u| u["id"].as_i64().unwrap()).collect()
}

/// Asks for a reset link for `user` and expects 403 with no link issued.
async fn refused(app: &TestApp, cookie: &str, user: i64) {
    let before = links_for(app, user).await;
    let path = format!("/api/v1/admin/users/{user}/reset-link");
    let problem = assert_problem(app.call(Method::POST, &path, Some(cookie), None).await, 403).await;
    assert!(problem.detail.contains("wilayah"), "{}", problem.detail);
    assert_eq!(links_for(app, user).await, before, "no link for user {user}");
}

async fn issued(app: &TestApp, cookie: &str, user: i64) -> Value {
    let path = format!("/api/v1/admin/users/{user}/reset-link");
    let link = app.call_json(Method::POST, &path, Some(cookie), None, 201).await;
    assert!(link["url"].as_str().unwrap().contains("/akun/atur-sandi#"), "{link}");
    link
}

async fn naming_someone_an_admin_gives_no_power_over_their_account(app: TestApp) {
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let path = format!("/api/v1/admin/villages/{}/admins", village_id(&app, "senggigi").await);
    // The province's admin, the village admin of Darmaji (Lombok Tengah), a seller of Darmaji, and a
    // shopper whose only role is now the one Lombok Barat gave.
    for phone in ["081152000000", "081152020001", "081234560001", "081100000001"] {
        let person = app.user_id(phone).await;
        let body = json!({ "name": "Siapa Saja", "phone": phone });
        let assigned = app.call_json(Method::POST, &path, Some(&lombok_barat), Some(&body), 201).await;
        assert_eq!((assigned["new_account"].as_bool(), assigned["reset_link"].is_null()), (Some(false), true));
        refused(&app, &lombok_barat, person).await;
        assert!(found(&app, &lombok_barat, phone).await.is_empty(), "{phone} is not offered in the search");
        app.sign_in(phone, DEMO_PASSWORD).await;
    }
    // An admin of a wider region, who gave none of those roles, may help the shopper now.
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    issued(&app, &ntb, app.user_id("081100000001").await).await;
}

async fn a_shop_application_gives_no_power_over_the_applicants_other_roles(app: TestApp) {
    // Lombok Barat's district admin applies to open a shop in Darmaji (Lombok Tengah).
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let body = json!({ "village": "darmaji", "name": "Kopi Pak Kabupaten", "description": "",
        "whatsapp": "0857 5555 0101" });
    app.call_json(Method::POST, "/api/v1/shops", Some(&lombok_barat), Some(&body), 201).await;
    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let applicant = app.user_id("081152010000").await;
    refused(&app, &darmaji, applicant).await;
    assert!(found(&app, &darmaji, "081152010000").await.is_empty());
    // A plain applicant, whose only shop is the application in Darmaji, is in Darmaji's care.
    let shopper = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let body = json!({ "village": "darmaji", "name": "Sambal Rina", "description": "", "whatsapp": "0857 5555 0102" });
    app.call_json(Method::POST, "/api/v1/shops", Some(&shopper), Some(&body), 201).await;
    issued(&app, &darmaji, app.user_id("081100000001").await).await;
}

async fn a_password_less_account_held_elsewhere_gets_no_link_from_a_grant(app: TestApp) {
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let person = json!({ "name": "Baiq Operator", "phone": "0857 1212 3434" });
    let darmaji = format!("/api/v1/admin/villages/{}/admins", village_id(&app, "darmaji").await);
    let first = app.call_json(Method::POST, &darmaji, Some(&ntb), Some(&person), 201).await;
    assert_eq!(first["new_account"], true);
    assert!(first["reset_link"]["url"].is_string(), "a new account's link goes to whoever made it");
    let user = first["user"]["id"].as_i64().unwrap();

    // Lombok Barat names the same, still password-less, account: the grants are recorded, no link.
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let senggigi = format!("/api/v1/admin/villages/{}/admins", village_id(&app, "senggigi").await);
    let district = json!({ "name": "Baiq Operator", "phone": "0857 1212 3434", "region": "52.01" });
    for (path, body) in [(senggigi.as_str(), &person), ("/api/v1/admin/district-admins", &district)] {
        let assigned = app.call_json(Method::POST, path, Some(&lombok_barat), Some(body), 201).await;
        assert_eq!(assigned["new_account"], false);
        assert!(assigned["reset_link"].is_null(), "{assigned}");
        let notice = assigned["notice"].as_str().unwrap_or_default();
        assert!(notice.contains("belum memiliki kata sandi") && notice.contains("lapak admin reset-link"), "{notice}");
    }
    let grants: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM grants WHERE user_id = $1")
        .bind(user)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(grants, 3);
    let ntb_id = app.user_id("081152000000").await;
    let live: Vec<i64> =
        sqlx::query_scalar("SELECT issued_by FROM reset_tokens WHERE user_id = $1 AND used_at IS NULL")
            .bind(user)
            .fetch_all(&app.db().pool)
            .await
            .unwrap();
    assert_eq!(live, [ntb_id], "the province admin's link still stands, and no other");
    refused(&app, &lombok_barat, user).await;
}

async fn district_admins_of_one_region_cannot_reset_each_other(app: TestApp) {
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let body = json!({ "name": "Admin Kedua Lombok Barat", "phone": "0857 4545 6767", "region": "52.01" });
    let assigned = app.call_json(Method::POST, "/api/v1/admin/district-admins", Some(&ntb), Some(&body), 201).await;
    let peer = assigned["user"]["id"].as_i64().unwrap();
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    refused(&app, &lombok_barat, peer).await;
    assert!(found(&app, &lombok_barat, "085745456767").await.is_empty());
    // The province's admin, of a wider region, may.
    issued(&app, &ntb, peer).await;
    issued(&app, &ntb, app.user_id("081152010000").await).await;
}

async fn admins_still_help_the_people_in_their_care(app: TestApp) {
    // The province's admin helps the village admin of Darmaji, a village of their region.
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let village_admin = app.user_id("081152020001").await;
    assert_eq!(found(&app, &ntb, "081152020001").await, [village_admin]);
    let link = issued(&app, &ntb, village_admin).await;
    assert_eq!(link["user"]["id"], village_admin);
    // Darmaji's admin helps a seller whose only shop is in Darmaji.
    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let seller = app.user_id("081234560001").await;
    assert_eq!(found(&app, &darmaji, "081234560001").await, [seller]);
    issued(&app, &darmaji, seller).await;
    // A plain shopper is nobody's to reset.
    let shopper = app.user_id("081100000001").await;
    assert!(found(&app, &ntb, "081100000001").await.is_empty());
    refused(&app, &ntb, shopper).await;
}
