//! Products: the card lists show, the page a shopper opens, and the form a seller fills in.

use serde::{Deserialize, Serialize};

use crate::certificate::{CertificateKind, ShownCertificate};
use crate::review::{RatingSummary, Review};
use crate::{
    Enterprise, FieldError, Flagship, Image, Phone, RegionPath, Sector, enterprise::check_photos, format::rupiah,
};

crate::code_list! {
    /// What one unit of a product is.
    Unit {
        Kg = "kg", "kg";
        Gram = "gram", "gram";
        Liter = "liter", "liter";
        Ml = "ml", "ml";
        Pcs = "pcs", "pcs";
        Buah = "buah", "buah";
        Pack = "pack", "pack";
        Bungkus = "bungkus", "bungkus";
        Botol = "botol", "botol";
        Toples = "toples", "toples";
        Kotak = "kotak", "kotak";
        Karung = "karung", "karung";
        Lembar = "lembar", "lembar";
        Ikat = "ikat", "ikat";
        Sisir = "sisir", "sisir";
        Ekor = "ekor", "ekor";
        Meter = "meter", "meter";
        Set = "set", "set";
        Paket = "paket", "paket";
        Orang = "orang", "orang";
    }
}

crate::code_list! {
    /// Where a listing stands, as its seller sets it. Sold out follows from stock 0; a listing hidden by
    /// the village admin carries a reason instead.
    ProductStatus {
        Draft = "draft", "Draf";
        Active = "active", "Dijual";
        Hidden = "hidden", "Disembunyikan penjual";
    }
}

/// Longest product name.
pub const NAME_MAX: usize = 120;
/// Longest description, in characters of Markdown.
pub const DESCRIPTION_MAX: usize = 5000;
/// Highest price, in Rupiah.
pub const PRICE_MAX: i64 = 1_000_000_000;
/// Lowest price, in Rupiah.
pub const PRICE_MIN: i64 = 100;
/// Most units in stock.
pub const STOCK_MAX: i64 = 1_000_000;
/// Heaviest unit, in grams (one tonne).
pub const WEIGHT_MAX: i64 = 1_000_000;
/// Largest minimum order.
pub const MIN_ORDER_MAX: i64 = 10_000;

/// A product card: enough to show it in a list and link to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductSummary {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// Whole Rupiah.
    pub price: i64,
    pub unit: Unit,
    pub stock: i64,
    pub sector: Sector,
    pub shop_name: String,
    pub shop_slug: String,
    pub village_name: String,
    pub village_slug: String,
    /// The cover photo.
    pub photo: Option<Image>,
    /// Its visible reviews in brief ("★ 4,6 (12)" on the card).
    #[serde(default)]
    pub stars: crate::review::RatingBrief,
    /// The kinds of its verified certificates within their dates, as badges (catalog cards and product
    /// pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certified: Vec<CertificateKind>,
    /// The seller's English name, for the English pages (`/en/…`), when they gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
}

impl ProductSummary {
    /// The name to show in `lang`: the seller's English one on English pages when given, else the name.
    pub fn name_in(&self, lang: crate::Lang) -> &str {
        self.name_en.as_deref().filter(|_| lang == crate::Lang::En).unwrap_or(&self.name)
    }

    /// The product's page: `/produk/{id}-{slug}`.
    pub fn path(&self) -> String {
        product_path(self.id, &self.slug)
    }

    /// "Rp 25.000 / botol".
    pub fn price_label(&self) -> String {
        self.price_label_in(crate::Lang::Id)
    }

    /// [`Self::price_label`] with the unit in `lang`: "Rp 25.000 / bottle" (money is written as Rupiah's).
    pub fn price_label_in(&self, lang: crate::Lang) -> String {
        format!("{} / {}", rupiah(self.price), self.unit.label_in(lang))
    }
}

/// The page of a product: `/produk/{id}-{slug}`.
pub fn product_path(id: i64, slug: &str) -> String {
    format!("/produk/{id}-{slug}")
}

/// The id in a product page's last segment, `{id}-{slug}` (or just `{id}`).
pub fn product_id_of(segment: &str) -> Option<i64> {
    let digits = segment.split('-').next()?;
    digits.parse().ok().filter(|id| *id > 0)
}

