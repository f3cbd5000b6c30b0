//! The staff side of the desk: the queue of the villages they cover with its filters, the signed-in
//! person's place at the desk, and assigning a consultation to an office and/or a person.

use axum::{Json, extract::State};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{
    Consultation, ConsultationStatus, Office, PageRequest, RegionRef, Topic,
    consultation::{Assignment, ConsultantScope, ConsultationQueue, DeskAccess},
};
use utoipa::IntoParams;

use super::{
    guard::{ConsultantOrAdmin, ConsultantOrAdminOfThread, Desk},
    notes,
    queries::{self, Bind},
    thread::seen_by,
};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiJson, ApiQuery},
    regions::queries as regions,
    state::AppState,
};

/// Consultations per page of the queue, unless asked otherwise.
const PER_PAGE: u32 = 20;

/// Which consultations of the queue.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// Only this status (`baru`, `diproses`, `dijawab`, `ditutup`).
    status: Option<ConsultationStatus>,
    /// Only this topic (`permodalan`, `perizinan`, …).
    topik: Option<Topic>,
    /// Only this village (its id).
    desa: Option<i64>,
    /// Only those assigned to this office (`dinas_koperasi_umkm`, …).
    kantor: Option<Office>,
    /// 1-based page number.
    page: Option<u32>,
    per_page: Option<u32>,
}

/// The consultations of the villages the staff member covers, most recently changed first.
#[utoipa::path(get, path = api::consultations::Queue::PATH, tag = "consultations", params(QueueQuery),
    responses((status = 200, body = ConsultationQueue), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem)))]
pub async fn queue(
    State(state): State<AppState>,
    ConsultantOrAdmin(desk): ConsultantOrAdmin,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> AppResult<Json<ConsultationQueue>> {
    let page = PageRequest::new(query.page, Some(query.per_page.unwrap_or(PER_PAGE)))
        .map_err(|m| AppError::bad_request(&m))?;
    let mut condition = desk.village_condition("v");
    let mut binds = Vec::new();
    let mut filter = |column: &str, value: Bind| {
        binds.push(value);
        condition.push_str(&format!(" AND {column} = ${}", binds.len()));
    };
    if let Some(status) = query.status {
        filter("c.status", Bind::Text(status.code().into()));
    }
    if let Some(topic) = query.topik {
        filter("c.topic", Bind::Text(topic.code().into()));
    }
    if let Some(village) = query.desa {
        filter("c.village_id", Bind::Int(village));
    }
    if let Some(office) = query.kantor {
        filter("c.office", Bind::Text(office.code().into()));
    }
    let mut conn = state.db.pool.acquire().await?;
    let (items, total) = queries::summaries(&mut conn, &condition, &binds, page.limit(), page.offset()).await?;
    Ok(Json(ConsultationQueue { items, total, page: page.page, per_page: page.per_page }))
}

/// The signed-in person's place at the desk: whether they answer, where as a consultant, and which
/// villages' consultations they see.
#[utoipa::path(get, path = api::consultations::Desk::PATH, tag = "consultations",
    responses((status = 200, body = DeskAccess), (status = 401, body = shared::Problem)))]
pub async fn access(State(state): State<AppState>, desk: Desk) -> AppResult<Json<DeskAccess>> {
    let mut conn = state.db.pool.acquire().await?;
    let mut consultant = Vec::with_capacity(desk.consultant.len());
    for c in &desk.consultant {
        let name = regions::name_of(&mut *conn, &c.region).await?;
        let region = RegionRef { code: c.region.as_str().to_owned(), name: name.unwrap_or_default() };
        consultant.push(ConsultantScope { region, office: c.office });
    }
    let villages = if desk.is_staff() {
        queries::villages_where(&mut conn, &desk.village_condition("v")).await?
    } else {
        Vec::new()
    };
    Ok(Json(DeskAccess { staff: desk.is_staff(), consultant, villages }))
}

/// Assigns a consultation to an office and/or one of its village's staff (none clears); a newly named
/// person is told.
#[utoipa::path(put, path = api::consultations::Assign::PATH, tag = "consultations", request_body = Assignment,
    params(("id" = i64, Path, description = "The consultation's id")),
    responses((status = 200, body = Consultation), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn assign(
    State(state): State<AppState>,
    ConsultantOrAdminOfThread(reader): ConsultantOrAdminOfThread,
    ApiJson(form): ApiJson<Assignment>,
) -> AppResult<Json<Consultation>> {
    let thread = &reader.thread;
    if thread.status == ConsultationStatus::Closed {
        return Err(AppError::Conflict("Konsultasi ini sudah ditutup.".into()));
    }
    let mut tx = state.db.begin_write().await?;
    if let Some(assignee) = form.assignee_id {
        let staff = queries::staff_of(&mut tx, thread.village_id, &thread.village_code).await?;
        if !staff.iter().any(|s| s.id == assignee) {
            return Err(AppError::field("assignee_id", "Pilih petugas yang melayani desa ini."));
        }
    }
    if !queries::assign(&mut tx, thread, form.office, form.assignee_id, now_ms()).await? {
        return Err(AppError::Conflict("Konsultasi ini baru saja diubah orang lain. Muat ulang halaman.".into()));
    }
    let actor = reader.desk.user.id;
    if let Some(assignee) = form.assignee_id.filter(|a| Some(*a) != thread.assignee_id && *a != actor) {
        let title = format!("Konsultasi \"{}\" ditugaskan kepada Anda", thread.title);
        let body = format!("Dari {} oleh {}.", thread.submitter_name, reader.desk.user.name);
        notes::to_staff(&mut tx, &state, thread, assignee, title, body).await?;
    }
    tx.commit().await?;
    Ok(Json(seen_by(&state, &reader).await?))
}
