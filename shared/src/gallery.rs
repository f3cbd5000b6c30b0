//! A village's gallery: albums of photos with captions.

use serde::{Deserialize, Serialize};

use crate::{FieldError, Image};

/// One photo in an album.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GalleryPhoto {
    pub id: i64,
    pub caption: String,
    pub image: Image,
    /// Lower first.
    pub sort_order: i64,
    /// For its admins: the version a caption change is made against.
    pub version: i64,
}

/// An album with its photos in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Album {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub sort_order: i64,
    pub version: i64,
    pub photos: Vec<GalleryPhoto>,
}

/// Creating or changing an album.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlbumForm {
    /// 0 for a new album; otherwise the version it was loaded at.
    pub version: i64,
    pub title: String,
    pub description: String,
    pub sort_order: i64,
}

/// Adding a photo to an album (`image_id`) or changing its caption and place (`version`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhotoForm {
    pub version: i64,
    /// An image uploaded through `POST /api/v1/images`; ignored when a photo is changed.
    pub image_id: Option<i64>,
    pub caption: String,
    pub sort_order: i64,
}

/// Photos an album holds at most.
pub const ALBUM_MAX_PHOTOS: i64 = 200;

impl AlbumForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(3..=100).contains(&self.title.trim().chars().count()) {
            errors.push(FieldError::new("title", "Judul album 3 sampai 100 huruf."));
        }
        if self.description.trim().chars().count() > 500 {
            errors.push(FieldError::new("description", "Keterangan album paling panjang 500 huruf."));
        }
        if !(0..=1000).contains(&self.sort_order) {
            errors.push(FieldError::new("sort_order", "Urutan antara 0 dan 1000."));
        }
        errors
    }
}

impl PhotoForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.caption.trim().chars().count() > 300 {
            errors.push(FieldError::new("caption", "Keterangan foto paling panjang 300 huruf."));
        }
        if !(0..=10_000).contains(&self.sort_order) {
            errors.push(FieldError::new("sort_order", "Urutan antara 0 dan 10000."));
        }
        errors
    }
}
