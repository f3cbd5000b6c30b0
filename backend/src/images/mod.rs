//! The one image pipeline every upload goes through: `POST /api/v1/images` takes a JPEG, PNG or WebP,
//! at most two are decoded at once, and the stored sizes come back with their dimensions.

pub mod attached;
#[cfg(test)]
mod corpus;
pub mod process;
pub mod queries;

use axum::{
    Json,
    body::Bytes,
    extract::{DefaultBodyLimit, FromRequestParts, State},
    http::{HeaderMap, StatusCode, header, request::Parts},
};
use shared::api::{self, Endpoint};
use shared::{Image, ImageVariant};
use tokio::sync::Semaphore;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    media::Media,
    state::AppState,
};

/// Decodes at once: a 12-megapixel photo takes about 50 MB while it is processed.
/// The folder of payment receipts.
pub const RECEIPTS: &str = "receipts";

static DECODES: Semaphore = Semaphore::const_new(2);

pub fn router(upload_limit: usize) -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(upload)).layer(DefaultBodyLimit::max(upload_limit))
}

/// A stored picture from its id and its `variants` column.
pub fn stored(id: i64, variants: &str) -> anyhow::Result<Image> {
    from_sizes(id, serde_json::from_str(variants)?)
}

/// A stored picture from its id and its sizes, in the order they are stored.
pub fn from_sizes(id: i64, sizes: Vec<ImageVariant>) -> anyhow::Result<Image> {
    let [thumb, card, full, jpeg]: [ImageVariant; 4] =
        sizes.try_into().map_err(|_| anyhow::anyhow!("image {id} lacks a size"))?;
    Ok(Image { id, thumb, card, full, jpeg })
}

/// Someone who may upload pictures: an admin, the owner of an active shop, a buyer whose order completed
/// recently enough to be reviewed (photos on a review), or one whose order is on its way (photos on a
/// complaint).
pub struct Uploader(pub CurrentUser);

impl FromRequestParts<AppState> for Uploader {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Self> {
        let user = CurrentUser::from_request_parts(parts, state).await?;
        if user.is_admin() {
            return Ok(Uploader(user));
        }
        let reviewing = || async {
            let since = crate::db::now_ms() - shared::review::REVIEW_DAYS * 24 * 60 * 60 * 1000;
            queries::reviews_open(&state.db, user.id, since).await
        };
        if !queries::owns_open_shop(&state.db, user.id).await?
            && !reviewing().await?
            && !queries::complaints_open(&state.db, user.id).await?
        {
            return Err(AppError::Forbidden(
                "Unggah foto hanya untuk penjual dengan toko aktif, admin, dan pembeli yang menulis ulasan atau komplain."
                    .into(),
            ));
        }
        Ok(Uploader(user))
    }
}

/// Uploads a picture (the body is the file itself, `Content-Type: image/jpeg`, `image/png` or
/// `image/webp`); answers its stored sizes. Nothing is stored when the picture is refused.
#[utoipa::path(post, path = api::images::Upload::PATH, tag = "images",
    request_body(content = Vec<u8>, content_type = "image/jpeg", description = "A JPEG, PNG or WebP"),
    responses((status = 201, body = Image), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 413, body = shared::Problem), (status = 415, body = shared::Problem)))]
pub async fn upload(
    State(state): State<AppState>,
    Uploader(user): Uploader,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<(StatusCode, Json<Image>)> {
    let declared = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !matches!(declared, "image/jpeg" | "image/png" | "image/webp") {
        return Err(AppError::UnsupportedMedia("Kirim foto sebagai JPEG, PNG atau WebP.".into()));
    }
    let source_bytes = i64::try_from(body.len()).unwrap_or(i64::MAX);
    let variants = process_and_put(&state.media, body.to_vec()).await?;
    let mut conn = state.db.pool.acquire().await?;
    let image = record(&mut conn, user.id, variants, source_bytes).await?;
    Ok((StatusCode::CREATED, Json(image)))
}

/// Where a picture's sizes are stored: public pictures, or payment receipts (served only to the order's
/// two sides, never kept by shared caches).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    Images,
    Receipts,
}

/// Runs the pipeline on a picture (at most two at once) and stores its sizes; 400 when it is refused.
pub async fn process_and_put(media: &Media, bytes: Vec<u8>) -> AppResult<Vec<ImageVariant>> {
    process_and_put_in(media, Folder::Images, bytes).await
}

/// [`process_and_put`] into `folder`.
pub async fn process_and_put_in(media: &Media, folder: Folder, bytes: Vec<u8>) -> AppResult<Vec<ImageVariant>> {
    let encoded = {
        let _permit = DECODES.acquire().await.map_err(|_| AppError::Unavailable)?;
        tokio::task::spawn_blocking(move || process::process(&bytes))
            .await
            .map_err(|e| AppError::Internal(e.into()))?
            .map_err(|refusal| AppError::BadRequest(refusal.to_string()))?
    };
    let top = match folder {
        Folder::Images => "images",
        Folder::Receipts => RECEIPTS,
    };
    let folder = format!("{top}/{}", uuid::Uuid::new_v4().simple());
    let mut variants = Vec::with_capacity(encoded.len());
    for e in encoded {
        let key = format!("{folder}/{}.{}", e.name, e.extension);
        media.put(&key, e.bytes).await?;
        variants.push(ImageVariant { url: Media::url(&key), width: e.width, height: e.height });
    }
    Ok(variants)
}

/// Records stored sizes as `owner`'s picture.
pub async fn record(
    conn: &mut sqlx::AnyConnection,
    owner: i64,
    variants: Vec<ImageVariant>,
    source_bytes: i64,
) -> anyhow::Result<Image> {
    let json = serde_json::to_string(&variants)?;
    let id = queries::insert(conn, owner, &json, source_bytes, now_ms()).await?;
    from_sizes(id, variants)
}
