//! Tests of the checkout form's logic: stand-in choices for quotes, missing choices, fees and totals.

use shared::cart::{CartLine, CartShop, ShopQuote};
use shared::storefront::SellerDelivery;
use shared::{Phone, ProductSummary, Sector, Unit};

use super::*;

fn shop(id: i64, delivery: DeliveryOptions, payments: Vec<PaymentMethod>) -> CartShop {
    let product = ProductSummary {
        id: id * 10,
        slug: "keripik".into(),
        name: "Keripik".into(),
        price: 15_000,
        unit: Unit::Bungkus,
        stock: 20,
        sector: Sector::Olahan,
        shop_name: format!("Toko {id}"),
        shop_slug: format!("toko-{id}"),
        village_name: "Darmaji".into(),
        village_slug: "darmaji".into(),
        photo: None,
        stars: Default::default(),
        certified: Vec::new(),
        name_en: None,
    };
    CartShop {
        shop_id: id,
        shop_name: format!("Toko {id}"),
        shop_slug: format!("toko-{id}"),
        village_name: "Darmaji".into(),
        whatsapp: Phone::parse("081234560001").unwrap(),
        on_holiday: false,
        holiday_note: String::new(),
        delivery,
        payments,
        lines: vec![CartLine {
            product,
            min_order: 1,
            weight_grams: 250,
            quantity: 2,
            subtotal: 30_000,
            problem: None,
        }],
        subtotal: 30_000,
        weight_grams: 500,
    }
}

fn every_way() -> DeliveryOptions {
    DeliveryOptions {
        pickup: true,
        seller: Some(SellerDelivery { same_desa: Some(5_000), ..Default::default() }),
        courier: Vec::new(),
        quoted: true,
    }
}

fn view() -> CartView {
    CartView {
        shops: vec![
            shop(1, every_way(), vec![PaymentMethod::Cash, PaymentMethod::Transfer]),
            shop(2, DeliveryOptions::default(), vec![PaymentMethod::Cash]),
        ],
        total: 60_000,
        gone: Vec::new(),
    }
}

fn quote() -> Quote {
    let ways = vec![
        DeliveryQuote { method: DeliveryMethod::Pickup, fee: Some(0), unavailable: None, reason: None },
        DeliveryQuote {
            method: DeliveryMethod::Seller,
            fee: None,
            unavailable: Some("Terlalu jauh.".into()),
            reason: None,
        },
        DeliveryQuote { method: DeliveryMethod::Quoted, fee: None, unavailable: None, reason: None },
    ];
    let shop = ShopQuote {
        shop_id: 1,
        items_total: 30_000,
        weight_grams: 500,
        deliveries: ways,
        delivery_fee: Some(0),
        total: Some(30_000),
    };
    Quote { shops: vec![shop], total: 30_000 }
}

#[test]
fn lists_the_ways_a_shop_delivers_and_chooses_only_when_there_is_one() {
    assert_eq!(offered(&every_way()), vec![DeliveryMethod::Pickup, DeliveryMethod::Seller, DeliveryMethod::Quoted]);
    let view = view();
    assert_eq!(fresh_choice(&view.shops[0]), ShopDraft { shop_id: 1, ..ShopDraft::default() });
    let single = fresh_choice(&view.shops[1]);
    assert_eq!(single.delivery, Some(DeliveryMethod::Pickup));
    assert_eq!(single.payment, Some(PaymentMethod::Cash));
    let mut draft = Draft::default();
    draft.set_shop(ShopDraft { note: "pagi".into(), ..single.clone() });
    assert_eq!(draft.shop(&view.shops[1]).note, "pagi");
    assert_eq!(draft.shop(&view.shops[0]).shop_id, 1);
}

