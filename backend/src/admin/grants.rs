//! Granting and revoking admin roles: village admins (by a district admin of the village's region)
//! and district admins (by a district admin of a containing region). A person without an account
//! gets one, with a one-time link to choose their password; naming an existing account never gives the
//! namer power over it (see `queries::care`).

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{StatusCode, request::Parts},
};
use shared::api::{self, Endpoint};
use shared::{
    AdminAssigned, AuditAction, DistrictAdminView, NewAdmin, Phone, RegionCode, ResetLink, Role, UserRef,
    admin::NewDistrictAdmin,
};

use super::{audit, queries, villages::DistrictAdminOfVillage};
use crate::{
    accounts::{
        queries::{self as users, NewUser},
        reset,
    },
    auth::{CurrentUser, DistrictAdmin, guards::path_id},
    error::{AppError, AppResult},
    extract::ValidJson,
    regions::queries as regions,
    state::AppState,
};

/// The person named in a valid form (`name`, with the number it read): their account, or a new one without
/// a password (`true`).
async fn person(tx: &mut sqlx::AnyConnection, name: &str, phone: &Phone) -> AppResult<(UserRef, bool)> {
    Ok(match users::by_phone(&mut *tx, phone).await? {
        Some(user) => (user, false),
        None => {
            let new = NewUser { name, phone, email: None, password_hash: None, is_demo: false };
            let id = users::create(&mut *tx, &new).await?;
            (UserRef { id, name: name.trim().to_owned(), phone: phone.clone() }, true)
        }
    })
}

/// After the grant is recorded: a link for a person who has no password yet, if the account is new or
/// wholly in the granter's care; otherwise a notice saying who can give them one.
async fn first_password(
    tx: &mut sqlx::AnyConnection,
    state: &AppState,
    admin: &CurrentUser,
    user: &UserRef,
    new_account: bool,
) -> AppResult<(Option<ResetLink>, Option<String>)> {
    if queries::grants::password_hash(&mut *tx, user.id).await?.is_some() {
        return Ok((None, None));
    }
    if new_account || queries::care::covers(&mut *tx, admin, user.id).await? {
        return Ok((Some(reset::issue(tx, &state.config, user, Some(admin.id)).await?), None));
    }
    let notice = format!(
        "{} belum memiliki kata sandi, tetapi akun ini sudah ada sebelumnya dan tidak sepenuhnya dalam wewenang \
         Anda, jadi tautan atur sandi tidak diberikan kepada Anda. Minta {} menghubungi admin yang wilayahnya mencakup semua \
         peran dan tokonya, atau operator server (perintah `lapak admin reset-link`).",
        user.name, user.name
    );
    Ok((None, Some(notice)))
}

/// Makes someone (found or created by phone number) an admin of this village.
#[utoipa::path(post, path = api::admin::AddVillageAdmin::PATH, tag = "admin", request_body = NewAdmin,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 201, body = AdminAssigned), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn add_village_admin(
    State(state): State<AppState>,
    DistrictAdminOfVillage { admin, village }: DistrictAdminOfVillage,
    ValidJson(form): ValidJson<NewAdmin>,
) -> AppResult<(StatusCode, Json<AdminAssigned>)> {
    let mut tx = state.db.begin_write().await?;
    let (user, new_account) = person(&mut tx, &form.name, form.parsed()).await?;
    if queries::grants::is_village_admin_of(&mut tx, user.id, village.id).await? {
        return Err(AppError::Conflict(format!("{} sudah menjadi admin Desa {}.", user.name, village.name)));
    }
    let grant_id =
        queries::grants::insert(&mut tx, user.id, Role::VillageAdmin, Some(village.id), None, Some(admin.id)).await?;
    if !new_account {
        queries::grants::mark_to_existing_account(&mut tx, grant_id).await?;
    }
    let (reset_link, notice) = first_password(&mut tx, &state, &admin, &user, new_account).await?;
    let summary = format!("{} ({}) menjadi admin Desa {}", user.name, user.phone.display(), village.name);
    let subject = format!("user:{}", user.id);
    audit::record(&mut tx, admin.id, AuditAction::VillageAdminGranted, &subject, &summary, village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(AdminAssigned { grant_id, user, new_account, reset_link, notice })))
}

