//! Reading orders: one order whole (shop, lines, address, timeline, the viewer's moves), and lists.

use shared::{
    Actor, BankAccount, DeliveryMethod, OrderFlow, OrderStatus, PaymentMethod, Phone, Unit,
    order::{Order, OrderLine, OrderShop, order_message},
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use super::timeline;
use crate::{
    error::{AppError, AppResult},
    images,
    state::AppState,
};

/// An order as stored, with what guards and moves need.
pub struct Stored {
    pub id: i64,
    pub code: String,
    pub shop_id: i64,
    pub shop_name: String,
    pub owner_id: Option<i64>,
    pub buyer_id: Option<i64>,
    pub buyer_name: String,
    pub buyer_phone: Phone,
    pub shop_whatsapp: Phone,
    pub flow: OrderFlow,
    pub delivery_fee: Option<i64>,
    pub items_total: i64,
    pub status_at: i64,
    /// The latest receipt photo's sizes, as stored (JSON).
    pub receipt: Option<String>,
    row: AnyRow,
}

const STORED: &str = "SELECT o.*, s.name AS shop_name, s.slug AS shop_slug, s.whatsapp AS shop_whatsapp, s.owner_id, \
     s.pickup_address, s.bank_accounts, s.qris_id, qi.variants AS qris_variants, v.name AS village_name \
     FROM orders o JOIN shops s ON s.id = o.shop_id JOIN villages v ON v.id = s.village_id \
     LEFT JOIN images qi ON qi.id = s.qris_id";

fn internal(what: &str) -> AppError {
    AppError::Internal(anyhow::anyhow!("stored order has a bad {what}"))
}

fn code_of<T>(row: &AnyRow, column: &str, from_code: fn(&str) -> Option<T>) -> AppResult<T> {
    let code: String = row.try_get(column)?;
    from_code(&code).ok_or_else(|| internal(column))
}

fn phone(row: &AnyRow, column: &str) -> AppResult<Phone> {
    Phone::parse(&row.try_get::<String, _>(column)?).map_err(|_| internal(column))
}

/// The order with this code, if there is one.
pub async fn find(conn: &mut AnyConnection, code: &str) -> AppResult<Option<Stored>> {
    if !shared::order::is_order_code(code) {
        return Ok(None);
    }
    let row = sqlx::query(&format!("{STORED} WHERE o.code = $1")).bind(code).fetch_optional(conn).await?;
    row.map(stored).transpose()
}

fn stored(row: AnyRow) -> AppResult<Stored> {
    Ok(Stored {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        shop_id: row.try_get("shop_id")?,
        shop_name: row.try_get("shop_name")?,
        owner_id: row.try_get("owner_id")?,
        buyer_id: row.try_get("buyer_id")?,
        buyer_name: row.try_get("buyer_name")?,
        buyer_phone: phone(&row, "buyer_phone")?,
        shop_whatsapp: phone(&row, "shop_whatsapp")?,
        flow: OrderFlow {
            status: code_of(&row, "status", OrderStatus::from_code)?,
            payment: code_of(&row, "payment", PaymentMethod::from_code)?,
            delivery: code_of(&row, "delivery", DeliveryMethod::from_code)?,
        },
        delivery_fee: row.try_get("delivery_fee")?,
        items_total: row.try_get("items_total")?,
        status_at: row.try_get("status_at")?,
        receipt: row.try_get("receipt")?,
        row,
    })
}

impl Stored {
    /// The whole order as `viewer` sees it: the moves they may make and WhatsApp to the other side.
    pub async fn order(&self, conn: &mut AnyConnection, state: &AppState, viewer: Actor) -> AppResult<Order> {
        let row = &self.row;
        let lines = sqlx::query(
            "SELECT product_id, name, unit, price, weight_grams, quantity FROM order_lines WHERE order_id = $1 \
             ORDER BY position",
        )
        .bind(self.id)
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|l| {
            let (price, quantity): (i64, i64) = (l.try_get("price")?, l.try_get("quantity")?);
            Ok(OrderLine {
                product_id: l.try_get("product_id")?,
                name: l.try_get("name")?,
                unit: code_of(l, "unit", Unit::from_code)?,
                price,
                weight_grams: l.try_get("weight_grams")?,
                quantity,
                subtotal: price * quantity,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
        let json = |column: &str| -> AppResult<Option<String>> { Ok(row.try_get(column)?) };
        let address =
            json("address")?.map(|a| serde_json::from_str(&a)).transpose().map_err(|_| internal("address"))?;
        let banks: Vec<BankAccount> =
            serde_json::from_str(&row.try_get::<String, _>("bank_accounts")?).map_err(|_| internal("bank"))?;
        let qris = match (row.try_get::<Option<i64>, _>("qris_id")?, json("qris_variants")?) {
            (Some(id), Some(variants)) => Some(images::stored(id, &variants)?),
            _ => None,
        };
        let receipt = json("receipt")?
            .map(|v| {
                serde_json::from_str(&v)
                    .map_err(|_| internal("receipt"))
                    .and_then(|sizes| Ok(images::from_sizes(self.id, sizes)?))
            })
            .transpose()?;
        let status = self.flow.status;
        let config = &state.config;
        let ms = |d: std::time::Duration| i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
        let answer_by = (status == OrderStatus::New).then(|| self.status_at + ms(config.unaccepted_limit));
        let pay_by = (status == OrderStatus::AwaitingPayment).then(|| self.status_at + ms(config.unpaid_limit));
        let completes_at = matches!(status, OrderStatus::Shipped | OrderStatus::ReadyForPickup)
            .then(|| self.status_at + ms(config.auto_complete));
        let mut order = Order {
            code: self.code.clone(),
            status,
            payment: self.flow.payment,
            delivery: self.flow.delivery,
            shop: OrderShop {
                id: self.shop_id,
                name: self.shop_name.clone(),
                slug: row.try_get("shop_slug")?,
                whatsapp: self.shop_whatsapp.clone(),
                village_name: row.try_get("village_name")?,
                pickup_address: row.try_get("pickup_address")?,
                bank_accounts: banks,
                qris,
            },
            buyer_name: self.buyer_name.clone(),
            buyer_whatsapp: self.buyer_phone.clone(),
            address,
            note: row.try_get("note")?,
            lines,
            items_total: self.items_total,
            weight_grams: row.try_get("weight_grams")?,
            delivery_fee: self.delivery_fee,
            total: self.delivery_fee.map(|fee| self.items_total + fee),
            tracking_number: row.try_get("tracking_number")?,
            receipt,
            answer_by,
            pay_by,
            completes_at,
            created_at: row.try_get("created_at")?,
            updated_at: row.try_get("updated_at")?,
            events: timeline::events(conn, self.id).await?,
            allowed: self.flow.allowed(viewer),
            whatsapp_link: String::new(),
        };
        let message = order_message(&order, &config.public_url);
        order.whatsapp_link = match viewer {
            Actor::Seller => order.buyer_whatsapp.whatsapp_url(&format!("Halo {},\n{message}", order.buyer_name)),
            _ => order.shop.whatsapp.whatsapp_url(&format!("Halo {},\n{message}", order.shop.name)),
        };
        Ok(order)
    }
}
