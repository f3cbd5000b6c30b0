//! Addresses and bodies for the village-content endpoints of the matrix (enterprises, flagship, news,
//! gallery), each request on fresh records of Darmaji so every allowed call has something to act on.

use lapak_tests::TestApp;
use serde_json::{Value, json};

use super::fixture::Fixture;

/// A row of its own in `sql` (an INSERT … RETURNING id with `$1` the village).
async fn insert(app: &TestApp, sql: &str, village: i64) -> i64 {
    sqlx::query_scalar(sql).bind(village).fetch_one(&app.db().pool).await.unwrap()
}

async fn enterprise(app: &TestApp, fx: &Fixture) -> i64 {
    let n = fx.fresh_phone();
    let sql = format!(
        "INSERT INTO enterprises (village_id, slug, name, kind, created_at, updated_at) \
         VALUES ($1, 'lembaga-uji-{n}', 'Lembaga Uji', 'umkm', 0, 0) RETURNING id"
    );
    insert(app, &sql, fx.village_id).await
}

async fn news(app: &TestApp, fx: &Fixture, status: &str) -> (i64, String) {
    let slug = format!("kabar-uji-{}", fx.fresh_phone());
    let sql = format!(
        "INSERT INTO news (village_id, slug, title, kind, summary, body_md, body_html, status, published_at, \
            created_at, updated_at) VALUES ($1, '{slug}', 'Kabar uji', 'berita', 'Ringkas', 'Isi', '<p>Isi</p>', \
            '{status}', 1, 0, 0) RETURNING id"
    );
    (insert(app, &sql, fx.village_id).await, slug)
}

async fn album(app: &TestApp, fx: &Fixture) -> i64 {
    let sql =
        "INSERT INTO albums (village_id, title, created_at, updated_at) VALUES ($1, 'Album uji', 0, 0) RETURNING id";
    insert(app, sql, fx.village_id).await
}

