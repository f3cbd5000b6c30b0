//! Photos from the phone to the image pipeline: the browser shrinks a photo to about 1600 px on its
//! long side (upright, as the camera held it) and re-encodes it as JPEG before sending, so a
//! 12-megapixel photo costs a seller on slow data a few hundred KB instead of 5 MB.

use shared::api::{Endpoint, images::Upload};
use shared::{Image, image::UPLOAD_LONG_SIDE};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap};

use crate::api::{self, ApiError};

/// JPEG quality of the shrunk photo.
const QUALITY: f64 = 0.85;

/// The size a `width` × `height` photo is shrunk to (never enlarged).
pub fn shrunk_size(width: u32, height: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= UPLOAD_LONG_SIDE {
        return (width, height);
    }
    let scale = f64::from(UPLOAD_LONG_SIDE) / f64::from(long);
    let side = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    (side(width), side(height))
}

/// Shrinks `file` and uploads it; the stored sizes come back.
pub async fn upload_photo(file: File) -> Result<Image, ApiError> {
    let blob = shrink(&file).await.map_err(|_| unreadable())?;
    let response = api::request(&Upload {}, &Upload {}.path())
        .header("Content-Type", "image/jpeg")
        .body(JsValue::from(blob))
        .map_err(|_| unreadable())?
        .send()
        .await
        .map_err(|_| ApiError::Network)?;
    api::decode(api::checked(response).await?).await
}

fn unreadable() -> ApiError {
    let detail = "Foto ini tidak dapat dibaca oleh peramban. Pilih foto JPEG, PNG atau WebP lain.".into();
    ApiError::Problem { status: 400, detail, fields: Vec::new() }
}

/// The photo drawn upright at its shrunk size and encoded as JPEG.
pub async fn shrink(file: &File) -> Result<Blob, JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let bitmap: ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(file)?).await?.dyn_into()?;
    let (width, height) = shrunk_size(bitmap.width(), bitmap.height());
    let document = window.document().ok_or_else(|| JsValue::from_str("no document"))?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or_else(|| JsValue::from_str("no 2d context"))?.dyn_into()?;
    context.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, f64::from(width), f64::from(height))?;
    bitmap.close();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let refuse = reject.clone();
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = if blob.is_null() { refuse.call0(&JsValue::NULL) } else { resolve.call1(&JsValue::NULL, &blob) };
        });
        let quality = JsValue::from_f64(QUALITY);
        if canvas.to_blob_with_type_and_encoder_options(done.unchecked_ref(), "image/jpeg", &quality).is_err() {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    JsFuture::from(promise).await?.dyn_into()
}

#[cfg(test)]
mod tests {
    use super::shrunk_size;

    #[test]
    fn shrinks_phone_photos_to_1600_on_the_long_side() {
        assert_eq!(shrunk_size(4000, 3000), (1600, 1200));
        assert_eq!(shrunk_size(3000, 4000), (1200, 1600));
        assert_eq!(shrunk_size(800, 600), (800, 600), "small photos stay as they are");
    }
}
