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
pub mod seller;
pub mod seller_orders;
pub mod village_map;

use std::fmt;

use gloo_net::http::{Request, RequestBuilder, Response};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Serialize, de::DeserializeOwned};
use shared::{
    EnterpriseDetail, FieldError, NewsArticle, NewsSummary, Page, Region, VillageDetail, VillageQuery, VillageSummary,
};

use crate::directory_query;

const BASE: &str = "/api/v1";

/// What a path segment keeps unescaped: the characters of a slug (dots stay escaped, so `..` cannot
/// climb out of the segment).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

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
        match self {
            ApiError::Network => "Tidak dapat terhubung ke server. Periksa koneksi internet Anda.".into(),
            ApiError::Problem { status, .. } if *status >= 500 => {
                "Server sedang mengalami gangguan. Silakan coba beberapa saat lagi.".into()
            }
            ApiError::Problem { detail, .. } => detail.clone(),
            ApiError::Status(status) if *status >= 500 => {
                format!("Server sedang mengalami gangguan (kode {status}). Silakan coba beberapa saat lagi.")
            }
            ApiError::Status(status) => format!("Permintaan tidak dapat dilayani (kode {status})."),
            ApiError::Decode => "Jawaban server tidak dapat dibaca.".into(),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// GETs `url` and decodes the JSON answer, or the problem document of an error.
async fn get<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
    let response =
        Request::get(url).header("Accept", "application/json").send().await.map_err(|_| ApiError::Network)?;
    decode(checked(response).await?).await
}

/// The methods that change something.
#[derive(Clone, Copy)]
enum Change {
    Post,
    Put,
    Patch,
    Delete,
}

/// Sends a state-changing request (with the CSRF header and an optional JSON body) and returns the
/// successful response.
async fn change(method: Change, url: &str, body: Option<&impl Serialize>) -> Result<Response, ApiError> {
    let builder = match method {
        Change::Post => Request::post(url),
        Change::Put => Request::put(url),
        Change::Patch => Request::patch(url),
        Change::Delete => Request::delete(url),
    };
    let builder: RequestBuilder = builder.header("Accept", "application/json").header("X-Lapak-Csrf", "1");
    let sent = match body {
        Some(body) => with_json(builder, body)?.send().await,
        None => builder.send().await,
    };
    checked(sent.map_err(|_| ApiError::Network)?).await
}

/// The request of `builder` with `body` as its JSON.
fn with_json(builder: RequestBuilder, body: &impl Serialize) -> Result<Request, ApiError> {
    let text = json::to_string(body).ok_or(ApiError::Decode)?;
    builder.header("Content-Type", "application/json").body(text).map_err(|_| ApiError::Decode)
}

/// A state-changing request whose answer is JSON.
async fn send<T: DeserializeOwned>(method: Change, url: &str, body: Option<&impl Serialize>) -> Result<T, ApiError> {
    decode(change(method, url, body).await?).await
}

/// A state-changing request whose answer has no body (204).
async fn send_empty(method: Change, url: &str, body: Option<&impl Serialize>) -> Result<(), ApiError> {
    change(method, url, body).await.map(|_| ())
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

/// The JSON answer of a successful response.
pub(crate) async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    json::body(response.into()).await.ok_or(ApiError::Decode)
}

