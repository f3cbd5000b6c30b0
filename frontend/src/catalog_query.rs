//! The catalog's search as an address: `/produk?…` read leniently into a `CatalogQuery` and written back
//! canonically, with the same names as the API's query string, so a search can be shared and undone.

use shared::catalog::QUERY_MAX;
use shared::certificate::CertificateKind;
use shared::{CatalogQuery, CatalogSort, EnterpriseKind, Sector};

/// Reads a catalog search from a query string (with or without the leading `?`).
///
/// Values the query cannot hold (an unknown category, a price that is not a number) are dropped, so a
/// mistyped link still shows products; values it can hold are kept as they are, for the server to judge.
/// The cursor `setelah` is kept: without JavaScript, the next page of results is an address of its own.
pub fn parse(query: &str) -> CatalogQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut q = CatalogQuery::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        // Control characters are no part of a search (the API refuses them): read without them.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let text = || Some(value.to_owned());
        match &*key {
            "q" => q.q = Some(value.chars().take(QUERY_MAX).collect()),
            "desa" => q.desa = text(),
            "kecamatan" => q.kecamatan = text(),
            "kabupaten" => q.kabupaten = text(),
            "kategori" => q.kategori = Sector::from_code(value),
            "jenis" => q.jenis = EnterpriseKind::from_code(value),
            "lembaga" => q.lembaga = text(),
            "toko" => q.toko = text(),
            // As typed in the filter form without JavaScript: "25.000" too.
            "harga_min" => q.harga_min = parse_price(value).ok().flatten(),
            "harga_max" => q.harga_max = parse_price(value).ok().flatten(),
            "tersedia" => q.tersedia = matches!(value, "true" | "1" | "ya").then_some(true),
            "bintang" => q.bintang = value.parse().ok(),
            "sertifikat" => q.sertifikat = CertificateKind::from_code(value),
            "urut" => q.urut = CatalogSort::from_code(value),
            "per" => q.per = value.parse().ok(),
            "setelah" => q.setelah = text(),
            _ => {}
        }
    }
    q
}

/// The search as query pairs in a fixed order, leaving out what is unset; the cursor only when asked.
fn pairs(q: &CatalogQuery, with_cursor: bool) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let mut text = |key: &'static str, value: &Option<String>| {
        if let Some(v) = value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            out.push((key, v.to_owned()));
        }
    };
    text("q", &q.q);
    text("desa", &q.desa);
    text("kecamatan", &q.kecamatan);
    text("kabupaten", &q.kabupaten);
    text("kategori", &q.kategori.map(|s| s.code().to_owned()));
    text("jenis", &q.jenis.map(|k| k.code().to_owned()));
    text("lembaga", &q.lembaga);
    text("toko", &q.toko);
    text("harga_min", &q.harga_min.map(|p| p.to_string()));
    text("harga_max", &q.harga_max.map(|p| p.to_string()));
    text("tersedia", &(q.tersedia == Some(true)).then(|| "true".to_owned()));
    text("bintang", &q.bintang.map(|b| b.to_string()));
    text("sertifikat", &q.sertifikat.map(|k| k.code().to_owned()));
    text("urut", &q.urut.map(|s| s.code().to_owned()));
    text("per", &q.per.map(|n| n.to_string()));
    if with_cursor {
        text("setelah", &q.setelah);
    }
    out
}

/// The page address's query pairs: everything but the cursor.
pub fn address_pairs(q: &CatalogQuery) -> Vec<(&'static str, String)> {
    pairs(q, false)
}

/// The page's query pairs as the app writes them: the search and its cursor (the server sends a search
/// written otherwise here).
pub fn page_pairs(q: &CatalogQuery) -> Vec<(&'static str, String)> {
    pairs(q, true)
}

/// The search's address pairs but those named, for a form that sets them (its other fields hidden).
pub fn pairs_but(q: &CatalogQuery, set_by_form: &[&str]) -> Vec<(&'static str, String)> {
    address_pairs(q).into_iter().filter(|(key, _)| !set_by_form.contains(key)).collect()
}

/// The catalog's address for the search `q` (first page).
pub fn catalog_address(q: &CatalogQuery) -> String {
    match to_address(q) {
        query if query.is_empty() => "/produk".to_owned(),
        query => format!("/produk?{query}"),
    }
}

/// The address of the catalog page after `cursor` of the search `q`.
pub fn next_page_address(q: &CatalogQuery, cursor: &str) -> String {
    let next = CatalogQuery { setelah: Some(cursor.to_owned()), ..q.clone() };
    format!("/produk?{}", encode(&pairs(&next, true)))
}

/// The page address's query string without `?` (empty when nothing is asked).
pub fn to_address(q: &CatalogQuery) -> String {
    encode(&address_pairs(q))
}

/// The API's query string without `?`, cursor included.
pub fn to_api_query(q: &CatalogQuery) -> String {
    encode(&pairs(q, true))
}

