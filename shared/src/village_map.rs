//! The village potential map (`/peta`): each village's place, IDM status and its history, flagship
//! product and how many shops, listed products and enterprises it has, and the same added up per
//! kecamatan; with the filters both the API and the page apply.

use serde::{Deserialize, Serialize};

use crate::{IdmStatus, RegionCode, RegionLevel, Sector};

/// `GET /api/v1/map`: the filters, as query parameters (checked by [`MapQuery::validate`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct MapQuery {
    /// A kecamatan code, e.g. `52.01.03`.
    #[cfg_attr(feature = "openapi", param(pattern = r"^([0-9]{2}\.[0-9]{2}\.[0-9]{2})?$"))]
    pub kecamatan: Option<String>,
    /// The flagship product's sector, e.g. `olahan`.
    pub sektor: Option<String>,
}

/// The filters of the map once checked; the default shows every village.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapFilter {
    pub kecamatan: Option<String>,
    pub sector: Option<Sector>,
}

impl MapQuery {
    /// The filters, or what is wrong with one (in Indonesian). Blank values mean no filter.
    pub fn validate(&self) -> Result<MapFilter, String> {
        let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let kecamatan = given(&self.kecamatan);
        if let Some(code) = &kecamatan
            && !RegionCode::parse(code).is_ok_and(|c| c.level() == RegionLevel::Kecamatan)
        {
            return Err(format!("Kecamatan \"{code}\" bukan kode kecamatan yang sah (contoh: 52.01.03)."));
        }
        let sector = match given(&self.sektor) {
            None => None,
            Some(code) => Some(Sector::from_code(&code).ok_or_else(|| {
                let choices = Sector::ALL.iter().map(|s| s.code()).collect::<Vec<_>>().join(", ");
                format!("Sektor \"{code}\" tidak dikenal (pilihan: {choices}).")
            })?),
        };
        Ok(MapFilter { kecamatan, sector })
    }
}

impl MapFilter {
    /// Whether a village passes the filters.
    pub fn matches(&self, village: &MapVillage) -> bool {
        self.kecamatan.as_ref().is_none_or(|k| *k == village.kecamatan_code)
            && self.sector.is_none_or(|s| village.flagship.as_ref().is_some_and(|f| f.sector == s))
    }

    /// The filters as query parameters (`kecamatan`, `sektor`), none when not filtered.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(k) = &self.kecamatan {
            pairs.push(("kecamatan".to_owned(), k.clone()));
        }
        if let Some(s) = self.sector {
            pairs.push(("sektor".to_owned(), s.code().to_owned()));
        }
        pairs
    }
}

/// The map's data: the tile server, the villages and the kecamatan they lie in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VillageMap {
    /// Address of the map tiles with `{z}`, `{x}` and `{y}` (and `{s}` for a subdomain `a`, `b` or
    /// `c`), e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`; none: the map has no background.
    pub tiles: Option<String>,
    /// Credit for the tiles, shown on the map.
    pub attribution: String,
    /// By kabupaten, kecamatan and name.
    pub villages: Vec<MapVillage>,
    /// Every kecamatan with a village in `villages`, in the same order.
    pub kecamatan: Vec<KecamatanSummary>,
}

/// A village on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapVillage {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub kecamatan_code: String,
    pub kecamatan: String,
    /// The kabupaten/kota's name.
    pub kabupaten: String,
    /// WGS 84 degrees; none while the village has not filled in its location.
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// The latest year's status.
    pub idm: Option<IdmStatus>,
    /// Oldest first.
    pub idm_history: Vec<IdmYear>,
    pub flagship: Option<MapFlagship>,
    /// Active shops.
    pub shops: i64,
    /// Products listed for sale (active, not hidden, in an active shop).
    pub products: i64,
    pub enterprises: i64,
}

impl MapVillage {
    /// Where the village is, when both coordinates are known.
    pub fn location(&self) -> Option<(f64, f64)> {
        self.lat.zip(self.lon)
    }
}

/// A village's IDM status in one year.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdmYear {
    pub year: i32,
    pub status: IdmStatus,
}

/// The flagship product as the map shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MapFlagship {
    pub name: String,
    pub sector: Sector,
}

/// A kecamatan's villages added up.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KecamatanSummary {
    pub code: String,
    pub name: String,
    pub kabupaten: String,
    pub villages: i64,
    pub shops: i64,
    pub products: i64,
    pub enterprises: i64,
    /// Villages per current IDM status, lowest status first; statuses no village has are left out.
    pub idm: Vec<IdmCount>,
    /// Villages without an IDM status yet.
    pub no_idm: i64,
}

