//! The cart (kept in the browser for guests, on the server for signed-in buyers), addresses as
//! Indonesians write them, and checkout: one order per shop, each with its delivery and payment.

use serde::{Deserialize, Serialize};

use crate::{
    DeliveryOptions, FieldError, Form, Phone, ProductSummary, RegionCode, RegionLevel, Valid,
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

/// Why `quantity` of a product with this stock and minimum order cannot be ordered, if so.
pub fn quantity_problem(quantity: i64, stock: i64, min_order: i64) -> Option<String> {
    if quantity < 1 {
        Some("Jumlah minimal 1.".into())
    } else if stock == 0 {
        Some("Stok habis.".into())
    } else if quantity > stock {
        Some(format!("Stok tinggal {stock}."))
    } else if quantity < min_order {
        Some(format!("Minimal pesan {min_order}."))
    } else if quantity > QUANTITY_MAX {
        Some(format!("Paling banyak {QUANTITY_MAX} per pesanan."))
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
        let mut errors = Vec::new();
        let recipient = self.recipient.trim();
        if recipient.is_empty() || recipient.chars().count() > NAME_MAX {
            errors.push(FieldError::new("recipient", format!("Nama penerima 1 sampai {NAME_MAX} huruf.")));
        }
        let whatsapp = field("whatsapp", Phone::parse(&self.whatsapp), &mut errors);
        let desa = RegionCode::parse(&self.desa_code).ok().filter(|c| c.level() == RegionLevel::Desa);
        if desa.is_none() {
            errors.push(FieldError::new("desa_code", "Pilih provinsi, kabupaten, kecamatan lalu desa."));
        }
        if self.street.trim().is_empty() {
            errors.push(FieldError::new("street", "Tulis jalan, nomor rumah atau dusun."));
        }
        for (name, text) in [("street", &self.street), ("rt_rw", &self.rt_rw), ("landmark", &self.landmark)] {
            if text.trim().chars().count() > ADDRESS_PART_MAX {
                errors.push(FieldError::new(name, format!("Paling banyak {ADDRESS_PART_MAX} huruf.")));
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
        self.problems(&())
    }
}

impl Form for Checkout {
    type Context = ();
    type Parsed = CheckoutParsed;

    fn check(&self, _: &()) -> Result<CheckoutParsed, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.buyer_name.trim();
        if name.is_empty() || name.chars().count() > NAME_MAX {
            errors.push(FieldError::new("buyer_name", format!("Nama pembeli 1 sampai {NAME_MAX} huruf.")));
        }
        let buyer_phone = field("buyer_whatsapp", Phone::parse(&self.buyer_whatsapp), &mut errors);
        let address = match &self.address {
            Some(address) => address.clone().parse().map(Some).map_err(|e| errors.extend(nested("address.", e))).ok(),
            None if self.shops.iter().any(|s| s.delivery != DeliveryMethod::Pickup) => {
                errors.push(FieldError::new("address", "Isi alamat pengiriman."));
                None
            }
            None => Some(None),
        };
        if self.shops.is_empty() {
            errors.push(FieldError::new("shops", "Keranjang Anda kosong."));
        }
        let mut products: Vec<i64> = Vec::new();
        let mut shops: Vec<i64> = Vec::new();
        for (i, shop) in self.shops.iter().enumerate() {
            let field = |name: &str| format!("shops[{i}].{name}");
            if shops.contains(&shop.shop_id) {
                errors.push(FieldError::new(&field("shop_id"), "Satu toko cukup sekali dalam satu pesanan."));
            }
            shops.push(shop.shop_id);
            if shop.note.trim().chars().count() > NOTE_MAX {
                errors.push(FieldError::new(&field("note"), format!("Catatan paling banyak {NOTE_MAX} huruf.")));
            }
            if shop.lines.is_empty() {
                errors.push(FieldError::new(&field("lines"), "Pilih minimal satu produk."));
            }
            for (j, line) in shop.lines.iter().enumerate() {
                let field = |name: &str| format!("shops[{i}].lines[{j}].{name}");
                if !(1..=QUANTITY_MAX).contains(&line.quantity) {
                    errors.push(FieldError::new(&field("quantity"), format!("Jumlah 1 sampai {QUANTITY_MAX}.")));
                }
                if line.price < 0 {
                    errors.push(FieldError::new(&field("price"), "Harga tidak boleh negatif."));
                }
                if products.contains(&line.product_id) {
                    errors.push(FieldError::new(&field("product_id"), "Produk yang sama cukup sekali."));
                }
                products.push(line.product_id);
            }
        }
        if products.len() > CART_LINES_MAX {
            errors.push(FieldError::new("shops", format!("Paling banyak {CART_LINES_MAX} produk sekali pesan.")));
        }
        let buyer = buyer_phone.zip(address);
        parsed(buyer.map(|(buyer_phone, address)| CheckoutParsed { buyer_phone, address }), errors)
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
                errors.push(FieldError::new(&field, format!("Jumlah 1 sampai {QUANTITY_MAX}.")));
            }
        }
        checked(errors)
    }
}

