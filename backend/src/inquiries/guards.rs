//! Who may move an inquiry: the owner of its shop, or an admin of its village (its village admins and the
//! district admins of its region). Anyone else is told it does not exist.

use axum::{extract::FromRequestParts, http::request::Parts};

use super::queries::status;
use crate::{
    auth::{Admin, CurrentUser, guards::path_id},
    error::{AppError, AppResult, Within},
    shops::owner::ShopOwner,
    state::AppState,
};

/// The owner of the shop in the path (`{id}`) and one of its inquiries (`{inquiry_id}`).
pub struct ShopInquiry {
    pub owner: ShopOwner,
    pub inquiry_id: i64,
}

impl FromRequestParts<AppState> for ShopInquiry {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let owner = ShopOwner::from_request_parts(parts, state).await?;
        let inquiry_id = path_id(parts, state, "inquiry_id", "Permintaan").await?;
        if !status::is_shops(&state.db, inquiry_id, owner.shop_id).await? {
            return Err(AppError::not_found("Permintaan ini", Within::Anywhere));
        }
        Ok(ShopInquiry { owner, inquiry_id })
    }
}

/// An admin of the village of the inquiry in the path (`{id}`).
pub struct AdminInquiry {
    pub admin: CurrentUser,
    pub inquiry_id: i64,
}

impl FromRequestParts<AppState> for AdminInquiry {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Admin(admin) = Admin::from_request_parts(parts, state).await?;
        let inquiry_id = path_id(parts, state, "id", "Permintaan").await?;
        let (village_id, code) = status::village_of(&state.db, inquiry_id)
            .await?
            .ok_or_else(|| AppError::not_found("Permintaan ini", Within::Anywhere))?;
        if !admin.administers(village_id, &code) {
            return Err(AppError::not_found("Permintaan ini", Within::Anywhere));
        }
        Ok(AdminInquiry { admin, inquiry_id })
    }
}
