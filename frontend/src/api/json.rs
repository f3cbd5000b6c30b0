//! JSON in the browser: the browser's own `JSON` parses and writes the text, serde-wasm-bindgen turns
//! its values into Rust types and back, so the bundles carry no JSON parser and each type one
//! `Deserialize` (the API's answers, the server-rendered page's seeds and what localStorage keeps).

use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// A value the browser parsed from JSON, read as a `T`.
pub fn read<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    serde_wasm_bindgen::from_value(value).ok()
}

/// JSON text read as a `T`.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    read(js_sys::JSON::parse(text).ok()?)
}

/// `value` as JSON text as serde_json writes it: maps as objects, 64-bit integers as plain numbers (up
/// to 2^53, beyond which it is refused rather than rounded), `None` as `null`.
pub fn to_string<T: Serialize>(value: &T) -> Option<String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// The body of a response, parsed as JSON and read as a `T`.
pub async fn body<T: DeserializeOwned>(response: web_sys::Response) -> Option<T> {
    read(JsFuture::from(response.json().ok()?).await.ok()?)
}
