//! Pushes as they reach the devices: a new order reaches the seller's phone and the buyer's, each status
//! change reaches the buyer, signed and encrypted; a device its push service forgot (404, 410) is
//! forgotten; a push service that is down slows and fails nothing; the key pair outlives a restart.

use lapak_tests::{Engine, on_both_engines};
use reqwest::Method;
use serde_json::json;
use shared::order::order_path;

use super::{
    Device, PushService, an_order_for, app_with_loopback, published_key, subscribed, verify_vapid, wait_for_devices,
};
use crate::orders::{BUYER, DARMA_TANI, SHOPPER, checkout, choice, line, placed, product, seller, seller_moved};

on_both_engines!(
    a_new_order_and_its_moves_reach_both_sides,
    a_device_its_service_forgot_is_forgotten,
    a_push_service_that_is_down_fails_nothing,
    the_key_pair_outlives_a_restart
);

async fn a_new_order_and_its_moves_reach_both_sides(engine: Engine) {
    let Some(app) = app_with_loopback(engine).await else { return };
    let mut service = PushService::start().await;
    let key = published_key(&app).await;
    let tani = seller(&app, DARMA_TANI).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let (phone, laptop) = (Device::new("hp-penjual", 3), Device::new("laptop-pembeli", 5));
    subscribed(&app, &tani.cookie, &phone, &service).await;
    subscribed(&app, &shopper, &laptop, &service).await;

    let kopi = product(&app, tani.shop, "Kopi Dorong", 35_000, 10, 250).await;
    let body = checkout(SHOPPER, &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 1, 35_000)])]);
    let code = placed(&app, Some(&shopper), &body).await.orders[0].code.clone();

    let mut arrived = vec![service.next().await, service.next().await];
    arrived.sort_by(|a, b| a.device.cmp(&b.device));
    let (to_seller, to_buyer) = (&arrived[0], &arrived[1]);
    assert_eq!((to_seller.device.as_str(), to_buyer.device.as_str()), ("hp-penjual", "laptop-pembeli"));
    for push in &arrived {
        let claims = verify_vapid(push, &key, &service.origin);
        assert_eq!(claims["sub"], app.url(""), "the contact is the site");
        let header = |name: &str| push.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert_eq!(header("content-encoding"), "aes128gcm");
        assert_eq!(header("urgency"), "high");
        let ttl: u64 = header("ttl").parse().expect("a TTL");
        assert!((60..=24 * 3600).contains(&ttl), "a short TTL: {ttl}");
        assert!(!String::from_utf8_lossy(&push.body).contains(&code), "the body is encrypted");
    }
    let news = phone.decrypt(&to_seller.body);
    assert_eq!(news["title"], format!("Pesanan baru {code}"));
    assert!(news["body"].as_str().unwrap().contains(BUYER), "{news}");
    assert_eq!(news["url"], format!("/jual/{}/pesanan/{code}", tani.shop));
    let sent = laptop.decrypt(&to_buyer.body);
    assert_eq!(sent["title"], format!("Pesanan {code} terkirim ke {}", tani.name));
    assert_eq!(sent["url"], order_path(&code));

    // Each move of the seller reaches the buyer alone.
    seller_moved(&app, &tani, &code, json!({ "action": "terima" })).await;
    let accepted = service.next().await;
    assert_eq!(accepted.device, "laptop-pembeli");
    let accepted = laptop.decrypt(&accepted.body);
    assert!(accepted["title"].as_str().unwrap().starts_with(&format!("Pesanan {code}: ")), "{accepted}");
    assert_eq!(
        (accepted["url"].clone(), accepted["tag"].clone()),
        (json!(order_path(&code)), json!(order_path(&code)))
    );
    seller_moved(&app, &tani, &code, json!({ "action": "siap_diambil" })).await;
    let ready = service.next().await;
    assert_eq!(ready.device, "laptop-pembeli");
    assert_ne!(laptop.decrypt(&ready.body)["title"], accepted["title"], "a push for each status");
    assert!(service.quiet_for(500).await, "nothing else was pushed");
    assert_eq!(app.count("push_outbox", "1 = 1").await, 0, "nothing is left waiting");
    assert_eq!(app.count("push_deliveries", "1 = 1").await, 0, "nor on its way");
}

async fn a_device_its_service_forgot_is_forgotten(engine: Engine) {
    let Some(app) = app_with_loopback(engine).await else { return };
    let mut service = PushService::start().await;
    let tani = seller(&app, DARMA_TANI).await;
    let (kept, gone, unknown) =
        (Device::new("masih-ada", 7), Device::new("sudah-pergi", 9), Device::new("tak-dikenal", 11));
    for device in [&kept, &gone, &unknown] {
        subscribed(&app, &tani.cookie, device, &service).await;
    }
    service.answer("sudah-pergi", 410);
    service.answer("tak-dikenal", 404);
    an_order_for(&app, &tani, "081977700301").await;
    let mut devices: Vec<String> = Vec::new();
    for _ in 0..3 {
        devices.push(service.next().await.device);
    }
    devices.sort();
    assert_eq!(devices, ["masih-ada", "sudah-pergi", "tak-dikenal"]);
    let left = wait_for_devices(&app, &tani.cookie, 1).await;
    assert_eq!(left[0]["endpoint"], format!("{}/push/masih-ada", service.origin));
}

async fn a_push_service_that_is_down_fails_nothing(engine: Engine) {
    let Some(app) = app_with_loopback(engine).await else { return };
    // An address where nothing listens any more.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let tani = seller(&app, DARMA_TANI).await;
    let body = Device::new("mati", 13).subscription_at(&format!("{origin}/push/mati"));
    app.call_json(Method::POST, "/api/v1/me/push", Some(&tani.cookie), Some(&body), 201).await;
    let kopi = product(&app, tani.shop, "Kopi Sepi", 20_000, 10, 250).await;
    let started = std::time::Instant::now();
    placed(&app, None, &checkout("081977700302", &[choice(tani.shop, "ambil", "tunai", &[line(kopi, 1, 20_000)])]))
        .await;
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "the order did not wait for the push");
    // Still one device: a service that is down is not one that forgot the device.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(wait_for_devices(&app, &tani.cookie, 1).await.len(), 1);
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&tani.cookie), None, 200).await;
    assert!(notes["unread"].as_i64().unwrap() >= 1, "the in-app notification is there");
}

async fn the_key_pair_outlives_a_restart(engine: Engine) {
    let Some(app) = app_with_loopback(engine).await else { return };
    let key = published_key(&app).await;
    assert_eq!(base64_len(&key), 65, "an uncompressed P-256 point");
    // A second server of the same database, as after a restart or beside this one.
    let again = backend::prepare((*app.state.config).clone()).await.expect("a second start");
    assert_eq!(again.push.vapid.public_key(), key);
    assert_eq!(app.count("push_keys", "1 = 1").await, 1);
    again.db.pool.close().await;
}

fn base64_len(key: &str) -> usize {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(key).unwrap().len()
}
