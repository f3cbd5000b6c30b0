//! Lists of orders (a shop's, a buyer's) with their counts per status, and a shop's orders as CSV.

use shared::{DeliveryMethod, OrderStatus, PaymentMethod, order::OrderList};

use super::queries::lists::{self, Filter};
use crate::{
    db::Db,
    error::AppResult,
    spreadsheet::{Csv, Field},
    time_zone::TimeZone,
};

/// The newest orders matching `filter`, and how many of the owner's orders (within the dates) stand in
/// each status.
pub async fn orders(db: &Db, filter: &Filter) -> AppResult<OrderList> {
    let orders = lists::summaries(db, filter).await?;
    let mut counts = lists::status_counts(db, filter).await?;
    counts.sort_by_key(|c| OrderStatus::ALL.iter().position(|s| *s == c.status));
    Ok(OrderList { orders, counts })
}

/// The shop's orders within the dates as CSV (UTF-8 with a byte-order mark, for spreadsheet programs).
pub async fn csv(db: &Db, filter: &Filter, zone: TimeZone) -> AppResult<Vec<u8>> {
    let rows = lists::exported(db, filter).await?;
    let mut goods: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for l in lists::exported_lines(db, filter).await? {
        let unit = shared::Unit::from_code(&l.unit).map_or(l.unit.clone(), |u| u.label().to_owned());
        let line = format!("{} × {} {unit}", l.name, l.quantity);
        goods.entry(l.order_id).or_default().push(line);
    }
    let mut csv = Csv::new();
    let header = [
        "Kode",
        "Tanggal",
        "Status",
        "Pembeli",
        "WhatsApp",
        "Alamat",
        "Pengiriman",
        "Pembayaran",
        "Barang",
        "Total barang",
        "Ongkir",
        "Total",
        "Resi",
    ];
    csv.row(header.map(Field::Text))?;
    for row in rows {
        let code_label = |code: &str, label: Option<&'static str>| label.map_or(code.to_owned(), str::to_owned);
        let address = row
            .address
            .and_then(|a| serde_json::from_str::<shared::PlacedAddress>(&a).ok())
            .map(|a| a.one_line())
            .unwrap_or_default();
        let (items_total, fee) = (row.items_total, row.delivery_fee);
        let text = [
            row.code,
            zone.date_time(row.created_at),
            code_label(&row.status, OrderStatus::from_code(&row.status).map(OrderStatus::label)),
            row.buyer_name,
            row.buyer_phone,
            address,
            code_label(&row.delivery, DeliveryMethod::from_code(&row.delivery).map(DeliveryMethod::label)),
            code_label(&row.payment, PaymentMethod::from_code(&row.payment).map(PaymentMethod::label)),
            goods.remove(&row.id).unwrap_or_default().join("; "),
        ];
        let tracking = row.tracking_number.unwrap_or_default();
        let amount = |n: Option<i64>| n.map_or(Field::Text(""), Field::Number);
        let numbers = [Field::Number(items_total), amount(fee), amount(fee.map(|f| items_total + f))];
        csv.row(text.iter().map(|t| Field::Text(t)).chain(numbers).chain([Field::Text(&tracking)]))?;
    }
    csv.finish()
}
