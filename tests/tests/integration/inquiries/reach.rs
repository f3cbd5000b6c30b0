//! Where an inquiry goes: one about a product reaches its shop (list, notification with a WhatsApp reply)
//! and the admins of its village and district, and nobody else; one about a flagship reaches the village's
//! admins (notified) and the district, and no shop.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::json;
use shared::{InquiryKind, InquiryStatus, Role};

use super::{
    DARMA_TANI, DARMAJI_ADMIN, LOMBOK_BARAT, NTB, SENGGIGI_BAHARI, admin, inquiry, list, listed, needed_by, send, shop,
    village_id,
};

on_both_databases!(a_product_inquiry_reaches_the_shop_and_its_admins, a_flagship_inquiry_reaches_the_village);

async fn a_product_inquiry_reaches_the_shop_and_its_admins(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let sent = send(&app, &inquiry(json!({ "product_id": bahari.product }), "0857 1111 0001")).await;
    let id = sent["id"].as_i64().expect("an id");
    assert_eq!(sent["to"], bahari.name.as_str());
    assert_eq!(sent["village_name"], "Senggigi");
    let follow = sent["whatsapp_link"].as_str().expect("WhatsApp to the shop");
    assert!(follow.starts_with("https://wa.me/6281234560002?text=Halo%20"), "{follow}");
    assert!(follow.contains(&format!("%23{id}")), "the follow-up names the inquiry: {follow}");

    // The shop: in its list with the buyer's details and a reply link, counted as new, and notified.
    let shop_list = format!("/api/v1/shops/{}/inquiries", bahari.id);
    let found = list(&app, &shop_list, &bahari.cookie).await;
    assert_eq!((found.total, found.items.len()), (1, 1));
    let item = &found.items[0];
    assert_eq!((item.id, item.kind, item.status), (id, InquiryKind::Bulk, InquiryStatus::New));
    assert_eq!(
        (item.subject.as_str(), item.shop_id, item.flagship),
        (bahari.product_name.as_str(), Some(bahari.id), false)
    );
    assert_eq!((item.quantity, item.unit.as_str(), item.destination.as_str()), (500, "kg", "Surabaya"));
    assert_eq!((item.buyer_whatsapp.as_str(), item.needed_by.clone()), ("6285711110001", Some(needed_by())));
    assert_eq!(item.organisation.as_deref(), Some("CV Sumber Rejeki"));
    assert!(item.link.starts_with(&format!("/produk/{}-", bahari.product)), "{}", item.link);
    assert!(item.whatsapp_link.starts_with("https://wa.me/6285711110001?text=Halo%20Hj.%20Nurhayati"));
    assert!(item.whatsapp_link.contains(&urlencoded(&bahari.name)), "the seller replies as the shop");
    assert_eq!(item.allowed, [InquiryStatus::Contacted, InquiryStatus::Done, InquiryStatus::Cancelled]);
    assert_eq!(found.counts.len(), 1);
    assert_eq!((found.counts[0].status, found.counts[0].count), (InquiryStatus::New, 1));
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&bahari.cookie), None, 200).await;
    let note = &notes["items"][0];
    assert_eq!(note["title"], "Permintaan partai besar baru");
    assert_eq!(note["link"], format!("/jual/{}/permintaan", bahari.id));
    assert!(note["body"].as_str().unwrap().contains("Hj. Nurhayati (CV Sumber Rejeki) meminta 500 kg"), "{note}");
    let month = shared::inquiry::needed_by_label(&needed_by());
    assert!(note["body"].as_str().unwrap().contains(&format!("Dibutuhkan {month}.")), "{note}");
    assert!(note["whatsapp_link"].as_str().unwrap().starts_with("https://wa.me/6285711110001?text="));
    let filtered = list(&app, &format!("{shop_list}?status=selesai"), &bahari.cookie).await;
    assert!(filtered.items.is_empty() && filtered.total == 0, "filtered by status");

    // Another shop's owner: not in their list, refused at this shop's.
    let tani = shop(&app, DARMA_TANI).await;
    assert!(listed(&app, &format!("/api/v1/shops/{}/inquiries", tani.id), &tani.cookie).await.is_empty());
    assert_problem(app.call(Method::GET, &shop_list, Some(&tani.cookie), None).await, 403).await;
    assert_problem(app.call(Method::GET, &shop_list, None, None).await, 401).await;

    // The admins: the district's and the village's see it; another region's and another village's do not.
    let senggigi = bahari.village_id;
    let queue = "/api/v1/admin/inquiries";
    let lombok_barat = app.session_for(app.user_id(LOMBOK_BARAT).await).await;
    let ntb = app.session_for(app.user_id(NTB).await).await;
    let village_admin = admin(&app, "Admin Senggigi", "085722220001", Role::VillageAdmin, Some(senggigi), None).await;
    for (who, cookie) in [("Lombok Barat", &lombok_barat), ("NTB", &ntb), ("Senggigi", &village_admin)] {
        assert_eq!(listed(&app, queue, cookie).await, [id], "{who} sees it");
    }
    let lombok_tengah =
        admin(&app, "Admin Lombok Tengah", "085722220002", Role::DistrictAdmin, None, Some("52.02")).await;
    let darmaji_admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    for (who, cookie) in [("Lombok Tengah", &lombok_tengah), ("Darmaji", &darmaji_admin)] {
        let other = list(&app, queue, cookie).await;
        assert!(other.items.is_empty() && other.total == 0 && other.counts.is_empty(), "{who}: {other:?}");
    }
    let shopper = app.session_for(app.user_id(super::SHOPPER).await).await;
    assert_problem(app.call(Method::GET, queue, Some(&shopper), None).await, 403).await;
    let item = &list(&app, queue, &lombok_barat).await.items[0];
    assert!(item.whatsapp_link.contains(&urlencoded("Kami dari Desa Senggigi")), "admins reply as the village");

    // The queue's filters.
    let darmaji = village_id(&app, "darmaji").await;
    for (query, shown) in [
        (format!("?status=baru&kind=partai_besar&village={senggigi}"), true),
        ("?kind=ekspor".to_owned(), false),
        ("?status=dihubungi".to_owned(), false),
        (format!("?village={darmaji}"), false),
    ] {
        let ids = listed(&app, &format!("{queue}{query}"), &ntb).await;
        assert_eq!(ids.contains(&id), shown, "{query}");
    }
    let page = list(&app, &format!("{queue}?page=2&per_page=1"), &ntb).await;
    assert!(page.items.is_empty() && page.total == 1 && page.page == 2, "{page:?}");
    assert_problem(app.call(Method::GET, &format!("{queue}?page=0"), Some(&ntb), None).await, 400).await;
    assert_problem(app.call(Method::GET, &format!("{queue}?status=entah"), Some(&ntb), None).await, 400).await;
}

