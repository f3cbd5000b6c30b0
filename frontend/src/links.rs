//! Texts and outside links a village page derives from its data: region line, map and WhatsApp links.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use shared::{Location, RegionPath};

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
///
/// Region names may or may not carry their level already ("Kabupaten Lombok Tengah", "Kota Mataram").
pub fn region_line(region: &RegionPath) -> String {
    format!(
        "{}, {}, {}",
        with_level("Kecamatan", &[], &region.kecamatan),
        with_level("Kabupaten", &["Kota"], &region.kabupaten),
        with_level("Provinsi", &[], &region.provinsi),
    )
}

/// A short place for cards: "Kopang, Lombok Tengah".
pub fn short_region(region: &RegionPath) -> String {
    format!("{}, {}", without_level(&region.kecamatan), without_level(&region.kabupaten))
}

fn with_level(level: &str, others: &[&str], name: &str) -> String {
    let name = name.trim();
    let has_level = std::iter::once(level).chain(others.iter().copied()).any(|word| starts_with_word(name, word));
    if has_level { name.to_owned() } else { format!("{level} {name}") }
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

/// Degrees as Indonesians write decimals: `-0,5123`. (No thousands grouping is ever needed.)
pub fn coordinate_label(degrees: f64) -> String {
    coordinate(degrees).replace('.', ",")
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
        assert_eq!(coordinate_label(-0.51234), "-0,51234");
        assert_eq!(coordinate_label(116.12), "116,12");
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
