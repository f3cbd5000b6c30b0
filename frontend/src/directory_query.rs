//! The village directory's filters as a URL query: reading them leniently, writing them canonically.

use shared::village::MAX_QUERY_LEN;
use shared::{IdmStatus, RegionCode, RegionLevel, Sector, VillageQuery};

/// Reads the directory filters from a query string (with or without the leading `?`).
///
/// Anything malformed is dropped rather than refused, so a mistyped shared link still shows villages:
/// unknown codes, region codes of the wrong level, a kecamatan outside the chosen kabupaten, page 0.
pub fn parse(query: &str) -> VillageQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut filter = VillageQuery::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        // Control characters are no part of a search (the API refuses them): read without them.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match &*key {
            "q" => filter.q = Some(value.chars().take(MAX_QUERY_LEN).collect()),
            "kabupaten" => filter.kabupaten = region_at(value, RegionLevel::Kabupaten),
            "kecamatan" => filter.kecamatan = region_at(value, RegionLevel::Kecamatan),
            "idm" => filter.idm = IdmStatus::from_code(value),
            "sector" => filter.sector = Sector::from_code(value),
            "page" => filter.page = value.parse().ok().filter(|&p| p > 1),
            _ => {}
        }
    }
    // A kecamatan implies its kabupaten; one outside the chosen kabupaten is dropped.
    if let Some(kec) = filter.kecamatan.as_deref().and_then(|c| RegionCode::parse(c).ok()) {
        let parent = kec.ancestor(RegionLevel::Kabupaten).map(|c| c.as_str().to_owned());
        match &filter.kabupaten {
            None => filter.kabupaten = parent,
            Some(kab) if Some(kab) != parent.as_ref() => filter.kecamatan = None,
            Some(_) => {}
        }
    }
    filter
}

fn region_at(value: &str, level: RegionLevel) -> Option<String> {
    RegionCode::parse(value).ok().filter(|c| c.level() == level).map(|c| c.as_str().to_owned())
}

/// The filters as query pairs, in a fixed order, leaving out what is unset (and page 1).
pub fn to_pairs(filter: &VillageQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(q) = filter.words() {
        pairs.push(("q", q.to_owned()));
    }
    if let Some(kab) = &filter.kabupaten {
        pairs.push(("kabupaten", kab.clone()));
    }
    if let Some(kec) = &filter.kecamatan {
        pairs.push(("kecamatan", kec.clone()));
    }
    if let Some(idm) = filter.idm {
        pairs.push(("idm", idm.code().to_owned()));
    }
    if let Some(sector) = filter.sector {
        pairs.push(("sector", sector.code().to_owned()));
    }
    if let Some(page) = filter.page.filter(|&p| p > 1) {
        pairs.push(("page", page.to_string()));
    }
    if let Some(per_page) = filter.per_page {
        pairs.push(("per_page", per_page.to_string()));
    }
    pairs
}

/// The filters as a query string without the `?`; empty when nothing is set.
pub fn to_query(filter: &VillageQuery) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in to_pairs(filter) {
        out.append_pair(key, &value);
    }
    out.finish()
}

/// Whether any filter narrows the list (the page number does not count).
pub fn is_filtered(filter: &VillageQuery) -> bool {
    filter.words().is_some()
        || filter.kabupaten.is_some()
        || filter.kecamatan.is_some()
        || filter.idm.is_some()
        || filter.sector.is_some()
}

/// The same filters on another page.
pub fn with_page(filter: &VillageQuery, page: u32) -> VillageQuery {
    VillageQuery { page: (page > 1).then_some(page), ..filter.clone() }
}

/// The filters after choosing a kabupaten (or none): the kecamatan no longer applies.
pub fn with_kabupaten(filter: &VillageQuery, kabupaten: Option<String>) -> VillageQuery {
    VillageQuery { kabupaten, kecamatan: None, page: None, ..filter.clone() }
}

/// The filters after choosing a kecamatan (or none).
pub fn with_kecamatan(filter: &VillageQuery, kecamatan: Option<String>) -> VillageQuery {
    VillageQuery { kecamatan, page: None, ..filter.clone() }
}

/// The filters after choosing an IDM status (or none).
pub fn with_idm(filter: &VillageQuery, idm: Option<IdmStatus>) -> VillageQuery {
    VillageQuery { idm, page: None, ..filter.clone() }
}