/// What each shop's order will cost: `POST /api/v1/orders/quote`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Quote {
    pub shops: Vec<ShopQuote>,
    /// Items and known fees of every shop.
    pub total: i64,
}

/// One shop's order as it would be placed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopQuote {
    pub shop_id: i64,
    pub items_total: i64,
    pub weight_grams: i64,
    /// Each way this shop could deliver to the address, with its fee or why it cannot.
    pub deliveries: Vec<DeliveryQuote>,
    /// The chosen delivery's fee; `None` while the seller has to name it.
    pub delivery_fee: Option<i64>,
    /// Items plus the fee, when the fee is known.
    pub total: Option<i64>,
}

/// One way of delivery for a shop and address.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryQuote {
    pub method: DeliveryMethod,
    /// The fee (`None`: named by the seller after the order, or not offered).
    pub fee: Option<i64>,
    /// Why the shop cannot deliver so to this address; `None` when it can.
    pub unavailable: Option<String>,
}

impl DeliveryQuote {
    pub fn new(method: DeliveryMethod, fee: Result<Option<i64>, String>) -> DeliveryQuote {
        match fee {
            Ok(fee) => DeliveryQuote { method, fee, unavailable: None },
            Err(why) => DeliveryQuote { method, fee: None, unavailable: Some(why) },
        }
    }
}

/// The fee for delivering `weight_grams` from a shop in `shop_desa` to `destination` by `method`; `Ok(None)`
/// when the seller names it after the order; `Err` with the reason when the shop does not deliver so.
pub fn delivery_fee(
    options: &DeliveryOptions,
    method: DeliveryMethod,
    shop_desa: &RegionCode,
    destination: Option<&RegionCode>,
    weight_grams: i64,
) -> Result<Option<i64>, String> {
    let not_offered = || Err(format!("Toko ini tidak menyediakan \"{}\".", method.label()));
    let to = || destination.ok_or_else(|| "Isi alamat pengiriman dulu.".to_owned());
    match method {
        DeliveryMethod::Pickup if options.pickup => Ok(Some(0)),
        DeliveryMethod::Quoted if options.quoted => to().map(|_| None),
        DeliveryMethod::Seller => {
            let Some(seller) = &options.seller else { return not_offered() };
            let to = to()?;
            let same = |level| shop_desa.ancestor(level).is_some_and(|a| to.is_within(&a));
            [
                (RegionLevel::Desa, seller.same_desa),
                (RegionLevel::Kecamatan, seller.same_kecamatan),
                (RegionLevel::Kabupaten, seller.same_kabupaten),
            ]
            .into_iter()
            .find_map(|(level, fee)| fee.filter(|_| same(level)))
            .map(Some)
            .ok_or_else(|| "Penjual tidak mengantar sampai alamat ini.".to_owned())
        }
        DeliveryMethod::Courier if !options.courier.is_empty() => {
            let to = to()?;
            let rate_for = |level| {
                let region = to.ancestor(level)?;
                options.courier.iter().find(|r| r.region == region.as_str())
            };
            let rate = rate_for(RegionLevel::Kabupaten)
                .or_else(|| rate_for(RegionLevel::Provinsi))
                .ok_or_else(|| "Belum ada tarif kurir ke wilayah ini.".to_owned())?;
            let kilograms = ((weight_grams.max(1) + 999) / 1000).max(1);
            Ok(Some(kilograms * rate.per_kg))
        }
        _ => not_offered(),
    }
}

#[cfg(test)]
#[path = "cart_tests.rs"]
mod tests;
