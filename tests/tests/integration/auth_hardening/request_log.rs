//! The request log, captured from the whole application: it never carries a reset token, a session
//! token or a password, whatever the address or the body.

use std::{
    io::Write,
    sync::{Arc, Mutex},
};

use axum::{body::Body, http::Request};
use lapak_tests::{DEMO_PASSWORD, TestApp, on_both_databases};
use tower::ServiceExt;
use tracing::instrument::WithSubscriber;

on_both_databases!(the_request_log_keeps_no_secret);

/// Log output collected in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

async fn the_request_log_keeps_no_secret(app: TestApp) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let dispatch = tracing::Dispatch::new(subscriber);
    let token = backend::auth::token::generate().unwrap();
    let session = app.sign_in("081100000001", DEMO_PASSWORD).await;
    let json = |method: &str, path: String, body: String| {
        Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/json")
            .header("x-lapak-csrf", "1")
            .header("cookie", session.as_str())
            .body(Body::from(body))
            .unwrap()
    };
    let requests = [
        // An old app version asking about its link the old way, and the new way.
        json("GET", format!("/api/v1/auth/reset/{token}"), String::new()),
        json("POST", "/api/v1/auth/reset/info".into(), format!(r#"{{"token":"{token}"}}"#)),
        // A link pasted with a slash for the `#`, a token in a route parameter and in a query.
        json("GET", format!("/akun/atur-sandi/{token}"), String::new()),
        json("GET", format!("/api/v1/orders/{token}"), String::new()),
        json("GET", format!("/produk?q={token}&kode={token}"), String::new()),
        json("POST", "/api/v1/auth/sign-in".into(), format!(r#"{{"login":"081100000001","password":"{token}"}}"#)),
    ];
    // The server's log statements were met before this subscriber existed: have them ask it again.
    async { tracing::callsite::rebuild_interest_cache() }.with_subscriber(dispatch.clone()).await;
    let router = backend::app(app.state.clone());
    for request in requests {
        let path = request.uri().to_string();
        let res = router.clone().oneshot(request).with_subscriber(dispatch.clone()).await.unwrap();
        assert!(res.status().as_u16() < 500, "{path}: {}", res.status());
    }
    let log = captured.text();
    assert!(log.contains("path=/api/v1/auth/reset/info"), "the log was captured:\n{log}");
    assert!(log.contains("finished processing request"), "{log}");
    let session_token = session.split_once('=').unwrap().1;
    for secret in [token.as_str(), session_token, DEMO_PASSWORD] {
        assert!(!log.contains(secret), "the log holds a secret ({secret}):\n{log}");
    }
}
