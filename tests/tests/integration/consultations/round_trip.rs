//! A seller of Senggigi asks with a photo; a consultant the district admin of Lombok Barat granted sees it
//! in the queue, assigns it, replies, schedules a field visit and marks it answered; the seller reads the
//! reply and has notifications with WhatsApp to the officer; the answer is published as an anonymised FAQ
//! entry that names nobody, then taken down; the seller's follow-up puts it back in progress.

use lapak_tests::{TestApp, on_both_databases, sample_png};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{ConsultationStatus, DeskSide, VisitStatus};

use super::{LOMBOK_BARAT_ADMIN, SENGGIGI_BAHARI, acted, grant, new_account, question, queue_ids, session, shop_of};

on_both_databases!(a_seller_and_a_consultant_talk_it_through, the_desk_pages_are_served);

const CONSULTANT_PHONE: &str = "085711112222";

async fn a_seller_and_a_consultant_talk_it_through(app: TestApp) {
    // The district admin grants an existing account the desk of Lombok Barat for Dinas Koperasi & UMKM.
    let admin = session(&app, LOMBOK_BARAT_ADMIN).await;
    let (officer, officer_id) = new_account(&app, "Baiq Petugas Koperasi", CONSULTANT_PHONE).await;
    let granted = grant(&app, &admin, "0857-1111-2222", "52.01", "dinas_koperasi_umkm").await;
    assert_eq!(granted["user"]["id"], officer_id);
    assert_eq!(granted["region"]["code"], "52.01");
    let listed = app.call_json(Method::GET, "/api/v1/admin/consultants", Some(&admin), None, 200).await;
    assert!(listed.as_array().unwrap().iter().any(|c| c["id"] == granted["id"]), "{listed}");
    let desk = app.call_json(Method::GET, "/api/v1/consultations/desk", Some(&officer), None, 200).await;
    assert_eq!(desk["staff"], true);
    assert!(desk["villages"].as_array().unwrap().iter().any(|v| v["slug"] == "senggigi"), "{desk}");
    assert_problem_status(&app, &officer, "/api/v1/admin/villages", 403).await;

    // The seller uploads a photo and asks about their shop.
    let seller = session(&app, SENGGIGI_BAHARI).await;
    let place = shop_of(&app, SENGGIGI_BAHARI).await;
    let (village, shop) = (place.village, place.shop);
    let res = app.upload("/api/v1/images", Some(&seller), "image/png", sample_png(60, 40)).await;
    assert_eq!(res.status(), 201);
    let photo: Value = res.json().await.unwrap();
    let mut body = question(&place.slug, Some(shop));
    body["photo_ids"] = json!([photo["id"]]);
    let asked = super::submit(&app, &seller, &body).await;
    assert_eq!(
        (asked.status, asked.photos.len(), asked.viewer.side),
        (ConsultationStatus::New, 1, DeskSide::Submitter)
    );
    assert_eq!(asked.shop.as_ref().map(|s| s.id), Some(shop));
    let id = asked.id;

    // The consultant finds it in the queue, filtered as they like.
    for query in ["", "?status=baru", "?topik=perizinan", &format!("?desa={village}&status=baru")] {
        assert!(queue_ids(&app, &officer, query).await.contains(&id), "queue{query}");
    }
    assert!(!queue_ids(&app, &officer, "?status=dijawab").await.contains(&id));
    assert!(!queue_ids(&app, &officer, "?kantor=dinas_kesehatan").await.contains(&id));

    // Assigns it to Dinas Kesehatan and to themselves, replies, schedules a visit, marks it answered.
    let seen = acted(&app, &officer, Method::GET, id, "", None, 200).await;
    assert_eq!(seen.viewer.side, DeskSide::Staff);
    assert!(seen.viewer.assignees.iter().any(|s| s.id == officer_id), "{:?}", seen.viewer.assignees);
    let wa = seen.viewer.whatsapp_link.clone().expect("staff reach the asker on WhatsApp");
    assert!(wa.starts_with("https://wa.me/6281234560002?text="), "{wa}");
    assert!(wa.contains(&format!("%2Fkonsultasi%2F{id}")), "{wa}");
    let assignment = json!({ "office": "dinas_kesehatan", "assignee_id": officer_id });
    let assigned = acted(&app, &officer, Method::PUT, id, "/assignment", Some(&assignment), 200).await;
    assert_eq!(assigned.assignee.map(|a| a.id), Some(officer_id));
    assert!(queue_ids(&app, &officer, "?kantor=dinas_kesehatan").await.contains(&id));
    let reply = json!({ "body": "Daftarkan NIB lewat OSS, lalu ikuti penyuluhan keamanan pangan di Dinas Kesehatan." });
    let replied = acted(&app, &officer, Method::POST, id, "/messages", Some(&reply), 201).await;
    assert_eq!(replied.status, ConsultationStatus::InProgress, "a staff reply takes it up");
    let visit = json!({ "status": "dijadwalkan", "scheduled_for": 1_795_478_400_000_i64, "place": "Dapur BUMDes" });
    let visited = acted(&app, &officer, Method::POST, id, "/visits", Some(&visit), 201).await;
    assert_eq!(visited.visits.len(), 1);
    let visit_id = visited.visits[0].id;
    let done = json!({ "status": "selesai", "place": "Dapur BUMDes", "note": "Dapur sudah memenuhi syarat." });
    let visited = acted(&app, &officer, Method::PUT, id, &format!("/visits/{visit_id}"), Some(&done), 200).await;
    assert_eq!(
        (visited.visits[0].status, visited.visits[0].scheduled_for),
        (VisitStatus::Done, Some(1_795_478_400_000))
    );
    let answered = json!({ "status": "dijawab" });
    assert_eq!(
        acted(&app, &officer, Method::POST, id, "/status", Some(&answered), 200).await.status,
        ConsultationStatus::Answered
    );

    // The seller reads the reply, sees no staff tools, and has notifications with WhatsApp to the officer.
    let mine = acted(&app, &seller, Method::GET, id, "", None, 200).await;
    assert_eq!(mine.status, ConsultationStatus::Answered);
    assert_eq!(mine.messages.len(), 1);
    assert_eq!(
        (mine.messages[0].side, mine.messages[0].author_name.as_str()),
        (DeskSide::Staff, "Baiq Petugas Koperasi")
    );
    assert!(mine.submitter.phone.is_none() && mine.viewer.whatsapp_link.is_none() && mine.viewer.assignees.is_empty());
    assert_eq!(mine.viewer.moves, [ConsultationStatus::Closed]);
    let own = app.call_json(Method::GET, "/api/v1/consultations/mine", Some(&seller), None, 200).await;
    assert_eq!(own[0]["id"], id);
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&seller), None, 200).await;
    let about: Vec<&Value> =
        notes["items"].as_array().unwrap().iter().filter(|n| n["link"] == format!("/konsultasi/{id}")).collect();
    assert!(about.len() >= 3, "reply, visit and answered: {notes}");
    assert!(about.iter().any(|n| n["title"].as_str().unwrap().starts_with("Balasan untuk konsultasi")));
    assert!(about.iter().all(|n| n["whatsapp_link"].as_str().unwrap().starts_with("https://wa.me/6285711112222")));

    // Published as an anonymised FAQ entry: the rewritten text and the topic, nothing about the seller.
    let faq = json!({ "question": "Apa saja syarat PIRT untuk sambal botolan?",
        "answer": "Buat NIB lewat OSS, ikuti penyuluhan keamanan pangan, lalu dapur diperiksa petugas." });
    let published = acted(&app, &officer, Method::PUT, id, "/faq", Some(&faq), 200).await;
    assert!(published.faq.as_ref().is_some_and(|f| f.published));
    let public = app.get("/api/v1/consultations/faq").await;
    assert_eq!(public.status(), 200);
    let text = public.text().await.unwrap();
    assert!(text.contains("Apa saja syarat PIRT untuk sambal botolan?") && text.contains("\"perizinan\""), "{text}");
    for secret in ["Senggigi", "6281234560002", "0812-3456-0002", "Pengelola", "menitipkan", "Baiq Petugas"] {
        assert!(!text.contains(secret), "the FAQ shows {secret}: {text}");
    }
    acted(&app, &officer, Method::DELETE, id, "/faq", None, 200).await;
    let after: Value = app.get_json("/api/v1/consultations/faq", 200).await;
    assert!(after.as_array().unwrap().iter().all(|e| e["id"] != id), "taken down");

    // The seller follows up: back in progress, and the assignee hears of it.
    let follow = json!({ "body": "Terima kasih. Apakah label harus mencantumkan tanggal produksi?" });
    let again = acted(&app, &seller, Method::POST, id, "/messages", Some(&follow), 201).await;
    assert_eq!(again.status, ConsultationStatus::InProgress);
    let officer_notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&officer), None, 200).await;
    let to_officer = &officer_notes["items"][0];
    assert_eq!(to_officer["link"], format!("/konsultasi/{id}"));
    assert!(to_officer["whatsapp_link"].as_str().unwrap().starts_with("https://wa.me/6281234560002"));

    // Revoked, the officer no longer finds it.
    let revoke = format!("/api/v1/admin/consultants/{}", granted["id"]);
    app.call_json(Method::DELETE, &revoke, Some(&admin), None, 204).await;
    let gone = app.call(Method::GET, &format!("/api/v1/consultations/{id}"), Some(&officer), None).await;
    assert_eq!(gone.status(), 404);
    assert_eq!(app.count("audit_log", "action LIKE 'consultant.%'").await, 2);
}

