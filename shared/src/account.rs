//! Accounts: sign-up, sign-in, the signed-in user with their roles, sessions and reset links.

use serde::{Deserialize, Serialize};

use crate::{
    FieldError, Phone, RegionCode,
    form::{Form, checked, field, parsed},
    shop::MyShop,
};

/// Shortest password accepted.
pub const PASSWORD_MIN: usize = 8;
/// Longest password accepted (long passphrases are welcome; this only bounds the work of hashing).
pub const PASSWORD_MAX: usize = 128;
/// Longest name accepted.
pub const NAME_MAX: usize = 80;

crate::code_list! {
    /// A role granted to a user for a scope. Sellers are not granted: owning an approved shop makes one.
    Role {
        VillageAdmin = "village_admin", "Admin desa";
        DistrictAdmin = "district_admin", "Admin kabupaten";
    }
}

/// A user as others see them in admin lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UserRef {
    pub id: i64,
    pub name: String,
    pub phone: Phone,
}

/// A village as admin pages and grants name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VillageRef {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// The desa code, e.g. `52.01.03.2016`.
    pub code: String,
}

/// One role a user holds and where it applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grant {
    pub id: i64,
    pub role: Role,
    /// For a village admin: the village.
    pub village: Option<VillageRef>,
    /// For a district admin: the region code (`52` or `52.01`) and its name.
    pub region: Option<RegionRef>,
}

/// A region by code and name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionRef {
    pub code: String,
    pub name: String,
}

/// The signed-in user: `GET /api/v1/me`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: i64,
    pub name: String,
    pub phone: Phone,
    pub email: Option<String>,
    pub grants: Vec<Grant>,
    /// Shops the user owns or has applied for, with their status.
    pub shops: Vec<MyShop>,
}

impl Me {
    pub fn is_district_admin(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::DistrictAdmin)
    }

    pub fn is_village_admin(&self) -> bool {
        self.grants.iter().any(|g| g.role == Role::VillageAdmin)
    }

    /// Whether the admin area has anything for this user.
    pub fn is_admin(&self) -> bool {
        !self.grants.is_empty()
    }
}

/// `GET /api/v1/auth/session`: who is signed in, if anyone (200 either way, so a page that only
/// wants to know does not meet an error).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionState {
    pub user: Option<Me>,
}

/// `POST /api/v1/auth/sign-up`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignUp {
    pub name: String,
    /// WhatsApp number in any usual form (`08…`, `62…`, `+62…`).
    pub phone: String,
    pub password: String,
    pub email: Option<String>,
}

impl SignUp {
    /// What is wrong with the form, field by field (the server also refuses common passwords).
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for SignUp {
    type Context = ();
    /// The number read, the e-mail in lower case.
    type Parsed = SignUpParsed;

    fn check(&self, _: &()) -> Result<SignUpParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        check_name(&self.name, &mut errors);
        let phone = field("phone", Phone::parse(&self.phone), &mut errors);
        check_password("password", &self.password, &mut errors);
        check_email(self.email.as_deref(), &mut errors);
        let email = normalise_email(self.email.as_deref());
        parsed(phone.map(|phone| SignUpParsed { phone, email }), errors)
    }
}

/// What a valid sign-up's fields mean: the number read, the e-mail in lower case (`None` when left empty).
#[derive(Clone, Debug, PartialEq)]
pub struct SignUpParsed {
    pub phone: Phone,
    pub email: Option<String>,
}

/// An e-mail address as stored: trimmed, in lower case; `None` when left empty.
pub fn normalise_email(email: Option<&str>) -> Option<String> {
    email.map(str::trim).filter(|e| !e.is_empty()).map(str::to_lowercase)
}

/// `POST /api/v1/auth/sign-in`: by phone number or e-mail.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignIn {
    /// A phone number in any usual form, or an e-mail address.
    pub login: String,
    pub password: String,
}

/// `PATCH /api/v1/me`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileUpdate {
    pub name: String,
    /// Empty or absent removes the e-mail address.
    pub email: Option<String>,
}

impl ProfileUpdate {
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for ProfileUpdate {
    type Context = ();
    /// The e-mail address as stored ([`normalise_email`]).
    type Parsed = Option<String>;

    fn check(&self, _: &()) -> Result<Option<String>, Vec<FieldError>> {
        let mut errors = Vec::new();
        check_name(&self.name, &mut errors);
        check_email(self.email.as_deref(), &mut errors);
        checked(errors).map(|()| normalise_email(self.email.as_deref()))
    }
}

/// `PUT /api/v1/me/password`: other sessions are signed out, this one stays.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// `POST /api/v1/auth/reset`: sets a new password with a one-time reset token, then signs in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    pub token: String,
    pub new_password: String,
}

