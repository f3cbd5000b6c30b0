//! Sales from the product-line summaries: by sector, the best-selling products, and the market map
//! (where the goods went, by the buyer's province or kabupaten).

use shared::{
    RegionCode, Sector,
    dashboard::{Cell, Chart, ChartKind, ColumnKind, Report, ReportKind, share},
};
use sqlx::AnyConnection;

use super::{
    filter::Filter,
    queries::lines as queries,
    tally::{Tally, amount_columns, column, goods_columns},
};
use crate::error::AppResult;

/// How many products the best-seller table lists.
const TOP: i64 = 20;

const LINES_NOTE: &str = "Barang dari pesanan yang dibuat dalam rentang tanggal, tanpa pesanan batal; nilai \
    barang tanpa ongkir.";

fn bars(label_column: usize, value_column: usize) -> Option<Chart> {
    Some(Chart { kind: ChartKind::Bars, label_column, value_column })
}

/// Every sector, sold or not, largest Rupiah first.
pub async fn by_sector(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales = queries::by_sector(conn, filter).await?;
    let mut rows: Vec<(Sector, Tally)> = Sector::ALL
        .iter()
        .filter(|s| filter.sector.is_none_or(|only| only == **s))
        .map(|s| (*s, sales.get(s.code()).copied().unwrap_or_default()))
        .collect();
    rows.sort_by(|a, b| b.1.rupiah.cmp(&a.1.rupiah).then(a.0.cmp(&b.0)));
    let mut columns = vec![column("Sektor", ColumnKind::Text)];
    columns.extend(goods_columns());
    let rows = rows.into_iter().map(|(s, t)| [Cell::Text(s.label().into())].into_iter().chain(t.goods()).collect());
    Ok(Report {
        kind: ReportKind::Sectors,
        title: ReportKind::Sectors.label().into(),
        note: LINES_NOTE.into(),
        columns,
        rows: rows.collect(),
        chart: bars(0, 2),
    })
}

/// The best-selling products by Rupiah.
pub async fn top_products(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let mut rows = Vec::new();
    for found in queries::top_products(conn, filter, TOP).await? {
        let sector = Sector::from_code(&found.sector).map_or(found.sector, |s| s.label().to_owned());
        let names = [found.product, found.shop, found.village, sector];
        rows.push(names.into_iter().map(Cell::Text).chain(found.tally.amounts()).collect());
    }
    let mut columns: Vec<_> =
        ["Produk", "Toko", "Desa", "Sektor"].iter().map(|l| column(l, ColumnKind::Text)).collect();
    columns.extend(amount_columns());
    Ok(Report {
        kind: ReportKind::TopProducts,
        title: ReportKind::TopProducts.label().into(),
        note: format!(
            "{TOP} produk dengan nilai penjualan terbesar. {LINES_NOTE} Pesanan: berapa pesanan memuat produk itu."
        ),
        columns,
        rows,
        chart: bars(0, 6),
    })
}

/// Where the goods went: the buyers' provinces or kabupaten, with each one's share of the Rupiah.
pub async fn market(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales = queries::by_buyer_region(conn, filter, filter.level).await?;
    let codes: Vec<RegionCode> = sales.keys().filter_map(|c| RegionCode::parse(c).ok()).collect();
    let names = queries::region_names(conn, &codes).await?;
    let whole: i64 = sales.values().map(|t| t.rupiah).sum();
    let mut rows: Vec<(String, String, Tally)> = sales
        .into_iter()
        .map(|(code, tally)| {
            let name = match names.get(&code) {
                Some(name) => name.clone(),
                None if code.is_empty() => "Tidak diketahui (diambil di toko)".into(),
                None => code.clone(),
            };
            (code, name, tally)
        })
        .collect();
    rows.sort_by(|a, b| b.2.rupiah.cmp(&a.2.rupiah).then(a.0.cmp(&b.0)));
    let mut columns = vec![column("Kode wilayah", ColumnKind::Text), column(filter.level.label(), ColumnKind::Text)];
    columns.extend(goods_columns());
    columns.push(column("Bagian nilai", ColumnKind::Permille));
    let rows = rows
        .into_iter()
        .map(|(code, name, tally)| {
            let mut row = vec![Cell::Text(code), Cell::Text(name)];
            row.extend(tally.goods());
            row.push(Cell::Number(share(tally.rupiah, whole)));
            row
        })
        .collect();
    Ok(Report {
        kind: ReportKind::Market,
        title: ReportKind::Market.label().into(),
        note: format!("Menurut alamat kirim pembeli. {LINES_NOTE}"),
        columns,
        rows,
        chart: bars(1, 3),
    })
}
