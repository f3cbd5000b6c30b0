//! A user applies to open a shop in a village; a shop's owner keeps the list of its member producers.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::{
    MyShop, Phone, Producer, ShopStatus,
    shop::{NewProducer, ShopApplication},
};
use sqlx::Row;

use super::{
    owner::{OpenShopOwner, ShopOwner},
    queries::{self, NewShop},
};
use crate::{
    accounts::queries::my_shop,
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ApiJson,
    state::AppState,
};

/// Applies to open a shop; it waits for the village admin's (or district admin's) decision.
#[utoipa::path(post, path = "/api/v1/shops", tag = "shops", request_body = ShopApplication,
    responses((status = 201, body = MyShop), (status = 401, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn apply(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(form): ApiJson<ShopApplication>,
) -> AppResult<(StatusCode, Json<MyShop>)> {
    AppError::check(form.validate())?;
    let village = sqlx::query("SELECT id, slug, name FROM villages WHERE slug = $1")
        .bind(form.village.trim())
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or_else(|| AppError::field("village", "Desa ini tidak ditemukan. Pilih dari daftar."))?;
    let (village_id, village_slug, village_name): (i64, String, String) =
        (village.try_get("id")?, village.try_get("slug")?, village.try_get("name")?);
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shops WHERE owner_id = $1 AND village_id = $2 AND status IN ('pending', 'active')",
    )
    .bind(user.id)
    .bind(village_id)
    .fetch_one(&state.db.pool)
    .await?;
    if open > 0 {
        return Err(AppError::Conflict(format!(
            "Anda sudah memiliki toko atau pengajuan yang menunggu di Desa {village_name}."
        )));
    }
    let whatsapp = Phone::parse(&form.whatsapp).map_err(|e| AppError::field("whatsapp", e.to_string()))?;
    let mut tx = state.db.begin_write().await?;
    let new = NewShop {
        village_id,
        village_slug: &village_slug,
        name: &form.name,
        description: &form.description,
        whatsapp: &whatsapp,
        owner_id: Some(user.id),
        status: ShopStatus::Pending,
        is_demo: false,
    };
    let (id, _) = queries::create(&mut tx, &new, now_ms()).await?;
    tx.commit().await?;
    let row = sqlx::query(
        "SELECT s.id, s.slug, s.name, s.status, s.status_reason, s.created_at, v.id AS village_id, \
                v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code \
         FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.id = $1",
    )
    .bind(id)
    .fetch_one(&state.db.pool)
    .await?;
    Ok((StatusCode::CREATED, Json(my_shop(&row)?)))
}

/// The shop's member producers, by name.
#[utoipa::path(get, path = "/api/v1/shops/{id}/producers", tag = "shops",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = Vec<Producer>), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn producers(State(state): State<AppState>, owner: ShopOwner) -> AppResult<Json<Vec<Producer>>> {
    let rows = sqlx::query("SELECT id, name, dusun, makes FROM producers WHERE shop_id = $1 ORDER BY name, id")
        .bind(owner.shop_id)
        .fetch_all(&state.db.pool)
        .await?;
    let list = rows
        .iter()
        .map(|r| {
            Ok(Producer {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                dusun: r.try_get("dusun")?,
                makes: r.try_get("makes")?,
            })
        })
        .collect::<sqlx::Result<_>>()?;
    Ok(Json(list))
}

/// Adds a member producer (someone who makes goods the shop sells for them).
#[utoipa::path(post, path = "/api/v1/shops/{id}/producers", tag = "shops", request_body = NewProducer,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 201, body = Producer), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn add_producer(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    ApiJson(form): ApiJson<NewProducer>,
) -> AppResult<(StatusCode, Json<Producer>)> {
    AppError::check(form.validate())?;
    let (name, dusun, makes) = (form.name.trim(), form.dusun.trim(), form.makes.trim());
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO producers (shop_id, name, dusun, makes, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(owner.shop_id)
    .bind(name)
    .bind(dusun)
    .bind(makes)
    .bind(now_ms())
    .fetch_one(&state.db.pool)
    .await?;
    let producer = Producer { id, name: name.into(), dusun: dusun.into(), makes: makes.into() };
    Ok((StatusCode::CREATED, Json(producer)))
}

/// Removes a member producer of the shop.
#[utoipa::path(delete, path = "/api/v1/shops/{id}/producers/{producer_id}", tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ("producer_id" = i64, Path, description = "The producer's id")),
    responses((status = 204, description = "Removed"), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove_producer(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path(ids): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let producer_id = ids.1;
    let mut tx = state.db.begin_write().await?;
    let products: Vec<i64> = sqlx::query_scalar("SELECT id FROM products WHERE producer_id = $1 AND shop_id = $2")
        .bind(producer_id)
        .bind(owner.shop_id)
        .fetch_all(&mut *tx)
        .await?;
    let done = sqlx::query("DELETE FROM producers WHERE id = $1 AND shop_id = $2")
        .bind(producer_id)
        .bind(owner.shop_id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound("Produsen tidak ditemukan di toko ini.".into()));
    }
    // Its products no longer name it: search forgets its name for them.
    crate::catalog::index::reindex(&mut tx, &products).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
