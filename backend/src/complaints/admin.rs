//! The village's admins (and its district's, for a village without its own) read the complaints about its
//! shops and decide those the seller disagreed with or left unanswered past `SELLER_ANSWER_DAYS`; each
//! decision goes to the audit log.

use axum::{
    Json,
    extract::{Path, State},
};
use shared::api::{self, Endpoint};
use shared::{
    complaint::Complaint,
    complaint_flow::{ComplaintAction, ComplaintActor},
};

use super::{
    Audit, Find, queries,
    steps::{self, Step},
};
use crate::{
    admin::profile::VillageAdminOrDistrict,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    state::AppState,
};

/// The complaints about the village's shops: those still running first, newest first.
#[utoipa::path(get, path = api::complaints::VillageComplaints::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<Complaint>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<Complaint>>> {
    let stored = queries::of_village(&mut *state.db.pool.acquire().await?, guard.village.id).await?;
    let now = now_ms();
    let mut complaints = Vec::with_capacity(stored.len());
    for complaint in &stored {
        complaints.push(steps::view(&state.db, complaint, ComplaintActor::Admin, now).await?);
    }
    Ok(Json(complaints))
}

/// Decides a complaint: a settlement, or rejected with a reason (the order's completion then resumes).
#[utoipa::path(post, path = api::complaints::Decide::PATH, tag = "admin", request_body = ComplaintAction,
    params(("id" = i64, Path, description = "The village's id"), ("complaint_id" = i64, Path, description = "The complaint")),
    responses((status = 200, body = Complaint), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn decide(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ValidJson(action): ValidJson<ComplaintAction>,
) -> AppResult<Json<Complaint>> {
    let who = Step {
        actor: ComplaintActor::Admin,
        actor_id: Some(guard.admin.id),
        actor_name: format!("Admin Desa {}", guard.village.name),
    };
    let audit =
        Audit { admin_id: guard.admin.id, village_name: &guard.village.name, region_code: guard.village.code.as_str() };
    let find = Find::InVillage { id, village_id: guard.village.id };
    let mut conn = state.db.pool.acquire().await?;
    let complaint = find.load(&mut conn).await?;
    if !queries::decides(&mut conn, id, &guard.admin).await? {
        return Err(AppError::Forbidden(if guard.admin.is_village_admin_of(guard.village.id) {
            format!("Komplain tentang toko {} diputuskan oleh admin kabupaten.", complaint.shop_name)
        } else {
            format!("Desa {} memiliki admin desa; komplain diputuskan olehnya.", guard.village.name)
        }));
    }
    drop(conn);
    let complaint = super::apply(&state, find, &action, &who, Some(&audit)).await?;
    Ok(Json(steps::view(&state.db, &complaint, ComplaintActor::Admin, now_ms()).await?))
}
