//! Texts and links a village page derives from its data: region line, its own addresses in the page's
//! language, map and WhatsApp links.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use shared::texts::villages as t;
use shared::{Lang, Location, RegionPath};
use yew_router::Routable;

use crate::app::Route;

/// What JavaScript's `encodeURIComponent` leaves alone; everything else is escaped.
const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// "Kecamatan Kopang, Kabupaten Lombok Tengah, Provinsi Nusa Tenggara Barat".
pub fn region_line(region: &RegionPath) -> String {
    region_line_in(Lang::Id, region)
}

/// The region line in `lang`: "Kecamatan Kopang, Kabupaten Lombok Tengah, Provinsi Nusa Tenggara Barat",
/// "Kopang District, Lombok Tengah Regency, Nusa Tenggara Barat Province" (the names as they are).
///
/// Region names may or may not carry their level already ("Kabupaten Lombok Tengah", "Kota Mataram"):
/// Indonesian keeps such a name as written, English puts its level after it ("Mataram City").
pub fn region_line_in(lang: Lang, region: &RegionPath) -> String {
    let regency: Level = ("Kabupaten", |lang, name| t::regency(lang, name));
    let city: Level = ("Kota", |lang, name| t::city(lang, name));
    let district: Level = ("Kecamatan", |lang, name| t::district(lang, name));
    let province: Level = ("Provinsi", |lang, name| t::province(lang, name));
    format!(
        "{}, {}, {}",
        with_level(lang, &[district], &region.kecamatan),
        with_level(lang, &[regency, city], &region.kabupaten),
        with_level(lang, &[province], &region.provinsi),
    )
}

