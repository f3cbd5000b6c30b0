//! In-app notifications: written in the same transaction as what they tell about (a new order, a
//! status change), listed with their unread count, marked read; each is also pushed to the person's
//! devices (`crate::push`). Their SQL is in `queries`.

pub mod queries;

use axum::{Json, extract::State, http::StatusCode};
use shared::api::{self, Endpoint};
use shared::{Notifications, order::ReadNotifications};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
};

/// How many notifications the list shows.
const LATEST: i64 = 50;
/// Most ids one request marks read.
const READ_MAX: usize = 500;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(mark_read))
}

/// The user's latest notifications, newest first, and how many are unread.
#[utoipa::path(get, path = api::notifications::Notifications::PATH, tag = "orders",
    responses((status = 200, body = Notifications), (status = 401, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Notifications>> {
    let mut conn = state.db.pool.acquire().await?;
    let items = queries::latest(&mut conn, user.id, LATEST).await?;
    let unread = queries::unread_count(&mut conn, user.id).await?;
    Ok(Json(Notifications { unread, items }))
}

/// Marks some of the user's notifications read (or all of them, with no ids); others' ids change nothing.
#[utoipa::path(post, path = api::notifications::MarkRead::PATH, tag = "orders", request_body = ReadNotifications,
    responses((status = 204, description = "Marked read"), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn mark_read(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(form): ApiJson<ReadNotifications>,
) -> AppResult<StatusCode> {
    if form.ids.len() > READ_MAX {
        return Err(AppError::field("ids", format!("Paling banyak {READ_MAX} pemberitahuan sekaligus.")));
    }
    queries::mark_read(&state.db, user.id, &form.ids, now_ms()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A notification for one user.
pub struct Note {
    pub user_id: i64,
    pub title: String,
    pub body: String,
    /// The page it is about.
    pub link: String,
    /// WhatsApp to the other side.
    pub whatsapp_link: Option<String>,
}

/// Writes `note` (inside the caller's transaction) and queues it as a push to the person's devices,
/// which goes out once the transaction has committed.
pub async fn notify(conn: &mut sqlx::AnyConnection, note: &Note) -> AppResult<()> {
    queries::insert(conn, note, now_ms()).await?;
    crate::push::queue(conn, note).await
}
