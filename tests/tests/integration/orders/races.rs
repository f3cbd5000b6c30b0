//! Many buyers at once: 64 guests racing for 20 units get exactly 20 orders and the stock never goes below
//! zero; one checkout sent 50 times at once with one key becomes one order per shop; keys belong to buyers;
//! a listing deleted while it is ordered keeps its orders.

use std::{sync::Arc, time::Instant};

use lapak_tests::{Engine, TestApp, on_both_databases, on_both_engines};
use reqwest::Method;
use serde_json::Value;
use shared::order::Placed;
use tokio::{sync::Barrier, task::JoinSet};

use super::{
    DARMA_TANI, SENGGIGI_BAHARI, SHOPPER, checkout, choice, fresh_key, line, place, product, seller, stock, written,
};

on_both_databases!(one_key_places_one_checkout, a_listing_deleted_while_ordered_keeps_its_orders);
on_both_engines!(the_last_units_are_never_oversold);

/// Posts each `(key, body)` at the same moment; answers each response's status, `Idempotent-Replayed`
/// header and body, in the order given.
async fn all_at_once(app: &TestApp, requests: Vec<(String, Value)>) -> Vec<(u16, bool, String)> {
    let barrier = Arc::new(Barrier::new(requests.len()));
    let mut tasks = JoinSet::new();
    for (i, (key, body)) in requests.into_iter().enumerate() {
        let (client, url, barrier) = (app.client.clone(), app.url("/api/v1/orders"), barrier.clone());
        tasks.spawn(async move {
            barrier.wait().await;
            let res = client
                .post(url)
                .header("x-lapak-csrf", "1")
                .header("Idempotency-Key", key)
                .json(&body)
                .send()
                .await
                .expect("request reaches the server");
            let replayed = lapak_tests::header(&res, "idempotent-replayed") == "true";
            (i, res.status().as_u16(), replayed, res.text().await.unwrap_or_default())
        });
    }
    let mut answers = vec![(0, false, String::new()); tasks.len()];
    while let Some(done) = tasks.join_next().await {
        let (i, status, replayed, text) = done.expect("the request task ends");
        answers[i] = (status, replayed, text);
    }
    answers
}

async fn the_last_units_are_never_oversold(engine: Engine) {
    const BUYERS: usize = 64;
    const UNITS: i64 = 20;
    // All 64 guests come from this test's one address: more than the guest checkouts one address may place.
    let Some(app) =
        TestApp::spawn_with(engine, |c| c.guest_checkouts_per_address.events = i64::try_from(BUYERS).unwrap_or(64))
            .await
    else {
        return;
    };
    let tani = seller(&app, DARMA_TANI).await;
    let madu = product(&app, tani.shop, "Madu Hutan Uji", 50_000, UNITS, 500).await;
    let requests = (0..BUYERS)
        .map(|i| {
            let phone = format!("08198800{i:04}");
            (fresh_key(), checkout(&phone, &[choice(tani.shop, "ambil", "tunai", &[line(madu, 1, 50_000)])]))
        })
        .collect();
    let started = Instant::now();
    let answers = all_at_once(&app, requests).await;
    let elapsed = started.elapsed().as_millis();
    let winners = answers.iter().filter(|(s, _, _)| *s == 201).count();
    let losers: Vec<&String> = answers.iter().filter(|(s, _, _)| *s == 409).map(|(_, _, t)| t).collect();
    println!(
        "oversell race on {:?}: {BUYERS} buyers for {UNITS} units → {winners} orders, {} refused (409), {elapsed} ms",
        app.engine,
        losers.len()
    );
    let others: Vec<_> = answers.iter().filter(|(s, _, _)| *s != 201 && *s != 409).collect();
    assert!(others.is_empty(), "only 201 or 409: {others:?}");
    assert_eq!(winners, usize::try_from(UNITS).unwrap(), "exactly as many orders as units");
    assert_eq!(losers.len(), BUYERS - winners);
    for text in losers {
        let problem: shared::Problem = serde_json::from_str(text).expect("a problem document");
        assert!(problem.detail.contains("Stok") && problem.detail.contains("tidak cukup"), "{}", problem.detail);
    }
    assert_eq!(stock(&app, madu).await, 0);
    assert_eq!(app.count("order_lines", &format!("product_id = {madu}")).await, UNITS);
    assert_eq!(app.count("orders", "1 = 1").await, UNITS, "no order without its stock");
    assert_eq!(app.count("products", "stock < 0").await, 0);
}

