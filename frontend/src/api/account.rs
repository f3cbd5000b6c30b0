//! Calls for accounts: signing up, in and out, the user's own account, reset links and shops.

use shared::{
    Me, MyShop, Producer,
    account::{
        PasswordChange, PasswordReset, ProfileUpdate, ResetInfo, ResetLookup, SessionInfo, SessionState, SignIn, SignUp,
    },
    shop::{NewProducer, ShopApplication},
};

use super::{ApiError, BASE, Change, get, send, send_empty};

/// Nothing to send.
const NO_BODY: Option<&()> = None;

/// The signed-in user, or `None` when nobody is signed in.
pub async fn me() -> Result<Option<Me>, ApiError> {
    get::<SessionState>(&format!("{BASE}/auth/session")).await.map(|s| s.user)
}

pub async fn sign_up(form: SignUp) -> Result<Me, ApiError> {
    send(Change::Post, &format!("{BASE}/auth/sign-up"), Some(&form)).await
}

pub async fn sign_in(form: SignIn) -> Result<Me, ApiError> {
    send(Change::Post, &format!("{BASE}/auth/sign-in"), Some(&form)).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    send_empty(Change::Post, &format!("{BASE}/auth/sign-out"), NO_BODY).await
}

pub async fn reset_info(token: String) -> Result<ResetInfo, ApiError> {
    if token.is_empty() {
        let detail = "Tautan tidak lengkap: salin seluruh tautan dari pesan WhatsApp.".into();
        return Err(ApiError::Problem { status: 404, detail, fields: Vec::new() });
    }
    send(Change::Post, &format!("{BASE}/auth/reset/info"), Some(&ResetLookup { token })).await
}

pub async fn reset_password(form: PasswordReset) -> Result<Me, ApiError> {
    send(Change::Post, &format!("{BASE}/auth/reset"), Some(&form)).await
}

pub async fn update_profile(form: ProfileUpdate) -> Result<Me, ApiError> {
    send(Change::Patch, &format!("{BASE}/me"), Some(&form)).await
}

pub async fn change_password(form: PasswordChange) -> Result<(), ApiError> {
    send_empty(Change::Put, &format!("{BASE}/me/password"), Some(&form)).await
}

pub async fn sessions(_: ()) -> Result<Vec<SessionInfo>, ApiError> {
    get(&format!("{BASE}/me/sessions")).await
}

pub async fn end_session(id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/me/sessions/{id}"), NO_BODY).await
}

pub async fn sign_out_everywhere() -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/me/sessions"), NO_BODY).await
}

pub async fn apply_for_shop(form: ShopApplication) -> Result<MyShop, ApiError> {
    send(Change::Post, &format!("{BASE}/shops"), Some(&form)).await
}

pub async fn producers(shop: i64) -> Result<Vec<Producer>, ApiError> {
    get(&format!("{BASE}/shops/{shop}/producers")).await
}

pub async fn add_producer(shop: i64, form: NewProducer) -> Result<Producer, ApiError> {
    send(Change::Post, &format!("{BASE}/shops/{shop}/producers"), Some(&form)).await
}

pub async fn remove_producer(shop: i64, producer: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/shops/{shop}/producers/{producer}"), NO_BODY).await
}
