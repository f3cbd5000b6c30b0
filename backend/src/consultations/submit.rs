//! Asking the desk: a signed-in person submits a consultation about a village (and perhaps their own shop),
//! with photos they uploaded; and the list of their own consultations.

use axum::{Json, extract::State, http::StatusCode};
use shared::api::{self, Endpoint};
use shared::{Consultation, ConsultationSummary, DeskSide, consultation::NewConsultation};

use super::{
    guard::Desk,
    queries::{self, Bind},
    view::{self, Viewer},
};
use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    images::attached,
    state::AppState,
};

/// Most of a person's own consultations listed.
const MINE_MAX: i64 = 100;

/// Submits a consultation (status `baru`); it joins the queue of the village's staff.
#[utoipa::path(post, path = api::consultations::Submit::PATH, tag = "consultations", request_body = NewConsultation,
    responses((status = 201, body = Consultation), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn submit(
    State(state): State<AppState>,
    desk: Desk,
    ValidJson(form): ValidJson<NewConsultation>,
) -> AppResult<(StatusCode, Json<Consultation>)> {
    let user = &desk.user;
    let village = queries::village_by_slug(&state.db, form.village.trim()).await?;
    let (village_id, code) = village.ok_or_else(|| AppError::field("village", "Desa ini tidak ada di Lapak Desa."))?;
    if let Some(shop) = form.shop_id
        && !queries::owns_shop(&state.db, shop, user.id).await?
    {
        return Err(AppError::field("shop_id", "Pilih salah satu toko Anda sendiri, atau kosongkan."));
    }
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, user.id, &[]).await?;
    let mut tx = state.db.begin_write().await?;
    let id = queries::insert(&mut tx, user.id, village_id, &form, now_ms()).await?;
    tx.commit().await?;
    let code = shared::RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("{e}"))?;
    let side = if desk.covers(village_id, &code) { DeskSide::Staff } else { DeskSide::Submitter };
    let mut conn = state.db.pool.acquire().await?;
    let viewer = Viewer { name: &user.name, side };
    Ok((StatusCode::CREATED, Json(view::consultation(&mut conn, &state, id, &viewer).await?)))
}

/// The signed-in person's own consultations, most recently changed first.
#[utoipa::path(get, path = api::consultations::Mine::PATH, tag = "consultations",
    responses((status = 200, body = Vec<ConsultationSummary>), (status = 401, body = shared::Problem)))]
pub async fn mine(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Vec<ConsultationSummary>>> {
    let mut conn = state.db.pool.acquire().await?;
    let (items, _) = queries::summaries(&mut conn, "c.user_id = $1", &[Bind::Int(user.id)], MINE_MAX, 0).await?;
    Ok(Json(items))
}