/// The filters after choosing a sector (or none).
pub fn with_sector(filter: &VillageQuery, sector: Option<Sector>) -> VillageQuery {
    VillageQuery { sector, page: None, ..filter.clone() }
}

/// The filters after a new search: back to the first page.
pub fn with_words(filter: &VillageQuery, words: &str) -> VillageQuery {
    let words = words.trim();
    let q = (!words.is_empty()).then(|| words.chars().take(MAX_QUERY_LEN).collect());
    VillageQuery { q, page: None, ..filter.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_filter() {
        let f = parse("?q=rumput+laut&kabupaten=52.01&kecamatan=52.01.03&idm=maju&sector=perikanan&page=3");
        assert_eq!(f.q.as_deref(), Some("rumput laut"));
        assert_eq!(f.kabupaten.as_deref(), Some("52.01"));
        assert_eq!(f.kecamatan.as_deref(), Some("52.01.03"));
        assert_eq!(f.idm, Some(IdmStatus::Maju));
        assert_eq!(f.sector, Some(Sector::Perikanan));
        assert_eq!(f.page, Some(3));
    }

    #[test]
    fn empty_query_means_no_filters() {
        assert_eq!(parse(""), VillageQuery::default());
        assert_eq!(parse("?"), VillageQuery::default());
        assert_eq!(parse("q=&idm="), VillageQuery::default());
        assert!(!is_filtered(&parse("page=2")));
    }

    #[test]
    fn drops_what_is_malformed() {
        let f = parse("kabupaten=52&kecamatan=abc&idm=hebat&sector=tambang&page=0&zzz=1");
        assert_eq!(f, VillageQuery::default());
        assert_eq!(parse("page=-1").page, None);
        assert_eq!(parse("page=1").page, None);
    }

    #[test]
    fn a_kecamatan_brings_its_kabupaten_and_must_lie_inside_it() {
        let f = parse("kecamatan=52.01.03");
        assert_eq!(f.kabupaten.as_deref(), Some("52.01"));
        let f = parse("kabupaten=52.02&kecamatan=52.01.03");
        assert_eq!(f.kabupaten.as_deref(), Some("52.02"));
        assert_eq!(f.kecamatan, None);
    }

    #[test]
    fn limits_the_search_length() {
        let long = "a".repeat(MAX_QUERY_LEN + 20);
        assert_eq!(parse(&format!("q={long}")).q.unwrap().len(), MAX_QUERY_LEN);
        assert_eq!(with_words(&VillageQuery::default(), &long).q.unwrap().len(), MAX_QUERY_LEN);
    }

    #[test]
    fn writes_a_canonical_query_that_reads_back() {
        let f = VillageQuery {
            q: Some("  tenun ikat & kopi ".into()),
            kabupaten: Some("53.10".into()),
            kecamatan: Some("53.10.02".into()),
            idm: Some(IdmStatus::SangatTertinggal),
            sector: Some(Sector::JasaWisata),
            page: Some(2),
            per_page: None,
        };
        let text = to_query(&f);
        assert_eq!(
            text,
            "q=tenun+ikat+%26+kopi&kabupaten=53.10&kecamatan=53.10.02&idm=sangat-tertinggal&sector=jasa-wisata&page=2"
        );
        let back = parse(&text);
        assert_eq!(back.q.as_deref(), Some("tenun ikat & kopi"));
        assert_eq!(to_query(&back), text);
        assert_eq!(to_query(&VillageQuery::default()), "");
        assert_eq!(to_query(&with_page(&VillageQuery::default(), 1)), "");
    }

    #[test]
    fn changing_a_filter_goes_back_to_page_one() {
        let f = parse("kabupaten=52.01&kecamatan=52.01.03&page=4");
        let g = with_kabupaten(&f, Some("52.02".into()));
        assert_eq!((g.kabupaten.as_deref(), g.kecamatan.as_deref(), g.page), (Some("52.02"), None, None));
        assert_eq!(with_kecamatan(&f, None).page, None);
        assert_eq!(with_idm(&f, Some(IdmStatus::Mandiri)).page, None);
        assert_eq!(with_sector(&f, Some(Sector::Kerajinan)).page, None);
        assert_eq!(with_words(&f, "  ").q, None);
        assert_eq!(with_page(&f, 5).page, Some(5));
        assert!(is_filtered(&f));
    }
}
