//! The seller's side: a product's certificates, adding one (it waits for the village admin), changing one
//! (a verified one whose kind, number, expiry or photo changes waits again; a refused one waits again after
//! any change) and removing one.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use shared::Form;
use shared::api::{self, Endpoint};
use shared::certificate::{Certificate, CertificateForm, CertificateStatus};

use super::queries::{self, Vouched};
use crate::{
    db::now_ms,
    error::{AppError, AppResult, Within},
    extract::ApiJson,
    images::attached::check_usable,
    shops::owner::{OpenShopOwner, ShopOwner},
    state::AppState,
};

/// The product's certificates, whatever their status.
#[utoipa::path(get, path = api::certificates::ProductCertificates::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ("product_id" = i64, Path, description = "The product")),
    responses((status = 200, body = Vec<Certificate>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn list(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, product_id)): Path<(i64, i64)>,
) -> AppResult<Json<Vec<Certificate>>> {
    if !queries::product_of_shop(&state.db, product_id, owner.shop_id).await? {
        return Err(AppError::not_found("Produk ini", Within::OwnShop));
    }
    Ok(Json(queries::of_product(&state.db, owner.shop_id, product_id).await?))
}

/// The form checked against today's date, with its photo: one the seller uploaded, or the one it had.
async fn checked(
    state: &AppState,
    owner: &ShopOwner,
    form: CertificateForm,
    kept: Option<i64>,
) -> AppResult<(CertificateForm, i64)> {
    let form = form.parse_in(&state.db.today())?.into_inner();
    let photo = form.photo_id.ok_or_else(|| anyhow::anyhow!("a checked certificate has a photo"))?;
    check_usable(&state.db, "photo_id", &[photo], owner.user.id, kept.as_slice()).await?;
    Ok((form, photo))
}

/// Adds a certificate to the product; it waits for the village admin.
#[utoipa::path(post, path = api::certificates::AddCertificate::PATH, tag = "shops", request_body = CertificateForm,
    params(("id" = i64, Path, description = "The shop's id"), ("product_id" = i64, Path, description = "The product")),
    responses((status = 201, body = Certificate), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn add(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path((_shop, product_id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<CertificateForm>,
) -> AppResult<(StatusCode, Json<Certificate>)> {
    if !queries::product_of_shop(&state.db, product_id, owner.shop_id).await? {
        return Err(AppError::not_found("Produk ini", Within::OwnShop));
    }
    let (form, photo) = checked(&state, &owner, form, None).await?;
    let new = queries::vouched(&form, photo, CertificateStatus::Waiting.code());
    let mut tx = state.db.begin_write().await?;
    let id = queries::insert(&mut tx, product_id, &new, form.issuer.trim(), now_ms()).await?;
    tx.commit().await?;
    let certificate =
        queries::one(&state.db, id).await?.ok_or_else(|| anyhow::anyhow!("certificate {id} not read back"))?;
    Ok((StatusCode::CREATED, Json(certificate)))
}

/// The status after a change: a verified certificate keeps it only when what the admin vouched for is
/// unchanged (the issuer's name may be corrected); anything else waits for the admin again.
fn status_after(stored: &Vouched, changed: &Vouched) -> CertificateStatus {
    let same = (&stored.kind, &stored.number, &stored.expires_on, stored.photo_id)
        == (&changed.kind, &changed.number, &changed.expires_on, changed.photo_id);
    if same && stored.status == CertificateStatus::Verified.code() {
        CertificateStatus::Verified
    } else {
        CertificateStatus::Waiting
    }
}

/// Changes a certificate of the shop.
#[utoipa::path(put, path = api::certificates::UpdateCertificate::PATH, tag = "shops", request_body = CertificateForm,
    params(("id" = i64, Path, description = "The shop's id"), ("certificate_id" = i64, Path, description = "The certificate")),
    responses((status = 200, body = Certificate), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn update(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path((_shop, id)): Path<(i64, i64)>,
    ApiJson(form): ApiJson<CertificateForm>,
) -> AppResult<Json<Certificate>> {
    let missing = || AppError::not_found("Sertifikat ini", Within::OwnShop);
    let mut conn = state.db.pool.acquire().await?;
    let kept = queries::of_shop(&mut conn, id, owner.shop_id).await?.ok_or_else(missing)?.photo_id;
    drop(conn);
    let (form, photo) = checked(&state, &owner, form, Some(kept)).await?;
    let mut tx = state.db.begin_write().await?;
    // Read again inside the write: the admin may have decided meanwhile.
    let stored = queries::of_shop(&mut tx, id, owner.shop_id).await?.ok_or_else(missing)?;
    let mut changed = queries::vouched(&form, photo, "");
    changed.status = status_after(&stored, &changed).code().to_owned();
    queries::update(&mut tx, id, &changed, form.issuer.trim(), now_ms()).await?;
    tx.commit().await?;
    Ok(Json(queries::one(&state.db, id).await?.ok_or_else(missing)?))
}

/// Removes a certificate of the shop.
#[utoipa::path(delete, path = api::certificates::RemoveCertificate::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ("certificate_id" = i64, Path, description = "The certificate")),
    responses((status = 204, description = "Removed"), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn remove(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path((_shop, id)): Path<(i64, i64)>,
) -> AppResult<StatusCode> {
    let mut tx = state.db.begin_write().await?;
    if !queries::delete(&mut tx, id, owner.shop_id).await? {
        return Err(AppError::not_found("Sertifikat ini", Within::OwnShop));
    }
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vouched(number: &str, status: &str) -> Vouched {
        Vouched { kind: "halal".into(), number: number.into(), expires_on: None, photo_id: 1, status: status.into() }
    }

    #[test]
    fn only_an_unchanged_verified_certificate_stays_verified() {
        let verified = vouched("ID1", "verified");
        assert_eq!(status_after(&verified, &vouched("ID1", "")), CertificateStatus::Verified);
        assert_eq!(status_after(&verified, &vouched("ID2", "")), CertificateStatus::Waiting);
        let new_photo = Vouched { photo_id: 2, ..vouched("ID1", "") };
        assert_eq!(status_after(&verified, &new_photo), CertificateStatus::Waiting);
        assert_eq!(status_after(&vouched("ID1", "refused"), &vouched("ID1", "")), CertificateStatus::Waiting);
    }
}
