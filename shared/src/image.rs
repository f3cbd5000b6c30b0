//! Uploaded pictures as pages use them: a few sizes, each with its dimensions so pages do not jump.

use serde::{Deserialize, Serialize};

/// One stored size of a picture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImageVariant {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// A processed upload: lossy WebP in three sizes and a JPEG for link previews.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Image {
    pub id: i64,
    /// About 320 px on the long side: lists and thumbnails.
    pub thumb: ImageVariant,
    /// About 800 px: cards.
    pub card: ImageVariant,
    /// About 1600 px: the picture opened on its own.
    pub full: ImageVariant,
    /// A JPEG about 1200 px wide for `og:image` (WhatsApp previews do not read every WebP).
    pub jpeg: ImageVariant,
}

/// The long side, in pixels, the browser shrinks a photo to before uploading it.
pub const UPLOAD_LONG_SIDE: u32 = 1600;
