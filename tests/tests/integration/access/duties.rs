//! Separation of duties: nobody decides on their own shop application (a village admin's goes to the
//! district, as do suspending and reinstating it), district admins of one region do not revoke each
//! other (an admin of a wider region does), and only the owner of an open shop changes its member
//! producers.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

use crate::admin_flows::apply;

on_both_databases!(
    a_village_admins_own_application_goes_to_the_district,
    a_district_admin_does_not_decide_their_own_application,
    a_village_admins_own_shop_is_moderated_by_the_district,
    only_a_wider_region_revokes_a_district_admin,
    producers_change_only_in_an_open_shop,
);

async fn queue(app: &TestApp, cookie: &str) -> Vec<i64> {
    let list = app.call_json(Method::GET, "/api/v1/admin/shop-applications", Some(cookie), None, 200).await;
    list.as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect()
}

async fn status(app: &TestApp, shop: i64) -> String {
    sqlx::query_scalar("SELECT status FROM shops WHERE id = $1").bind(shop).fetch_one(&app.db().pool).await.unwrap()
}

/// Approving and rejecting `shop` as `cookie` both answer 403 and change nothing.
async fn cannot_decide(app: &TestApp, cookie: &str, shop: i64) -> String {
    let approve = format!("/api/v1/admin/shop-applications/{shop}/approve");
    let problem = assert_problem(app.call(Method::POST, &approve, Some(cookie), None).await, 403).await;
    let reject = format!("/api/v1/admin/shop-applications/{shop}/reject");
    let reason = json!({ "reason": "Ditolak sendiri saja." });
    assert_problem(app.call(Method::POST, &reject, Some(cookie), Some(&reason)).await, 403).await;
    assert_eq!(status(app, shop).await, "pending");
    problem.detail
}

async fn a_village_admins_own_application_goes_to_the_district(app: TestApp) {
    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let own = apply(&app, &darmaji, "darmaji", "Kopi Operator Darmaji").await;
    let shopper = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let other = apply(&app, &shopper, "darmaji", "Sambal Rina").await;
    assert_eq!(queue(&app, &darmaji).await, [other], "the village admin is not offered their own application");
    let detail = cannot_decide(&app, &darmaji, own).await;
    assert!(detail.contains("sendiri"), "{detail}");
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    assert_eq!(queue(&app, &ntb).await, [own], "the district decides it (and not the villager's)");
    let approved = app
        .call_json(Method::POST, &format!("/api/v1/admin/shop-applications/{own}/approve"), Some(&ntb), None, 200)
        .await;
    assert_eq!(approved["status"], "active");
    cannot_decide(&app, &ntb, other).await;
}

async fn a_district_admin_does_not_decide_their_own_application(app: TestApp) {
    // Senggigi has no village admin: Lombok Barat's district admin decides its applications, but not their own.
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let own = apply(&app, &lombok_barat, "senggigi", "Kopi Pak Kabupaten").await;
    assert!(!queue(&app, &lombok_barat).await.contains(&own));
    cannot_decide(&app, &lombok_barat, own).await;
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    assert!(queue(&app, &ntb).await.contains(&own));
    let path = format!("/api/v1/admin/shop-applications/{own}/reject");
    let rejected =
        app.call_json(Method::POST, &path, Some(&ntb), Some(&json!({ "reason": "Foto belum ada." })), 200).await;
    assert_eq!(rejected["status"], "rejected");
}

async fn a_village_admins_own_shop_is_moderated_by_the_district(app: TestApp) {
    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let own = apply(&app, &darmaji, "darmaji", "Kopi Operator Darmaji").await;
    sqlx::query("UPDATE shops SET status = 'active' WHERE id = $1").bind(own).execute(&app.db().pool).await.unwrap();
    let village: i64 = sqlx::query_scalar("SELECT village_id FROM shops WHERE id = $1")
        .bind(own)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    let shops = format!("/api/v1/admin/villages/{village}/shops");
    let moderable = |list: Value| {
        list.as_array().unwrap().iter().map(|s| (s["id"].as_i64().unwrap(), s["moderable"] == true)).collect::<Vec<_>>()
    };
    let listed = moderable(app.call_json(Method::GET, &shops, Some(&darmaji), None, 200).await);
    assert!(listed.contains(&(own, false)) && listed.iter().any(|&(id, m)| id != own && m), "{listed:?}");
    let suspend = format!("{shops}/{own}/suspend");
    let reason = json!({ "reason": "Harga tidak wajar." });
    let problem = assert_problem(app.call(Method::POST, &suspend, Some(&darmaji), Some(&reason)).await, 403).await;
    assert!(problem.detail.contains("sendiri"), "{}", problem.detail);
    assert_eq!(status(&app, own).await, "active");

    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    assert!(moderable(app.call_json(Method::GET, &shops, Some(&ntb), None, 200).await).contains(&(own, true)));
    assert_eq!(app.call(Method::POST, &suspend, Some(&ntb), Some(&reason)).await.status(), 204);
    let reinstate = format!("{shops}/{own}/reinstate");
    assert_problem(app.call(Method::POST, &reinstate, Some(&darmaji), None).await, 403).await;
    assert_eq!(status(&app, own).await, "suspended", "the village admin cannot lift their own suspension");
    assert_eq!(app.call(Method::POST, &reinstate, Some(&ntb), None).await.status(), 204);
    assert_eq!(status(&app, own).await, "active");
}

