//! A village's flagship product ("satu desa, satu produk unggulan"): its admins tell its story, add
//! photos and name the enterprise behind it; the village page and the portal show it.

mod queries;

use axum::{Json, extract::State};
use shared::api::{self, Endpoint};
use shared::{AuditAction, FlagshipForm, FlagshipRecord, Valid};
use sqlx::AnyConnection;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    admin::{
        profile::VillageAdminOrDistrict,
        versions::{self, Stamp, VersionedRecord},
        villages::VillageRow,
    },
    db::Db,
    error::{AppError, AppResult},
    extract::ValidJson,
    images::queries::PhotoList,
    state::AppState,
};

/// The flagship product's photos, in order.
const PHOTOS: PhotoList = PhotoList { table: "flagship_photos", owner: "village_id" };

/// The village's flagship product, being saved over the version it was loaded at.
struct Flagship<'a> {
    village: &'a VillageRow,
}

impl VersionedRecord for Flagship<'_> {
    type Form = FlagshipForm;
    type Record = FlagshipRecord;
    /// The photos it has.
    type Checked = Vec<i64>;
    const NOUN: &'static str = "Produk unggulan";
    const TABLE: &'static str = "villages";
    const SAVED_BY: &'static str = "flagship_updated_by";
    const FILTER: &'static str = "t.id = $1";
    const SAVED: AuditAction = AuditAction::FlagshipSaved;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.village.id]
    }

    async fn check(&self, db: &Db, form: &Valid<FlagshipForm>) -> AppResult<Vec<i64>> {
        if let Some(enterprise) = form.enterprise_id
            && !queries::is_village_enterprise(db, enterprise, self.village.id).await?
        {
            return Err(AppError::field("enterprise_id", "Pilih salah satu lembaga desa ini."));
        }
        Ok(PHOTOS.ids(db, self.village.id).await?)
    }

    fn photos(form: &Valid<FlagshipForm>) -> Vec<i64> {
        form.photo_ids.clone()
    }

    fn kept_photos(kept: &Vec<i64>) -> Vec<i64> {
        kept.clone()
    }

    async fn update(
        &self,
        conn: &mut AnyConnection,
        form: &Valid<FlagshipForm>,
        _: &Vec<i64>,
        stamp: Stamp,
    ) -> AppResult<bool> {
        Ok(queries::save(conn, self.village.id, form, stamp.by, stamp.now).await?)
    }

    async fn after_update(&self, conn: &mut AnyConnection, form: &Valid<FlagshipForm>) -> AppResult<()> {
        Ok(PHOTOS.replace(conn, self.village.id, if form.is_empty() { &[] } else { &form.photo_ids }).await?)
    }

    fn subject(&self) -> String {
        format!("village:{}", self.village.id)
    }

    fn summary(&self, form: &Valid<FlagshipForm>, _: &Vec<i64>) -> String {
        if form.is_empty() {
            format!("Desa {}: tanpa produk unggulan", self.village.name)
        } else {
            format!("Desa {}: {}", self.village.name, form.name.trim())
        }
    }

    async fn reload(&self, db: &Db) -> AppResult<FlagshipRecord> {
        Ok(queries::record(db, self.village.id).await?)
    }
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(flagship, save_flagship))
}

/// The flagship product as its admins edit it, with its version.
#[utoipa::path(get, path = api::flagship::Flagship::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = FlagshipRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn flagship(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<FlagshipRecord>> {
    Ok(Json(queries::record(&state.db, guard.village.id).await?))
}

/// Saves the flagship product (an empty name removes it); 409 when someone saved it since `version`.
#[utoipa::path(put, path = api::flagship::SaveFlagship::PATH, tag = "admin", request_body = FlagshipForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = FlagshipRecord), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn save_flagship(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ValidJson(form): ValidJson<FlagshipForm>,
) -> AppResult<Json<FlagshipRecord>> {
    Ok(Json(versions::save(&state.db, &admin, &Flagship { village: &village }, &form).await?))
}
