//! Bulk and export inquiries ("permintaan partai besar / ekspor"): what a buyer sends from a product, a
//! shop or a village's flagship, how it is checked, and how sellers and admins see and move it.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Form, Lang, Phone,
    account::{NAME_MAX, is_email},
    form::parsed,
    phone::{BadPhone, percent_encode},
    texts::inquiry as t,
};

crate::code_list! {
    /// What a buyer asks for.
    InquiryKind {
        Bulk = "partai_besar", "Partai besar";
        Export = "ekspor", "Ekspor";
    }
}

crate::code_list! {
    /// Where an inquiry stands, as the seller or the admins move it.
    InquiryStatus {
        New = "baru", "Baru";
        Contacted = "dihubungi", "Dihubungi";
        Done = "selesai", "Selesai";
        Cancelled = "batal", "Batal";
    }
}

impl InquiryStatus {
    /// The statuses an inquiry in this one may move to: forward only, and nothing once it is closed.
    pub fn next(self) -> &'static [InquiryStatus] {
        match self {
            InquiryStatus::New => &[InquiryStatus::Contacted, InquiryStatus::Done, InquiryStatus::Cancelled],
            InquiryStatus::Contacted => &[InquiryStatus::Done, InquiryStatus::Cancelled],
            InquiryStatus::Done | InquiryStatus::Cancelled => &[],
        }
    }

    pub fn can_become(self, to: InquiryStatus) -> bool {
        self.next().contains(&to)
    }
}

/// Shortest buyer name.
pub const BUYER_NAME_MIN: usize = 2;
/// Largest quantity one inquiry may ask for (a hundred million units: more is a typing slip).
pub const QUANTITY_MAX: i64 = 100_000_000;
/// Longest unit ("kg", "ton", "karton isi 24").
pub const UNIT_MAX: usize = 30;
/// Longest destination, organisation or e-mail.
pub const TEXT_MAX: usize = 120;
/// Longest message.
pub const MESSAGE_MAX: usize = 2000;
/// Longest note with a status change.
pub const NOTE_MAX: usize = 500;
/// How many years ahead a buyer may say they need the goods.
pub const YEARS_AHEAD_MAX: i64 = 5;

/// `POST /api/v1/inquiries`: exactly one of `product_id`, `shop_id` and `village` names what is asked for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InquiryForm {
    /// A product on sale.
    #[serde(default)]
    pub product_id: Option<i64>,
    /// An open shop.
    #[serde(default)]
    pub shop_id: Option<i64>,
    /// A village (its slug or id) whose flagship product is asked for.
    #[serde(default)]
    pub village: Option<String>,
    pub kind: InquiryKind,
    pub buyer_name: String,
    /// An Indonesian mobile number (`08…`) or an international one with `+` and its country code.
    pub buyer_whatsapp: String,
    #[serde(default)]
    pub buyer_email: Option<String>,
    /// The buyer's business, shop or organisation.
    #[serde(default)]
    pub organisation: Option<String>,
    pub quantity: i64,
    pub unit: String,
    /// City or country the goods go to, as the buyer writes it.
    pub destination: String,
    /// Two-letter country code (`ID` for Indonesia).
    pub dest_country: String,
    /// When the goods are needed: `2026-12` or `2026-12-31`.
    #[serde(default)]
    pub needed_by: Option<String>,
    #[serde(default)]
    pub message: String,
    /// The language of the page it was sent from: the buyer reads the answers in it and the shop replies in
    /// it (an older client that sends none wrote from an Indonesian page).
    #[serde(default)]
    pub lang: Lang,
}

impl Default for InquiryForm {
    fn default() -> Self {
        InquiryForm {
            product_id: None,
            shop_id: None,
            village: None,
            kind: InquiryKind::Bulk,
            buyer_name: String::new(),
            buyer_whatsapp: String::new(),
            buyer_email: None,
            organisation: None,
            quantity: 0,
            unit: String::new(),
            destination: String::new(),
            dest_country: "ID".into(),
            needed_by: None,
            message: String::new(),
            lang: Lang::Id,
        }
    }
}

