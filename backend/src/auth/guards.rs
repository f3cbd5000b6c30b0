//! Role guards: a handler that takes one of these cannot run unless the user holds the role.

use axum::{extract::FromRequestParts, http::request::Parts};

use super::CurrentUser;
use crate::{
    error::{AppError, Within},
    state::AppState,
};

/// A village admin or a district admin (anyone with a grant).
pub struct Admin(pub CurrentUser);

/// A district admin of at least one region.
pub struct DistrictAdmin(pub CurrentUser);

impl FromRequestParts<AppState> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        if !user.is_admin() {
            return Err(AppError::Forbidden("Bagian ini khusus untuk admin desa dan admin kabupaten.".into()));
        }
        Ok(Admin(user))
    }
}

impl FromRequestParts<AppState> for DistrictAdmin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        if !user.is_district_admin() {
            return Err(AppError::Forbidden("Bagian ini khusus untuk admin kabupaten.".into()));
        }
        Ok(DistrictAdmin(user))
    }
}

/// The numeric path parameter `name` of the request (for resource guards); a malformed or missing
/// one means the resource does not exist.
pub async fn path_id(parts: &mut Parts, state: &AppState, name: &str, what: &str) -> Result<i64, AppError> {
    let params = axum::extract::RawPathParams::from_request_parts(parts, state)
        .await
        .map_err(|_| AppError::not_found(what, Within::Anywhere))?;
    params
        .iter()
        .find(|(key, _)| *key == name)
        .and_then(|(_, value)| value.parse::<i64>().ok())
        .ok_or_else(|| AppError::not_found(what, Within::Anywhere))
}
