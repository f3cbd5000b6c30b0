//! Lists of orders (a shop's, a buyer's) with their counts per status, and a shop's orders as CSV.

use shared::{
    DeliveryMethod, OrderStatus, PaymentMethod,
    order::{OrderList, OrderSummary, StatusCount},
};
use sqlx::Row;

use crate::{
    db::Db,
    error::{AppError, AppResult},
    spreadsheet::{Csv, Field},
    time_zone::TimeZone,
};

/// Most orders in one list (the CSV export has no limit).
const LIST_MAX: i64 = 200;

/// Whose orders, and which.
pub struct Filter {
    /// `o.shop_id = $1` or `o.buyer_id = $1`.
    pub owner_column: &'static str,
    pub owner: i64,
    pub status: Option<OrderStatus>,
    /// Unix ms, inclusive.
    pub from: Option<i64>,
    /// Unix ms, exclusive.
    pub until: Option<i64>,
}

impl Filter {
    /// The WHERE clause (for the list, with the status) and its values, always bound in this order.
    fn condition(&self, with_status: bool) -> (String, Vec<Value>) {
        let mut sql = format!("{} = $1", self.owner_column);
        let mut values = vec![Value::Int(self.owner)];
        if let (true, Some(status)) = (with_status, self.status) {
            values.push(Value::Text(status.code().to_owned()));
            sql.push_str(&format!(" AND o.status = ${}", values.len()));
        }
        for (bound, op) in [(self.from, ">="), (self.until, "<")] {
            if let Some(at) = bound {
                values.push(Value::Int(at));
                sql.push_str(&format!(" AND o.created_at {op} ${}", values.len()));
            }
        }
        (sql, values)
    }
}

enum Value {
    Int(i64),
    Text(String),
}

fn bind<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    values: &'q [Value],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for value in values {
        query = match value {
            Value::Int(v) => query.bind(*v),
            Value::Text(v) => query.bind(v.as_str()),
        };
    }
    query
}

const SUMMARY: &str = "SELECT o.code, o.status, o.payment, o.delivery, o.shop_id, s.name AS shop_name, o.buyer_name, \
     o.items_total, o.delivery_fee, o.created_at, \
     (SELECT CAST(SUM(l.quantity) AS BIGINT) FROM order_lines l WHERE l.order_id = o.id) AS items, \
     (SELECT l.name FROM order_lines l WHERE l.order_id = o.id AND l.position = 0) AS first_item \
     FROM orders o JOIN shops s ON s.id = o.shop_id";

/// The newest orders matching `filter`, and how many of the owner's orders (within the dates) stand in
/// each status.
pub async fn orders(db: &Db, filter: &Filter) -> AppResult<OrderList> {
    let (condition, values) = filter.condition(true);
    let sql = format!("{SUMMARY} WHERE {condition} ORDER BY o.created_at DESC, o.id DESC LIMIT {LIST_MAX}");
    let rows = bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await?;
    let orders = rows
        .iter()
        .map(|row| {
            let code = |column: &str| -> AppResult<String> { Ok(row.try_get(column)?) };
            let bad = |what: &str| AppError::Internal(anyhow::anyhow!("stored order has a bad {what}"));
            let items_total: i64 = row.try_get("items_total")?;
            let fee: Option<i64> = row.try_get("delivery_fee")?;
            Ok(OrderSummary {
                code: code("code")?,
                status: OrderStatus::from_code(&code("status")?).ok_or_else(|| bad("status"))?,
                payment: PaymentMethod::from_code(&code("payment")?).ok_or_else(|| bad("payment"))?,
                delivery: DeliveryMethod::from_code(&code("delivery")?).ok_or_else(|| bad("delivery"))?,
                shop_id: row.try_get("shop_id")?,
                shop_name: code("shop_name")?,
                buyer_name: code("buyer_name")?,
                items: row.try_get::<Option<i64>, _>("items")?.unwrap_or(0),
                first_item: row.try_get::<Option<String>, _>("first_item")?.unwrap_or_default(),
                total: fee.map(|f| items_total + f),
                created_at: row.try_get("created_at")?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let (condition, values) = filter.condition(false);
    let sql = format!("SELECT o.status, COUNT(*) AS n FROM orders o WHERE {condition} GROUP BY o.status");
    let mut counts = Vec::new();
    for row in bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await? {
        let status: String = row.try_get("status")?;
        if let Some(status) = OrderStatus::from_code(&status) {
            counts.push(StatusCount { status, count: row.try_get("n")? });
        }
    }
    counts.sort_by_key(|c| OrderStatus::ALL.iter().position(|s| *s == c.status));
    Ok(OrderList { orders, counts })
}

/// The shop's orders within the dates as CSV (UTF-8 with a byte-order mark, for spreadsheet programs).
pub async fn csv(db: &Db, filter: &Filter, zone: TimeZone) -> AppResult<Vec<u8>> {
    let (condition, values) = filter.condition(true);
    let sql = format!(
        "SELECT o.id, o.code, o.created_at, o.status, o.buyer_name, o.buyer_phone, o.address, o.delivery, o.payment, \
         o.items_total, o.delivery_fee, o.tracking_number FROM orders o WHERE {condition} ORDER BY o.created_at, o.id"
    );
    let rows = bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await?;
    let lines_sql = format!(
        "SELECT l.order_id, l.name, l.quantity, l.unit FROM order_lines l JOIN orders o ON o.id = l.order_id \
         WHERE {condition} ORDER BY l.order_id, l.position"
    );
    let mut goods: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for l in bind(sqlx::query(&lines_sql), &values).fetch_all(&db.pool).await? {
        let unit: String = l.try_get("unit")?;
        let unit = shared::Unit::from_code(&unit).map_or(unit.clone(), |u| u.label().to_owned());
        let line = format!("{} × {} {unit}", l.try_get::<String, _>("name")?, l.try_get::<i64, _>("quantity")?);
        goods.entry(l.try_get("order_id")?).or_default().push(line);
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
        let status: String = row.try_get("status")?;
        let code_label = |code: &str, label: Option<&'static str>| label.map_or(code.to_owned(), str::to_owned);
        let address: Option<String> = row.try_get("address")?;
        let address = address
            .and_then(|a| serde_json::from_str::<shared::PlacedAddress>(&a).ok())
            .map(|a| a.one_line())
            .unwrap_or_default();
        let delivery: String = row.try_get("delivery")?;
        let payment: String = row.try_get("payment")?;
        let items_total: i64 = row.try_get("items_total")?;
        let fee: Option<i64> = row.try_get("delivery_fee")?;
        let id: i64 = row.try_get("id")?;
        let text = [
            row.try_get::<String, _>("code")?,
            zone.date_time(row.try_get("created_at")?),
            code_label(&status, OrderStatus::from_code(&status).map(OrderStatus::label)),
            row.try_get::<String, _>("buyer_name")?,
            row.try_get::<String, _>("buyer_phone")?,
            address,
            code_label(&delivery, DeliveryMethod::from_code(&delivery).map(DeliveryMethod::label)),
            code_label(&payment, PaymentMethod::from_code(&payment).map(PaymentMethod::label)),
            goods.remove(&id).unwrap_or_default().join("; "),
        ];
        let tracking = row.try_get::<Option<String>, _>("tracking_number")?.unwrap_or_default();
        let amount = |n: Option<i64>| n.map_or(Field::Text(""), Field::Number);
        let numbers = [Field::Number(items_total), amount(fee), amount(fee.map(|f| items_total + f))];
        csv.row(text.iter().map(|t| Field::Text(t)).chain(numbers).chain([Field::Text(&tracking)]))?;
    }
    csv.finish()
}
