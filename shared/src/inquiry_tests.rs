//! Inquiry forms, buyer numbers at home and abroad, needed-by dates and status moves.

use super::*;
use crate::Lang;

const TODAY: &str = "2026-11-24";

fn form() -> InquiryForm {
    InquiryForm {
        product_id: Some(7),
        buyer_name: "Hj. Nurhayati".into(),
        buyer_whatsapp: "0812-3456-7890".into(),
        quantity: 500,
        unit: "kg".into(),
        destination: "Surabaya".into(),
        ..InquiryForm::default()
    }
}

fn fields(form: &InquiryForm) -> Vec<String> {
    form.validate(TODAY).into_iter().map(|e| e.field).collect()
}

#[test]
fn a_plain_bulk_inquiry_passes() {
    assert!(form().validate(TODAY).is_empty());
    let full = InquiryForm {
        buyer_email: Some("beli@toko.id".into()),
        organisation: Some("CV Maju Jaya".into()),
        needed_by: Some("2026-12".into()),
        message: "Mohon harga grosir.".into(),
        ..form()
    };
    assert!(full.validate(TODAY).is_empty());
}

#[test]
fn a_valid_inquiry_says_what_it_is_about_and_whom_to_answer() {
    let valid = form().parse_in(TODAY).unwrap();
    assert_eq!(valid.parsed().target, InquiryTarget::Product(7));
    assert_eq!(valid.parsed().number, "6281234567890");
    let flagship = InquiryForm { product_id: None, village: Some(" sukarara ".into()), ..form() };
    assert_eq!(flagship.parse_in(TODAY).unwrap().parsed().target, InquiryTarget::Village("sukarara".into()));
    let shop = InquiryForm { product_id: None, shop_id: Some(3), buyer_whatsapp: "+60 12-345 6789".into(), ..form() };
    let shop = shop.parse_in(TODAY).unwrap();
    assert_eq!((&shop.parsed().target, shop.parsed().number.as_str()), (&InquiryTarget::Shop(3), "60123456789"));
    assert_eq!(InquiryForm { shop_id: Some(3), ..form() }.parse_in(TODAY).unwrap_err()[0].field, "target");
}

#[test]
fn exactly_one_target() {
    assert_eq!(fields(&InquiryForm { shop_id: Some(3), ..form() }), ["target"]);
    assert_eq!(fields(&InquiryForm { product_id: None, ..form() }), ["target"]);
    assert_eq!(fields(&InquiryForm { product_id: None, village: Some("  ".into()), ..form() }), ["target"]);
    assert!(fields(&InquiryForm { product_id: None, village: Some("darmaji".into()), ..form() }).is_empty());
}

#[test]
fn names_quantities_and_texts_have_bounds() {
    assert_eq!(fields(&InquiryForm { buyer_name: " A ".into(), ..form() }), ["buyer_name"]);
    assert_eq!(fields(&InquiryForm { buyer_name: "A".repeat(81), ..form() }), ["buyer_name"]);
    assert_eq!(fields(&InquiryForm { quantity: 0, ..form() }), ["quantity"]);
    assert_eq!(fields(&InquiryForm { quantity: QUANTITY_MAX + 1, ..form() }), ["quantity"]);
    assert!(fields(&InquiryForm { quantity: QUANTITY_MAX, ..form() }).is_empty());
    assert_eq!(fields(&InquiryForm { unit: " ".into(), ..form() }), ["unit"]);
    assert_eq!(fields(&InquiryForm { destination: "".into(), ..form() }), ["destination"]);
    assert_eq!(fields(&InquiryForm { message: "x".repeat(2001), ..form() }), ["message"]);
    assert!(fields(&InquiryForm { message: "x".repeat(2000), ..form() }).is_empty());
    assert_eq!(fields(&InquiryForm { buyer_email: Some("bukan-email".into()), ..form() }), ["buyer_email"]);
    assert!(fields(&InquiryForm { buyer_email: Some(" ".into()), ..form() }).is_empty());
    let quantity = form().validate(TODAY);
    assert!(quantity.is_empty());
    let zero = InquiryForm { quantity: 0, ..form() }.validate(TODAY);
    assert_eq!(zero[0].message, "Jumlah minimal 1.");
}