/// Text a person left empty counts as not given.
pub fn given(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

impl InquiryForm {
    /// What is wrong with the form, in Indonesian; `today` is the local date (`2026-11-24`) a needed-by date
    /// may not be before.
    pub fn validate(&self, today: &str) -> Vec<FieldError> {
        self.validate_in(Lang::Id, today)
    }

    /// What is wrong with the form, written in `lang`.
    pub fn validate_in(&self, lang: Lang, today: &str) -> Vec<FieldError> {
        self.check_in(lang, today).err().unwrap_or_default()
    }

    /// What the inquiry is about, when the form names exactly one thing.
    fn target(&self) -> Option<InquiryTarget> {
        match (self.product_id, self.shop_id, given(&self.village)) {
            (Some(id), None, None) => Some(InquiryTarget::Product(id)),
            (None, Some(id), None) => Some(InquiryTarget::Shop(id)),
            (None, None, Some(village)) => Some(InquiryTarget::Village(village.to_owned())),
            _ => None,
        }
    }

    /// The destination country as stored: trimmed, upper case.
    pub fn country(&self) -> String {
        self.dest_country.trim().to_ascii_uppercase()
    }
}

/// What an inquiry is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InquiryTarget {
    /// A product on sale, by id.
    Product(i64),
    /// An open shop, by id.
    Shop(i64),
    /// The flagship of a village, by its slug or id as written (trimmed).
    Village(String),
}

/// What a valid inquiry's fields mean: what it is about, and the buyer's number as `wa.me` wants it.
#[derive(Clone, Debug, PartialEq)]
pub struct InquiryParsed {
    pub target: InquiryTarget,
    /// Digits with the country code ([`buyer_number`]).
    pub number: String,
}

impl Form for InquiryForm {
    /// The local date (`2026-11-24`) a needed-by date may not be before.
    type Context = str;
    type Parsed = InquiryParsed;

    /// Checked in the form's own language, which its field errors are written in.
    fn check(&self, today: &str) -> Result<InquiryParsed, Vec<FieldError>> {
        self.check_in(self.lang, today)
    }
}

impl InquiryForm {
    fn check_in(&self, lang: Lang, today: &str) -> Result<InquiryParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        let target = self.target();
        let number = buyer_number(lang, &self.buyer_whatsapp);
        let mut push = |field: &str, message: &str| errors.push(FieldError::new(field, message));
        if target.is_none() {
            push("target", t::bad_target(lang));
        }
        let name = self.buyer_name.trim().chars().count();
        if !(BUYER_NAME_MIN..=NAME_MAX).contains(&name) {
            push("buyer_name", &t::bad_name(lang, BUYER_NAME_MIN, NAME_MAX));
        }
        if let Err(message) = &number {
            push("buyer_whatsapp", message);
        }
        if let Some(email) = given(&self.buyer_email)
            && (!is_email(email) || email.chars().count() > TEXT_MAX)
        {
            push("buyer_email", t::bad_email(lang));
        }
        if given(&self.organisation).is_some_and(|o| o.chars().count() > TEXT_MAX) {
            push("organisation", &t::long_organisation(lang, TEXT_MAX));
        }
        if self.quantity < 1 {
            push("quantity", t::few(lang));
        } else if self.quantity > QUANTITY_MAX {
            push("quantity", &t::many(lang, count_in(lang, QUANTITY_MAX)));
        }
        if !(1..=UNIT_MAX).contains(&self.unit.trim().chars().count()) {
            push("unit", &t::bad_unit(lang, UNIT_MAX));
        }
        let destination = self.destination.trim().chars().count();
        if destination == 0 {
            push("destination", t::no_destination(lang));
        } else if destination > TEXT_MAX {
            push("destination", &t::long_destination(lang, TEXT_MAX));
        }
        let country = self.country();
        if !is_country_code(&country) {
            push("dest_country", t::no_country(lang));
        } else if self.kind == InquiryKind::Export && country == "ID" {
            push("dest_country", t::export_at_home(lang));
        }
        if let Some(needed_by) = given(&self.needed_by)
            && let Err(message) = check_needed_by(lang, needed_by, today)
        {
            push("needed_by", &message);
        }
        if self.message.trim().chars().count() > MESSAGE_MAX {
            push("message", &t::long_message(lang, MESSAGE_MAX));
        }
        let read = target.zip(number.ok()).map(|(target, number)| InquiryParsed { target, number });
        parsed(read, errors)
    }
}