/// The chain behind a product (seed 000): producer → shop or enterprise → village.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductChain {
    /// The member producer who made it, for shops that sell for others.
    pub producer: Option<ProducerRef>,
    pub shop_slug: String,
    pub shop_name: String,
    /// The seller's WhatsApp number.
    pub whatsapp: Phone,
    /// The shop is closed for now (orders wait).
    pub on_holiday: bool,
    /// The village enterprise the shop represents.
    pub enterprise: Option<Enterprise>,
    pub village_slug: String,
    pub village_name: String,
    pub region: RegionPath,
    /// The village's flagship product.
    pub flagship: Option<Flagship>,
    /// Whether this product comes from the enterprise behind the village's flagship product.
    pub is_flagship: bool,
}

/// A member producer as a product page names them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProducerRef {
    pub name: String,
    pub dusun: String,
}

/// A product's public page: `GET /api/v1/products/{id}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductDetail {
    #[serde(flatten)]
    pub summary: ProductSummary,
    /// Sanitised HTML from the seller's Markdown.
    pub description_html: String,
    /// The plain first sentences, for previews.
    pub description_text: String,
    pub min_order: i64,
    pub weight_grams: i64,
    pub photos: Vec<Image>,
    pub chain: ProductChain,
    pub is_demo: bool,
    /// Unix milliseconds.
    pub updated_at: i64,
    /// Its visible reviews, counted.
    #[serde(default)]
    pub rating: RatingSummary,
    /// The newest visible reviews (at most `review::NEWEST`).
    #[serde(default)]
    pub reviews: Vec<Review>,
    /// Its verified certificates within their dates.
    #[serde(default)]
    pub certificates: Vec<ShownCertificate>,
    /// The seller's English description as sanitised HTML, when they gave one (shown on English pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en_html: Option<String>,
    /// Its plain first sentences, for English previews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en_text: Option<String>,
}

/// Creating or changing a listing: `POST`/`PUT /api/v1/shops/{id}/products…`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductForm {
    /// 0 for a new listing; otherwise the version it was loaded at (a stale save is refused, 409).
    pub version: i64,
    pub name: String,
    pub sector: Sector,
    /// Markdown.
    pub description_md: String,
    /// Whole Rupiah per unit.
    pub price: i64,
    pub unit: Unit,
    pub min_order: i64,
    pub stock: i64,
    /// Grams per unit, packed.
    pub weight_grams: i64,
    /// Images uploaded through `POST /api/v1/images`, in order; the first is the cover (at most 8).
    pub photo_ids: Vec<i64>,
    /// One of the shop's member producers.
    pub producer_id: Option<i64>,
    pub status: ProductStatus,
    /// The English name for export buyers (optional: empty for none).
    #[serde(default)]
    pub name_en: String,
    /// The English description, Markdown (optional: empty for none).
    #[serde(default)]
    pub description_en_md: String,
}

impl Default for ProductForm {
    fn default() -> Self {
        ProductForm {
            version: 0,
            name: String::new(),
            sector: Sector::Olahan,
            description_md: String::new(),
            price: 0,
            unit: Unit::Pcs,
            min_order: 1,
            stock: 0,
            weight_grams: 0,
            photo_ids: Vec::new(),
            producer_id: None,
            status: ProductStatus::Active,
            name_en: String::new(),
            description_en_md: String::new(),
        }
    }
}

impl ProductForm {
    /// The English name as kept: trimmed, none when empty.
    pub fn english_name(&self) -> Option<&str> {
        Some(self.name_en.trim()).filter(|name| !name.is_empty())
    }

    /// The English description (Markdown) as kept: none when blank.
    pub fn english_description(&self) -> Option<&str> {
        Some(self.description_en_md.as_str()).filter(|text| !text.trim().is_empty())
    }

    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(3..=NAME_MAX).contains(&self.name.trim().chars().count()) {
            errors.push(FieldError::new("name", format!("Nama produk 3 sampai {NAME_MAX} huruf.")));
        }
        if self.description_md.chars().count() > DESCRIPTION_MAX {
            errors
                .push(FieldError::new("description_md", format!("Deskripsi paling panjang {DESCRIPTION_MAX} huruf.")));
        }
        if self.english_name().is_some_and(|name| !(3..=NAME_MAX).contains(&name.chars().count())) {
            let message = format!("Nama dalam bahasa Inggris 3 sampai {NAME_MAX} huruf, atau kosongkan.");
            errors.push(FieldError::new("name_en", message));
        }
        if self.description_en_md.chars().count() > DESCRIPTION_MAX {
            let message = format!("Deskripsi dalam bahasa Inggris paling panjang {DESCRIPTION_MAX} huruf.");
            errors.push(FieldError::new("description_en_md", message));
        }
        if !(PRICE_MIN..=PRICE_MAX).contains(&self.price) {
            let range = format!("{} sampai {}", rupiah(PRICE_MIN), rupiah(PRICE_MAX));
            errors.push(FieldError::new("price", format!("Harga antara {range}.")));
        }
        if !(1..=MIN_ORDER_MAX).contains(&self.min_order) {
            errors.push(FieldError::new("min_order", format!("Minimal pembelian 1 sampai {MIN_ORDER_MAX}.")));
        }
        if !(0..=STOCK_MAX).contains(&self.stock) {
            errors.push(FieldError::new("stock", "Stok tidak boleh kurang dari 0 atau lebih dari 1.000.000."));
        }
        if !(0..=WEIGHT_MAX).contains(&self.weight_grams) {
            errors.push(FieldError::new("weight_grams", "Berat 0 sampai 1.000.000 gram (1 ton)."));
        }
        check_photos(&self.photo_ids, &mut errors);
        if self.status == ProductStatus::Active && self.photo_ids.is_empty() {
            errors.push(FieldError::new("photo_ids", "Tambahkan minimal satu foto sebelum menjual produk ini."));
        }
        errors
    }
}

