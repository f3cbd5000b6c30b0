//! Moving an inquiry on (contacted, done, cancelled) with its status history; when an admin moves a
//! shop's inquiry, the shop's owner hears of it.

use shared::{Valid, inquiry::InquiryStatusChange};

use super::queries::status::{self, Event};
use crate::{
    auth::CurrentUser,
    db::{now_ms, retrying},
    error::{AppError, AppResult, Within},
    notifications::{Note, notify},
    state::AppState,
};

/// Who moves an inquiry.
#[derive(Clone, Copy)]
pub enum Actor<'a> {
    /// The owner of the shop it was sent to (the guard checked it is theirs).
    Seller { user: &'a CurrentUser },
    /// An admin of its village.
    Admin(&'a CurrentUser),
}

/// Moves inquiry `id` to the status of `change` (409 when it cannot move there from where it stands).
pub async fn change(state: &AppState, id: i64, change: &Valid<InquiryStatusChange>, actor: Actor<'_>) -> AppResult<()> {
    retrying(|| attempt(state, id, change, actor)).await
}

async fn attempt(state: &AppState, id: i64, change: &Valid<InquiryStatusChange>, actor: Actor<'_>) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let standing =
        status::standing(&mut tx, id).await?.ok_or_else(|| AppError::not_found("Permintaan ini", Within::Anywhere))?;
    let from = standing.status;
    let to = change.status;
    if !from.can_become(to) {
        let now = from.label().to_lowercase();
        return Err(AppError::Conflict(if from == to {
            format!("Permintaan ini sudah berstatus {now}.")
        } else {
            format!("Permintaan ini berstatus {now}, jadi tidak bisa diubah menjadi {}.", to.label().to_lowercase())
        }));
    }
    let (user, actor_name) = match actor {
        Actor::Seller { user } => (user, standing.shop_name.unwrap_or_else(|| user.name.clone())),
        Actor::Admin(user) => (user, format!("{} (admin)", user.name)),
    };
    let now = now_ms();
    if !status::move_status(&mut tx, id, from, to, now).await? {
        return Err(AppError::Busy);
    }
    let event =
        Event { inquiry_id: id, actor_id: user.id, actor_name: &actor_name, from, to, note: change.note.trim() };
    status::add_event(&mut tx, &event, now).await?;
    if let (Actor::Admin(_), Some(owner), Some(shop_id)) = (actor, standing.owner_id, standing.shop_id) {
        let (subject, buyer) = (&standing.subject, &standing.buyer_name);
        let note = Note {
            user_id: owner,
            title: format!("Permintaan #{id} ditandai {}", to.label().to_lowercase()),
            body: format!("{actor_name} menandai permintaan {buyer} ({subject}) {}.", to.label().to_lowercase()),
            link: format!("/jual/{shop_id}/permintaan"),
            whatsapp_link: None,
        };
        notify(&mut tx, &note).await?;
    }
    tx.commit().await?;
    Ok(())
}
