//! Sales from the product-line summaries: by sector, the best-selling products, and the market map
//! (where the goods went, by the buyer's province or kabupaten).

use std::collections::HashMap;

use shared::{
    RegionCode, Sector,
    dashboard::{Cell, Chart, ChartKind, ColumnKind, MarketLevel, Report, ReportKind, share},
};
use sqlx::{AnyConnection, Row};

use super::{
    filter::Filter,
    tally::{LINE_ROWS, LINE_SUMS, Tally, amount_columns, column, goods_columns},
};
use crate::error::AppResult;

/// How many products the best-seller table lists.
const TOP: i64 = 20;

const LINES_NOTE: &str = "Barang dari pesanan yang dibuat dalam rentang tanggal, tanpa pesanan batal; nilai \
    barang tanpa ongkir.";

fn lines_where(filter: &Filter) -> String {
    format!("{} AND {}", filter.summary_rows("sl", false), filter.goods("sl", "product_id"))
}

/// Sums per `group` (an SQL expression), with `extra` select items grouped too.
async fn tallies(conn: &mut AnyConnection, filter: &Filter, group: &str) -> AppResult<HashMap<String, Tally>> {
    let sql = format!("SELECT {group} AS key, {LINE_SUMS} {LINE_ROWS} WHERE {} GROUP BY {group}", lines_where(filter));
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter().map(|row| Ok((row.try_get::<String, _>("key")?, Tally::read(row)?))).collect()
}

fn bars(label_column: usize, value_column: usize) -> Option<Chart> {
    Some(Chart { kind: ChartKind::Bars, label_column, value_column })
}

/// Every sector, sold or not, largest Rupiah first.
pub async fn by_sector(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sales = tallies(conn, filter, "sl.sector").await?;
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
    let sql = format!(
        "SELECT p.name AS product, s.name AS shop, v.name AS village, p.sector, t.orders, t.items, t.rupiah, \
             t.done, t.cancelled \
         FROM (SELECT sl.product_id, {LINE_SUMS} {LINE_ROWS} WHERE {} GROUP BY sl.product_id \
             ORDER BY rupiah DESC, orders DESC, sl.product_id LIMIT {TOP}) t \
         JOIN products p ON p.id = t.product_id JOIN shops s ON s.id = p.shop_id \
         JOIN villages v ON v.id = s.village_id ORDER BY t.rupiah DESC, t.orders DESC, t.product_id",
        lines_where(filter)
    );
    let found = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    let mut rows = Vec::with_capacity(found.len());
    for row in &found {
        let sector: String = row.try_get("sector")?;
        let sector = Sector::from_code(&sector).map_or(sector, |s| s.label().to_owned());
        let names = [row.try_get::<String, _>("product")?, row.try_get("shop")?, row.try_get("village")?, sector];
        rows.push(names.into_iter().map(Cell::Text).chain(Tally::read(row)?.amounts()).collect());
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
    let group = match filter.level {
        MarketLevel::Province => "SUBSTR(sl.buyer_region, 1, 2)",
        MarketLevel::Kabupaten => "sl.buyer_region",
    };
    let sales = tallies(conn, filter, group).await?;
    let codes: Vec<String> =
        sales.keys().filter_map(|c| RegionCode::parse(c).ok()).map(|c| format!("'{}'", c.as_str())).collect();
    let names: HashMap<String, String> = if codes.is_empty() {
        HashMap::new()
    } else {
        let sql = format!("SELECT code, name FROM regions WHERE code IN ({})", codes.join(", "));
        sqlx::query_as(&sql).fetch_all(&mut *conn).await?.into_iter().collect()
    };
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