#[test]
fn exports_go_abroad() {
    let export = InquiryForm { kind: InquiryKind::Export, ..form() };
    assert_eq!(fields(&export), ["dest_country"]);
    assert!(fields(&InquiryForm { dest_country: "my".into(), ..export.clone() }).is_empty());
    assert_eq!(fields(&InquiryForm { dest_country: "Malaysia".into(), ..export }), ["dest_country"]);
    assert!(fields(&InquiryForm { dest_country: "SG".into(), ..form() }).is_empty());
    assert_eq!(country_name("JP"), "Jepang");
    assert_eq!(country_name("ZA"), "ZA");
}

#[test]
fn buyer_numbers_at_home_and_abroad() {
    assert_eq!(buyer_number(Lang::Id, "0812 3456 7890").unwrap(), "6281234567890");
    assert_eq!(buyer_number(Lang::Id, "+62 812-3456-7890").unwrap(), "6281234567890");
    assert_eq!(buyer_number(Lang::Id, "+60 12-345 6789").unwrap(), "60123456789");
    assert_eq!(buyer_number(Lang::Id, "+1 (404) 555-1234").unwrap(), "14045551234");
    assert!(buyer_number(Lang::Id, "").is_err());
    assert!(buyer_number(Lang::Id, "0370 123456").unwrap_err().contains("luar negeri"));
    assert!(buyer_number(Lang::Id, "+62 370 123456").is_err(), "an Indonesian landline stays refused");
    assert!(buyer_number(Lang::Id, "+60 12").is_err());
    assert!(buyer_number(Lang::Id, "+0 123 456 789").is_err());
    assert!(buyer_number(Lang::Id, "+60 12 abc").is_err());
    assert_eq!(fields(&InquiryForm { buyer_whatsapp: "12345".into(), ..form() }), ["buyer_whatsapp"]);
    assert_eq!(number_display("6281234567890"), "0812-3456-7890");
    assert_eq!(number_display("60123456789"), "+60123456789");
    assert_eq!(whatsapp_link("60123456789", "Halo Bu!"), "https://wa.me/60123456789?text=Halo%20Bu%21");
}

#[test]
fn needed_by_is_a_real_date_from_this_month_on() {
    assert!(check_needed_by(Lang::Id, "2026-11", TODAY).is_ok(), "this month");
    assert!(check_needed_by(Lang::Id, "2026-11-24", TODAY).is_ok(), "today");
    assert!(check_needed_by(Lang::Id, "2027-02-28", TODAY).is_ok());
    assert!(check_needed_by(Lang::Id, "2028-02-29", TODAY).is_ok(), "a leap day");
    assert!(check_needed_by(Lang::Id, "2027-02-29", TODAY).is_err());
    assert!(check_needed_by(Lang::Id, "2026-11-23", TODAY).unwrap_err().contains("lewat"));
    assert!(check_needed_by(Lang::Id, "2026-10", TODAY).unwrap_err().contains("lewat"));
    assert!(check_needed_by(Lang::Id, "2032-01", TODAY).unwrap_err().contains("5 tahun"));
    for bad in ["besok", "2026-13", "2026-1", "26-12", "2026-12-32", "2026-12-01-01"] {
        assert!(check_needed_by(Lang::Id, bad, TODAY).is_err(), "{bad}");
    }
    assert_eq!(fields(&InquiryForm { needed_by: Some("2020-01".into()), ..form() }), ["needed_by"]);
    assert!(fields(&InquiryForm { needed_by: Some("".into()), ..form() }).is_empty());
    assert_eq!(needed_by_label("2026-12"), "Desember 2026");
    assert_eq!(needed_by_label("2027-01-05"), "5 Januari 2027");
}

#[test]
fn statuses_move_forward_until_closed() {
    use InquiryStatus::*;
    assert!(New.can_become(Contacted) && New.can_become(Done) && New.can_become(Cancelled));
    assert!(Contacted.can_become(Done) && !Contacted.can_become(New) && !Contacted.can_become(Contacted));
    assert!(Done.next().is_empty() && Cancelled.next().is_empty());
    assert_eq!(InquiryStatus::from_code("dihubungi"), Some(Contacted));
    assert_eq!(InquiryKind::Export.code(), "ekspor");
    let change = InquiryStatusChange { status: Done, note: "x".repeat(NOTE_MAX + 1) };
    assert_eq!(change.validate()[0].field, "note");
}