fn encode(pairs: &[(&'static str, String)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        out.append_pair(key, value);
    }
    out.finish()
}

/// What the facet counts depend on: the search without its order, page size and cursor (so a new order
/// does not count again).
pub fn facet_query(q: &CatalogQuery) -> CatalogQuery {
    CatalogQuery { urut: None, per: None, setelah: None, ..q.clone() }
}

/// The same search with other words (blank clears them).
pub fn with_words(q: &CatalogQuery, words: &str) -> CatalogQuery {
    let words = words.trim();
    let words = (!words.is_empty()).then(|| words.chars().take(QUERY_MAX).collect());
    CatalogQuery { q: words, ..q.first_page() }
}

/// The same search with a price range.
pub fn with_prices(q: &CatalogQuery, harga_min: Option<i64>, harga_max: Option<i64>) -> CatalogQuery {
    CatalogQuery { harga_min, harga_max, ..q.first_page() }
}

/// The same search without any filter (the words and the order stay).
pub fn cleared(q: &CatalogQuery) -> CatalogQuery {
    CatalogQuery { q: q.q.clone(), urut: q.urut, per: q.per, ..CatalogQuery::default() }
}

/// A filter a shopper can remove on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Desa,
    Kecamatan,
    Kabupaten,
    Kategori,
    Jenis,
    Lembaga,
    Toko,
    Harga,
    Tersedia,
    Bintang,
    Sertifikat,
}

impl Filter {
    /// Every filter, in the order chips show them.
    pub const ALL: [Filter; 11] = [
        Filter::Toko,
        Filter::Lembaga,
        Filter::Jenis,
        Filter::Desa,
        Filter::Kecamatan,
        Filter::Kabupaten,
        Filter::Kategori,
        Filter::Harga,
        Filter::Tersedia,
        Filter::Bintang,
        Filter::Sertifikat,
    ];

    /// Whether the search uses this filter.
    pub fn is_set(self, q: &CatalogQuery) -> bool {
        match self {
            Filter::Desa => q.desa.is_some(),
            Filter::Kecamatan => q.kecamatan.is_some(),
            Filter::Kabupaten => q.kabupaten.is_some(),
            Filter::Kategori => q.kategori.is_some(),
            Filter::Jenis => q.jenis.is_some(),
            Filter::Lembaga => q.lembaga.is_some(),
            Filter::Toko => q.toko.is_some(),
            Filter::Harga => q.harga_min.is_some() || q.harga_max.is_some(),
            Filter::Tersedia => q.tersedia == Some(true),
            Filter::Bintang => q.bintang.is_some(),
            Filter::Sertifikat => q.sertifikat.is_some(),
        }
    }

    /// The same search without this filter.
    pub fn remove(self, q: &CatalogQuery) -> CatalogQuery {
        let mut next = q.first_page();
        match self {
            Filter::Desa => next.desa = None,
            Filter::Kecamatan => next.kecamatan = None,
            Filter::Kabupaten => next.kabupaten = None,
            Filter::Kategori => next.kategori = None,
            Filter::Jenis => next.jenis = None,
            Filter::Lembaga => next.lembaga = None,
            Filter::Toko => next.toko = None,
            Filter::Harga => (next.harga_min, next.harga_max) = (None, None),
            Filter::Tersedia => next.tersedia = None,
            Filter::Bintang => next.bintang = None,
            Filter::Sertifikat => next.sertifikat = None,
        }
        next
    }
}

/// How many filters narrow the search.
pub fn filter_count(q: &CatalogQuery) -> usize {
    Filter::ALL.iter().filter(|f| f.is_set(q)).count()
}

/// Text that is not a price.
#[derive(Debug, PartialEq)]
pub struct NotAPrice;

/// A price typed by a person: "25.000", "Rp 25000" and "25 000" are all 25000; blank is none.
pub fn parse_price(text: &str) -> Result<Option<i64>, NotAPrice> {
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ' | ',' | '\u{a0}')).collect();
    let digits = digits.trim_start_matches("Rp").trim_start_matches("rp");
    if digits.is_empty() {
        return Ok(None);
    }
    if digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NotAPrice);
    }
    digits.parse().map(Some).map_err(|_| NotAPrice)
}

