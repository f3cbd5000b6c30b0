//! Writing for the page's language beyond its catalogues: numbers as each language writes them
//! ("1.234,5" in Indonesian, "1,234.5" in English; money stays Rupiah's "Rp 25.000"), quantities with
//! their unit ("12 packets"), and the mark on words sellers and buyers wrote in Indonesian when they show
//! on a page in another language.

use shared::format::thousands;
use shared::{Lang, Unit};
use yew::{AttrValue, Html, html};

/// A number written the Indonesian way ("1.234,5", "4,6") as `lang` writes it.
pub fn numeral(lang: Lang, indonesian: &str) -> String {
    match lang {
        Lang::Id => indonesian.to_owned(),
        Lang::En => indonesian
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

/// A count with its thousands grouped as `lang` groups them: "1.234", "1,234".
pub fn count(lang: Lang, n: i64) -> String {
    numeral(lang, &thousands(n))
}

/// "12 bungkus", "12 packets", "1 packet": a count of a unit, the unit's plural from `labels.toml`'s
/// `UnitPlural` in a language that has one.
pub fn quantity(lang: Lang, n: i64, unit: Unit) -> String {
    let plural = (n != 1).then(|| shared::texts::labels::get(lang, "UnitPlural", unit.code())).flatten();
    format!("{} {}", count(lang, n), plural.unwrap_or(unit.label_in(lang)))
}

/// `lang="id"` on words a seller or buyer wrote in Indonesian, on a page in another language; nothing on
/// Indonesian pages, whose markup stays as it was.
pub fn indonesian_on(lang: Lang) -> Option<AttrValue> {
    (lang != Lang::Id).then_some(AttrValue::Static("id"))
}

/// Words a seller or buyer wrote in Indonesian, inside a sentence: as they are on an Indonesian page, in
/// a `<span lang="id">` on a page in another language.
pub fn indonesian_words(lang: Lang, words: &str) -> Html {
    match indonesian_on(lang) {
        Some(code) => html! { <span lang={code}>{ words.to_owned() }</span> },
        None => html! { { words.to_owned() } },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_swaps_the_decimal_comma_and_the_thousands_point() {
        assert_eq!(numeral(Lang::Id, "1.234,5"), "1.234,5");
        assert_eq!(numeral(Lang::En, "1.234,5"), "1,234.5");
        assert_eq!(numeral(Lang::En, "4,6"), "4.6");
        assert_eq!(count(Lang::En, 1_500_000), "1,500,000");
        assert_eq!(count(Lang::Id, 1_500), "1.500");
        assert_eq!(indonesian_on(Lang::Id), None);
        assert_eq!(indonesian_on(Lang::En).as_deref(), Some("id"));
    }

    #[test]
    fn quantities_take_the_plural_of_their_unit() {
        assert_eq!(quantity(Lang::Id, 1500, Unit::Bungkus), "1.500 bungkus");
        assert_eq!(quantity(Lang::En, 1500, Unit::Bungkus), "1,500 packets");
        assert_eq!(quantity(Lang::En, 1, Unit::Bungkus), "1 packet");
        assert_eq!(quantity(Lang::En, 2, Unit::Kg), "2 kg");
        let missing: Vec<&str> = Unit::ALL
            .iter()
            .filter(|u| shared::texts::labels::get(Lang::En, "UnitPlural", u.code()).is_none())
            .map(|u| u.code())
            .collect();
        assert!(missing.is_empty(), "en/labels.toml's UnitPlural lacks {missing:?}");
    }
}
