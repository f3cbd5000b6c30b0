//! The seller's side: adding certificates (a halal one without an end, a P-IRT one with its date), each
//! waiting for the village admin and not yet shown; bad numbers, dates, issuers and photos refused field by
//! field, writing nothing; another shop's owner can neither read nor change nor remove them.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::certificate::{CertificateKind, CertificateStatus};

use super::{add, added, from_today, halal, listed, of_product, pirt, written};
use crate::orders::{DARMA_TANI, SENGGIGI_BAHARI, product, refused, seller};
use crate::reviews::{photo, product_page};

on_both_databases!(a_seller_adds_certificates_that_wait, bad_certificates_write_nothing, other_shops_cannot_touch_them);

async fn a_seller_adds_certificates_that_wait(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let kopi = product(&app, tani.shop, "Kopi Sertifikat", 30_000, 10, 250).await;
    let document = photo(&app, &tani.cookie).await;

    let first = added(&app, &tani, kopi, &halal(document)).await;
    assert_eq!(
        (first.kind, first.status, first.expires_on.as_deref()),
        (CertificateKind::Halal, CertificateStatus::Waiting, None)
    );
    assert_eq!((first.number.as_str(), first.product_id, first.photo.id), ("ID35110000123450622", kopi, document));
    assert!(!first.expired && first.refusal_reason.is_none());
    let end = from_today(&app, 365);
    let second = added(&app, &tani, kopi, &pirt(document, &end)).await;
    assert_eq!((second.kind, second.expires_on.as_deref()), (CertificateKind::Pirt, Some(end.as_str())));

    assert_eq!(listed(&app, &tani, kopi).await, [first, second]);
    let page = product_page(&app, kopi).await;
    assert!(page.certificates.is_empty() && page.summary.certified.is_empty(), "nothing shows before verification");
}

async fn bad_certificates_write_nothing(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let kopi = product(&app, tani.shop, "Kopi Sertifikat", 30_000, 10, 250).await;
    let (mine, theirs) = (photo(&app, &tani.cookie).await, photo(&app, &bahari.cookie).await);
    let (end, yesterday) = (from_today(&app, 365), from_today(&app, -1));
    let with = |mut body: serde_json::Value, field: &str, value: serde_json::Value| {
        body[field] = value;
        body
    };
    let cases = [
        (with(pirt(mine, &end), "number", json!("P-IRT 12345")), "number", "15 angka"),
        (with(halal(mine), "number", json!("35110000123450622")), "number", "diawali ID"),
        (
            with(with(pirt(mine, &end), "kind", json!("bpom-md")), "number", json!("ML 234509001174")),
            "number",
            "MD dan 12",
        ),
        (with(pirt(mine, &end), "expires_on", json!(null)), "expires_on", "Hanya sertifikat halal"),
        (pirt(mine, &yesterday), "expires_on", "sudah habis masa berlakunya"),
        (with(halal(mine), "expires_on", json!("2027-02-30")), "expires_on", "tanggal berlaku"),
        (with(halal(mine), "issuer", json!(" ")), "issuer", "penerbit"),
        (with(halal(mine), "photo_id", json!(null)), "photo_id", "foto dokumen"),
        (halal(theirs), "photo_id", "Unggah ulang"),
    ];
    for (body, field, words) in cases {
        let problem = refused(add(&app, &tani, kopi, &body).await, 422, "", field).await;
        let error = problem.fields.iter().find(|e| e.field == field);
        assert!(error.is_some_and(|e| e.message.contains(words)), "{field}: {:?}", problem.fields);
    }
    let unknown = with(halal(mine), "kind", json!("iso-9001"));
    refused(add(&app, &tani, kopi, &unknown).await, 400, "tidak dikenal", "an unknown kind").await;
    assert_eq!(written(&app).await, 0);

    // A change is checked the same way, and leaves the certificate as it was.
    let kept = added(&app, &tani, kopi, &halal(mine)).await;
    let path = format!("/api/v1/shops/{}/certificates/{}", tani.shop, kept.id);
    let bad = with(halal(mine), "number", json!("ID-ABC"));
    refused(app.call(Method::PUT, &path, Some(&tani.cookie), Some(&bad)).await, 422, "", "a bad change").await;
    assert_eq!(listed(&app, &tani, kopi).await, [kept]);
}

async fn other_shops_cannot_touch_them(app: TestApp) {
    let (tani, bahari) = (seller(&app, DARMA_TANI).await, seller(&app, SENGGIGI_BAHARI).await);
    let kopi = product(&app, tani.shop, "Kopi Sertifikat", 30_000, 10, 250).await;
    let certificate = added(&app, &tani, kopi, &halal(photo(&app, &tani.cookie).await)).await;
    let theirs = photo(&app, &bahari.cookie).await;
    let (other, own) = (Some(bahari.cookie.as_str()), bahari.shop);

    // Through the other shop's address: not the owner. Through their own: no such product or certificate.
    refused(app.call(Method::GET, &of_product(&tani, kopi), other, None).await, 403, "pemilik toko", "read").await;
    let path = format!("/api/v1/shops/{own}/products/{kopi}/certificates");
    refused(app.call(Method::GET, &path, other, None).await, 404, "tidak ditemukan", "read as own").await;
    refused(app.call(Method::POST, &path, other, Some(&halal(theirs))).await, 404, "tidak ditemukan", "add").await;
    for shop in [tani.shop, own] {
        let status = if shop == own { 404 } else { 403 };
        let path = format!("/api/v1/shops/{shop}/certificates/{}", certificate.id);
        refused(app.call(Method::PUT, &path, other, Some(&halal(theirs))).await, status, "", "change").await;
        refused(app.call(Method::DELETE, &path, other, None).await, status, "", "remove").await;
    }
    assert_eq!(listed(&app, &tani, kopi).await, std::slice::from_ref(&certificate));

    // Its own owner removes it.
    let path = format!("/api/v1/shops/{}/certificates/{}", tani.shop, certificate.id);
    assert_eq!(app.call(Method::DELETE, &path, Some(&tani.cookie), None).await.status().as_u16(), 204);
    assert_eq!(written(&app).await, 0);
}
