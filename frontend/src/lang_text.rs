//! Writing for the page's language beyond its catalogues: numbers as each language writes them
//! ("1.234,5" in Indonesian, "1,234.5" in English; money stays Rupiah's "Rp 25.000"), quantities with
//! their unit ("12 packets"), and the mark on words sellers and buyers wrote in Indonesian when they show
//! on a page in another language.

use shared::format::thousands_in;
use shared::{Lang, Unit};
use yew::{Html, html};

/// "12 bungkus", "12 packets", "1 packet": a count of a unit, the unit's plural from `labels.toml`'s
/// `UnitPlural` in a language that has one.
pub fn quantity(lang: Lang, n: i64, unit: Unit) -> String {
    let plural = (n != 1).then(|| shared::texts::labels::get(lang, "UnitPlural", unit.code())).flatten();
    format!("{} {}", thousands_in(lang, n), plural.unwrap_or(unit.label_in(lang)))
}

/// The `lang` attribute of an element holding only words people wrote in Indonesian (a village's
/// profile, a shop's description, a review): `id` on a page in another language, none on an Indonesian
/// page, whose markup stays as it was.
pub fn as_written(lang: Lang) -> Option<&'static str> {
    (lang != Lang::Id).then_some(Lang::Id.code())
}

/// Such words inside a sentence of the page's own: a `<span lang="id">` on a page in another language,
/// the bare text on an Indonesian page.
pub fn written(lang: Lang, words: &str) -> Html {
    match as_written(lang) {
        Some(code) => html! { <span lang={code}>{ words.to_owned() }</span> },
        None => html! { { words.to_owned() } },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_what_people_wrote_only_on_pages_in_another_language() {
        assert_eq!(as_written(Lang::Id), None);
        assert_eq!(as_written(Lang::En), Some("id"));
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
