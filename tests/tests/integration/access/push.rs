//! The matrix rows of push notifications: the server's VAPID key (anyone), and one's own devices
//! (everyone signed in, each their own: removing asks for a device of the one asking).

use lapak_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

use super::{all, fixture::Fixture, signed_in};

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/push/key" => all(200),
        "GET /api/v1/me/push" => signed_in(200),
        "POST /api/v1/me/push" => signed_in(201),
        "DELETE /api/v1/me/push/{id}" => signed_in(204),
        _ => return None,
    })
}

pub const ROWS: &[&str] =
    &["GET /api/v1/push/key", "GET /api/v1/me/push", "POST /api/v1/me/push", "DELETE /api/v1/me/push/{id}"];

/// A browser's subscription at a push service that is never reached (`.invalid`), unique per call.
fn subscription(name: &str) -> Value {
    json!({ "endpoint": format!("https://push.lapak.invalid/wpush/{name}-{}", backend::db::now_ms()),
        "keys": { "p256dh": "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
            "auth": "BTBZMqHH6r4Tts7J_aSIgg" } })
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, role: usize) -> Option<(String, Option<Value>)> {
    Some(match endpoint {
        "POST /api/v1/me/push" => ("/api/v1/me/push".into(), Some(subscription(&format!("akses-{role}")))),
        "DELETE /api/v1/me/push/{id}" => {
            let id = match fx.users[role] {
                Some(user) => {
                    let cookie = app.session_for(user).await;
                    let body = subscription(&format!("hapus-{role}"));
                    let device = app.call_json(Method::POST, "/api/v1/me/push", Some(&cookie), Some(&body), 201).await;
                    device["id"].as_i64().expect("an id")
                }
                None => 1,
            };
            (format!("/api/v1/me/push/{id}"), None)
        }
        _ => return None,
    })
}
