//! The seller's side (`/jual/{shop}/pesanan`): the shop's orders with counts per status, one order with the
//! seller's moves, making those moves, and the orders of a date range as CSV.

use axum::{
    Json,
    extract::{Path, State},
    http::header,
    response::IntoResponse,
};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{
    Actor, OrderAction, OrderStatus,
    order::{Order, OrderList},
};
use utoipa::IntoParams;

use super::{
    list, moves,
    queries::{
        self, Stored,
        lists::{Filter, Owner},
    },
    timeline::Move,
};
use crate::{
    error::{AppError, AppResult, Within},
    extract::{ApiJson, ApiQuery},
    shops::owner::ShopOwner,
    state::AppState,
    time_zone::TimeZone,
};

/// Which of the shop's orders.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrderQuery {
    /// Only orders in this status (`baru`, `menunggu_bayar`, …).
    status: Option<OrderStatus>,
    /// From this local date on (`2026-11-01`).
    dari: Option<String>,
    /// Up to and including this local date.
    sampai: Option<String>,
}

impl OrderQuery {
    fn filter(&self, shop_id: i64, zone: TimeZone) -> AppResult<Filter> {
        let day = |text: &Option<String>, name: &str| -> AppResult<Option<i64>> {
            text.as_deref()
                .filter(|t| !t.is_empty())
                .map(|t| {
                    zone.day_start(t)
                        .ok_or_else(|| AppError::BadRequest(format!("{name}: tulis tanggal seperti 2026-11-30.")))
                })
                .transpose()
        };
        let from = day(&self.dari, "dari")?;
        let until = day(&self.sampai, "sampai")?.map(|start| start + 86_400_000);
        if let (Some(f), Some(u)) = (from, until)
            && f >= u
        {
            return Err(AppError::BadRequest("Tanggal \"dari\" harus sebelum atau sama dengan \"sampai\".".into()));
        }
        Ok(Filter { owner: Owner::Shop(shop_id), status: self.status, from, until })
    }
}

/// The shop's orders, newest first (at most 200), with how many stand in each status.
#[utoipa::path(get, path = api::orders::ShopOrders::PATH, tag = "orders",
    params(("id" = i64, Path, description = "The shop's id"), OrderQuery),
    responses((status = 200, body = OrderList), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    owner: ShopOwner,
    ApiQuery(query): ApiQuery<OrderQuery>,
) -> AppResult<Json<OrderList>> {
    Ok(Json(list::orders(&state.db, &query.filter(owner.shop_id, state.config.time_zone)?).await?))
}

/// The shop's order in the path, or 404 (another shop's order is not found here).
async fn shop_order(state: &AppState, owner: &ShopOwner, code: &str) -> AppResult<Stored> {
    let mut conn = state.db.pool.acquire().await?;
    queries::by_code(&mut conn, code)
        .await?
        .filter(|o| o.shop_id == owner.shop_id)
        .ok_or_else(|| AppError::not_found("Pesanan ini", Within::Anywhere))
}

async fn seen_by_seller(state: &AppState, owner: &ShopOwner, code: &str) -> AppResult<Order> {
    let order = shop_order(state, owner, code).await?;
    let mut conn = state.db.pool.acquire().await?;
    order.order(&mut conn, state, Actor::Seller).await
}

/// One of the shop's orders, with the seller's moves.
#[utoipa::path(get, path = api::orders::ShopOrder::PATH, tag = "orders",
    params(("id" = i64, Path, description = "The shop's id"), ("code" = String, Path, description = "The order code")),
    responses((status = 200, body = Order), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn show(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, code)): Path<(i64, String)>,
) -> AppResult<Json<Order>> {
    Ok(Json(seen_by_seller(&state, &owner, &code).await?))
}

/// The seller moves the order: accept (naming the delivery fee when they quote it), reject, accept or
/// reject a payment, ship (with a tracking number), ready for pickup, cancel with a reason.
#[utoipa::path(post, path = api::orders::SellerAction::PATH, tag = "orders", request_body = OrderAction,
    params(("id" = i64, Path, description = "The shop's id"), ("code" = String, Path, description = "The order code")),
    responses((status = 200, body = Order), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn act(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, code)): Path<(i64, String)>,
    ApiJson(action): ApiJson<OrderAction>,
) -> AppResult<Json<Order>> {
    let order = shop_order(&state, &owner, &code).await?;
    let who = Move { actor: Actor::Seller, actor_id: Some(owner.user.id), actor_name: order.shop_name.clone() };
    moves::apply(&state, &code, &action, &who, None).await?;
    Ok(Json(seen_by_seller(&state, &owner, &code).await?))
}

/// The shop's orders of a date range as a CSV file (UTF-8 with BOM; one row per order).
#[utoipa::path(get, path = api::orders::ExportCsv::PATH, tag = "orders",
    params(("id" = i64, Path, description = "The shop's id"), OrderQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn export(
    State(state): State<AppState>,
    owner: ShopOwner,
    ApiQuery(query): ApiQuery<OrderQuery>,
) -> AppResult<impl IntoResponse> {
    let body =
        list::csv(&state.db, &query.filter(owner.shop_id, state.config.time_zone)?, state.config.time_zone).await?;
    let name = format!(
        "pesanan-toko-{}-{}-{}.csv",
        owner.shop_id,
        query.dari.as_deref().unwrap_or("awal"),
        query.sampai.as_deref().unwrap_or("kini")
    );
    let name: String = name.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.')).collect();
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    ))
}
