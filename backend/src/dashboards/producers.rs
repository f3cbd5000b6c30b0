//! What reached member producers of BUMDes, koperasi and sentra IKM shops, per village and sector: read
//! from the income summary that every completed order (and refund) keeps in its own transaction.

use shared::{
    Sector,
    dashboard::{Cell, Chart, ChartKind, ColumnKind, Report, ReportKind},
};
use sqlx::AnyConnection;

use super::{filter::Filter, queries::producers as queries, tally::column};
use crate::error::AppResult;

/// Producers' income per village and sector, most earned first.
pub async fn income(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let found = queries::by_village_and_sector(conn, filter).await?;
    let columns = vec![
        column("Desa", ColumnKind::Text),
        column("Sektor", ColumnKind::Text),
        column("Baris pesanan", ColumnKind::Count),
        column("Barang", ColumnKind::Count),
        column("Nilai jual (Rp)", ColumnKind::Rupiah),
        column("Bagian lembaga (Rp)", ColumnKind::Rupiah),
        column("Sampai ke produsen (Rp)", ColumnKind::Rupiah),
    ];
    let rows = found
        .into_iter()
        .map(|f| {
            let sector = Sector::from_code(&f.sector).map_or(f.sector, |s| s.label().to_owned());
            vec![
                Cell::Text(f.village),
                Cell::Text(sector),
                Cell::Number(f.lines),
                Cell::Number(f.items),
                Cell::Number(f.sold),
                Cell::Number(f.sold - f.earned),
                Cell::Number(f.earned),
            ]
        })
        .collect();
    Ok(Report {
        kind: ReportKind::ProducerIncome,
        title: ReportKind::ProducerIncome.label().into(),
        note: "Barang buatan produsen anggota toko BUMDes, koperasi dan sentra IKM, dari pesanan yang selesai dalam \
            rentang tanggal (dikurangi refund); bagian lembaga sesuai kesepakatan tiap produsen."
            .into(),
        columns,
        rows,
        chart: Some(Chart { kind: ChartKind::Bars, label_column: 0, value_column: 6 }),
    })
}
