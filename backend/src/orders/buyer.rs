//! The buyer's side of an order: the tracking page's data, cancelling before the seller accepts,
//! confirming receipt, and a signed-in buyer's order history (receipt photos: `receipts.rs`). A guest
//! proves an order is theirs with its code and WhatsApp number (`X-Buyer-Phone`); wrong pairs are limited
//! per client address.

use axum::{
    Json,
    extract::{FromRequestParts, Path, State},
    http::request::Parts,
};
use shared::api::{self, Endpoint};
use shared::{
    Actor, OrderAction, Phone,
    order::{BUYER_PHONE_HEADER, Order, OrderList},
};

use super::{
    guest, list, moves,
    queries::{
        self, Stored,
        lists::{Filter, Owner},
    },
    timeline::Move,
};
use crate::{
    auth::{CurrentUser, limits::client_address},
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    rate_limit,
    state::AppState,
};

/// The buyer of the order in the path (`{code}`): its signed-in buyer, or anyone with its phone number.
pub struct OrderBuyer {
    pub order: Stored,
    pub user: Option<CurrentUser>,
}

impl FromRequestParts<AppState> for OrderBuyer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let user = <CurrentUser as axum::extract::OptionalFromRequestParts<AppState>>::from_request_parts(parts, state)
            .await?;
        let Path(code) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::not_found("Pesanan ini", Within::Anywhere))?;
        let phone = parts.headers.get(BUYER_PHONE_HEADER).and_then(|v| v.to_str().ok()).map(Phone::parse);
        let order = queries::by_code(&mut *state.db.pool.acquire().await?, &code).await?;
        let order = match order {
            Some(o) if user.as_ref().is_some_and(|u| o.buyer_id == Some(u.id)) => {
                return Ok(OrderBuyer { order: o, user });
            }
            other => other,
        };
        let Some(phone) = phone else {
            return Err(match user {
                Some(_) => AppError::Forbidden(
                    "Pesanan ini bukan milik akun Anda. Masukkan nomor WhatsApp yang dipakai saat memesan.".into(),
                ),
                None => AppError::Unauthorized,
            });
        };
        // A code with a number is a guess: counted before it is checked (429 once the address has guessed
        // wrong too often, even when this one is right), and forgotten when it is right.
        let guess = guest::count_lookup(state, &client_address(parts, &state.config)).await?;
        match (order, phone) {
            (Some(o), Ok(p)) if p == o.buyer_phone => {
                rate_limit::give_back(&state.db, guess).await?;
                Ok(OrderBuyer { order: o, user })
            }
            _ => Err(AppError::NotFound(
                "Pesanan dengan kode dan nomor WhatsApp ini tidak ditemukan. Periksa keduanya.".into(),
            )),
        }
    }
}

impl OrderBuyer {
    pub(super) fn who(&self) -> Move {
        Move {
            actor: Actor::Buyer,
            actor_id: self.user.as_ref().map(|u| u.id),
            actor_name: self.order.buyer_name.clone(),
        }
    }

    pub(super) async fn reloaded(&self, state: &AppState) -> AppResult<Order> {
        let mut conn = state.db.pool.acquire().await?;
        let order = queries::by_code(&mut conn, &self.order.code)
            .await?
            .ok_or_else(|| AppError::not_found("Pesanan ini", Within::Anywhere))?;
        order.order(&mut conn, state, Actor::Buyer).await
    }
}

/// An order as its buyer sees it, with the moves they may make.
#[utoipa::path(get, path = api::orders::Order::PATH, tag = "orders",
    params(("code" = String, Path, description = "The order code, `LD-…`"),
        ("X-Buyer-Phone" = Option<String>, Header, description = "For guests: the order's WhatsApp number")),
    responses((status = 200, body = Order), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn show(State(state): State<AppState>, buyer: OrderBuyer) -> AppResult<Json<Order>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(buyer.order.order(&mut conn, &state, Actor::Buyer).await?))
}

/// The buyer moves their order: `batal` (before the seller accepts) or `selesai` (goods received).
#[utoipa::path(post, path = api::orders::BuyerAction::PATH, tag = "orders", request_body = OrderAction,
    params(("code" = String, Path, description = "The order code"),
        ("X-Buyer-Phone" = Option<String>, Header, description = "For guests: the order's WhatsApp number")),
    responses((status = 200, body = Order), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem),
        (status = 429, body = shared::Problem)))]
pub async fn act(
    State(state): State<AppState>,
    buyer: OrderBuyer,
    ApiJson(action): ApiJson<OrderAction>,
) -> AppResult<Json<Order>> {
    moves::apply(&state, &buyer.order.code, &action, &buyer.who(), None).await?;
    Ok(Json(buyer.reloaded(&state).await?))
}

/// The signed-in buyer's orders, newest first, with counts per status.
#[utoipa::path(get, path = api::orders::Mine::PATH, tag = "orders",
    responses((status = 200, body = OrderList), (status = 401, body = shared::Problem)))]
pub async fn mine(State(state): State<AppState>, user: CurrentUser) -> AppResult<Json<OrderList>> {
    let filter = Filter { owner: Owner::Buyer(user.id), status: None, from: None, until: None };
    Ok(Json(list::orders(&state.db, &filter).await?))
}