/// A listing as its seller sees it in `/jual`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductRecord {
    pub id: i64,
    pub slug: String,
    #[serde(flatten)]
    pub form: ProductForm,
    pub photos: Vec<Image>,
    /// Why the village admin hid it, when they did.
    pub hidden_reason: Option<String>,
    /// Unix milliseconds.
    pub updated_at: i64,
}

impl ProductRecord {
    /// Whether shoppers can see it: active, not hidden by the admin.
    pub fn is_listed(&self) -> bool {
        self.form.status == ProductStatus::Active && self.hidden_reason.is_none()
    }
}

/// A product in the village admin's moderation list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ModeratedProduct {
    #[serde(flatten)]
    pub card: ProductSummary,
    pub status: ProductStatus,
    /// Why the village admin hid it.
    pub hidden_reason: Option<String>,
}

/// `POST /api/v1/admin/villages/{id}/products/{product_id}/hide` and shop suspensions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Moderation {
    /// Why, in words the seller will read (5–500 characters).
    pub reason: String,
}

impl Moderation {
    pub fn validate(&self) -> Vec<FieldError> {
        if (5..=500).contains(&self.reason.trim().chars().count()) {
            Vec::new()
        } else {
            vec![FieldError::new("reason", "Tulis alasannya untuk penjual, 5 sampai 500 huruf.")]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> ProductForm {
        ProductForm {
            name: "Keripik Pisang 200 g".into(),
            price: 15_000,
            stock: 10,
            weight_grams: 250,
            photo_ids: vec![1],
            ..ProductForm::default()
        }
    }

    #[test]
    fn a_good_listing_passes_and_each_bad_field_is_named() {
        assert!(form().validate().is_empty());
        let bad = ProductForm {
            name: "x".repeat(10_000),
            price: -5,
            stock: -1,
            weight_grams: -3,
            min_order: 0,
            photo_ids: vec![],
            ..form()
        };
        let fields: Vec<_> = bad.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "price", "min_order", "stock", "weight_grams", "photo_ids"]);
    }

    #[test]
    fn the_english_name_and_description_are_optional_but_bounded() {
        let english = ProductForm { name_en: " Kopi Robusta ".into(), description_en_md: "Dry.".into(), ..form() };
        assert!(english.validate().is_empty());
        assert_eq!((english.english_name(), english.english_description()), (Some("Kopi Robusta"), Some("Dry.")));
        let blank = ProductForm { name_en: "  ".into(), description_en_md: "\n ".into(), ..form() };
        assert!(blank.validate().is_empty());
        assert_eq!((blank.english_name(), blank.english_description()), (None, None));
        let bad = ProductForm { name_en: "Ab".into(), description_en_md: "x".repeat(DESCRIPTION_MAX + 1), ..form() };
        let fields: Vec<_> = bad.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name_en", "description_en_md"]);
    }

    #[test]
    fn a_draft_may_wait_for_its_photos() {
        let draft = ProductForm { status: ProductStatus::Draft, photo_ids: vec![], ..form() };
        assert!(draft.validate().is_empty());
    }

    #[test]
    fn product_addresses_carry_the_id_first() {
        assert_eq!(product_path(42, "madu-hutan"), "/produk/42-madu-hutan");
        assert_eq!(product_id_of("42-madu-hutan"), Some(42));
        assert_eq!(product_id_of("42"), Some(42));
        assert_eq!(product_id_of("madu"), None);
        assert_eq!(product_id_of("0-x"), None);
    }
}
