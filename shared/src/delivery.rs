//! What delivering a checkout's goods costs: each shop's quote for an address, the fee of each way of
//! delivery (by the areas the seller serves, or the courier's rate per kilogram), and why a way cannot
//! be used, in either language.

use serde::{Deserialize, Serialize};

use crate::texts::checks as t;
use crate::{DeliveryOptions, Lang, RegionCode, RegionLevel, order_flow::DeliveryMethod};

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
    /// Why the shop cannot deliver so to this address, in Indonesian; `None` when it can.
    pub unavailable: Option<String>,
    /// The same reason as a code, for pages in another language; `None` when it can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NoDelivery>,
}

impl DeliveryQuote {
    pub fn new(method: DeliveryMethod, fee: Result<Option<i64>, NoDelivery>) -> DeliveryQuote {
        match fee {
            Ok(fee) => DeliveryQuote { method, fee, unavailable: None, reason: None },
            Err(why) => DeliveryQuote {
                method,
                fee: None,
                unavailable: Some(why.message_in(Lang::Id, method)),
                reason: Some(why),
            },
        }
    }
}

/// Why a shop cannot deliver a way to an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoDelivery {
    /// The shop does not deliver this way.
    NotOffered,
    /// There is no address yet.
    NoAddress,
    /// The address is beyond the areas the seller delivers to.
    OutOfRange,
    /// The courier has no rate to the address's kabupaten or provinsi.
    NoCourierRate,
}

impl NoDelivery {
    pub const ALL: [NoDelivery; 4] =
        [NoDelivery::NotOffered, NoDelivery::NoAddress, NoDelivery::OutOfRange, NoDelivery::NoCourierRate];

    /// Why `method` cannot be used, for people reading `lang`.
    pub fn message_in(self, lang: Lang, method: DeliveryMethod) -> String {
        match self {
            NoDelivery::NotOffered => t::delivery_not_offered(lang, method.label_in(lang)),
            NoDelivery::NoAddress => t::delivery_no_address(lang).to_owned(),
            NoDelivery::OutOfRange => t::delivery_out_of_range(lang).to_owned(),
            NoDelivery::NoCourierRate => t::delivery_no_courier_rate(lang).to_owned(),
        }
    }

