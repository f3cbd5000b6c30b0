//! Reviews refused, writing nothing: before the order completes, after the window, for a line of another
//! order, by a signed-in stranger, and with a bad form (0 or 6 stars, too long, four photos, someone
//! else's photo).

use lapak_tests::{TestApp, on_both_databases};
use shared::review::{REVIEW_DAYS, TEXT_MAX};

use super::{completed, new_order, photo, review, two_products, write_as_guest, write_signed_in, written};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, SHOPPER, guest_order, refused, seller};

on_both_databases!(only_a_completed_purchase_in_time_is_reviewed, a_bad_review_writes_nothing);

const GUEST: &str = "081977700201";

async fn only_a_completed_purchase_in_time_is_reviewed(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, madu) = two_products(&app, &tani).await;

    let fresh = new_order(&app, &tani, None, GUEST, &[kopi]).await;
    let line = guest_order(&app, &fresh, GUEST).await.lines[0].id;
    let problem = refused(write_as_guest(&app, &fresh, GUEST, &review(line, 5, "", &[])).await, 409, "", "new").await;
    assert!(problem.detail.contains("setelah pesanan selesai"), "{}", problem.detail);
    assert_eq!(guest_order(&app, &fresh, GUEST).await.review_until, None, "not completed: no deadline");

    let done = completed(&app, &tani, None, GUEST, &[madu]).await;
    let other_line = review(line, 5, "", &[]);
    refused(write_as_guest(&app, &done.code, GUEST, &other_line).await, 422, "tidak ada di pesanan ini", "line").await;

    // Signed in as someone else, without the order's number: refused as the order itself is.
    let stranger = seller(&app, SENGGIGI_BAHARI).await;
    let body = review(done.lines[0].id, 5, "", &[]);
    let res = write_signed_in(&app, &done.code, &stranger.cookie, &body).await;
    refused(res, 403, "bukan milik akun Anda", "stranger").await;

    // Completed 31 days ago: the window has closed.
    let long_ago = backend::db::now_ms() - (REVIEW_DAYS + 1) * 24 * 60 * 60 * 1000;
    sqlx::query("UPDATE orders SET status_at = $1 WHERE code = $2")
        .bind(long_ago)
        .bind(&done.code)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let late = refused(write_as_guest(&app, &done.code, GUEST, &body).await, 409, "sudah lewat", "late").await;
    assert!(late.detail.contains(&format!("{REVIEW_DAYS} hari")), "{}", late.detail);
    let order = guest_order(&app, &done.code, GUEST).await;
    assert!(order.review_until.is_some_and(|t| t < backend::db::now_ms()), "the deadline has passed");
    assert_eq!(written(&app).await, (0, 0));
}

async fn a_bad_review_writes_nothing(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let (kopi, _) = two_products(&app, &tani).await;
    let shopper = app.session_for(app.user_id(SHOPPER).await).await;
    let order = completed(&app, &tani, Some(&shopper), SHOPPER, &[kopi]).await;
    let line = order.lines[0].id;
    let mine = [photo(&app, &shopper).await, photo(&app, &shopper).await, photo(&app, &shopper).await];
    let extra = photo(&app, &shopper).await;
    let sellers = photo(&app, &tani.cookie).await;
    let cases = [
        (review(line, 0, "", &[]), "rating", "0 stars"),
        (review(line, 6, "", &[]), "rating", "6 stars"),
        (review(line, 4, &"a".repeat(TEXT_MAX + 1), &[]), "text", "too long"),
        (review(line, 4, "", &[mine[0], mine[1], mine[2], extra]), "photo_ids", "four photos"),
        (review(line, 4, "", &[mine[0], sellers]), "photo_ids", "the seller's photo"),
        (review(line, 4, "", &[mine[0], mine[0]]), "photo_ids", "the same photo twice"),
    ];
    for (body, field, case) in cases {
        let problem = refused(write_signed_in(&app, &order.code, &shopper, &body).await, 422, "", case).await;
        assert!(problem.fields.iter().any(|e| e.field == field), "{case}: {:?}", problem.fields);
    }
    assert_eq!(written(&app).await, (0, 0));
}