/// A region level: its Indonesian word, and a name at that level written in a language.
type Level = (&'static str, fn(Lang, &str) -> String);

/// `name` at the first of `levels` unless it starts with one of their words already.
fn with_level(lang: Lang, levels: &[Level], name: &str) -> String {
    let name = name.trim();
    match levels.iter().find(|(word, _)| starts_with_word(name, word)) {
        Some(_) if lang == Lang::Id => name.to_owned(),
        Some((word, write)) => write(lang, name[word.len()..].trim_start()),
        None => levels.first().map_or_else(|| name.to_owned(), |(_, write)| write(lang, name)),
    }
}

/// A short place for cards: "Kopang, Lombok Tengah".
pub fn short_region(region: &RegionPath) -> String {
    format!("{}, {}", without_level(&region.kecamatan), without_level(&region.kabupaten))
}

/// A region name without its level word: "Kabupaten Lombok Barat" → "Lombok Barat" ("Kota …" stays).
pub fn without_level(name: &str) -> &str {
    let name = name.trim();
    ["Kabupaten", "Kecamatan", "Provinsi"]
        .iter()
        .find(|word| starts_with_word(name, word))
        .map_or(name, |word| name[word.len()..].trim_start())
}

fn starts_with_word(name: &str, word: &str) -> bool {
    name.len() > word.len()
        && name.get(..word.len()).is_some_and(|head| head.eq_ignore_ascii_case(word))
        && name[word.len()..].starts_with(' ')
}

/// The place on OpenStreetMap, with a marker.
pub fn openstreetmap_url(at: Location) -> String {
    let (lat, lon) = (coordinate(at.lat), coordinate(at.lon));
    format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=14/{lat}/{lon}")
}

/// Degrees with five decimals (about a metre), trailing zeros dropped.
fn coordinate(degrees: f64) -> String {
    shared::format::fixed(degrees, 5)
}

/// Degrees as `lang` writes decimals: `-0,5123` in Indonesian, `-0.5123` in English. (No thousands
/// grouping is ever needed.)
pub fn coordinate_label(lang: Lang, degrees: f64) -> String {
    match lang {
        Lang::Id => coordinate(degrees).replace('.', ","),
        Lang::En => coordinate(degrees),
    }
}

/// The address of a page of the site in `lang`, for a plain link (`/en/desa/darmaji`).
pub fn page_path(lang: Lang, route: &Route) -> String {
    lang.path(&route.to_path())
}

/// A WhatsApp link that opens a chat picker with "name – url" ready to send.
pub fn whatsapp_share_url(name: &str, url: &str) -> String {
    let text = format!("{name} – {url}");
    format!("https://wa.me/?text={}", utf8_percent_encode(&text, URI_COMPONENT))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(kec: &str, kab: &str, prov: &str) -> RegionPath {
        RegionPath { code: "52.02.09.2008".into(), kecamatan: kec.into(), kabupaten: kab.into(), provinsi: prov.into() }
    }

    #[test]
    fn writes_the_region_line_once_per_level() {
        let r = region("Kopang", "Kabupaten Lombok Tengah", "Nusa Tenggara Barat");
        assert_eq!(region_line(&r), "Kecamatan Kopang, Kabupaten Lombok Tengah, Provinsi Nusa Tenggara Barat");
        let r = region("Ampenan", "Kota Mataram", "Provinsi Nusa Tenggara Barat");
        assert_eq!(region_line(&r), "Kecamatan Ampenan, Kota Mataram, Provinsi Nusa Tenggara Barat");
        let r = region("Kotabaru", "Dharmasraya", "Sumatera Barat");
        assert_eq!(region_line(&r), "Kecamatan Kotabaru, Kabupaten Dharmasraya, Provinsi Sumatera Barat");
    }

    #[test]
    fn writes_the_region_line_in_english_after_the_names() {
        let r = region("Kopang", "Kabupaten Lombok Tengah", "Nusa Tenggara Barat");
        assert_eq!(
            region_line_in(Lang::En, &r),
            "Kopang District, Lombok Tengah Regency, Nusa Tenggara Barat Province"
        );
        let r = region("Kecamatan Ampenan", "Kota Mataram", "Provinsi Nusa Tenggara Barat");
        assert_eq!(region_line_in(Lang::En, &r), "Ampenan District, Mataram City, Nusa Tenggara Barat Province");
        let r = region(" Kotabaru ", "Dharmasraya", "Sumatera Barat");
        assert_eq!(region_line_in(Lang::En, &r), "Kotabaru District, Dharmasraya Regency, Sumatera Barat Province");
        // A name only starting like a level word is a name.
        let r = region("Kotaraja", "Kotawaringin Barat", "Kalimantan Tengah");
        assert_eq!(region_line(&r), "Kecamatan Kotaraja, Kabupaten Kotawaringin Barat, Provinsi Kalimantan Tengah");
        assert_eq!(
            region_line_in(Lang::En, &r),
            "Kotaraja District, Kotawaringin Barat Regency, Kalimantan Tengah Province"
        );
    }

    #[test]
    fn links_to_a_page_in_its_language() {
        assert_eq!(page_path(Lang::En, &Route::Village { slug: "darmaji".into() }), "/en/desa/darmaji");
        assert_eq!(page_path(Lang::Id, &Route::Village { slug: "darmaji".into() }), "/desa/darmaji");
    }

    #[test]
    fn shortens_the_region_for_cards() {
        let r = region("Kopang", "Kabupaten Lombok Tengah", "Nusa Tenggara Barat");
        assert_eq!(short_region(&r), "Kopang, Lombok Tengah");
        let r = region("Ampenan", "Kota Mataram", "Nusa Tenggara Barat");
        assert_eq!(short_region(&r), "Ampenan, Kota Mataram");
        assert_eq!(without_level("Kabupatenku"), "Kabupatenku");
    }

    #[test]
    fn links_to_the_map() {
        let url = openstreetmap_url(Location { lat: -8.5812, lon: 116.1 });
        assert_eq!(url, "https://www.openstreetmap.org/?mlat=-8.5812&mlon=116.1#map=14/-8.5812/116.1");
        assert_eq!(coordinate(-0.000001), "0");
        assert_eq!(coordinate(110.0), "110");
        assert_eq!(coordinate_label(Lang::Id, -0.51234), "-0,51234");
        assert_eq!(coordinate_label(Lang::Id, 116.12), "116,12");
        assert_eq!(coordinate_label(Lang::En, -0.51234), "-0.51234");
    }

    #[test]
    fn shares_on_whatsapp() {
        let url = whatsapp_share_url("Buwun Sejati", "https://lapakdesa.id/desa/buwun-sejati");
        assert_eq!(
            url,
            "https://wa.me/?text=Buwun%20Sejati%20%E2%80%93%20https%3A%2F%2Flapakdesa.id%2Fdesa%2Fbuwun-sejati"
        );
    }
}
