//! The dashboards' "Pendapatan produsen": what reached producers per village and sector, from the summary
//! kept with every credit and refund; the village admin sees their village, the district admin of
//! another kabupaten does not.

use backend::time_zone::TimeZone;
use lapak_tests::{TestApp, on_both_databases};
use serde_json::json;
use shared::dashboard::{Cell, Report};

use super::{complete, new_order, producer, product_of};
use crate::dashboards::{DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, NTB_ADMIN, report};
use crate::orders::{DARMA_TANI, seller, seller_moved};

on_both_databases!(dashboards_show_what_reached_producers, a_new_time_zone_dates_the_producers_income_again);

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

/// Every row of the producers' income summary, in key order: span, period, shop, product, sector, lines,
/// items, sold, earned.
async fn income(app: &TestApp) -> Vec<(String, i64, i64, i64, String, i64, i64, i64, i64)> {
    sqlx::query_as(
        "SELECT span, period, shop_id, product_id, sector, lines, items, sold, earned FROM producer_income \
         WHERE lines > 0 ORDER BY span, period, shop_id, product_id, sector",
    )
    .fetch_all(&app.db().pool)
    .await
    .unwrap()
}

async fn rebuild(app: &TestApp, zone: TimeZone) {
    let mut tx = app.db().begin_write().await.unwrap();
    backend::dashboards::rebuild::rebuild(&mut tx, zone).await.unwrap();
    tx.commit().await.unwrap();
}

async fn a_new_time_zone_dates_the_producers_income_again(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let ani = producer(&app, &tani, "Inaq Ani", json!({ "kind": "persen", "value": 10 })).await;
    let keripik = product_of(&app, &tani, "Keripik Ani", 20_000, Some(ani)).await;
    let kept_and_refunded = new_order(&app, &tani, &[(keripik, 1, 20_000)]).await;
    complete(&app, &tani, &kept_and_refunded).await;
    let done = new_order(&app, &tani, &[(keripik, 2, 20_000)]).await;
    complete(&app, &tani, &done).await;
    let pool = &app.db().pool;
    let line_of = |code: &str| {
        sqlx::query_as::<_, (i64, i64)>(
            "SELECT o.id, l.id FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.code = $1",
        )
        .bind(code.to_owned())
        .fetch_one(pool)
    };
    let (order_id, line_id) = line_of(&kept_and_refunded).await.unwrap();
    let zone = app.state.config.time_zone;
    let mut tx = app.db().begin_write().await.unwrap();
    backend::producer_ledger::credits::reverse_lines(&mut tx, zone, order_id, &[line_id], backend::db::now_ms())
        .await
        .unwrap();
    tx.commit().await.unwrap();

    // Kept credit by credit, it is what a rebuild from the credits gives: the refunded sale is not in it.
    let kept = income(&app).await;
    assert_eq!(kept.iter().filter(|r| r.0 == "d").map(|r| r.6).sum::<i64>(), 2, "two units stand");
    rebuild(&app, zone).await;
    assert_eq!(income(&app).await, kept);

    // A sale completed at 16:30 UTC is the next day in WITA and WIT, still the same day in WIB.
    let (_, sold_line) = line_of(&done).await.unwrap();
    let day = 20_500;
    let at = day * 86_400_000 + 16 * 3_600_000 + 30 * 60_000;
    sqlx::query("UPDATE producer_credits SET at = $1 WHERE line_id = $2 AND kind = 'jual'")
        .bind(at)
        .bind(sold_line)
        .execute(pool)
        .await
        .unwrap();
    for (zone, local_day) in
        [(TimeZone::Wib, day), (TimeZone::Wita, day + 1), (TimeZone::Wit, day + 1), (TimeZone::Wib, day)]
    {
        rebuild(&app, zone).await;
        let dated: i64 = sqlx::query_scalar("SELECT day FROM producer_credits WHERE line_id = $1 AND kind = 'jual'")
            .bind(sold_line)
            .fetch_one(pool)
            .await
            .unwrap();
        assert_eq!(dated, local_day, "{zone:?}: the credit's day");
        let days: Vec<i64> = income(&app).await.iter().filter(|r| r.0 == "d" && r.3 == keripik).map(|r| r.1).collect();
        assert_eq!(days, [local_day], "{zone:?}: the summary's day row");
    }
}
