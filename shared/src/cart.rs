//! The cart (kept in the browser for guests, on the server for signed-in buyers), addresses as
//! Indonesians write them, and checkout: one order per shop, each with its delivery and payment.

use serde::{Deserialize, Serialize};

pub use crate::delivery::{DeliveryQuote, NoDelivery, Quote, ShopQuote, delivery_fee};
use crate::texts::checks as t;
use crate::{
    DeliveryOptions, FieldError, Form, Lang, Phone, ProductSummary, RegionCode, RegionLevel, Valid,
    account::NAME_MAX,
    form::{checked, field, nested, parsed},
    order_flow::{DeliveryMethod, NOTE_MAX, PaymentMethod},
};

/// Most different products in a cart or a checkout.
pub const CART_LINES_MAX: usize = 100;
/// Largest quantity of one product in one order.
pub const QUANTITY_MAX: i64 = 100_000;
/// Longest street, RT/RW or landmark text.
pub const ADDRESS_PART_MAX: usize = 200;

/// A product and how many: the cart guests keep in the browser, and `PUT /api/v1/cart/items/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartItem {
    pub product_id: i64,
    pub quantity: i64,
}

/// A cart as it stands now: items grouped by shop, with today's prices and stock.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartView {
    pub shops: Vec<CartShop>,
    /// The sum of every line that can be ordered now.
    pub total: i64,
    /// Products that were in the cart but are no longer sold (removed from it).
    pub gone: Vec<i64>,
}

/// One shop's part of the cart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartShop {
    pub shop_id: i64,
    pub shop_name: String,
    pub shop_slug: String,
    pub village_name: String,
    pub whatsapp: Phone,
    /// The shop is closed for now: its lines cannot be ordered.
    pub on_holiday: bool,
    pub holiday_note: String,
    pub delivery: DeliveryOptions,
    /// The ways this shop takes payment (cash always; transfer with a bank account; QRIS with its image).
    pub payments: Vec<PaymentMethod>,
    pub lines: Vec<CartLine>,
    /// The lines' total, in Rupiah.
    pub subtotal: i64,
    /// The lines' total weight, in grams.
    pub weight_grams: i64,
}

/// A product in the cart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CartLine {
    pub product: ProductSummary,
    pub min_order: i64,
    pub weight_grams: i64,
    pub quantity: i64,
    pub subtotal: i64,
    /// Why it cannot be ordered as it is ("Stok tinggal 3."), if so.
    pub problem: Option<String>,
}

impl CartLine {
    /// Why it cannot be ordered as it is, in `lang`, if so: the server writes it in Indonesian, and the
    /// line says all it is worked out from.
    pub fn problem_in(&self, lang: Lang) -> Option<String> {
        let problem = self.problem.as_ref()?;
        Some(
            quantity_problem_in(lang, self.quantity, self.product.stock, self.min_order)
                .unwrap_or_else(|| problem.clone()),
        )
    }
}

/// Why `quantity` of a product with this stock and minimum order cannot be ordered, if so.
pub fn quantity_problem(quantity: i64, stock: i64, min_order: i64) -> Option<String> {
    quantity_problem_in(Lang::Id, quantity, stock, min_order)
}

/// [`quantity_problem`] for people reading `lang`.
pub fn quantity_problem_in(lang: Lang, quantity: i64, stock: i64, min_order: i64) -> Option<String> {
    if quantity < 1 {
        Some(t::quantity_min_one(lang).into())
    } else if stock == 0 {
        Some(t::sold_out(lang).into())
    } else if quantity > stock {
        Some(t::stock_left(lang, stock))
    } else if quantity < min_order {
        Some(t::min_order(lang, min_order))
    } else if quantity > QUANTITY_MAX {
        Some(t::per_order_max(lang, QUANTITY_MAX))
    } else {
        None
    }
}

/// An address as Indonesians write it: the desa from the region table, then street or dusun, RT/RW
/// and a landmark (patokan).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Address {
    pub recipient: String,
    pub whatsapp: String,
    /// The desa/kelurahan code, e.g. `52.01.03.2016`.
    pub desa_code: String,
    /// Street, house number or dusun.
    pub street: String,
    /// "RT 02 / RW 01".
    pub rt_rw: String,
    /// A landmark: "depan masjid", "sebelah kios pupuk".
    pub landmark: String,
}

