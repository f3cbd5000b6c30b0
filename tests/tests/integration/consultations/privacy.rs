//! Who may read and act on a consultation about Darmaji: its asker, Darmaji's village admin, the district
//! admin of NTB and a consultant of Lombok Tengah. Another shopper, a seller of another village, the village
//! admin of another village, the district admin of Lombok Barat and a consultant of Lombok Barat find
//! nothing (404) on reading and on every action, see nothing of it in their lists, and change nothing.

use backend::admin::queries::grants;
use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::Role;

use super::{
    DARMA_TANI, DARMAJI_ADMIN, LOMBOK_BARAT_ADMIN, NTB_ADMIN, SENGGIGI_BAHARI, SHOPPER, act, grant, new_account,
    question, queue_ids, session, shop_of,
};

on_both_databases!(outsiders_find_nothing);

/// Every request on one consultation, with a body that would succeed for its staff.
fn every_request(visit: i64) -> Vec<(Method, String, Option<Value>)> {
    let faq =
        json!({ "question": "Apa syarat PIRT sambal?", "answer": "NIB, penyuluhan keamanan pangan, pemeriksaan." });
    vec![
        (Method::GET, String::new(), None),
        (Method::POST, "/messages".into(), Some(json!({ "body": "Boleh saya bantu?" }))),
        (Method::POST, "/status".into(), Some(json!({ "status": "diproses" }))),
        (Method::PUT, "/assignment".into(), Some(json!({ "office": "dinas_kesehatan", "assignee_id": null }))),
        (Method::POST, "/visits".into(), Some(json!({ "status": "diminta" }))),
        (Method::PUT, format!("/visits/{visit}"), Some(json!({ "status": "batal" }))),
        (Method::PUT, "/faq".into(), Some(faq)),
        (Method::DELETE, "/faq".into(), None),
    ]
}

/// What the consultation's rows look like, to show nothing changed.
async fn snapshot(app: &TestApp, id: i64) -> (String, i64, i64, String) {
    let (status, office): (String, Option<String>) =
        sqlx::query_as("SELECT status, office FROM consultations WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db().pool)
            .await
            .unwrap();
    let messages = app.count("consultation_messages", &format!("consultation_id = {id}")).await;
    let visits = app.count("consultation_visits", &format!("consultation_id = {id} AND status = 'diminta'")).await;
    (status, messages, visits, office.unwrap_or_default())
}

async fn outsiders_find_nothing(app: TestApp) {
    let asker = session(&app, DARMA_TANI).await;
    let place = shop_of(&app, DARMA_TANI).await;
    let darmaji = place.village;
    let id = super::submit(&app, &asker, &question(&place.slug, Some(place.shop))).await.id;
    // A requested visit (by Darmaji's village admin) for the visit actions to aim at.
    let village_admin = session(&app, DARMAJI_ADMIN).await;
    let visited =
        super::acted(&app, &village_admin, Method::POST, id, "/visits", Some(&json!({ "status": "diminta" })), 201)
            .await;
    let visit = visited.visits[0].id;
    // Its answered twin, so publishing would be allowed for staff.
    let twin = super::submit(&app, &asker, &question(&place.slug, None)).await.id;
    sqlx::query("UPDATE consultations SET status = 'dijawab' WHERE id = $1")
        .bind(twin)
        .execute(&app.db().pool)
        .await
        .unwrap();

    let lombok_barat = session(&app, LOMBOK_BARAT_ADMIN).await;
    let (far_consultant, _) = new_account(&app, "Petugas Lombok Barat", "085722220001").await;
    grant(&app, &lombok_barat, "085722220001", "52.01", "dinas_perindustrian").await;
    let (senggigi_admin, senggigi_admin_id) = new_account(&app, "Operator Senggigi", "085722220002").await;
    let senggigi: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'senggigi'").fetch_one(&app.db().pool).await.unwrap();
    let mut conn = app.db().pool.acquire().await.unwrap();
    grants::insert(&mut conn, senggigi_admin_id, Role::VillageAdmin, Some(senggigi), None, None).await.unwrap();
    drop(conn);
    let outsiders = [
        ("another shopper", session(&app, SHOPPER).await, false),
        ("a seller of another village", session(&app, SENGGIGI_BAHARI).await, false),
        ("the village admin of another village", senggigi_admin, true),
        ("the district admin of another region", lombok_barat, true),
        ("a consultant of another region", far_consultant, true),
    ];

    let before = (snapshot(&app, id).await, snapshot(&app, twin).await);
    for (who, cookie, staff_elsewhere) in &outsiders {
        for (method, rest, body) in every_request(visit) {
            for target in [id, twin] {
                let res = act(&app, cookie, method.clone(), target, &rest, body.as_ref()).await;
                let problem = assert_problem(res, 404).await;
                assert_eq!(problem.detail, "Konsultasi tidak ditemukan.", "{who}: {method} {rest}");
            }
        }
        let mine = app.call_json(Method::GET, "/api/v1/consultations/mine", Some(cookie), None, 200).await;
        assert!(mine.as_array().unwrap().iter().all(|c| c["id"] != id && c["id"] != twin), "{who}: {mine}");
        let queue = app.call(Method::GET, "/api/v1/consultations/queue", Some(cookie), None).await;
        if *staff_elsewhere {
            assert_eq!(queue.status(), 200, "{who}");
            for query in ["", &format!("?desa={darmaji}"), "?status=baru", "?topik=perizinan"] {
                let ids = queue_ids(&app, cookie, query).await;
                assert!(!ids.contains(&id) && !ids.contains(&twin), "{who} sees it in queue{query}");
            }
        } else {
            assert_problem(queue, 403).await;
        }
        let faq = app.call_json(Method::GET, "/api/v1/consultations/faq", Some(cookie), None, 200).await;
        assert!(faq.as_array().unwrap().iter().all(|e| e["id"] != twin), "{who}");
    }
    assert_eq!((snapshot(&app, id).await, snapshot(&app, twin).await), before, "nothing changed");
    let notes = app.count("notifications", &format!("link IN ('/konsultasi/{id}', '/konsultasi/{twin}')")).await;
    assert_eq!(notes, 1, "only the visit was told about");

    // The asker reads it but makes no staff move; its staff read and act.
    for (method, rest, body) in every_request(visit).into_iter().skip(2) {
        assert_problem(act(&app, &asker, method.clone(), id, &rest, body.as_ref()).await, 403).await;
    }
    let (lombok_tengah, _) = new_account(&app, "Petugas Lombok Tengah", "085722220003").await;
    let ntb = session(&app, NTB_ADMIN).await;
    grant(&app, &ntb, "085722220003", "52.02", "dinas_perdagangan").await;
    for (who, cookie) in
        [("asker", &asker), ("village admin", &village_admin), ("NTB", &ntb), ("consultant", &lombok_tengah)]
    {
        let res = act(&app, cookie, Method::GET, id, "", None).await;
        assert_eq!(res.status(), 200, "{who}");
    }
    for cookie in [&village_admin, &ntb, &lombok_tengah] {
        assert!(queue_ids(&app, cookie, &format!("?desa={darmaji}")).await.contains(&id));
    }
    let reply = json!({ "body": "Kami bantu, ya." });
    assert_eq!(act(&app, &lombok_tengah, Method::POST, id, "/messages", Some(&reply)).await.status(), 201);
}
