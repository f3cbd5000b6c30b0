//! The audit log of admin actions: written in the same transaction as the change it records, read
//! by the district admins of the region the record belongs to.

use axum::{Json, extract::State};
use serde::Deserialize;
use shared::{AuditAction, AuditEntry, Page, PageRequest, UserRef};
use sqlx::Row;
use utoipa::IntoParams;

use crate::{
    accounts::queries::phone,
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
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, action, subject, summary, region_code) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now_ms())
    .bind(actor)
    .bind(action.code())
    .bind(subject)
    .bind(summary)
    .bind(region_code)
    .execute(conn)
    .await?;
    Ok(())
}

/// Which page of the audit log.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// 1-based page number.
    page: Option<u32>,
}

/// The audit log of the admin's regions, newest first.
#[utoipa::path(get, path = "/api/v1/admin/audit", tag = "admin", params(AuditQuery),
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
    let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM audit_log a WHERE {condition}"))
        .fetch_one(&state.db.pool)
        .await?;
    let rows = sqlx::query(&format!(
        "SELECT a.id, a.at, a.action, a.subject, a.summary, a.region_code, \
                u.id AS actor_id, u.name AS actor_name, u.phone AS actor_phone \
         FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE {condition} \
         ORDER BY a.at DESC, a.id DESC LIMIT $1 OFFSET $2"
    ))
    .bind(i64::from(page.per_page))
    .bind(page.offset())
    .fetch_all(&state.db.pool)
    .await?;
    let items = rows
        .iter()
        .map(|r| {
            let action: String = r.try_get("action")?;
            Ok(AuditEntry {
                id: r.try_get("id")?,
                at: r.try_get("at")?,
                actor: UserRef {
                    id: r.try_get("actor_id")?,
                    name: r.try_get("actor_name")?,
                    phone: phone(r, "actor_phone")?,
                },
                action: AuditAction::from_code(&action).ok_or_else(|| anyhow::anyhow!("unknown action {action}"))?,
                subject: r.try_get("subject")?,
                summary: r.try_get("summary")?,
                region_code: r.try_get("region_code")?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(Page { items, total, page: page.page, per_page: page.per_page }))
}
