//! Speaking to the API as somebody: JSON requests with the CSRF header and a session cookie, signing
//! in through the API, or (for fixtures) starting a session straight in the database.

use reqwest::{Method, Response};
use serde_json::Value;

use crate::TestApp;

/// The demo accounts' password (see `backend::demo::accounts`).
pub const DEMO_PASSWORD: &str = backend::demo::accounts::PASSWORD;

impl TestApp {
    /// Sends `method path` with an optional JSON body as the holder of `cookie` (none: anonymous),
    /// with the header the app's own client sends on every state-changing request.
    pub async fn call(&self, method: Method, path: &str, cookie: Option<&str>, body: Option<&Value>) -> Response {
        let mut request = self.client.request(method, self.url(path)).header("x-lapak-csrf", "1");
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.expect("request reaches the server")
    }

    /// `call` that expects `status` and returns the JSON body (`null` for an empty one).
    pub async fn call_json(
        &self,
        method: Method,
        path: &str,
        cookie: Option<&str>,
        body: Option<&Value>,
        status: u16,
    ) -> Value {
        let res = self.call(method.clone(), path, cookie, body).await;
        let got = res.status().as_u16();
        let text = res.text().await.unwrap_or_default();
        assert_eq!(got, status, "{method} {path}: {text}");
        if text.is_empty() { Value::Null } else { serde_json::from_str(&text).expect("JSON body") }
    }

    /// Uploads `bytes` as a file of `content_type` (with the CSRF header) as the holder of `cookie`.
    pub async fn upload(&self, path: &str, cookie: Option<&str>, content_type: &str, bytes: Vec<u8>) -> Response {
        let mut request = self
            .client
            .post(self.url(path))
            .header("x-lapak-csrf", "1")
            .header("content-type", content_type)
            .body(bytes);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.expect("request reaches the server")
    }

    /// Signs in through the API and returns the `Cookie` header value for the new session.
    pub async fn sign_in(&self, login: &str, password: &str) -> String {
        let body = serde_json::json!({ "login": login, "password": password });
        let res = self.call(Method::POST, "/api/v1/auth/sign-in", None, Some(&body)).await;
        assert_eq!(res.status().as_u16(), 200, "sign in as {login}");
        session_cookie(&res).expect("sign-in sets the session cookie")
    }

    /// Starts a session for `user_id` directly in the database (fixtures that skip password hashing).
    pub async fn session_for(&self, user_id: i64) -> String {
        let token = backend::auth::session::create(self.db(), user_id, "test").await.expect("session");
        format!("lapak_session={token}")
    }

    /// The id of the account with this phone number (any usual form).
    pub async fn user_id(&self, phone: &str) -> i64 {
        let phone = shared::Phone::parse(phone).expect("phone");
        sqlx::query_scalar("SELECT id FROM users WHERE phone = $1")
            .bind(phone.as_str())
            .fetch_one(&self.db().pool)
            .await
            .expect("user exists")
    }

    /// Counts the rows of `table` (one of the app's own tables) matching an SQL `condition`.
    pub async fn count(&self, table: &str, condition: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE {condition}"))
            .fetch_one(&self.db().pool)
            .await
            .expect("count rows")
    }
}

/// The `Cookie` header value for the session a response set (`name=value`), if it set one.
pub fn session_cookie(res: &Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("lapak_session=") && !v.contains("Max-Age=0"))
        .and_then(|v| v.split(';').next())
        .map(str::to_owned)
}
