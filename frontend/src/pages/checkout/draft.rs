//! The checkout form as typed: the buyer, the address, and per shop the delivery and payment chosen; what
//! it sends (the quote asks with stand-in choices for shops not decided yet), what is missing, and what
//! each shop's delivery costs according to the latest quote.

use shared::cart::{CartShop, CheckoutLine, DeliveryQuote, NoDelivery, ShopChoice};
use shared::texts::checkout as t;
use shared::{Address, CartView, Checkout, DeliveryMethod, DeliveryOptions, FieldError, Lang, PaymentMethod, Quote};

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub buyer_name: String,
    pub buyer_whatsapp: String,
    /// The saved address picked (signed-in buyers); `None` for the one typed in the form.
    pub saved: Option<i64>,
    pub address: Address,
    /// Keep the typed address in the buyer's address book.
    pub save_address: bool,
    /// The choices made per shop (looked up by shop, so a reloaded cart keeps them).
    pub shops: Vec<ShopDraft>,
}

/// One shop's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShopDraft {
    pub shop_id: i64,
    pub delivery: Option<DeliveryMethod>,
    pub payment: Option<PaymentMethod>,
    pub note: String,
}

/// The ways a shop delivers, in the order the form lists them.
pub fn offered(options: &DeliveryOptions) -> Vec<DeliveryMethod> {
    [
        (DeliveryMethod::Pickup, options.pickup),
        (DeliveryMethod::Seller, options.seller.is_some()),
        (DeliveryMethod::Courier, !options.courier.is_empty()),
        (DeliveryMethod::Quoted, options.quoted),
    ]
    .into_iter()
    .filter_map(|(method, on)| on.then_some(method))
    .collect()
}

/// Fresh choices for a shop: a choice is made for the buyer only when there is a single one.
pub fn fresh_choice(shop: &CartShop) -> ShopDraft {
    let deliveries = offered(&shop.delivery);
    ShopDraft {
        shop_id: shop.shop_id,
        delivery: (deliveries.len() == 1).then(|| deliveries[0]),
        payment: (shop.payments.len() == 1).then(|| shop.payments[0]),
        note: String::new(),
    }
}

/// A way of delivery the shop can use for any address: pickup, or a fee the seller names later.
fn safe_delivery(shop: &CartShop) -> Option<DeliveryMethod> {
    let ways = offered(&shop.delivery);
    [DeliveryMethod::Pickup, DeliveryMethod::Quoted].into_iter().find(|m| ways.contains(m)).or(ways.first().copied())
}

/// What the latest quote says about one way of delivery for a shop.
#[derive(Clone, Debug, PartialEq)]
pub enum Fee {
    /// No quote yet (or it failed).
    Unknown,
    Known(i64),
    /// The seller names it after the order.
    Later,
    /// The shop cannot deliver so: the reason's code when the quote gives one, and its Indonesian words.
    Unavailable(Option<NoDelivery>, String),
}

/// The fee of `method` for `shop_id` in `quote`.
pub fn fee(quote: Option<&Quote>, shop_id: i64, method: DeliveryMethod) -> Fee {
    let found: Option<&DeliveryQuote> = quote
        .and_then(|q| q.shops.iter().find(|s| s.shop_id == shop_id))
        .and_then(|s| s.deliveries.iter().find(|d| d.method == method));
    match found {
        None if method == DeliveryMethod::Pickup => Fee::Known(0),
        None => Fee::Unknown,
        Some(DeliveryQuote { unavailable: Some(why), reason, .. }) => Fee::Unavailable(*reason, why.clone()),
        Some(DeliveryQuote { fee: Some(fee), .. }) => Fee::Known(*fee),
        Some(_) => Fee::Later,
    }
}

impl Draft {
    /// The choices for `shop` (fresh ones until the buyer makes some).
    pub fn shop(&self, shop: &CartShop) -> ShopDraft {
        self.shops.iter().find(|s| s.shop_id == shop.shop_id).cloned().unwrap_or_else(|| fresh_choice(shop))
    }