async fn a_flagship_inquiry_reaches_the_village(app: TestApp) {
    sqlx::query("UPDATE villages SET contact_phone = '6281700000001' WHERE slug = 'darmaji'")
        .execute(&app.db().pool)
        .await
        .unwrap();
    let flagship: String = sqlx::query_scalar("SELECT flagship_name FROM villages WHERE slug = 'darmaji'")
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    let mut body = inquiry(json!({ "village": "darmaji" }), "+60 12-345 6789");
    body["kind"] = json!("ekspor");
    body["dest_country"] = json!("my");
    body["destination"] = json!("Kuala Lumpur");
    let sent = send(&app, &body).await;
    let id = sent["id"].as_i64().unwrap();
    assert_eq!((sent["to"].as_str(), sent["kind"].as_str()), (Some("Desa Darmaji"), Some("ekspor")));
    assert!(sent["whatsapp_link"].as_str().unwrap().starts_with("https://wa.me/6281700000001?text="));
    // By the village's id as well.
    let darmaji = village_id(&app, "darmaji").await;
    body["village"] = json!(darmaji.to_string());
    body["quantity"] = json!(20);
    let by_id = send(&app, &body).await["id"].as_i64().unwrap();

    let darmaji_admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let queue = list(&app, "/api/v1/admin/inquiries?kind=ekspor", &darmaji_admin).await;
    assert_eq!(queue.items.iter().map(|i| i.id).collect::<Vec<_>>(), [by_id, id], "newest first");
    let item = &queue.items[1];
    assert!(item.flagship && item.shop_id.is_none() && item.product_id.is_none());
    assert_eq!((item.subject.as_str(), item.dest_country.as_str()), (flagship.as_str(), "MY"));
    assert_eq!((item.buyer_whatsapp.as_str(), item.link.as_str()), ("60123456789", "/desa/darmaji"));
    assert!(item.whatsapp_link.starts_with("https://wa.me/60123456789?text="));
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&darmaji_admin), None, 200).await;
    assert_eq!(notes["items"][0]["title"], "Permintaan ekspor baru");
    assert_eq!(notes["items"][0]["link"], "/admin/permintaan");
    assert!(notes["items"][0]["body"].as_str().unwrap().contains("tujuan Kuala Lumpur (Malaysia)"));

    let ntb = app.session_for(app.user_id(NTB).await).await;
    assert!(listed(&app, "/api/v1/admin/inquiries", &ntb).await.contains(&id), "the province's admin");
    let lombok_barat = app.session_for(app.user_id(LOMBOK_BARAT).await).await;
    assert!(listed(&app, "/api/v1/admin/inquiries", &lombok_barat).await.is_empty(), "another kabupaten's");
    let tani = shop(&app, DARMA_TANI).await;
    assert!(listed(&app, &format!("/api/v1/shops/{}/inquiries", tani.id), &tani.cookie).await.is_empty(), "no shop");

    // A village without admins: its district admins hear of it instead.
    let senggigi_flagship = inquiry(json!({ "village": "senggigi" }), "085733330001");
    send(&app, &senggigi_flagship).await;
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&lombok_barat), None, 200).await;
    assert_eq!(notes["items"][0]["title"], "Permintaan partai besar baru");
}

/// Text as it appears percent-encoded in a `wa.me` link.
fn urlencoded(text: &str) -> String {
    shared::phone::percent_encode(text)
}
