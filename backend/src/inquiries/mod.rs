//! Bulk and export inquiries ("permintaan partai besar / ekspor"): anyone sends one about a product, a
//! shop or a village's flagship; it reaches the shop's owner and the queue of the village's and district's
//! admins, who answer the buyer on WhatsApp and mark how it went.

mod guards;
pub mod queries;
mod send;
mod status;

use axum::{Json, extract::State, http::StatusCode};
use serde::Deserialize;
use shared::api::{self, Endpoint};
use shared::{
    Inquiry, InquiryForm, InquiryKind, InquiryList, InquirySent, InquiryStatus, PageRequest,
    inquiry::InquiryStatusChange,
};
use utoipa::IntoParams;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    auth::{Admin, CurrentUser},
    error::{AppError, AppResult},
    extract::{ApiJson, ApiQuery, ValidJson},
    shops::owner::ShopOwner,
    state::AppState,
};
use guards::{AdminInquiry, ShopInquiry};
use queries::{Filter, Reader};

/// Inquiries per page when none is asked for.
const PER_PAGE: u32 = 20;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(shop_list))
        .routes(routes!(shop_status))
        .routes(routes!(admin_list))
        .routes(routes!(admin_status))
}

/// Which inquiries of a list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InquiryQuery {
    /// Only in this status (`baru`, `dihubungi`, `selesai`, `batal`).
    status: Option<InquiryStatus>,
    /// Only of this kind (`partai_besar`, `ekspor`).
    kind: Option<InquiryKind>,
    /// Only of this village (admins).
    village: Option<i64>,
    /// 1-based page number.
    page: Option<u32>,
    /// At most 50.
    per_page: Option<u32>,
}

impl InquiryQuery {
    fn page(&self) -> AppResult<PageRequest> {
        PageRequest::new(self.page, Some(self.per_page.unwrap_or(PER_PAGE)))
            .map_err(|m| AppError::BadRequest(format!("Parameter tidak sah: {m}.")))
    }

    fn filter(&self, scope: String) -> Filter {
        Filter { scope, status: self.status, kind: self.kind, village_id: self.village }
    }
}

/// Sends an inquiry (guests too). Exactly one of `product_id`, `shop_id` and `village` says what it is
/// about; a hidden product or a closed shop is not found (404). The same inquiry again within a minute is
/// refused (409), and so is a flood from one number (429).
#[utoipa::path(post, path = api::inquiries::Send::PATH, tag = "shops", request_body = InquiryForm,
    responses((status = 201, body = InquirySent), (status = 400, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem), (status = 429, body = shared::Problem)))]
pub async fn create(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ApiJson(form): ApiJson<InquiryForm>,
) -> AppResult<(StatusCode, Json<InquirySent>)> {
    Ok((StatusCode::CREATED, Json(send::send(&state, user.as_ref(), form).await?)))
}

/// The shop's inquiries, newest first, with how many stand in each status (its owner only).
#[utoipa::path(get, path = api::inquiries::ShopInquiries::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), InquiryQuery),
    responses((status = 200, body = InquiryList), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn shop_list(
    State(state): State<AppState>,
    owner: ShopOwner,
    ApiQuery(query): ApiQuery<InquiryQuery>,
) -> AppResult<Json<InquiryList>> {
    let filter = query.filter(format!("i.shop_id = {}", owner.shop_id));
    Ok(Json(queries::list(&state.db, &filter, query.page()?, Reader::Seller).await?))
}

/// The shop's owner marks one of its inquiries contacted, done or cancelled; another shop's is not found.
#[utoipa::path(post, path = api::inquiries::ShopStatus::PATH, tag = "shops",
    request_body = InquiryStatusChange,
    params(("id" = i64, Path, description = "The shop's id"), ("inquiry_id" = i64, Path, description = "The inquiry")),
    responses((status = 200, body = Inquiry), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn shop_status(
    State(state): State<AppState>,
    ShopInquiry { owner, inquiry_id }: ShopInquiry,
    ValidJson(change): ValidJson<InquiryStatusChange>,
) -> AppResult<Json<Inquiry>> {
    let by = status::Actor::Seller { user: &owner.user };
    status::change(&state, inquiry_id, &change, by).await?;
    Ok(Json(queries::one(&state.db, inquiry_id, Reader::Seller).await?))
}

/// The queue of inquiries in the admin's villages (a village admin's own, a district admin's region),
/// filtered by status, kind and village, newest first.
#[utoipa::path(get, path = api::inquiries::VillageInquiries::PATH, tag = "admin", params(InquiryQuery),
    responses((status = 200, body = InquiryList), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem)))]
pub async fn admin_list(
    State(state): State<AppState>,
    Admin(admin): Admin,
    ApiQuery(query): ApiQuery<InquiryQuery>,
) -> AppResult<Json<InquiryList>> {
    let filter = query.filter(admin.village_condition("v"));
    Ok(Json(queries::list(&state.db, &filter, query.page()?, Reader::Admin).await?))
}

/// An admin of the inquiry's village marks it contacted, done or cancelled; outside their villages it is
/// not found.
#[utoipa::path(post, path = api::inquiries::VillageStatus::PATH, tag = "admin", request_body = InquiryStatusChange,
    params(("id" = i64, Path, description = "The inquiry")),
    responses((status = 200, body = Inquiry), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem)))]
pub async fn admin_status(
    State(state): State<AppState>,
    AdminInquiry { admin, inquiry_id }: AdminInquiry,
    ValidJson(change): ValidJson<InquiryStatusChange>,
) -> AppResult<Json<Inquiry>> {
    status::change(&state, inquiry_id, &change, status::Actor::Admin(&admin)).await?;
    Ok(Json(queries::one(&state.db, inquiry_id, Reader::Admin).await?))
}
