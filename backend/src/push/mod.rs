//! Push notifications (Web Push: RFC 8030, VAPID RFC 8292, encryption RFC 8291): every in-app
//! notification is queued as a push in its own transaction ([`queue`], called by `notifications::notify`,
//! so whatever notifies also pushes) and sent in the background (`deliver.rs`) to the devices the person
//! allowed (subscriptions here, one per push service endpoint, each ending with its session), tried again
//! after a passing failure (`outcome.rs`), never to a private address (`guard.rs`). The key pair is in
//! `vapid.rs`; the SQL in `queries`.

pub mod deliver;
pub mod guard;
pub mod outcome;
pub mod queries;
pub mod vapid;

use axum::{
    Json,
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use shared::Form;
use shared::api::{self, Endpoint};
use shared::push::{PushDevice, PushKey, SubscriptionForm};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    notifications::Note,
    state::AppState,
};

/// Longest User-Agent kept to name a device.
const USER_AGENT_MAX: usize = 300;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(key)).routes(routes!(devices, subscribe)).routes(routes!(unsubscribe))
}

/// Queues `note` as a push to its person's devices (inside the caller's transaction: a change that
/// rolls back pushes nothing).
pub async fn queue(conn: &mut sqlx::AnyConnection, note: &Note) -> AppResult<()> {
    Ok(queries::outbox::queue(conn, note, now_ms()).await?)
}

/// The server's VAPID public key, for `PushManager.subscribe`.
#[utoipa::path(get, path = api::push::Key::PATH, tag = "accounts", responses((status = 200, body = PushKey)))]
pub async fn key(State(state): State<AppState>) -> Json<PushKey> {
    Json(PushKey { public_key: state.push.vapid.public_key().to_owned() })
}

/// The devices the user receives pushes on, newest first.
#[utoipa::path(get, path = api::push::Devices::PATH, tag = "accounts",
    responses((status = 200, body = Vec<PushDevice>), (status = 401, body = shared::Problem)))]
pub async fn devices(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Vec<PushDevice>>> {
    Ok(Json(queries::devices(&state.db, user.id).await?))
}

/// Keeps this device's subscription for the user (a device subscribed before is taken over); a push
/// service whose host is or resolves to a private address (or this machine) is refused with 422.
#[utoipa::path(post, path = api::push::Subscribe::PATH, tag = "accounts", request_body = SubscriptionForm,
    responses((status = 201, body = PushDevice), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn subscribe(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: HeaderMap,
    ApiJson(form): ApiJson<SubscriptionForm>,
) -> AppResult<(StatusCode, Json<PushDevice>)> {
    let (form, keys) = form.parse_in(&state.push.guard.endpoints())?.into_parts();
    if web_push_native::p256::PublicKey::from_sec1_bytes(&keys.p256dh).is_err() {
        return Err(AppError::field("keys.p256dh", "Kunci perangkat bukan titik P-256 yang sah."));
    }
    if let Err(refused) = state.push.guard.check(form.endpoint.trim()).await {
        return Err(AppError::field("endpoint", refused.0));
    }
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let user_agent: String = user_agent.chars().take(USER_AGENT_MAX).collect();
    let (p256dh, auth) = (URL_SAFE_NO_PAD.encode(&keys.p256dh), URL_SAFE_NO_PAD.encode(&keys.auth));
    let new = queries::NewDevice {
        user_id: user.id,
        session_id: user.session_id,
        endpoint: form.endpoint.trim(),
        p256dh: &p256dh,
        auth: &auth,
        user_agent: &user_agent,
    };
    let mut tx = state.db.begin_write().await?;
    let id = queries::subscribe(&mut tx, &new, now_ms()).await?;
    let device =
        queries::device_of(&mut tx, id, user.id).await?.ok_or_else(|| anyhow::anyhow!("device {id} not read back"))?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(device)))
}

/// Stops pushes to one of the user's devices; another's answers 404.
#[utoipa::path(delete, path = api::push::Unsubscribe::PATH, tag = "accounts",
    params(("id" = i64, Path, description = "The device")),
    responses((status = 204, description = "No more pushes to that device"), (status = 401, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn unsubscribe(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    if !queries::remove(&mut tx, id, user.id).await? {
        return Err(AppError::NotFound("Perangkat ini tidak ada di daftar pemberitahuan Anda.".into()));
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