/// A slug as words, for when its name is not at hand: "lapak-bumdes" → "Lapak Bumdes".
pub fn slug_words(slug: &str) -> String {
    slug.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            // Slugs are ASCII: no Unicode case tables needed.
            let mut word = w.to_owned();
            if let Some(first) = word.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            word
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> CatalogQuery {
        CatalogQuery {
            q: Some("keripik & sambal".into()),
            desa: Some("darmaji".into()),
            kecamatan: Some("52.01.02".into()),
            kabupaten: Some("52.01".into()),
            kategori: Some(Sector::JasaWisata),
            jenis: Some(EnterpriseKind::SentraIkm),
            lembaga: Some("bumdes-darma-tani".into()),
            toko: Some("lapak-bumdes".into()),
            harga_min: Some(5_000),
            harga_max: Some(50_000),
            tersedia: Some(true),
            bintang: Some(4),
            sertifikat: Some(CertificateKind::Halal),
            urut: Some(CatalogSort::PriceUp),
            setelah: None,
            per: Some(12),
        }
    }

    #[test]
    fn every_parameter_round_trips_through_the_address() {
        let text = to_address(&full());
        assert_eq!(
            text,
            "q=keripik+%26+sambal&desa=darmaji&kecamatan=52.01.02&kabupaten=52.01&kategori=jasa-wisata&jenis=sentra-ikm\
             &lembaga=bumdes-darma-tani&toko=lapak-bumdes&harga_min=5000&harga_max=50000&tersedia=true\
             &bintang=4&sertifikat=halal&urut=termurah&per=12"
        );
        assert_eq!(parse(&text), full());
        assert_eq!(parse(&format!("?{text}")), full());
        assert_eq!(to_address(&CatalogQuery::default()), "");
        assert_eq!(parse(""), CatalogQuery::default());
    }

    #[test]
    fn control_characters_are_read_out_of_the_search() {
        assert_eq!(parse("q=kopi%00&desa=dar%0Amaji").q.as_deref(), Some("kopi"));
        assert_eq!(parse("q=kopi%00&desa=dar%0Amaji").desa.as_deref(), Some("darmaji"));
    }

    #[test]
    fn the_cursor_is_a_next_page_link_not_part_of_a_new_search() {
        let next = CatalogQuery { setelah: Some("abc=".into()), ..CatalogQuery::default() };
        assert_eq!(to_address(&next), "");
        assert_eq!(to_api_query(&next), "setelah=abc%3D");
        let madu = CatalogQuery { q: Some("madu".into()), ..CatalogQuery::default() };
        assert_eq!(parse("q=madu&setelah=xyz"), CatalogQuery { setelah: Some("xyz".into()), ..madu.clone() });
        assert_eq!(next_page_address(&madu, "xyz"), "/produk?q=madu&setelah=xyz");
        assert_eq!(parse(next_page_address(&madu, "a b").split_once('?').unwrap().1).setelah.as_deref(), Some("a b"));
    }

    #[test]
    fn what_the_query_cannot_hold_is_dropped() {
        let q = parse("kategori=tambang&jenis=pt&harga_min=murah&harga_max=&tersedia=tidak&urut=acak&zzz=1&q=++");
        assert_eq!(q, CatalogQuery::default());
        assert_eq!(parse("tersedia=1").tersedia, Some(true));
        let long = "a".repeat(QUERY_MAX + 5);
        assert_eq!(parse(&format!("q={long}")).q.unwrap().len(), QUERY_MAX);
    }

    #[test]
    fn what_the_server_judges_is_kept_for_it() {
        let q = parse("harga_min=9000&harga_max=10&kecamatan=52");
        assert_eq!((q.harga_min, q.harga_max, q.kecamatan.as_deref()), (Some(9000), Some(10), Some("52")));
        assert!(q.problem().is_some());
        let stars = parse("bintang=7");
        assert_eq!(stars.bintang, Some(7));
        assert!(stars.problem().is_some());
    }

    #[test]
    fn filters_come_off_one_at_a_time_or_all_at_once() {
        let q = full();
        assert_eq!(filter_count(&q), Filter::ALL.len());
        for filter in Filter::ALL {
            let without = filter.remove(&q);
            assert!(!filter.is_set(&without), "{filter:?}");
            assert_eq!(filter_count(&without), Filter::ALL.len() - 1, "{filter:?}");
            assert_eq!(without.q, q.q);
        }
        let none = cleared(&q);
        assert_eq!(filter_count(&none), 0);
        assert!(!none.is_filtered());
        assert_eq!((none.q, none.urut), (q.q.clone(), q.urut));
        assert_eq!(with_words(&q, "  ").q, None);
        assert_eq!(with_prices(&q, None, Some(9)).harga_max, Some(9));
    }

    #[test]
    fn facets_ignore_the_order_and_the_page() {
        let f = facet_query(&CatalogQuery { setelah: Some("c".into()), ..full() });
        assert_eq!((f.urut, f.per, f.setelah), (None, None, None));
        assert_eq!(f.q, full().q);
        assert_eq!(facet_query(&CatalogQuery { urut: Some(CatalogSort::Newest), ..full() }), facet_query(&full()));
    }

    #[test]
    fn reads_prices_as_people_type_them() {
        assert_eq!(parse_price(""), Ok(None));
        assert_eq!(parse_price(" 25.000 "), Ok(Some(25_000)));
        assert_eq!(parse_price("Rp 25000"), Ok(Some(25_000)));
        assert_eq!(parse_price("1 500 000"), Ok(Some(1_500_000)));
        assert_eq!(parse_price("dua puluh"), Err(NotAPrice));
        assert_eq!(parse_price("-5"), Err(NotAPrice));
        assert_eq!(parse_price("9999999999999"), Err(NotAPrice));
    }

    #[test]
    fn slugs_read_as_words() {
        assert_eq!(slug_words("lapak-bumdes--darma"), "Lapak Bumdes Darma");
        assert_eq!(slug_words("éclair-x"), "éclair X");
    }
}
