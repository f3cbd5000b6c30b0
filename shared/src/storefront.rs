//! A shop as its owner runs it (logo, contact, how to pay and how goods travel, holidays) and as
//! shoppers see it at `/toko/{slug}`.

use serde::{Deserialize, Serialize};

use crate::{
    Enterprise, FieldError, Form, Image, Phone, Producer, RegionCode, RegionLevel, RegionPath, ShopStatus,
    account::NAME_MAX,
    cart::QUANTITY_MAX,
    form::{field, parsed},
    format::{rupiah, thousands},
    shop::DESCRIPTION_MAX,
};

/// Highest delivery fee or rate, in Rupiah.
pub const FEE_MAX: i64 = 10_000_000;
/// Most bank accounts per shop.
pub const BANK_ACCOUNTS_MAX: usize = 5;
/// Most courier rates per shop.
pub const RATES_MAX: usize = 60;

/// How a shop's goods reach buyers; at least one way.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryOptions {
    /// Buyers collect at the pickup address (free).
    pub pickup: bool,
    /// The seller delivers, for a flat fee per area; an area without a fee is not served.
    pub seller: Option<SellerDelivery>,
    /// A courier, priced by weight per destination region.
    pub courier: Vec<CourierRate>,
    /// The seller names the delivery fee after the order, before the buyer pays.
    pub quoted: bool,
}

impl Default for DeliveryOptions {
    fn default() -> Self {
        DeliveryOptions { pickup: true, seller: None, courier: Vec::new(), quoted: false }
    }
}

/// The seller's own delivery fees, by how far the buyer is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SellerDelivery {
    pub same_desa: Option<i64>,
    pub same_kecamatan: Option<i64>,
    pub same_kabupaten: Option<i64>,
}

/// A courier rate for destinations in a province or kabupaten (the most specific region wins).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CourierRate {
    /// A province (`52`) or kabupaten (`52.01`) code.
    pub region: String,
    /// Rupiah per started kilogram.
    pub per_kg: i64,
}

/// An account buyers may transfer to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BankAccount {
    /// "BRI", "BNI", "Bank NTB Syariah", …
    pub bank: String,
    pub number: String,
    /// The name on the account.
    pub holder: String,
}

impl DeliveryOptions {
    fn check(&self, errors: &mut Vec<FieldError>) {
        if !self.pickup && self.seller.is_none() && self.courier.is_empty() && !self.quoted {
            errors.push(FieldError::new("delivery", "Pilih minimal satu cara pengiriman."));
        }
        let fee_ok = |fee: &Option<i64>| fee.is_none_or(|f| (0..=FEE_MAX).contains(&f));
        if let Some(s) = &self.seller {
            if ![s.same_desa, s.same_kecamatan, s.same_kabupaten].iter().all(fee_ok) {
                errors.push(FieldError::new("delivery", format!("Ongkos antar 0 sampai {}.", rupiah(FEE_MAX))));
            } else if s.same_desa.is_none() && s.same_kecamatan.is_none() && s.same_kabupaten.is_none() {
                errors.push(FieldError::new("delivery", "Isi ongkos antar untuk minimal satu wilayah."));
            }
        }
        if self.courier.len() > RATES_MAX {
            errors.push(FieldError::new("delivery", format!("Paling banyak {RATES_MAX} tarif kurir.")));
        }
        for (i, rate) in self.courier.iter().enumerate() {
            let level = RegionCode::parse(&rate.region).ok().map(|c| c.level());
            if !matches!(level, Some(RegionLevel::Provinsi | RegionLevel::Kabupaten)) {
                errors.push(FieldError::new(
                    "delivery",
                    format!("Tarif kurir ke-{}: pilih provinsi atau kabupaten.", i + 1),
                ));
            } else if !(1..=FEE_MAX).contains(&rate.per_kg) {
                errors.push(FieldError::new(
                    "delivery",
                    format!("Tarif kurir ke-{}: Rp 1 sampai {} per kg.", i + 1, rupiah(FEE_MAX)),
                ));
            } else if self.courier[..i].iter().any(|r| r.region == rate.region) {
                errors.push(FieldError::new("delivery", format!("Tarif kurir ke-{}: wilayahnya sudah ada.", i + 1)));
            }
        }
    }
}

