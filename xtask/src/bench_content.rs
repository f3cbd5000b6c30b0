//! `cargo xtask bench`, the richer village page: before the page is measured, Darmaji's admin fills it
//! the way a busy village would — officials with photos, a gallery album, news with covers, flagship
//! photos — through the API, so the figures are those of a full page, not of the bare demo.

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::bench_images::{request, sign_in};
use crate::server::Server;

const OFFICIALS: usize = 8;
const GALLERY_PHOTOS: usize = 12;
const NEWS: usize = 3;

/// A small photo-like JPEG (as a phone's photo arrives after the browser shrank it).
fn photo(n: u32) -> Result<Vec<u8>> {
    let img = image::RgbImage::from_fn(800, 600, |x, y| {
        image::Rgb([(x / 4 + n * 40) as u8, (y / 3) as u8, ((x + y) / 6) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85).encode_image(&img)?;
    Ok(out)
}

/// Sends JSON as the admin; the answer's body when it is `want`.
fn send(port: u16, cookie: &str, method: &str, path: &str, body: &Value, want: u16) -> Result<Value> {
    let head = format!(
        "{method} {path} HTTP/1.1\r\nContent-Type: application/json\r\nX-Lapak-Csrf: 1\r\nCookie: {cookie}\r\n"
    );
    let (status, text) = request(port, &head, body.to_string().as_bytes())?;
    let json = text.split("\r\n\r\n").nth(1).unwrap_or_default();
    if status != want {
        bail!("{method} {path} answered {status}: {json}");
    }
    Ok(serde_json::from_str(json).unwrap_or(Value::Null))
}

fn upload(port: u16, cookie: &str, n: u32) -> Result<i64> {
    let head =
        format!("POST /api/v1/images HTTP/1.1\r\nContent-Type: image/jpeg\r\nX-Lapak-Csrf: 1\r\nCookie: {cookie}\r\n");
    let (status, text) = request(port, &head, &photo(n)?)?;
    if status != 201 {
        bail!("upload answered {status}");
    }
    let body: Value = serde_json::from_str(text.split("\r\n\r\n").nth(1).unwrap_or_default())?;
    body["id"].as_i64().context("an uploaded picture has an id")
}

/// The address of the catalog's first product (`/produk/{id}-{slug}`), what a shared link opens.
pub fn first_product_path(server: &Server) -> Result<String> {
    let page = send(server.port, "", "GET", "/api/v1/catalog", &Value::Null, 200)?;
    let first = &page["items"][0];
    let (id, slug) = (first["id"].as_i64(), first["slug"].as_str());
    Ok(format!("/produk/{}-{}", id.context("the catalog lists a product")?, slug.unwrap_or_default()))
}

/// Fills Darmaji's page; returns what it added, for the report.
pub fn enrich(server: &Server) -> Result<String> {
    let port = server.port;
    let cookie = sign_in(port, "081152020001")?;
    let villages = send(port, &cookie, "GET", "/api/v1/admin/villages", &Value::Null, 200)?;
    let id = villages
        .as_array()
        .and_then(|list| list.iter().find(|v| v["slug"] == "darmaji"))
        .and_then(|v| v["id"].as_i64())
        .context("Darmaji is among its admin's villages")?;
    let base = format!("/api/v1/admin/villages/{id}");
    let mut n = 0_u32;
    let mut next_photo = || -> Result<i64> {
        n += 1;
        upload(port, &cookie, n)
    };
    for i in 0..OFFICIALS {
        let body = json!({ "version": 0, "name": format!("Perangkat {}", i + 1), "position": "Kepala Dusun",
            "photo_id": next_photo()?, "sort_order": i });
        send(port, &cookie, "POST", &format!("{base}/officials"), &body, 201)?;
    }
    let album = send(
        port,
        &cookie,
        "POST",
        &format!("{base}/albums"),
        &json!({ "version": 0, "title": "Panen cabai", "description": "Musim kemarau", "sort_order": 0 }),
        201,
    )?;
    for i in 0..GALLERY_PHOTOS {
        let body =
            json!({ "version": 0, "image_id": next_photo()?, "caption": format!("Foto {}", i + 1), "sort_order": i });
        send(port, &cookie, "POST", &format!("{base}/albums/{}/photos", album["id"]), &body, 201)?;
    }
    for i in 0..NEWS {
        let body = json!({ "version": 0, "title": format!("Kabar desa nomor {}", i + 1), "kind": "berita",
            "summary": "Ringkasan kabar.", "body_md": "Isi **kabar** desa.", "cover_id": next_photo()?,
            "status": "published", "published_at": null });
        send(port, &cookie, "POST", &format!("{base}/news"), &body, 201)?;
    }
    let mut flagship = send(port, &cookie, "GET", &format!("{base}/flagship"), &Value::Null, 200)?;
    flagship["photo_ids"] = json!([next_photo()?, next_photo()?, next_photo()?]);
    flagship["story_md"] = json!("Diolah **kelompok wanita tani** dari cabai kebun sendiri.");
    send(port, &cookie, "PUT", &format!("{base}/flagship"), &flagship, 200)?;
    Ok(format!(
        "{OFFICIALS} officials, {GALLERY_PHOTOS} gallery photos, {NEWS} more news, 3 flagship photos (all with pictures)"
    ))
}
