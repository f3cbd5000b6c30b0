//! A shop's settings as its owner keeps them: name, description, WhatsApp, logo, pickup address, bank
//! accounts, QRIS, delivery options, holidays and the most units one order may take; a stale save is refused.

use axum::{Json, extract::State};
use shared::{DeliveryOptions, Enterprise, EnterpriseKind, Image, Phone, ShopSettings, ShopSettingsRecord};
use sqlx::{Row, any::AnyRow};

use super::owner::{OpenShopOwner, ShopOwner};
use crate::{
    accounts::queries::shop_status,
    catalog::index,
    db::{Db, flag, now_ms},
    error::{AppError, AppResult},
    extract::ApiJson,
    images::{self, attached},
    state::AppState,
};

async fn image(db: &Db, id: Option<i64>) -> anyhow::Result<Option<Image>> {
    let Some(id) = id else { return Ok(None) };
    let variants: Option<String> =
        sqlx::query_scalar("SELECT variants FROM images WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    variants.map(|v| images::stored(id, &v)).transpose()
}

/// The enterprise in `e_slug`, `e_name`, `e_kind`, `e_description` of a shop row.
pub fn enterprise(r: &AnyRow) -> anyhow::Result<Option<Enterprise>> {
    let Some(slug) = r.try_get::<Option<String>, _>("e_slug")? else { return Ok(None) };
    let kind: String = r.try_get("e_kind")?;
    Ok(Some(Enterprise {
        slug,
        name: r.try_get("e_name")?,
        kind: EnterpriseKind::from_code(&kind).ok_or_else(|| anyhow::anyhow!("kind {kind}"))?,
        description: r.try_get("e_description")?,
    }))
}

/// Reads a shop's settings.
pub async fn load(db: &Db, shop_id: i64) -> anyhow::Result<ShopSettingsRecord> {
    let r = sqlx::query(
        "SELECT s.id, s.slug, s.name, s.description, s.whatsapp, s.logo_id, s.pickup_address, s.bank_accounts, \
            s.qris_id, s.delivery, s.on_holiday, s.holiday_note, s.order_quantity_max, s.version, s.status, s.status_reason, \
            v.slug AS village_slug, v.name AS village_name, e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, \
            e.description AS e_description \
         FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.id = $1",
    )
    .bind(shop_id)
    .fetch_one(&db.pool)
    .await?;
    let whatsapp: String = r.try_get("whatsapp")?;
    let (logo_id, qris_id) = (r.try_get("logo_id")?, r.try_get("qris_id")?);
    Ok(ShopSettingsRecord {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        settings: ShopSettings {
            version: r.try_get("version")?,
            name: r.try_get("name")?,
            description: r.try_get("description")?,
            whatsapp: Phone::parse(&whatsapp).map(|p| p.display()).unwrap_or(whatsapp),
            logo_id,
            pickup_address: r.try_get("pickup_address")?,
            bank_accounts: serde_json::from_str(&r.try_get::<String, _>("bank_accounts")?)?,
            qris_id,
            delivery: delivery(&r)?,
            on_holiday: flag(&r, "on_holiday")?,
            holiday_note: r.try_get("holiday_note")?,
            order_quantity_max: r.try_get("order_quantity_max")?,
        },
        logo: image(db, logo_id).await?,
        qris: image(db, qris_id).await?,
        status: shop_status(&r)?,
        status_reason: r.try_get("status_reason")?,
        enterprise: enterprise(&r)?,
        village_slug: r.try_get("village_slug")?,
        village_name: r.try_get("village_name")?,
    })
}

/// The `delivery` column of a shop row.
pub fn delivery(r: &AnyRow) -> anyhow::Result<DeliveryOptions> {
    Ok(serde_json::from_str(&r.try_get::<String, _>("delivery")?)?)
}

/// The shop's settings, whatever its status (the owner reads why it is pending or suspended).
#[utoipa::path(get, path = "/api/v1/shops/{id}/settings", tag = "shops",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopSettingsRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn get(State(state): State<AppState>, owner: ShopOwner) -> AppResult<Json<ShopSettingsRecord>> {
    Ok(Json(load(&state.db, owner.shop_id).await?))
}

/// Saves the settings of an active shop; 409 when they were saved since `version` was loaded.
#[utoipa::path(put, path = "/api/v1/shops/{id}/settings", tag = "shops", request_body = ShopSettings,
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = ShopSettingsRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn put(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    ApiJson(form): ApiJson<ShopSettings>,
) -> AppResult<Json<ShopSettingsRecord>> {
    AppError::check(form.validate())?;
    let current = load(&state.db, owner.shop_id).await?;
    let (user, kept) = (owner.user.id, [current.settings.logo_id, current.settings.qris_id]);
    let kept: Vec<i64> = kept.into_iter().flatten().collect();
    attached::check_usable(&state.db, "logo_id", &form.logo_id.into_iter().collect::<Vec<_>>(), user, &kept).await?;
    attached::check_usable(&state.db, "qris_id", &form.qris_id.into_iter().collect::<Vec<_>>(), user, &kept).await?;
    let whatsapp = Phone::parse(&form.whatsapp).map_err(|e| AppError::field("whatsapp", e.to_string()))?;
    let accounts = serde_json::to_string(&form.bank_accounts).map_err(anyhow::Error::from)?;
    let delivery = serde_json::to_string(&form.delivery).map_err(anyhow::Error::from)?;
    let mut tx = state.db.begin_write().await?;
    let saved = sqlx::query(
        "UPDATE shops SET name = $1, description = $2, whatsapp = $3, logo_id = $4, pickup_address = $5, \
            bank_accounts = $6, qris_id = $7, delivery = $8, on_holiday = $9, holiday_note = $10, updated_at = $11, \
            order_quantity_max = $12, version = version + 1 \
         WHERE id = $13 AND version = $14",
    )
    .bind(form.name.trim())
    .bind(form.description.trim())
    .bind(whatsapp.as_str())
    .bind(form.logo_id)
    .bind(form.pickup_address.trim())
    .bind(accounts)
    .bind(form.qris_id)
    .bind(delivery)
    .bind(form.on_holiday)
    .bind(form.holiday_note.trim())
    .bind(now_ms())
    .bind(form.order_quantity_max)
    .bind(owner.shop_id)
    .bind(form.version)
    .execute(&mut *tx)
    .await?;
    if saved.rows_affected() != 1 {
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
    Ok(Json(load(&state.db, owner.shop_id).await?))
}
