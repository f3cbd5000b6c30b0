//! The village admin's side: the village's certificates, waiting ones first; verifying one and refusing
//! one with a reason (audit rows; the seller reads the status and the reason); admins of another village
//! or region cannot. A verified certificate whose number, kind, expiry or photo changes waits again; a
//! corrected issuer keeps it verified; a refused one waits again after any change.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::certificate::{Certificate, CertificateStatus};

use super::{added, darmaji_admin, from_today, halal, listed, pirt, verified, verify, village};
use crate::orders::{DARMA_TANI, refused, seller};
use crate::reviews::{LOMBOK_BARAT_ADMIN, answer, photo, product_page};

on_both_databases!(the_village_admin_verifies_and_refuses, a_changed_certificate_waits_again);

async fn the_village_admin_verifies_and_refuses(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let kopi = crate::orders::product(&app, tani.shop, "Kopi Sertifikat", 30_000, 10, 250).await;
    let document = photo(&app, &tani.cookie).await;
    let halal = added(&app, &tani, kopi, &halal(document)).await;
    let pirt = added(&app, &tani, kopi, &pirt(document, &from_today(&app, 400))).await;
    let (darmaji, senggigi) = (village(&app, "darmaji").await, village(&app, "senggigi").await);
    let (admin, far) = (darmaji_admin(&app).await, app.session_for(app.user_id(LOMBOK_BARAT_ADMIN).await).await);
    let list = |village: i64| format!("/api/v1/admin/villages/{village}/certificates");

    refused(app.call(Method::GET, &list(darmaji), Some(&far), None).await, 403, "", "other region's list").await;
    refused(verify(&app, &far, darmaji, halal.id).await, 403, "", "other region").await;
    refused(verify(&app, &admin, senggigi, halal.id).await, 403, "", "other village").await;
    assert_eq!(app.count("product_certificates", "status = 'waiting'").await, 2);

    assert_eq!(verify(&app, &admin, darmaji, halal.id).await.status().as_u16(), 204);
    let audit = format!("subject = 'certificate:{}' AND action = 'certificate.verified'", halal.id);
    assert_eq!(app.count("audit_log", &audit).await, 1);

    let refuse = format!("/api/v1/admin/villages/{darmaji}/certificates/{}/refuse", pirt.id);
    let short = json!({ "reason": "" });
    refused(app.call(Method::POST, &refuse, Some(&admin), Some(&short)).await, 422, "", "no reason").await;
    let reason = json!({ "reason": "Foto dokumen buram, nomornya tidak terbaca." });
    refused(app.call(Method::POST, &refuse, Some(&far), Some(&reason)).await, 403, "", "refused afar").await;
    assert_eq!(app.call(Method::POST, &refuse, Some(&admin), Some(&reason)).await.status().as_u16(), 204);
    let audit = format!("subject = 'certificate:{}' AND action = 'certificate.refused'", pirt.id);
    assert_eq!(app.count("audit_log", &audit).await, 1);

    // The seller reads where each stands, and why.
    let mine = listed(&app, &tani, kopi).await;
    assert_eq!(mine[0].status, CertificateStatus::Verified);
    assert_eq!(mine[1].status, CertificateStatus::Refused);
    assert_eq!(mine[1].refusal_reason.as_deref(), Some("Foto dokumen buram, nomornya tidak terbaca."));

    // A new one waits at the head of the admin's list.
    let fresh = added(&app, &tani, kopi, &super::halal(document)).await;
    let queue: Vec<Certificate> = answer(app.call(Method::GET, &list(darmaji), Some(&admin), None).await, 200).await;
    assert_eq!(queue[0].id, fresh.id);
    assert_eq!(queue[0].status, CertificateStatus::Waiting);
    assert!(queue.iter().any(|c| c.id == halal.id) && queue.iter().any(|c| c.id == pirt.id));
    let photo_url = &queue[0].photo.thumb.url;
    assert!(!photo_url.is_empty(), "the admin sees the document's photo");
}

async fn a_changed_certificate_waits_again(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let kopi = crate::orders::product(&app, tani.shop, "Kopi Sertifikat", 30_000, 10, 250).await;
    let document = photo(&app, &tani.cookie).await;
    let certificate = added(&app, &tani, kopi, &halal(document)).await;
    verified(&app, certificate.id).await;
    let path = format!("/api/v1/shops/{}/certificates/{}", tani.shop, certificate.id);
    let (app, cookie) = (&app, tani.cookie.as_str());
    let change = |body: &serde_json::Value| {
        let (path, body) = (path.clone(), body.clone());
        async move { app.call(Method::PUT, &path, Some(cookie), Some(&body)).await }
    };

    let mut issuer = halal(document);
    issuer["issuer"] = json!("BPJPH Kemenag RI");
    let kept: Certificate = answer(change(&issuer).await, 200).await;
    assert_eq!((kept.status, kept.issuer.as_str()), (CertificateStatus::Verified, "BPJPH Kemenag RI"));
    assert_eq!(product_page(app, kopi).await.certificates.len(), 1, "a corrected issuer still shows");

    let mut number = issuer.clone();
    number["number"] = json!("ID35110000999990622");
    let waiting: Certificate = answer(change(&number).await, 200).await;
    assert_eq!(waiting.status, CertificateStatus::Waiting);
    assert!(product_page(app, kopi).await.certificates.is_empty(), "a new number waits for the admin");

    verified(app, certificate.id).await;
    let mut body = number.clone();
    body["photo_id"] = json!(photo(app, cookie).await);
    assert_eq!(answer::<Certificate>(change(&body).await, 200).await.status, CertificateStatus::Waiting);

    let darmaji = village(app, "darmaji").await;
    let refuse = format!("/api/v1/admin/villages/{darmaji}/certificates/{}/refuse", certificate.id);
    let reason = json!({ "reason": "Nama produk di sertifikat berbeda." });
    let admin = darmaji_admin(app).await;
    assert_eq!(app.call(Method::POST, &refuse, Some(&admin), Some(&reason)).await.status().as_u16(), 204);
    let resent: Certificate = answer(change(&body).await, 200).await;
    assert_eq!((resent.status, resent.refusal_reason), (CertificateStatus::Waiting, None), "resent after a refusal");
}
