//! SQL for a village's gallery: its albums with their photos in order, one photo, an album's title and
//! size, and writing albums and photos.

use shared::{Album, AlbumForm, GalleryPhoto, PhotoForm, Valid};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::db::Db;

/// The albums of the village with this id (or just `only`), in order, each with its photos in order.
/// (The village page reads them with the rest of the page, in `villages::queries::detail`.)
pub async fn albums(db: &Db, village_id: i64, only: Option<i64>) -> anyhow::Result<Vec<Album>> {
    let rows = sqlx::query(
        "SELECT a.id, a.title, a.description, a.sort_order, a.version FROM albums a \
         WHERE a.village_id = $1 AND ($2 = 0 OR a.id = $2) ORDER BY a.sort_order, a.id",
    )
    .bind(village_id)
    .bind(only.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    let mut albums = rows
        .iter()
        .map(|r| {
            Ok(Album {
                id: r.try_get("id")?,
                title: r.try_get("title")?,
                description: r.try_get("description")?,
                sort_order: r.try_get("sort_order")?,
                version: r.try_get("version")?,
                photos: Vec::new(),
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let photos = sqlx::query(
        "SELECT p.id, p.album_id, p.caption, p.sort_order, p.version, i.id AS image_id, i.variants \
         FROM album_photos p JOIN albums a ON a.id = p.album_id JOIN images i ON i.id = p.image_id \
         WHERE a.village_id = $1 AND ($2 = 0 OR a.id = $2) ORDER BY p.sort_order, p.id",
    )
    .bind(village_id)
    .bind(only.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    for r in &photos {
        let album: i64 = r.try_get("album_id")?;
        if let Some(a) = albums.iter_mut().find(|a| a.id == album) {
            a.photos.push(photo_from(r)?);
        }
    }
    Ok(albums)
}

fn photo_from(r: &AnyRow) -> anyhow::Result<GalleryPhoto> {
    Ok(GalleryPhoto {
        id: r.try_get("id")?,
        caption: r.try_get("caption")?,
        image: crate::images::stored(r.try_get("image_id")?, &r.try_get::<String, _>("variants")?)?,
        sort_order: r.try_get("sort_order")?,
        version: r.try_get("version")?,
    })
}

const SELECT: &str = "SELECT p.id, p.caption, p.sort_order, p.version, i.id AS image_id, i.variants \
    FROM album_photos p JOIN albums a ON a.id = p.album_id JOIN images i ON i.id = p.image_id";

/// A photo of an album of this village, if there is one.
pub async fn photo(db: &Db, village_id: i64, album_id: i64, id: i64) -> anyhow::Result<Option<GalleryPhoto>> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.village_id = $1 AND a.id = $2 AND p.id = $3"))
        .bind(village_id)
        .bind(album_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(photo_from).transpose()
}

/// The album's title and photo count, when it is this village's.
pub async fn album(db: &Db, village_id: i64, album_id: i64) -> sqlx::Result<Option<(String, i64)>> {
    let row = sqlx::query(
        "SELECT a.title, (SELECT COUNT(*) FROM album_photos p WHERE p.album_id = a.id) AS photos FROM albums a \
         WHERE a.id = $1 AND a.village_id = $2",
    )
    .bind(album_id)
    .bind(village_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| Ok((r.try_get("title")?, r.try_get("photos")?))).transpose()
}

/// Creates an album in the village, by `admin`; returns its id.
pub async fn create_album(
    conn: &mut AnyConnection,
    village_id: i64,
    form: &Valid<AlbumForm>,
    admin: i64,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO albums (village_id, title, description, sort_order, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(village_id)
    .bind(form.title.trim())
    .bind(form.description.trim())
    .bind(form.sort_order)
    .bind(admin)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Saves an album's title, description and place when `version` is current; false when it is not (or
/// the album is gone).
pub async fn update_album(
    conn: &mut AnyConnection,
    village_id: i64,
    id: i64,
    form: &Valid<AlbumForm>,
    admin: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let saved = sqlx::query(
        "UPDATE albums SET title = $1, description = $2, sort_order = $3, updated_by = $4, updated_at = $5, \
            version = version + 1 WHERE id = $6 AND village_id = $7 AND version = $8",
    )
    .bind(form.title.trim())
    .bind(form.description.trim())
    .bind(form.sort_order)
    .bind(admin)
    .bind(now)
    .bind(id)
    .bind(village_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}

/// Removes an album of the village (its photos go with it).
pub async fn delete_album(conn: &mut AnyConnection, village_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM albums WHERE id = $1 AND village_id = $2").bind(id).bind(village_id).execute(conn).await?;
    Ok(())
}

/// Adds the picture `image` to an album with its caption, by `admin`; returns the photo's id.
pub async fn add_photo(
    conn: &mut AnyConnection,
    album_id: i64,
    image: i64,
    form: &Valid<PhotoForm>,
    admin: i64,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO album_photos (album_id, image_id, caption, sort_order, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(album_id)
    .bind(image)
    .bind(form.caption.trim())
    .bind(form.sort_order)
    .bind(admin)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Saves a photo's caption and place when `version` is current; false when it is not (or the photo is
/// gone).
pub async fn update_photo(
    conn: &mut AnyConnection,
    album_id: i64,
    id: i64,
    form: &Valid<PhotoForm>,
    admin: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let saved = sqlx::query(
        "UPDATE album_photos SET caption = $1, sort_order = $2, updated_by = $3, updated_at = $4, \
            version = version + 1 WHERE id = $5 AND album_id = $6 AND version = $7",
    )
    .bind(form.caption.trim())
    .bind(form.sort_order)
    .bind(admin)
    .bind(now)
    .bind(id)
    .bind(album_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}

/// Removes a photo from its album.
pub async fn delete_photo(conn: &mut AnyConnection, album_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM album_photos WHERE id = $1 AND album_id = $2")
        .bind(id)
        .bind(album_id)
        .execute(conn)
        .await?;
    Ok(())
}
