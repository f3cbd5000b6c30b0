//! What shoppers see: only verified certificates within their dates — on the product's JSON, its page (a
//! badge and the details, server-rendered), its JSON-LD (`hasCertification`), its catalog card and the
//! catalog's `sertifikat` filter (API and page); waiting, refused and expired ones never. An expired one
//! disappears by itself, without anyone changing it.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::CatalogPage;
use shared::certificate::CertificateKind;

use super::{added, darmaji_admin, from_today, halal, pirt, verified, village};
use crate::orders::{DARMA_TANI, product, seller};
use crate::reviews::{answer, photo, product_page};

on_both_databases!(only_verified_unexpired_certificates_show, an_expired_certificate_disappears_by_itself);

/// What the catalog finds with `sertifikat=kind`.
async fn found(app: &TestApp, kind: &str) -> CatalogPage {
    answer(app.get(&format!("/api/v1/catalog?sertifikat={kind}&per=48")).await, 200).await
}

fn ids(page: &CatalogPage) -> Vec<i64> {
    page.items.iter().map(|p| p.id).collect()
}

async fn only_verified_unexpired_certificates_show(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let madu = product(&app, tani.shop, "Madu Sertifikat", 80_000, 10, 500).await;
    let other = product(&app, tani.shop, "Dodol Sertifikat", 20_000, 10, 250).await;
    let document = photo(&app, &tani.cookie).await;
    let end = from_today(&app, 365);
    let shown = added(&app, &tani, madu, &halal(document)).await;
    verified(&app, shown.id).await;
    added(&app, &tani, madu, &pirt(document, &end)).await;
    let mut sni = pirt(document, &end);
    (sni["kind"], sni["number"]) = (json!("sni"), json!("SPPT-SNI 01-3545-2025"));
    let refused_one = added(&app, &tani, madu, &sni).await;
    let darmaji = village(&app, "darmaji").await;
    let refuse = format!("/api/v1/admin/villages/{darmaji}/certificates/{}/refuse", refused_one.id);
    let reason = json!({ "reason": "Sertifikat untuk produk lain." });
    let res = app.call(Method::POST, &refuse, Some(&darmaji_admin(&app).await), Some(&reason)).await;
    assert_eq!(res.status().as_u16(), 204);
    let mut bpom = pirt(document, &end);
    (bpom["kind"], bpom["number"]) = (json!("bpom-md"), json!("BPOM RI MD 224510001234"));
    let lapsed = added(&app, &tani, madu, &bpom).await;
    verified(&app, lapsed.id).await;
    sqlx::query("UPDATE product_certificates SET expires_on = $1 WHERE id = $2")
        .bind(from_today(&app, -1))
        .bind(lapsed.id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    // The village admin's change above and the write just made are both older than the page cache's second.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;

    let page = product_page(&app, madu).await;
    let kinds: Vec<CertificateKind> = page.certificates.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [CertificateKind::Halal]);
    assert_eq!(page.summary.certified, [CertificateKind::Halal]);
    assert_eq!(
        (page.certificates[0].number.as_str(), page.certificates[0].expires_on.as_deref()),
        ("ID35110000123450622", None)
    );

    let html = app.get(&page.summary.path()).await.text().await.unwrap_or_default();
    for expected in [
        "\"hasCertification\":[{\"@type\":\"Certification\"",
        "\"certificationIdentification\":\"ID35110000123450622\"",
        "\"issuedBy\":{\"@type\":\"Organization\",\"name\":\"BPJPH Kementerian Agama\"}",
        "badge--certificate",
        "tanpa masa berlaku",
    ] {
        assert!(html.contains(expected), "the product page lacks {expected}");
    }
    for absent in ["224510001234", "2063509010473", "SPPT-SNI"] {
        assert!(!html.contains(absent), "the product page shows {absent}, which is not verified and valid");
    }

    let halal_products = found(&app, "halal").await;
    assert_eq!(ids(&halal_products), [madu], "the filter finds the verified one alone, not {other}");
    assert_eq!(halal_products.items[0].certified, [CertificateKind::Halal], "its card carries the badge");
    for kind in ["pirt", "sni", "bpom-md"] {
        assert!(found(&app, kind).await.items.is_empty(), "{kind}: waiting, refused or expired");
    }
    let refused_filter = app.get("/api/v1/catalog?sertifikat=iso").await;
    assert_eq!(refused_filter.status().as_u16(), 400, "an unknown kind is not a filter");

    let catalog_page = app.get("/produk?sertifikat=halal").await.text().await.unwrap_or_default();
    assert!(catalog_page.contains("Madu Sertifikat") && !catalog_page.contains("Dodol Sertifikat"));
}

async fn an_expired_certificate_disappears_by_itself(app: TestApp) {
    let tani = seller(&app, DARMA_TANI).await;
    let madu = product(&app, tani.shop, "Madu Sertifikat", 80_000, 10, 500).await;
    let today = from_today(&app, 0);
    let certificate = added(&app, &tani, madu, &pirt(photo(&app, &tani.cookie).await, &today)).await;
    verified(&app, certificate.id).await;
    let page = product_page(&app, madu).await;
    assert_eq!(page.summary.certified, [CertificateKind::Pirt], "valid through its last day");
    assert_eq!(ids(&found(&app, "pirt").await), [madu]);
    let html = app.get(&page.summary.path()).await.text().await.unwrap_or_default();
    assert!(html.contains("hasCertification"));

    // Its last day passes: nobody changes anything.
    sqlx::query("UPDATE product_certificates SET expires_on = $1 WHERE id = $2")
        .bind(from_today(&app, -1))
        .bind(certificate.id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let page = product_page(&app, madu).await;
    assert!(page.certificates.is_empty() && page.summary.certified.is_empty());
    assert!(found(&app, "pirt").await.items.is_empty());
    let html = app.get(&page.summary.path()).await.text().await.unwrap_or_default();
    assert!(!html.contains("hasCertification") && !html.contains("badge--certificate"));
    let mine = super::listed(&app, &tani, madu).await;
    assert!(mine[0].expired, "the seller sees it has expired");
}
