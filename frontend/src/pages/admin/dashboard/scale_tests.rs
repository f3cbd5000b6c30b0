//! Tests of the charts' arithmetic.

use shared::dashboard::{Column, ReportKind};

use super::*;

fn report(rows: &[(&str, i64)]) -> Report {
    Report {
        kind: ReportKind::Villages,
        title: "Penjualan per desa".into(),
        note: String::new(),
        columns: vec![
            Column { label: "Desa".into(), kind: ColumnKind::Text },
            Column { label: "Nilai (Rp)".into(), kind: ColumnKind::Rupiah },
        ],
        rows: rows.iter().map(|(l, v)| vec![Cell::Text((*l).into()), Cell::Number(*v)]).collect(),
        chart: None,
    }
}

const CHART: Chart = Chart { kind: shared::dashboard::ChartKind::Bars, label_column: 0, value_column: 1 };

#[test]
fn axis_tops_are_round() {
    assert_eq!(nice_top(0), 1);
    assert_eq!(nice_top(1), 1);
    assert_eq!(nice_top(3), 5);
    assert_eq!(nice_top(7), 10);
    assert_eq!(nice_top(10), 10);
    assert_eq!(nice_top(11), 20);
    assert_eq!(nice_top(21), 25);
    assert_eq!(nice_top(26), 50);
    assert_eq!(nice_top(51), 100);
    assert_eq!(nice_top(120_000), 200_000);
    assert_eq!(nice_top(230_000), 250_000);
    assert_eq!(nice_top(1_000_001), 2_000_000);
}

#[test]
fn labels_are_short() {
    assert_eq!(compact(950, ColumnKind::Rupiah), "Rp 950");
    assert_eq!(compact(12_500, ColumnKind::Rupiah), "Rp 12,5 rb");
    assert_eq!(compact(350_000, ColumnKind::Rupiah), "Rp 350 rb");
    assert_eq!(compact(1_240_000, ColumnKind::Rupiah), "Rp 1,2 jt");
    assert_eq!(compact(2_000_000, ColumnKind::Rupiah), "Rp 2 jt");
    assert_eq!(compact(999_999, ColumnKind::Rupiah), "Rp 1 jt");
    assert_eq!(compact(3_000_000_000, ColumnKind::Rupiah), "Rp 3 M");
    assert_eq!(compact(9_999, ColumnKind::Count), "9.999");
    assert_eq!(compact(12_345, ColumnKind::Count), "12,3 rb");
    assert_eq!(compact(625, ColumnKind::Permille), "62,5%");
    assert_eq!(compact(0, ColumnKind::Rupiah), "Rp 0");
}

#[test]
fn bars_are_the_largest_values_first_and_never_vanish() {
    let r = report(&[("Gapuk", 40_000), ("Senggigi", 120_000), ("Batulayar", 0), ("Kuripan", 100)]);
    let (bars, count) = bars(&r, &CHART, 12);
    assert_eq!(count, 3);
    let names: Vec<_> = bars.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(names, ["Senggigi", "Gapuk", "Kuripan"]);
    assert_eq!(bars.iter().map(|b| b.length).collect::<Vec<_>>(), [1000, 333, 5]);
    let (few, count) = super::bars(&r, &CHART, 2);
    assert_eq!((few.len(), count), (2, 3));
    assert_eq!(super::bars(&report(&[("A", 0)]), &CHART, 12), (Vec::new(), 0));
}

#[test]
fn line_points_span_the_box() {
    assert_eq!(line_points(&[0, 50, 100], 100, 1000, 200), [(0, 200), (500, 100), (1000, 0)]);
    assert_eq!(line_points(&[30], 60, 1000, 200), [(500, 100)]);
    assert_eq!(line_points(&[5, 0], 0, 10, 10), [(0, 0), (10, 10)]);
    assert_eq!(points_attribute(&[(0, 200), (500, 100)]), "0,200 500,100");
    assert_eq!(percent(625), "62.5%");
    assert_eq!(percent(1000), "100.0%");
}

#[test]
fn long_labels_are_cut() {
    assert_eq!(cut("Darmaji", 10), "Darmaji");
    assert_eq!(cut("Abon Ikan Tongkol Original", 10), "Abon Ikan…");
}

#[test]
fn charts_are_told_in_a_sentence() {
    let r = report(&[("Senggigi", 120_000), ("Gapuk", 40_000), ("Kuripan", 100), ("Lembar", 50)]);
    let (bars, count) = bars(&r, &CHART, 12);
    assert_eq!(
        bar_summary(&r, &CHART, &bars, count),
        "Grafik batang Nilai (Rp) per Desa, terbesar dulu: Senggigi Rp 120.000, Gapuk Rp 40.000, Kuripan Rp 100, \
         dan 1 lainnya."
    );
    assert_eq!(bar_summary(&r, &CHART, &[], 0), "Grafik batang Nilai (Rp) per Desa: semua bernilai nol.");
    let days = report(&[("2026-11-01", 0), ("2026-11-02", 60_000), ("2026-11-03", 15_000)]);
    assert_eq!(
        line_summary(&days, &CHART),
        "Grafik garis Nilai (Rp) per Desa, 2026-11-01 sampai 2026-11-03: tertinggi Rp 60.000 pada 2026-11-02; \
         jumlah Rp 75.000."
    );
    let quiet = report(&[("2026-11-01", 0)]);
    assert!(line_summary(&quiet, &CHART).ends_with("belum ada penjualan."));
    assert_eq!(legend(&r, &CHART), "Nilai (Rp) per Desa");
}
