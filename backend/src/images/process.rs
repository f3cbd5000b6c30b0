//! Turning uploaded bytes into the stored sizes: the type read from the bytes, decoding within
//! limits on dimensions and memory, the EXIF orientation applied, then re-encoding (which drops all
//! metadata, GPS included) as lossy WebP in three sizes and a JPEG for link previews.

use std::io::Cursor;

use image::{
    DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, codecs::jpeg::JpegEncoder, imageops::FilterType,
};

/// Largest width or height accepted (a 12-megapixel phone photo is 4000 × 3000).
pub const MAX_SIDE: u32 = 8_000;
/// Most pixels accepted: 40 megapixels.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Most memory a decoder may take.
const MAX_ALLOC: u64 = 256 * 1024 * 1024;
/// WebP and JPEG quality.
const QUALITY: f32 = 78.0;

/// The sizes stored for every picture: name and longest side.
pub const SIZES: [(&str, u32); 3] = [("thumb", 320), ("card", 800), ("full", 1600)];
/// The link-preview JPEG's longest side.
pub const JPEG_SIDE: u32 = 1200;

/// Why an upload is refused, in words for the person who sent it.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("Berkas kosong: pilih foto yang akan diunggah.")]
    Empty,
    #[error("Berkas ini bukan foto JPEG, PNG atau WebP.")]
    NotAnImage,
    #[error("Ukuran foto ini terlalu besar. Paling besar 8000 piksel per sisi dan 40 megapiksel.")]
    TooLarge,
    #[error("Foto ini rusak atau tidak lengkap. Coba unggah ulang.")]
    Damaged,
}

/// One encoded size.
pub struct Encoded {
    pub name: &'static str,
    pub extension: &'static str,
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Reads, checks, orients and re-encodes a picture.
pub fn process(bytes: &[u8]) -> Result<Vec<Encoded>, Refusal> {
    // The largest size first, letting the original go; the smaller ones come from it.
    let (_, largest) = SIZES[SIZES.len() - 1];
    let full = shrink(&decode(bytes)?, largest);
    let mut out = Vec::with_capacity(SIZES.len() + 1);
    for (name, side) in SIZES {
        let sized = shrink(&full, side);
        out.push(Encoded {
            name,
            extension: "webp",
            width: sized.width(),
            height: sized.height(),
            bytes: webp(&sized)?,
        });
    }
    let preview = shrink(&full, JPEG_SIDE).into_rgb8();
    let mut jpeg = Vec::new();
    let quality = QUALITY as u8 + 4;
    JpegEncoder::new_with_quality(&mut jpeg, quality).encode_image(&preview).map_err(|_| Refusal::Damaged)?;
    out.push(Encoded {
        name: "preview",
        extension: "jpg",
        width: preview.width(),
        height: preview.height(),
        bytes: jpeg,
    });
    Ok(out)
}

/// The picture, upright, if the bytes are a JPEG, PNG or WebP within the limits.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, Refusal> {
    if bytes.is_empty() {
        return Err(Refusal::Empty);
    }
    let format = image::guess_format(bytes).map_err(|_| Refusal::NotAnImage)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP) {
        return Err(Refusal::NotAnImage);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE {
        return Err(Refusal::TooLarge);
    }
    let orientation = decoder.orientation().map_err(refusal)?;
    let mut picture = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

/// A decoder's error as the person reads it: over the limits, or damaged.
fn refusal(error: image::ImageError) -> Refusal {
    match error {
        image::ImageError::Limits(_) => Refusal::TooLarge,
        _ => Refusal::Damaged,
    }
}

/// The picture scaled so its long side is at most `side` (never enlarged).
/// A big step uses the fast integer thumbnail filter (little memory), a small one a triangle filter.
fn shrink(picture: &DynamicImage, side: u32) -> DynamicImage {
    let long = picture.width().max(picture.height());
    if long <= side {
        picture.clone()
    } else if long >= side * 2 {
        picture.thumbnail(side, side)
    } else {
        picture.resize(side, side, FilterType::Triangle)
    }
}

/// Lossy WebP through libwebp (RGB, or RGBA when the picture has transparency).
fn webp(picture: &DynamicImage) -> Result<Vec<u8>, Refusal> {
    let (w, h) = (picture.width(), picture.height());
    let memory = if picture.color().has_alpha() {
        let rgba = picture.to_rgba8();
        webp::Encoder::from_rgba(rgba.as_raw(), w, h).encode(QUALITY).to_vec()
    } else {
        let rgb = picture.to_rgb8();
        webp::Encoder::from_rgb(rgb.as_raw(), w, h).encode(QUALITY).to_vec()
    };
    if memory.is_empty() { Err(Refusal::Damaged) } else { Ok(memory) }
}
