//! Pushes a push service did not take: tried again after a passing failure (500, 503) until taken, not
//! sooner than its `Retry-After`, and given up after the last of the set delays; never tried again after a
//! refusal (400) or a redirect (not followed); a device its service forgot (410) is forgotten at once; a
//! push waiting for its next try outlives a restart of the server.

use std::time::Duration;

use lapak_tests::{Engine, TestApp, on_both_engines};
use shared::push::PushMessage;

use super::{Device, PushService, Received, Reply, an_order_for, subscribed, wait_for_devices};
use crate::orders::{DARMA_TANI, seller};

on_both_engines!(
    a_passing_failure_is_tried_again_and_a_refusal_is_not,
    retry_after_is_honoured,
    tries_end_after_the_last_delay,
    a_push_waiting_for_its_next_try_outlives_a_restart
);

/// A server that sends to this machine's push services and tries again after `delays_ms`.
async fn app_retrying(engine: Engine, delays_ms: &[u64]) -> Option<TestApp> {
    TestApp::spawn_with(engine, |config| {
        config.push_loopback = true;
        config.push_retry_delays = delays_ms.iter().map(|ms| Duration::from_millis(*ms)).collect();
    })
    .await
}

/// The next `count` pushes to arrive, by device, each device's in the order they came.
async fn arrivals(service: &mut PushService, count: usize) -> Vec<Received> {
    let mut arrived = Vec::new();
    for _ in 0..count {
        arrived.push(service.next().await);
    }
    arrived.sort_by(|a, b| a.device.cmp(&b.device));
    arrived
}

async fn a_passing_failure_is_tried_again_and_a_refusal_is_not(engine: Engine) {
    let Some(app) = app_retrying(engine, &[30, 60, 90]).await else { return };
    let mut service = PushService::start().await;
    let tani = seller(&app, DARMA_TANI).await;
    let devices =
        [("sekali-gagal", 3), ("ditolak", 5), ("hilang", 7), ("dialihkan", 9)].map(|(n, s)| Device::new(n, s));
    for device in &devices {
        subscribed(&app, &tani.cookie, device, &service).await;
    }
    service.answer_in_turn("sekali-gagal", &[Reply::status(500), Reply::status(201)]);
    service.answer("ditolak", 400);
    service.answer("hilang", 410);
    let elsewhere = format!("{}/push/tujuan", service.origin);
    service.answer_in_turn("dialihkan", &[Reply::status(307).with("location", &elsewhere)]);

    let code = an_order_for(&app, &tani, "081977700311").await;
    let arrived = arrivals(&mut service, 5).await;
    assert_eq!(
        arrived.iter().map(|r| r.device.as_str()).collect::<Vec<_>>(),
        ["dialihkan", "ditolak", "hilang", "sekali-gagal", "sekali-gagal"],
        "the one that failed for a passing reason came twice, the others once"
    );
    let retried: PushMessage = serde_json::from_value(devices[0].decrypt(&arrived[4].body)).unwrap();
    assert_eq!(retried.title, format!("Pesanan baru {code}"), "the retry carries the push");
    assert!(service.quiet_for(600).await, "nothing more: no retry after 400, 410 or a redirect, nor to its target");
    let left = wait_for_devices(&app, &tani.cookie, 3).await;
    let mut names: Vec<&str> =
        left.iter().map(|d| d["endpoint"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(names, ["dialihkan", "ditolak", "sekali-gagal"], "only the one its service forgot is forgotten");
    assert_eq!(app.count("push_deliveries", "1 = 1").await, 0, "nothing waits");
}

async fn retry_after_is_honoured(engine: Engine) {
    let Some(app) = app_retrying(engine, &[20]).await else { return };
    let mut service = PushService::start().await;
    let tani = seller(&app, DARMA_TANI).await;
    let phone = Device::new("sibuk", 11);
    subscribed(&app, &tani.cookie, &phone, &service).await;
    service.answer_in_turn("sibuk", &[Reply::status(503).with("retry-after", "1"), Reply::status(201)]);
    let code = an_order_for(&app, &tani, "081977700312").await;
    let (first, second) = (service.next().await, service.next().await);
    let waited = second.at - first.at;
    assert!(waited >= Duration::from_millis(950), "the second try waited for Retry-After (1 s), not 20 ms: {waited:?}");
    let message: PushMessage = serde_json::from_value(phone.decrypt(&second.body)).unwrap();
    assert_eq!(message.title, format!("Pesanan baru {code}"));
    assert!(service.quiet_for(300).await);
}

async fn tries_end_after_the_last_delay(engine: Engine) {
    let Some(app) = app_retrying(engine, &[20, 40]).await else { return };
    let mut service = PushService::start().await;
    let tani = seller(&app, DARMA_TANI).await;
    subscribed(&app, &tani.cookie, &Device::new("mati-terus", 13), &service).await;
    service.answer("mati-terus", 503);
    an_order_for(&app, &tani, "081977700313").await;
    assert_eq!(arrivals(&mut service, 3).await.len(), 3, "the first try and one after each delay");
    assert!(service.quiet_for(500).await, "then given up");
    assert_eq!(app.count("push_deliveries", "1 = 1").await, 0, "nothing waits");
    assert_eq!(wait_for_devices(&app, &tani.cookie, 1).await.len(), 1, "the device stays");
}

async fn a_push_waiting_for_its_next_try_outlives_a_restart(engine: Engine) {
    let Some(mut app) = app_retrying(engine, &[1500]).await else { return };
    let mut service = PushService::start().await;
    let tani = seller(&app, DARMA_TANI).await;
    let phone = Device::new("sabar", 15);
    subscribed(&app, &tani.cookie, &phone, &service).await;
    service.answer_in_turn("sabar", &[Reply::status(500), Reply::status(201)]);
    let code = an_order_for(&app, &tani, "081977700314").await;
    assert_eq!(service.next().await.device, "sabar");
    for _ in 0..50 {
        if app.count("push_deliveries", "attempts = 1").await == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(app.count("push_deliveries", "attempts = 1").await, 1, "its next try is kept in the database");

    // The server stops before the next try; another starts over the same database.
    app.shut_down().await;
    let again = backend::prepare((*app.state.config).clone()).await.expect("a second start");
    again.push.spawn(again.db.clone());
    let arrived = service.next().await;
    let message: PushMessage = serde_json::from_value(phone.decrypt(&arrived.body)).unwrap();
    assert_eq!(message.title, format!("Pesanan baru {code}"));
    assert!(service.quiet_for(300).await, "sent once");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM push_deliveries").fetch_one(&again.db.pool).await.unwrap();
    assert_eq!(left, 0);
    again.db.pool.close().await;
}
