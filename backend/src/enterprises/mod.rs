//! Village enterprises (BUMDes, koperasi, sentra IKM, kelompok tani/nelayan, UMKM): kept by the village's
//! admins, each with its own page at `/lembaga/{slug}`.

mod admin;
pub mod queries;

use axum::{
    Json,
    extract::{Path, State},
};
use shared::EnterpriseDetail;
use shared::api::{self, Endpoint};
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    db::Db,
    error::{AppError, AppResult},
    images::queries::PhotoList,
    state::AppState,
};

/// An enterprise's photos, in order.
pub const PHOTOS: PhotoList = PhotoList { table: "enterprise_photos", owner: "enterprise_id" };

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(enterprise))
        .routes(routes!(admin::list, admin::create))
        .routes(routes!(admin::update, admin::remove))
}

/// An enterprise's public page: its story, contact, photos, the flagship product it makes and its products.
#[utoipa::path(get, path = api::enterprises::Enterprise::PATH, tag = "villages",
    params(("slug" = String, Path, description = "The enterprise's slug")),
    responses((status = 200, body = EnterpriseDetail), (status = 404, body = shared::Problem)))]
pub async fn enterprise(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Json<EnterpriseDetail>> {
    Ok(Json(public_page(&state.db, &slug).await?))
}

/// What an enterprise's page shows (404 for a slug no enterprise has).
pub async fn public_page(db: &Db, slug: &str) -> AppResult<EnterpriseDetail> {
    let detail = queries::detail(db, slug).await?;
    detail.ok_or_else(|| AppError::NotFound(format!("Lembaga dengan alamat \"{slug}\" tidak ditemukan.")))
}
