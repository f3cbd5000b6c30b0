//! The dashboard's filters as an address: `/admin/dasbor?dari=…&sampai=…&desa=…` read leniently into a
//! `DashboardQuery` and written back in a fixed order with the API's own names, so a view can be shared
//! and bookmarked and the back button undoes a filter. Also which filters each request depends on.

use shared::dashboard::{DashboardQuery, MarketLevel, NO_ENTERPRISE, ReportKind};
use shared::{EnterpriseKind, RegionCode, RegionLevel, Sector};

use super::dates::Date;

/// Reads the filters from a query string (with or without `?`). What cannot be a filter (an unknown
/// sector, a date that is no date) is dropped, so a mistyped link still shows the dashboard; the export
/// format never comes from the address.
pub fn parse(query: &str) -> DashboardQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut q = DashboardQuery::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let kept = |ok: bool| ok.then(|| value.to_owned());
        match &*key {
            "dari" => q.dari = Date::parse(value).map(Date::text),
            "sampai" => q.sampai = Date::parse(value).map(Date::text),
            "desa" => q.desa = value.parse().ok().filter(|id| *id > 0),
            "kecamatan" => {
                q.kecamatan = kept(RegionCode::parse(value).is_ok_and(|c| c.level() == RegionLevel::Kecamatan))
            }
            "lembaga" => q.lembaga = kept(value == NO_ENTERPRISE || EnterpriseKind::from_code(value).is_some()),
            "sektor" => q.sektor = kept(Sector::from_code(value).is_some()),
            "produk" => q.produk = value.parse().ok().filter(|id| *id > 0),
            "wilayah" => q.wilayah = kept(MarketLevel::from_code(value).is_some()),
            _ => {}
        }
    }
    q
}

/// The filters as the page address's query pairs, in a fixed order, leaving out what is unset.
pub fn address_pairs(q: &DashboardQuery) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut put = |key: &'static str, value: Option<String>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.push((key, v));
        }
    };
    put("dari", q.dari.clone());
    put("sampai", q.sampai.clone());
    put("desa", q.desa.map(|d| d.to_string()));
    put("kecamatan", q.kecamatan.clone());
    put("lembaga", q.lembaga.clone());
    put("sektor", q.sektor.clone());
    put("produk", q.produk.map(|p| p.to_string()));
    put("wilayah", q.wilayah.clone());
    out
}

/// The page address's query string without `?`.
pub fn to_address(q: &DashboardQuery) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in address_pairs(q) {
        out.append_pair(key, &value);
    }
    out.finish()
}

/// What the head depends on: everything but the market map's level (so switching it asks only again
/// for the map).
pub fn head_query(q: &DashboardQuery) -> DashboardQuery {
    DashboardQuery { wilayah: None, format: None, ..q.clone() }
}

/// What one table depends on.
pub fn report_query(kind: ReportKind, q: &DashboardQuery) -> DashboardQuery {
    if kind == ReportKind::Market { DashboardQuery { format: None, ..q.clone() } } else { head_query(q) }
}

/// The same view over another period.
pub fn with_dates(q: &DashboardQuery, from: String, to: String) -> DashboardQuery {
    DashboardQuery { dari: Some(from), sampai: Some(to), ..q.clone() }
}

/// The same view of one village (or all): a kecamatan no longer applies.
pub fn with_village(q: &DashboardQuery, village: Option<String>) -> DashboardQuery {
    let desa = village.and_then(|v| v.parse().ok());
    DashboardQuery { desa, kecamatan: if desa.is_some() { None } else { q.kecamatan.clone() }, ..q.clone() }
}

/// The same view of one kecamatan (or all): a village chosen before no longer applies.
pub fn with_kecamatan(q: &DashboardQuery, kecamatan: Option<String>) -> DashboardQuery {
    DashboardQuery { desa: if kecamatan.is_some() { None } else { q.desa }, kecamatan, ..q.clone() }
}

/// The same view without any filter but the period.
pub fn cleared(q: &DashboardQuery) -> DashboardQuery {
    DashboardQuery { dari: q.dari.clone(), sampai: q.sampai.clone(), ..DashboardQuery::default() }
}

/// Whether a filter other than the period narrows the figures.
pub fn is_filtered(q: &DashboardQuery) -> bool {
    cleared(q) != DashboardQuery { wilayah: None, format: None, ..q.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> DashboardQuery {
        DashboardQuery {
            dari: Some("2026-11-01".into()),
            sampai: Some("2026-11-30".into()),
            desa: Some(4),
            kecamatan: Some("52.01.14".into()),
            lembaga: Some(NO_ENTERPRISE.into()),
            sektor: Some("perikanan".into()),
            produk: Some(12),
            wilayah: Some("provinsi".into()),
            format: None,
        }
    }

    #[test]
    fn every_filter_round_trips_through_the_address() {
        let text = to_address(&full());
        assert_eq!(
            text,
            "dari=2026-11-01&sampai=2026-11-30&desa=4&kecamatan=52.01.14&lembaga=perorangan&sektor=perikanan\
             &produk=12&wilayah=provinsi"
        );
        assert_eq!(parse(&text), full());
        assert_eq!(parse(&format!("?{text}")), full());
        assert_eq!(to_address(&DashboardQuery::default()), "");
        assert_eq!(parse(""), DashboardQuery::default());
    }

    #[test]
    fn what_cannot_be_a_filter_is_dropped() {
        let q = parse(
            "dari=kemarin&sampai=2026-02-30&desa=-1&kecamatan=52.01&lembaga=pt&sektor=tambang&produk=x&wilayah=dunia&format=xlsx&zz=1",
        );
        assert_eq!(q, DashboardQuery::default());
        assert_eq!(parse("lembaga=bumdes").lembaga.as_deref(), Some("bumdes"));
    }

    #[test]
    fn the_market_level_concerns_the_market_map_alone() {
        let q = full();
        assert_eq!(head_query(&q).wilayah, None);
        assert_eq!(report_query(ReportKind::Villages, &q).wilayah, None);
        assert_eq!(report_query(ReportKind::Market, &q).wilayah.as_deref(), Some("provinsi"));
        assert_eq!(report_query(ReportKind::Sales, &q), head_query(&q));
    }

    #[test]
    fn a_village_and_a_kecamatan_replace_each_other() {
        let q = full();
        let village = with_village(&q, Some("9".into()));
        assert_eq!((village.desa, village.kecamatan), (Some(9), None));
        let kecamatan = with_kecamatan(&q, Some("52.01.01".into()));
        assert_eq!((kecamatan.desa, kecamatan.kecamatan.as_deref()), (None, Some("52.01.01")));
        assert_eq!(with_village(&q, None).kecamatan, q.kecamatan);
        assert_eq!(with_kecamatan(&q, None).desa, q.desa);
    }

    #[test]
    fn clearing_keeps_the_period() {
        let q = full();
        let none = cleared(&q);
        assert!(is_filtered(&q) && !is_filtered(&none));
        assert_eq!((none.dari, none.sampai), (q.dari.clone(), q.sampai.clone()));
        assert!(!is_filtered(&DashboardQuery { wilayah: Some("provinsi".into()), ..DashboardQuery::default() }));
        let later = with_dates(&q, "2026-12-01".into(), "2026-12-31".into());
        assert_eq!((later.dari.as_deref(), later.desa), (Some("2026-12-01"), Some(4)));
    }
}
