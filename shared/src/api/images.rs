//! The image pipeline every upload goes through.

use super::endpoints;
use crate::image::Image;

endpoints! {
    /// Uploads a picture (the body is the file itself, `Content-Type: image/jpeg`, `image/png` or `image/webp`);
    /// answers its stored sizes. Nothing is stored when the picture is refused.
    Upload {}: post "/api/v1/images", body super::Picture => Image;
}