async fn one_key_places_one_checkout(app: TestApp) {
    const TRIES: usize = 50;
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let kopi = product(&app, tani.shop, "Kopi Uji", 20_000, 30, 250).await;
    let ikan = product(&app, bahari.shop, "Ikan Asap Uji", 45_000, 30, 900).await;
    let body = |phone: &str, kopi_quantity: i64| {
        checkout(
            phone,
            &[
                choice(tani.shop, "ambil", "tunai", &[line(kopi, kopi_quantity, 20_000)]),
                choice(bahari.shop, "kurir", "tunai", &[line(ikan, 1, 45_000)]),
            ],
        )
    };
    let key = fresh_key();
    let started = Instant::now();
    let answers = all_at_once(&app, vec![(key.clone(), body("081966600001", 2)); TRIES]).await;
    let elapsed = started.elapsed().as_millis();
    let count = |status: u16| answers.iter().filter(|(s, _, _)| *s == status).count();
    let (created, replayed, busy) = (count(201), count(200), count(409));
    println!(
        "idempotent retries on {:?}: {TRIES} at once → {created} created, {replayed} replayed, {busy} asked to retry \
         (409), {elapsed} ms",
        app.engine
    );
    assert_eq!(created + replayed + busy, TRIES, "only 201, 200 or a retryable 409: {answers:?}");
    assert_eq!(created, 1, "one request places the orders");
    let first: Placed =
        serde_json::from_str(&answers.iter().find(|(s, _, _)| *s == 201).unwrap().2).expect("placed orders");
    let codes: Vec<&str> = first.orders.iter().map(|o| o.code.as_str()).collect();
    assert_eq!(codes.len(), 2);
    for (status, was_replayed, text) in &answers {
        match status {
            200 => {
                assert!(*was_replayed, "a replay says so");
                assert_eq!(serde_json::from_str::<Placed>(text).unwrap(), first, "the same orders again");
            }
            409 => assert!(text.contains("sedang diproses"), "{text}"),
            _ => {}
        }
    }
    let guest = shared::Phone::parse("081966600001").unwrap();
    assert_eq!(app.count("orders", &format!("buyer_phone = '{}'", guest.as_str())).await, 2, "one order per shop");
    assert_eq!((stock(&app, kopi).await, stock(&app, ikan).await), (28, 29), "the stock is taken once");

    // A retry later answers the same; the same key with another checkout is refused and writes nothing.
    let again = place(&app, None, &key, &body("081966600001", 2)).await;
    assert_eq!(again.status(), 200);
    assert_eq!(again.json::<Placed>().await.unwrap(), first);
    let before = written(&app).await;
    let other = place(&app, None, &key, &body("081966600001", 3)).await;
    let problem = lapak_tests::assert_problem(other, 422).await;
    assert_eq!(problem.fields[0].field, "idempotency_key");
    assert!(problem.detail.contains("sudah dipakai"), "{}", problem.detail);
    assert_eq!(written(&app).await, before, "nothing written");
    assert_eq!((stock(&app, kopi).await, stock(&app, ikan).await), (28, 29));

    // Keys belong to their buyer: another guest, and a signed-in shopper, place their own orders with it.
    let theirs = place(&app, None, &key, &body("081966600002", 2)).await;
    assert_eq!(theirs.status(), 201);
    let theirs: Placed = theirs.json().await.unwrap();
    assert!(theirs.orders.iter().all(|o| !codes.contains(&o.code.as_str())), "new orders");
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let signed_in = place(&app, Some(&shopper), &key, &body(SHOPPER, 2)).await;
    assert_eq!(signed_in.status(), 201);
    assert_eq!(app.count("orders", "1 = 1").await, 6);
    assert_eq!((stock(&app, kopi).await, stock(&app, ikan).await), (24, 27));
}

/// A seller deletes a listing at the moment a buyer orders it, eight times over: either the order is placed
/// and the listing stays (409: it was ordered), or the listing is gone and the checkout is refused. Never
/// both, never a 500, and no order line ever loses its product.
async fn a_listing_deleted_while_ordered_keeps_its_orders(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let mut ordered = 0;
    for round in 0..8 {
        let id = product(&app, tani.shop, &format!("Gula Semut Uji {round}"), 20_000, 5, 250).await;
        let lines = [line(id, 1, 20_000)];
        let body = checkout(&format!("0819877{round:05}"), &[choice(tani.shop, "ambil", "tunai", &lines)]);
        let path = format!("/api/v1/shops/{}/products/{id}", tani.shop);
        let barrier = Barrier::new(2);
        let (order, removal) = tokio::join!(
            async {
                barrier.wait().await;
                place(&app, None, &fresh_key(), &body).await.status().as_u16()
            },
            async {
                barrier.wait().await;
                let res = app.call(Method::DELETE, &path, Some(&tani.cookie), None).await;
                (res.status().as_u16(), res.text().await.unwrap_or_default())
            },
        );
        match (order, removal.0) {
            (201, 409) => {
                assert!(removal.1.contains("sudah pernah dipesan"), "round {round}: {}", removal.1);
                ordered += 1;
            }
            (400..=499, 204) => {}
            other => panic!("round {round}: checkout {} and delete {} together: {other:?}", other.0, other.1),
        }
    }
    println!("deleted while ordered on {:?}: {ordered} of 8 ordered first", app.engine);
    let orphaned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM order_lines WHERE product_id IS NULL")
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(orphaned, 0, "no order line lost its product");
}
