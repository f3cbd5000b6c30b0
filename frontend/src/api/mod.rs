//! The one HTTP client: every call to the backend's `/api/v1`, with errors in Indonesian. State-changing
//! requests carry the header the server's CSRF guard asks for.

pub mod account;
pub mod admin;
pub mod catalog;
pub mod consultations;
pub mod dashboard;
pub mod inquiries;
pub mod json;
pub mod orders;

use std::fmt;
use std::future::Future;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::{Serialize, de::DeserializeOwned};
use shared::api::{Endpoint, Method, news, regions::Regions, villages::Villages};
use shared::{FieldError, Lang, Region, VillageQuery};

use crate::directory_query;

/// Why a request gave no data.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server could not be reached (offline, timeout, blocked).
    Network,
    /// The server answered with a problem document (with per-field messages for a refused form).
    Problem { status: u16, detail: String, fields: Vec<FieldError> },
    /// The server answered with an error status and no problem document.
    Status(u16),
    /// The server answered with something that is not what was asked for.
    Decode,
}

impl ApiError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem { status, .. } | ApiError::Status(status) => Some(*status),
            ApiError::Network | ApiError::Decode => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// What the server said about each field of a refused form.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            ApiError::Problem { fields, .. } => fields,
            _ => &[],
        }
    }

    /// What to tell the person, in Indonesian.
    pub fn message(&self) -> String {
        self.message_in(Lang::Id)
    }

    /// What to tell the person, in `lang`; a problem's detail is the server's own words.
    pub fn message_in(&self, lang: Lang) -> String {
        use shared::texts::common as t;
        match self {
            ApiError::Network => t::error_network(lang).into(),
            ApiError::Problem { status, .. } if *status >= 500 => t::error_server(lang).into(),
            ApiError::Problem { detail, .. } => detail.clone(),
            ApiError::Status(status) if *status >= 500 => t::error_server_code(lang, status),
            ApiError::Status(status) => t::error_status(lang, status),
            ApiError::Decode => t::error_decode(lang).into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// A GET of an endpoint with its query string (empty for none): what a page loads, and the key its data
/// is filed under (the server-rendered page's seeds are filed by [`Get::url`] too).
#[derive(Clone, Debug, PartialEq)]
pub struct Get<E> {
    pub endpoint: E,
    pub query: String,
}

impl<E: Endpoint> Get<E> {
    /// A GET of `endpoint` without a query.
    pub fn of(endpoint: E) -> Get<E> {
        Get { endpoint, query: String::new() }
    }

    /// A GET of `endpoint` with `query` (already escaped, without the `?`).
    pub fn with(endpoint: E, query: String) -> Get<E> {
        Get { endpoint, query }
    }

    /// The address asked.
    pub fn url(&self) -> String {
        let path = self.endpoint.path();
        if self.query.is_empty() { path } else { format!("{path}?{}", self.query) }
    }
}

/// What `get` answers, decoded (the problem document of an error).
pub async fn fetch<E>(get: Get<E>) -> Result<E::Answer, ApiError>
where
    E: Endpoint<Body = ()>,
    E::Answer: DeserializeOwned,
{
    let response = request(&get.endpoint, &get.url()).send().await.map_err(|_| ApiError::Network)?;
    decode(checked(response).await?).await
}

/// What `endpoint` answers to a GET without a query.
pub async fn fetch_one<E>(endpoint: E) -> Result<E::Answer, ApiError>
where
    E: Endpoint<Body = ()>,
    E::Answer: DeserializeOwned,
{
    fetch(Get::of(endpoint)).await
}

/// Sends `body` to `endpoint` (no body when it is `()`) and decodes the answer (`()` for 204). The body is
/// written before the future starts, so it need not outlive the call.
pub fn call<E>(endpoint: E, body: &E::Body) -> impl Future<Output = Result<E::Answer, ApiError>> + 'static
where
    E: Endpoint,
    E::Body: Serialize,
    E::Answer: DeserializeOwned + 'static,
{
    let request = with_body(request(&endpoint, &endpoint.path()), body);
    async move {
        let response = request?.send().await.map_err(|_| ApiError::Network)?;
        decode(checked(response).await?).await
    }
}

/// The request for `endpoint` at `url`, by its method, asking for JSON; a state-changing one carries the
/// header the server's CSRF guard asks for and the page's language, which the server's refusals are said
/// in (GETs do not: what they answer is kept by the service worker for pages in either language).
pub(crate) fn request<E: Endpoint>(_: &E, url: &str) -> RequestBuilder {
    let builder = match E::METHOD {
        Method::Get => return Request::get(url).header("Accept", "application/json"),
        Method::Post => Request::post(url),
        Method::Put => Request::put(url),
        Method::Patch => Request::patch(url),
        Method::Delete => Request::delete(url),
    };
    builder
        .header("Accept", "application/json")
        .header("X-Lapak-Csrf", "1")
        .header("Accept-Language", crate::root::lang_of_browser().code())
}

/// The request of `builder` with `body` as its JSON, or without a body when `body` is `()`.
pub(crate) fn with_body(builder: RequestBuilder, body: &impl Serialize) -> Result<Request, ApiError> {
    let text = json::to_string(body).ok_or(ApiError::Decode)?;
    if text == "null" {
        return builder.build().map_err(|_| ApiError::Decode);
    }
    builder.header("Content-Type", "application/json").body(text).map_err(|_| ApiError::Decode)
}

/// What the app reads of a problem document (`shared::Problem`): the words for people and the fields. Not
/// its `code`, so a code added to the server later never makes an app still cached in a browser lose the
/// message.
#[derive(serde::Deserialize)]
struct Refusal {
    detail: String,
    #[serde(default)]
    fields: Vec<FieldError>,
}

/// The response when it succeeded, else the error it carries.
pub(crate) async fn checked(response: Response) -> Result<Response, ApiError> {
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    match json::body::<Refusal>(response.into()).await {
        Some(refusal) => Err(ApiError::Problem { status, detail: refusal.detail, fields: refusal.fields }),
        None => Err(ApiError::Status(status)),
    }
}

/// The JSON answer of a successful response; an answer without a body (204) reads as `()`.
pub(crate) async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.status() == 204 {
        return json::read(wasm_bindgen::JsValue::NULL).ok_or(ApiError::Decode);
    }
    json::body(response.into()).await.ok_or(ApiError::Decode)
}

/// A query value, escaped.
fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// One page of villages matching the directory filters.
pub fn villages(filter: &VillageQuery) -> Get<Villages> {
    Get::with(Villages {}, directory_query::to_query(filter))
}

/// How many news items a page of a village's news list shows.
pub const NEWS_PER_PAGE: u32 = 10;

/// One page (1-based) of a village's published news, newest first.
pub fn news_page(slug: &str, page: u32) -> Get<news::Published> {
    Get::with(news::Published { slug: slug.to_owned() }, format!("page={page}&per_page={NEWS_PER_PAGE}"))
}

/// The kabupaten/kota that have villages on the portal.
pub fn kabupaten() -> Get<Regions> {
    Get::with(Regions {}, "level=kabupaten".to_owned())
}

/// The kecamatan of a kabupaten that have villages on the portal.
pub fn kecamatan(kabupaten: &str) -> Get<Regions> {
    Get::with(Regions {}, format!("parent={}", query_value(kabupaten)))
}

/// Every region under `parent` in the official table (for pickers), or every provinsi.
pub async fn all_regions(parent: Option<String>) -> Result<Vec<Region>, ApiError> {
    let query = match parent {
        Some(parent) => format!("parent={}&all=true", query_value(&parent)),
        None => "level=provinsi&all=true".to_owned(),
    };
    fetch(Get::with(Regions {}, query)).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::IdmStatus;

    #[test]
    fn reads_problems_with_codes_it_does_not_know() {
        let text = r#"{"status":409,"code":"a_code_from_a_later_server","title":"Konflik",
            "detail":"Pesanan ini sudah dibatalkan.","fields":[{"field":"note","message":"Terlalu panjang."}]}"#;
        let refusal: Refusal = serde_json::from_str(text).unwrap();
        assert_eq!(refusal.detail, "Pesanan ini sudah dibatalkan.");
        assert_eq!(refusal.fields[0].field, "note");
        let plain: Refusal = serde_json::from_str(r#"{"status":404,"detail":"Tidak ada."}"#).unwrap();
        assert!(plain.fields.is_empty());
    }

    #[test]
    fn builds_list_addresses() {
        assert_eq!(villages(&VillageQuery::default()).url(), "/api/v1/villages");
        let featured = VillageQuery { per_page: Some(6), ..Default::default() };
        assert_eq!(villages(&featured).url(), "/api/v1/villages?per_page=6");
        let f =
            VillageQuery { q: Some("kopi".into()), idm: Some(IdmStatus::Maju), page: Some(2), ..Default::default() };
        assert_eq!(villages(&f).url(), "/api/v1/villages?q=kopi&idm=maju&page=2");
        assert_eq!(news_page("darmaji", 2).url(), "/api/v1/villages/darmaji/news?page=2&per_page=10");
        assert_eq!(kecamatan("52.01").url(), "/api/v1/regions?parent=52.01");
        assert_eq!(kabupaten().url(), "/api/v1/regions?level=kabupaten");
    }

    #[test]
    fn escapes_slugs() {
        let village = |slug: &str| Get::of(shared::api::villages::Village { slug: slug.into() }).url();
        assert_eq!(village("buwun-sejati"), "/api/v1/villages/buwun-sejati");
        assert_eq!(village("a/b?c"), "/api/v1/villages/a%2Fb%3Fc");
        assert_eq!(village(".."), "/api/v1/villages/%2E%2E");
        let article = news::Article { slug: "darmaji".into(), news: "panen raya".into() };
        assert_eq!(Get::of(article).url(), "/api/v1/villages/darmaji/news/panen%20raya");
    }

    #[test]
    fn explains_errors_in_indonesian() {
        let bad = ApiError::Problem { status: 400, detail: "idm tidak dikenal".into(), fields: Vec::new() };
        assert_eq!(bad.message(), "idm tidak dikenal");
        assert!(ApiError::Problem { status: 404, detail: String::new(), fields: Vec::new() }.is_not_found());
        let form = ApiError::Problem { status: 422, detail: "x".into(), fields: vec![FieldError::new("phone", "y")] };
        assert_eq!(form.fields()[0].field, "phone");
        assert!(ApiError::Status(502).message().contains("gangguan"));
        assert!(ApiError::Network.message().contains("koneksi"));
        assert_eq!(ApiError::Network.status(), None);
    }
}
