//! Moving an inquiry on (contacted, done, cancelled) with its status history; when an admin moves a
//! shop's inquiry, the shop's owner hears of it.

use shared::{InquiryStatus, inquiry::InquiryStatusChange};
use sqlx::Row;

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
pub async fn change(state: &AppState, id: i64, change: &InquiryStatusChange, actor: Actor<'_>) -> AppResult<()> {
    AppError::check(change.validate())?;
    retrying(|| attempt(state, id, change, actor)).await
}

async fn attempt(state: &AppState, id: i64, change: &InquiryStatusChange, actor: Actor<'_>) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(
        "SELECT i.status, i.subject, i.buyer_name, i.shop_id, s.name AS shop_name, s.owner_id \
         FROM inquiries i LEFT JOIN shops s ON s.id = i.shop_id WHERE i.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::not_found("Permintaan ini", Within::Anywhere))?;
    let code: String = row.try_get("status")?;
    let from = InquiryStatus::from_code(&code).ok_or_else(|| anyhow::anyhow!("inquiry status {code}"))?;
    let to = change.status;
    if !from.can_become(to) {
        let now = from.label().to_lowercase();
        return Err(AppError::Conflict(if from == to {
            format!("Permintaan ini sudah berstatus {now}.")
        } else {
            format!("Permintaan ini berstatus {now}, jadi tidak bisa diubah menjadi {}.", to.label().to_lowercase())
        }));
    }
    let shop_name: Option<String> = row.try_get("shop_name")?;
    let (user, actor_name) = match actor {
        Actor::Seller { user } => (user, shop_name.unwrap_or_else(|| user.name.clone())),
        Actor::Admin(user) => (user, format!("{} (admin)", user.name)),
    };
    let now = now_ms();
    let moved = sqlx::query("UPDATE inquiries SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to.code())
        .bind(now)
        .bind(id)
        .bind(from.code())
        .execute(&mut *tx)
        .await?;
    if moved.rows_affected() != 1 {
        return Err(AppError::Busy);
    }
    sqlx::query(
        "INSERT INTO inquiry_events (inquiry_id, at, actor_id, actor_name, from_status, to_status, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(now)
    .bind(user.id)
    .bind(&actor_name)
    .bind(from.code())
    .bind(to.code())
    .bind(change.note.trim())
    .execute(&mut *tx)
    .await?;
    if let (Actor::Admin(_), Some(owner), Some(shop_id)) =
        (actor, row.try_get::<Option<i64>, _>("owner_id")?, row.try_get::<Option<i64>, _>("shop_id")?)
    {
        let subject: String = row.try_get("subject")?;
        let buyer: String = row.try_get("buyer_name")?;
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
