//! The dashboards' "Pendapatan produsen": what reached producers per village and sector, from the summary
//! kept with every credit and refund; the village admin sees their village, the district admin of
//! another kabupaten does not.

use lapak_tests::{TestApp, on_both_databases};
use serde_json::json;
use shared::dashboard::{Cell, Report};

use super::{complete, new_order, producer, product_of};
use crate::dashboards::{DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, NTB_ADMIN, report};
use crate::orders::{DARMA_TANI, seller, seller_moved};

on_both_databases!(dashboards_show_what_reached_producers);

/// The row of Darmaji's processed food ("Makanan & Minuman Olahan"): [lines, items, sold, shop's part, producers' part].
fn darmaji(report: &Report) -> [i64; 5] {
    let row = report
        .rows
        .iter()
        .find(|r| matches!((&r[0], &r[1]), (Cell::Text(v), Cell::Text(s)) if v == "Darmaji" && s == "Makanan & Minuman Olahan"));
    row.map_or([0; 5], |r| [2, 3, 4, 5, 6].map(|i| r[i].number()))
}

async fn dashboards_show_what_reached_producers(app: TestApp) {
    let ntb = app.session_for(app.user_id(NTB_ADMIN).await).await;
    let village = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let other = app.session_for(app.user_id(LOMBOK_BARAT_ADMIN).await).await;
    let path = "/api/v1/dashboard/produsen";
    let before = darmaji(&report(&app, &ntb, path).await);

    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 20_000, Some(ani)).await;
    let own = product_of(&app, &tani, "Kopi BUMDes", 30_000, None).await;
    let done = new_order(&app, &tani, &[(keripik, 2, 20_000), (own, 1, 30_000)]).await;
    complete(&app, &tani, &done).await;
    let cancelled = new_order(&app, &tani, &[(keripik, 5, 20_000)]).await;
    seller_moved(&app, &tani, &cancelled, json!({ "action": "tolak", "note": "Habis." })).await;
    new_order(&app, &tani, &[(keripik, 1, 20_000)]).await;

    let after = darmaji(&report(&app, &ntb, path).await);
    let delta: Vec<i64> = after.iter().zip(before).map(|(a, b)| a - b).collect();
    assert_eq!(delta, [1, 2, 40_000, 4_000, 36_000], "only the completed line of a producer's product");
    assert_eq!(darmaji(&report(&app, &village, path).await), after, "the village admin sees the same");
    let elsewhere = report(&app, &other, path).await;
    assert!(elsewhere.rows.iter().all(|r| r[0] != Cell::Text("Darmaji".into())), "Lombok Barat sees no Darmaji");

    // A refund takes the line back from the summary too.
    let pool = &app.db().pool;
    let (order_id, line_id): (i64, i64) = sqlx::query_as(
        "SELECT o.id, l.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.code = $1 AND l.product_id = $2",
    )
    .bind(&done)
    .bind(keripik)
    .fetch_one(pool)
    .await
    .unwrap();
    let mut tx = app.db().begin_write().await.unwrap();
    let zone = app.state.config.time_zone;
    backend::producer_ledger::credits::reverse_lines(&mut tx, zone, order_id, &[line_id], backend::db::now_ms())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // The kept dashboard tables are dropped by changes through the API; this refund came from inside.
    app.state.dashboards.invalidate();
    assert_eq!(darmaji(&report(&app, &ntb, path).await), before);
}
