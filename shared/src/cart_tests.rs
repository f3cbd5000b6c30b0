//! Quantities, addresses, checkout forms and delivery fees.

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
fn quantities_respect_stock_and_minimum_order() {
    assert_eq!(quantity_problem(2, 10, 1), None);
    assert_eq!(quantity_problem(0, 10, 1).as_deref(), Some("Jumlah minimal 1."));
    assert_eq!(quantity_problem(4, 3, 1).as_deref(), Some("Stok tinggal 3."));
    assert_eq!(quantity_problem(1, 0, 1).as_deref(), Some("Stok habis."));
    assert_eq!(quantity_problem(1, 10, 2).as_deref(), Some("Minimal pesan 2."));
}

#[test]
fn seller_delivery_charges_the_nearest_area_it_serves() {
    let shop = code("52.01.03.2016");
    let fee = |to: &str| delivery_fee(&options(), DeliveryMethod::Seller, &shop, Some(&code(to)), 1000);
    assert_eq!(fee("52.01.03.2016"), Ok(Some(5_000)));
    // No fee for the kecamatan: a neighbour desa pays the kabupaten fee.
    assert_eq!(fee("52.01.03.2001"), Ok(Some(20_000)));
    assert_eq!(fee("52.01.07.2001"), Ok(Some(20_000)));
    assert!(fee("52.02.01.2001").unwrap_err().contains("tidak mengantar"));
}

#[test]
fn courier_charges_started_kilograms_at_the_most_specific_rate() {
    let shop = code("52.01.03.2016");
    let fee = |to: &str, grams| delivery_fee(&options(), DeliveryMethod::Courier, &shop, Some(&code(to)), grams);
    assert_eq!(fee("52.01.01.2001", 1000), Ok(Some(9_000)));
    assert_eq!(fee("52.01.01.2001", 1001), Ok(Some(18_000)));
    assert_eq!(fee("52.03.01.2001", 0), Ok(Some(15_000)));
    assert!(fee("51.01.01.2001", 500).unwrap_err().contains("tarif kurir"));
}

#[test]
fn pickup_is_free_and_missing_methods_are_refused() {
    let shop = code("52.01.03.2016");
    assert_eq!(delivery_fee(&options(), DeliveryMethod::Pickup, &shop, None, 5000), Ok(Some(0)));
    assert!(delivery_fee(&options(), DeliveryMethod::Quoted, &shop, Some(&shop), 1).is_err());
    let quoted = DeliveryOptions { quoted: true, ..options() };
    assert_eq!(delivery_fee(&quoted, DeliveryMethod::Quoted, &shop, Some(&shop), 1), Ok(None));
    assert!(delivery_fee(&options(), DeliveryMethod::Seller, &shop, None, 1).is_err());
}

fn checkout() -> Checkout {
    Checkout {
        buyer_name: "Baiq Nurul".into(),
        buyer_whatsapp: "0812 3456 7890".into(),
        address: None,
        save_address: false,
        shops: vec![ShopChoice {
            shop_id: 1,
            delivery: DeliveryMethod::Pickup,
            payment: PaymentMethod::Cash,
            note: String::new(),
            lines: vec![CheckoutLine { product_id: 7, quantity: 2, price: 25_000 }],
        }],
    }
}

#[test]
fn a_pickup_checkout_needs_no_address() {
    assert_eq!(checkout().validate(), vec![]);
}

#[test]
fn bad_checkouts_name_their_fields() {
    let fields = |c: Checkout| c.validate().into_iter().map(|e| e.field).collect::<Vec<_>>();
    let mut c = checkout();
    c.shops[0].lines[0].quantity = 0;
    c.shops[0].lines.push(CheckoutLine { product_id: 7, quantity: -3, price: -1 });
    assert_eq!(
        fields(c),
        [
            "shops[0].lines[0].quantity",
            "shops[0].lines[1].quantity",
            "shops[0].lines[1].price",
            "shops[0].lines[1].product_id"
        ]
    );
    let mut c = checkout();
    c.shops[0].delivery = DeliveryMethod::Courier;
    c.buyer_whatsapp = "12345".into();
    assert_eq!(fields(c), ["buyer_whatsapp", "address"]);
    let mut c = checkout();
    c.address = Some(Address { desa_code: "52.01".into(), ..Address::default() });
    assert_eq!(fields(c), ["address.recipient", "address.whatsapp", "address.desa_code", "address.street"]);
    assert_eq!(fields(Checkout { shops: vec![], ..checkout() }), ["shops"]);
}

#[test]
fn a_checkout_parses_into_the_buyer_number_and_the_desa() {
    let address = Address {
        recipient: "Baiq".into(),
        whatsapp: "+62 812 3456 7890".into(),
        desa_code: "52.01.03.2016".into(),
        street: "Dusun Karang Bayan".into(),
        ..Address::default()
    };
    let valid = Checkout { address: Some(address), ..checkout() }.parse().unwrap();
    assert_eq!(valid.parsed().buyer_phone.as_str(), "6281234567890");
    let to = valid.parsed().address.as_ref().unwrap();
    assert_eq!((to.parsed().whatsapp.as_str(), to.parsed().desa.as_str()), ("6281234567890", "52.01.03.2016"));
    assert_eq!(checkout().parse().unwrap().parsed().address, None);
    let bad = Checkout { buyer_whatsapp: "12345".into(), ..checkout() };
    assert_eq!(bad.clone().parse().unwrap_err(), bad.validate());
}

#[test]
fn a_guest_cart_keeps_within_its_bounds() {
    let item = |quantity| CartItem { product_id: 1, quantity };
    assert!(vec![item(1), item(QUANTITY_MAX)].parse().is_ok());
    let errors = vec![item(0)].parse().unwrap_err();
    assert_eq!(errors, [FieldError::new("items[0].quantity", format!("Jumlah 1 sampai {QUANTITY_MAX}."))]);
    let fields: Vec<_> = vec![item(1); CART_LINES_MAX + 1].problems(&()).into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["items"]);
}

#[test]
fn addresses_read_as_one_line() {
    let placed = PlacedAddress {
        id: None,
        address: Address {
            recipient: "Baiq".into(),
            whatsapp: "081234567890".into(),
            desa_code: "52.01.03.2016".into(),
            street: "Dusun Karang Bayan".into(),
            rt_rw: "RT 02 / RW 01".into(),
            landmark: "depan masjid".into(),
        },
        desa: "Darmaji".into(),
        kecamatan: "Kopang".into(),
        kabupaten: "Lombok Tengah".into(),
        provinsi: "Nusa Tenggara Barat".into(),
    };
    assert_eq!(
        placed.one_line(),
        "Dusun Karang Bayan, RT 02 / RW 01 (depan masjid), Darmaji, Kec. Kopang, Lombok Tengah, Nusa Tenggara Barat"
    );
}
