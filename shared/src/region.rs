//! Kemendagri region codes (`52.01.03.2016`): parsing, levels and the names of a village's region.

use serde::{Deserialize, Serialize};

/// The administrative level a region code names, from its dotted depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum RegionLevel {
    Provinsi,
    Kabupaten,
    Kecamatan,
    Desa,
}

impl RegionLevel {
    /// 1 for provinsi … 4 for desa/kelurahan: the number of dotted parts.
    pub fn depth(self) -> usize {
        self as usize + 1
    }

    pub fn label(self) -> &'static str {
        match self {
            RegionLevel::Provinsi => "Provinsi",
            RegionLevel::Kabupaten => "Kabupaten/Kota",
            RegionLevel::Kecamatan => "Kecamatan",
            RegionLevel::Desa => "Desa/Kelurahan",
        }
    }
}

/// A well-formed region code: `52`, `52.01`, `52.01.03` or `52.01.03.2016`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionCode(String);

/// Why a text is not a region code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRegionCode;

impl std::fmt::Display for BadRegionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("kode wilayah harus berbentuk 52, 52.01, 52.01.03 atau 52.01.03.2016")
    }
}

impl std::error::Error for BadRegionCode {}

impl RegionCode {
    /// Parses a code, checking each part's digits and width.
    pub fn parse(text: &str) -> Result<Self, BadRegionCode> {
        const WIDTHS: [usize; 4] = [2, 2, 2, 4];
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() > WIDTHS.len() {
            return Err(BadRegionCode);
        }
        let well_formed = parts.iter().zip(WIDTHS).all(|(p, w)| p.len() == w && p.bytes().all(|b| b.is_ascii_digit()));
        if well_formed { Ok(RegionCode(text.to_owned())) } else { Err(BadRegionCode) }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn level(&self) -> RegionLevel {
        match self.0.split('.').count() {
            1 => RegionLevel::Provinsi,
            2 => RegionLevel::Kabupaten,
            3 => RegionLevel::Kecamatan,
            _ => RegionLevel::Desa,
        }
    }

    /// The containing region (`52.01.03` for `52.01.03.2016`); none for a provinsi.
    pub fn parent(&self) -> Option<RegionCode> {
        self.0.rsplit_once('.').map(|(p, _)| RegionCode(p.to_owned()))
    }

    /// The code of the ancestor at `level` (or itself), if the code is that deep.
    pub fn ancestor(&self, level: RegionLevel) -> Option<RegionCode> {
        let parts: Vec<&str> = self.0.split('.').collect();
        (parts.len() >= level.depth()).then(|| RegionCode(parts[..level.depth()].join(".")))
    }

    /// Whether this region lies inside `other` (or is it).
    pub fn is_within(&self, other: &RegionCode) -> bool {
        self.0 == other.0 || self.is_below(other)
    }

    /// Whether this region lies inside `other` and is not it (an admin of `other` outranks one of it).
    pub fn is_below(&self, other: &RegionCode) -> bool {
        self.0.starts_with(&format!("{}.", other.0))
    }

    /// A kelurahan (urban) rather than a desa: the fourth part starts with 1.
    pub fn is_kelurahan(&self) -> bool {
        self.level() == RegionLevel::Desa && self.0.rsplit('.').next().is_some_and(|p| p.starts_with('1'))
    }
}

impl std::fmt::Display for RegionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A region as lists show it: for directory filters and region pickers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: RegionLevel,
    /// How many villages on the portal lie in this region.
    pub village_count: i64,
}

/// The names of the regions that contain a village, from kecamatan up to provinsi.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionPath {
    /// The desa/kelurahan code, e.g. `52.01.03.2016`.
    pub code: String,
    pub kecamatan: String,
    pub kabupaten: String,
    pub provinsi: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_level() {
        assert_eq!(RegionCode::parse("52").unwrap().level(), RegionLevel::Provinsi);
        assert_eq!(RegionCode::parse("52.01").unwrap().level(), RegionLevel::Kabupaten);
        assert_eq!(RegionCode::parse("52.01.03").unwrap().level(), RegionLevel::Kecamatan);
        assert_eq!(RegionCode::parse("52.01.03.2016").unwrap().level(), RegionLevel::Desa);
    }

    #[test]
    fn rejects_malformed_codes() {
        for bad in ["", "5", "52.1", "52.01.03.201", "52.01.03.2016.1", "5a.01", "52..01", "52.01."] {
            assert_eq!(RegionCode::parse(bad), Err(BadRegionCode), "{bad}");
        }
    }

    #[test]
    fn knows_parents_and_ancestors() {
        let desa = RegionCode::parse("52.01.03.2016").unwrap();
        assert_eq!(desa.parent().unwrap().as_str(), "52.01.03");
        assert_eq!(desa.ancestor(RegionLevel::Kabupaten).unwrap().as_str(), "52.01");
        assert!(desa.is_within(&RegionCode::parse("52.01").unwrap()));
        assert!(!desa.is_within(&RegionCode::parse("52.02").unwrap()));
        assert!(!RegionCode::parse("52.11").unwrap().is_within(&RegionCode("52.1".into())));
        assert!(RegionCode::parse("52").unwrap().parent().is_none());
    }

    #[test]
    fn a_region_is_below_its_ancestors_not_itself() {
        let (ntb, lombok_barat) = (RegionCode::parse("52").unwrap(), RegionCode::parse("52.01").unwrap());
        assert!(lombok_barat.is_below(&ntb));
        assert!(!lombok_barat.is_below(&lombok_barat), "a fellow admin of the same region is not outranked");
        assert!(lombok_barat.is_within(&lombok_barat));
        assert!(!ntb.is_below(&lombok_barat));
        assert!(!RegionCode::parse("52.11").unwrap().is_below(&RegionCode("52.1".into())));
    }

    #[test]
    fn tells_kelurahan_from_desa() {
        assert!(RegionCode::parse("52.71.01.1001").unwrap().is_kelurahan());
        assert!(!RegionCode::parse("52.01.03.2016").unwrap().is_kelurahan());
    }
}
