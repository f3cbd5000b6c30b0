//! One-time reset links: an admin issues one (shown once, sent by WhatsApp), its owner sets a new
//! password with it. Only the token's hash is stored; a link works once and for a day.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode},
    response::Response,
};
use shared::{
    ResetLink, UserRef,
    account::{PasswordReset, ResetInfo, ResetLookup},
};
use sqlx::Row;

use super::{handlers::signed_in, queries};
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
    sqlx::query("DELETE FROM reset_tokens WHERE user_id = $1 AND used_at IS NULL")
        .bind(user.id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO reset_tokens (token_hash, user_id, issued_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token::digest(&token))
    .bind(user.id)
    .bind(issued_by)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await?;
    let url = format!("{}/akun/atur-sandi#{token}", config.public_url);
    let message = format!(
        "Halo {}, ini tautan untuk mengatur kata sandi akun Lapak Desa Anda. Tautan berlaku 24 jam dan hanya \
         bisa dipakai sekali. Jangan berikan kepada siapa pun: {url}",
        user.name
    );
    Ok(ResetLink { user: user.clone(), whatsapp_url: user.phone.whatsapp_url(&message), url, expires_at })
}

/// A live (unused, unexpired) token's user: id, name, phone, and when it expires.
async fn live(state: &AppState, token: &str) -> AppResult<(i64, String, String, i64)> {
    let gone = || AppError::NotFound("Tautan ini tidak berlaku: sudah dipakai, kedaluwarsa, atau salah salin.".into());
    if !token::looks_valid(token) {
        return Err(gone());
    }
    let row = sqlx::query(
        "SELECT u.id, u.name, u.phone, t.expires_at FROM reset_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2",
    )
    .bind(token::digest(token))
    .bind(now_ms())
    .fetch_optional(&state.db.pool)
    .await?
    .ok_or_else(gone)?;
    Ok((row.try_get("id")?, row.try_get("name")?, row.try_get("phone")?, row.try_get("expires_at")?))
}

/// Whose link this is, so the page can greet them before they choose a password. The token travels in
/// the body (the page keeps it in the address's `#` fragment), never in a path or query a log could keep.
#[utoipa::path(post, path = "/api/v1/auth/reset/info", tag = "accounts", request_body = ResetLookup,
    responses((status = 200, body = ResetInfo), (status = 400, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn reset_info(
    State(state): State<AppState>,
    ApiJson(lookup): ApiJson<ResetLookup>,
) -> AppResult<Json<ResetInfo>> {
    let (_, name, _, expires_at) = live(&state, &lookup.token).await?;
    Ok(Json(ResetInfo { name, expires_at }))
}

/// Sets a new password with a reset link, ends every other session of the account, forgets its known
/// browsers (whoever knew the old password loses their way past strangers' limits), and signs in.
#[utoipa::path(post, path = "/api/v1/auth/reset", tag = "accounts", request_body = PasswordReset,
    responses((status = 200, body = shared::Me), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn reset_password(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(form): ApiJson<PasswordReset>,
) -> AppResult<Response> {
    let (user_id, name, phone, _) = live(&state, &form.token).await?;
    AppError::check(password::check_strength("new_password", &form.new_password, &name, &phone))?;
    let hash = state.hasher.hash(&form.new_password).await?;
    let mut tx = state.db.begin_write().await?;
    let now = now_ms();
    let used = sqlx::query(
        "UPDATE reset_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token::digest(&form.token))
    .execute(&mut *tx)
    .await?;
    if used.rows_affected() != 1 {
        return Err(AppError::NotFound("Tautan ini baru saja dipakai. Minta tautan baru kepada admin.".into()));
    }
    queries::set_password(&mut *tx, user_id, &hash).await?;
    session::delete_all(&mut *tx, user_id, None).await?;
    device::forget_all(&mut *tx, user_id).await?;
    tx.commit().await?;
    signed_in(&state, &headers, user_id, StatusCode::OK).await
}
