//! The interface's languages: Indonesian, the default, at every address, and English for export buyers
//! at the same address under `/en` (`/en/produk/12-kopi`).

/// A language the public pages are read in; in JSON and the database its code, `"id"` or `"en"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Bahasa Indonesia: the default, with no prefix.
    #[default]
    Id,
    /// English, under `/en`.
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code (`<html lang>`, `hreflang`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language with this code (`id`, `en`), if it is one.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language a request's `Accept-Language` asks for first (the app's pages send theirs): English for
    /// `en` and its regional forms, Indonesian for anything else or nothing.
    pub fn of_accept_language(header: Option<&str>) -> Lang {
        let first = header.and_then(|h| h.split(',').next()).and_then(|tag| tag.split(';').next()).unwrap_or("");
        let base = first.trim().split('-').next().unwrap_or("");
        if base.eq_ignore_ascii_case("en") { Lang::En } else { Lang::Id }
    }

    /// The Open Graph locale.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Id => "id_ID",
            Lang::En => "en_US",
        }
    }

    /// The language's own name, as its switch shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// The start of the language's addresses: none for Indonesian, `/en` for English.
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::Id => "",
            Lang::En => "/en",
        }
    }

    /// The address of the page at `path` (`/produk/12-kopi`, with its query) in this language: the
    /// English home is `/en/`.
    pub fn path(self, path: &str) -> String {
        format!("{}{path}", self.prefix())
    }

    /// The language of an address and the address without its language (`/en/produk` → English,
    /// `/produk`; `/en` → English, `/`; `/en/?q=1` → English, `/?q=1`).
    pub fn of_path(path: &str) -> (Lang, &str) {
        match path.strip_prefix("/en") {
            Some("") => (Lang::En, "/"),
            Some(rest) if rest.starts_with('/') => (Lang::En, rest),
            _ => (Lang::Id, path),
        }
    }

    /// The other language, which the switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn an_address_keeps_its_page_in_either_language() {
        for path in ["/", "/produk/12-kopi", "/produk?q=kopi", "/?x=1", "/desa/darmaji/berita"] {
            let english = Lang::En.path(path);
            assert!(english.starts_with("/en"), "{english}");
            assert_eq!(Lang::of_path(&english), (Lang::En, path), "{english}");
            assert_eq!(Lang::of_path(path), (Lang::Id, path));
            assert_eq!(Lang::Id.path(path), path);
        }
        assert_eq!(Lang::En.path("/"), "/en/");
        assert_eq!(Lang::of_path("/en"), (Lang::En, "/"));
        assert_eq!(Lang::of_path("/enak"), (Lang::Id, "/enak"), "a word starting with en is not English");
        assert_eq!(Lang::of_path("/en/"), (Lang::En, "/"));
    }

    #[test]
    fn a_language_is_its_code_in_json_and_the_database() {
        for lang in Lang::ALL {
            assert_eq!(serde_json::to_value(lang).unwrap(), lang.code());
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn a_request_is_answered_in_the_language_it_asks_first() {
        for (header, lang) in [
            (Some("en"), Lang::En),
            (Some("en-GB,en;q=0.9"), Lang::En),
            (Some(" EN-us ;q=1"), Lang::En),
            (Some("id"), Lang::Id),
            (Some("id-ID,id;q=0.9,en-US;q=0.8"), Lang::Id),
            (Some("ms,en;q=0.5"), Lang::Id),
            (Some("english"), Lang::Id),
            (Some(""), Lang::Id),
            (None, Lang::Id),
        ] {
            assert_eq!(Lang::of_accept_language(header), lang, "{header:?}");
        }
    }
}
