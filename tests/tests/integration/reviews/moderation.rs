//! After a review: its seller replies once (another shop's owner cannot); the village admin hides it with a
//! reason (audit row; gone from the product page and the summaries; the seller reads why) and shows it
//! again; an admin of another village or region cannot.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::review::{Review, ReviewDesk};

use super::{
    DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, answer, completed, product_page, review, shop_slug, storefront, two_products,
    write_as_guest,
};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, refused, seller};

on_both_databases!(
    the_seller_replies_once,
    the_village_admin_hides_a_review_with_a_reason,
    the_desks_page_their_reviews,
);

const GUEST: &str = "081977700301";

/// A 3-star review of a new product of Darma Tani by a guest; answers it and the product.
async fn reviewed(app: &TestApp) -> (Review, i64) {
    let tani = seller(app, DARMA_TANI).await;
    let (kopi, _) = two_products(app, &tani).await;
    let order = completed(app, &tani, None, GUEST, &[kopi]).await;
    let body = review(order.lines[0].id, 3, "Agak lama disiapkan.", &[]);
    (answer(write_as_guest(app, &order.code, GUEST, &body).await, 201).await, kopi)
}

async fn the_seller_replies_once(app: TestApp) {
    let (written, kopi) = reviewed(&app).await;
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let reply = json!({ "text": "Maaf menunggu, Kak. Terima kasih sudah belanja!" });
    let path = |shop: i64| format!("/api/v1/shops/{shop}/reviews/{}/reply", written.id);

    refused(app.call(Method::POST, &path(tani.shop), Some(&bahari.cookie), Some(&reply)).await, 403, "", "other").await;
    let res = app.call(Method::POST, &path(bahari.shop), Some(&bahari.cookie), Some(&reply)).await;
    refused(res, 404, "tidak ditemukan", "another shop's review").await;
    let short = json!({ "text": " ." });
    refused(app.call(Method::POST, &path(tani.shop), Some(&tani.cookie), Some(&short)).await, 422, "", "short").await;

    let answered: Review =
        answer(app.call(Method::POST, &path(tani.shop), Some(&tani.cookie), Some(&reply)).await, 200).await;
    assert_eq!(
        answered.reply.as_ref().map(|r| r.text.as_str()),
        Some("Maaf menunggu, Kak. Terima kasih sudah belanja!")
    );
    let again = json!({ "text": "Balasan kedua." });
    let res = app.call(Method::POST, &path(tani.shop), Some(&tani.cookie), Some(&again)).await;
    refused(res, 409, "sudah Anda balas", "second reply").await;
    let page = product_page(&app, kopi).await;
    assert_eq!(page.reviews[0].reply, answered.reply, "shoppers read the reply");
}

async fn the_village_admin_hides_a_review_with_a_reason(app: TestApp) {
    let (written, kopi) = reviewed(&app).await;
    let tani = seller(&app, DARMA_TANI).await;
    let slug = shop_slug(&app, &tani).await;
    let before = storefront(&app, &slug).await.rating.count;
    let darmaji: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let senggigi: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'senggigi'").fetch_one(&app.db().pool).await.unwrap();
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let far = app.session_for(app.user_id(LOMBOK_BARAT_ADMIN).await).await;
    let reason = json!({ "reason": "Ulasan memuat nomor telepon pribadi." });
    let hide = |village: i64| format!("/api/v1/admin/villages/{village}/reviews/{}/hide", written.id);

    refused(app.call(Method::POST, &hide(darmaji), Some(&far), Some(&reason)).await, 403, "", "other region").await;
    refused(app.call(Method::POST, &hide(senggigi), Some(&admin), Some(&reason)).await, 403, "", "other village").await;
    let empty = json!({ "reason": "" });
    refused(app.call(Method::POST, &hide(darmaji), Some(&admin), Some(&empty)).await, 422, "", "no reason").await;
    assert_eq!(app.count("reviews", "hidden_reason IS NOT NULL").await, 0);

    let res = app.call(Method::POST, &hide(darmaji), Some(&admin), Some(&reason)).await;
    assert_eq!(res.status().as_u16(), 204);
    let page = product_page(&app, kopi).await;
    assert_eq!((page.rating.count, page.reviews.len()), (0, 0), "hidden from the product page");
    assert_eq!(storefront(&app, &slug).await.rating.count, before - 1, "and from the shop's summary");
    let subject = format!("subject = 'review:{}' AND action = 'review.hidden'", written.id);
    assert_eq!(app.count("audit_log", &subject).await, 1);

    let shop_path = format!("/api/v1/shops/{}/reviews", tani.shop);
    let sellers: ReviewDesk = answer(app.call(Method::GET, &shop_path, Some(&tani.cookie), None).await, 200).await;
    let mine = sellers.reviews.items.iter().find(|r| r.id == written.id).expect("the seller still lists it");
    assert_eq!(mine.hidden_reason.as_deref(), Some("Ulasan memuat nomor telepon pribadi."));
    assert_eq!(sellers.rating, storefront(&app, &slug).await.rating, "the seller's rating counts visible reviews");
    let village_path = format!("/api/v1/admin/villages/{darmaji}/reviews");
    let listed: ReviewDesk = answer(app.call(Method::GET, &village_path, Some(&admin), None).await, 200).await;
    assert!(listed.reviews.items.iter().any(|r| r.id == written.id && r.hidden_reason.is_some()));

    let unhide = format!("/api/v1/admin/villages/{darmaji}/reviews/{}/unhide", written.id);
    assert_eq!(app.call(Method::POST, &unhide, Some(&admin), None).await.status().as_u16(), 204);
    assert_eq!(product_page(&app, kopi).await.rating.count, 1, "shown again");
    let shown = format!("subject = 'review:{}' AND action = 'review.shown'", written.id);
    assert_eq!(app.count("audit_log", &shown).await, 1);
}

/// The seller's and the village admin's lists come a page at a time, newest first, with the rating of all.
async fn the_desks_page_their_reviews(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let mut written = Vec::new();
    for (i, stars) in [5, 4, 2].into_iter().enumerate() {
        let buyer = format!("08197770040{i}");
        let order = completed(&app, &tani, None, &buyer, &[kopi]).await;
        let body = review(order.lines[0].id, stars, "", &[]);
        written.push(answer::<Review>(write_as_guest(&app, &order.code, &buyer, &body).await, 201).await.id);
    }
    let darmaji: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let desks = [
        (format!("/api/v1/shops/{}/reviews", tani.shop), tani.cookie.clone()),
        (format!("/api/v1/admin/villages/{darmaji}/reviews"), admin),
    ];
    for (path, cookie) in &desks {
        let page = |n: u32| format!("{path}?page={n}&per_page=2");
        let first: ReviewDesk = answer(app.call(Method::GET, &page(1), Some(cookie), None).await, 200).await;
        let ids: Vec<i64> = first.reviews.items.iter().map(|r| r.id).collect();
        assert_eq!(ids, [written[2], written[1]], "{path}: the newest first");
        assert_eq!((first.reviews.total, first.reviews.page_count()), (3, 2), "{path}");
        assert_eq!((first.rating.count, first.rating.by_stars), (3, [0, 1, 0, 1, 1]), "{path}: the rating of all");
        let second: ReviewDesk = answer(app.call(Method::GET, &page(2), Some(cookie), None).await, 200).await;
        assert_eq!(second.reviews.items.iter().map(|r| r.id).collect::<Vec<_>>(), [written[0]], "{path}");
        let res = app.call(Method::GET, &format!("{path}?page=0"), Some(cookie), None).await;
        refused(res, 400, "page", "page 0").await;
    }
}
