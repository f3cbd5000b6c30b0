//! The shop-application queue: a village's admin approves or rejects the shops people apply to open
//! there; the district admin does it for villages that have no admin yet and for the applications of
//! the village's own admins. Nobody decides on their own application.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::request::Parts,
};
use serde::Deserialize;
use shared::{AuditAction, RegionCode, ShopApplicationView, ShopStatus, shop::Rejection};
use sqlx::{Row, any::AnyRow};
use utoipa::IntoParams;

use super::audit;
use crate::{
    accounts::queries::{phone, shop_status, village_ref},
    auth::{Admin, CurrentUser, guards::path_id},
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiJson, ApiQuery},
    state::AppState,
};

const NO_VILLAGE_ADMIN: &str =
    "NOT EXISTS (SELECT 1 FROM grants ga WHERE ga.role = 'village_admin' AND ga.village_id = v.id)";

/// The applicant is an admin of the village: the district decides, not they or a fellow village admin.
const BY_VILLAGE_ADMIN: &str = "EXISTS (SELECT 1 FROM grants go WHERE go.role = 'village_admin' \
    AND go.village_id = v.id AND go.user_id = s.owner_id)";

/// An SQL condition on `shops s JOIN villages v` that holds for the applications this admin decides:
/// those of their own villages, except their admins' own; and, in their district regions, those of
/// villages without a village admin and those of the village admins. Never the admin's own.
fn decides_condition(admin: &CurrentUser) -> String {
    let ids: Vec<String> = admin.village_ids().map(|id| id.to_string()).collect();
    let own = if ids.is_empty() { "1 = 0".to_owned() } else { format!("v.id IN ({})", ids.join(",")) };
    format!(
        "((s.owner_id IS NULL OR s.owner_id <> {me}) AND (({own} AND NOT {BY_VILLAGE_ADMIN}) \
          OR ({district} AND ({NO_VILLAGE_ADMIN} OR {BY_VILLAGE_ADMIN}))))",
        me = admin.id,
        district = admin.district_condition("v.region_code"),
    )
}

const SELECT: &str = "SELECT s.id, s.slug, s.name, s.description, s.whatsapp, s.status, s.status_reason, s.created_at, \
    s.decided_at, v.id AS village_id, v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code, \
    u.id AS owner_id, u.name AS owner_name, u.phone AS owner_phone \
    FROM shops s JOIN villages v ON v.id = s.village_id JOIN users u ON u.id = s.owner_id";

fn view(r: &AnyRow) -> anyhow::Result<ShopApplicationView> {
    Ok(ShopApplicationView {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        whatsapp: phone(r, "whatsapp")?,
        village: village_ref(r)?,
        owner: shared::UserRef {
            id: r.try_get("owner_id")?,
            name: r.try_get("owner_name")?,
            phone: phone(r, "owner_phone")?,
        },
        status: shop_status(r)?,
        status_reason: r.try_get("status_reason")?,
        created_at: r.try_get("created_at")?,
        decided_at: r.try_get("decided_at")?,
    })
}

/// Which applications to list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// `pending` (default), `active`, `rejected` or `suspended`.
    status: Option<ShopStatus>,
}

/// Shop applications in the villages this admin decides for; the oldest waiting first.
#[utoipa::path(get, path = "/api/v1/admin/shop-applications", tag = "admin", params(QueueQuery),
    responses((status = 200, body = Vec<ShopApplicationView>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn queue(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> AppResult<Json<Vec<ShopApplicationView>>> {
    let status = query.status.unwrap_or(ShopStatus::Pending);
    let order = if status == ShopStatus::Pending { "s.created_at, s.id" } else { "s.decided_at DESC, s.id DESC" };
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE s.status = $1 AND {} ORDER BY {order} LIMIT 200",
        decides_condition(&admin)
    ))
    .bind(status.code())
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(rows.iter().map(view).collect::<anyhow::Result<_>>()?))
}

