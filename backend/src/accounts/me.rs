//! The signed-in user's own account: profile, password, and the devices they are signed in on.

use axum::{
    Json,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use shared::api::{self, Endpoint};
use shared::{
    Me,
    account::{PasswordChange, ProfileUpdate, SessionInfo, SessionState},
};

use super::queries;
use crate::{
    auth::{CurrentUser, password, session},
    error::{AppError, AppResult},
    extract::{ApiJson, ValidJson},
    state::AppState,
};

/// The signed-in user, their roles and shops; 401 when nobody is signed in.
#[utoipa::path(get, path = api::accounts::MyAccount::PATH, tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = shared::Problem)))]
pub async fn me(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Me>> {
    Ok(Json(queries::me(&state.db, user.id).await?))
}

/// Who is signed in, if anyone: 200 with `user: null` for nobody, so pages can ask without an error.
#[utoipa::path(get, path = api::accounts::Session::PATH, tag = "accounts",
    responses((status = 200, body = SessionState)))]
pub async fn session_state(State(state): State<AppState>, user: Option<CurrentUser>) -> AppResult<Json<SessionState>> {
    let user = match user {
        Some(user) => Some(queries::me(&state.db, user.id).await?),
        None => None,
    };
    Ok(Json(SessionState { user }))
}

/// Changes the name and e-mail address.
#[utoipa::path(patch, path = api::accounts::UpdateProfile::PATH, tag = "accounts", request_body = ProfileUpdate,
    responses((status = 200, body = Me), (status = 401, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn update_me(
    State(state): State<AppState>,
    user: CurrentUser,
    ValidJson(form): ValidJson<ProfileUpdate>,
) -> AppResult<Json<Me>> {
    let email = form.parsed().as_deref();
    if let Some(email) = email
        && queries::email_taken(&state.db, email, user.id).await?
    {
        return Err(AppError::field("email", "E-mail ini sudah dipakai akun lain."));
    }
    queries::update_profile(&state.db, user.id, &form.name, email).await?;
    Ok(Json(queries::me(&state.db, user.id).await?))
}

/// Changes the password; every other session of the account ends, this one stays.
#[utoipa::path(put, path = api::accounts::ChangePassword::PATH, tag = "accounts", request_body = PasswordChange,
    responses((status = 204, description = "Changed"), (status = 401, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(form): ApiJson<PasswordChange>,
) -> AppResult<StatusCode> {
    let me = queries::me(&state.db, user.id).await?;
    let stored = queries::password_hash(&state.db, user.id).await?;
    if !state.hasher.verify(stored, &form.current_password).await? {
        return Err(AppError::field("current_password", "Kata sandi saat ini salah."));
    }
    AppError::check(password::check_strength("new_password", &form.new_password, &me.name, me.phone.as_str()))?;
    let hash = state.hasher.hash(&form.new_password).await?;
    let mut tx = state.db.begin_write().await?;
    queries::set_password(&mut *tx, user.id, &hash).await?;
    session::delete_all(&mut *tx, user.id, Some(user.session_id)).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The devices the user is signed in on, most recently used first.
#[utoipa::path(get, path = api::accounts::Sessions::PATH, tag = "accounts",
    responses((status = 200, body = Vec<SessionInfo>), (status = 401, body = shared::Problem)))]
pub async fn sessions(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Vec<SessionInfo>>> {
    let rows = session::list(&state.db, user.id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|s| SessionInfo {
                current: s.id == user.session_id,
                id: s.id,
                created_at: s.created_at,
                last_seen_at: s.last_seen_at,
                user_agent: s.user_agent,
            })
            .collect(),
    ))
}

/// Signs out everywhere: every session of the account ends, this one included.
#[utoipa::path(delete, path = api::accounts::SignOutEverywhere::PATH, tag = "accounts",
    responses((status = 204, description = "Signed out everywhere"), (status = 401, body = shared::Problem)))]
pub async fn sign_out_everywhere(State(state): State<AppState>, user: CurrentUser) -> AppResult<Response> {
    session::delete_all(&state.db.pool, user.id, None).await?;
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, session::clear_cookie(&state.config))]).into_response())
}

/// Ends one of the user's sessions (another device); only the user's own.
#[utoipa::path(delete, path = api::accounts::EndSession::PATH, tag = "accounts",
    params(("id" = i64, Path, description = "The session's id from the list")),
    responses((status = 204, description = "Ended"), (status = 401, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn end_session(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    if session::delete_one(&state.db, user.id, id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound("Sesi tidak ditemukan.".into()))
    }
}
