//! Calls for accounts: the signed-in user, and a reset link's information.

use shared::{
    Me,
    account::{ResetInfo, ResetLookup},
    api::accounts::{ResetLinkInfo, Session},
};

use super::{ApiError, call, fetch_one};

/// The signed-in user, or `None` when nobody is signed in.
pub async fn me() -> Result<Option<Me>, ApiError> {
    fetch_one(Session {}).await.map(|s| s.user)
}

/// Who a reset link is for; an empty token (a link cut short) is refused without asking.
pub async fn reset_info(token: String) -> Result<ResetInfo, ApiError> {
    if token.is_empty() {
        let detail = "Tautan tidak lengkap: salin seluruh tautan dari pesan WhatsApp.".into();
        return Err(ApiError::Problem { status: 404, detail, fields: Vec::new() });
    }
    call(ResetLinkInfo {}, &ResetLookup { token }).await
}