/// An admin who decides on the application in the path (`{id}`).
pub struct ShopModerator {
    admin: CurrentUser,
    shop: ShopApplicationView,
}

impl FromRequestParts<AppState> for ShopModerator {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Admin(admin) = Admin::from_request_parts(parts, state).await?;
        let id = path_id(parts, state, "id", "Pengajuan toko").await?;
        let row = sqlx::query(&format!("{SELECT} WHERE s.id = $1"))
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?
            .ok_or_else(|| AppError::NotFound("Pengajuan toko tidak ditemukan.".into()))?;
        let shop = view(&row)?;
        let decides: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.id = $1 AND {}",
            decides_condition(&admin)
        ))
        .bind(id)
        .fetch_one(&state.db.pool)
        .await?;
        if decides == 0 {
            let code = RegionCode::parse(&shop.village.code).map_err(|e| anyhow::anyhow!("shop {id}: {e}"))?;
            let village = &shop.village.name;
            return Err(AppError::Forbidden(if shop.owner.id == admin.id {
                "Anda tidak dapat memutuskan pengajuan toko Anda sendiri; admin kabupaten yang memutuskannya.".into()
            } else if admin.is_village_admin_of(shop.village.id) {
                format!("Pengajuan ini dari admin Desa {village}, jadi diputuskan oleh admin kabupaten.")
            } else if admin.covers_region(&code) {
                format!("Desa {village} sudah memiliki admin desa; pengajuan toko diputuskan olehnya.")
            } else {
                "Toko ini berada di luar desa atau wilayah Anda.".into()
            }));
        }
        Ok(ShopModerator { admin, shop })
    }
}

/// Approves a waiting application: the shop opens.
#[utoipa::path(post, path = "/api/v1/admin/shop-applications/{id}/approve", tag = "admin",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopApplicationView), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem)))]
pub async fn approve(State(state): State<AppState>, moderator: ShopModerator) -> AppResult<Json<ShopApplicationView>> {
    decide(&state, moderator, ShopStatus::Active, None).await
}

/// Rejects a waiting application, with a reason the applicant reads.
#[utoipa::path(post, path = "/api/v1/admin/shop-applications/{id}/reject", tag = "admin", request_body = Rejection,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopApplicationView), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn reject(
    State(state): State<AppState>,
    moderator: ShopModerator,
    ApiJson(form): ApiJson<Rejection>,
) -> AppResult<Json<ShopApplicationView>> {
    let reason = form.reason.trim();
    let n = reason.chars().count();
    if !(5..=500).contains(&n) {
        return Err(AppError::field("reason", "Tulis alasan penolakan (5 sampai 500 huruf) agar pemohon tahu."));
    }
    decide(&state, moderator, ShopStatus::Rejected, Some(reason)).await
}

async fn decide(
    state: &AppState,
    ShopModerator { admin, shop }: ShopModerator,
    status: ShopStatus,
    reason: Option<&str>,
) -> AppResult<Json<ShopApplicationView>> {
    let mut tx = state.db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE shops SET status = $1, status_reason = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5 AND status = 'pending'",
    )
    .bind(status.code())
    .bind(reason)
    .bind(admin.id)
    .bind(now_ms())
    .bind(shop.id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::Conflict(format!("Pengajuan toko {} sudah diputuskan sebelumnya.", shop.name)));
    }
    let action = if status == ShopStatus::Active { AuditAction::ShopApproved } else { AuditAction::ShopRejected };
    let mut summary = format!("Toko {} milik {} di Desa {}", shop.name, shop.owner.name, shop.village.name);
    if let Some(reason) = reason {
        summary.push_str(&format!(": {reason}"));
    }
    audit::record(&mut tx, admin.id, action, &format!("shop:{}", shop.id), &summary, &shop.village.code).await?;
    tx.commit().await?;
    let row = sqlx::query(&format!("{SELECT} WHERE s.id = $1")).bind(shop.id).fetch_one(&state.db.pool).await?;
    Ok(Json(view(&row)?))
}