#[test]
fn a_quote_asks_with_stand_ins_and_an_order_names_what_is_missing() {
    let view = view();
    let draft = Draft { buyer_name: "Budi".into(), buyer_whatsapp: "0812 3456 7890".into(), ..Draft::default() };
    let asked = draft.checkout(&view, true);
    assert_eq!(asked.shops[0].delivery, DeliveryMethod::Pickup);
    assert_eq!(asked.shops[0].lines[0], CheckoutLine { product_id: 10, quantity: 2, price: 15_000 });
    assert!(asked.address.is_some(), "shop 1 has not chosen pickup: an address is asked for");
    let errors = draft.errors(Lang::Id, &view, None);
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for field in ["shops[0].delivery", "shops[0].payment", "address.street"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    assert!(!fields.iter().any(|f| f.starts_with("shops[1]")), "{fields:?}");
}

#[test]
fn everything_collected_needs_no_address() {
    let view = view();
    let mut draft = Draft { buyer_name: "Budi".into(), buyer_whatsapp: "081234567890".into(), ..Draft::default() };
    let pickup = Some(DeliveryMethod::Pickup);
    draft.set_shop(ShopDraft { delivery: pickup, payment: Some(PaymentMethod::Cash), ..draft.shop(&view.shops[0]) });
    assert!(!draft.needs_address(&view));
    assert_eq!(draft.checkout(&view, false).address, None);
    assert_eq!(draft.errors(Lang::Id, &view, None), Vec::new());
}

#[test]
fn fees_come_from_the_quote_and_unavailable_ways_do_not_count() {
    let (view, quote) = (view(), quote());
    assert_eq!(fee(Some(&quote), 1, DeliveryMethod::Pickup), Fee::Known(0));
    assert_eq!(fee(Some(&quote), 1, DeliveryMethod::Quoted), Fee::Later);
    assert_eq!(fee(Some(&quote), 1, DeliveryMethod::Seller), Fee::Unavailable(None, "Terlalu jauh.".into()));
    assert_eq!(fee(None, 1, DeliveryMethod::Seller), Fee::Unknown);
    let mut draft = Draft::default();
    let choose = |draft: &mut Draft, method| {
        let choice = ShopDraft { delivery: Some(method), ..draft.shop(&view.shops[0]) };
        draft.set_shop(choice);
    };
    choose(&mut draft, DeliveryMethod::Seller);
    assert_eq!(draft.delivery(&view.shops[0], Some(&quote)), None);
    assert!(
        draft
            .errors(Lang::Id, &view, Some(&quote))
            .iter()
            .any(|e| e.field == "shops[0].delivery" && e.message == "Terlalu jauh.")
    );
    choose(&mut draft, DeliveryMethod::Pickup);
    assert_eq!(draft.shop_total(&view.shops[0], Some(&quote)), Some(30_000));
    choose(&mut draft, DeliveryMethod::Quoted);
    assert_eq!(draft.shop_total(&view.shops[0], Some(&quote)), None);
}

#[test]
fn the_recipient_follows_the_buyer_until_changed() {
    let mut recipient = String::new();
    follow(&mut recipient, "", "B");
    assert_eq!(recipient, "B");
    follow(&mut recipient, "B", "Bu");
    assert_eq!(recipient, "Bu");
    let mut other = "Siti".to_owned();
    follow(&mut other, "Bu", "Budi");
    assert_eq!(other, "Siti");
}

#[test]
fn an_english_checkout_says_what_is_missing_in_english() {
    let view = view();
    let draft = Draft { buyer_name: "Budi".into(), buyer_whatsapp: "0812 3456 7890".into(), ..Draft::default() };
    let said =
        |lang, field: &str| draft.errors(lang, &view, None).into_iter().find(|e| e.field == field).map(|e| e.message);
    assert_eq!(said(Lang::Id, "shops[0].delivery").as_deref(), Some("Pilih cara pengiriman."));
    assert_eq!(said(Lang::En, "shops[0].delivery").as_deref(), Some("Choose a way of delivery."));
    assert_eq!(said(Lang::Id, "shops[0].payment").as_deref(), Some("Pilih cara pembayaran."));
    assert_eq!(said(Lang::En, "shops[0].payment").as_deref(), Some("Choose a way of payment."));
    let street = said(Lang::En, "address.street");
    assert_eq!(street.as_deref(), Some("Write the street, house number or hamlet (dusun)."));
}

#[test]
fn a_quote_refusing_a_way_is_read_in_the_page_language() {
    let view = view();
    let mut quote = quote();
    let refused = DeliveryQuote::new(DeliveryMethod::Seller, Err(NoDelivery::OutOfRange));
    let far = refused.unavailable.clone().unwrap();
    quote.shops[0].deliveries[1] = refused;
    let mut draft = Draft::default();
    draft.set_shop(ShopDraft { delivery: Some(DeliveryMethod::Seller), ..draft.shop(&view.shops[0]) });
    let said = |lang| {
        let errors = draft.errors(lang, &view, Some(&quote));
        errors.into_iter().find(|e| e.field == "shops[0].delivery").map(|e| e.message)
    };
    assert_eq!(said(Lang::Id), Some(far));
    assert_eq!(said(Lang::En).as_deref(), Some("The seller does not deliver to this address."));
}
