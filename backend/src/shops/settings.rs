//! A shop's settings as its owner keeps them: name, description, WhatsApp, logo, pickup address, bank
//! accounts, QRIS, delivery options, holidays and the most units one order may take; a stale save is refused.

use axum::{Json, extract::State};
use shared::api::{self, Endpoint};
use shared::{ShopSettings, ShopSettingsRecord};

use super::{
    owner::{OpenShopOwner, ShopOwner},
    queries::{self, SavedSettings},
};
use crate::{
    catalog::index,
    db::now_ms,
    error::{AppError, AppResult},
    extract::ValidJson,
    images::attached,
    state::AppState,
};

/// The shop's settings, whatever its status (the owner reads why it is pending or suspended).
#[utoipa::path(get, path = api::shops::Settings::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopSettingsRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn get(State(state): State<AppState>, owner: ShopOwner) -> AppResult<Json<ShopSettingsRecord>> {
    Ok(Json(queries::settings(&state.db, owner.shop_id).await?))
}

/// Saves the settings of an active shop; 409 when they were saved since `version` was loaded.
#[utoipa::path(put, path = api::shops::SaveSettings::PATH, tag = "shops", request_body = ShopSettings,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopSettingsRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn put(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    ValidJson(form): ValidJson<ShopSettings>,
) -> AppResult<Json<ShopSettingsRecord>> {
    let current = queries::settings(&state.db, owner.shop_id).await?;
    let (user, kept) = (owner.user.id, [current.settings.logo_id, current.settings.qris_id]);
    let kept: Vec<i64> = kept.into_iter().flatten().collect();
    attached::check_usable(&state.db, "logo_id", &form.logo_id.into_iter().collect::<Vec<_>>(), user, &kept).await?;
    attached::check_usable(&state.db, "qris_id", &form.qris_id.into_iter().collect::<Vec<_>>(), user, &kept).await?;
    let accounts = serde_json::to_string(&form.bank_accounts).map_err(anyhow::Error::from)?;
    let delivery = serde_json::to_string(&form.delivery).map_err(anyhow::Error::from)?;
    let mut tx = state.db.begin_write().await?;
    let saved = SavedSettings { form: &form, bank_accounts: accounts, delivery };
    if !queries::save_settings(&mut tx, owner.shop_id, saved, now_ms()).await? {
        return Err(AppError::StaleVersion(
            "Pengaturan toko sudah diubah di tempat lain setelah Anda membukanya. Muat ulang halaman, lalu simpan \
             lagi perubahan Anda."
                .into(),
        ));
    }
    if current.settings.name != form.name.trim() {
        index::reindex_where(&mut tx, "p.shop_id = $1", owner.shop_id).await?;
    }
    tx.commit().await?;
    Ok(Json(queries::settings(&state.db, owner.shop_id).await?))
}
