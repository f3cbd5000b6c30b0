//! The admin area over HTTP: shop applications approved and rejected (by the village admin, or the
//! district admin where the village has none), villages created from the region table with their
//! admins, district admins within regions, producers, and the command line's first admin.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

on_both_databases!(
    shop_applications_are_decided_once,
    a_district_admin_creates_a_village_and_its_admin,
    district_admins_grant_only_within_their_region,
    shop_owners_keep_their_producers,
    the_command_line_makes_the_first_district_admin,
);

/// Applies for a shop named `name` in `village` as the person signed in with `cookie`: its id, pending.
pub(crate) async fn apply(app: &TestApp, cookie: &str, village: &str, name: &str) -> i64 {
    let body = json!({ "village": village, "name": name, "description": "", "whatsapp": "0857 5555 0000" });
    let shop = app.call_json(Method::POST, "/api/v1/shops", Some(cookie), Some(&body), 201).await;
    assert_eq!(shop["status"], "pending");
    shop["id"].as_i64().unwrap()
}

async fn status_in_me(app: &TestApp, cookie: &str, shop: i64) -> Value {
    let me = app.call_json(Method::GET, "/api/v1/me", Some(cookie), None, 200).await;
    me["shops"].as_array().unwrap().iter().find(|s| s["id"] == shop).cloned().expect("the shop is listed")
}

async fn shop_applications_are_decided_once(app: TestApp) {
    let applicant = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let first = apply(&app, &applicant, "senggigi", "Kopi Bubuk Inaq Sari").await;
    let body = json!({ "village": "senggigi", "name": "Toko Kedua", "description": "", "whatsapp": "0857 5555 0000" });
    assert_problem(app.call(Method::POST, "/api/v1/shops", Some(&applicant), Some(&body)).await, 409).await;

    // Senggigi has no village admin: the district admin of Lombok Barat decides.
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let queue = app.call_json(Method::GET, "/api/v1/admin/shop-applications", Some(&lombok_barat), None, 200).await;
    assert!(queue.as_array().unwrap().iter().any(|a| a["id"] == first));
    let path = format!("/api/v1/admin/shop-applications/{first}/approve");
    let approved = app.call_json(Method::POST, &path, Some(&lombok_barat), None, 200).await;
    assert_eq!(approved["status"], "active");
    assert_eq!(status_in_me(&app, &applicant, first).await["status"], "active");
    assert_problem(app.call(Method::POST, &path, Some(&lombok_barat), None).await, 409).await;

    let second = apply(&app, &applicant, "gapuk", "Gerabah Inaq Sari").await;
    let reject = format!("/api/v1/admin/shop-applications/{second}/reject");
    let empty = json!({ "reason": " " });
    let problem = assert_problem(app.call(Method::POST, &reject, Some(&lombok_barat), Some(&empty)).await, 422).await;
    assert_eq!(problem.fields[0].field, "reason");
    assert_eq!(status_in_me(&app, &applicant, second).await["status"], "pending", "nothing changed");
    let reason = json!({ "reason": "Foto produk belum ada." });
    app.call_json(Method::POST, &reject, Some(&lombok_barat), Some(&reason), 200).await;
    let mine = status_in_me(&app, &applicant, second).await;
    assert_eq!(
        (mine["status"].as_str(), mine["status_reason"].as_str()),
        (Some("rejected"), Some("Foto produk belum ada."))
    );

    // Darmaji has its own admin: the province's district admin may not decide there.
    let third = apply(&app, &applicant, "darmaji", "Sambal Inaq Sari").await;
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let path = format!("/api/v1/admin/shop-applications/{third}/approve");
    assert!(
        assert_problem(app.call(Method::POST, &path, Some(&ntb), None).await, 403).await.detail.contains("admin desa")
    );
    let darmaji = app.sign_in("081152020001", DEMO_PASSWORD).await;
    app.call_json(Method::POST, &path, Some(&darmaji), None, 200).await;

    let log = app.call_json(Method::GET, "/api/v1/admin/audit", Some(&ntb), None, 200).await;
    let actions: Vec<(&str, &str)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["actor"]["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actions,
        [
            ("shop.approved", "Operator Desa Darmaji (demo)"),
            ("shop.rejected", "Admin Kab. Lombok Barat (demo)"),
            ("shop.approved", "Admin Kab. Lombok Barat (demo)"),
        ]
    );
}

