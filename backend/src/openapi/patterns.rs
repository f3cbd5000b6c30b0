//! Request text may not hold control characters (the JSON extractor and the address check refuse them):
//! every string a request carries says so with a pattern, so a client generated from the document sends
//! only what is accepted.

use std::collections::BTreeSet;

use serde_json::Value;

/// One line: no control character at all.
const SINGLE_LINE: &str = "^[^\\u0000-\\u001f\\u007f-\\u009f]*$";
/// Several lines: line breaks and tabs, no other control character.
const MULTI_LINE: &str = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$";

/// Adds the pattern to every string parameter and every string of the schemas request bodies use.
pub fn add(doc: &mut Value) {
    let mut used = Vec::new();
    let paths = doc.get_mut("paths").and_then(Value::as_object_mut);
    for item in paths.into_iter().flat_map(|paths| paths.values_mut()) {
        for operation in item.as_object_mut().into_iter().flat_map(|item| item.values_mut()) {
            // `get_mut`, not indexing: indexing a missing key of a mutable value inserts it.
            let parameters = operation.get_mut("parameters").and_then(Value::as_array_mut);
            for parameter in parameters.into_iter().flatten() {
                if let Some(schema) = parameter.get_mut("schema") {
                    patterned(schema, None);
                }
            }
            let content = operation.get_mut("requestBody").and_then(|b| b.get_mut("content"));
            for media in content.and_then(Value::as_object_mut).into_iter().flat_map(|c| c.values_mut()) {
                if let Some(schema) = media.get_mut("schema") {
                    references(schema, &mut used);
                    patterned(schema, None);
                }
            }
        }
    }
    let Some(schemas) = doc.get_mut("components").and_then(|c| c.get_mut("schemas")).and_then(Value::as_object_mut)
    else {
        return;
    };
    let mut seen = BTreeSet::new();
    while let Some(name) = used.pop() {
        if seen.insert(name.clone())
            && let Some(schema) = schemas.get(&name)
        {
            references(schema, &mut used);
        }
    }
    for name in seen {
        if let Some(schema) = schemas.get_mut(&name) {
            patterned(schema, None);
        }
    }
}

/// The component names `schema` refers to.
fn references(schema: &Value, names: &mut Vec<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(name) = map.get("$ref").and_then(Value::as_str).and_then(|r| r.rsplit('/').next()) {
                names.push(name.to_owned());
            }
            map.values().for_each(|v| references(v, names));
        }
        Value::Array(items) => items.iter().for_each(|v| references(v, names)),
        _ => {}
    }
}

/// Gives every plain string in `schema` its pattern; `name` is the property it describes.
fn patterned(schema: &mut Value, name: Option<&str>) {
    let Some(map) = schema.as_object_mut() else { return };
    let is_string = match map.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(types)) => types.iter().any(|t| t == "string"),
        _ => false,
    };
    let plain = !["enum", "format", "pattern", "$ref"].iter().any(|k| map.contains_key(*k));
    if is_string && plain {
        let multi_line = name.is_some_and(shared::text::is_multi_line);
        map.insert("pattern".into(), (if multi_line { MULTI_LINE } else { SINGLE_LINE }).into());
    }
    if let Some(properties) = map.get_mut("properties").and_then(Value::as_object_mut) {
        for (key, property) in properties.iter_mut() {
            patterned(property, Some(key));
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner) = map.get_mut(key) {
            patterned(inner, name);
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        for inner in map.get_mut(key).and_then(Value::as_array_mut).into_iter().flatten() {
            patterned(inner, name);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn request_strings_get_a_pattern_by_their_field() {
        let mut doc = json!({
            "paths": { "/api/v1/orders": { "post": {
                "parameters": [{ "name": "q", "in": "query", "schema": { "type": ["string", "null"] } }],
                "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Checkout" } } } },
            } } },
            "components": { "schemas": {
                "Checkout": { "type": "object", "properties": {
                    "buyer_name": { "type": "string" },
                    "shops": { "type": "array", "items": { "$ref": "#/components/schemas/ShopChoice" } },
                } },
                "ShopChoice": { "type": "object", "properties": { "note": { "type": "string" },
                    "delivery": { "type": "string", "enum": ["ambil"] } } },
                "Placed": { "type": "object", "properties": { "code": { "type": "string" } } },
            } },
        });
        super::add(&mut doc);
        let operation = &doc["paths"]["/api/v1/orders"]["post"];
        assert!(operation.get("responses").is_none(), "nothing else is added");
        let schemas = &doc["components"]["schemas"];
        assert_eq!(schemas["Checkout"]["properties"]["buyer_name"]["pattern"], super::SINGLE_LINE);
        assert_eq!(schemas["ShopChoice"]["properties"]["note"]["pattern"], super::MULTI_LINE);
        assert!(schemas["ShopChoice"]["properties"]["delivery"].get("pattern").is_none(), "enums keep their values");
        assert!(schemas["Placed"]["properties"]["code"].get("pattern").is_none(), "responses are not requests");
        let parameter = &doc["paths"]["/api/v1/orders"]["post"]["parameters"][0]["schema"];
        assert_eq!(parameter["pattern"], super::SINGLE_LINE);
    }
}