/// How many villages have an IDM status.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdmCount {
    pub status: IdmStatus,
    pub villages: i64,
}

/// The kecamatan of `villages` with their sums, in the order their first village comes.
pub fn summarize(villages: &[MapVillage]) -> Vec<KecamatanSummary> {
    let mut out: Vec<KecamatanSummary> = Vec::new();
    let mut statuses: Vec<[i64; 5]> = Vec::new();
    for v in villages {
        let i = match out.iter().position(|k| k.code == v.kecamatan_code) {
            Some(i) => i,
            None => {
                out.push(KecamatanSummary {
                    code: v.kecamatan_code.clone(),
                    name: v.kecamatan.clone(),
                    kabupaten: v.kabupaten.clone(),
                    villages: 0,
                    shops: 0,
                    products: 0,
                    enterprises: 0,
                    idm: Vec::new(),
                    no_idm: 0,
                });
                statuses.push([0; 5]);
                out.len() - 1
            }
        };
        let k = &mut out[i];
        k.villages += 1;
        k.shops += v.shops;
        k.products += v.products;
        k.enterprises += v.enterprises;
        match v.idm.and_then(|s| IdmStatus::ALL.iter().position(|a| *a == s)) {
            Some(s) => statuses[i][s] += 1,
            None => k.no_idm += 1,
        }
    }
    for (k, counts) in out.iter_mut().zip(statuses) {
        k.idm = IdmStatus::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(status, villages)| IdmCount { status: *status, villages })
            .collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn village(name: &str, kecamatan: &str, idm: Option<IdmStatus>, sector: Option<Sector>) -> MapVillage {
        MapVillage {
            id: 1,
            slug: name.to_lowercase(),
            name: name.into(),
            kecamatan_code: kecamatan.into(),
            kecamatan: format!("Kec {kecamatan}"),
            kabupaten: "Kabupaten Lombok Barat".into(),
            lat: None,
            lon: None,
            idm,
            idm_history: Vec::new(),
            flagship: sector.map(|sector| MapFlagship { name: "Gerabah".into(), sector }),
            shops: 2,
            products: 5,
            enterprises: 1,
        }
    }

    #[test]
    fn checks_the_filters() {
        assert_eq!(MapQuery::default().validate(), Ok(MapFilter::default()));
        let q = |k: &str, s: &str| MapQuery { kecamatan: Some(k.into()), sektor: Some(s.into()) }.validate();
        let ok = q("52.01.03", "kerajinan").unwrap();
        assert_eq!(ok, MapFilter { kecamatan: Some("52.01.03".into()), sector: Some(Sector::Kerajinan) });
        assert_eq!(q(" ", "").unwrap(), MapFilter::default());
        assert!(q("52.01", "").unwrap_err().starts_with("Kecamatan \"52.01\""));
        assert!(q("", "tambang").unwrap_err().contains("pilihan: pertanian"));
        assert_eq!(ok.to_pairs()[1], ("sektor".to_owned(), "kerajinan".to_owned()));
    }

    #[test]
    fn filters_villages() {
        let gapuk = village("Gapuk", "52.01.01", None, Some(Sector::Kerajinan));
        let bare = village("Bare", "52.01.01", None, None);
        let by_sector = MapFilter { kecamatan: None, sector: Some(Sector::Kerajinan) };
        assert!(by_sector.matches(&gapuk) && !by_sector.matches(&bare));
        let elsewhere = MapFilter { kecamatan: Some("52.01.02".into()), sector: None };
        assert!(!elsewhere.matches(&gapuk) && MapFilter::default().matches(&bare));
    }

    #[test]
    fn adds_up_per_kecamatan() {
        let villages = [
            village("A", "52.01.01", Some(IdmStatus::Maju), None),
            village("B", "52.01.02", None, None),
            village("C", "52.01.01", Some(IdmStatus::Tertinggal), None),
            village("D", "52.01.01", Some(IdmStatus::Maju), None),
        ];
        let sums = summarize(&villages);
        assert_eq!(sums.len(), 2);
        assert_eq!((sums[0].code.as_str(), sums[0].villages, sums[0].shops, sums[0].products), ("52.01.01", 3, 6, 15));
        assert_eq!(
            sums[0].idm,
            [
                IdmCount { status: IdmStatus::Tertinggal, villages: 1 },
                IdmCount { status: IdmStatus::Maju, villages: 2 }
            ]
        );
        assert_eq!((sums[1].no_idm, sums[1].idm.len()), (1, 0));
    }
}
