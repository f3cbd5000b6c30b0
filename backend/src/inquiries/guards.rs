//! Who may move an inquiry: the owner of its shop, or an admin of its village (its village admins and the
//! district admins of its region). Anyone else is told it does not exist.

use axum::{extract::FromRequestParts, http::request::Parts};
use shared::RegionCode;
use sqlx::Row;

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
        let theirs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM inquiries WHERE id = $1 AND shop_id = $2")
            .bind(inquiry_id)
            .bind(owner.shop_id)
            .fetch_one(&state.db.pool)
            .await?;
        if theirs == 0 {
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
        let row = sqlx::query(
            "SELECT i.village_id, v.region_code FROM inquiries i JOIN villages v ON v.id = i.village_id WHERE i.id = $1",
        )
        .bind(inquiry_id)
        .fetch_optional(&state.db.pool)
        .await?
        .ok_or_else(|| AppError::not_found("Permintaan ini", Within::Anywhere))?;
        let code: String = row.try_get("region_code")?;
        let code = RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("village code {code}: {e}"))?;
        if !admin.administers(row.try_get("village_id")?, &code) {
            return Err(AppError::not_found("Permintaan ini", Within::Anywhere));
        }
        Ok(AdminInquiry { admin, inquiry_id })
    }
}
