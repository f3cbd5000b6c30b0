//! Quantities, addresses and checkout forms, their messages in either language.

use super::*;

#[test]
fn quantities_respect_stock_and_minimum_order() {
    assert_eq!(quantity_problem(2, 10, 1), None);
    assert_eq!(quantity_problem(0, 10, 1).as_deref(), Some("Jumlah minimal 1."));
    assert_eq!(quantity_problem(4, 3, 1).as_deref(), Some("Stok tinggal 3."));
    assert_eq!(quantity_problem(1, 0, 1).as_deref(), Some("Stok habis."));
    assert_eq!(quantity_problem(1, 10, 2).as_deref(), Some("Minimal pesan 2."));
}

#[test]
fn quantity_problems_read_in_english_too() {
    assert_eq!(quantity_problem_in(Lang::En, 4, 3, 1).as_deref(), Some("Only 3 left in stock."));
    assert_eq!(quantity_problem_in(Lang::En, 1, 0, 1).as_deref(), Some("Sold out."));
    assert_eq!(quantity_problem_in(Lang::En, 1, 10, 2).as_deref(), Some("Minimum order 2."));
    assert_eq!(quantity_problem_in(Lang::En, 2, 10, 1), None);
    assert_eq!(quantity_problem_in(Lang::Id, 4, 3, 1), quantity_problem(4, 3, 1));
}

#[test]
fn a_cart_line_says_its_problem_in_the_page_language() {
    let product = ProductSummary {
        id: 7,
        slug: "kopi".into(),
        name: "Kopi".into(),
        price: 25_000,
        unit: crate::Unit::Kg,
        stock: 3,
        sector: crate::Sector::Pertanian,
        shop_name: "Lapak".into(),
        shop_slug: "lapak".into(),
        village_name: "Darmaji".into(),
        village_slug: "darmaji".into(),
        photo: None,
        stars: Default::default(),
        certified: Vec::new(),
        name_en: None,
    };
    let line = CartLine { product, min_order: 1, weight_grams: 250, quantity: 4, subtotal: 0, problem: None };
    assert_eq!(line.problem_in(Lang::En), None, "no problem, none in any language");
    let line = CartLine { problem: quantity_problem(4, 3, 1), ..line };
    assert_eq!(line.problem_in(Lang::Id).as_deref(), Some("Stok tinggal 3."));
    assert_eq!(line.problem_in(Lang::En).as_deref(), Some("Only 3 left in stock."));
    let other = CartLine { problem: Some("Lain.".into()), quantity: 1, ..line };
    assert_eq!(other.problem_in(Lang::En).as_deref(), Some("Lain."), "a problem not worked out here: as written");
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
fn a_checkout_says_what_is_wrong_in_either_language() {
    let mut c = checkout();
    c.buyer_name = " ".into();
    c.shops[0].delivery = DeliveryMethod::Courier;
    c.address = Some(Address { whatsapp: "0370123456".into(), desa_code: "52.01".into(), ..Address::default() });
    let messages = |lang| c.validate_in(lang).into_iter().map(|e| (e.field, e.message)).collect::<Vec<_>>();
    assert_eq!(c.validate_in(Lang::Id), c.validate());
    assert_eq!(
        messages(Lang::Id),
        [
            ("buyer_name".to_owned(), format!("Nama pembeli 1 sampai {NAME_MAX} huruf.")),
            ("address.recipient".to_owned(), format!("Nama penerima 1 sampai {NAME_MAX} huruf.")),
            ("address.whatsapp".to_owned(), "Gunakan nomor HP Indonesia yang diawali 08, 628 atau +628.".to_owned()),
            ("address.desa_code".to_owned(), "Pilih provinsi, kabupaten, kecamatan lalu desa.".to_owned()),
            ("address.street".to_owned(), "Tulis jalan, nomor rumah atau dusun.".to_owned()),
        ]
    );
    assert_eq!(
        messages(Lang::En),
        [
            ("buyer_name".to_owned(), format!("Your name takes 1 to {NAME_MAX} characters.")),
            ("address.recipient".to_owned(), format!("The recipient's name takes 1 to {NAME_MAX} characters.")),
            (
                "address.whatsapp".to_owned(),
                "Use an Indonesian mobile number starting with 08, 628 or +628.".to_owned()
            ),
            ("address.desa_code".to_owned(), "Choose the province, regency, district and then the village.".to_owned()),
            ("address.street".to_owned(), "Write the street, house number or hamlet (dusun).".to_owned()),
        ]
    );
    let empty = Checkout { shops: vec![], buyer_whatsapp: String::new(), ..checkout() };
    let english: Vec<String> = empty.validate_in(Lang::En).into_iter().map(|e| e.message).collect();
    assert_eq!(english, ["A WhatsApp number is required.", "Your cart is empty."]);
    let mut twice = checkout();
    twice.shops[0].lines.push(CheckoutLine { product_id: 7, quantity: 0, price: -1 });
    let english: Vec<String> = twice.validate_in(Lang::En).into_iter().map(|e| e.message).collect();
    assert_eq!(
        english,
        [
            format!("Quantity 1 to {QUANTITY_MAX}."),
            "A price cannot be negative.".into(),
            "A product comes only once.".into()
        ]
    );
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
