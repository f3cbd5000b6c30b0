//! What the lists of the admin area show each admin: their own villages, applications, users and
//! audit lines, never another village's or region's.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::Value;

use super::fixture::Fixture;

fn field<'a>(list: &'a Value, key: &str) -> Vec<&'a str> {
    list.as_array().expect("a list").iter().map(|item| item[key].as_str().expect(key)).collect()
}

async fn get(app: &TestApp, cookie: &str, path: &str) -> Value {
    app.call_json(Method::GET, path, Some(cookie), None, 200).await
}

async fn admins_see_only_their_own(app: TestApp) {
    let fx = Fixture::new(&app).await;
    let pending = fx.application(&app).await;
    let here = app.session_for(fx.users[6].unwrap()).await;
    let elsewhere = app.session_for(fx.users[7].unwrap()).await;
    let ntb = app.session_for(fx.users[8].unwrap()).await;
    let sumbar = app.session_for(fx.users[9].unwrap()).await;

    assert_eq!(field(&get(&app, &here, "/api/v1/admin/villages").await, "slug"), ["darmaji"]);
    assert_eq!(field(&get(&app, &elsewhere, "/api/v1/admin/villages").await, "slug"), ["senggigi"]);
    let ntb_villages = get(&app, &ntb, "/api/v1/admin/villages").await;
    let codes =
        ntb_villages.as_array().unwrap().iter().map(|v| v["region"]["code"].as_str().unwrap()).collect::<Vec<_>>();
    assert_eq!(codes.len(), 7, "the seven NTB demo villages: {codes:?}");
    assert!(codes.iter().all(|c| c.starts_with("52.")), "{codes:?}");
    let sumbar_villages = get(&app, &sumbar, "/api/v1/admin/villages").await;
    assert_eq!(field(&sumbar_villages, "slug"), ["sungai-dareh"]);

    let queue = |cookie| get(&app, cookie, "/api/v1/admin/shop-applications");
    let ids = |list: Value| list.as_array().unwrap().iter().map(|a| a["id"].as_i64().unwrap()).collect::<Vec<_>>();
    assert_eq!(ids(queue(&here).await), [pending], "Darmaji's admin sees Darmaji's application");
    assert!(ids(queue(&elsewhere).await).is_empty());
    assert!(ids(queue(&ntb).await).is_empty(), "Darmaji has its own admin, so the district queue skips it");
    assert!(ids(queue(&sumbar).await).is_empty());

    let search = |cookie| get(&app, cookie, "/api/v1/admin/users?q=pengelola");
    let names = |list: Value| field(&list, "name").into_iter().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(names(search(&here).await), ["Pengelola Lapak BUMDes Darma Tani (demo)"]);
    let far = names(search(&sumbar).await);
    assert!(far.iter().all(|n| !n.contains("Darma Tani") && !n.contains("Senggigi")), "{far:?}");
    assert!(!far.is_empty(), "Sungai Dareh's shop owners are in Sumatera Barat's care");

    app.call_json(Method::POST, &format!("/api/v1/admin/shop-applications/{pending}/approve"), Some(&here), None, 200)
        .await;
    let ntb_log = get(&app, &ntb, "/api/v1/admin/audit").await;
    assert_eq!(ntb_log["total"], 1);
    assert_eq!(ntb_log["items"][0]["action"], "shop.approved");
    assert_eq!(ntb_log["items"][0]["actor"]["name"], "Operator Desa Darmaji (demo)");
    assert_eq!(get(&app, &sumbar, "/api/v1/admin/audit").await["total"], 0, "another region's log stays apart");
}

on_both_databases!(admins_see_only_their_own);