/// District admins within the admin's own regions (including the admin).
#[utoipa::path(get, path = api::admin::ListDistrictAdmins::PATH, tag = "admin",
    responses((status = 200, body = Vec<DistrictAdminView>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn list_district_admins(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
) -> AppResult<Json<Vec<DistrictAdminView>>> {
    Ok(Json(queries::grants::district_admins(&state.db, &admin.district_condition("g.region_code")).await?))
}

/// Makes someone a district admin of a region within the granter's own.
#[utoipa::path(post, path = api::admin::AddDistrictAdmin::PATH, tag = "admin", request_body = NewAdmin,
    responses((status = 201, body = AdminAssigned), (status = 403, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn add_district_admin(
    State(state): State<AppState>,
    DistrictAdmin(admin): DistrictAdmin,
    ValidJson(form): ValidJson<NewDistrictAdmin>,
) -> AppResult<(StatusCode, Json<AdminAssigned>)> {
    let region = &form.parsed().region;
    if !admin.covers_region(region) {
        return Err(AppError::Forbidden(format!("Wilayah {region} berada di luar wilayah Anda.")));
    }
    let region_name = regions::name_of(&state.db.pool, region)
        .await?
        .ok_or_else(|| AppError::field("region", "Kode wilayah ini tidak ada di tabel wilayah Kemendagri."))?;
    let mut tx = state.db.begin_write().await?;
    let (user, new_account) = person(&mut tx, &form.name, &form.parsed().phone).await?;
    if queries::grants::is_district_admin_of(&mut tx, user.id, region.as_str()).await? {
        return Err(AppError::Conflict(format!("{} sudah menjadi admin {region_name}.", user.name)));
    }
    let grant_id =
        queries::grants::insert(&mut tx, user.id, Role::DistrictAdmin, None, Some(region.as_str()), Some(admin.id))
            .await?;
    if !new_account {
        queries::grants::mark_to_existing_account(&mut tx, grant_id).await?;
    }
    let (reset_link, notice) = first_password(&mut tx, &state, &admin, &user, new_account).await?;
    let summary = format!("{} ({}) menjadi admin {region_name} ({region})", user.name, user.phone.display());
    let subject = format!("user:{}", user.id);
    audit::record(&mut tx, admin.id, AuditAction::DistrictAdminGranted, &subject, &summary, region.as_str()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(AdminAssigned { grant_id, user, new_account, reset_link, notice })))
}

/// A district admin over the grant in the path (`{id}`): one whose region holds it and outranks it (a
/// village admin's within the region, or a district admin's of a smaller region); never their own grant,
/// nor a fellow district admin's of the same region.
pub struct DistrictAdminOverGrant {
    admin: CurrentUser,
    grant_id: i64,
    scope: RegionCode,
    summary: String,
}

impl FromRequestParts<AppState> for DistrictAdminOverGrant {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let DistrictAdmin(admin) = DistrictAdmin::from_request_parts(parts, state).await?;
        let grant_id = path_id(parts, state, "id", "Peran").await?;
        let held = queries::grants::held(&state.db, grant_id)
            .await?
            .ok_or_else(|| AppError::NotFound("Peran tidak ditemukan.".into()))?;
        let scope = RegionCode::parse(&held.scope).map_err(|e| anyhow::anyhow!("grant {grant_id}: {e}"))?;
        if !admin.covers_region(&scope) {
            return Err(AppError::Forbidden("Peran ini berada di luar wilayah Anda.".into()));
        }
        if held.user_id == admin.id {
            return Err(AppError::Forbidden("Anda tidak dapat mencabut peran Anda sendiri.".into()));
        }
        if !admin.outranks_region(&scope) {
            return Err(AppError::Forbidden(
                "Admin kabupaten satu wilayah tidak dapat mencabut peran satu sama lain; mintalah admin wilayah yang \
                 lebih luas."
                    .into(),
            ));
        }
        let role = Role::from_code(&held.role).map(Role::label).unwrap_or("Admin");
        let place = held.place.ok_or_else(|| anyhow::anyhow!("grant {grant_id} has no place"))?;
        Ok(DistrictAdminOverGrant { admin, grant_id, scope, summary: format!("{}: {role} {place}", held.name) })
    }
}

/// Revokes a village-admin or district-admin role.
#[utoipa::path(delete, path = api::admin::RevokeGrant::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The grant's id")),
    responses((status = 204, description = "Revoked"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn revoke(State(state): State<AppState>, guard: DistrictAdminOverGrant) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    queries::grants::delete(&mut tx, guard.grant_id).await?;
    let subject = format!("grant:{}", guard.grant_id);
    let (actor, scope) = (guard.admin.id, guard.scope.as_str());
    audit::record(&mut tx, actor, AuditAction::GrantRevoked, &subject, &guard.summary, scope).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