/// `POST /api/v1/auth/reset/info`: the token from a reset link's `#` fragment, asked about in the body so
/// that it never appears in an address a server or proxy logs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetLookup {
    pub token: String,
}

/// The answer to `ResetLookup`: whose link this is, before they choose a password.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetInfo {
    pub name: String,
    /// Unix milliseconds.
    pub expires_at: i64,
}

/// A one-time reset link an admin issued, shown once, to be sent by WhatsApp.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetLink {
    pub user: UserRef,
    /// The link itself (the token is in the `#` fragment, so it never reaches server logs).
    pub url: String,
    /// `wa.me` link to the user's number with the reset link in the message.
    pub whatsapp_url: String,
    /// Unix milliseconds.
    pub expires_at: i64,
}

/// One signed-in device: `GET /api/v1/me/sessions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub id: i64,
    /// Unix milliseconds.
    pub created_at: i64,
    /// Unix milliseconds (updated at most every few minutes).
    pub last_seen_at: i64,
    /// The browser as it described itself.
    pub user_agent: String,
    /// The session of this very request.
    pub current: bool,
}

fn check_name(name: &str, errors: &mut Vec<FieldError>) {
    let n = name.trim().chars().count();
    if n < 2 {
        errors.push(FieldError::new("name", "Nama wajib diisi (paling sedikit 2 huruf)."));
    } else if n > NAME_MAX {
        errors.push(FieldError::new("name", format!("Nama paling panjang {NAME_MAX} huruf.")));
    }
}

/// Length rules of a password, for the field named `field`.
pub fn check_password(field: &str, password: &str, errors: &mut Vec<FieldError>) {
    let n = password.chars().count();
    if n < PASSWORD_MIN {
        errors.push(FieldError::new(field, format!("Kata sandi paling sedikit {PASSWORD_MIN} karakter.")));
    } else if n > PASSWORD_MAX {
        errors.push(FieldError::new(field, format!("Kata sandi paling panjang {PASSWORD_MAX} karakter.")));
    }
}

fn check_email(email: Option<&str>, errors: &mut Vec<FieldError>) {
    let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) else { return };
    if !is_email(email) {
        errors.push(FieldError::new("email", "Alamat e-mail tidak sah, contoh: nama@contoh.id."));
    }
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    !local.is_empty()
        && text.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A region code a district admin's scope may have (provinsi or kabupaten), or the reason it cannot.
pub fn district_scope(code: &str) -> Result<RegionCode, String> {
    let code = RegionCode::parse(code.trim()).map_err(|e| e.to_string())?;
    match code.level() {
        crate::RegionLevel::Provinsi | crate::RegionLevel::Kabupaten => Ok(code),
        _ => Err("Wilayah admin kabupaten berupa kode provinsi (52) atau kabupaten/kota (52.01).".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_complete_sign_up_is_valid() {
        let form = SignUp {
            name: "Baiq Nurul".into(),
            phone: "0812 3456 7890".into(),
            password: "tenun-ikat-sukarara".into(),
            email: Some(String::new()),
        };
        assert!(form.validate().is_empty());
        let account = form.clone().parse().unwrap();
        assert_eq!((account.parsed().phone.as_str(), account.parsed().email.clone()), ("6281234567890", None));
        let shouted = SignUp { email: Some(" Nurul@Desa.ID ".into()), ..form };
        assert_eq!(shouted.parse().unwrap().parsed().email.as_deref(), Some("nurul@desa.id"));
    }

    #[test]
    fn each_bad_field_is_named() {
        let form =
            SignUp { name: " ".into(), phone: "12345".into(), password: "pendek".into(), email: Some("x@y".into()) };
        assert_eq!(fields(&form.validate()), ["name", "phone", "password", "email"]);
    }

    #[test]
    fn long_passphrases_are_welcome() {
        let mut errors = Vec::new();
        check_password("password", &"kata ".repeat(20), &mut errors);
        assert!(errors.is_empty());
        check_password("password", &"x".repeat(PASSWORD_MAX + 1), &mut errors);
        assert_eq!(fields(&errors), ["password"]);
    }

    #[test]
    fn recognises_email_addresses() {
        assert!(is_email("bumdes@desa.id"));
        for bad in ["", "a", "a@b", "@desa.id", "a b@desa.id", "a@.id", "a@desa.", "a@b@c.id"] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn district_scopes_are_provinces_or_kabupaten() {
        assert!(district_scope("52").is_ok());
        assert!(district_scope("52.01").is_ok());
        assert!(district_scope("52.01.03").is_err());
        assert!(district_scope("x").is_err());
    }
}
