//! What a village's people wrote (its profile, news, officials' titles, answers): shown as written, in
//! Indonesian, and said to be so on a page in another language, so a screen reader reads it as such.
//! An Indonesian page's markup stays as it was.

use shared::Lang;
use yew::prelude::*;

/// The `lang` attribute of an element holding only such text: `id` on a page in another language,
/// none on an Indonesian page.
pub fn as_written(lang: Lang) -> Option<&'static str> {
    (lang != Lang::Id).then_some(Lang::Id.code())
}

/// Such text among the page's own: a `<span lang="id">` on a page in another language, the bare text
/// on an Indonesian page.
pub fn written(lang: Lang, text: &str) -> Html {
    match as_written(lang) {
        Some(code) => html! { <span lang={code}>{ text }</span> },
        None => html! { { text } },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_what_villages_wrote_only_on_pages_in_another_language() {
        assert_eq!(as_written(Lang::Id), None);
        assert_eq!(as_written(Lang::En), Some("id"));
    }
}
