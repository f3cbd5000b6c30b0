//! The methods the document lists for each API path: another method on a documented path answers 405
//! with `Allow`, before any guard, so a client learns what the address takes instead of a 403 or 404.

use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::Method,
    middleware::Next,
    response::{IntoResponse, Response},
};
use serde_json::Value;

use crate::error::AppError;

/// Documented path templates (`/api/v1/villages/{slug}`) and the methods of each.
pub struct DocumentedMethods(matchit::Router<Vec<Method>>);

impl DocumentedMethods {
    pub fn from_document(doc: &Value) -> DocumentedMethods {
        let mut router = matchit::Router::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            let mut methods: Vec<Method> = item
                .as_object()
                .into_iter()
                .flat_map(|operations| operations.keys())
                .filter_map(|name| Method::from_bytes(name.to_uppercase().as_bytes()).ok())
                .collect();
            if methods.contains(&Method::GET) {
                methods.push(Method::HEAD);
            }
            if let Err(e) = router.insert(path.clone(), methods) {
                tracing::warn!(path, error = %e, "documented path not matched for 405 answers");
            }
        }
        DocumentedMethods(router)
    }

    /// The `Allow` value when `path` is documented and `method` is not among its methods.
    pub fn refused(&self, method: &Method, path: &str) -> Option<String> {
        let methods = self.0.at(path).ok()?.value;
        if methods.contains(method) {
            return None;
        }
        Some(methods.iter().map(Method::as_str).collect::<Vec<_>>().join(", "))
    }
}

/// Answers 405 for a method the document does not list on a documented path.
pub async fn refuse_undocumented(State(methods): State<Arc<DocumentedMethods>>, req: Request, next: Next) -> Response {
    match methods.refused(req.method(), req.uri().path()) {
        Some(allow) => AppError::MethodNotAllowed { allow }.into_response(),
        None => next.run(req).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_methods_on_documented_paths_are_refused_with_allow() {
        let doc = serde_json::json!({ "paths": {
            "/api/v1/villages/{slug}": { "get": {} },
            "/api/v1/me": { "get": {}, "patch": {} },
        }});
        let methods = DocumentedMethods::from_document(&doc);
        assert_eq!(methods.refused(&Method::DELETE, "/api/v1/villages/darmaji").as_deref(), Some("GET, HEAD"));
        assert_eq!(methods.refused(&Method::HEAD, "/api/v1/villages/darmaji"), None);
        assert_eq!(methods.refused(&Method::PATCH, "/api/v1/me"), None);
        assert_eq!(methods.refused(&Method::POST, "/api/v1/me").as_deref(), Some("GET, PATCH, HEAD"));
        assert_eq!(methods.refused(&Method::POST, "/api/v1/tidak-ada"), None, "unknown paths stay 404");
    }
}
