//! Orders as buyers and sellers see them (lines, totals, timeline, the moves they may make),
//! what placing a checkout returns, and in-app notifications.

use serde::{Deserialize, Serialize};

use crate::{
    BankAccount, Image, Phone, Unit,
    cart::PlacedAddress,
    format::rupiah,
    order_flow::{ActionKind, Actor, DeliveryMethod, OrderStatus, PaymentMethod},
};

/// The header that makes placing an order safe to retry.
pub const IDEMPOTENCY_HEADER: &str = "Idempotency-Key";
/// The header a guest proves an order is theirs with (the WhatsApp number of the order).
pub const BUYER_PHONE_HEADER: &str = "X-Buyer-Phone";
/// Longest idempotency key.
pub const IDEMPOTENCY_KEY_MAX: usize = 100;
/// Most receipt photos a buyer may send for one order (each replaces the one before).
pub const RECEIPTS_MAX: usize = 5;

/// An order's tracking page: `/pesanan/{code}`.
pub fn order_path(code: &str) -> String {
    format!("/pesanan/{code}")
}

/// Whether `code` looks like an order code (`LD-` then 8 letters and digits), before asking the database.
pub fn is_order_code(code: &str) -> bool {
    code.strip_prefix("LD-").is_some_and(|rest| rest.len() == 8 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// One order: one shop's goods for one buyer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Order {
    /// `LD-7K3M9Q2X`.
    pub code: String,
    pub status: OrderStatus,
    pub payment: PaymentMethod,
    pub delivery: DeliveryMethod,
    pub shop: OrderShop,
    pub buyer_name: String,
    pub buyer_whatsapp: Phone,
    /// Where the goods go (none when collected).
    pub address: Option<PlacedAddress>,
    /// The buyer's note for the seller.
    pub note: String,
    pub lines: Vec<OrderLine>,
    pub items_total: i64,
    pub weight_grams: i64,
    /// `None` until the seller names it ("ongkir dikonfirmasi penjual").
    pub delivery_fee: Option<i64>,
    /// Items plus delivery, when the fee is known.
    pub total: Option<i64>,
    pub tracking_number: Option<String>,
    /// The buyer's latest receipt photo.
    pub receipt: Option<Image>,
    /// An order the seller has neither accepted nor refused is cancelled after this moment (Unix ms).
    #[serde(default)]
    pub answer_by: Option<i64>,
    /// Unpaid transfer/QRIS orders are cancelled after this moment (Unix ms).
    pub pay_by: Option<i64>,
    /// Shipped or collectable orders complete on their own after this moment (Unix ms).
    pub completes_at: Option<i64>,
    /// A completed order's lines may be reviewed by its buyer until this moment (Unix ms).
    #[serde(default)]
    pub review_until: Option<i64>,
    /// Its buyer may open a complaint until this moment (Unix ms), when none is open yet.
    #[serde(default)]
    pub complaint_until: Option<i64>,
    /// The order's complaint, once one is opened.
    #[serde(default)]
    pub complaint: Option<crate::complaint::Complaint>,
    pub created_at: i64,
    pub updated_at: i64,
    /// Every move, oldest first.
    pub events: Vec<OrderEvent>,
    /// The moves whoever asked may make now.
    pub allowed: Vec<ActionKind>,
    /// WhatsApp to the other side, prefilled with the order's summary.
    pub whatsapp_link: String,
}

/// The shop an order is from, with how to pay it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderShop {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub whatsapp: Phone,
    pub village_name: String,
    pub pickup_address: String,
    pub bank_accounts: Vec<BankAccount>,
    pub qris: Option<Image>,
}

/// A product as it was ordered: name, unit, price and weight kept from that moment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderLine {
    /// The line, for its review.
    #[serde(default)]
    pub id: i64,
    /// The product, while it still exists.
    pub product_id: Option<i64>,
    pub name: String,
    pub unit: Unit,
    pub price: i64,
    pub weight_grams: i64,
    pub quantity: i64,
    pub subtotal: i64,
    /// The stars the buyer gave this line, once reviewed.
    #[serde(default)]
    pub rating: Option<u8>,
}

/// A move in an order's timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderEvent {
    /// Unix milliseconds.
    pub at: i64,
    pub actor: Actor,
    /// Who it was, by name ("Sistem" for the background job).
    pub actor_name: String,
    /// `None` for placing the order.
    pub from: Option<OrderStatus>,
    pub to: OrderStatus,
    pub note: String,
}

/// An order in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderSummary {
    pub code: String,
    pub status: OrderStatus,
    pub payment: PaymentMethod,
    pub delivery: DeliveryMethod,
    pub shop_id: i64,
    pub shop_name: String,
    pub buyer_name: String,
    /// How many pieces in all, and the first product's name.
    pub items: i64,
    pub first_item: String,
    pub total: Option<i64>,
    pub created_at: i64,
}

/// A list of orders with how many stand in each status (for the badges).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderList {
    pub orders: Vec<OrderSummary>,
    pub counts: Vec<StatusCount>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: OrderStatus,
    pub count: i64,
}

/// What placing a checkout answers: one order per shop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Placed {
    pub orders: Vec<PlacedOrder>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlacedOrder {
    pub code: String,
    pub shop_name: String,
    pub total: Option<i64>,
    pub status: OrderStatus,
    /// WhatsApp to the seller, prefilled with the order's summary.
    pub whatsapp_link: String,
}

/// The order's summary for a WhatsApp message: code, lines, totals, delivery and payment, and its page.
pub fn order_message(order: &Order, public_url: &str) -> String {
    let mut text = format!("Pesanan {} di {}\n", order.code, order.shop.name);
    for line in &order.lines {
        text.push_str(&format!(
            "- {} × {} {} = {}\n",
            line.name,
            line.quantity,
            line.unit.label(),
            rupiah(line.subtotal)
        ));
    }
    let fee = order.delivery_fee.map_or_else(|| "dikonfirmasi penjual".to_owned(), rupiah);
    text.push_str(&format!("Ongkir: {fee}\n"));
    if let Some(total) = order.total {
        text.push_str(&format!("Total: {}\n", rupiah(total)));
    }
    text.push_str(&format!("{} · {}\n", order.delivery.label(), order.payment.label()));
    text.push_str(&format!("Atas nama {}\n{public_url}{}", order.buyer_name, order_path(&order.code)));
    text
}

/// An in-app notification.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: i64,
    pub title: String,
    pub body: String,
    /// The page it is about (`/jual/3/pesanan/LD-…`, `/akun/pesanan/LD-…`).
    pub link: String,
    /// WhatsApp to the other side of the order.
    pub whatsapp_link: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

/// `GET /api/v1/notifications`: the latest ones and how many are unread.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notifications {
    pub unread: i64,
    pub items: Vec<Notification>,
}

/// `POST /api/v1/me/notifications/read`: which to mark read.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadNotifications {
    /// Ids from the list; empty marks every notification of the user read.
    #[serde(default)]
    pub ids: Vec<i64>,
}
