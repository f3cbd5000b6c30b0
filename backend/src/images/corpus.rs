//! The pipeline against a corpus of good and bad files: orientation, metadata stripped, sizes, and
//! refusals for empty, foreign, truncated and oversized pictures.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage};

use super::process::{Refusal, SIZES, decode, process};

/// A `width` × `height` picture, wider than tall when width > height, encoded as `format`.
fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let img = RgbImage::from_fn(width, height, |x, y| Rgb([(x % 256) as u8, (y % 256) as u8, 120]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).unwrap();
    out.into_inner()
}

/// A JPEG with an EXIF block saying "rotate 90° clockwise" (orientation 6) and a GPS-looking tag.
fn jpeg_with_exif_orientation(width: u32, height: u32) -> Vec<u8> {
    let jpeg = picture(width, height, ImageFormat::Jpeg);
    // TIFF, big-endian: one IFD entry, Orientation (0x0112), SHORT, 1, value 6.
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08".to_vec();
    tiff.extend_from_slice(&[0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00]);
    tiff.extend_from_slice(&[0x00, 0x00, 0x00, 0x00]);
    tiff.extend_from_slice(b"GPS -8.5812 116.1");
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let length = u16::try_from(app1.len() + 2).unwrap().to_be_bytes();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1, length[0], length[1]]);
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A JPEG whose frame header claims `width` × `height` (a decompression bomb's shape).
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let mut jpeg = picture(16, 16, ImageFormat::Jpeg);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).expect("a baseline frame header");
    jpeg[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    jpeg[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    jpeg
}

#[test]
fn honours_the_exif_orientation_and_drops_the_metadata() {
    let upright = decode(&jpeg_with_exif_orientation(40, 20)).unwrap();
    assert_eq!((upright.width(), upright.height()), (20, 40), "turned as the camera said");
    for encoded in process(&jpeg_with_exif_orientation(40, 20)).unwrap() {
        assert!(!encoded.bytes.windows(4).any(|w| w == b"Exif"), "{} keeps no EXIF", encoded.name);
        assert!(!encoded.bytes.windows(3).any(|w| w == b"GPS"), "{} keeps no GPS", encoded.name);
        assert_eq!((encoded.width, encoded.height), (20, 40));
    }
}

#[test]
fn makes_every_size_never_enlarging() {
    let sizes = process(&picture(2400, 1200, ImageFormat::Png)).unwrap();
    let got: Vec<(&str, &str, u32, u32)> = sizes.iter().map(|e| (e.name, e.extension, e.width, e.height)).collect();
    assert_eq!(
        got,
        [
            ("thumb", "webp", 320, 160),
            ("card", "webp", 800, 400),
            ("full", "webp", 1600, 800),
            ("preview", "jpg", 1200, 600)
        ]
    );
    assert!(sizes[0].bytes.starts_with(b"RIFF") && &sizes[0].bytes[8..12] == b"WEBP");
    assert!(sizes[3].bytes.starts_with(&[0xFF, 0xD8]));
    let small = process(&picture(300, 200, ImageFormat::WebP)).unwrap();
    assert!(small.iter().all(|e| (e.width, e.height) == (300, 200)), "a small picture keeps its size");
    assert_eq!(SIZES.len() + 1, small.len());
}

#[test]
fn refuses_the_bad_upload_corpus() {
    let png = picture(64, 64, ImageFormat::Png);
    let jpeg = picture(64, 64, ImageFormat::Jpeg);
    let gif = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec();
    let cases: Vec<(&str, Vec<u8>, Refusal)> = vec![
        ("empty", Vec::new(), Refusal::Empty),
        ("text", b"bukan foto, hanya tulisan".to_vec(), Refusal::NotAnImage),
        ("html", b"<html><script>alert(1)</script></html>".to_vec(), Refusal::NotAnImage),
        ("gif", gif, Refusal::NotAnImage),
        ("truncated png", png[..png.len() / 2].to_vec(), Refusal::Damaged),
        ("truncated jpeg", jpeg[..40].to_vec(), Refusal::Damaged),
        ("bomb 60000 × 60000", jpeg_claiming(60_000, 60_000), Refusal::TooLarge),
        ("9000 px wide", jpeg_claiming(9_000, 100), Refusal::TooLarge),
        ("7000 × 7000 = 49 megapixels", jpeg_claiming(7_000, 7_000), Refusal::TooLarge),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(process(&bytes).err(), Some(expected), "{name}");
    }
}