async fn grant_of(app: &TestApp, phone: &str, region: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT g.id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.phone = $1 AND g.region_code = $2",
    )
    .bind(phone)
    .bind(region)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

async fn only_a_wider_region_revokes_a_district_admin(app: TestApp) {
    // The province's admin makes the demo shopper a second district admin of Lombok Barat.
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let body = json!({ "name": "Rina", "phone": "081100000001", "region": "52.01" });
    app.call_json(Method::POST, "/api/v1/admin/district-admins", Some(&ntb), Some(&body), 201).await;
    let peer = grant_of(&app, "6281100000001", "52.01").await;
    let own = grant_of(&app, "6281152010000", "52.01").await;
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let rina = app.sign_in("081100000001", DEMO_PASSWORD).await;
    for (cookie, grant) in [(&lombok_barat, peer), (&rina, own)] {
        let path = format!("/api/v1/admin/grants/{grant}");
        let problem = assert_problem(app.call(Method::DELETE, &path, Some(cookie), None).await, 403).await;
        assert!(problem.detail.contains("lebih luas"), "{}", problem.detail);
    }
    let grants: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM grants WHERE id IN ($1, $2)")
        .bind(peer)
        .bind(own)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(grants, 2, "both still stand");
    // A village admin of their region is still theirs to revoke; the province's admin revokes either.
    let darmaji = sqlx::query_scalar::<_, i64>(
        "SELECT g.id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.phone = '6281152020001'",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    let lombok_tengah = json!({ "name": "Admin Lombok Tengah", "phone": "0857 3131 4141", "region": "52.02" });
    app.call_json(Method::POST, "/api/v1/admin/district-admins", Some(&ntb), Some(&lombok_tengah), 201).await;
    let lt = grant_of(&app, "6285731314141", "52.02").await;
    app.call_json(Method::DELETE, &format!("/api/v1/admin/grants/{peer}"), Some(&ntb), None, 204).await;
    app.call_json(Method::DELETE, &format!("/api/v1/admin/grants/{lt}"), Some(&ntb), None, 204).await;
    app.call_json(Method::DELETE, &format!("/api/v1/admin/grants/{darmaji}"), Some(&ntb), None, 204).await;
    let list = app.call_json(Method::GET, "/api/v1/admin/district-admins", Some(&lombok_barat), None, 200).await;
    let ids: Vec<&Value> = list.as_array().unwrap().iter().map(|a| &a["grant_id"]).collect();
    assert_eq!(ids, [&json!(own)]);
}

async fn producers_change_only_in_an_open_shop(app: TestApp) {
    let shopper = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let pending = apply(&app, &shopper, "darmaji", "Sambal Rina").await;
    let body = json!({ "name": "Inaq Sahnun", "dusun": "Dasan Baru", "makes": "sambal terasi" });
    let path = format!("/api/v1/shops/{pending}/producers");
    let problem = assert_problem(app.call(Method::POST, &path, Some(&shopper), Some(&body)).await, 403).await;
    assert!(problem.detail.contains("belum disetujui"), "{}", problem.detail);
    app.call_json(Method::GET, &path, Some(&shopper), None, 200).await;

    // An open shop adds a producer; once the village admin suspends it, it cannot add or remove one.
    let owner = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let (shop, village): (i64, i64) = {
        let row: (i64, i64) = sqlx::query_as(
            "SELECT s.id, s.village_id FROM shops s JOIN users u ON u.id = s.owner_id WHERE u.phone = '6281234560001'",
        )
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
        row
    };
    let path = format!("/api/v1/shops/{shop}/producers");
    let producer = app.call_json(Method::POST, &path, Some(&owner), Some(&body), 201).await["id"].as_i64().unwrap();
    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let suspend = format!("/api/v1/admin/villages/{village}/shops/{shop}/suspend");
    let reason = json!({ "reason": "Harga tidak wajar." });
    app.call(Method::POST, &suspend, Some(&darmaji), Some(&reason)).await.error_for_status().unwrap();
    let problem = assert_problem(app.call(Method::POST, &path, Some(&owner), Some(&body)).await, 403).await;
    assert!(problem.detail.contains("ditangguhkan"), "{}", problem.detail);
    let one = format!("{path}/{producer}");
    assert_problem(app.call(Method::DELETE, &one, Some(&owner), None).await, 403).await;
    let list = app.call_json(Method::GET, &path, Some(&owner), None, 200).await;
    assert!(list.as_array().unwrap().iter().any(|p| p["id"] == producer), "the producer is still there");
}
