//! A village's admins keep its profile: saved Markdown rendered safely on the public page, bad values
//! refused per field, a stale save refused with who saved last, and the audit line.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::ProblemCode;

on_both_databases!(an_admin_edits_the_profile_the_public_sees_it, a_stale_save_is_refused, bad_values_change_nothing);

async fn darmaji(app: &TestApp) -> (String, String) {
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    (format!("/api/v1/admin/villages/{id}/profile"), app.sign_in("081152020001", DEMO_PASSWORD).await)
}

async fn an_admin_edits_the_profile_the_public_sees_it(app: TestApp) {
    let (path, admin) = darmaji(&app).await;
    let mut form = app.call_json(Method::GET, &path, Some(&admin), None, 200).await;
    let version = form["version"].as_i64().unwrap();
    form["tagline"] = json!("Sambal terasi dari kaki Rinjani");
    form["history_md"] = json!(
        "## Asal usul\n\nDesa **tua** di [Kopang](https://id.wikipedia.org/wiki/Kopang).\n\n\
         <script>alert('x')</script><img src=x onerror=alert(1)>\n\n- satu\n- dua"
    );
    form["phone"] = json!("0812 3456 7000");
    form["opening_hours"] = json!("Senin–Jumat 08.00–15.00 WITA");
    form["dusun_count"] = json!(7);
    let saved = app.call_json(Method::PUT, &path, Some(&admin), Some(&form), 200).await;
    assert_eq!(saved["version"].as_i64(), Some(version + 1));
    assert_eq!(saved["phone"], "0812-3456-7000");

    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(page["tagline"], "Sambal terasi dari kaki Rinjani");
    let html = page["history_html"].as_str().unwrap();
    assert!(
        html.contains("<h4>Asal usul</h4>") && html.contains("<strong>tua</strong>") && html.contains("<li>dua</li>"),
        "{html}"
    );
    assert!(html.contains("href=\"https://id.wikipedia.org/wiki/Kopang\""), "{html}");
    assert!(!html.contains("<script") && !html.contains("onerror"), "nothing runs: {html}");
    assert_eq!(page["contact"]["phone"], "6281234567000");
    assert_eq!(page["contact"]["opening_hours"], "Senin–Jumat 08.00–15.00 WITA");
    assert_eq!(page["dusun_count"], 7);

    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let log = app.call_json(Method::GET, "/api/v1/admin/audit", Some(&ntb), None, 200).await;
    assert_eq!(log["items"][0]["action"], "village.profile_updated");
    assert_eq!(log["items"][0]["actor"]["name"], "Operator Desa Darmaji (demo)");
}

async fn a_stale_save_is_refused(app: TestApp) {
    let (path, admin) = darmaji(&app).await;
    let ntb = app.sign_in("081152000000", DEMO_PASSWORD).await;
    let mut first = app.call_json(Method::GET, &path, Some(&admin), None, 200).await;
    let mut second = app.call_json(Method::GET, &path, Some(&ntb), None, 200).await;
    first["tagline"] = json!("Tulisan admin desa");
    app.call_json(Method::PUT, &path, Some(&admin), Some(&first), 200).await;
    second["tagline"] = json!("Tulisan admin provinsi");
    let problem = assert_problem(app.call(Method::PUT, &path, Some(&ntb), Some(&second)).await, 409).await;
    assert!(problem.detail.contains("oleh Operator Desa Darmaji (demo)"), "{}", problem.detail);
    assert_eq!(problem.code, ProblemCode::StaleVersion);
    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!(page["tagline"], "Tulisan admin desa", "the first save stands");
}

async fn bad_values_change_nothing(app: TestApp) {
    let (path, admin) = darmaji(&app).await;
    let before = app.get_json("/api/v1/villages/darmaji", 200).await;
    let mut form: Value = app.call_json(Method::GET, &path, Some(&admin), None, 200).await;
    form["name"] = json!("");
    form["population"] = json!(-5);
    form["lat"] = json!(52.0);
    form["email"] = json!("bukan-email");
    let problem = assert_problem(app.call(Method::PUT, &path, Some(&admin), Some(&form)).await, 422).await;
    let fields: Vec<&str> = problem.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["name", "population", "lat", "email"]);
    assert_eq!(problem.code, ProblemCode::Validation);
    assert_eq!(app.get_json("/api/v1/villages/darmaji", 200).await, before, "nothing changed");
    let other = app.sign_in("081152010000", DEMO_PASSWORD).await;
    let problem = assert_problem(app.call(Method::GET, &path, Some(&other), None).await, 403).await;
    assert_eq!(problem.code, ProblemCode::Forbidden);
}
