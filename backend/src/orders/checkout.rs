//! A checkout checked against the database: each shop's products at today's price and stock, the ways it
//! can deliver to the address with their fees, and its totals — what a quote shows and what placing writes.

use shared::{
    Checkout, DeliveryMethod, Lang, PaymentMethod, Phone, PlacedAddress, RegionCode, Valid,
    cart::{CheckoutParsed, DeliveryQuote, Quote, ShopChoice, ShopQuote, delivery_fee, quantity_problem_in},
    format::{rupiah, thousands_in},
    texts::refusals as t,
};
use sqlx::AnyConnection;

use super::queries::checkout as queries;
use crate::{
    addresses,
    error::{AppError, AppResult},
};

/// One shop's order as it will be written.
pub struct ShopPlan {
    pub shop_id: i64,
    pub shop_name: String,
    pub owner_id: Option<i64>,
    pub whatsapp: Phone,
    pub choice: ShopChoice,
    pub lines: Vec<LinePlan>,
    pub items_total: i64,
    pub weight_grams: i64,
    /// `None` while the seller has to name it.
    pub delivery_fee: Option<i64>,
    pub deliveries: Vec<DeliveryQuote>,
}

/// A product line with what the order keeps of it.
pub struct LinePlan {
    pub product_id: i64,
    pub name: String,
    pub unit: String,
    pub price: i64,
    pub weight_grams: i64,
    pub quantity: i64,
    /// The product's sector as it is sold (the sales figures keep it).
    pub sector: String,
}

/// A whole checkout, ready to place.
pub struct Plan {
    pub buyer_name: String,
    pub buyer_phone: Phone,
    pub address: Option<PlacedAddress>,
    pub shops: Vec<ShopPlan>,
    /// The language refusals are said in (the asking page's).
    pub lang: Lang,
}

impl Plan {
    pub fn quote(&self) -> Quote {
        let shops: Vec<ShopQuote> = self
            .shops
            .iter()
            .map(|s| ShopQuote {
                shop_id: s.shop_id,
                items_total: s.items_total,
                weight_grams: s.weight_grams,
                deliveries: s.deliveries.clone(),
                delivery_fee: s.delivery_fee,
                total: s.delivery_fee.map(|fee| s.items_total + fee),
            })
            .collect();
        let total = shops.iter().map(|s| s.items_total + s.delivery_fee.unwrap_or(0)).sum();
        Quote { shops, total }
    }
}

/// Checks a valid `checkout` against today's products, shops and regions: 422 for what only they refuse
/// (an unknown or unlisted product, more of one than the shop lets one order take, a delivery or payment
/// the shop does not offer), 409 when a price or the stock changed. `guest_line_max` bounds each line of a
/// buyer without an account where the shop sets no bound of its own. Refusals are said in `lang`.
pub async fn plan(
    conn: &mut AnyConnection,
    checkout: &Valid<Checkout>,
    guest_line_max: Option<i64>,
    lang: Lang,
) -> AppResult<Plan> {
    let CheckoutParsed { buyer_phone, address: to } = checkout.parsed();
    let address = match to {
        Some(a) => Some(
            addresses::placed(&mut *conn, a)
                .await?
                .ok_or_else(|| AppError::field("address.desa_code", t::desa_unknown(lang)))?,
        ),
        None => None,
    };
    let destination = to.as_ref().map(|a| &a.parsed().desa);
    let ids: Vec<i64> = checkout.shops.iter().flat_map(|s| s.lines.iter().map(|l| l.product_id)).collect();
    let products = queries::products(conn, &ids).await?;
    let shop_ids: Vec<i64> = checkout.shops.iter().map(|s| s.shop_id).collect();
    let shops = queries::shops(conn, &shop_ids).await?;
    let mut plans = Vec::with_capacity(checkout.shops.len());
    for (i, choice) in checkout.shops.iter().enumerate() {
        let field = |name: &str| format!("shops[{i}].{name}");
        let shop = shops
            .get(&choice.shop_id)
            .filter(|s| s.active)
            .ok_or_else(|| AppError::field(&field("shop_id"), t::shop_not_selling(lang)))?;
        if shop.on_holiday {
            return Err(AppError::Conflict(t::shop_on_holiday(lang, &shop.name)));
        }
        let line_max = shop.order_quantity_max.or(guest_line_max);
        let mut lines = Vec::with_capacity(choice.lines.len());
        for (j, line) in choice.lines.iter().enumerate() {
            let field = |name: &str| format!("shops[{i}].lines[{j}].{name}");
            let p = products
                .get(&line.product_id)
                .filter(|p| p.listed && p.shop_id == choice.shop_id)
                .ok_or_else(|| AppError::field(&field("product_id"), t::not_sold_here(lang)))?;
            if p.price != line.price {
                return Err(AppError::Conflict(t::price_changed(lang, &p.name, rupiah(p.price), rupiah(line.price))));
            }
            if let Some(max) = line_max
                && line.quantity > max
            {
                return Err(AppError::field(
                    &field("quantity"),
                    t::per_order_max(lang, &p.name, thousands_in(lang, max)),
                ));
            }
            if let Some(problem) = quantity_problem_in(lang, line.quantity, p.stock, p.min_order) {
                if line.quantity > p.stock {
                    return Err(out_of_stock(lang, &p.name, p.stock));
                }
                return Err(AppError::field(&field("quantity"), problem));
            }
            lines.push(LinePlan {
                product_id: line.product_id,
                name: p.name.clone(),
                unit: p.unit.clone(),
                price: p.price,
                weight_grams: p.weight_grams,
                quantity: line.quantity,
                sector: p.sector.clone(),
            });
        }
        let payments_ok = match choice.payment {
            PaymentMethod::Cash => true,
            PaymentMethod::Transfer => shop.has_bank,
            PaymentMethod::Qris => shop.has_qris,
        };
        if !payments_ok {
            return Err(AppError::field(
                &field("payment"),
                t::payment_not_taken(lang, &shop.name, choice.payment.label_in(lang)),
            ));
        }
        let items_total = lines.iter().map(|l| l.price * l.quantity).sum();
        let weight_grams = lines.iter().map(|l| l.weight_grams * l.quantity).sum();
        let shop_desa = RegionCode::parse(&shop.desa).map_err(|e| AppError::Internal(e.into()))?;
        let fee_by = |method| delivery_fee(&shop.delivery, method, &shop_desa, destination, weight_grams);
        let deliveries = DeliveryMethod::ALL.iter().map(|&m| DeliveryQuote::new(m, fee_by(m))).collect();
        let delivery_fee = fee_by(choice.delivery)
            .map_err(|why| AppError::field(&field("delivery"), why.message_in(lang, choice.delivery)))?;
        plans.push(ShopPlan {
            shop_id: choice.shop_id,
            shop_name: shop.name.clone(),
            owner_id: shop.owner_id,
            whatsapp: Phone::parse(&shop.whatsapp).map_err(|e| AppError::Internal(e.into()))?,
            choice: choice.clone(),
            lines,
            items_total,
            weight_grams,
            delivery_fee,
            deliveries,
        });
    }
    let buyer_name = checkout.buyer_name.trim().to_owned();
    Ok(Plan { buyer_name, buyer_phone: buyer_phone.clone(), address, shops: plans, lang })
}

/// The 409 a buyer gets when too few are left, said in `lang`.
pub fn out_of_stock(lang: Lang, name: &str, left: i64) -> AppError {
    AppError::StockShort(if left > 0 {
        t::stock_short(lang, name, thousands_in(lang, left))
    } else {
        t::stock_gone(lang, name)
    })
}
