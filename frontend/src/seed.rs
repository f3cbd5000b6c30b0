//! The answers a server-rendered page was rendered from. The server reads them in-process, keyed by the
//! API address the page would ask, and embeds them once in the page
//! (`<script type="application/json" id="state">`); the hydrating app's first render starts from them
//! instead of asking the API again, so it is the server's render. The server holds an answer as a
//! `serde_json::Value`; the browser parses the script with `JSON.parse` and keeps each answer as the
//! JavaScript value until a page reads it (with serde-wasm-bindgen, as it reads the API's answers).

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize, de::DeserializeOwned};

use crate::api::ApiError;

/// An answer's JSON as this side holds it: a `serde_json::Value` on the server, the parsed JavaScript
/// value in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub type Json = serde_json::Value;
#[cfg(target_arch = "wasm32")]
pub type Json = wasm_bindgen::JsValue;

/// What the API answers for an address: its JSON, or its error (404 for an unknown slug, 400 with the
/// reason for a search it refuses).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Seed {
    Ok(#[cfg_attr(target_arch = "wasm32", serde(with = "serde_wasm_bindgen::preserve"))] Json),
    Problem { status: u16, detail: String },
}

/// The answers by API address (`/api/v1/products/12`).
pub type SeedMap = BTreeMap<String, Seed>;

/// The page's answers, good for its first render only: the app spends them once it has hydrated, so a
/// page reached later asks the API for fresh data.
#[derive(Clone, Debug, Default)]
pub struct Seeds {
    map: Rc<SeedMap>,
    spent: Rc<Cell<bool>>,
}

impl PartialEq for Seeds {
    fn eq(&self, other: &Seeds) -> bool {
        Rc::ptr_eq(&self.map, &other.map)
    }
}

impl Seeds {
    pub fn new(map: SeedMap) -> Seeds {
        Seeds { map: Rc::new(map), spent: Rc::default() }
    }

    /// The answer for `url`, while the first render lasts.
    pub fn answer<T: DeserializeOwned>(&self, url: &str) -> Option<Result<T, ApiError>> {
        if self.spent.get() {
            return None;
        }
        Some(match self.map.get(url)? {
            Seed::Ok(value) => read(value).ok_or(ApiError::Decode),
            Seed::Problem { status, detail } => {
                Err(ApiError::Problem { status: *status, detail: detail.clone(), fields: Vec::new() })
            }
        })
    }

    /// Ends the first render: later pages ask the API.
    pub fn spend(&self) {
        self.spent.set(true);
    }

    /// The seeds the server embedded in this document, if it rendered it.
    #[cfg(target_arch = "wasm32")]
    pub fn from_document() -> Option<Seeds> {
        let script = web_sys::window()?.document()?.get_element_by_id(STATE_ID)?;
        crate::api::json::parse(&script.text_content()?).map(Seeds::new)
    }
}

/// An answer read as a `T`.
#[cfg(not(target_arch = "wasm32"))]
fn read<T: DeserializeOwned>(value: &Json) -> Option<T> {
    T::deserialize(value).ok()
}
#[cfg(target_arch = "wasm32")]
fn read<T: DeserializeOwned>(value: &Json) -> Option<T> {
    crate::api::json::read(value.clone())
}

/// The id of the script element that carries the seeds.
pub const STATE_ID: &str = "state";

/// The script element carrying `map`: JSON with every `<` escaped, so no text can close the element.
#[cfg(not(target_arch = "wasm32"))]
pub fn state_script(map: &SeedMap) -> String {
    let json = serde_json::to_string(map).unwrap_or_else(|_| "{}".into()).replace('<', "\\u003c");
    format!("<script type=\"application/json\" id=\"{STATE_ID}\">{json}</script>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn answers_once_then_leaves_it_to_the_api() {
        let mut map = SeedMap::new();
        map.insert("/api/v1/a".into(), Seed::Ok(serde_json::json!({"name": "Kopi"})));
        map.insert("/api/v1/b".into(), Seed::Problem { status: 404, detail: "Tidak ada.".into() });
        let seeds = Seeds::new(map);
        let a: Value = seeds.answer("/api/v1/a").unwrap().unwrap();
        assert_eq!(a["name"], "Kopi");
        assert!(seeds.answer::<Value>("/api/v1/b").unwrap().unwrap_err().is_not_found());
        assert!(seeds.answer::<Value>("/api/v1/c").is_none());
        seeds.spend();
        assert!(seeds.answer::<Value>("/api/v1/a").is_none());
    }

    #[test]
    fn the_state_script_cannot_be_closed_by_data() {
        let mut map = SeedMap::new();
        map.insert("/x".into(), Seed::Ok(Value::String("</script><script>alert(1)</script>".into())));
        let script = state_script(&map);
        assert_eq!(script.matches("</script>").count(), 1, "{script}");
        let json = script.trim_start_matches("<script type=\"application/json\" id=\"state\">");
        let back: SeedMap = serde_json::from_str(json.trim_end_matches("</script>")).unwrap();
        assert_eq!(back, map);
    }
}