/// `PUT /api/v1/shops/{id}/settings`: what the owner keeps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopSettings {
    /// The version this form was loaded at; a stale save is refused (409).
    pub version: i64,
    pub name: String,
    pub description: String,
    /// The shop's WhatsApp number, in any usual form.
    pub whatsapp: String,
    /// An image uploaded through `POST /api/v1/images`.
    pub logo_id: Option<i64>,
    /// Where buyers collect (street, dusun, landmark).
    pub pickup_address: String,
    pub bank_accounts: Vec<BankAccount>,
    /// The shop's static QRIS code, as a picture.
    pub qris_id: Option<i64>,
    pub delivery: DeliveryOptions,
    /// Closed for now: shoppers see it, orders wait.
    pub on_holiday: bool,
    /// "Libur Lebaran sampai 10 April".
    pub holiday_note: String,
    /// The most units of one product a single order may take (none: no limit of the shop's own).
    #[serde(default)]
    pub order_quantity_max: Option<i64>,
}

impl ShopSettings {
    pub fn validate(&self) -> Vec<FieldError> {
        self.problems(&())
    }
}

impl Form for ShopSettings {
    type Context = ();
    /// The shop's WhatsApp number.
    type Parsed = Phone;

    fn check(&self, _: &()) -> Result<Phone, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !(3..=NAME_MAX).contains(&self.name.trim().chars().count()) {
            errors.push(FieldError::new("name", format!("Nama toko 3 sampai {NAME_MAX} huruf.")));
        }
        if self.description.chars().count() > DESCRIPTION_MAX {
            errors.push(FieldError::new("description", format!("Deskripsi paling panjang {DESCRIPTION_MAX} huruf.")));
        }
        let whatsapp = field("whatsapp", Phone::parse(&self.whatsapp), &mut errors);
        if self.pickup_address.chars().count() > 300 {
            errors.push(FieldError::new("pickup_address", "Alamat paling panjang 300 huruf."));
        } else if self.delivery.pickup && self.pickup_address.trim().chars().count() < 5 {
            errors.push(FieldError::new("pickup_address", "Tulis alamat tempat pembeli mengambil barang."));
        }
        if self.bank_accounts.len() > BANK_ACCOUNTS_MAX {
            errors.push(FieldError::new("bank_accounts", format!("Paling banyak {BANK_ACCOUNTS_MAX} rekening.")));
        }
        for (i, a) in self.bank_accounts.iter().enumerate() {
            let digits = a.number.chars().filter(char::is_ascii_digit).count();
            let only_digits = a.number.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
            if !(2..=40).contains(&a.bank.trim().chars().count()) {
                errors.push(FieldError::new("bank_accounts", format!("Rekening ke-{}: tulis nama banknya.", i + 1)));
            } else if !only_digits || !(5..=20).contains(&digits) {
                errors
                    .push(FieldError::new("bank_accounts", format!("Rekening ke-{}: nomor 5 sampai 20 angka.", i + 1)));
            } else if !(2..=NAME_MAX).contains(&a.holder.trim().chars().count()) {
                errors.push(FieldError::new("bank_accounts", format!("Rekening ke-{}: tulis nama pemiliknya.", i + 1)));
            }
        }
        if self.holiday_note.chars().count() > 200 {
            errors.push(FieldError::new("holiday_note", "Catatan libur paling panjang 200 huruf."));
        }
        if let Some(max) = self.order_quantity_max
            && !(1..=QUANTITY_MAX).contains(&max)
        {
            errors.push(FieldError::new(
                "order_quantity_max",
                format!("Batas per pesanan 1 sampai {}, atau kosongkan.", thousands(QUANTITY_MAX)),
            ));
        }
        self.delivery.check(&mut errors);
        parsed(whatsapp, errors)
    }
}

/// The settings as the owner loads them, with the pictures and what only the village admin sets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopSettingsRecord {
    pub id: i64,
    pub slug: String,
    #[serde(flatten)]
    pub settings: ShopSettings,
    pub logo: Option<Image>,
    pub qris: Option<Image>,
    pub status: ShopStatus,
    pub status_reason: Option<String>,
    /// The enterprise the village admin linked the shop to.
    pub enterprise: Option<Enterprise>,
    pub village_slug: String,
    pub village_name: String,
}