async fn assert_problem_status(app: &TestApp, cookie: &str, path: &str, status: u16) {
    lapak_tests::assert_problem(app.call(Method::GET, path, Some(cookie), None).await, status).await;
}

/// `/konsultasi` is a public page with its own title and description; the pages under it are private.
async fn the_desk_pages_are_served(app: TestApp) {
    let html = app.get("/konsultasi").await.text().await.unwrap();
    assert!(html.contains("<title>Konsultasi Usaha Desa — Lapak Desa</title>"), "{html}");
    assert!(html.contains("PIRT") && !html.contains("noindex"), "{html}");
    for path in ["/konsultasi/baru", "/konsultasi/antrian", "/konsultasi/12"] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert!(res.text().await.unwrap().contains("noindex"), "{path}");
    }
    let sitemap = app.get("/sitemap.xml").await.text().await.unwrap();
    assert!(sitemap.contains("/konsultasi</loc>"));
    // The demo desk: its consultant and a published FAQ entry.
    let faq: Value = app.get_json("/api/v1/consultations/faq", 200).await;
    assert!(faq.as_array().unwrap().iter().any(|e| e["question"].as_str().unwrap().contains("PIRT")), "{faq}");
    assert_eq!(app.count("consultants", "region_code = '52.01'").await, 1);
}
