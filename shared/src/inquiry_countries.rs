//! The countries an inquiry's goods may go to, by ISO code, with their names in Indonesian and English.

use crate::Lang;

/// Destination countries a buyer picks from: ISO 3166-1 alpha-2, the Indonesian name and the English one.
/// Any other two-letter code is accepted too and shown as it is.
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("ID", "Indonesia", "Indonesia"),
    ("MY", "Malaysia", "Malaysia"),
    ("SG", "Singapura", "Singapore"),
    ("BN", "Brunei Darussalam", "Brunei"),
    ("TL", "Timor Leste", "Timor-Leste"),
    ("PH", "Filipina", "Philippines"),
    ("TH", "Thailand", "Thailand"),
    ("VN", "Vietnam", "Vietnam"),
    ("AU", "Australia", "Australia"),
    ("NZ", "Selandia Baru", "New Zealand"),
    ("JP", "Jepang", "Japan"),
    ("KR", "Korea Selatan", "South Korea"),
    ("CN", "Tiongkok", "China"),
    ("TW", "Taiwan", "Taiwan"),
    ("HK", "Hong Kong", "Hong Kong"),
    ("IN", "India", "India"),
    ("SA", "Arab Saudi", "Saudi Arabia"),
    ("AE", "Uni Emirat Arab", "United Arab Emirates"),
    ("QA", "Qatar", "Qatar"),
    ("NL", "Belanda", "Netherlands"),
    ("DE", "Jerman", "Germany"),
    ("GB", "Inggris", "United Kingdom"),
    ("FR", "Prancis", "France"),
    ("US", "Amerika Serikat", "United States"),
    ("CA", "Kanada", "Canada"),
    ("XX", "Negara lain (tulis di tujuan)", "Another country (write it in the destination)"),
];

/// The Indonesian name of a country code, or the code itself when the list does not have it.
pub fn country_name(code: &str) -> &str {
    country_name_in(Lang::Id, code)
}

/// The name of a country code in `lang`, or the code itself when the list does not have it.
pub fn country_name_in(lang: Lang, code: &str) -> &str {
    COUNTRIES.iter().find(|(c, ..)| *c == code).map_or(code, |(_, id, en)| match lang {
        Lang::Id => id,
        Lang::En => en,
    })
}