#[test]
fn messages_say_what_is_asked() {
    let asked = asked(Lang::Id, 1500, "kg ", "Kopi Robusta", " Kuala Lumpur", "MY");
    assert_eq!(asked, "1.500 kg Kopi Robusta, tujuan Kuala Lumpur (Malaysia)");
    let reply = reply_message(Lang::Id, "Pak Lim", InquiryKind::Export, &asked, "Lapak BUMDes Darma Tani");
    assert!(reply.starts_with("Halo Pak Lim, terima kasih atas permintaan ekspor Anda di Lapak Desa: 1.500 kg"));
    let follow = follow_up_message(Lang::Id, "Lapak BUMDes", "Pak Lim", 12, InquiryKind::Bulk, &asked);
    assert!(follow.contains("permintaan partai besar #12"));
}

#[test]
fn an_english_buyer_is_answered_in_english() {
    let asked = super::asked(Lang::En, 1500, "kg", "Kopi Robusta", "Rotterdam", "NL");
    assert_eq!(asked, "1,500 kg of Kopi Robusta to Rotterdam (Netherlands)");
    let reply = reply_message(Lang::En, "Mr Jansen", InquiryKind::Export, &asked, "Lapak BUMDes Darma Tani");
    assert!(reply.starts_with("Hello Mr Jansen, thank you for your export inquiry on Lapak Desa: 1,500 kg"), "{reply}");
    assert!(reply.contains("This is Lapak BUMDes Darma Tani;"), "{reply}");
    let follow = follow_up_message(Lang::En, "Lapak BUMDes", "Mr Jansen", 12, InquiryKind::Bulk, &asked);
    assert!(follow.starts_with("Hello Lapak BUMDes, this is Mr Jansen. I have just sent bulk order inquiry #12"));
    assert_eq!(country_name_in(Lang::En, "DE"), "Germany");
    assert_eq!(country_name_in(Lang::En, "ZA"), "ZA");
}

#[test]
fn an_english_form_is_checked_in_english() {
    let english = InquiryForm { lang: Lang::En, quantity: 0, buyer_whatsapp: "".into(), ..form() };
    let errors = english.validate_in(Lang::En, TODAY);
    let message = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message.as_str());
    assert_eq!(message("quantity"), Some("The quantity is at least 1."));
    assert_eq!(message("buyer_whatsapp"), Some("Please write your WhatsApp number."));
    // What the server checks: the form's own language; the old `validate` stays Indonesian.
    assert_eq!(english.clone().parse_in(TODAY).unwrap_err(), errors);
    assert_eq!(english.validate(TODAY)[0].message, "Nomor WhatsApp wajib diisi.");
    let far = InquiryForm { lang: Lang::En, quantity: QUANTITY_MAX + 1, needed_by: Some("2020-01".into()), ..form() };
    let far: Vec<String> = far.validate_in(Lang::En, TODAY).into_iter().map(|e| e.message).collect();
    assert_eq!(far, ["The quantity is at most 100,000,000.", "That time has passed: choose this month or later."]);
    assert!(buyer_number(Lang::En, "0370 123456").unwrap_err().contains("a number abroad"));
}

#[test]
fn forms_read_from_json_with_defaults() {
    let json = r#"{"product_id":7,"kind":"ekspor","buyer_name":"Lim","buyer_whatsapp":"+6012345678",
        "quantity":20,"unit":"ton","destination":"Johor","dest_country":"MY"}"#;
    let form: InquiryForm = serde_json::from_str(json).unwrap();
    assert_eq!((form.kind, form.shop_id, form.message.as_str()), (InquiryKind::Export, None, ""));
    assert_eq!(form.lang, Lang::Id, "an older client wrote from an Indonesian page");
    assert!(form.validate(TODAY).is_empty());
    let english: InquiryForm = serde_json::from_str(&json.replace("{", r#"{"lang":"en","#)).unwrap();
    assert_eq!(english.lang, Lang::En);
}
