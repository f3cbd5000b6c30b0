//! What every operation answers besides its own statuses, added to the document in one place: errors as
//! `application/problem+json`, and the statuses that extractors, guards and layers answer on any route.

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

/// The methods the API serves (HEAD follows GET; OPTIONS is not served).
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Completes every operation of `doc` (the document as JSON).
pub fn complete(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for (method, operation) in item.iter_mut() {
            if METHODS.contains(&method.as_str()) {
                complete_operation(method == "get", path.contains('{'), operation);
            }
        }
    }
}

fn complete_operation(safe: bool, templated: bool, operation: &mut Value) {
    let parameters = operation.get("parameters").and_then(Value::as_array).is_some_and(|p| !p.is_empty());
    let content = operation.get("requestBody").and_then(|b| b.get("content")).and_then(Value::as_object);
    let body = content.cloned().unwrap_or_default();
    let json_body = body.contains_key("application/json");
    let Some(responses) = operation.get_mut("responses").and_then(Value::as_object_mut) else {
        return;
    };
    let guarded = responses.contains_key("403");
    let answers = [
        // A guard answers 403 to someone signed in without the right; to nobody signed in, 401.
        (StatusCode::UNAUTHORIZED, guarded),
        // The CSRF guard refuses a state-changing request without the app's header.
        (StatusCode::FORBIDDEN, !safe),
        // A path or query parameter that does not parse, a control character in the address, a body that
        // is not the documented JSON.
        (StatusCode::BAD_REQUEST, templated || parameters || !body.is_empty()),
        (StatusCode::NOT_FOUND, templated),
        (StatusCode::PAYLOAD_TOO_LARGE, !body.is_empty()),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, !body.is_empty()),
        // The JSON extractor refuses text with control characters, naming the field.
        (StatusCode::UNPROCESSABLE_ENTITY, json_body),
        // The request timeout, a busy or unreachable database.
        (StatusCode::SERVICE_UNAVAILABLE, true),
    ];
    for (status, answered) in answers {
        if answered {
            responses.entry(status.as_str().to_owned()).or_insert_with(|| json!({}));
        }
    }
    for (status, response) in responses.iter_mut() {
        describe(status, response);
    }
}

/// Every response gets a description (the document requires one); errors are problem documents.
fn describe(status: &str, response: &mut Value) {
    let Some(response) = response.as_object_mut() else { return };
    let code = status.parse::<u16>().ok().and_then(|s| StatusCode::from_u16(s).ok());
    let described = response.get("description").and_then(Value::as_str).is_some_and(|d| !d.is_empty());
    if !described {
        let reason = code.and_then(|c| c.canonical_reason()).unwrap_or("Response");
        response.insert("description".into(), reason.into());
    }
    if code.is_some_and(|c| c.is_client_error() || c.is_server_error()) {
        let problem = json!({ "schema": { "$ref": "#/components/schemas/Problem" } });
        response
            .insert("content".into(), Value::Object(Map::from_iter([("application/problem+json".into(), problem)])));
    }
}