/// A shop's public page: `GET /api/v1/storefronts/{slug}` (its products come from the catalog).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Storefront {
    /// The shop's id (what a bulk inquiry names).
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub logo: Option<Image>,
    pub whatsapp: Phone,
    pub village_slug: String,
    pub village_name: String,
    pub region: RegionPath,
    pub enterprise: Option<Enterprise>,
    pub pickup_address: String,
    pub delivery: DeliveryOptions,
    pub on_holiday: bool,
    pub holiday_note: String,
    /// The member producers it sells for.
    pub producers: Vec<Producer>,
    /// Products shoppers can see.
    pub product_count: i64,
    pub is_demo: bool,
    /// Its products' visible reviews, counted together.
    #[serde(default)]
    pub rating: crate::review::RatingSummary,
}

/// A shop in the village admin's list: `GET /api/v1/admin/villages/{id}/shops`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModeratedShop {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub status: ShopStatus,
    pub status_reason: Option<String>,
    pub owner: Option<crate::UserRef>,
    pub enterprise: Option<Enterprise>,
    /// All its listings, and those shoppers can see.
    pub products: i64,
    pub listed: i64,
    /// Whether the admin asking may suspend or reinstate it (not their own shop, nor, for a village
    /// admin, a shop of an admin of the village: the district watches those).
    pub moderable: bool,
}

/// `PUT /api/v1/admin/villages/{id}/shops/{shop_id}/enterprise`: the enterprise a shop represents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopEnterprise {
    /// One of the village's enterprises, or none.
    pub enterprise_id: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ShopSettings {
        ShopSettings {
            name: "Lapak BUMDes Darma Tani".into(),
            whatsapp: "081234560001".into(),
            pickup_address: "Kantor BUMDes, Dusun Darmaji Timur".into(),
            delivery: DeliveryOptions::default(),
            ..ShopSettings::default()
        }
    }

    #[test]
    fn pickup_needs_an_address_and_some_delivery_is_needed() {
        assert!(settings().validate().is_empty());
        let no_address = ShopSettings { pickup_address: String::new(), ..settings() };
        assert_eq!(no_address.validate()[0].field, "pickup_address");
        let nothing =
            ShopSettings { delivery: DeliveryOptions { pickup: false, ..DeliveryOptions::default() }, ..settings() };
        assert_eq!(nothing.validate()[0].field, "delivery");
    }

    #[test]
    fn the_most_per_order_is_a_sane_number_or_none() {
        for fine in [None, Some(1), Some(QUANTITY_MAX)] {
            assert!(ShopSettings { order_quantity_max: fine, ..settings() }.validate().is_empty(), "{fine:?}");
        }
        for wrong in [0, -5, QUANTITY_MAX + 1] {
            let errors = ShopSettings { order_quantity_max: Some(wrong), ..settings() }.validate();
            assert_eq!(errors.len(), 1, "{wrong}");
            assert_eq!(
                (errors[0].field.as_str(), errors[0].message.as_str()),
                ("order_quantity_max", "Batas per pesanan 1 sampai 100.000, atau kosongkan.")
            );
        }
    }

    #[test]
    fn fees_rates_and_accounts_are_checked() {
        let delivery = DeliveryOptions {
            pickup: true,
            seller: Some(SellerDelivery { same_desa: Some(-1), ..SellerDelivery::default() }),
            courier: vec![
                CourierRate { region: "52.01".into(), per_kg: 8000 },
                CourierRate { region: "52.01.02".into(), per_kg: 8000 },
                CourierRate { region: "52.01".into(), per_kg: 9000 },
            ],
            quoted: false,
        };
        let accounts = vec![BankAccount { bank: "BRI".into(), number: "12ab".into(), holder: "Ani".into() }];
        let errors = ShopSettings { delivery, bank_accounts: accounts, ..settings() }.validate();
        let messages: Vec<_> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(errors.len(), 4, "{messages:?}");
        assert!(messages[0].contains("nomor"));
        assert!(messages[2].contains("ke-2: pilih provinsi"));
        assert!(messages[3].contains("sudah ada"));
    }
}
