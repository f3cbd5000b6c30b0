//! SQL of order lists: a shop's or a buyer's orders with their counts per status, and a shop's orders
//! with their goods for its CSV file.

use shared::{
    DeliveryMethod, OrderStatus, PaymentMethod,
    order::{OrderSummary, StatusCount},
};
use sqlx::Row;

use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// Most orders in one list (the CSV export has no limit).
const LIST_MAX: i64 = 200;

/// Whose orders.
#[derive(Clone, Copy, Debug)]
pub enum Owner {
    Buyer(i64),
    Shop(i64),
}

/// Whose orders, and which.
pub struct Filter {
    pub owner: Owner,
    pub status: Option<OrderStatus>,
    /// Unix ms, inclusive.
    pub from: Option<i64>,
    /// Unix ms, exclusive.
    pub until: Option<i64>,
}

impl Filter {
    /// The WHERE clause (for the list, with the status) and its values, always bound in this order.
    fn condition(&self, with_status: bool) -> (String, Vec<Value>) {
        let (column, owner) = match self.owner {
            Owner::Buyer(id) => ("o.buyer_id", id),
            Owner::Shop(id) => ("o.shop_id", id),
        };
        let mut sql = format!("{column} = $1");
        let mut values = vec![Value::Int(owner)];
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

/// The newest orders matching `filter` (at most 200).
pub async fn summaries(db: &Db, filter: &Filter) -> AppResult<Vec<OrderSummary>> {
    let (condition, values) = filter.condition(true);
    let sql = format!("{SUMMARY} WHERE {condition} ORDER BY o.created_at DESC, o.id DESC LIMIT {LIST_MAX}");
    let rows = bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await?;
    rows.iter()
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
        .collect()
}

/// How many of the owner's orders (within the filter's dates, in any status) stand in each known status.
pub async fn status_counts(db: &Db, filter: &Filter) -> AppResult<Vec<StatusCount>> {
    let (condition, values) = filter.condition(false);
    let sql = format!("SELECT o.status, COUNT(*) AS n FROM orders o WHERE {condition} GROUP BY o.status");
    let mut counts = Vec::new();
    for row in bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await? {
        let status: String = row.try_get("status")?;
        if let Some(status) = OrderStatus::from_code(&status) {
            counts.push(StatusCount { status, count: row.try_get("n")? });
        }
    }
    Ok(counts)
}

/// An order as its shop's CSV file shows it (codes and the address JSON as stored).
pub struct Exported {
    pub id: i64,
    pub code: String,
    pub created_at: i64,
    pub status: String,
    pub buyer_name: String,
    pub buyer_phone: String,
    pub address: Option<String>,
    pub delivery: String,
    pub payment: String,
    pub items_total: i64,
    pub delivery_fee: Option<i64>,
    pub tracking_number: Option<String>,
}

/// The orders matching `filter`, oldest first.
pub async fn exported(db: &Db, filter: &Filter) -> AppResult<Vec<Exported>> {
    let (condition, values) = filter.condition(true);
    let sql = format!(
        "SELECT o.id, o.code, o.created_at, o.status, o.buyer_name, o.buyer_phone, o.address, o.delivery, o.payment, \
         o.items_total, o.delivery_fee, o.tracking_number FROM orders o WHERE {condition} ORDER BY o.created_at, o.id"
    );
    let rows = bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|row| {
            Ok(Exported {
                id: row.try_get("id")?,
                code: row.try_get("code")?,
                created_at: row.try_get("created_at")?,
                status: row.try_get("status")?,
                buyer_name: row.try_get("buyer_name")?,
                buyer_phone: row.try_get("buyer_phone")?,
                address: row.try_get("address")?,
                delivery: row.try_get("delivery")?,
                payment: row.try_get("payment")?,
                items_total: row.try_get("items_total")?,
                delivery_fee: row.try_get("delivery_fee")?,
                tracking_number: row.try_get("tracking_number")?,
            })
        })
        .collect()
}

/// A line of an exported order: its order's id, the product's name, the quantity and the unit's code.
pub struct ExportedLine {
    pub order_id: i64,
    pub name: String,
    pub quantity: i64,
    pub unit: String,
}

/// The lines of the orders matching `filter`, by order and position.
pub async fn exported_lines(db: &Db, filter: &Filter) -> AppResult<Vec<ExportedLine>> {
    let (condition, values) = filter.condition(true);
    let lines_sql = format!(
        "SELECT l.order_id, l.name, l.quantity, l.unit FROM order_lines l JOIN orders o ON o.id = l.order_id \
         WHERE {condition} ORDER BY l.order_id, l.position"
    );
    let rows = bind(sqlx::query(&lines_sql), &values).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|l| {
            Ok(ExportedLine {
                order_id: l.try_get("order_id")?,
                name: l.try_get("name")?,
                quantity: l.try_get("quantity")?,
                unit: l.try_get("unit")?,
            })
        })
        .collect()
}