async fn photo(app: &TestApp, fx: &Fixture, album: i64) -> i64 {
    let image = fx.image(app, fx.users[6].expect("village admin")).await;
    sqlx::query_scalar(
        "INSERT INTO album_photos (album_id, image_id, caption, created_at, updated_at) \
         VALUES ($1, $2, 'Foto uji', 0, 0) RETURNING id",
    )
    .bind(album)
    .bind(image)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

fn enterprise_form(version: i64) -> Value {
    json!({ "version": version, "name": "Koperasi Uji Akses", "kind": "koperasi", "description": "Simpan pinjam",
        "story_md": "", "address": "", "phone": "", "email": "", "photo_ids": [] })
}

fn news_form(version: i64) -> Value {
    json!({ "version": version, "title": "Musyawarah desa", "kind": "pengumuman", "summary": "Rabu pagi",
        "body_md": "Di balai desa.", "cover_id": null, "status": "published", "published_at": null })
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, role: usize) -> Option<(String, Option<Value>)> {
    let village = format!("/api/v1/admin/villages/{}", fx.village_id);
    Some(match endpoint {
        "GET /api/v1/villages/{slug}/news" => ("/api/v1/villages/darmaji/news".into(), None),
        "GET /api/v1/villages/{slug}/news/{news}" => {
            let (_, slug) = news(app, fx, "published").await;
            (format!("/api/v1/villages/darmaji/news/{slug}"), None)
        }
        "GET /api/v1/enterprises/{slug}" => {
            let slug: String = sqlx::query_scalar("SELECT slug FROM enterprises WHERE village_id = $1 ORDER BY id")
                .bind(fx.village_id)
                .fetch_one(&app.db().pool)
                .await
                .unwrap();
            (format!("/api/v1/enterprises/{slug}"), None)
        }
        "GET /api/v1/admin/villages/{id}/flagship" => (format!("{village}/flagship"), None),
        "PUT /api/v1/admin/villages/{id}/flagship" => {
            let version: i64 = sqlx::query_scalar("SELECT flagship_version FROM villages WHERE id = $1")
                .bind(fx.village_id)
                .fetch_one(&app.db().pool)
                .await
                .unwrap();
            let body = json!({ "version": version, "name": "Tenun songket", "sector": "fesyen", "description": "",
                "story_md": "", "enterprise_id": null, "photo_ids": [] });
            (format!("{village}/flagship"), Some(body))
        }
        "GET /api/v1/admin/villages/{id}/enterprises" => (format!("{village}/enterprises"), None),
        "POST /api/v1/admin/villages/{id}/enterprises" => (format!("{village}/enterprises"), Some(enterprise_form(0))),
        "PUT /api/v1/admin/villages/{id}/enterprises/{enterprise_id}" => {
            (format!("{village}/enterprises/{}", enterprise(app, fx).await), Some(enterprise_form(1)))
        }
        "DELETE /api/v1/admin/villages/{id}/enterprises/{enterprise_id}" => {
            (format!("{village}/enterprises/{}", enterprise(app, fx).await), None)
        }
        "GET /api/v1/admin/villages/{id}/news" => (format!("{village}/news"), None),
        "POST /api/v1/admin/villages/{id}/news" => (format!("{village}/news"), Some(news_form(0))),
        "PUT /api/v1/admin/villages/{id}/news/{news_id}" => {
            (format!("{village}/news/{}", news(app, fx, "draft").await.0), Some(news_form(1)))
        }
        "DELETE /api/v1/admin/villages/{id}/news/{news_id}" => {
            (format!("{village}/news/{}", news(app, fx, "draft").await.0), None)
        }
        "GET /api/v1/admin/villages/{id}/albums" => (format!("{village}/albums"), None),
        "POST /api/v1/admin/villages/{id}/albums" => {
            let body = json!({ "version": 0, "title": "Panen raya", "description": "", "sort_order": 1 });
            (format!("{village}/albums"), Some(body))
        }
        "PUT /api/v1/admin/villages/{id}/albums/{album_id}" => {
            let body = json!({ "version": 1, "title": "Festival desa", "description": "", "sort_order": 2 });
            (format!("{village}/albums/{}", album(app, fx).await), Some(body))
        }
        "DELETE /api/v1/admin/villages/{id}/albums/{album_id}" => {
            (format!("{village}/albums/{}", album(app, fx).await), None)
        }
        "POST /api/v1/admin/villages/{id}/albums/{album_id}/photos" => {
            // The picture is the requester's own upload (anonymous: the village admin's).
            let owner = fx.users[role].or(fx.users[6]).expect("an owner");
            let body =
                json!({ "version": 0, "image_id": fx.image(app, owner).await, "caption": "Sawah", "sort_order": 0 });
            (format!("{village}/albums/{}/photos", album(app, fx).await), Some(body))
        }
        "PUT /api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}" => {
            let album = album(app, fx).await;
            let body = json!({ "version": 1, "image_id": null, "caption": "Sawah pagi", "sort_order": 1 });
            (format!("{village}/albums/{album}/photos/{}", photo(app, fx, album).await), Some(body))
        }
        "DELETE /api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}" => {
            let album = album(app, fx).await;
            (format!("{village}/albums/{album}/photos/{}", photo(app, fx, album).await), None)
        }
        _ => return None,
    })
}

/// The endpoints this file fills.
pub const ROWS: &[&str] = &[
    "GET /api/v1/villages/{slug}/news",
    "GET /api/v1/villages/{slug}/news/{news}",
    "GET /api/v1/enterprises/{slug}",
    "GET /api/v1/admin/villages/{id}/flagship",
    "PUT /api/v1/admin/villages/{id}/flagship",
    "GET /api/v1/admin/villages/{id}/enterprises",
    "POST /api/v1/admin/villages/{id}/enterprises",
    "PUT /api/v1/admin/villages/{id}/enterprises/{enterprise_id}",
    "DELETE /api/v1/admin/villages/{id}/enterprises/{enterprise_id}",
    "GET /api/v1/admin/villages/{id}/news",
    "POST /api/v1/admin/villages/{id}/news",
    "PUT /api/v1/admin/villages/{id}/news/{news_id}",
    "DELETE /api/v1/admin/villages/{id}/news/{news_id}",
    "GET /api/v1/admin/villages/{id}/albums",
    "POST /api/v1/admin/villages/{id}/albums",
    "PUT /api/v1/admin/villages/{id}/albums/{album_id}",
    "DELETE /api/v1/admin/villages/{id}/albums/{album_id}",
    "POST /api/v1/admin/villages/{id}/albums/{album_id}/photos",
    "PUT /api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}",
    "DELETE /api/v1/admin/villages/{id}/albums/{album_id}/photos/{photo_id}",
];
