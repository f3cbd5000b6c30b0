//! Moving a complaint along `shared::complaint_flow`: checked against the table, applied with a guarded
//! update, written as a step both sides read on their order page, and told to the other side (in-app, with
//! WhatsApp to them) and, when it comes to them, to the admins who decide it; and a complaint as each side
//! sees it.

use shared::{
    Valid,
    complaint::{Complaint, Refund},
    complaint_flow::{ComplaintAction, ComplaintActor, ComplaintFlow, ComplaintMove, ComplaintStatus},
    order::order_path,
};
use sqlx::AnyConnection;

use super::{
    admins,
    queries::{self, PHOTOS, StoredComplaint},
};
use crate::{
    db::Db,
    error::{AppError, AppResult},
    images,
    notifications::{Note, notify},
};

/// Who makes a step.
pub struct Step {
    pub actor: ComplaintActor,
    /// The signed-in person (none for a guest buyer).
    pub actor_id: Option<i64>,
    pub actor_name: String,
}

/// The complaint's flow at `now`.
pub fn flow(complaint: &StoredComplaint, now: i64) -> ComplaintFlow {
    ComplaintFlow { status: complaint.status, seller_time_over: now > complaint.answer_by }
}

/// Makes `action` on `complaint` as `who` inside the caller's transaction; answers where it went.
/// 409 with the reason for a move the complaint does not allow now.
pub async fn make(
    conn: &mut AnyConnection,
    complaint: &StoredComplaint,
    action: &Valid<ComplaintAction>,
    who: &Step,
    now: i64,
) -> AppResult<ComplaintStatus> {
    if action.action == ComplaintMove::RecordRefund {
        return Err(AppError::field("action", "Catat pengembalian dana dengan formulir pengembalian dana."));
    }
    let to = flow(complaint, now)
        .next(action.action, action.outcome, who.actor)
        .map_err(|r| AppError::Conflict(r.reason))?;
    advance(conn, complaint, to, action.outcome, who, action.note.trim(), now).await?;
    Ok(to)
}

/// Moves the complaint to `to` (already checked), moves it in the dashboards' counts, records the step and
/// tells the other side (and the admins, when the seller disagreed).
pub async fn advance(
    conn: &mut AnyConnection,
    complaint: &StoredComplaint,
    to: ComplaintStatus,
    outcome: Option<shared::complaint_flow::ComplaintOutcome>,
    who: &Step,
    note: &str,
    now: i64,
) -> AppResult<()> {
    if !queries::move_to(&mut *conn, complaint.id, complaint.status, to, outcome, now).await? {
        return Err(AppError::Conflict("Komplain ini baru saja berubah. Muat ulang halaman untuk melihatnya.".into()));
    }
    queries::count(&mut *conn, complaint.shop_id, complaint.status, -1).await?;
    queries::count(&mut *conn, complaint.shop_id, to, 1).await?;
    queries::record_event(&mut *conn, complaint.id, who, to, note, now).await?;
    if to == ComplaintStatus::AwaitingAdmin {
        admins::tell_once(&mut *conn, complaint, to, admins::Why::Disagreed(note), now).await?;
    }
    tell(conn, complaint, who, to, note).await
}

/// Tells the buyer and the seller of a step, but not whoever made it.
pub async fn tell(
    conn: &mut AnyConnection,
    complaint: &StoredComplaint,
    who: &Step,
    to: ComplaintStatus,
    note: &str,
) -> AppResult<()> {
    let code = &complaint.order_code;
    let title = format!("Komplain pesanan {code}: {}", to.label());
    let body = if note.is_empty() { who.actor_name.clone() } else { format!("{} — {note}", who.actor_name) };
    if who.actor != ComplaintActor::Seller
        && let Some(owner) = complaint.owner_id
    {
        let message =
            format!("Halo {}, tentang komplain pesanan {code} di {}.", complaint.buyer_name, complaint.shop_name);
        let note = Note {
            user_id: owner,
            title: title.clone(),
            body: body.clone(),
            link: format!("/jual/{}/pesanan/{code}", complaint.shop_id),
            whatsapp_link: Some(complaint.buyer_phone.whatsapp_url(&message)),
        };
        notify(&mut *conn, &note).await?;
    }
    if who.actor != ComplaintActor::Buyer
        && let Some(buyer) = complaint.buyer_id
    {
        let message = format!("Halo {}, tentang komplain pesanan saya {code}.", complaint.shop_name);
        let note = Note {
            user_id: buyer,
            title,
            body,
            link: order_path(code),
            whatsapp_link: Some(complaint.shop_whatsapp.whatsapp_url(&message)),
        };
        notify(&mut *conn, &note).await?;
    }
    Ok(())
}

/// The complaint whole as `viewer` sees it at `now`: its photos, steps, refund and the viewer's moves.
pub async fn view(db: &Db, complaint: &StoredComplaint, viewer: ComplaintActor, now: i64) -> AppResult<Complaint> {
    let mut conn = db.pool.acquire().await?;
    let refund = match &complaint.refund {
        Some(r) => Some(Refund {
            amount: r.amount,
            delivery_fee: r.delivery_fee,
            paid_on: r.paid_on.clone(),
            receipt: images::queries::image(db, r.receipt_id).await?,
            lines: queries::refunded_lines(&mut conn, complaint.order_id).await?,
            recorded_at: r.recorded_at,
        }),
        None => None,
    };
    Ok(Complaint {
        id: complaint.id,
        order_code: complaint.order_code.clone(),
        shop_id: complaint.shop_id,
        shop_name: complaint.shop_name.clone(),
        shop_whatsapp: complaint.shop_whatsapp.clone(),
        buyer_name: complaint.buyer_name.clone(),
        buyer_whatsapp: complaint.buyer_phone.clone(),
        reason: complaint.reason,
        description: complaint.description.clone(),
        photos: PHOTOS.load(db, complaint.id).await?,
        status: complaint.status,
        outcome: complaint.outcome,
        opened_at: complaint.opened_at,
        answer_by: complaint.answer_by,
        closed_at: complaint.closed_at,
        refund,
        events: queries::events(&mut conn, complaint.id).await?,
        allowed: flow(complaint, now).allowed(viewer),
    })
}
