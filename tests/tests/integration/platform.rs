//! Probes, the OpenAPI document, security headers, and errors outside handlers.

use lapak_tests::{TestApp, assert_problem, header, on_both_databases};

on_both_databases!(
    probes_answer,
    ready_is_503_without_a_database,
    unknown_api_paths_are_json_404,
    wrong_methods_and_oversized_bodies_are_problems,
    openapi_documents_every_route,
    every_response_carries_security_headers,
    shutdown_stops_accepting_and_closes_the_pool,
);

async fn probes_answer(app: TestApp) {
    assert_eq!(app.get_json("/api/v1/health", 200).await["status"], "ok");
    assert_eq!(app.get_json("/api/v1/ready", 200).await["status"], "ok");
}

async fn ready_is_503_without_a_database(app: TestApp) {
    app.db().pool.close().await;
    assert_eq!(app.get("/api/v1/health").await.status(), 200, "the process is still alive");
    let problem = assert_problem(app.get("/api/v1/ready").await, 503).await;
    assert!(problem.detail.contains("Coba lagi"));
}

async fn unknown_api_paths_are_json_404(app: TestApp) {
    for path in ["/api/v1/tidak-ada", "/api/v2/villages", "/api/"] {
        let problem = assert_problem(app.get(path).await, 404).await;
        assert_eq!(problem.title, "Not Found");
    }
}

async fn wrong_methods_and_oversized_bodies_are_problems(app: TestApp) {
    let res = app.client.delete(app.url("/api/v1/villages/darmaji")).header("x-lapak-csrf", "1").send().await.unwrap();
    assert_problem(res, 405).await;
    // JSON bodies are limited to 1 MiB (uploads, to their own limit: images.rs).
    let big = format!("{{\"login\":\"{}\",\"password\":\"x\"}}", "8".repeat(2 * 1024 * 1024));
    let request = app.client.post(app.url("/api/v1/auth/sign-in")).header("x-lapak-csrf", "1");
    let res = request.header("content-type", "application/json").body(big).send().await.unwrap();
    let problem = assert_problem(res, 413).await;
    assert!(problem.detail.contains("terlalu besar"));
    assert_eq!(app.get_json("/api/v1/villages", 200).await["total"], 11, "nothing changed");
}

async fn openapi_documents_every_route(app: TestApp) {
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in ["/api/v1/health", "/api/v1/ready", "/api/v1/villages", "/api/v1/villages/{slug}", "/api/v1/regions"] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    for path in ["/api/v1/auth/sign-in", "/api/v1/me", "/api/v1/admin/villages", "/api/v1/shops/{id}/producers"] {
        assert!(paths.contains_key(path), "{path} is documented");
    }
    // Every documented endpoint is called, as every kind of user, by the access matrix (access/).
    for (path, operations) in paths {
        // A GET without parameters that documents no 401 is public: it answers anyone.
        let public_get =
            operations.get("get").is_some_and(|get| get["responses"].get("401").is_none()) && !path.contains('{');
        if public_get {
            assert_eq!(app.get(path).await.status(), 200, "documented {path} answers");
        }
    }
    assert!(doc["components"]["schemas"]["VillageDetail"].is_object());
    assert!(doc["components"]["schemas"]["Me"].is_object());
}

async fn every_response_carries_security_headers(app: TestApp) {
    for path in ["/", "/desa/darmaji", "/api/v1/villages", "/api/v1/tidak-ada", "/favicon.svg"] {
        let res = app.get(path).await;
        let csp = header(&res, "content-security-policy");
        for directive in [
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(csp.contains(directive), "{path}: CSP has {directive}: {csp}");
        }
        assert_eq!(header(&res, "x-content-type-options"), "nosniff", "{path}");
        assert!(!header(&res, "referrer-policy").is_empty(), "{path}");
        assert!(!header(&res, "x-request-id").is_empty(), "{path} has a request id");
    }
}

async fn shutdown_stops_accepting_and_closes_the_pool(mut app: TestApp) {
    assert_eq!(app.get("/api/v1/health").await.status(), 200);
    app.shut_down().await;
    assert!(app.db().pool.is_closed(), "the database pool is closed");
    assert!(tokio::net::TcpStream::connect(app.addr).await.is_err(), "no new connections");
}