impl Form for Address {
    type Context = ();
    type Parsed = AddressParsed;

    fn check(&self, _: &()) -> Result<AddressParsed, Vec<FieldError>> {
        self.read(Lang::Id)
    }
}

impl Address {
    /// What is wrong with the address, for people reading `lang` (empty when nothing is).
    pub fn problems_in(&self, lang: Lang) -> Vec<FieldError> {
        self.read(lang).err().unwrap_or_default()
    }

    /// [`Form::check`] with its messages in `lang`.
    fn read(&self, lang: Lang) -> Result<AddressParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        let recipient = self.recipient.trim();
        if recipient.is_empty() || recipient.chars().count() > NAME_MAX {
            errors.push(FieldError::new("recipient", t::recipient_length(lang, NAME_MAX)));
        }
        let whatsapp = field("whatsapp", Phone::parse(&self.whatsapp).map_err(|e| e.message_in(lang)), &mut errors);
        let desa = RegionCode::parse(&self.desa_code).ok().filter(|c| c.level() == RegionLevel::Desa);
        if desa.is_none() {
            errors.push(FieldError::new("desa_code", t::desa_missing(lang)));
        }
        if self.street.trim().is_empty() {
            errors.push(FieldError::new("street", t::street_missing(lang)));
        }
        for (name, text) in [("street", &self.street), ("rt_rw", &self.rt_rw), ("landmark", &self.landmark)] {
            if text.trim().chars().count() > ADDRESS_PART_MAX {
                errors.push(FieldError::new(name, t::too_long(lang, ADDRESS_PART_MAX)));
            }
        }
        parsed(whatsapp.zip(desa).map(|(whatsapp, desa)| AddressParsed { whatsapp, desa }), errors)
    }
}

/// What a valid address's fields mean.
#[derive(Clone, Debug, PartialEq)]
pub struct AddressParsed {
    pub whatsapp: Phone,
    /// A desa/kelurahan code.
    pub desa: RegionCode,
}

/// An address with the names of its regions, as orders and address books show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacedAddress {
    /// The saved address's id (address book), if it is one.
    pub id: Option<i64>,
    #[serde(flatten)]
    pub address: Address,
    pub desa: String,
    pub kecamatan: String,
    pub kabupaten: String,
    pub provinsi: String,
}

impl PlacedAddress {
    /// "Jl. Raya Gerung 12, RT 02 / RW 01 (depan masjid), Desa Darmaji, Kec. Kopang, Lombok Tengah, NTB".
    pub fn one_line(&self) -> String {
        let a = &self.address;
        let mut line = a.street.trim().to_owned();
        if !a.rt_rw.trim().is_empty() {
            line = format!("{line}, {}", a.rt_rw.trim());
        }
        if !a.landmark.trim().is_empty() {
            line = format!("{line} ({})", a.landmark.trim());
        }
        format!("{line}, {}, Kec. {}, {}, {}", self.desa, self.kecamatan, self.kabupaten, self.provinsi)
    }
}

/// `POST /api/v1/orders` (with an `Idempotency-Key` header) and `POST /api/v1/orders/quote`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Checkout {
    pub buyer_name: String,
    pub buyer_whatsapp: String,
    /// Where the goods go; required unless every shop's goods are collected.
    pub address: Option<Address>,
    /// Signed-in buyers: keep the address in their address book.
    #[serde(default)]
    pub save_address: bool,
    /// One order per shop.
    pub shops: Vec<ShopChoice>,
}

/// One shop's order within a checkout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopChoice {
    pub shop_id: i64,
    pub delivery: DeliveryMethod,
    pub payment: PaymentMethod,
    /// A note for the seller.
    #[serde(default)]
    pub note: String,
    pub lines: Vec<CheckoutLine>,
}

/// A product to order, with the price the buyer saw (a different price now is refused, 409).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckoutLine {
    pub product_id: i64,
    pub quantity: i64,
    pub price: i64,
}

impl Checkout {
    /// What is wrong with the form itself (products, stock and fees are checked against the database).
    pub fn validate(&self) -> Vec<FieldError> {
        self.validate_in(Lang::Id)
    }

