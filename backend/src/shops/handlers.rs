//! A user applies to open a shop in a village; a shop's owner keeps the list of its member producers.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{
    MyShop, Producer, ShopStatus,
    shop::{NewProducer, ShopApplication},
};

use super::{
    owner::{OpenShopOwner, ShopOwner},
    queries::{self, NewShop},
};
use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    state::AppState,
};

/// Applies to open a shop; it waits for the village admin's (or district admin's) decision.
#[utoipa::path(post, path = api::shops::Apply::PATH, tag = "shops", request_body = ShopApplication,
    responses((status = 201, body = MyShop), (status = 401, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    user: CurrentUser,
    ValidJson(form): ValidJson<ShopApplication>,
) -> AppResult<(StatusCode, Json<MyShop>)> {
    let village = queries::village_by_slug(&state.db, form.village.trim())
        .await?
        .ok_or_else(|| AppError::field("village", "Desa ini tidak ditemukan. Pilih dari daftar."))?;
    // Checked inside the write: two applications sent at once must not both pass.
    let mut tx = state.db.begin_write().await?;
    queries::lock_applicant(&mut tx, user.id).await?;
    if queries::has_shop_in(&mut tx, user.id, village.id).await? {
        return Err(AppError::Conflict(format!(
            "Anda sudah memiliki toko atau pengajuan yang menunggu di Desa {}.",
            village.name
        )));
    }
    let new = NewShop {
        village_id: village.id,
        village_slug: &village.slug,
        name: &form.name,
        description: &form.description,
        whatsapp: form.parsed(),
        owner_id: Some(user.id),
        status: ShopStatus::Pending,
        is_demo: false,
    };
    let (id, _) = queries::create(&mut tx, &new, now_ms()).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(queries::my_shop_by_id(&state.db, id).await?)))
}

/// The shop's member producers, by name.
#[utoipa::path(get, path = api::shops::Producers::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = Vec<Producer>), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn producers(State(state): State<AppState>, owner: ShopOwner) -> AppResult<Json<Vec<Producer>>> {
    Ok(Json(queries::producers(&state.db, owner.shop_id).await?))
}

/// Adds a member producer (someone who makes goods the shop sells for them).
#[utoipa::path(post, path = api::shops::AddProducer::PATH, tag = "shops", request_body = NewProducer,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 201, body = Producer), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn add_producer(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    ValidJson(form): ValidJson<NewProducer>,
) -> AppResult<(StatusCode, Json<Producer>)> {
    let (name, dusun, makes) = (form.name.trim(), form.dusun.trim(), form.makes.trim());
    let id = queries::add_producer(&state.db, owner.shop_id, name, dusun, makes, now_ms()).await?;
    let producer = Producer { id, name: name.into(), dusun: dusun.into(), makes: makes.into() };
    Ok((StatusCode::CREATED, Json(producer)))
}

/// Removes a member producer of the shop.
#[utoipa::path(delete, path = api::shops::RemoveProducer::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ("producer_id" = i64, Path, description = "The producer's id")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem)))]
pub async fn remove_producer(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let producer_id = ids.1;
    let mut tx = state.db.begin_write().await?;
    if crate::producer_ledger::queries::credits::has_entries(&mut tx, producer_id).await? {
        return Err(AppError::Conflict(
            "Produsen ini sudah punya catatan pendapatan dan pembayaran, jadi tetap disimpan.".into(),
        ));
    }
    let products = queries::products_of_producer(&mut tx, producer_id, owner.shop_id).await?;
    if !queries::remove_producer(&mut tx, producer_id, owner.shop_id).await? {
        return Err(AppError::NotFound("Produsen tidak ditemukan di toko ini.".into()));
    }
    // Its products no longer name it: search forgets its name for them.
    crate::catalog::index::reindex(&mut tx, &products).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