/// Two ASCII capital letters.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A buyer's WhatsApp number as `wa.me` wants it (digits with the country code): an Indonesian mobile
/// number in any usual form, or a number abroad written with `+` and its country code. What is wrong is
/// written in `lang`.
pub fn buyer_number(lang: Lang, text: &str) -> Result<String, String> {
    let text = text.trim();
    let indonesian = match Phone::parse(text) {
        Ok(phone) => return Ok(phone.as_str().to_owned()),
        Err(e) => e,
    };
    let bad = |e: BadPhone| {
        match e {
            BadPhone::Empty => t::phone_empty(lang),
            BadPhone::Characters => t::phone_characters(lang),
            BadPhone::NotMobile => t::phone_not_mobile(lang),
            BadPhone::Length => t::phone_length(lang),
        }
        .to_owned()
    };
    let abroad = t::phone_abroad(lang).to_owned();
    let Some(rest) = text.strip_prefix('+') else {
        return Err(if indonesian == BadPhone::NotMobile { abroad } else { bad(indonesian) });
    };
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(bad(BadPhone::Characters)),
        }
    }
    if digits.starts_with("62") {
        return Err(bad(indonesian));
    }
    if digits.starts_with('0') || !(8..=15).contains(&digits.len()) {
        return Err(abroad);
    }
    Ok(digits)
}

/// A stored buyer number as people read it: `0812-3456-7890` at home, `+60123456789` abroad.
pub fn number_display(digits: &str) -> String {
    match Phone::parse(digits) {
        Ok(phone) if digits.starts_with("62") => phone.display(),
        _ => format!("+{digits}"),
    }
}

/// A WhatsApp link to a stored number with a prefilled message.
pub fn whatsapp_link(digits: &str, message: &str) -> String {
    format!("https://wa.me/{digits}?text={}", percent_encode(message))
}

/// Checks `YYYY-MM` or `YYYY-MM-DD` against `today` (`YYYY-MM-DD`): a real date, not past, not far ahead;
/// what is wrong is written in `lang`.
pub fn check_needed_by(lang: Lang, text: &str, today: &str) -> Result<(), String> {
    let shape = t::needed_by_shape(lang);
    let (year, month, day) = parse_date(text).ok_or(shape)?;
    let (this_year, this_month, this_day) = parse_date(today).and_then(|(y, m, d)| Some((y, m, d?))).ok_or(shape)?;
    let past = match day {
        Some(day) => (year, month, day) < (this_year, this_month, this_day),
        None => (year, month) < (this_year, this_month),
    };
    if past {
        return Err(t::needed_by_past(lang).into());
    }
    if year > this_year + YEARS_AHEAD_MAX {
        return Err(t::needed_by_far(lang, YEARS_AHEAD_MAX));
    }
    Ok(())
}

/// `YYYY-MM` (no day) or a real `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Option<(i64, i64, Option<i64>)> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, len: usize| {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<i64>().ok()).flatten()
    };
    let (year, month) = (number(parts.first()?, 4)?, number(parts.get(1)?, 2)?);
    if !(1..=12).contains(&month) {
        return None;
    }
    match parts.len() {
        2 => Some((year, month, None)),
        3 => {
            let day = number(parts[2], 2)?;
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            (1..=days).contains(&day).then_some((year, month, Some(day)))
        }
        _ => None,
    }
}

/// `2026-12` → "Desember 2026"; `2026-12-31` → "31 Desember 2026"; anything else as it is.
pub fn needed_by_label(text: &str) -> String {
    match parse_date(text) {
        Some((year, month, day)) => {
            let name = crate::format::MONTH_NAMES[usize::try_from(month - 1).unwrap_or(0)];
            day.map_or_else(|| format!("{name} {year}"), |day| format!("{day} {name} {year}"))
        }
        None => text.to_owned(),
    }
}

pub use countries::*;
pub use views::*;

#[path = "inquiry_countries.rs"]
mod countries;
#[path = "inquiry_views.rs"]
mod views;

#[cfg(test)]
#[path = "inquiry_tests.rs"]
mod tests;
