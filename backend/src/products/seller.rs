//! A seller's listings (`/jual`): list, create, change, hide and delete the products of their own shop.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::api::{self, Endpoint};
use shared::{ProductForm, ProductRecord};
use sqlx::AnyConnection;

use super::queries::{self, NewProduct};
use crate::{
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ValidJson,
    images::attached,
    shops::owner::{OpenShopOwner, ShopOwner},
    state::AppState,
};

/// Refuses a producer that is not one of the shop's. Called inside the write that names the producer: on
/// SQLite no removal can come between; on PostgreSQL one that does makes the write break the producer's
/// foreign key, answered by [`producer_gone`].
async fn check_producer(conn: &mut AnyConnection, shop_id: i64, producer: Option<i64>) -> AppResult<()> {
    let Some(id) = producer else { return Ok(()) };
    if !queries::is_producer_of(conn, id, shop_id).await? {
        return Err(producer_refused());
    }
    Ok(())
}

fn producer_refused() -> AppError {
    AppError::field("producer_id", "Pilih produsen dari daftar anggota toko Anda.")
}

/// A write that broke a foreign key: the producer was removed since it was checked.
fn producer_gone(error: anyhow::Error) -> AppError {
    match error.downcast_ref::<sqlx::Error>() {
        Some(sqlx::Error::Database(d)) if d.is_foreign_key_violation() => producer_refused(),
        _ => error.into(),
    }
}

/// Every listing of the shop, drafts and hidden ones included, newest first.
#[utoipa::path(get, path = api::products::Listings::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = Vec<ProductRecord>), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn list(State(state): State<AppState>, owner: ShopOwner) -> AppResult<Json<Vec<ProductRecord>>> {
    Ok(Json(queries::records(&state.db, owner.shop_id, None).await?))
}

/// Lists a new product (or keeps it as a draft); photos must be the seller's own uploads.
#[utoipa::path(post, path = api::products::AddListing::PATH, tag = "shops", request_body = ProductForm,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 201, body = ProductRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    ValidJson(form): ValidJson<ProductForm>,
) -> AppResult<(StatusCode, Json<ProductRecord>)> {
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, owner.user.id, &[]).await?;
    let mut tx = state.db.begin_write().await?;
    check_producer(&mut tx, owner.shop_id, form.producer_id).await?;
    let new = NewProduct { shop_id: owner.shop_id, form: &form };
    let id = queries::create(&mut tx, &new, now_ms()).await.map_err(producer_gone)?;
    tx.commit().await?;
    let record = queries::records(&state.db, owner.shop_id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Produk ini", Within::OwnShop))?;
    Ok((StatusCode::CREATED, Json(record)))
}

/// Changes a listing; 409 when it was saved elsewhere since `version` was loaded.
#[utoipa::path(put, path = api::products::UpdateListing::PATH, tag = "shops", request_body = ProductForm,
    params(("id" = i64, Path, description = "The shop's id"), ("product_id" = i64, Path, description = "The product")),
    responses((status = 200, body = ProductRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path((_shop, id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<ProductForm>,
) -> AppResult<Json<ProductRecord>> {
    let current = queries::records(&state.db, owner.shop_id, Some(id))
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Produk ini", Within::OwnShop))?;
    attached::check_usable(&state.db, "photo_ids", &form.photo_ids, owner.user.id, &current.form.photo_ids).await?;
    let mut tx = state.db.begin_write().await?;
    check_producer(&mut tx, owner.shop_id, form.producer_id).await?;
    if !queries::update(&mut tx, owner.shop_id, id, &form, now_ms()).await.map_err(producer_gone)? {
        return Err(AppError::StaleVersion(
            "Produk ini sudah diubah di tempat lain setelah Anda membukanya. Muat ulang halaman untuk melihat \
             perubahan itu, lalu simpan lagi perubahan Anda."
                .into(),
        ));
    }
    tx.commit().await?;
    Ok(Json(
        queries::records(&state.db, owner.shop_id, Some(id))
            .await?
            .pop()
            .ok_or_else(|| AppError::not_found("Produk ini", Within::OwnShop))?,
    ))
}

/// Deletes a listing for good (hiding keeps it); one that was ever ordered stays, so orders and the
/// sales figures keep their product.
#[utoipa::path(delete, path = api::products::RemoveListing::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ("product_id" = i64, Path, description = "The product")),
    responses((status = 204, description = "Deleted"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path((_shop, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    // Locked first, so no order placed meanwhile loses its product (see `queries::lock`).
    let mut tx = state.db.begin_write().await?;
    if !queries::lock(&mut tx, state.db.engine, owner.shop_id, id).await? {
        return Err(AppError::not_found("Produk ini", Within::OwnShop));
    }
    if queries::was_ordered(&mut tx, id).await? {
        return Err(AppError::Conflict(
            "Produk ini sudah pernah dipesan, jadi tidak dihapus agar riwayat pesanan dan angka penjualan tetap \
             utuh. Sembunyikan saja supaya tidak tampil lagi."
                .into(),
        ));
    }
    queries::delete(&mut tx, owner.shop_id, id).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
