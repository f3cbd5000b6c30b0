//! A village's IDM history: years added and corrected by its admin, the latest year on the village
//! (lists and filters follow it), years removed, bad values refused.

use lapak_tests::{DEMO_PASSWORD, TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};

on_both_databases!(the_idm_history_is_kept_by_year);

fn years(history: &Value) -> Vec<(i64, &str)> {
    history.as_array().unwrap().iter().map(|i| (i["year"].as_i64().unwrap(), i["status"].as_str().unwrap())).collect()
}

async fn the_idm_history_is_kept_by_year(app: TestApp) {
    let admin = app.sign_in("081152020001", DEMO_PASSWORD).await;
    let id: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let before = app.get_json("/api/v1/villages/darmaji", 200).await;
    let demo_year = before["idm"]["year"].as_i64().unwrap();
    assert_eq!(years(&before["idm_history"]).len(), 1, "the demo year is the history's first entry");

    let at = |year: i64| format!("/api/v1/admin/villages/{id}/idm/{year}");
    app.call_json(Method::PUT, &at(2019), Some(&admin), Some(&json!({ "score": 0.55 })), 200).await;
    let history = app.call_json(Method::PUT, &at(2026), Some(&admin), Some(&json!({ "score": 0.83 })), 200).await;
    assert_eq!(years(&history).first(), Some(&(2019, "tertinggal")));
    assert_eq!(years(&history).last(), Some(&(2026, "mandiri")));
    let page = app.get_json("/api/v1/villages/darmaji", 200).await;
    assert_eq!((page["idm"]["year"].as_i64(), page["idm"]["status"].as_str()), (Some(2026), Some("mandiri")));
    let mandiri = app.get_json("/api/v1/villages?idm=mandiri", 200).await;
    assert!(mandiri["items"].as_array().unwrap().iter().any(|v| v["slug"] == "darmaji"), "the filter follows");

    // A correction, then removing the latest year brings the one before back.
    app.call_json(Method::PUT, &at(2026), Some(&admin), Some(&json!({ "score": 0.80 })), 200).await;
    assert_eq!(app.get_json("/api/v1/villages/darmaji", 200).await["idm"]["status"], "maju");
    app.call_json(Method::DELETE, &at(2026), Some(&admin), None, 204).await;
    assert_eq!(app.get_json("/api/v1/villages/darmaji", 200).await["idm"]["year"].as_i64(), Some(demo_year.max(2019)));
    assert_problem(app.call(Method::DELETE, &at(2026), Some(&admin), None).await, 404).await;

    let problem =
        assert_problem(app.call(Method::PUT, &at(2010), Some(&admin), Some(&json!({ "score": 1.4 }))).await, 422).await;
    assert_eq!(problem.fields.len(), 2);
    assert_eq!(years(&app.get_json("/api/v1/villages/darmaji", 200).await["idm_history"]).len(), 2);
}
