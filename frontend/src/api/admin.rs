//! Calls of the admin area: villages and their admins, district admins, shop applications, users
//! and the audit log.

use shared::{
    AdminAssigned, AdminVillage, Album, AlbumForm, AuditEntry, DistrictAdminView, EnterpriseForm, EnterpriseRecord,
    FlagshipForm, FlagshipRecord, GalleryPhoto, Idm, NewAdmin, NewVillage, NewsForm, NewsRecord, Official,
    OfficialForm, Page, PhotoForm, ProfileForm, ResetLink, ShopApplicationView, ShopStatus, UserRef, idm::IdmEntry,
    shop::Rejection,
};

use super::{ApiError, BASE, Change, get, query_value, send, send_empty};

const NO_BODY: Option<&()> = None;

pub async fn villages(_: ()) -> Result<Vec<AdminVillage>, ApiError> {
    get(&format!("{BASE}/admin/villages")).await
}

pub async fn create_village(code: String) -> Result<AdminVillage, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/villages"), Some(&NewVillage { code })).await
}

pub async fn add_village_admin(village: i64, form: NewAdmin) -> Result<AdminAssigned, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/villages/{village}/admins"), Some(&form)).await
}

pub async fn profile(village: i64) -> Result<ProfileForm, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/profile")).await
}

pub async fn save_profile(village: i64, form: ProfileForm) -> Result<ProfileForm, ApiError> {
    send(Change::Put, &format!("{BASE}/admin/villages/{village}/profile"), Some(&form)).await
}

pub async fn officials(village: i64) -> Result<Vec<Official>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/officials")).await
}

pub async fn add_official(village: i64, form: OfficialForm) -> Result<Official, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/villages/{village}/officials"), Some(&form)).await
}

pub async fn save_official(village: i64, official: i64, form: OfficialForm) -> Result<Official, ApiError> {
    send(Change::Put, &format!("{BASE}/admin/villages/{village}/officials/{official}"), Some(&form)).await
}

pub async fn remove_official(village: i64, official: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/villages/{village}/officials/{official}"), NO_BODY).await
}

pub async fn idm(village: i64) -> Result<Vec<Idm>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/idm")).await
}

pub async fn save_idm(village: i64, year: i32, score: f64) -> Result<Vec<Idm>, ApiError> {
    send(Change::Put, &format!("{BASE}/admin/villages/{village}/idm/{year}"), Some(&IdmEntry { score })).await
}

pub async fn remove_idm(village: i64, year: i32) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/villages/{village}/idm/{year}"), NO_BODY).await
}

pub async fn district_admins(_: ()) -> Result<Vec<DistrictAdminView>, ApiError> {
    get(&format!("{BASE}/admin/district-admins")).await
}

pub async fn add_district_admin(form: NewAdmin) -> Result<AdminAssigned, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/district-admins"), Some(&form)).await
}

pub async fn revoke(grant: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/grants/{grant}"), NO_BODY).await
}

pub async fn applications(status: ShopStatus) -> Result<Vec<ShopApplicationView>, ApiError> {
    get(&format!("{BASE}/admin/shop-applications?status={}", status.code())).await
}

pub async fn approve(shop: i64) -> Result<ShopApplicationView, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/shop-applications/{shop}/approve"), NO_BODY).await
}

pub async fn reject(shop: i64, reason: String) -> Result<ShopApplicationView, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/shop-applications/{shop}/reject"), Some(&Rejection { reason })).await
}

pub async fn users(q: String) -> Result<Vec<UserRef>, ApiError> {
    get(&format!("{BASE}/admin/users?q={}", query_value(&q))).await
}

pub async fn reset_link(user: i64) -> Result<ResetLink, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/users/{user}/reset-link"), NO_BODY).await
}

pub async fn audit(page: u32) -> Result<Page<AuditEntry>, ApiError> {
    get(&format!("{BASE}/admin/audit?page={page}")).await
}

pub async fn flagship(village: i64) -> Result<FlagshipRecord, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/flagship")).await
}

pub async fn save_flagship(village: i64, form: FlagshipForm) -> Result<FlagshipRecord, ApiError> {
    send(Change::Put, &format!("{BASE}/admin/villages/{village}/flagship"), Some(&form)).await
}

pub async fn enterprises(village: i64) -> Result<Vec<EnterpriseRecord>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/enterprises")).await
}

/// Adds an enterprise (`id` none) or changes one.
pub async fn save_enterprise(
    village: i64,
    id: Option<i64>,
    form: EnterpriseForm,
) -> Result<EnterpriseRecord, ApiError> {
    match id {
        None => send(Change::Post, &format!("{BASE}/admin/villages/{village}/enterprises"), Some(&form)).await,
        Some(id) => send(Change::Put, &format!("{BASE}/admin/villages/{village}/enterprises/{id}"), Some(&form)).await,
    }
}

pub async fn remove_enterprise(village: i64, id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/villages/{village}/enterprises/{id}"), NO_BODY).await
}

pub async fn news(village: i64) -> Result<Vec<NewsRecord>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/news")).await
}

/// Writes a news item (`id` none) or changes one.
pub async fn save_news(village: i64, id: Option<i64>, form: NewsForm) -> Result<NewsRecord, ApiError> {
    match id {
        None => send(Change::Post, &format!("{BASE}/admin/villages/{village}/news"), Some(&form)).await,
        Some(id) => send(Change::Put, &format!("{BASE}/admin/villages/{village}/news/{id}"), Some(&form)).await,
    }
}

pub async fn remove_news(village: i64, id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/villages/{village}/news/{id}"), NO_BODY).await
}

pub async fn albums(village: i64) -> Result<Vec<Album>, ApiError> {
    get(&format!("{BASE}/admin/villages/{village}/albums")).await
}

/// Creates an album (`id` none) or changes one.
pub async fn save_album(village: i64, id: Option<i64>, form: AlbumForm) -> Result<Album, ApiError> {
    match id {
        None => send(Change::Post, &format!("{BASE}/admin/villages/{village}/albums"), Some(&form)).await,
        Some(id) => send(Change::Put, &format!("{BASE}/admin/villages/{village}/albums/{id}"), Some(&form)).await,
    }
}

pub async fn remove_album(village: i64, id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/villages/{village}/albums/{id}"), NO_BODY).await
}

pub async fn add_photo(village: i64, album: i64, form: PhotoForm) -> Result<GalleryPhoto, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/villages/{village}/albums/{album}/photos"), Some(&form)).await
}

pub async fn save_photo(village: i64, album: i64, photo: i64, form: PhotoForm) -> Result<GalleryPhoto, ApiError> {
    send(Change::Put, &format!("{BASE}/admin/villages/{village}/albums/{album}/photos/{photo}"), Some(&form)).await
}

pub async fn remove_photo(village: i64, album: i64, photo: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/villages/{village}/albums/{album}/photos/{photo}"), NO_BODY).await
}
