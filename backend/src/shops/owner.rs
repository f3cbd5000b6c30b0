//! Guards for a shop's own pages: its owner may read it whatever its status, and change it (settings,
//! listings, producers) only while it is active.

use axum::{extract::FromRequestParts, http::request::Parts};
use shared::ShopStatus;

use super::queries;
use crate::{
    auth::{CurrentUser, guards::path_id},
    error::{AppError, AppResult},
    state::AppState,
};

/// The owner of the shop in the path (`{id}`), whatever the shop's status.
pub struct ShopOwner {
    pub shop_id: i64,
    pub user: CurrentUser,
    pub status: ShopStatus,
    pub status_reason: Option<String>,
}

impl FromRequestParts<AppState> for ShopOwner {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        let shop_id = path_id(parts, state, "id", "Toko").await?;
        let shop = queries::ownership(&state.db, shop_id)
            .await?
            .ok_or_else(|| AppError::NotFound("Toko tidak ditemukan.".into()))?;
        if shop.owner_id != Some(user.id) {
            return Err(AppError::Forbidden("Hanya pemilik toko ini yang dapat mengelolanya.".into()));
        }
        Ok(ShopOwner { shop_id, user, status: shop.status, status_reason: shop.status_reason })
    }
}

/// The owner of the shop in the path, which is open for business (approved and not suspended); the owner
/// of a shop in any other status is told why not (403).
pub struct OpenShopOwner(pub ShopOwner);

impl FromRequestParts<AppState> for OpenShopOwner {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let owner = ShopOwner::from_request_parts(parts, state).await?;
        let why = owner.status_reason.as_deref().map(|r| format!(" Alasan: {r}")).unwrap_or_default();
        match owner.status {
            ShopStatus::Active => Ok(OpenShopOwner(owner)),
            ShopStatus::Pending => Err(AppError::Forbidden("Toko Anda belum disetujui admin desa.".into())),
            ShopStatus::Rejected => Err(AppError::Forbidden(format!("Pengajuan toko ini ditolak.{why}"))),
            ShopStatus::Suspended => Err(AppError::Forbidden(format!(
                "Toko Anda sedang ditangguhkan admin desa, jadi belum bisa diubah.{why}"
            ))),
        }
    }
}
