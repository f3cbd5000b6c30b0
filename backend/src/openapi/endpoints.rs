//! Holds the OpenAPI document (made from the handlers) to the endpoints declared in `shared::api`
//! (which the frontend calls): the same operations, path fields, body and answer types, so neither
//! side can change an endpoint without the other.

use serde_json::Value;
use shared::api::{self, Declared};

/// `shared::account::Me` as the document names it (`Me`), `Vec<T>` as `Vec<T>`, `Page<T>` as `Page_T`.
fn rust_name(type_name: &str) -> String {
    let mut name = String::new();
    let mut word = String::new();
    for c in type_name.chars() {
        match c {
            ':' => word.clear(),
            '<' | '>' | ',' | ' ' | '(' | ')' => {
                name.push_str(&word);
                word.clear();
                name.push(c);
            }
            c => word.push(c),
        }
    }
    name.push_str(&word);
    match name.strip_prefix("Page<").and_then(|inner| inner.strip_suffix('>')) {
        Some(inner) => format!("Page_{inner}"),
        None => name,
    }
}

/// The Rust name of the type a schema of the document stands for.
fn schema_name(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        return reference.rsplit('/').next().unwrap_or_default().to_string();
    }
    if schema["type"] == "array" {
        return format!("Vec<{}>", schema_name(&schema["items"]));
    }
    schema.to_string()
}

/// What an operation's content of `body` says of its type: JSON by its schema, a file by its kind.
fn content_name(content: Option<&Value>) -> String {
    let Some(content) = content.and_then(Value::as_object).filter(|c| !c.is_empty()) else {
        return "()".to_string();
    };
    match content.get("application/json") {
        Some(json) => schema_name(&json["schema"]),
        None if content.keys().all(|kind| kind.starts_with("image/")) => "Picture".to_string(),
        None => "Download".to_string(),
    }
}

/// The operation's request body and successful answer, as Rust names.
fn operation_types(operation: &Value) -> (String, String) {
    let body = content_name(operation.pointer("/requestBody/content"));
    let responses = operation["responses"].as_object().into_iter().flatten();
    let success = responses.filter(|(status, _)| status.starts_with('2')).map(|(_, answer)| answer).next();
    (body, content_name(success.and_then(|answer| answer.get("content"))))
}

fn path_fields(operation: &Value) -> Vec<String> {
    let parameters = operation["parameters"].as_array().into_iter().flatten();
    parameters.filter(|p| p["in"] == "path").filter_map(|p| p["name"].as_str()).map(str::to_string).collect()
}

fn describe(declared: &Declared) -> String {
    format!("{} {}", declared.method.as_str(), declared.path)
}

#[test]
fn every_operation_is_its_declared_endpoint() {
    let config = crate::config::Config::from_lookup(|_| None).expect("the default configuration");
    let (_, document) = super::api(&config);
    let mut problems = Vec::new();
    for declared in api::all() {
        let Some(operation) = document["paths"][declared.path].get(declared.method.as_str()) else {
            problems.push(format!("{}: declared in shared::api, but no handler documents it", describe(declared)));
            continue;
        };
        let fields = path_fields(operation);
        if fields != declared.fields {
            problems.push(format!("{}: path fields {fields:?}, declared {:?}", describe(declared), declared.fields));
        }
        let (body, answer) = operation_types(operation);
        let (declared_body, declared_answer) = (rust_name((declared.body)()), rust_name((declared.answer)()));
        if body != declared_body {
            problems.push(format!("{}: the handler takes {body}, declared {declared_body}", describe(declared)));
        }
        if answer != declared_answer {
            problems.push(format!("{}: the handler answers {answer}, declared {declared_answer}", describe(declared)));
        }
    }
    for (path, operations) in document["paths"].as_object().into_iter().flatten() {
        for method in operations.as_object().into_iter().flatten().map(|(method, _)| method) {
            if !api::all().any(|d| d.path == path && d.method.as_str() == method) {
                problems.push(format!("{method} {path}: documented by a handler, but not declared in shared::api"));
            }
        }
    }
    assert!(problems.is_empty(), "the API and shared::api disagree:\n  {}", problems.join("\n  "));
}

#[test]
fn names_types_as_the_document_does() {
    assert_eq!(rust_name("shared::account::Me"), "Me");
    assert_eq!(rust_name("alloc::vec::Vec<shared::account::SessionInfo>"), "Vec<SessionInfo>");
    assert_eq!(rust_name("shared::page::Page<shared::admin::AuditEntry>"), "Page_AuditEntry");
    assert_eq!(rust_name("()"), "()");
    assert_eq!(rust_name("shared::api::Picture"), "Picture");
}
