//! Indonesian mobile numbers: `0812…`, `62812…` and `+62 812-…` are one number, kept as `62812…`.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::texts::checks as t;

/// A mobile number in canonical form: `62` then the subscriber number starting with `8`, digits only.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

/// Why text is not an Indonesian mobile number; the message is for people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BadPhone {
    Empty,
    Characters,
    NotMobile,
    Length,
}

impl BadPhone {
    /// What is wrong, for people reading `lang`.
    pub fn message_in(self, lang: Lang) -> &'static str {
        match self {
            BadPhone::Empty => t::phone_empty(lang),
            BadPhone::Characters => t::phone_characters(lang),
            BadPhone::NotMobile => t::phone_not_mobile(lang),
            BadPhone::Length => t::phone_length(lang),
        }
    }
}

impl std::fmt::Display for BadPhone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message_in(Lang::Id))
    }
}

impl std::error::Error for BadPhone {}

impl Phone {
    /// Reads a number as people write it: spaces, dashes, dots and brackets are ignored.
    pub fn parse(text: &str) -> Result<Phone, BadPhone> {
        let text = text.trim();
        if text.is_empty() {
            return Err(BadPhone::Empty);
        }
        let (plus, rest) = match text.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let mut digits = String::with_capacity(rest.len());
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' => {}
                _ => return Err(BadPhone::Characters),
            }
        }
        let subscriber = if let Some(s) = digits.strip_prefix("62") {
            s
        } else if let (false, Some(s)) = (plus, digits.strip_prefix('0')) {
            s
        } else {
            return Err(BadPhone::NotMobile);
        };
        if !subscriber.starts_with('8') {
            return Err(BadPhone::NotMobile);
        }
        // 08xx-xxxx-xx (10 digits) up to 08xx-xxxx-xxxxx (13 digits).
        if !(9..=12).contains(&subscriber.len()) {
            return Err(BadPhone::Length);
        }
        Ok(Phone(format!("62{subscriber}")))
    }

    /// The canonical form, `62812…`: what is stored and what `wa.me` wants.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The national form people read, grouped: `0812-3456-7890`.
    pub fn display(&self) -> String {
        let national = format!("0{}", &self.0[2..]);
        let (a, rest) = national.split_at(4);
        let (b, c) = rest.split_at(4.min(rest.len()));
        if c.is_empty() { format!("{a}-{b}") } else { format!("{a}-{b}-{c}") }
    }

    /// A WhatsApp link to this number with a prefilled message.
    pub fn whatsapp_url(&self, message: &str) -> String {
        format!("https://wa.me/{}?text={}", self.0, percent_encode(message))
    }
}

impl TryFrom<String> for Phone {
    type Error = BadPhone;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        Phone::parse(&text)
    }
}

impl From<Phone> for String {
    fn from(phone: Phone) -> String {
        phone.0
    }
}

impl std::fmt::Display for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.display())
    }
}

/// Percent-encodes text for a URL query value (RFC 3986 unreserved characters stay as they are).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_number_in_every_form() {
        for form in ["081234567890", "6281234567890", "+6281234567890", "+62 812-3456-7890", "0812.3456.7890"] {
            assert_eq!(Phone::parse(form).unwrap().as_str(), "6281234567890", "{form}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_mobile_number() {
        assert_eq!(Phone::parse(""), Err(BadPhone::Empty));
        assert_eq!(Phone::parse("0812abc"), Err(BadPhone::Characters));
        assert_eq!(Phone::parse("0370123456"), Err(BadPhone::NotMobile));
        assert_eq!(Phone::parse("+081234567890"), Err(BadPhone::NotMobile));
        assert_eq!(Phone::parse("14045551234"), Err(BadPhone::NotMobile));
        assert_eq!(Phone::parse("0812345"), Err(BadPhone::Length));
        assert_eq!(Phone::parse("08123456789012"), Err(BadPhone::Length));
    }

    #[test]
    fn says_what_is_wrong_in_either_language() {
        assert_eq!(BadPhone::Empty.to_string(), "Nomor WhatsApp wajib diisi.");
        assert_eq!(
            BadPhone::NotMobile.message_in(Lang::Id),
            "Gunakan nomor HP Indonesia yang diawali 08, 628 atau +628."
        );
        assert_eq!(BadPhone::Empty.message_in(Lang::En), "A WhatsApp number is required.");
        assert!(BadPhone::NotMobile.message_in(Lang::En).starts_with("Use an Indonesian mobile number"));
    }

    #[test]
    fn shows_the_national_form() {
        assert_eq!(Phone::parse("6281234567890").unwrap().display(), "0812-3456-7890");
        assert_eq!(Phone::parse("08123456789").unwrap().display(), "0812-3456-789");
    }

    #[test]
    fn links_to_whatsapp() {
        let url = Phone::parse("0812 3456 7890").unwrap().whatsapp_url("Halo, Bu & Pak!");
        assert_eq!(url, "https://wa.me/6281234567890?text=Halo%2C%20Bu%20%26%20Pak%21");
    }

    #[test]
    fn deserialises_any_form_and_serialises_the_canonical_one() {
        let phone: Phone = serde_json::from_str("\"0812-3456-7890\"").unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), "\"6281234567890\"");
        assert!(serde_json::from_str::<Phone>("\"12\"").is_err());
    }
}
