//! The seller's side of a complaint on one of their shop's orders: agreeing with a settlement, disagreeing
//! with a reason (the village admin then decides), confirming goods sent back arrived, reshipping.

use axum::{
    Json,
    extract::{Path, State},
};
use shared::api::{self, Endpoint};
use shared::{
    complaint::Complaint,
    complaint_flow::{ComplaintAction, ComplaintActor},
};

use super::{
    Find,
    steps::{self, Step},
};
use crate::{
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ValidJson,
    orders::queries::{self as orders, Stored},
    shops::owner::ShopOwner,
    state::AppState,
};

/// The shop's order in the path, or 404 (another shop's order is not found here).
pub async fn shop_order(state: &AppState, owner: &ShopOwner, code: &str) -> AppResult<Stored> {
    orders::by_code(&mut *state.db.pool.acquire().await?, code)
        .await?
        .filter(|o| o.shop_id == owner.shop_id)
        .ok_or_else(|| AppError::not_found("Pesanan ini", Within::Anywhere))
}

/// The seller as a complaint's step names them: by their shop.
pub fn who(owner: &ShopOwner, order: &Stored) -> Step {
    Step { actor: ComplaintActor::Seller, actor_id: Some(owner.user.id), actor_name: order.shop_name.clone() }
}

/// The seller's moves on the order's complaint: `setuju` (with a settlement), `tidak_setuju` (with a
/// reason), `retur_diterima`, `kirim_ganti`.
#[utoipa::path(post, path = api::complaints::SellerMove::PATH, tag = "orders", request_body = ComplaintAction,
    params(("id" = i64, Path, description = "The shop's id"), ("code" = String, Path, description = "The order code")),
    responses((status = 200, body = Complaint), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn act(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, code)): Path<(i64, String)>,
    ValidJson(action): ValidJson<ComplaintAction>,
) -> AppResult<Json<Complaint>> {
    let order = shop_order(&state, &owner, &code).await?;
    let complaint = super::apply(&state, Find::Order(order.id), &action, &who(&owner, &order), None).await?;
    Ok(Json(steps::view(&state.db, &complaint, ComplaintActor::Seller, now_ms()).await?))
}
