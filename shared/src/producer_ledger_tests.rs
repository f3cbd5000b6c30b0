//! Fees, dates and payouts of the producers' ledger.

use super::*;

#[test]
fn fees_are_exact_and_round_for_the_producer() {
    let ten = Fee { kind: FeeKind::Persen, value: 10 };
    assert_eq!(ten.of_line(3, 45_005), 4_500, "Rp 4.500,5 rounds down: the half rupiah stays with the producer");
    assert_eq!(Fee { kind: FeeKind::Persen, value: 100 }.of_line(1, 7_000), 7_000);
    let per_unit = Fee { kind: FeeKind::PerSatuan, value: 1_500 };
    assert_eq!(per_unit.of_line(4, 40_000), 6_000);
    assert_eq!(per_unit.of_line(4, 5_000), 5_000, "never more than the line");
    assert_eq!(per_unit.label(), "Rp 1.500 per satuan");
}

#[test]
fn dates_are_checked_and_counted() {
    assert_eq!(date_day("1970-01-01"), None, "before 2000");
    assert_eq!(date_day("2000-01-01"), Some(10_957));
    assert_eq!(date_day("2024-02-29").map(day_date).as_deref(), Some("2024-02-29"));
    for bad in ["2026-02-29", "2026-13-01", "2026-1-01", "kemarin", "", "2026-00-10", "2026-04-31"] {
        assert_eq!(date_day(bad), None, "{bad}");
    }
}

#[test]
fn payouts_must_be_positive_sane_and_dated() {
    let good = PayoutForm { amount: 50_000, paid_on: "2026-11-30".into(), ..PayoutForm::default() };
    assert!(good.validate().is_empty());
    for amount in [0, -5, PAYOUT_MAX + 1] {
        let form = PayoutForm { amount, ..good.clone() };
        assert_eq!(form.validate()[0].field, "amount");
    }
    assert_eq!(PayoutForm { paid_on: "30/11/2026".into(), ..good }.validate()[0].field, "paid_on");
}