    /// [`Checkout::validate`] for people reading `lang`.
    pub fn validate_in(&self, lang: Lang) -> Vec<FieldError> {
        self.read(lang).err().unwrap_or_default()
    }

    /// [`Form::check`] with its messages in `lang`.
    fn read(&self, lang: Lang) -> Result<CheckoutParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.buyer_name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            errors.push(FieldError::new("buyer_name", t::buyer_name_length(lang, NAME_MAX)));
        }
        let phone = Phone::parse(&self.buyer_whatsapp).map_err(|e| e.message_in(lang));
        let buyer_phone = field("buyer_whatsapp", phone, &mut errors);
        let address = match &self.address {
            Some(address) => {
                let wrong = |_| errors.extend(nested("address.", address.problems_in(lang)));
                address.clone().parse().map(Some).map_err(wrong).ok()
            }
            None if self.shops.iter().any(|s| s.delivery != DeliveryMethod::Pickup) => {
                errors.push(FieldError::new("address", t::address_missing(lang)));
                None
            }
            None => Some(None),
        };
        if self.shops.is_empty() {
            errors.push(FieldError::new("shops", t::cart_empty(lang)));
        }
        let mut products: Vec<i64> = Vec::new();
        let mut shops: Vec<i64> = Vec::new();
        for (i, shop) in self.shops.iter().enumerate() {
            let field = |name: &str| format!("shops[{i}].{name}");
            if shops.contains(&shop.shop_id) {
                errors.push(FieldError::new(&field("shop_id"), t::shop_twice(lang)));
            }
            shops.push(shop.shop_id);
            if shop.note.trim().chars().count() > NOTE_MAX {
                errors.push(FieldError::new(&field("note"), t::note_too_long(lang, NOTE_MAX)));
            }
            if shop.lines.is_empty() {
                errors.push(FieldError::new(&field("lines"), t::no_lines(lang)));
            }
            for (j, line) in shop.lines.iter().enumerate() {
                let field = |name: &str| format!("shops[{i}].lines[{j}].{name}");
                if !(1..=QUANTITY_MAX).contains(&line.quantity) {
                    errors.push(FieldError::new(&field("quantity"), t::quantity_range(lang, QUANTITY_MAX)));
                }
                if line.price < 0 {
                    errors.push(FieldError::new(&field("price"), t::price_negative(lang)));
                }
                if products.contains(&line.product_id) {
                    errors.push(FieldError::new(&field("product_id"), t::product_twice(lang)));
                }
                products.push(line.product_id);
            }
        }
        if products.len() > CART_LINES_MAX {
            errors.push(FieldError::new("shops", t::too_many_products(lang, CART_LINES_MAX)));
        }
        let buyer = buyer_phone.zip(address);
        parsed(buyer.map(|(buyer_phone, address)| CheckoutParsed { buyer_phone, address }), errors)
    }
}

impl Form for Checkout {
    type Context = ();
    type Parsed = CheckoutParsed;

    fn check(&self, _: &()) -> Result<CheckoutParsed, Vec<FieldError>> {
        self.read(Lang::Id)
    }
}

/// What a valid checkout's fields mean: the buyer's number, and the address when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckoutParsed {
    pub buyer_phone: Phone,
    pub address: Option<Valid<Address>>,
}

/// A cart a guest keeps in the browser, sent to be shown or merged at sign-in: not too many products, each
/// quantity in range.
impl Form for Vec<CartItem> {
    type Context = ();
    type Parsed = ();

    fn check(&self, _: &()) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.len() > CART_LINES_MAX {
            errors.push(FieldError::new("items", format!("Keranjang paling banyak {CART_LINES_MAX} produk.")));
        }
        for (i, item) in self.iter().enumerate() {
            if !(1..=QUANTITY_MAX).contains(&item.quantity) {
                let field = format!("items[{i}].quantity");
                errors.push(FieldError::new(&field, t::quantity_range(Lang::Id, QUANTITY_MAX)));
            }
        }
        checked(errors)
    }
}

#[cfg(test)]
#[path = "cart_tests.rs"]
mod tests;
