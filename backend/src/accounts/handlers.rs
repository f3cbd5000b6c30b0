//! Signing up, in and out.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{AppendHeaders, IntoResponse, Response},
};
use shared::api::{self, Endpoint};
use shared::{
    FieldError, Form, Me,
    account::{SignIn, SignUp, SignUpParsed},
};

use super::queries::{self, Login, NewUser};
use crate::{
    auth::{
        device,
        limits::{self, AttemptKeys, ClientAddress},
        password, session,
        user::user_agent,
    },
    error::{AppError, AppResult},
    extract::ApiJson,
    rate_limit::{self, Rule},
    state::AppState,
};

/// Creates an account and signs it in. Sign-ups are limited per client address (429): each costs a
/// password hash, and each answers whether a number is registered.
#[utoipa::path(post, path = api::accounts::SignUp::PATH, tag = "accounts", request_body = SignUp,
    responses((status = 201, body = Me), (status = 422, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn sign_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiJson(form): ApiJson<SignUp>,
) -> AppResult<Response> {
    // Counted first, whatever the answer: nothing below (the registered-number check, the hash) runs
    // past the limit.
    let _counted = rate_limit::take(&state.db, &state.config, Rule::SignUp, &address, None).await?;
    let account = form.parse()?;
    let SignUpParsed { phone, email } = account.parsed();
    // What only the server knows: common passwords, numbers and addresses already taken.
    let mut errors = password::check_strength("password", &account.password, &account.name, phone.as_str());
    if queries::by_phone(&state.db.pool, phone).await?.is_some() {
        errors.push(FieldError::new("phone", "Nomor ini sudah terdaftar. Silakan masuk dengan nomor ini."));
    }
    if let Some(email) = email
        && queries::email_taken(&state.db, email, 0).await?
    {
        errors.push(FieldError::new("email", "E-mail ini sudah dipakai akun lain."));
    }
    AppError::check(errors)?;
    let hash = state.hasher.hash(&account.password).await?;
    let new =
        NewUser { name: &account.name, phone, email: email.as_deref(), password_hash: Some(&hash), is_demo: false };
    let user_id = queries::create(&state.db.pool, &new).await.map_err(|e| match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            AppError::field("phone", "Nomor ini sudah terdaftar. Silakan masuk dengan nomor ini.")
        }
        other => other.into(),
    })?;
    signed_in(&state, &headers, user_id, StatusCode::CREATED).await
}

/// Signs in by phone number or e-mail. Failures are limited per account and address, per account and
/// per address, apart from those of a browser that has signed in to the account before, which has a
/// limit of its own (so strangers cannot lock the owner out); the answer never tells whether the
/// account exists.
#[utoipa::path(post, path = api::accounts::SignIn::PATH, tag = "accounts", request_body = SignIn,
    responses((status = 200, body = Me), (status = 401, body = shared::Problem), (status = 429, body = shared::Problem)))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiJson(form): ApiJson<SignIn>,
) -> AppResult<Response> {
    let login = Login::parse(&form.login);
    let account = queries::credentials(&state.db, &login).await?;
    let (user_id, stored) = match account {
        Some(c) => (Some(c.id), c.password_hash),
        None => (None, None),
    };
    // Asked whether or not the account exists, so the answer takes as long either way.
    let trusted_device = match device::token_from(&headers, &state.config) {
        Some(token) if device::is_trusted(&state.db, &token, user_id.unwrap_or(0)).await? => {
            Some(crate::auth::token::digest(&token))
        }
        _ => None,
    };
    let keys = AttemptKeys { account: login.key(), address, trusted_device };
    limits::check(&state.db, &state.config, &keys).await?;
    let too_long = form.password.chars().count() > shared::account::PASSWORD_MAX;
    let matches = !too_long && state.hasher.verify(stored, &form.password).await?;
    match user_id.filter(|_| matches) {
        Some(user_id) => {
            limits::clear(&state.db, &state.config, &keys).await?;
            if let Some(old) = session::token_from(&headers, &state.config) {
                session::delete_by_token(&state.db, &old).await?;
            }
            signed_in(&state, &headers, user_id, StatusCode::OK).await
        }
        None => {
            limits::record_failure(&state.db, &state.config, &keys).await?;
            Err(AppError::WrongCredentials)
        }
    }
}

/// Ends this session on the server and removes the cookie.
#[utoipa::path(post, path = api::accounts::SignOut::PATH, tag = "accounts",
    responses((status = 204, description = "Signed out")))]
pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(token) = session::token_from(&headers, &state.config) {
        session::delete_by_token(&state.db, &token).await?;
    }
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, session::clear_cookie(&state.config))]).into_response())
}

/// Starts a fresh session for `user_id` and answers with the user and the cookies: the session's, and
/// the device cookie that marks this browser as one the account signs in on.
pub async fn signed_in(state: &AppState, headers: &HeaderMap, user_id: i64, status: StatusCode) -> AppResult<Response> {
    let token = session::create(&state.db, user_id, &user_agent(headers)).await?;
    let device_token = match device::token_from(headers, &state.config) {
        Some(known) => known,
        None => crate::auth::token::generate()?,
    };
    device::trust(&state.db, &device_token, user_id).await?;
    let me = queries::me(&state.db, user_id).await?;
    let cookies = AppendHeaders([
        (header::SET_COOKIE, session::set_cookie(&state.config, &token)),
        (header::SET_COOKIE, device::set_cookie(&state.config, &device_token)),
    ]);
    Ok((status, cookies, Json(me)).into_response())
}
