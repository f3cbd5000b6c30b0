//! The audit log of admin actions: written in the same transaction as the change it records, read
//! by the district admins of the region the record belongs to.

use axum::{Json, extract::State};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{AuditAction, AuditEntry, Page, PageRequest};
use utoipa::IntoParams;

use super::queries;
use crate::{
    auth::DistrictAdmin,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiQuery,
    state::AppState,
};

/// Entries per page of the audit log.
const PER_PAGE: u32 = 50;

/// Records that `actor` did `action` to `subject` (e.g. `shop:12`), within `region_code`.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    actor: i64,
    action: AuditAction,
    subject: &str,
    summary: &str,
    region_code: &str,
) -> sqlx::Result<()> {
    queries::audit::insert(conn, actor, action, subject, summary, region_code, now_ms()).await
}

/// Which page of the audit log.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// 1-based page number.
    page: Option<u32>,
}

/// The audit log of the admin's regions, newest first.
#[utoipa::path(get, path = api::admin::AuditLog::PATH, tag = "admin", params(AuditQuery),
    responses((status = 200, body = Page<AuditEntry>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> AppResult<Json<Page<AuditEntry>>> {
    let page = PageRequest::new(query.page, Some(PER_PAGE))
        .map_err(|m| AppError::BadRequest(format!("Parameter tidak sah: {m}.")))?;
    let condition = admin.district_condition("a.region_code");
    let total = queries::audit::count(&state.db, &condition).await?;
    let items = queries::audit::page(&state.db, &condition, i64::from(page.per_page), page.offset()).await?;
    Ok(Json(Page { items, total, page: page.page, per_page: page.per_page }))
}
