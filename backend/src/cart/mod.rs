//! The cart: a guest's (kept in the browser) shown as it stands now, and a signed-in buyer's (kept in
//! `cart_items`) changed item by item or merged with the guest cart at sign-in.

pub mod queries;
pub mod view;

use shared::api::{self, Endpoint};
use std::collections::HashSet;

use axum::{
    Json,
    extract::{Path, State},
};
use shared::{
    CartItem, CartView, Lang,
    cart::{CART_LINES_MAX, quantity_problem_in},
    texts::refusals as t,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    auth::CurrentUser,
    db::{Db, now_ms},
    error::{AppError, AppResult},
    extract::{ApiJson, PageLang, ValidJson},
    state::AppState,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(guest_view))
        .routes(routes!(get_cart))
        .routes(routes!(put_item, remove_item))
        .routes(routes!(merge))
}

fn not_sold(lang: Lang) -> AppError {
    AppError::NotFound(t::not_sold(lang).into())
}

/// The product id in the address; anything else names no product.
fn product_id(text: &str, lang: Lang) -> AppResult<i64> {
    text.parse().map_err(|_| not_sold(lang))
}

/// The user's cart as it stands now; products no longer sold leave it (and are listed as gone).
async fn user_view(db: &Db, user_id: i64) -> AppResult<Json<CartView>> {
    let mut conn = db.pool.acquire().await?;
    let items = queries::items(&mut conn, user_id).await?;
    let view = view::view(&mut conn, &items).await?;
    queries::remove(&mut conn, user_id, &view.gone).await?;
    Ok(Json(view))
}

/// A guest's cart as it stands now: today's prices and stock, grouped by shop. Writes nothing.
#[utoipa::path(post, path = api::cart::GuestCart::PATH, tag = "orders", request_body = Vec<CartItem>,
    responses((status = 200, body = CartView), (status = 400, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn guest_view(
    State(state): State<AppState>,
    ValidJson(items): ValidJson<Vec<CartItem>>,
) -> AppResult<Json<CartView>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(view::view(&mut conn, &items).await?))
}

/// The signed-in buyer's cart.
#[utoipa::path(get, path = api::cart::MyCart::PATH, tag = "orders",
    responses((status = 200, body = CartView), (status = 401, body = shared::Problem)))]
pub async fn get_cart(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<CartView>> {
    user_view(&state.db, user.id).await
}

/// Puts a product in the cart or changes its quantity; 422 when the quantity breaks its stock or
/// minimum order.
#[utoipa::path(put, path = api::cart::SetItem::PATH, tag = "orders", request_body = CartItem,
    params(("product_id" = i64, Path, description = "The product"),
        ("Accept-Language" = Option<String>, Header, description = "`en` for refusals in English")),
    responses((status = 200, body = CartView), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn put_item(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    PageLang(lang): PageLang,
    ApiJson(item): ApiJson<CartItem>,
) -> AppResult<Json<CartView>> {
    let id = product_id(&id, lang)?;
    if item.product_id != id {
        return Err(AppError::field("product_id", t::product_mismatch(lang)));
    }
    let mut tx = state.db.begin_write().await?;
    let found = queries::listed(&mut tx, &[id]).await?;
    let product = found.get(&id).ok_or_else(|| not_sold(lang))?;
    if let Some(problem) = quantity_problem_in(lang, item.quantity, product.summary.stock, product.min_order) {
        return Err(AppError::field("quantity", problem));
    }
    let held = queries::items(&mut tx, user.id).await?;
    if !held.iter().any(|i| i.product_id == id) && held.len() >= CART_LINES_MAX {
        return Err(AppError::field("product_id", t::cart_full(lang, CART_LINES_MAX)));
    }
    queries::put(&mut tx, user.id, &item, now_ms()).await?;
    tx.commit().await?;
    user_view(&state.db, user.id).await
}

/// Takes a product out of the cart (nothing happens when it is not there).
#[utoipa::path(delete, path = api::cart::RemoveItem::PATH, tag = "orders",
    params(("product_id" = i64, Path, description = "The product"),
        ("Accept-Language" = Option<String>, Header, description = "`en` for refusals in English")),
    responses((status = 200, body = CartView), (status = 401, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn remove_item(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    PageLang(lang): PageLang,
) -> AppResult<Json<CartView>> {
    let id = product_id(&id, lang)?;
    let mut conn = state.db.pool.acquire().await?;
    queries::remove(&mut conn, user.id, &[id]).await?;
    drop(conn);
    user_view(&state.db, user.id).await
}

/// Adds a guest cart at sign-in: per product the larger of the two quantities, capped at its stock;
/// products no longer sold are skipped.
#[utoipa::path(post, path = api::cart::Merge::PATH, tag = "orders", request_body = Vec<CartItem>,
    responses((status = 200, body = CartView), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn merge(
    State(state): State<AppState>,
    user: CurrentUser,
    ValidJson(items): ValidJson<Vec<CartItem>>,
) -> AppResult<Json<CartView>> {
    let mut tx = state.db.begin_write().await?;
    let held = queries::items(&mut tx, user.id).await?;
    let ids: Vec<i64> = items.iter().map(|i| i.product_id).collect();
    let found = queries::listed(&mut tx, &ids).await?;
    let mut lines = held.len();
    let mut seen = HashSet::new();
    let now = now_ms();
    for (i, item) in items.iter().enumerate().filter(|(_, item)| seen.insert(item.product_id)) {
        let Some(product) = found.get(&item.product_id) else { continue };
        let current = held.iter().find(|h| h.product_id == item.product_id).map(|h| h.quantity);
        let quantity = current.unwrap_or(0).max(item.quantity).min(product.summary.stock);
        if quantity < 1 || (current.is_none() && lines >= CART_LINES_MAX) {
            continue;
        }
        lines += usize::from(current.is_none());
        // A millisecond apart, so the guest's items keep their order after the ones already held.
        let added = now + i64::try_from(i).unwrap_or_default();
        queries::put(&mut tx, user.id, &CartItem { product_id: item.product_id, quantity }, added).await?;
    }
    tx.commit().await?;
    user_view(&state.db, user.id).await
}
