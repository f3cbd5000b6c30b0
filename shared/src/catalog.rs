//! The catalog at `/produk`: what a search asks for (the same names in the page's address and the API's
//! query string, so a search can be shared), the page of results and the facet counts.

use serde::{Deserialize, Serialize};

use crate::{EnterpriseKind, ProductSummary, Sector, certificate::CertificateKind};

crate::code_list! {
    /// How results are ordered.
    CatalogSort {
        Relevance = "relevan", "Paling sesuai";
        Newest = "terbaru", "Terbaru";
        PriceUp = "termurah", "Harga terendah";
        PriceDown = "termahal", "Harga tertinggi";
        /// Best rated first, many reviews counting more than a few (see [`rating_rank`]).
        Rating = "rating", "Rating tertinggi";
    }
}

/// Results per page when none is asked for.
pub const PER_PAGE: u32 = 24;
/// Most results per page.
pub const PER_PAGE_MAX: u32 = 48;
/// Longest search text.
pub const QUERY_MAX: usize = 100;

/// `GET /api/v1/catalog` and the page `/produk`: every field optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct CatalogQuery {
    /// Words to search for; spelling variants and small typos are tolerated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// A village's slug.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desa: Option<String>,
    /// A kecamatan code, e.g. `52.01.02`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]+\.[0-9]+\.[0-9]+$"))]
    pub kecamatan: Option<String>,
    /// A kabupaten code, e.g. `52.01`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]+\.[0-9]+$"))]
    pub kabupaten: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kategori: Option<Sector>,
    /// Products of shops run by this kind of village enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jenis: Option<EnterpriseKind>,
    /// Products of shops representing this enterprise (its slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lembaga: Option<String>,
    /// Products of one shop (its slug).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toko: Option<String>,
    /// Lowest price, Rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 0))]
    pub harga_min: Option<i64>,
    /// Highest price, Rupiah.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 0))]
    pub harga_max: Option<i64>,
    /// Only products in stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tersedia: Option<bool>,
    /// Only products rated at least this many stars on average, 1–5 (`4`: "bintang 4 ke atas").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 5))]
    pub bintang: Option<u8>,
    /// Only products with a verified certificate of this kind that has not expired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sertifikat: Option<CertificateKind>,
    /// Defaults to relevance when there are words, else newest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub urut: Option<CatalogSort>,
    /// The cursor of the next page, from the previous page's `next`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setelah: Option<String>,
    /// Results per page, 1–48 (24 when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 48))]
    pub per: Option<u32>,
}

impl CatalogQuery {
    /// The search text, trimmed; `None` when blank.
    pub fn words(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }

    /// The order asked for, or the natural one.
    pub fn sort(&self) -> CatalogSort {
        self.urut.unwrap_or(if self.words().is_some() { CatalogSort::Relevance } else { CatalogSort::Newest })
    }

    /// Whether any filter narrows the list (the search words aside).
    pub fn is_filtered(&self) -> bool {
        self.desa.is_some()
            || self.kecamatan.is_some()
            || self.kabupaten.is_some()
            || self.kategori.is_some()
            || self.jenis.is_some()
            || self.lembaga.is_some()
            || self.toko.is_some()
            || self.harga_min.is_some()
            || self.harga_max.is_some()
            || self.tersedia == Some(true)
            || self.bintang.is_some()
            || self.sertifikat.is_some()
    }

    /// The same search from its first page.
    pub fn first_page(&self) -> CatalogQuery {
        CatalogQuery { setelah: None, ..self.clone() }
    }

    /// What is wrong with it, in words for people (for a 400).
    pub fn problem(&self) -> Option<String> {
        if self.q.as_deref().is_some_and(|q| q.chars().count() > QUERY_MAX) {
            return Some(format!("Kata pencarian paling panjang {QUERY_MAX} huruf."));
        }
        if self.harga_min.is_some_and(|p| p < 0) || self.harga_max.is_some_and(|p| p < 0) {
            return Some("Batas harga tidak boleh negatif.".into());
        }
        if let (Some(min), Some(max)) = (self.harga_min, self.harga_max)
            && min > max
        {
            return Some("Harga terendah lebih besar dari harga tertinggi.".into());
        }
        if self.bintang.is_some_and(|b| !(1..=5).contains(&b)) {
            return Some("Pilih bintang 1 sampai 5.".into());
        }
        if self.per.is_some_and(|n| n == 0 || n > PER_PAGE_MAX) {
            return Some(format!("Jumlah per halaman 1 sampai {PER_PAGE_MAX}."));
        }
        let code_ok = |code: &Option<String>, parts: usize| {
            code.as_deref().is_none_or(|c| {
                let pieces: Vec<&str> = c.split('.').collect();
                pieces.len() == parts && pieces.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            })
        };
        if !code_ok(&self.kecamatan, 3) {
            return Some("Kode kecamatan tidak dikenal (contoh: 52.01.02).".into());
        }
        if !code_ok(&self.kabupaten, 2) {
            return Some("Kode kabupaten tidak dikenal (contoh: 52.01).".into());
        }
        None
    }

