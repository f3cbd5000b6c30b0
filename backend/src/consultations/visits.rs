//! Field visits (kunjungan lapangan): staff request or schedule one, then reschedule, complete or cancel
//! it; the asker hears of each.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{
    Consultation, ConsultationStatus, Form, VisitStatus,
    consultation::{VisitEdit, VisitForm},
};
use sqlx::AnyConnection;

use super::{
    guard::{ConsultantOrAdminOfThread, ThreadReader},
    notes,
    queries::visits,
    thread::seen_by,
};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
};

fn open(reader: &ThreadReader) -> AppResult<()> {
    if reader.thread.status == ConsultationStatus::Closed {
        return Err(AppError::Conflict("Konsultasi ini sudah ditutup.".into()));
    }
    Ok(())
}

/// What the asker is told about a visit now in `status`.
fn news(status: VisitStatus, form: &VisitForm) -> String {
    let place = if form.place.trim().is_empty() { String::new() } else { format!(" di {}", form.place.trim()) };
    match status {
        VisitStatus::Requested => "Petugas mengusulkan kunjungan lapangan; jadwalnya akan dikabarkan.".into(),
        VisitStatus::Scheduled => format!("Kunjungan lapangan dijadwalkan{place}. Lihat tanggalnya di Lapak Desa."),
        VisitStatus::Done => "Kunjungan lapangan sudah dilaksanakan.".into(),
        VisitStatus::Cancelled => "Kunjungan lapangan dibatalkan.".into(),
    }
}

async fn tell(conn: &mut AnyConnection, state: &AppState, reader: &ThreadReader, form: &VisitForm) -> AppResult<()> {
    let title = format!("Kunjungan lapangan: {}", form.status.label().to_lowercase());
    let thread = &reader.thread;
    notes::to_submitter(conn, state, thread, &reader.desk.user, title, news(form.status, form)).await
}

/// Requests (`diminta`, no date yet) or schedules (`dijadwalkan`, with a date) a field visit.
#[utoipa::path(post, path = api::consultations::AddVisit::PATH, tag = "consultations", request_body = VisitForm,
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 201, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
    ApiJson(form): ApiJson<VisitForm>,
) -> AppResult<(StatusCode, Json<Consultation>)> {
    let form = form.parse_in(&VisitEdit::New)?;
    open(&reader)?;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    visits::insert(&mut tx, reader.thread.id, &form, reader.desk.user.id, now).await?;
    visits::touch(&mut tx, reader.thread.id, now).await?;
    tell(&mut tx, &state, &reader, &form).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(seen_by(&state, &reader).await?)))
}

/// Changes a visit: schedules a requested one, reschedules, marks it done or cancels it.
#[utoipa::path(put, path = api::consultations::UpdateVisit::PATH, tag = "consultations",
    request_body = VisitForm,
    params(("id" = i64, Path, description = "The consultation's id"),
        ("visit_id" = i64, Path, description = "The visit's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
    Path(ids): Path<(i64, i64)>,
    ApiJson(form): ApiJson<VisitForm>,
) -> AppResult<Json<Consultation>> {
    let form = form.parse_in(&VisitEdit::Existing)?;
    open(&reader)?;
    let visit_id = ids.1;
    let now = now_ms();
    let mut tx = state.db.begin_write().await?;
    let from = visits::status(&mut tx, visit_id, reader.thread.id)
        .await?
        .ok_or_else(|| AppError::NotFound("Kunjungan tidak ditemukan.".into()))?;
    if !from.can_become(form.status) {
        return Err(AppError::Conflict(format!(
            "Kunjungan yang {} tidak dapat diubah menjadi {}.",
            from.label().to_lowercase(),
            form.status.label().to_lowercase()
        )));
    }
    visits::update(&mut tx, visit_id, &form, now).await?;
    visits::touch(&mut tx, reader.thread.id, now).await?;
    tell(&mut tx, &state, &reader, &form).await?;
    tx.commit().await?;
    Ok(Json(seen_by(&state, &reader).await?))
}
