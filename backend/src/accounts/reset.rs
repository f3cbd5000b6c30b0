//! One-time reset links: an admin issues one (shown once, sent by WhatsApp), its owner sets a new
//! password with it. Only the token's hash is stored; a link works once and for a day.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::Response,
};
use shared::api::{self, Endpoint};
use shared::{
    ResetLink, UserRef,
    account::{PasswordReset, ResetInfo, ResetLookup},
};

use super::{
    handlers::signed_in,
    queries::{self, LiveResetLink, NewResetLink},
};
use crate::{
    auth::{device, password, session, token},
    config::Config,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
};

/// How long a reset link stays valid.
pub const VALID_MS: i64 = 24 * 60 * 60 * 1000;

/// Issues a fresh link for `user` (older unused links stop working) inside the caller's transaction.
pub async fn issue(
    conn: &mut sqlx::AnyConnection,
    config: &Config,
    user: &UserRef,
    issued_by: Option<i64>,
) -> AppResult<ResetLink> {
    let token = token::generate()?;
    let now = now_ms();
    let expires_at = now + VALID_MS;
    queries::forget_reset_links(&mut *conn, user.id).await?;
    let hash = token::digest(&token);
    let link = NewResetLink { token_hash: &hash, user_id: user.id, issued_by, expires_at };
    queries::add_reset_link(&mut *conn, &link, now).await?;
    let url = format!("{}/akun/atur-sandi#{token}", config.public_url);
    let message = format!(
        "Halo {}, ini tautan untuk mengatur kata sandi akun Lapak Desa Anda. Tautan berlaku 24 jam dan hanya \
         bisa dipakai sekali. Jangan berikan kepada siapa pun: {url}",
        user.name
    );
    Ok(ResetLink { user: user.clone(), whatsapp_url: user.phone.whatsapp_url(&message), url, expires_at })
}

/// A live (unused, unexpired) token's user: id, name, phone, and when it expires.
async fn live(state: &AppState, token: &str) -> AppResult<LiveResetLink> {
    let gone = || AppError::NotFound("Tautan ini tidak berlaku: sudah dipakai, kedaluwarsa, atau salah salin.".into());
    if !token::looks_valid(token) {
        return Err(gone());
    }
    queries::live_reset_link(&state.db, &token::digest(token), now_ms()).await?.ok_or_else(gone)
}

/// Whose link this is, so the page can greet them before they choose a password. The token travels in
/// the body (the page keeps it in the address's `#` fragment), never in a path or query a log could keep.
#[utoipa::path(post, path = api::accounts::ResetLinkInfo::PATH, tag = "accounts", request_body = ResetLookup,
    responses((status = 200, body = ResetInfo), (status = 400, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn reset_info(
    State(state): State<AppState>,
    ApiJson(lookup): ApiJson<ResetLookup>,
) -> AppResult<Json<ResetInfo>> {
    let link = live(&state, &lookup.token).await?;
    Ok(Json(ResetInfo { name: link.name, expires_at: link.expires_at }))
}

/// Sets a new password with a reset link, ends every other session of the account, forgets its known
/// browsers (whoever knew the old password loses their way past strangers' limits), and signs in.
#[utoipa::path(post, path = api::accounts::ResetPassword::PATH, tag = "accounts", request_body = PasswordReset,
    responses((status = 200, body = shared::Me), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<PasswordReset>,
) -> AppResult<Response> {
    let LiveResetLink { user_id, name, phone, .. } = live(&state, &form.token).await?;
    AppError::check(password::check_strength("new_password", &form.new_password, &name, &phone))?;
    let hash = state.hasher.hash(&form.new_password).await?;
    let mut tx = state.db.begin_write().await?;
    let now = now_ms();
    if !queries::use_reset_link(&mut tx, &token::digest(&form.token), now).await? {
        return Err(AppError::NotFound("Tautan ini baru saja dipakai. Minta tautan baru kepada admin.".into()));
    }
    queries::set_password(&mut *tx, user_id, &hash).await?;
    session::delete_all(&mut *tx, user_id, None).await?;
    device::forget_all(&mut *tx, user_id).await?;
    tx.commit().await?;
    signed_in(&state, &headers, user_id, StatusCode::OK).await
}