    /// A quote's refusal of `method` in `lang`: from its `reason` when it gives one, else as `written`.
    pub fn written_in(lang: Lang, method: DeliveryMethod, reason: Option<NoDelivery>, written: &str) -> String {
        reason.map_or_else(|| written.to_owned(), |reason| reason.message_in(lang, method))
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
) -> Result<Option<i64>, NoDelivery> {
    let to = || destination.ok_or(NoDelivery::NoAddress);
    match method {
        DeliveryMethod::Pickup if options.pickup => Ok(Some(0)),
        DeliveryMethod::Quoted if options.quoted => to().map(|_| None),
        DeliveryMethod::Seller => {
            let Some(seller) = &options.seller else { return Err(NoDelivery::NotOffered) };
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
            .ok_or(NoDelivery::OutOfRange)
        }
        DeliveryMethod::Courier if !options.courier.is_empty() => {
            let to = to()?;
            let rate_for = |level| {
                let region = to.ancestor(level)?;
                options.courier.iter().find(|r| r.region == region.as_str())
            };
            let rate = rate_for(RegionLevel::Kabupaten)
                .or_else(|| rate_for(RegionLevel::Provinsi))
                .ok_or(NoDelivery::NoCourierRate)?;
            let kilograms = ((weight_grams.max(1) + 999) / 1000).max(1);
            Ok(Some(kilograms * rate.per_kg))
        }
        _ => Err(NoDelivery::NotOffered),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storefront::{CourierRate, SellerDelivery};

    fn code(text: &str) -> RegionCode {
        RegionCode::parse(text).unwrap()
    }

    fn options() -> DeliveryOptions {
        DeliveryOptions {
            pickup: true,
            seller: Some(SellerDelivery { same_desa: Some(5_000), same_kecamatan: None, same_kabupaten: Some(20_000) }),
            courier: vec![
                CourierRate { region: "52".into(), per_kg: 15_000 },
                CourierRate { region: "52.01".into(), per_kg: 9_000 },
            ],
            quoted: false,
        }
    }

    #[test]
    fn seller_delivery_charges_the_nearest_area_it_serves() {
        let shop = code("52.01.03.2016");
        let fee = |to: &str| delivery_fee(&options(), DeliveryMethod::Seller, &shop, Some(&code(to)), 1000);
        assert_eq!(fee("52.01.03.2016"), Ok(Some(5_000)));
        // No fee for the kecamatan: a neighbour desa pays the kabupaten fee.
        assert_eq!(fee("52.01.03.2001"), Ok(Some(20_000)));
        assert_eq!(fee("52.01.07.2001"), Ok(Some(20_000)));
        assert_eq!(fee("52.02.01.2001"), Err(NoDelivery::OutOfRange));
    }

    #[test]
    fn courier_charges_started_kilograms_at_the_most_specific_rate() {
        let shop = code("52.01.03.2016");
        let fee = |to: &str, grams| delivery_fee(&options(), DeliveryMethod::Courier, &shop, Some(&code(to)), grams);
        assert_eq!(fee("52.01.01.2001", 1000), Ok(Some(9_000)));
        assert_eq!(fee("52.01.01.2001", 1001), Ok(Some(18_000)));
        assert_eq!(fee("52.03.01.2001", 0), Ok(Some(15_000)));
        assert_eq!(fee("51.01.01.2001", 500), Err(NoDelivery::NoCourierRate));
    }

    #[test]
    fn pickup_is_free_and_missing_methods_are_refused() {
        let shop = code("52.01.03.2016");
        assert_eq!(delivery_fee(&options(), DeliveryMethod::Pickup, &shop, None, 5000), Ok(Some(0)));
        let quoted = delivery_fee(&options(), DeliveryMethod::Quoted, &shop, Some(&shop), 1);
        assert_eq!(quoted, Err(NoDelivery::NotOffered));
        let offered = DeliveryOptions { quoted: true, ..options() };
        assert_eq!(delivery_fee(&offered, DeliveryMethod::Quoted, &shop, Some(&shop), 1), Ok(None));
        assert_eq!(delivery_fee(&options(), DeliveryMethod::Seller, &shop, None, 1), Err(NoDelivery::NoAddress));
    }

    #[test]
    fn a_quote_says_why_in_indonesian_and_as_a_code_for_other_languages() {
        let quote = DeliveryQuote::new(DeliveryMethod::Quoted, Err(NoDelivery::NotOffered));
        let why = quote.unavailable.as_deref().unwrap();
        assert_eq!(why, "Toko ini tidak menyediakan \"Ongkir dikonfirmasi penjual\".");
        assert_eq!(quote.reason, Some(NoDelivery::NotOffered));
        let english = NoDelivery::written_in(Lang::En, DeliveryMethod::Quoted, quote.reason, why);
        assert_eq!(english, "This shop does not offer \"Delivery fee confirmed by the seller\".");
        assert_eq!(NoDelivery::written_in(Lang::Id, DeliveryMethod::Quoted, quote.reason, why), why);
        let far = DeliveryQuote::new(DeliveryMethod::Seller, Err(NoDelivery::OutOfRange));
        assert_eq!(far.unavailable.as_deref(), Some("Penjual tidak mengantar sampai alamat ini."));
        let english = NoDelivery::written_in(Lang::En, DeliveryMethod::Seller, far.reason, "");
        assert_eq!(english, "The seller does not deliver to this address.");
        let wire = serde_json::to_value(&far).unwrap();
        assert_eq!(wire["reason"], "out_of_range");
        let usable = serde_json::to_value(DeliveryQuote::new(DeliveryMethod::Seller, Ok(Some(5_000)))).unwrap();
        assert!(usable.get("reason").is_none(), "no reason on a usable way");
        assert_eq!(
            NoDelivery::written_in(Lang::En, DeliveryMethod::Seller, None, "Lain."),
            "Lain.",
            "no code: as written"
        );
    }
}