/// A path segment, escaped.
fn segment(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

/// A query value, escaped.
fn query_value(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// The address of one page of the village list.
pub fn villages_url(filter: &VillageQuery) -> String {
    let query = directory_query::to_query(filter);
    if query.is_empty() { format!("{BASE}/villages") } else { format!("{BASE}/villages?{query}") }
}

/// The address of a village's profile.
pub fn village_url(slug: &str) -> String {
    format!("{BASE}/villages/{}", segment(slug))
}

/// One page of villages matching the directory filters.
pub async fn villages(filter: VillageQuery) -> Result<Page<VillageSummary>, ApiError> {
    get(&villages_url(&filter)).await
}

/// A village's full profile; an old slug is followed to the current one by the browser.
pub async fn village(slug: String) -> Result<VillageDetail, ApiError> {
    get(&village_url(&slug)).await
}

/// The address of one page (1-based) of a village's published news, newest first.
pub fn news_page_url(slug: &str, page: u32) -> String {
    format!("{}/news?page={page}&per_page={NEWS_PER_PAGE}", village_url(slug))
}

/// How many news items a page of a village's news list shows.
pub const NEWS_PER_PAGE: u32 = 10;

/// One page (1-based) of a village's published news, newest first.
pub async fn news_page((slug, page): (String, u32)) -> Result<Page<NewsSummary>, ApiError> {
    get(&news_page_url(&slug, page)).await
}

/// The address of a published news item of a village.
pub fn news_article_url(slug: &str, news: &str) -> String {
    format!("{}/news/{}", village_url(slug), segment(news))
}

/// A published news item of a village.
pub async fn news_article((slug, news): (String, String)) -> Result<NewsArticle, ApiError> {
    get(&news_article_url(&slug, &news)).await
}

/// The address of an enterprise's page.
pub fn enterprise_url(slug: &str) -> String {
    format!("{BASE}/enterprises/{}", segment(slug))
}

/// An enterprise's page.
pub async fn enterprise(slug: String) -> Result<EnterpriseDetail, ApiError> {
    get(&enterprise_url(&slug)).await
}

/// The address of the kabupaten/kota that have villages on the portal.
pub fn kabupaten_url() -> String {
    format!("{BASE}/regions?level=kabupaten")
}

/// The kabupaten/kota that have villages on the portal.
pub async fn kabupaten() -> Result<Vec<Region>, ApiError> {
    get(&kabupaten_url()).await
}

/// The address of the kecamatan of a kabupaten that have villages on the portal.
pub fn kecamatan_url(kabupaten: &str) -> String {
    format!("{BASE}/regions?parent={}", query_value(kabupaten))
}

/// The kecamatan of a kabupaten that have villages on the portal.
pub async fn kecamatan(kabupaten: String) -> Result<Vec<Region>, ApiError> {
    get(&kecamatan_url(&kabupaten)).await
}

/// Every region under `parent` in the official table (for pickers), or every provinsi.
pub async fn all_regions(parent: Option<String>) -> Result<Vec<Region>, ApiError> {
    match parent {
        Some(parent) => get(&format!("{BASE}/regions?parent={}&all=true", query_value(&parent))).await,
        None => get(&format!("{BASE}/regions?level=provinsi&all=true")).await,
    }
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
        assert_eq!(villages_url(&VillageQuery::default()), "/api/v1/villages");
        let featured = VillageQuery { per_page: Some(6), ..Default::default() };
        assert_eq!(villages_url(&featured), "/api/v1/villages?per_page=6");
        let f =
            VillageQuery { q: Some("kopi".into()), idm: Some(IdmStatus::Maju), page: Some(2), ..Default::default() };
        assert_eq!(villages_url(&f), "/api/v1/villages?q=kopi&idm=maju&page=2");
    }

    #[test]
    fn escapes_slugs() {
        assert_eq!(village_url("buwun-sejati"), "/api/v1/villages/buwun-sejati");
        assert_eq!(village_url("a/b?c"), "/api/v1/villages/a%2Fb%3Fc");
        assert_eq!(village_url(".."), "/api/v1/villages/%2E%2E");
        assert_eq!(news_page_url("darmaji", 2), "/api/v1/villages/darmaji/news?page=2&per_page=10");
        assert_eq!(news_article_url("darmaji", "panen raya"), "/api/v1/villages/darmaji/news/panen%20raya");
        assert_eq!(enterprise_url("bumdes-darma"), "/api/v1/enterprises/bumdes-darma");
        assert_eq!(kecamatan_url("52.01"), "/api/v1/regions?parent=52.01");
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
