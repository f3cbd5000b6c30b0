//! One order whole as its buyer or seller sees it: shop, lines, address, timeline, the viewer's moves
//! and WhatsApp to the other side; its complaint, or until when one may be opened.

use shared::{
    Actor, BankAccount, OrderStatus,
    complaint::{Complaint, complaint_deadline},
    complaint_flow::ComplaintActor,
    order::{Order, OrderShop, order_message},
};
use sqlx::AnyConnection;

use super::queries::{self, Stored, internal};
use crate::{complaints, db::now_ms, error::AppResult, images, state::AppState};

impl Stored {
    /// The whole order as `viewer` sees it: the moves they may make and WhatsApp to the other side.
    pub async fn order(&self, conn: &mut AnyConnection, state: &AppState, viewer: Actor) -> AppResult<Order> {
        let page = &self.page;
        let lines = queries::lines(&mut *conn, self.id).await?;
        let address = page.address.as_deref().map(serde_json::from_str).transpose().map_err(|_| internal("address"))?;
        let banks: Vec<BankAccount> = serde_json::from_str(&page.bank_accounts).map_err(|_| internal("bank"))?;
        let qris = match (page.qris_id, page.qris_variants.as_deref()) {
            (Some(id), Some(variants)) => Some(images::stored(id, variants)?),
            _ => None,
        };
        let receipt = self
            .receipt
            .as_deref()
            .map(|v| {
                serde_json::from_str(v)
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
                slug: page.shop_slug.clone(),
                whatsapp: self.shop_whatsapp.clone(),
                village_name: page.village_name.clone(),
                pickup_address: page.pickup_address.clone(),
                bank_accounts: banks,
                qris,
            },
            buyer_name: self.buyer_name.clone(),
            buyer_whatsapp: self.buyer_phone.clone(),
            address,
            note: page.note.clone(),
            lines,
            items_total: self.items_total,
            weight_grams: page.weight_grams,
            delivery_fee: self.delivery_fee,
            total: self.delivery_fee.map(|fee| self.items_total + fee),
            tracking_number: page.tracking_number.clone(),
            receipt,
            answer_by,
            pay_by,
            completes_at,
            review_until: (status == OrderStatus::Completed).then(|| shared::review::review_deadline(self.status_at)),
            complaint_until: None,
            complaint: None,
            created_at: page.created_at,
            updated_at: page.updated_at,
            events: queries::events(conn, self.id).await?,
            allowed: self.flow.allowed(viewer),
            whatsapp_link: String::new(),
        };
        (order.complaint, order.complaint_until) = self.complaint(conn, state, viewer).await?;
        let message = order_message(&order, &config.public_url);
        order.whatsapp_link = match viewer {
            Actor::Seller => order.buyer_whatsapp.whatsapp_url(&format!("Halo {},\n{message}", order.buyer_name)),
            _ => order.shop.whatsapp.whatsapp_url(&format!("Halo {},\n{message}", order.shop.name)),
        };
        Ok(order)
    }

    /// The order's complaint as `viewer` sees it; or, without one, until when its buyer may open one.
    async fn complaint(
        &self,
        conn: &mut AnyConnection,
        state: &AppState,
        viewer: Actor,
    ) -> AppResult<(Option<Complaint>, Option<i64>)> {
        let now = now_ms();
        if let Some(stored) = complaints::queries::of_order(&mut *conn, self.id).await? {
            let side = if viewer == Actor::Seller { ComplaintActor::Seller } else { ComplaintActor::Buyer };
            return Ok((Some(complaints::steps::view(&state.db, &stored, side, now).await?), None));
        }
        if !matches!(self.flow.status, OrderStatus::Shipped | OrderStatus::ReadyForPickup | OrderStatus::Completed) {
            return Ok((None, None));
        }
        let until = complaints::queries::sent_at(conn, self.id).await?.map(complaint_deadline);
        Ok((None, until.filter(|deadline| now <= *deadline)))
    }
}
