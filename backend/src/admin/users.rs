//! Helping people back into their accounts: an admin finds a user in their care (see `queries::care`) and
//! issues a one-time reset link, sent with one tap through WhatsApp.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::{StatusCode, request::Parts},
};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{AuditAction, Phone, ResetLink, UserRef};
use utoipa::IntoParams;

use super::{audit, queries};
use crate::{
    accounts::reset,
    auth::{Admin, CurrentUser, guards::path_id},
    error::{AppError, AppResult},
    extract::ApiQuery,
    state::AppState,
};

/// Who to look for.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserSearch {
    /// Part of a name or a phone number (any usual form).
    q: Option<String>,
}

/// Users in the admin's care (whom they may issue a reset link for) matching the search, by name (at
/// most 20).
#[utoipa::path(get, path = api::admin::Users::PATH, tag = "admin", params(UserSearch),
    responses((status = 200, body = Vec<UserRef>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem)))]
pub async fn search(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiQuery(query): ApiQuery<UserSearch>,
) -> AppResult<Json<Vec<UserRef>>> {
    let q = query.q.unwrap_or_default().trim().to_lowercase();
    if q.chars().count() > 80 {
        return Err(AppError::BadRequest("Kata pencarian terlalu panjang.".into()));
    }
    let digits: String = match Phone::parse(&q) {
        Ok(phone) => phone.as_str().to_owned(),
        Err(_) => q.chars().filter(char::is_ascii_digit).collect::<String>().trim_start_matches('0').to_owned(),
    };
    let name_pattern = format!("%{}%", q.replace(['%', '_'], ""));
    let phone_pattern = if digits.len() >= 3 { format!("%{digits}%") } else { "-".into() };
    Ok(Json(queries::care::search(&state.db, &admin, name_pattern, phone_pattern).await?))
}

/// An admin (village or district) over the user in the path (`{id}`): the user is in their care (every
/// role and shop the user holds lies within the admin's scope, below their rank; see `queries::care`) and is not
/// the admin. Carries a region the user belongs to.
pub struct AdminOverUser {
    admin: CurrentUser,
    user: UserRef,
    region_code: String,
}

impl FromRequestParts<AppState> for AdminOverUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Admin(admin) = Admin::from_request_parts(parts, state).await?;
        let id = path_id(parts, state, "id", "Pengguna").await?;
        let user = queries::care::user(&state.db, id)
            .await?
            .ok_or_else(|| AppError::NotFound("Pengguna tidak ditemukan.".into()))?;
        if user.id == admin.id {
            return Err(AppError::Forbidden("Ubah kata sandi Anda sendiri di halaman Akun.".into()));
        }
        let mut conn = state.db.pool.acquire().await?;
        if !queries::care::covers(&mut conn, &admin, user.id).await? {
            return Err(AppError::Forbidden(
                "Akun ini bukan wewenang Anda: tautan atur ulang sandi hanya dapat dibuat oleh admin yang wilayahnya \
                 mencakup semua peran dan toko pemiliknya."
                    .into(),
            ));
        }
        let region_code = queries::care::region_of(&mut conn, user.id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("user {} is in care but holds nothing", user.id))?;
        Ok(AdminOverUser { admin, user, region_code })
    }
}

/// Issues a one-time link (valid 24 hours) for the user to set a new password; older links stop
/// working. The answer holds the link and a `wa.me` link to send it: it is shown once.
#[utoipa::path(post, path = api::admin::ResetLink::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The user's id")),
    responses((status = 201, body = ResetLink), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn reset_link(
    State(state): State<AppState>,
    AdminOverUser { admin, user, region_code }: AdminOverUser,
) -> AppResult<(StatusCode, Json<ResetLink>)> {
    let mut tx = state.db.begin_write().await?;
    let link = reset::issue(&mut tx, &state.config, &user, Some(admin.id)).await?;
    let summary = format!("Tautan atur ulang sandi untuk {} ({})", user.name, user.phone.display());
    let subject = format!("user:{}", user.id);
    audit::record(&mut tx, admin.id, AuditAction::ResetLinkIssued, &subject, &summary, &region_code).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(link)))
}
