//! The village profile as its admins edit it (Markdown sources, statistics, contact, location), with
//! the version that keeps two admins from overwriting each other.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Form, Phone,
    account::is_email,
    form::{field, parsed},
};

/// How a village's office is reached, as the public page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VillageContact {
    pub office_address: String,
    /// WhatsApp / phone of the office.
    pub phone: Option<Phone>,
    pub email: Option<String>,
    /// E.g. "Senin–Jumat 08.00–15.00 WITA".
    pub opening_hours: String,
}

/// `GET`/`PUT /api/v1/admin/villages/{id}/profile`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileForm {
    /// The version this form was loaded at; a save against an older one is refused (409).
    pub version: i64,
    /// The name shown (the region table's name to start with).
    pub name: String,
    pub tagline: String,
    /// Markdown: headings, lists, links, bold; rendered safely.
    pub history_md: String,
    pub vision_md: String,
    pub mission_md: String,
    pub population: Option<i64>,
    pub households: Option<i64>,
    pub area_km2: Option<f64>,
    pub dusun_count: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub office_address: String,
    /// In any usual form; empty for none.
    pub phone: String,
    pub email: String,
    pub opening_hours: String,
}

/// Longest Markdown text accepted (history, vision, mission).
pub const TEXT_MAX: usize = 20_000;

impl ProfileForm {
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

/// How a form's optional phone and e-mail are stored: the number read, the e-mail in lower case; `None`
/// for one left empty.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContactParsed {
    pub phone: Option<Phone>,
    pub email: Option<String>,
}

/// Checks an optional phone and e-mail (`example` is the e-mail address the message shows), adding what is
/// wrong with them to `errors`.
pub fn check_contact(phone: &str, email: &str, example: &str, errors: &mut Vec<FieldError>) -> Option<ContactParsed> {
    let phone = match phone.trim() {
        "" => Some(None),
        text => field("phone", Phone::parse(text), errors).map(Some),
    };
    let email = email.trim();
    if !email.is_empty() && !is_email(email) {
        errors.push(FieldError::new("email", format!("Alamat e-mail tidak sah, contoh: {example}.")));
    }
    let email = Some(email.to_lowercase()).filter(|e| !e.is_empty());
    phone.map(|phone| ContactParsed { phone, email })
}

impl Form for ProfileForm {
    type Context = ();
    type Parsed = ContactParsed;

    fn check(&self, _: &()) -> Result<ContactParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        let chars = |s: &str| s.trim().chars().count();
        if !(2..=80).contains(&chars(&self.name)) {
            errors.push(FieldError::new("name", "Nama desa 2 sampai 80 huruf."));
        }
        if chars(&self.tagline) > 160 {
            errors.push(FieldError::new("tagline", "Slogan paling panjang 160 huruf."));
        }
        for (field, text) in
            [("history_md", &self.history_md), ("vision_md", &self.vision_md), ("mission_md", &self.mission_md)]
        {
            if text.chars().count() > TEXT_MAX {
                errors.push(FieldError::new(field, format!("Paling panjang {TEXT_MAX} huruf.")));
            }
        }
        for (field, value) in
            [("population", self.population), ("households", self.households), ("dusun_count", self.dusun_count)]
        {
            if value.is_some_and(|v| !(0..=10_000_000).contains(&v)) {
                errors.push(FieldError::new(field, "Isi bilangan bulat 0 atau lebih."));
            }
        }
        if self.area_km2.is_some_and(|a| !(a > 0.0 && a < 100_000.0)) {
            errors.push(FieldError::new("area_km2", "Luas wilayah dalam km², lebih dari 0."));
        }
        match (self.lat, self.lon) {
            (Some(lat), Some(lon)) => {
                if !(-11.5..=6.5).contains(&lat) {
                    errors.push(FieldError::new("lat", "Lintang di Indonesia antara -11,5 dan 6,5."));
                }
                if !(94.0..=141.5).contains(&lon) {
                    errors.push(FieldError::new("lon", "Bujur di Indonesia antara 94 dan 141,5."));
                }
            }
            (None, None) => {}
            (None, Some(_)) => errors.push(FieldError::new("lat", "Isi lintang dan bujur, atau kosongkan keduanya.")),
            (Some(_), None) => errors.push(FieldError::new("lon", "Isi lintang dan bujur, atau kosongkan keduanya.")),
        }
        if chars(&self.office_address) > 300 {
            errors.push(FieldError::new("office_address", "Alamat paling panjang 300 huruf."));
        }
        let contact = check_contact(&self.phone, &self.email, "desa@contoh.id", &mut errors);
        if chars(&self.opening_hours) > 120 {
            errors.push(FieldError::new("opening_hours", "Paling panjang 120 huruf."));
        }
        parsed(contact, errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_bad_field() {
        let form = ProfileForm {
            name: "D".into(),
            population: Some(-1),
            area_km2: Some(0.0),
            lat: Some(40.0),
            lon: Some(116.0),
            phone: "12".into(),
            email: "x@y".into(),
            ..Default::default()
        };
        let fields: Vec<_> = form.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "population", "area_km2", "lat", "phone", "email"]);
        let ok = ProfileForm { name: "Darmaji".into(), lat: Some(-8.6), lon: Some(116.3), ..Default::default() };
        assert!(ok.validate().is_empty());
        assert_eq!(ok.clone().parse().unwrap().parsed(), &ContactParsed::default());
        let reachable = ProfileForm { phone: "0812 3456 7890".into(), email: " Desa@Contoh.ID ".into(), ..ok };
        let contact = reachable.parse().unwrap().into_parts().1;
        assert_eq!(contact.phone.map(|p| p.display()).as_deref(), Some("0812-3456-7890"));
        assert_eq!(contact.email.as_deref(), Some("desa@contoh.id"));
    }
}
