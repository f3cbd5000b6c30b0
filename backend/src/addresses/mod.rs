//! The address book of a signed-in buyer, and the names of an address's regions that checkout and
//! orders show ([`placed`]).

pub mod queries;

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{Address, PlacedAddress};
use utoipa_axum::{router::OpenApiRouter, routes};

pub use queries::placed;

use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    state::AppState,
};

/// Most addresses one user keeps.
pub const ADDRESSES_MAX: i64 = 20;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list, create)).routes(routes!(remove))
}

/// The user's saved addresses, newest first, with the names of their regions.
#[utoipa::path(get, path = api::addresses::Addresses::PATH, tag = "orders",
    responses((status = 200, body = Vec<PlacedAddress>), (status = 401, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<Vec<PlacedAddress>>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(queries::list(&mut conn, user.id).await?))
}

/// Saves an address in the user's book (at most [`ADDRESSES_MAX`]); its desa must be in the region table.
#[utoipa::path(post, path = api::addresses::AddAddress::PATH, tag = "orders", request_body = Address,
    responses((status = 201, body = PlacedAddress), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ValidJson(address): ValidJson<Address>,
) -> AppResult<(StatusCode, Json<PlacedAddress>)> {
    let mut tx = state.db.begin_write().await?;
    let Some(placed) = queries::placed(&mut tx, &address).await? else {
        return Err(AppError::field("desa_code", "Desa ini tidak ada di daftar wilayah. Pilih dari daftar."));
    };
    if queries::count(&mut tx, user.id).await? >= ADDRESSES_MAX {
        return Err(AppError::field(
            "address",
            format!("Buku alamat paling banyak {ADDRESSES_MAX} alamat. Hapus alamat yang tidak dipakai lagi."),
        ));
    }
    let id = queries::insert(&mut tx, user.id, &address, now_ms()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(PlacedAddress { id: Some(id), ..placed })))
}

/// Removes one of the user's addresses (orders placed with it keep their copy).
#[utoipa::path(delete, path = api::addresses::RemoveAddress::PATH, tag = "orders",
    params(("id" = i64, Path, description = "The address's id from the list")),
    responses((status = 204, description = "Removed"), (status = 401, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove(State(state): State<AppState>, user: CurrentUser, Path(id): Path<String>) -> AppResult<StatusCode> {
    let not_found = || AppError::NotFound("Alamat ini tidak ada di buku alamat Anda.".into());
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let mut conn = state.db.pool.acquire().await?;
    if !queries::delete(&mut conn, user.id, id).await? {
        return Err(not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}
