//! In-app notifications: written in the same transaction as what they tell about (a new order, a
//! status change), listed with their unread count, marked read.

use axum::{Json, extract::State, http::StatusCode};
use serde::{Deserialize, Serialize};
use shared::{Notifications, order::Notification};
use sqlx::Row;
use utoipa::ToSchema;
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

/// `POST /api/v1/me/notifications/read`: which to mark read.
#[derive(Deserialize, Serialize, ToSchema)]
pub struct ReadNotifications {
    /// Ids from the list; empty marks every notification of the user read.
    #[serde(default)]
    pub ids: Vec<i64>,
}

/// The user's latest notifications, newest first, and how many are unread.
#[utoipa::path(get, path = "/api/v1/me/notifications", tag = "orders",
    responses((status = 200, body = Notifications), (status = 401, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Notifications>> {
    let mut conn = state.db.pool.acquire().await?;
    let rows = sqlx::query(
        "SELECT id, title, body, link, whatsapp_link, created_at, read_at FROM notifications WHERE user_id = $1 \
         ORDER BY id DESC LIMIT $2",
    )
    .bind(user.id)
    .bind(LATEST)
    .fetch_all(&mut *conn)
    .await?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(Notification {
                id: r.try_get("id")?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                link: r.try_get("link")?,
                whatsapp_link: r.try_get("whatsapp_link")?,
                created_at: r.try_get("created_at")?,
                read: r.try_get::<Option<i64>, _>("read_at")?.is_some(),
            })
        })
        .collect::<sqlx::Result<_>>()?;
    let unread = sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
        .bind(user.id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(Json(Notifications { unread, items }))
}

/// Marks some of the user's notifications read (or all of them, with no ids); others' ids change nothing.
#[utoipa::path(post, path = "/api/v1/me/notifications/read", tag = "orders", request_body = ReadNotifications,
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
    // Ids are integers: writing them into the statement is safe.
    let only = if form.ids.is_empty() {
        String::new()
    } else {
        format!(" AND id IN ({})", form.ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
    };
    let sql = format!("UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL{only}");
    sqlx::query(&sql).persistent(false).bind(now_ms()).bind(user.id).execute(&state.db.pool).await?;
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

/// Writes `note` (inside the caller's transaction).
pub async fn notify(conn: &mut sqlx::AnyConnection, note: &Note) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO notifications (user_id, title, body, link, whatsapp_link, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(note.user_id)
    .bind(&note.title)
    .bind(&note.body)
    .bind(&note.link)
    .bind(&note.whatsapp_link)
    .bind(now_ms())
    .execute(conn)
    .await?;
    Ok(())
}