async fn a_district_admin_creates_a_village_and_its_admin(app: TestApp) {
    let admin = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let code: String = sqlx::query_scalar(
        "SELECT code FROM regions WHERE level = 4 AND code LIKE '52.01.%' \
         AND code NOT IN (SELECT region_code FROM villages) ORDER BY code LIMIT 1",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    let name: String = sqlx::query_scalar("SELECT name FROM regions WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    let body = json!({ "code": code });
    let village = app.call_json(Method::POST, "/api/v1/admin/villages", Some(&admin), Some(&body), 201).await;
    assert_eq!(village["name"], name.as_str());
    assert_problem(app.call(Method::POST, "/api/v1/admin/villages", Some(&admin), Some(&body)).await, 409).await;
    let elsewhere = json!({ "code": "52.02.09.2001" });
    assert_problem(app.call(Method::POST, "/api/v1/admin/villages", Some(&admin), Some(&elsewhere)).await, 403).await;
    let kecamatan = json!({ "code": "52.01.03" });
    let problem =
        assert_problem(app.call(Method::POST, "/api/v1/admin/villages", Some(&admin), Some(&kecamatan)).await, 422)
            .await;
    assert_eq!(problem.fields[0].field, "code");

    let id = village["id"].as_i64().unwrap();
    let person = json!({ "name": "Lalu Operator", "phone": "0857 6666 7777" });
    let path = format!("/api/v1/admin/villages/{id}/admins");
    let assigned = app.call_json(Method::POST, &path, Some(&admin), Some(&person), 201).await;
    assert_eq!(assigned["new_account"], true);
    assert_problem(app.call(Method::POST, &path, Some(&admin), Some(&person)).await, 409).await;
    let url = assigned["reset_link"]["url"].as_str().unwrap();
    let token = url.split_once('#').unwrap().1;
    let reset = json!({ "token": token, "new_password": "sawah hijau rinjani" });
    app.call_json(Method::POST, "/api/v1/auth/reset", None, Some(&reset), 200).await;

    let operator = app.sign_in("0857 6666 7777", "sawah hijau rinjani").await;
    let mine = app.call_json(Method::GET, "/api/v1/admin/villages", Some(&operator), None, 200).await;
    let slugs: Vec<&str> = mine.as_array().unwrap().iter().map(|v| v["name"].as_str().unwrap()).collect();
    assert_eq!(slugs, [name.as_str()], "the new admin sees only their village");
    assert_problem(app.call(Method::GET, "/api/v1/admin/audit", Some(&operator), None).await, 403).await;
    let other = app.call(Method::POST, "/api/v1/admin/villages/1/admins", Some(&operator), Some(&person)).await;
    assert_problem(other, 403).await;

    let grant = assigned["grant_id"].as_i64().unwrap();
    app.call_json(Method::DELETE, &format!("/api/v1/admin/grants/{grant}"), Some(&admin), None, 204).await;
    assert_problem(app.call(Method::GET, "/api/v1/admin/villages", Some(&operator), None).await, 403).await;
    let own: i64 = sqlx::query_scalar(
        "SELECT g.id FROM grants g JOIN users u ON u.id = g.user_id WHERE u.phone = '6281152010000'",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    assert_problem(app.call(Method::DELETE, &format!("/api/v1/admin/grants/{own}"), Some(&admin), None).await, 403)
        .await;
}

async fn district_admins_grant_only_within_their_region(app: TestApp) {
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let lombok_barat = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let person = |region: &str| json!({ "name": "Admin Baru", "phone": "0857 8888 9999", "region": region });
    let path = "/api/v1/admin/district-admins";
    app.call_json(Method::POST, path, Some(&ntb), Some(&person("52.02")), 201).await;
    assert_problem(app.call(Method::POST, path, Some(&lombok_barat), Some(&person("52.03"))).await, 403).await;
    assert_problem(app.call(Method::POST, path, Some(&lombok_barat), Some(&person("52"))).await, 403).await;
    let problem = assert_problem(app.call(Method::POST, path, Some(&ntb), Some(&person("52.02.09"))).await, 422).await;
    assert_eq!(problem.fields[0].field, "region");
    let list = app.call_json(Method::GET, path, Some(&lombok_barat), None, 200).await;
    let regions: Vec<&str> = list.as_array().unwrap().iter().map(|a| a["region"]["code"].as_str().unwrap()).collect();
    assert_eq!(regions, ["52.01"], "Lombok Barat's admin sees the admins of Lombok Barat only");
}

async fn shop_owners_keep_their_producers(app: TestApp) {
    let owner = app.sign_in("081234560001", DEMO_PASSWORD).await;
    let shop: i64 = sqlx::query_scalar(
        "SELECT s.id FROM shops s JOIN users u ON u.id = s.owner_id WHERE u.phone = '6281234560001'",
    )
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    let path = format!("/api/v1/shops/{shop}/producers");
    let count = |list: serde_json::Value| list.as_array().map_or(0, Vec::len);
    let before = count(app.call_json(Method::GET, &path, Some(&owner), None, 200).await);
    let bad = json!({ "name": "A", "dusun": "", "makes": "" });
    assert_problem(app.call(Method::POST, &path, Some(&owner), Some(&bad)).await, 422).await;
    let good = json!({ "name": "Inaq Sahnun", "dusun": "Dasan Baru", "makes": "sambal terasi" });
    let producer = app.call_json(Method::POST, &path, Some(&owner), Some(&good), 201).await;
    let list = app.call_json(Method::GET, &path, Some(&owner), None, 200).await;
    assert_eq!(count(list.clone()), before + 1);
    assert!(list.as_array().unwrap().iter().any(|p| p["name"] == "Inaq Sahnun"));
    let neighbour = app.sign_in("081234560002", DEMO_PASSWORD).await;
    assert_problem(app.call(Method::GET, &path, Some(&neighbour), None).await, 403).await;
    let one = format!("{path}/{}", producer["id"]);
    assert_problem(app.call(Method::DELETE, &one, Some(&neighbour), None).await, 403).await;
    app.call_json(Method::DELETE, &one, Some(&owner), None, 204).await;
    assert_problem(app.call(Method::DELETE, &one, Some(&owner), None).await, 404).await;
}

async fn the_command_line_makes_the_first_district_admin(app: TestApp) {
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let config = &app.state.config;
    let out = backend::cli::admin(
        &args(&["create", "--region", "52.03", "--phone", "0813 1234 5678", "--name", "Admin Lombok Timur"]),
        config,
    )
    .await
    .expect("the first admin is made");
    assert!(out.contains("kini admin kabupaten untuk Kabupaten Lombok Timur (52.03)"), "{out}");
    let url = out.lines().find(|l| l.contains("/akun/atur-sandi#")).expect("a link to set the password").trim();
    assert!(out.contains("https://wa.me/6281312345678?text="), "{out}");
    let token = url.split_once('#').unwrap().1;
    let reset = json!({ "token": token, "new_password": "tanah lombok timur" });
    app.call_json(Method::POST, "/api/v1/auth/reset", None, Some(&reset), 200).await;
    let admin = app.sign_in("081312345678", "tanah lombok timur").await;
    let villages = app.call_json(Method::GET, "/api/v1/admin/villages", Some(&admin), None, 200).await;
    assert!(villages.as_array().unwrap().iter().all(|v| v["region"]["code"].as_str().unwrap().starts_with("52.03.")));

    assert!(
        backend::cli::admin(
            &args(&["create", "--region", "99.99", "--phone", "0813 1234 5679", "--name", "X Y"]),
            config
        )
        .await
        .is_err()
    );
    assert!(
        backend::cli::admin(&args(&["create", "--region", "52.01.03", "--phone", "0813 1234 5679"]), config)
            .await
            .is_err()
    );
    assert!(backend::cli::admin(&args(&["reset-link", "--phone", "0899 0000 0000"]), config).await.is_err());
}
