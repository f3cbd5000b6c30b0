//! The one HTTP client: every call to the backend's `/api/v1`, with errors in Indonesian.

use std::fmt;

use gloo_net::http::Request;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::de::DeserializeOwned;
use shared::{Page, Problem, Region, VillageDetail, VillageQuery, VillageSummary};

use crate::filters;

const BASE: &str = "/api/v1";

/// What a path segment keeps unescaped: the characters of a slug (dots stay escaped, so `..` cannot
/// climb out of the segment).
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'~');

/// Why a request gave no data.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The server could not be reached (offline, timeout, blocked).
    Network,
    /// The server answered with a problem document.
    Problem { status: u16, detail: String },
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
    if response.ok() {
        return response.json::<T>().await.map_err(|_| ApiError::Decode);
    }
    let status = response.status();
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem { status, detail: problem.detail }),
        Err(_) => Err(ApiError::Status(status)),
    }
}

/// The address of one page of the village list.
pub fn villages_url(filter: &VillageQuery) -> String {
    let query = filters::to_query(filter);
    if query.is_empty() { format!("{BASE}/villages") } else { format!("{BASE}/villages?{query}") }
}

/// The address of a village's profile.
pub fn village_url(slug: &str) -> String {
    format!("{BASE}/villages/{}", utf8_percent_encode(slug, SEGMENT))
}

/// One page of villages matching the directory filters.
pub async fn villages(filter: VillageQuery) -> Result<Page<VillageSummary>, ApiError> {
    get(&villages_url(&filter)).await
}

/// A village's full profile; an old slug is followed to the current one by the browser.
pub async fn village(slug: String) -> Result<VillageDetail, ApiError> {
    get(&village_url(&slug)).await
}

/// The kabupaten/kota that have villages on the portal.
pub async fn kabupaten() -> Result<Vec<Region>, ApiError> {
    get(&format!("{BASE}/regions?level=kabupaten")).await
}

/// The kecamatan of a kabupaten that have villages on the portal.
pub async fn kecamatan(kabupaten: String) -> Result<Vec<Region>, ApiError> {
    let parent: String = form_urlencoded::byte_serialize(kabupaten.as_bytes()).collect();
    get(&format!("{BASE}/regions?parent={parent}")).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::IdmStatus;

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
    }

    #[test]
    fn explains_errors_in_indonesian() {
        let bad = ApiError::Problem { status: 400, detail: "idm tidak dikenal".into() };
        assert_eq!(bad.message(), "idm tidak dikenal");
        assert!(ApiError::Problem { status: 404, detail: String::new() }.is_not_found());
        assert!(ApiError::Status(502).message().contains("gangguan"));
        assert!(ApiError::Network.message().contains("koneksi"));
        assert_eq!(ApiError::Network.status(), None);
    }
}
