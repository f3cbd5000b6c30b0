//! A village's gallery: albums of captioned photos, kept by the village's admins, shown on its page.

mod albums;
mod photos;

use shared::{Album, GalleryPhoto};
use sqlx::Row;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{db::Db, state::AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(albums::list, albums::create))
        .routes(routes!(albums::update, albums::remove))
        .routes(routes!(photos::add))
        .routes(routes!(photos::update, photos::remove))
}

/// The albums of the village with this id (or just `only`), in order, each with its photos in order.
/// (The village page reads them with the rest of the page, in `villages::detail`.)
async fn of_village_id(db: &Db, village_id: i64, only: Option<i64>) -> anyhow::Result<Vec<Album>> {
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
            a.photos.push(photo(r)?);
        }
    }
    Ok(albums)
}

fn photo(r: &sqlx::any::AnyRow) -> anyhow::Result<GalleryPhoto> {
    Ok(GalleryPhoto {
        id: r.try_get("id")?,
        caption: r.try_get("caption")?,
        image: crate::images::stored(r.try_get("image_id")?, &r.try_get::<String, _>("variants")?)?,
        sort_order: r.try_get("sort_order")?,
        version: r.try_get("version")?,
    })
}
