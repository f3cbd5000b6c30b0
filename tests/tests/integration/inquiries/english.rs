//! Inquiries from the English pages: sent with `lang: en`, one is kept with its language and reaches the
//! shop with Indonesian labels, marked to be answered in English, with a WhatsApp reply written in English;
//! an English form with bad input is refused in English and writes nothing; an older client that sends no
//! language is taken as Indonesian.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{Lang, inquiry::FROM_ENGLISH_PAGE};

use super::{LOMBOK_BARAT, SENGGIGI_BAHARI, inquiry, list, send, shop};

on_both_databases!(an_english_inquiry_reaches_the_shop_marked_english, english_forms_are_refused_in_english);

/// An export inquiry from an English page about `target`.
fn english(target: Value, whatsapp: &str) -> Value {
    let mut body = inquiry(target, whatsapp);
    for (key, value) in [
        ("lang", json!("en")),
        ("kind", json!("ekspor")),
        ("buyer_name", json!("Pieter Jansen")),
        ("organisation", json!("Jansen Trading B.V.")),
        ("destination", json!("Rotterdam")),
        ("dest_country", json!("NL")),
        ("message", json!("Please send your price for a 20 ft container.")),
    ] {
        body[key] = value;
    }
    body
}

async fn an_english_inquiry_reaches_the_shop_marked_english(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let sent = send(&app, &english(json!({ "product_id": bahari.product }), "+31 6 1234 5678")).await;
    let id = sent["id"].as_i64().unwrap();
    let follow = sent["whatsapp_link"].as_str().unwrap();
    assert!(
        follow.starts_with("https://wa.me/6281234560002?text=Hello%20"),
        "the buyer's follow-up in English: {follow}"
    );
    assert!(follow.contains(&format!("export%20inquiry%20%23{id}")), "{follow}");
    // An older client sends no language: Indonesian, as before.
    let old = send(&app, &inquiry(json!({ "product_id": bahari.product }), "0857 3333 0001")).await;
    let old_id = old["id"].as_i64().unwrap();
    assert!(old["whatsapp_link"].as_str().unwrap().contains("text=Halo%20"));
    assert_eq!(app.count("inquiries", &format!("id = {id} AND lang = 'en'")).await, 1, "kept with its language");
    assert_eq!(app.count("inquiries", &format!("id = {old_id} AND lang = 'id'")).await, 1);

    // The shop: Indonesian labels, the language, a reply in English to the buyer abroad.
    let found = list(&app, &format!("/api/v1/shops/{}/inquiries", bahari.id), &bahari.cookie).await;
    let item = found.items.iter().find(|i| i.id == id).expect("in the shop's list");
    assert_eq!((item.lang, item.kind.label(), item.status.label()), (Lang::En, "Ekspor", "Baru"));
    assert_eq!((item.buyer_whatsapp.as_str(), item.dest_country.as_str()), ("31612345678", "NL"));
    let reply = &item.whatsapp_link;
    assert!(reply.starts_with("https://wa.me/31612345678?text=Hello%20Pieter%20Jansen"), "{reply}");
    assert!(reply.contains("export%20inquiry") && reply.contains("Rotterdam%20%28Netherlands%29"), "{reply}");
    let older = found.items.iter().find(|i| i.id == old_id).expect("the older one too");
    assert_eq!(older.lang, Lang::Id);
    assert!(older.whatsapp_link.contains("text=Halo%20Hj.%20Nurhayati"));

    // Its notification stays Indonesian and says where the buyer wrote from.
    let notes = app.call_json(Method::GET, "/api/v1/me/notifications", Some(&bahari.cookie), None, 200).await;
    let note = notes["items"].as_array().unwrap().iter().find(|n| n["body"].as_str().unwrap().contains("Pieter"));
    let note = note.expect("the shop is told");
    assert_eq!(note["title"], "Permintaan ekspor baru");
    let body = note["body"].as_str().unwrap();
    assert!(body.contains("Pieter Jansen (Jansen Trading B.V.) meminta 500 kg"), "{body}");
    assert!(body.contains("tujuan Rotterdam (Belanda)") && body.contains(FROM_ENGLISH_PAGE), "{body}");
    assert!(note["whatsapp_link"].as_str().unwrap().starts_with("https://wa.me/31612345678?text=Hello%20"));

    // The district's admins see its language too, and reply in English for the village.
    let admin = app.session_for(app.user_id(LOMBOK_BARAT).await).await;
    let queue = list(&app, "/api/v1/admin/inquiries", &admin).await;
    let item = queue.items.iter().find(|i| i.id == id).expect("in the admins' queue");
    assert_eq!(item.lang, Lang::En);
    assert!(item.whatsapp_link.contains("This%20is%20Desa%20Senggigi"), "{}", item.whatsapp_link);
}

async fn english_forms_are_refused_in_english(app: TestApp) {
    let bahari = shop(&app, SENGGIGI_BAHARI).await;
    let product = json!({ "product_id": bahari.product });
    let with = |change: &dyn Fn(&mut Value)| {
        let mut body = english(product.clone(), "+31 6 1234 5678");
        change(&mut body);
        body
    };
    let before = (app.count("inquiries", "1 = 1").await, app.count("notifications", "1 = 1").await);
    // (body, field, the English message)
    let cases: Vec<(Value, &str, &str)> = vec![
        (with(&|b| b["quantity"] = json!(0)), "quantity", "The quantity is at least 1."),
        (with(&|b| b["quantity"] = json!(1_000_000_000)), "quantity", "The quantity is at most 100,000,000."),
        (with(&|b| b["buyer_whatsapp"] = json!("")), "buyer_whatsapp", "Please write your WhatsApp number."),
        (with(&|b| b["buyer_whatsapp"] = json!("12345")), "buyer_whatsapp", "a number abroad starting with +"),
        (with(&|b| b["buyer_name"] = json!("P")), "buyer_name", "Your name: 2 to 80 characters."),
        (with(&|b| b["dest_country"] = json!("ID")), "dest_country", "outside Indonesia"),
        (with(&|b| b["needed_by"] = json!("2020-01")), "needed_by", "That time has passed"),
        (with(&|b| b["buyer_email"] = json!("not-an-address")), "buyer_email", "not valid"),
    ];
    for (body, field, words) in cases {
        let problem = assert_problem(app.call(Method::POST, "/api/v1/inquiries", None, Some(&body)).await, 422).await;
        let found = problem.fields.iter().find(|f| f.field == field);
        let message = &found.unwrap_or_else(|| panic!("{field}: {problem:?}")).message;
        assert!(message.contains(words), "{field}: {message}");
        assert_eq!(problem.detail, *message, "one field: its message is the detail");
    }
    // What is not there, in English too.
    let gone = english(json!({ "product_id": 99_999_999 }), "+31 6 1234 5678");
    let res = app.call(Method::POST, "/api/v1/inquiries", None, Some(&gone)).await;
    assert!(assert_problem(res, 404).await.detail.starts_with("This product was not found"));
    assert_eq!(
        (app.count("inquiries", "1 = 1").await, app.count("notifications", "1 = 1").await),
        before,
        "nothing was written"
    );
    // The same inquiry twice: the second is refused in English.
    let body = english(product.clone(), "+31 6 1234 5679");
    send(&app, &body).await;
    let res = app.call(Method::POST, "/api/v1/inquiries", None, Some(&body)).await;
    assert!(assert_problem(res, 409).await.detail.starts_with("The same inquiry was just sent"));
}
