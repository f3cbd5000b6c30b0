//! Push services inside private networks are refused (no server-side request forgery): subscribing with an
//! address that is, or whose name resolves to, this machine, a private, link-local or CGNAT address
//! answers 422 and keeps nothing; a device whose address comes to lead there is not connected to but
//! forgotten at its next push; the loopback the tests' own push services use is taken only when allowed.

use std::{
    net::IpAddr,
    sync::{
        Arc,
        atomic::{AtomicUsize, Ordering},
    },
};

use lapak_tests::{Engine, TestApp, assert_problem, on_both_engines};
use reqwest::Method;

use super::{Device, PushService, an_order_for, subscribed, wait_for_devices};
use crate::orders::{DARMA_TANI, seller};

on_both_engines!(
    private_push_services_are_refused_when_subscribing,
    a_device_that_comes_to_lead_inside_is_not_connected_to,
    loopback_is_taken_when_allowed_and_private_networks_still_are_not
);

/// Names the server resolves without DNS, as a hosts file would.
const HOSTS: [(&str, &str); 6] = [
    ("umum.lapak.test", "93.184.215.14"),
    ("lokal.lapak.test", "127.0.0.1"),
    ("pribadi.lapak.test", "10.20.30.40"),
    ("cgnat.lapak.test", "100.64.1.2"),
    ("metadata.lapak.test", "169.254.169.254"),
    ("ganda.lapak.test", "192.168.0.9"),
];

async fn app_with_hosts(engine: Engine, loopback: bool) -> Option<TestApp> {
    TestApp::spawn_with(engine, |config| {
        config.push_loopback = loopback;
        config.push_hosts =
            HOSTS.iter().map(|(name, ip)| ((*name).to_owned(), ip.parse::<IpAddr>().unwrap())).collect();
        // One name with a public address and a private one: refused for the private one.
        config.push_hosts.push(("ganda.lapak.test".into(), "93.184.215.15".parse().unwrap()));
    })
    .await
}

/// Subscribing at `endpoint` answers 422 on the endpoint with words containing `words`.
async fn refused(app: &TestApp, cookie: &str, endpoint: &str, words: &str) {
    let body = Device::new("ditolak", 3).subscription_at(endpoint);
    let res = app.call(Method::POST, "/api/v1/me/push", Some(cookie), Some(&body)).await;
    let problem = assert_problem(res, 422).await;
    let message = problem.fields.iter().find(|e| e.field == "endpoint").map(|e| e.message.clone()).unwrap_or_default();
    assert!(message.contains(words), "{endpoint}: {problem:?}");
}

async fn private_push_services_are_refused_when_subscribing(engine: Engine) {
    let Some(app) = app_with_hosts(engine, false).await else { return };
    let tani = seller(&app, DARMA_TANI).await;
    for endpoint in [
        "https://lokal.lapak.test/wpush/x",
        "https://LOKAL.lapak.test./wpush/x",
        "https://pribadi.lapak.test/wpush/x",
        "https://cgnat.lapak.test:8443/wpush/x",
        "https://metadata.lapak.test/wpush/x",
        "https://ganda.lapak.test/wpush/x",
        "https://0x7f.1/wpush/x",
    ] {
        refused(&app, &tani.cookie, endpoint, "jaringan pribadi").await;
    }
    refused(&app, &tani.cookie, "https://localhost/wpush/x", "server ini").await;
    refused(&app, &tani.cookie, "http://localhost:9/wpush/x", "server ini").await;
    refused(&app, &tani.cookie, "https://192.168.1.20/wpush/x", "bukan alamat IP").await;
    refused(&app, &tani.cookie, "https://[fe80::1]/wpush/x", "bukan alamat IP").await;
    refused(&app, &tani.cookie, "http://umum.lapak.test/wpush/x", "https://").await;
    assert_eq!(app.count("push_subscriptions", "1 = 1").await, 0, "nothing was kept");

    let body = Device::new("umum", 5).subscription_at("https://umum.lapak.test/wpush/umum");
    app.call_json(Method::POST, "/api/v1/me/push", Some(&tani.cookie), Some(&body), 201).await;
    assert_eq!(app.count("push_subscriptions", "1 = 1").await, 1, "a public push service is taken");
}

async fn a_device_that_comes_to_lead_inside_is_not_connected_to(engine: Engine) {
    let Some(app) = app_with_hosts(engine, false).await else { return };
    // Something listening on this machine, counting who connects.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = connections.clone();
    tokio::spawn(async move {
        while let Ok((_socket, _)) = listener.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
        }
    });
    let tani = seller(&app, DARMA_TANI).await;
    for (name, seed) in [("pindah-nama", 3), ("pindah-ip", 5)] {
        let body = Device::new(name, seed).subscription_at(&format!("https://umum.lapak.test/wpush/{name}"));
        app.call_json(Method::POST, "/api/v1/me/push", Some(&tani.cookie), Some(&body), 201).await;
    }
    // Since subscribed, one address's name leads to this machine, and another is written as its address
    // (as a device kept before these checks would be).
    for (name, endpoint) in [
        ("pindah-nama", format!("https://lokal.lapak.test:{port}/wpush/pindah-nama")),
        ("pindah-ip", format!("https://127.0.0.1:{port}/wpush/pindah-ip")),
    ] {
        sqlx::query("UPDATE push_subscriptions SET endpoint = $1 WHERE endpoint LIKE $2")
            .bind(&endpoint)
            .bind(format!("%/{name}"))
            .execute(&app.db().pool)
            .await
            .unwrap();
    }
    an_order_for(&app, &tani, "081977700321").await;
    assert!(wait_for_devices(&app, &tani.cookie, 0).await.is_empty(), "both are forgotten");
    assert_eq!(connections.load(Ordering::SeqCst), 0, "nothing connected to this machine");
    assert_eq!(app.count("push_deliveries", "1 = 1").await, 0, "nor tried again");
}

async fn loopback_is_taken_when_allowed_and_private_networks_still_are_not(engine: Engine) {
    let Some(app) = app_with_hosts(engine, true).await else { return };
    let mut service = PushService::start().await;
    let tani = seller(&app, DARMA_TANI).await;
    refused(&app, &tani.cookie, "https://pribadi.lapak.test/wpush/x", "jaringan pribadi").await;
    refused(&app, &tani.cookie, "https://metadata.lapak.test/wpush/x", "jaringan pribadi").await;
    let phone = Device::new("hp-uji", 7);
    subscribed(&app, &tani.cookie, &phone, &service).await;
    let code = an_order_for(&app, &tani, "081977700322").await;
    let arrived = service.next().await;
    assert_eq!(phone.decrypt(&arrived.body)["title"], format!("Pesanan baru {code}"));
}
