//! The shops of a village as its admins see them: suspend one with a reason, reinstate it, and link it
//! to the village enterprise it represents (which shoppers then see on its products).

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{
    AuditAction,
    product::Moderation,
    storefront::{ModeratedShop, ShopEnterprise},
};
use sqlx::Row;

use crate::{
    accounts::queries::{phone, shop_status},
    admin::{audit, profile::VillageAdminOrDistrict},
    catalog::index,
    db::{flag, now_ms},
    error::{AppError, AppResult},
    extract::ApiJson,
    products::queries::LISTED,
    shops::queries::enterprise,
    state::AppState,
};

/// The village's approved shops (active or suspended), by name.
#[utoipa::path(get, path = "/api/v1/admin/villages/{id}/shops", tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = Vec<ModeratedShop>), (status = 403, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<Vec<ModeratedShop>>> {
    let sql = format!(
        "SELECT s.id, s.slug, s.name, s.status, s.status_reason, u.id AS owner_id, u.name AS owner_name, \
            u.phone AS owner_phone, e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, e.description AS e_description, \
            (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id) AS products, \
            (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS listed, {BY_VILLAGE_ADMIN} \
         FROM shops s LEFT JOIN users u ON u.id = s.owner_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.village_id = $1 AND s.status IN ('active', 'suspended') ORDER BY s.name, s.id"
    );
    let rows = sqlx::query(&sql).bind(guard.village.id).fetch_all(&state.db.pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let owner = match r.try_get::<Option<i64>, _>("owner_id")? {
            Some(id) => Some(shared::UserRef { id, name: r.try_get("owner_name")?, phone: phone(r, "owner_phone")? }),
            None => None,
        };
        let enterprise = enterprise(r)?;
        out.push(ModeratedShop {
            id: r.try_get("id")?,
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            status: shop_status(r)?,
            status_reason: r.try_get("status_reason")?,
            owner,
            enterprise,
            products: r.try_get("products")?,
            listed: r.try_get("listed")?,
            moderable: may_moderate(&guard, r.try_get("owner_id")?, flag(r, "by_village_admin")?).is_ok(),
        });
    }
    Ok(Json(out))
}

/// Whether the shop's owner (on `shops s`) is an admin of its village.
const BY_VILLAGE_ADMIN: &str = "EXISTS (SELECT 1 FROM grants g WHERE g.role = 'village_admin' \
    AND g.village_id = s.village_id AND g.user_id = s.owner_id) AS by_village_admin";

/// Nobody suspends or reinstates their own shop; a shop of a village admin is the district's to watch.
fn may_moderate(guard: &VillageAdminOrDistrict, owner_id: Option<i64>, by_village_admin: bool) -> AppResult<()> {
    if owner_id == Some(guard.admin.id) {
        return Err(AppError::Forbidden("Anda tidak dapat memoderasi toko Anda sendiri.".into()));
    }
    if by_village_admin && !guard.admin.covers_region(&guard.village.code) {
        return Err(AppError::Forbidden(format!(
            "Toko ini milik admin Desa {}, jadi dimoderasi oleh admin kabupaten.",
            guard.village.name
        )));
    }
    Ok(())
}

/// Moves a shop of the village from one status to another; 404 outside the village, 409 from any other.
async fn move_shop(
    state: &AppState,
    guard: &VillageAdminOrDistrict,
    id: i64,
    (from, to): (&str, &str),
    reason: Option<&str>,
    action: AuditAction,
) -> AppResult<()> {
    let mut tx = state.db.begin_write().await?;
    let row = sqlx::query(&format!(
        "SELECT s.name, s.status, s.owner_id, {BY_VILLAGE_ADMIN} FROM shops s WHERE s.id = $1 AND s.village_id = $2"
    ))
    .bind(id)
    .bind(guard.village.id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| AppError::NotFound("Toko ini tidak ditemukan di desa ini.".into()))?;
    let (name, status): (String, String) = (row.try_get("name")?, row.try_get("status")?);
    may_moderate(guard, row.try_get("owner_id")?, flag(&row, "by_village_admin")?)?;
    if status != from {
        let now = shared::ShopStatus::from_code(&status).map(|s| s.label()).unwrap_or("lain");
        return Err(AppError::Conflict(format!("Toko {name} berstatus {now}, jadi tidak bisa diubah begitu.")));
    }
    sqlx::query("UPDATE shops SET status = $1, status_reason = $2, decided_by = $3, decided_at = $4 WHERE id = $5")
        .bind(to)
        .bind(reason)
        .bind(guard.admin.id)
        .bind(now_ms())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let summary = match reason {
        Some(r) => format!("{name}, Desa {}: {r}", guard.village.name),
        None => format!("{name}, Desa {}", guard.village.name),
    };
    audit::record(&mut tx, guard.admin.id, action, &format!("shop:{id}"), &summary, guard.village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Suspends an active shop: its products leave the catalog and it cannot change them; the owner sees why.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/shops/{shop_id}/suspend", tag = "admin",
    request_body = Moderation,
    params(("id" = i64, Path, description = "The village's id"), ("shop_id" = i64, Path, description = "The shop")),
    responses((status = 204, description = "Suspended"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn suspend(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<Moderation>,
) -> AppResult<StatusCode> {
    AppError::check(form.validate())?;
    let reason = Some(form.reason.trim());
    move_shop(&state, &guard, id, ("active", "suspended"), reason, AuditAction::ShopSuspended).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reinstates a suspended shop.
#[utoipa::path(post, path = "/api/v1/admin/villages/{id}/shops/{shop_id}/reinstate", tag = "admin",
    params(("id" = i64, Path, description = "The village's id"), ("shop_id" = i64, Path, description = "The shop")),
    responses((status = 204, description = "Active again"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem)))]
pub async fn reinstate(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    move_shop(&state, &guard, id, ("suspended", "active"), None, AuditAction::ShopReinstated).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Links a shop to one of the village's enterprises (or unlinks it); search learns the new name.
#[utoipa::path(put, path = "/api/v1/admin/villages/{id}/shops/{shop_id}/enterprise", tag = "admin",
    request_body = ShopEnterprise,
    params(("id" = i64, Path, description = "The village's id"), ("shop_id" = i64, Path, description = "The shop")),
    responses((status = 204, description = "Saved"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn set_enterprise(
    State(state): State<AppState>,
    guard: VillageAdminOrDistrict,
    Path((_village, id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<ShopEnterprise>,
) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    let enterprise = match form.enterprise_id {
        Some(e) => Some(
            sqlx::query_scalar::<_, String>("SELECT name FROM enterprises WHERE id = $1 AND village_id = $2")
                .bind(e)
                .bind(guard.village.id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| AppError::field("enterprise_id", "Pilih lembaga dari daftar lembaga desa ini."))?,
        ),
        None => None,
    };
    let name: String = sqlx::query_scalar("SELECT name FROM shops WHERE id = $1 AND village_id = $2")
        .bind(id)
        .bind(guard.village.id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| AppError::NotFound("Toko ini tidak ditemukan di desa ini.".into()))?;
    sqlx::query("UPDATE shops SET enterprise_id = $1 WHERE id = $2")
        .bind(form.enterprise_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    index::reindex_where(&mut tx, "p.shop_id = $1", id).await?;
    let summary = format!("{name} → {}", enterprise.as_deref().unwrap_or("tanpa lembaga"));
    let subject = format!("shop:{id}");
    audit::record(
        &mut tx,
        guard.admin.id,
        AuditAction::ShopEnterpriseSet,
        &subject,
        &summary,
        guard.village.code.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
