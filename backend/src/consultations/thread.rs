//! One consultation's thread: reading it, replying (which may move its status as `shared::consultation`
//! says), and moving its status; the other side hears of each change.

use axum::{Json, extract::State, http::StatusCode};
use shared::api::{self, Endpoint};
use shared::{
    Consultation, ConsultationStatus, DeskSide,
    consultation::{Reply, StatusChange},
};

use super::{
    guard::ThreadReader,
    notes, queries,
    view::{self, Viewer},
};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiJson, ValidJson},
    state::AppState,
};

/// The consultation as the reader sees it now.
pub async fn seen_by(state: &AppState, reader: &ThreadReader) -> AppResult<Consultation> {
    let mut conn = state.db.pool.acquire().await?;
    let viewer = Viewer { name: &reader.desk.user.name, side: reader.side };
    view::consultation(&mut conn, state, reader.thread.id, &viewer).await
}

/// A consultation with its replies, photos and visits; staff also see what they may do with it.
#[utoipa::path(get, path = api::consultations::Thread::PATH, tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn show(State(state): State<AppState>, reader: ThreadReader) -> AppResult<Json<Consultation>> {
    Ok(Json(seen_by(&state, &reader).await?))
}

/// Replies in the thread. A staff reply takes up a new consultation and tells the asker; the asker's reply
/// to an answered one puts it back in progress and tells its assignee.
#[utoipa::path(post, path = api::consultations::Reply::PATH, tag = "consultations", request_body = Reply,
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 201, body = Consultation), (status = 401, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn reply(
    State(state): State<AppState>,
    reader: ThreadReader,
    ValidJson(form): ValidJson<Reply>,
) -> AppResult<(StatusCode, Json<Consultation>)> {
    let thread = &reader.thread;
    let next = thread.status.after_reply(reader.side).map_err(AppError::Conflict)?;
    let user = &reader.desk.user;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    queries::set_status(&mut tx, thread, next, now).await?;
    queries::add_message(&mut tx, thread.id, user.id, reader.side, &form.body, now).await?;
    match reader.side {
        DeskSide::Staff => {
            let title = format!("Balasan untuk konsultasi \"{}\"", thread.title);
            notes::to_submitter(&mut tx, &state, thread, user, title, excerpt(&form.body)).await?;
        }
        DeskSide::Submitter => {
            if let Some(assignee) = thread.assignee_id.filter(|a| *a != user.id) {
                let title = format!("{} membalas konsultasi \"{}\"", thread.submitter_name, thread.title);
                notes::to_staff(&mut tx, &state, thread, assignee, title, excerpt(&form.body)).await?;
            }
        }
    }
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(seen_by(&state, &reader).await?)))
}

/// The start of a reply, for a notification.
fn excerpt(body: &str) -> String {
    let body = body.trim();
    let mut short: String = body.chars().take(140).collect();
    if short.len() < body.len() {
        short.push('…');
    }
    short
}

/// Moves the status: staff take a consultation up, mark it answered, reopen or close it; the asker may
/// close an answered one. Any other move is refused (409; 403 for a move only staff make).
#[utoipa::path(post, path = api::consultations::ChangeStatus::PATH, tag = "consultations", request_body = StatusChange,
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem)))]
pub async fn change_status(
    State(state): State<AppState>,
    reader: ThreadReader,
    ApiJson(change): ApiJson<StatusChange>,
) -> AppResult<Json<Consultation>> {
    let thread = &reader.thread;
    let to = change.status;
    if let Err(reason) = thread.status.check_move(to, reader.side) {
        let staff_move = thread.status.moves(DeskSide::Staff).contains(&to);
        return Err(if reader.side == DeskSide::Submitter && staff_move {
            AppError::Forbidden("Status ini diubah oleh petugas meja konsultasi.".into())
        } else {
            AppError::Conflict(reason)
        });
    }
    let user = &reader.desk.user;
    let mut tx = state.db.begin_write().await?;
    queries::set_status(&mut tx, thread, to, now_ms()).await?;
    match reader.side {
        DeskSide::Staff => {
            let title = format!("Konsultasi \"{}\": {}", thread.title, to.label().to_lowercase());
            let body = match to {
                ConsultationStatus::InProgress => "Konsultasi Anda sedang ditangani petugas.",
                ConsultationStatus::Answered => "Konsultasi Anda sudah dijawab. Baca jawabannya di Lapak Desa.",
                ConsultationStatus::Closed => "Konsultasi Anda ditutup. Ajukan konsultasi baru bila perlu.",
                ConsultationStatus::New => "Status konsultasi Anda berubah.",
            };
            notes::to_submitter(&mut tx, &state, thread, user, title, body.into()).await?;
        }
        DeskSide::Submitter => {
            if let Some(assignee) = thread.assignee_id.filter(|a| *a != user.id) {
                let title = format!("{} menutup konsultasi \"{}\"", thread.submitter_name, thread.title);
                notes::to_staff(&mut tx, &state, thread, assignee, title, "Penanya menganggap sudah selesai.".into())
                    .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(Json(seen_by(&state, &reader).await?))
}
