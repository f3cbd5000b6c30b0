//! Answered consultations as public FAQ entries: staff publish a rewritten question and answer (never the
//! asker's name, number, village or shop), take it down again, and anyone reads what is published.

use axum::{Json, extract::State};
use shared::{
    Consultation, FaqEntry, Topic,
    consultation::{FaqForm, thread_path},
};
use sqlx::Row;

use super::{guard::ConsultantOrAdminOfThread, queries::code_of, thread::seen_by};
use crate::{
    db::{Db, now_ms},
    error::{AppError, AppResult},
    extract::ApiJson,
    notifications::{Note, notify},
    state::AppState,
};

/// Most FAQ entries the public page lists.
const FAQ_MAX: i64 = 300;

/// The published FAQ entries, newest first: only the rewritten question and answer, and the topic.
#[utoipa::path(get, path = "/api/v1/consultations/faq", tag = "consultations",
    responses((status = 200, body = Vec<FaqEntry>)))]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<FaqEntry>>> {
    published(&state.db).await.map(Json)
}

/// The published FAQ entries, newest first (what the `/konsultasi` page renders).
pub async fn published(db: &Db) -> AppResult<Vec<FaqEntry>> {
    let rows = sqlx::query(
        "SELECT id, topic, faq_question, faq_answer, faq_published_at FROM consultations \
         WHERE faq_published = $1 ORDER BY faq_published_at DESC, id DESC LIMIT $2",
    )
    .bind(true)
    .bind(FAQ_MAX)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(FaqEntry {
                id: r.try_get("id")?,
                topic: code_of(r, "topic", Topic::from_code)?,
                question: r.try_get::<Option<String>, _>("faq_question")?.unwrap_or_default(),
                answer: r.try_get::<Option<String>, _>("faq_answer")?.unwrap_or_default(),
                published_at: r.try_get::<Option<i64>, _>("faq_published_at")?.unwrap_or_default(),
            })
        })
        .collect::<AppResult<Vec<_>>>()
}

/// Publishes (or edits) the consultation's FAQ entry: the question and answer as staff rewrote them.
/// Only an answered (or closed) consultation is published.
#[utoipa::path(put, path = "/api/v1/consultations/{id}/faq", tag = "consultations", request_body = FaqForm,
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn publish(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
    ApiJson(form): ApiJson<FaqForm>,
) -> AppResult<Json<Consultation>> {
    AppError::check(form.validate())?;
    let thread = &reader.thread;
    if !thread.status.is_answered() {
        return Err(AppError::Conflict("Hanya konsultasi yang sudah dijawab yang dapat diterbitkan.".into()));
    }
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let first = sqlx::query_scalar::<_, Option<i64>>("SELECT faq_published_at FROM consultations WHERE id = $1")
        .bind(thread.id)
        .fetch_one(&mut *tx)
        .await?
        .is_none();
    sqlx::query(
        "UPDATE consultations SET faq_question = $1, faq_answer = $2, faq_published = $3, \
         faq_published_at = COALESCE(faq_published_at, $4), updated_at = $4 WHERE id = $5",
    )
    .bind(form.question.trim())
    .bind(form.answer.trim())
    .bind(true)
    .bind(now)
    .bind(thread.id)
    .execute(&mut *tx)
    .await?;
    if first && thread.submitter_id != reader.desk.user.id {
        let note = Note {
            user_id: thread.submitter_id,
            title: "Tanya-jawab dari konsultasi Anda diterbitkan".into(),
            body: "Pertanyaan Anda ditulis ulang tanpa nama, nomor, desa atau toko, lalu diterbitkan di halaman \
                   konsultasi agar membantu pelaku usaha lain."
                .into(),
            link: thread_path(thread.id),
            whatsapp_link: None,
        };
        notify(&mut tx, &note).await?;
    }
    tx.commit().await?;
    Ok(Json(seen_by(&state, &reader).await?))
}

/// Takes the consultation's FAQ entry off the public page (its text is kept for publishing again).
#[utoipa::path(delete, path = "/api/v1/consultations/{id}/faq", tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn unpublish(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
) -> AppResult<Json<Consultation>> {
    let mut tx = state.db.begin_write().await?;
    sqlx::query("UPDATE consultations SET faq_published = $1, updated_at = $2 WHERE id = $3")
        .bind(false)
        .bind(now_ms())
        .bind(reader.thread.id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Json(seen_by(&state, &reader).await?))
}
