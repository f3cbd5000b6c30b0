//! The desk's life cycle, who moves it, and its forms' checks.

use super::*;

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

fn asked() -> NewConsultation {
    NewConsultation {
        topic: Topic::Permits,
        title: "Cara mengurus PIRT sambal".into(),
        description: "Kami ingin menjual sambal terasi ke toko oleh-oleh, apa saja syarat PIRT-nya?".into(),
        village: "darmaji".into(),
        shop_id: None,
        photo_ids: vec![7, 8],
    }
}

#[test]
fn a_complete_consultation_is_valid() {
    assert!(asked().validate().is_empty());
}

#[test]
fn title_description_village_and_photos_are_checked() {
    let short =
        NewConsultation { title: " PIRT ".into(), description: "Tolong.".into(), village: " ".into(), ..asked() };
    assert_eq!(fields(&short.validate()), ["title", "description", "village"]);
    let long = NewConsultation { title: "x".repeat(TITLE_MAX + 1), ..asked() };
    assert_eq!(fields(&long.validate()), ["title"]);
    let many = NewConsultation { photo_ids: vec![1, 2, 3, 4, 5], ..asked() };
    assert_eq!(fields(&many.validate()), ["photo_ids"]);
    let twice = NewConsultation { photo_ids: vec![1, 2, 1], ..asked() };
    assert_eq!(fields(&twice.validate()), ["photo_ids"]);
    let four = NewConsultation { photo_ids: vec![1, 2, 3, 4], ..asked() };
    assert!(four.validate().is_empty());
}

#[test]
fn unknown_topics_and_offices_do_not_parse() {
    assert!(serde_json::from_str::<Topic>("\"ramalan\"").is_err());
    assert_eq!(serde_json::from_str::<Topic>("\"perizinan\"").unwrap(), Topic::Permits);
    assert_eq!(serde_json::from_str::<Office>("\"dinas_koperasi_umkm\"").unwrap(), Office::Cooperatives);
    assert_eq!(Topic::Production.label(), "Produksi & kemasan");
    assert!(Office::ALL.iter().all(|o| o.code().bytes().all(|b| b.is_ascii_lowercase() || b == b'_')));
}

#[test]
fn staff_move_step_by_step_and_closed_is_final() {
    use ConsultationStatus::*;
    let staff = DeskSide::Staff;
    assert!(New.check_move(InProgress, staff).is_ok());
    assert!(InProgress.check_move(Answered, staff).is_ok());
    assert!(Answered.check_move(Closed, staff).is_ok());
    assert!(Answered.check_move(InProgress, staff).is_ok());
    assert!(New.check_move(Answered, staff).unwrap_err().contains("tidak dapat diubah langsung"));
    assert!(New.check_move(Closed, staff).is_err());
    for to in ConsultationStatus::ALL {
        assert!(Closed.check_move(*to, staff).is_err());
        assert!(Closed.check_move(*to, DeskSide::Submitter).is_err());
    }
}

#[test]
fn the_submitter_only_closes_an_answered_consultation() {
    use ConsultationStatus::*;
    let asker = DeskSide::Submitter;
    assert!(Answered.check_move(Closed, asker).is_ok());
    assert!(New.check_move(InProgress, asker).is_err());
    assert!(InProgress.check_move(Answered, asker).is_err());
    assert_eq!(New.moves(asker), &[] as &[ConsultationStatus]);
}

#[test]
fn replies_move_the_status() {
    use ConsultationStatus::*;
    assert_eq!(New.after_reply(DeskSide::Staff), Ok(InProgress));
    assert_eq!(New.after_reply(DeskSide::Submitter), Ok(New));
    assert_eq!(Answered.after_reply(DeskSide::Submitter), Ok(InProgress));
    assert_eq!(Answered.after_reply(DeskSide::Staff), Ok(Answered));
    assert!(Closed.after_reply(DeskSide::Staff).is_err());
    assert!(Answered.is_answered() && Closed.is_answered() && !InProgress.is_answered());
}

#[test]
fn visits_are_scheduled_with_a_date_and_end_once() {
    use VisitStatus::*;
    let form = |status, at| VisitForm { status, scheduled_for: at, place: "Balai desa".into(), note: String::new() };
    assert!(form(Requested, None).validate(true).is_empty());
    assert_eq!(fields(&form(Scheduled, None).validate(true)), ["scheduled_for"]);
    assert!(form(Scheduled, Some(1_795_478_400_000)).validate(true).is_empty());
    assert_eq!(fields(&form(Done, Some(1_795_478_400_000)).validate(true)), ["status"]);
    assert!(form(Done, Some(1_795_478_400_000)).validate(false).is_empty());
    assert_eq!(fields(&form(Requested, Some(5)).validate(true)), ["scheduled_for"]);
    assert!(Requested.can_become(Scheduled) && Scheduled.can_become(Scheduled) && Scheduled.can_become(Done));
    assert!(!Requested.can_become(Done) && !Done.can_become(Cancelled) && !Cancelled.can_become(Scheduled));
}

#[test]
fn faq_text_and_reply_lengths() {
    let faq = FaqForm { question: "Apa syarat PIRT?".into(), answer: "Sertifikat penyuluhan keamanan pangan.".into() };
    assert!(faq.validate().is_empty());
    assert_eq!(fields(&FaqForm { question: "PIRT?".into(), answer: "Ya.".into() }.validate()), ["question", "answer"]);
    assert!(Reply { body: "Terima kasih".into() }.validate().is_empty());
    assert_eq!(fields(&Reply { body: " ".into() }.validate()), ["body"]);
}

#[test]
fn consultants_answer_for_a_province_kabupaten_or_kecamatan() {
    assert!(consultant_region("52").is_ok());
    assert!(consultant_region("52.01").is_ok());
    assert!(consultant_region("52.01.03").is_ok());
    assert!(consultant_region("52.01.03.2016").is_err());
    let form = NewConsultant { phone: "0811 5201 0100".into(), region: "52.01".into(), office: Office::Cooperatives };
    assert!(form.validate().is_empty());
    let bad = NewConsultant { phone: "123".into(), region: "x".into(), office: Office::Other };
    assert_eq!(fields(&bad.validate()), ["phone", "region"]);
    assert_eq!(thread_path(12), "/konsultasi/12");
}