    /// Results per page.
    pub fn per_page(&self) -> u32 {
        self.per.unwrap_or(PER_PAGE)
    }
}

/// The number of stars a shopper asks for with "bintang 4 ke atas".
pub const GOOD_RATING: u8 = 4;

/// How a product ranks in [`CatalogSort::Rating`], in thousandths of a star: its mean rating pulled toward
/// 3.5 as if it had five more reviews of 3.5 stars (a Bayesian mean), so one five-star review does not
/// outrank fifty of 4.8; a product without reviews ranks last (0). The SQL sorts by the same formula.
pub fn rating_rank(count: i64, stars: i64) -> i64 {
    if count <= 0 { 0 } else { (stars * 1000 + RANK_PRIOR_COUNT * RANK_PRIOR_MEAN) / (count + RANK_PRIOR_COUNT) }
}

/// The reviews [`rating_rank`] imagines every product has, and their mean in thousandths of a star.
pub const RANK_PRIOR_COUNT: i64 = 5;
pub const RANK_PRIOR_MEAN: i64 = 3500;

/// One page of results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogPage {
    pub items: Vec<ProductSummary>,
    /// The cursor of the next page (`setelah=`), absent on the last.
    pub next: Option<String>,
}

/// How many results fall in each category and kecamatan: `GET /api/v1/catalog/facets`. Each facet counts
/// with every filter but its own, so a shopper sees what switching to another value would give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facets {
    /// Results with every filter.
    pub total: i64,
    pub categories: Vec<CategoryCount>,
    pub kecamatan: Vec<PlaceCount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryCount {
    pub sector: Sector,
    pub count: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlaceCount {
    /// The kecamatan code.
    pub code: String,
    pub name: String,
    /// Its kabupaten's name.
    pub kabupaten: String,
    pub count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_natural_order_follows_the_words() {
        assert_eq!(CatalogQuery::default().sort(), CatalogSort::Newest);
        let q = CatalogQuery { q: Some(" madu ".into()), ..CatalogQuery::default() };
        assert_eq!(q.sort(), CatalogSort::Relevance);
        assert_eq!(q.words(), Some("madu"));
    }

    #[test]
    fn many_good_reviews_outrank_one_perfect_one() {
        assert_eq!(rating_rank(0, 0), 0, "unrated comes last");
        assert!(rating_rank(50, 240) > rating_rank(1, 5), "fifty of 4.8 over one of 5");
        assert!(rating_rank(1, 1) > 0, "every rated product before the unrated");
        assert!(rating_rank(10, 50) > rating_rank(10, 49));
    }

    #[test]
    fn bad_queries_are_explained() {
        let ok = CatalogQuery { kecamatan: Some("52.01.02".into()), harga_max: Some(50_000), ..Default::default() };
        assert_eq!(ok.problem(), None);
        let cases = [
            CatalogQuery { harga_min: Some(-1), ..Default::default() },
            CatalogQuery { harga_min: Some(9), harga_max: Some(5), ..Default::default() },
            CatalogQuery { per: Some(0), ..Default::default() },
            CatalogQuery { kecamatan: Some("52.01".into()), ..Default::default() },
            CatalogQuery { kabupaten: Some("5x.01".into()), ..Default::default() },
            CatalogQuery { q: Some("a".repeat(101)), ..Default::default() },
            CatalogQuery { bintang: Some(0), ..Default::default() },
            CatalogQuery { bintang: Some(6), ..Default::default() },
        ];
        for case in cases {
            assert!(case.problem().is_some(), "{case:?}");
        }
    }
}
