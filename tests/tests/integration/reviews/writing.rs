//! Writing reviews: a signed-in buyer rates two lines (one with a photo) and the product page, its
//! JSON-LD, its list of reviews, the storefront and the order show them; a guest proves the order with its
//! number; one review per line, even when two are sent at once.

use std::sync::Arc;

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use shared::{Page, review::Review};
use tokio::{sync::Barrier, task::JoinSet};

use super::{
    answer, completed, photo, product_page, review, shop_slug, storefront, two_products, write_as_guest,
    write_signed_in, written,
};
use crate::orders::{BUYER, DARMA_TANI, SHOPPER, refused, seller};

on_both_databases!(
    a_buyer_reviews_and_pages_show_it,
    a_guest_reviews_with_the_orders_number,
    one_review_per_line_even_at_once
);

const GUEST: &str = "081977700101";

async fn a_buyer_reviews_and_pages_show_it(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, madu) = two_products(&app, &tani).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let order = completed(&app, &tani, Some(&shopper), SHOPPER, &[kopi, madu]).await;
    assert!(order.review_until.is_some_and(|t| t > order.updated_at), "a completed order may be reviewed");
    assert!(order.lines.iter().all(|l| l.id > 0 && l.rating.is_none()), "{:?}", order.lines);

    // A buyer with a completed order may upload the photos of their review.
    let picture = photo(&app, &shopper).await;
    let body = review(order.lines[0].id, 5, "  Kopinya harum, dikemas rapi. ", &[picture]);
    let written_review: Review = answer(write_signed_in(&app, &order.code, &shopper, &body).await, 201).await;
    assert_eq!((written_review.rating, written_review.text.as_str()), (5, "Kopinya harum, dikemas rapi."));
    assert_eq!(written_review.buyer, shared::review::public_name(BUYER));
    assert!(written_review.verified && written_review.hidden_reason.is_none());
    assert_eq!(written_review.photos.iter().map(|p| p.id).collect::<Vec<_>>(), [picture]);
    assert_eq!(written_review.product_id, Some(kopi));
    let second: Review =
        answer(write_signed_in(&app, &order.code, &shopper, &review(order.lines[1].id, 2, "", &[])).await, 201).await;
    assert_eq!(written(&app).await, (2, 1));

    let page = product_page(&app, kopi).await;
    assert_eq!((page.rating.count, page.rating.by_stars), (1, [0, 0, 0, 0, 1]));
    assert_eq!(page.rating.brief().average_label().as_deref(), Some("5,0"));
    assert_eq!(page.reviews, std::slice::from_ref(&written_review));
    let list: Page<Review> = answer(app.get(&format!("/api/v1/products/{madu}/reviews")).await, 200).await;
    assert_eq!((list.total, list.items), (1, vec![second]));

    let shop = storefront(&app, &shop_slug(&app, &tani).await).await;
    assert_eq!((shop.rating.count, shop.rating.average()), (2, Some(3.5)), "the shop counts all its products");

    let html = app.get(&page.summary.path()).await.text().await.unwrap_or_default();
    for expected in [
        "\"aggregateRating\":{\"@type\":\"AggregateRating\"",
        "\"ratingValue\":5.0",
        "\"reviewCount\":1",
        "\"reviewBody\":\"Kopinya harum, dikemas rapi.\"",
        "\"@type\":\"Review\"",
    ] {
        assert!(html.contains(expected), "the product page's JSON-LD lacks {expected}");
    }

    let path = format!("/api/v1/orders/{}", order.code);
    let seen: shared::order::Order = answer(app.call(Method::GET, &path, Some(&shopper), None).await, 200).await;
    assert_eq!(seen.lines.iter().map(|l| l.rating).collect::<Vec<_>>(), [Some(5), Some(2)]);
    let shop_path = format!("/api/v1/shops/{}/orders/{}", tani.shop, order.code);
    let sellers: shared::order::Order =
        answer(app.call(Method::GET, &shop_path, Some(&tani.cookie), None).await, 200).await;
    assert_eq!(sellers.lines[0].rating, Some(5), "the seller sees the stars too");
}

async fn a_guest_reviews_with_the_orders_number(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let order = completed(&app, &tani, None, GUEST, &[kopi]).await;
    let body = review(order.lines[0].id, 4, "Sampai dengan selamat.", &[]);
    let path = format!("/api/v1/orders/{}/reviews", order.code);
    refused(app.call(Method::POST, &path, None, Some(&body)).await, 401, "", "no number").await;
    refused(write_as_guest(&app, &order.code, "081977700999", &body).await, 404, "tidak ditemukan", "wrong number")
        .await;
    // A guest has no account to own photos.
    let with_photo = review(order.lines[0].id, 4, "", &[1]);
    refused(write_as_guest(&app, &order.code, GUEST, &with_photo).await, 422, "Masuk ke akun", "guest photo").await;
    assert_eq!(written(&app).await, (0, 0));

    let done: Review = answer(write_as_guest(&app, &order.code, GUEST, &body).await, 201).await;
    assert_eq!((done.rating, done.buyer.as_str()), (4, "Baiq N."));
    let buyer_id: Option<i64> = sqlx::query_scalar("SELECT buyer_id FROM reviews WHERE id = $1")
        .bind(done.id)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    assert_eq!(buyer_id, None, "a guest's review has no account");
    assert_eq!(product_page(&app, kopi).await.rating.count, 1);
}

async fn one_review_per_line_even_at_once(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, madu) = two_products(&app, &tani).await;
    let order = completed(&app, &tani, None, GUEST, &[kopi, madu]).await;
    let first = review(order.lines[0].id, 5, "Mantap.", &[]);
    answer::<Review>(write_as_guest(&app, &order.code, GUEST, &first).await, 201).await;
    let again = review(order.lines[0].id, 1, "Berubah pikiran.", &[]);
    refused(write_as_guest(&app, &order.code, GUEST, &again).await, 409, "sudah Anda ulas", "second review").await;
    assert_eq!(written(&app).await, (1, 0));

    // Four reviews of the other line sent at the same moment: one is written, the others are told why.
    const AT_ONCE: usize = 4;
    let barrier = Arc::new(Barrier::new(AT_ONCE));
    let mut tasks = JoinSet::new();
    for stars in 1..=AT_ONCE {
        let url = app.url(&format!("/api/v1/orders/{}/reviews", order.code));
        let (client, barrier) = (app.client.clone(), barrier.clone());
        let body = review(order.lines[1].id, u8::try_from(stars).unwrap(), "", &[]);
        tasks.spawn(async move {
            let request = client
                .post(url)
                .header("x-lapak-csrf", "1")
                .header(shared::order::BUYER_PHONE_HEADER, GUEST)
                .json(&body);
            barrier.wait().await;
            let res = request.send().await.expect("request reaches the server");
            (res.status().as_u16(), res.text().await.unwrap_or_default())
        });
    }
    let mut statuses = Vec::new();
    while let Some(done) = tasks.join_next().await {
        let (status, text) = done.expect("the request task ends");
        assert!(status == 201 || (status == 409 && text.contains("sudah Anda ulas")), "{status}: {text}");
        statuses.push(status);
    }
    assert_eq!(statuses.iter().filter(|s| **s == 201).count(), 1, "{statuses:?}");
    assert_eq!(written(&app).await, (2, 0));
    assert_eq!(app.count("reviews", &format!("line_id = {}", order.lines[1].id)).await, 1);
}
