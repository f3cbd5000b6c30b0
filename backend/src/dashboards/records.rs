//! The district's own records for download: villages, shops, products and orders of the viewer's
//! villages (orders without the buyers' names and numbers, which the district does not need).

use shared::{
    DeliveryMethod, IdmStatus, OrderStatus, PaymentMethod, Sector, ShopStatus,
    dashboard::{Cell, Column, ColumnKind, Report, ReportKind},
};
use sqlx::AnyConnection;

use super::{filter::Filter, queries::records as queries, sales::kind_label, tally::column};
use crate::{error::AppResult, time_zone::TimeZone};

fn columns(spec: &[(&str, ColumnKind)]) -> Vec<Column> {
    spec.iter().map(|(label, kind)| column(label, *kind)).collect()
}

fn text(value: Option<String>) -> Cell {
    Cell::Text(value.unwrap_or_default())
}

fn number(value: Option<i64>) -> Cell {
    Cell::Number(value.unwrap_or_default())
}

/// The label of a stored code, or the code itself.
fn label<T: Copy>(code: Option<String>, from: fn(&str) -> Option<T>, show: fn(T) -> &'static str) -> Cell {
    let code = code.unwrap_or_default();
    Cell::Text(from(&code).map_or(code, |v| show(v).to_owned()))
}

fn record(kind: ReportKind, note: &str, spec: &[(&str, ColumnKind)], rows: Vec<Vec<Cell>>) -> Report {
    Report { kind, title: kind.label().into(), note: note.into(), columns: columns(spec), rows, chart: None }
}

pub async fn villages(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Report> {
    let mut rows = Vec::new();
    for v in queries::villages(conn, filter).await? {
        rows.push(vec![
            text(v.region_code),
            text(v.name),
            text(v.kecamatan),
            label(v.idm_status, IdmStatus::from_code, IdmStatus::label),
            number(v.idm_year),
            text(v.flagship_name),
            label(v.flagship_sector, Sector::from_code, Sector::label),
            number(v.shops),
            number(v.products),
            number(v.enterprises),
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
    let mut rows = Vec::new();
    for shop in queries::shops(conn, filter).await? {
        rows.push(vec![
            text(shop.name),
            text(shop.village),
            text(shop.kecamatan),
            text(shop.enterprise),
            Cell::Text(kind_label(&shop.kind)),
            text(shop.whatsapp),
            label(shop.status, ShopStatus::from_code, ShopStatus::label),
            Cell::Text(zone.date_time(shop.created_at)[..10].to_owned()),
            number(shop.products),
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
    let mut rows = Vec::new();
    for p in queries::products(conn, filter).await? {
        rows.push(vec![
            number(p.id),
            text(p.name),
            text(p.shop),
            text(p.village),
            label(p.sector, Sector::from_code, Sector::label),
            number(p.price),
            text(p.unit),
            number(p.stock),
            text(p.state),
            Cell::Text(zone.date_time(p.created_at)[..10].to_owned()),
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
    let mut rows = Vec::new();
    for o in queries::orders(conn, filter).await? {
        rows.push(vec![
            text(o.code),
            Cell::Text(zone.date_time(o.created_at)),
            text(o.shop),
            text(o.village),
            label(o.status, OrderStatus::from_code, OrderStatus::label),
            label(o.payment, PaymentMethod::from_code, PaymentMethod::label),
            label(o.delivery, DeliveryMethod::from_code, DeliveryMethod::label),
            text(o.destination),
            number(o.items),
            number(o.items_total),
            number(o.delivery_fee),
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
