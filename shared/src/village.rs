//! Villages as the portal, the directory and the profile page show them.

use serde::{Deserialize, Serialize};

use crate::{Enterprise, Idm, IdmStatus, PageRequest, ProductSummary, RegionCode, RegionLevel, RegionPath, Sector};

/// A village's one flagship product ("satu desa, satu produk unggulan").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Flagship {
    pub name: String,
    pub sector: Sector,
    pub description: String,
}

/// A point on the map, in WGS 84 degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
}

/// A village card: what lists of villages show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VillageSummary {
    pub slug: String,
    pub name: String,
    pub region: RegionPath,
    pub tagline: String,
    pub idm: Option<Idm>,
    pub flagship: Option<Flagship>,
    /// Path of the cover image (a 1200×630 JPEG), if the village has one.
    pub cover_url: Option<String>,
    /// Demo data shipped with Lapak Desa, not a real village's own words.
    pub is_demo: bool,
}

/// Everything the village profile page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VillageDetail {
    #[serde(flatten)]
    pub summary: VillageSummary,
    /// The history, as sanitised HTML rendered from the village's Markdown.
    pub history_html: String,
    /// The vision, as sanitised HTML.
    pub vision_html: String,
    /// The mission, as sanitised HTML.
    pub mission_html: String,
    pub population: Option<i64>,
    pub households: Option<i64>,
    /// Square kilometres.
    pub area_km2: Option<f64>,
    pub location: Option<Location>,
    pub dusun_count: Option<i64>,
    /// How to reach the village office.
    pub contact: crate::VillageContact,
    /// Perangkat desa, in their order.
    pub officials: Vec<crate::Official>,
    /// The IDM by year, oldest first.
    pub idm_history: Vec<Idm>,
    /// The flagship product's story, photos and enterprise, when it has a flagship.
    pub flagship_story: Option<crate::FlagshipStory>,
    /// The newest published news, newest first (at most 5; the rest at `/desa/{slug}/berita`).
    pub news: Vec<crate::NewsSummary>,
    /// The gallery's albums in order, each with its photos.
    pub albums: Vec<crate::Album>,
    pub enterprises: Vec<Enterprise>,
    /// The village's products on sale, newest first (at most 24).
    pub products: Vec<ProductSummary>,
}

/// Filters of the village directory, as query parameters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct VillageQuery {
    /// Words in the village's name, tagline or flagship product.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    /// A kabupaten/kota code, e.g. `52.01`.
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]{2}\.[0-9]{2}$"))]
    pub kabupaten: Option<String>,
    /// A kecamatan code, e.g. `52.01.03`.
    #[cfg_attr(feature = "openapi", param(pattern = r"^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$"))]
    pub kecamatan: Option<String>,
    pub idm: Option<IdmStatus>,
    /// The flagship product's sector.
    pub sector: Option<Sector>,
    /// 1-based page number.
    #[cfg_attr(feature = "openapi", param(minimum = 1))]
    pub page: Option<u32>,
    /// Villages per page, 1–50.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 50))]
    pub per_page: Option<u32>,
}

/// The longest search text accepted.
pub const MAX_QUERY_LEN: usize = 100;

impl VillageQuery {
    /// Checks every filter; the error says which one is wrong, in Indonesian.
    pub fn validate(&self) -> Result<PageRequest, String> {
        if self.q.as_ref().is_some_and(|q| q.chars().count() > MAX_QUERY_LEN) {
            return Err(format!("kata kunci pencarian paling panjang {MAX_QUERY_LEN} huruf"));
        }
        check_level("kabupaten", self.kabupaten.as_deref(), RegionLevel::Kabupaten)?;
        check_level("kecamatan", self.kecamatan.as_deref(), RegionLevel::Kecamatan)?;
        if let (Some(kab), Some(kec)) = (&self.kabupaten, &self.kecamatan)
            && !kec.starts_with(&format!("{kab}."))
        {
            return Err("kecamatan tidak berada di kabupaten yang dipilih".into());
        }
        PageRequest::new(self.page, self.per_page)
    }

    /// The search words, trimmed; none when blank.
    pub fn words(&self) -> Option<&str> {
        self.q.as_deref().map(str::trim).filter(|q| !q.is_empty())
    }
}

fn check_level(name: &str, code: Option<&str>, level: RegionLevel) -> Result<(), String> {
    match code.map(RegionCode::parse) {
        None => Ok(()),
        Some(Ok(c)) if c.level() == level => Ok(()),
        Some(_) => Err(format!("{name} harus berupa kode {} yang sah", level.label().to_lowercase())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_filters() {
        assert!(VillageQuery::default().validate().is_ok());
        let q = |kab: &str, kec: &str| VillageQuery {
            kabupaten: Some(kab.into()),
            kecamatan: Some(kec.into()),
            ..Default::default()
        };
        assert!(q("52.01", "52.01.03").validate().is_ok());
        assert!(q("52.01", "52.02.03").validate().is_err());
        assert!(q("52", "52.01.03").validate().is_err());
        let long = VillageQuery { q: Some("a".repeat(101)), ..Default::default() };
        assert!(long.validate().is_err());
    }

    #[test]
    fn detail_flattens_the_summary() {
        let summary = VillageSummary {
            slug: "darmaji".into(),
            name: "Darmaji".into(),
            region: RegionPath {
                code: "52.02.09.2008".into(),
                kecamatan: "Kopang".into(),
                kabupaten: "Kabupaten Lombok Tengah".into(),
                provinsi: "Nusa Tenggara Barat".into(),
            },
            tagline: String::new(),
            idm: None,
            flagship: None,
            cover_url: None,
            is_demo: true,
        };
        let detail = VillageDetail {
            summary,
            history_html: String::new(),
            vision_html: String::new(),
            mission_html: String::new(),
            population: Some(5000),
            households: None,
            area_km2: None,
            location: None,
            enterprises: vec![],
            dusun_count: None,
            contact: Default::default(),
            officials: vec![],
            idm_history: vec![],
            flagship_story: None,
            news: vec![],
            albums: vec![],
            products: vec![],
        };
        let json = serde_json::to_value(&detail).unwrap();
        assert_eq!(json["slug"], "darmaji");
        let back: VillageDetail = serde_json::from_value(json).unwrap();
        assert_eq!(back, detail);
    }
}