    /// Replaces the choices for one shop.
    pub fn set_shop(&mut self, choice: ShopDraft) {
        self.shops.retain(|s| s.shop_id != choice.shop_id);
        self.shops.push(choice);
    }

    /// The delivery chosen for `shop`, unless the latest quote says it cannot be used.
    pub fn delivery(&self, shop: &CartShop, quote: Option<&Quote>) -> Option<DeliveryMethod> {
        let chosen = self.shop(shop).delivery?;
        (!matches!(fee(quote, shop.shop_id, chosen), Fee::Unavailable(..))).then_some(chosen)
    }

    /// Whether the goods go somewhere (not every shop of `view` is collected from).
    pub fn needs_address(&self, view: &CartView) -> bool {
        view.shops.is_empty() || view.shops.iter().any(|s| self.shop(s).delivery != Some(DeliveryMethod::Pickup))
    }

    /// What is sent. A quote prices every way of delivery whatever is chosen, but refuses a chosen way the
    /// shop cannot use: it asks with a way that always works (pickup, or a fee named later) and cash.
    pub fn checkout(&self, view: &CartView, for_quote: bool) -> Checkout {
        let shops = view
            .shops
            .iter()
            .map(|shop| {
                let draft = self.shop(shop);
                let (delivery, payment) = if for_quote {
                    (safe_delivery(shop).or(draft.delivery), Some(PaymentMethod::Cash))
                } else {
                    (draft.delivery, draft.payment)
                };
                ShopChoice {
                    shop_id: shop.shop_id,
                    delivery: delivery.unwrap_or(DeliveryMethod::Pickup),
                    payment: payment.or_else(|| shop.payments.first().copied()).unwrap_or(PaymentMethod::Cash),
                    note: draft.note.trim().to_owned(),
                    lines: shop
                        .lines
                        .iter()
                        .map(|l| CheckoutLine {
                            product_id: l.product.id,
                            quantity: l.quantity,
                            price: l.product.price,
                        })
                        .collect(),
                }
            })
            .collect();
        Checkout {
            buyer_name: self.buyer_name.trim().to_owned(),
            buyer_whatsapp: self.buyer_whatsapp.trim().to_owned(),
            address: self.needs_address(view).then(|| self.address.clone()),
            save_address: self.saved.is_none() && self.save_address && self.needs_address(view),
            shops,
        }
    }

    /// What is missing or wrong before sending, for people reading `lang`: the shared check, plus choices
    /// not made.
    pub fn errors(&self, lang: Lang, view: &CartView, quote: Option<&Quote>) -> Vec<FieldError> {
        let mut errors = self.checkout(view, false).validate_in(lang);
        for (i, shop) in view.shops.iter().enumerate() {
            let draft = self.shop(shop);
            let field = format!("shops[{i}].delivery");
            match draft.delivery.map(|m| (m, fee(quote, shop.shop_id, m))) {
                None => errors.push(FieldError::new(&field, t::choose_delivery(lang))),
                Some((method, Fee::Unavailable(reason, why))) => {
                    errors.push(FieldError::new(&field, NoDelivery::written_in(lang, method, reason, &why)))
                }
                Some(_) => {}
            }
            if draft.payment.is_none() {
                errors.push(FieldError::new(&format!("shops[{i}].payment"), t::choose_payment(lang)));
            }
        }
        errors
    }

    /// A shop's total: items plus the chosen delivery's fee, when it is known.
    pub fn shop_total(&self, shop: &CartShop, quote: Option<&Quote>) -> Option<i64> {
        match self.delivery(shop, quote).map(|m| fee(quote, shop.shop_id, m)) {
            Some(Fee::Known(fee)) => Some(shop.subtotal + fee),
            _ => None,
        }
    }
}

/// Sets a field typed once for the buyer and once for the recipient: the recipient's follows the buyer's
/// while it was empty or the same.
pub fn follow(recipient: &mut String, old_buyer: &str, new_buyer: &str) {
    if recipient.trim().is_empty() || recipient == old_buyer {
        *recipient = new_buyer.to_owned();
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
