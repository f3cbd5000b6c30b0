//! Keeping a village's profile current: its admins (and the district admins of its region) read and
//! save it; a save made against an older version is refused rather than overwriting someone's work.

use axum::{
    Json,
    extract::{FromRequestParts, State},
    http::request::Parts,
};
use shared::api::{self, Endpoint};
use shared::{AuditAction, ProfileForm, Valid};
use sqlx::AnyConnection;

use super::{
    queries,
    versions::{self, Stamp, VersionedRecord},
    villages::{VillageRow, village_row},
};
use crate::{
    auth::{Admin, CurrentUser, guards::path_id},
    db::Db,
    error::{AppError, AppResult},
    extract::ValidJson,
    state::AppState,
};

/// An admin of the village in the path (`{id}`): its village admin, or a district admin whose region
/// contains it.
pub struct VillageAdminOrDistrict {
    pub admin: CurrentUser,
    pub village: VillageRow,
}

impl FromRequestParts<AppState> for VillageAdminOrDistrict {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let Admin(admin) = Admin::from_request_parts(parts, state).await?;
        let village = village_row(state, path_id(parts, state, "id", "Desa").await?).await?;
        if !admin.administers(village.id, &village.code) {
            return Err(AppError::Forbidden("Anda bukan admin desa ini.".into()));
        }
        Ok(VillageAdminOrDistrict { admin, village })
    }
}

/// The profile as its admins edit it, with its version.
#[utoipa::path(get, path = api::admin::Profile::PATH, tag = "admin",
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = ProfileForm), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn profile(State(state): State<AppState>, guard: VillageAdminOrDistrict) -> AppResult<Json<ProfileForm>> {
    Ok(Json(queries::profile(&state.db, guard.village.id).await?))
}

/// Saves the profile; 409 when someone saved it since `version` was loaded.
#[utoipa::path(put, path = api::admin::SaveProfile::PATH, tag = "admin", request_body = ProfileForm,
    params(("id" = i64, Path, description = "The village's id")),
    responses((status = 200, body = ProfileForm), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn save_profile(
    State(state): State<AppState>,
    VillageAdminOrDistrict { admin, village }: VillageAdminOrDistrict,
    ValidJson(form): ValidJson<ProfileForm>,
) -> AppResult<Json<ProfileForm>> {
    Ok(Json(versions::save(&state.db, &admin, &Profile { village: &village }, &form).await?))
}

/// The village's profile, being saved over the version it was loaded at.
struct Profile<'a> {
    village: &'a VillageRow,
}

impl VersionedRecord for Profile<'_> {
    type Form = ProfileForm;
    type Record = ProfileForm;
    type Checked = ();
    const NOUN: &'static str = "Profil";
    const TABLE: &'static str = "villages";
    const FILTER: &'static str = "t.id = $1";
    const SAVED: AuditAction = AuditAction::VillageProfileUpdated;

    fn village(&self) -> &VillageRow {
        self.village
    }

    fn keys(&self) -> Vec<i64> {
        vec![self.village.id]
    }

    async fn check(&self, _db: &Db, _form: &Valid<ProfileForm>) -> AppResult<()> {
        Ok(())
    }

    async fn update(
        &self,
        conn: &mut AnyConnection,
        form: &Valid<ProfileForm>,
        _: &(),
        stamp: Stamp,
    ) -> AppResult<bool> {
        Ok(queries::save_profile(conn, self.village.id, form, stamp.by, stamp.now).await?)
    }

    async fn after_update(&self, conn: &mut AnyConnection, form: &Valid<ProfileForm>) -> AppResult<()> {
        if self.village.name != form.name.trim() {
            // Its products are found by the village's name.
            crate::catalog::index::reindex_where(conn, "s.village_id = $1", self.village.id).await?;
        }
        Ok(())
    }

    fn subject(&self) -> String {
        format!("village:{}", self.village.id)
    }

    fn summary(&self, form: &Valid<ProfileForm>, _: &()) -> String {
        format!("Profil Desa {}", form.name.trim())
    }

    async fn reload(&self, db: &Db) -> AppResult<ProfileForm> {
        queries::profile(db, self.village.id).await
    }
}
