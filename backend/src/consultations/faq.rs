//! Answered consultations as public FAQ entries: staff publish a rewritten question and answer (never the
//! asker's name, number, village or shop), take it down again, and anyone reads what is published.

use axum::{Json, extract::State};
use shared::api::{self, Endpoint};
use shared::{
    Consultation, FaqEntry,
    consultation::{FaqForm, thread_path},
};

use super::{guard::ConsultantOrAdminOfThread, queries::faq, thread::seen_by};
use crate::{
    db::{Db, now_ms},
    error::{AppError, AppResult},
    extract::ValidJson,
    notifications::{Note, notify},
    state::AppState,
};

/// Most FAQ entries the public page lists.
const FAQ_MAX: i64 = 300;

/// The published FAQ entries, newest first: only the rewritten question and answer, and the topic.
#[utoipa::path(get, path = api::consultations::Faq::PATH, tag = "consultations",
    responses((status = 200, body = Vec<FaqEntry>)))]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<FaqEntry>>> {
    published(&state.db).await.map(Json)
}

/// The published FAQ entries, newest first (what the `/konsultasi` page renders).
pub async fn published(db: &Db) -> AppResult<Vec<FaqEntry>> {
    faq::published(db, FAQ_MAX).await
}

/// Publishes (or edits) the consultation's FAQ entry: the question and answer as staff rewrote them.
/// Only an answered (or closed) consultation is published.
#[utoipa::path(put, path = api::consultations::PublishFaq::PATH, tag = "consultations", request_body = FaqForm,
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn publish(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
    ValidJson(form): ValidJson<FaqForm>,
) -> AppResult<Json<Consultation>> {
    let thread = &reader.thread;
    if !thread.status.is_answered() {
        return Err(AppError::Conflict("Hanya konsultasi yang sudah dijawab yang dapat diterbitkan.".into()));
    }
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let first = !faq::ever_published(&mut tx, thread.id).await?;
    faq::publish(&mut tx, thread.id, form.question.trim(), form.answer.trim(), now).await?;
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
#[utoipa::path(delete, path = api::consultations::UnpublishFaq::PATH, tag = "consultations",
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn unpublish(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
) -> AppResult<Json<Consultation>> {
    let mut tx = state.db.begin_write().await?;
    faq::unpublish(&mut tx, reader.thread.id, now_ms()).await?;
    tx.commit().await?;
    Ok(Json(seen_by(&state, &reader).await?))
}
