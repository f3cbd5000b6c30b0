//! The district's own records for download: villages, shops, products and orders of the viewer's
//! villages (orders without the buyers' names and numbers, which the district does not need).

use shared::{
    DeliveryMethod, IdmStatus, OrderStatus, PaymentMethod, Sector, ShopStatus,
    dashboard::{Cell, Column, ColumnKind, Report, ReportKind},
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use super::{filter::Filter, sales::kind_label, tally::column};
use crate::{error::AppResult, products::queries::LISTED, time_zone::TimeZone};

fn columns(spec: &[(&str, ColumnKind)]) -> Vec<Column> {
    spec.iter().map(|(label, kind)| column(label, *kind)).collect()
}

fn text(row: &AnyRow, name: &str) -> AppResult<Cell> {
    Ok(Cell::Text(row.try_get::<Option<String>, _>(name)?.unwrap_or_default()))
}

fn number(row: &AnyRow, name: &str) -> AppResult<Cell> {
    Ok(Cell::Number(row.try_get::<Option<i64>, _>(name)?.unwrap_or_default()))
}

/// The label of a stored code, or the code itself.
fn label<T: Copy>(
    row: &AnyRow,
    name: &str,
    from: fn(&str) -> Option<T>,
    show: fn(T) -> &'static str,
) -> AppResult<Cell> {
    let code: String = row.try_get::<Option<String>, _>(name)?.unwrap_or_default();
    Ok(Cell::Text(from(&code).map_or(code, |v| show(v).to_owned())))
}

fn record(kind: ReportKind, note: &str, spec: &[(&str, ColumnKind)], rows: Vec<Vec<Cell>>) -> Report {
    Report { kind, title: kind.label().into(), note: note.into(), columns: columns(spec), rows, chart: None }
}

pub async fn villages(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let sql = format!(
        "SELECT v.region_code, v.name, k.name AS kecamatan, v.idm_status, v.idm_year, v.flagship_name, \
             v.flagship_sector, \
             (SELECT COUNT(*) FROM shops s WHERE s.village_id = v.id AND s.status = 'active') AS shops, \
             (SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.village_id = v.id AND {LISTED}) \
                 AS products, \
             (SELECT COUNT(*) FROM enterprises e WHERE e.village_id = v.id) AS enterprises \
         FROM villages v JOIN regions k ON k.code = v.kecamatan_code WHERE {} ORDER BY k.name, v.name",
        filter.villages()
    );
    let mut rows = Vec::new();
    for row in sqlx::query(&sql).fetch_all(&mut *conn).await? {
        rows.push(vec![
            text(&row, "region_code")?,
            text(&row, "name")?,
            text(&row, "kecamatan")?,
            label(&row, "idm_status", IdmStatus::from_code, IdmStatus::label)?,
            number(&row, "idm_year")?,
            text(&row, "flagship_name")?,
            label(&row, "flagship_sector", Sector::from_code, Sector::label)?,
            number(&row, "shops")?,
            number(&row, "products")?,
            number(&row, "enterprises")?,
        ]);
    }
    use ColumnKind::{Count, Text};
    let spec = [
        ("Kode desa", Text),
        ("Desa", Text),
        ("Kecamatan", Text),
        ("Status IDM", Text),
        ("Tahun IDM", Count),
        ("Produk unggulan", Text),
        ("Sektor unggulan", Text),
        ("Toko aktif", Count),
        ("Produk dijual", Count),
        ("Lembaga", Count),
    ];
    Ok(record(ReportKind::VillageRecords, "Semua desa yang Anda kelola, keadaan hari ini.", &spec, rows))
}

pub async fn shops(conn: &mut AnyConnection, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    let sql = format!(
        "SELECT s.name, v.name AS village, k.name AS kecamatan, e.name AS enterprise, COALESCE(e.kind, '') AS kind, \
             s.whatsapp, s.status, s.created_at, \
             (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS products \
         FROM shops s JOIN villages v ON v.id = s.village_id JOIN regions k ON k.code = v.kecamatan_code \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id WHERE {} ORDER BY v.name, s.name",
        filter.shops()
    );
    let mut rows = Vec::new();
    for row in sqlx::query(&sql).fetch_all(&mut *conn).await? {
        let kind: String = row.try_get("kind")?;
        rows.push(vec![
            text(&row, "name")?,
            text(&row, "village")?,
            text(&row, "kecamatan")?,
            text(&row, "enterprise")?,
            Cell::Text(kind_label(&kind)),
            text(&row, "whatsapp")?,
            label(&row, "status", ShopStatus::from_code, ShopStatus::label)?,
            Cell::Text(zone.date_time(row.try_get("created_at")?)[..10].to_owned()),
            number(&row, "products")?,
        ]);
    }
    use ColumnKind::{Count, Text};
    let spec = [
        ("Toko", Text),
        ("Desa", Text),
        ("Kecamatan", Text),
        ("Lembaga", Text),
        ("Jenis lembaga", Text),
        ("WhatsApp", Text),
        ("Status", Text),
        ("Dibuka", Text),
        ("Produk dijual", Count),
    ];
    Ok(record(ReportKind::ShopRecords, "Semua toko di desa yang Anda kelola, keadaan hari ini.", &spec, rows))
}

pub async fn products(conn: &mut AnyConnection, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    let sql = format!(
        "SELECT p.id, p.name, s.name AS shop, v.name AS village, p.sector, p.price, p.unit, p.stock, \
             CASE WHEN {LISTED} THEN 'dijual' WHEN p.hidden_reason IS NOT NULL THEN 'disembunyikan admin' \
                 ELSE p.status END AS state, p.created_at \
         FROM products p JOIN shops s ON s.id = p.shop_id JOIN villages v ON v.id = s.village_id \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id WHERE {} ORDER BY v.name, s.name, p.id",
        filter.products()
    );
    let mut rows = Vec::new();
    for row in sqlx::query(&sql).fetch_all(&mut *conn).await? {
        rows.push(vec![
            number(&row, "id")?,
            text(&row, "name")?,
            text(&row, "shop")?,
            text(&row, "village")?,
            label(&row, "sector", Sector::from_code, Sector::label)?,
            number(&row, "price")?,
            text(&row, "unit")?,
            number(&row, "stock")?,
            text(&row, "state")?,
            Cell::Text(zone.date_time(row.try_get("created_at")?)[..10].to_owned()),
        ]);
    }
    use ColumnKind::{Count, Rupiah, Text};
    let spec = [
        ("Id", Count),
        ("Produk", Text),
        ("Toko", Text),
        ("Desa", Text),
        ("Sektor", Text),
        ("Harga (Rp)", Rupiah),
        ("Satuan", Text),
        ("Stok", Count),
        ("Keadaan", Text),
        ("Dibuat", Text),
    ];
    Ok(record(ReportKind::ProductRecords, "Semua produk toko di desa yang Anda kelola.", &spec, rows))
}

pub async fn orders(conn: &mut AnyConnection, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    let sql = format!(
        "SELECT o.code, o.created_at, s.name AS shop, v.name AS village, o.status, o.payment, o.delivery, \
             r.name AS destination, \
             (SELECT CAST(SUM(l.quantity) AS BIGINT) FROM order_lines l WHERE l.order_id = o.id) AS items, \
             o.items_total, o.delivery_fee \
         FROM orders o JOIN shops s ON s.id = o.shop_id JOIN villages v ON v.id = s.village_id \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         LEFT JOIN regions r ON r.code = SUBSTR(o.dest_desa_code, 1, 5) \
         WHERE o.created_at >= {} AND o.created_at < {} AND {} ORDER BY o.created_at, o.id",
        filter.since_ms,
        filter.until_ms,
        filter.shops()
    );
    let mut rows = Vec::new();
    for row in sqlx::query(&sql).fetch_all(&mut *conn).await? {
        rows.push(vec![
            text(&row, "code")?,
            Cell::Text(zone.date_time(row.try_get("created_at")?)),
            text(&row, "shop")?,
            text(&row, "village")?,
            label(&row, "status", OrderStatus::from_code, OrderStatus::label)?,
            label(&row, "payment", PaymentMethod::from_code, PaymentMethod::label)?,
            label(&row, "delivery", DeliveryMethod::from_code, DeliveryMethod::label)?,
            text(&row, "destination")?,
            number(&row, "items")?,
            number(&row, "items_total")?,
            number(&row, "delivery_fee")?,
        ]);
    }
    use ColumnKind::{Count, Rupiah, Text};
    let spec = [
        ("Kode", Text),
        ("Dibuat", Text),
        ("Toko", Text),
        ("Desa", Text),
        ("Status", Text),
        ("Pembayaran", Text),
        ("Pengiriman", Text),
        ("Kabupaten tujuan", Text),
        ("Barang", Count),
        ("Nilai barang (Rp)", Rupiah),
        ("Ongkir (Rp)", Rupiah),
    ];
    let note = "Pesanan yang dibuat dalam rentang tanggal, tanpa nama dan nomor pembeli.";
    Ok(record(ReportKind::OrderRecords, note, &spec, rows))
}
