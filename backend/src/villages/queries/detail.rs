//! The village page's one query: the profile, and as JSON arrays its enterprises, officials, IDM years,
//! flagship photos, newest news and gallery, so the busiest page of the site costs a single round trip.

use std::sync::OnceLock;

use serde::Deserialize;
use shared::{
    Album, Enterprise, EnterpriseKind, FlagshipStory, GalleryPhoto, Idm, IdmStatus, Location, NewsKind, NewsSummary,
    Official, Phone, VillageContact, VillageDetail,
};
use sqlx::{Row, any::AnyRow};

use super::{
    FROM_VILLAGES, SUMMARY_COLUMNS,
    json::{Picture, json_array, json_column},
    summary_from_row,
};
use crate::db::{Db, Engine};

/// The page of the village with this slug at `now` (news published by then), without its products
/// (the catalog's); `None` when no village has this slug now.
pub async fn page(db: &Db, slug: &str, now: i64) -> anyhow::Result<Option<VillageDetail>> {
    let Some(row) = sqlx::query(detail_sql(db.engine)).bind(slug).bind(now).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let location = match (row.try_get::<Option<f64>, _>("lat")?, row.try_get::<Option<f64>, _>("lon")?) {
        (Some(lat), Some(lon)) => Some(Location { lat, lon }),
        _ => None,
    };
    let summary = summary_from_row(&row)?;
    let flagship_story = match summary.flagship {
        Some(_) => Some(FlagshipStory {
            story_html: row.try_get("flagship_story_html")?,
            photos: json_column::<Vec<Picture>>(&row, "flagship_photos")?
                .into_iter()
                .map(Picture::image)
                .collect::<anyhow::Result<_>>()?,
            enterprise: flagship_enterprise(&row)?,
        }),
        None => None,
    };
    Ok(Some(VillageDetail {
        summary,
        history_html: row.try_get("history_html")?,
        vision_html: row.try_get("vision_html")?,
        mission_html: row.try_get("mission_html")?,
        population: row.try_get("population")?,
        households: row.try_get("households")?,
        area_km2: row.try_get("area_km2")?,
        location,
        dusun_count: row.try_get("dusun_count")?,
        contact: VillageContact {
            office_address: row.try_get("office_address")?,
            phone: row.try_get::<Option<String>, _>("contact_phone")?.and_then(|p| Phone::parse(&p).ok()),
            email: row.try_get("contact_email")?,
            opening_hours: row.try_get("opening_hours")?,
        },
        officials: json_column::<Vec<OfficialRow>>(&row, "officials")?
            .into_iter()
            .map(OfficialRow::official)
            .collect::<anyhow::Result<_>>()?,
        idm_history: json_column::<Vec<IdmRow>>(&row, "idm_history")?.into_iter().map(IdmRow::idm).collect(),
        flagship_story,
        news: json_column::<Vec<NewsRow>>(&row, "news")?
            .into_iter()
            .map(NewsRow::summary)
            .collect::<anyhow::Result<_>>()?,
        albums: albums(&row)?,
        enterprises: json_column(&row, "enterprises")?,
        products: Vec::new(),
    }))
}

#[derive(Deserialize)]
struct OfficialRow {
    id: i64,
    name: String,
    position: String,
    sort_order: i64,
    version: i64,
    #[serde(flatten)]
    photo: Picture,
}

impl OfficialRow {
    fn official(self) -> anyhow::Result<Official> {
        let photo = self.photo.maybe()?;
        Ok(Official {
            id: self.id,
            name: self.name,
            position: self.position,
            photo,
            sort_order: self.sort_order,
            version: self.version,
        })
    }
}

#[derive(Deserialize)]
struct IdmRow {
    year: i64,
    score: f64,
}

impl IdmRow {
    fn idm(self) -> Idm {
        Idm {
            status: IdmStatus::from_score(self.score),
            score: self.score,
            year: i32::try_from(self.year).unwrap_or_default(),
        }
    }
}

#[derive(Deserialize)]
struct NewsRow {
    slug: String,
    title: String,
    kind: NewsKind,
    summary: String,
    published_at: i64,
    #[serde(flatten)]
    cover: Picture,
}

impl NewsRow {
    fn summary(self) -> anyhow::Result<NewsSummary> {
        let cover = self.cover.maybe()?;
        Ok(NewsSummary {
            slug: self.slug,
            title: self.title,
            kind: self.kind,
            summary: self.summary,
            published_at: self.published_at,
            cover,
        })
    }
}

#[derive(Deserialize)]
struct AlbumRow {
    id: i64,
    title: String,
    description: String,
    sort_order: i64,
    version: i64,
}

#[derive(Deserialize)]
struct PhotoRow {
    id: i64,
    album_id: i64,
    caption: String,
    sort_order: i64,
    version: i64,
    #[serde(flatten)]
    picture: Picture,
}

/// The albums in order, each with its photos in order.
fn albums(row: &AnyRow) -> anyhow::Result<Vec<Album>> {
    let mut albums: Vec<Album> = json_column::<Vec<AlbumRow>>(row, "albums")?
        .into_iter()
        .map(|a| Album {
            id: a.id,
            title: a.title,
            description: a.description,
            sort_order: a.sort_order,
            version: a.version,
            photos: Vec::new(),
        })
        .collect();
    for p in json_column::<Vec<PhotoRow>>(row, "album_photos")? {
        if let Some(album) = albums.iter_mut().find(|a| a.id == p.album_id) {
            let image = p.picture.image()?;
            album.photos.push(GalleryPhoto {
                id: p.id,
                caption: p.caption,
                image,
                sort_order: p.sort_order,
                version: p.version,
            });
        }
    }
    Ok(albums)
}

fn flagship_enterprise(row: &AnyRow) -> anyhow::Result<Option<Enterprise>> {
    let Some(slug) = row.try_get::<Option<String>, _>("fe_slug")? else { return Ok(None) };
    let kind: String = row.try_get("fe_kind")?;
    Ok(Some(Enterprise {
        slug,
        name: row.try_get("fe_name")?,
        kind: EnterpriseKind::from_code(&kind).unwrap_or(EnterpriseKind::Umkm),
        description: row.try_get("fe_description")?,
    }))
}

fn detail_sql(engine: Engine) -> &'static str {
    static SQLITE: OnceLock<String> = OnceLock::new();
    static POSTGRES: OnceLock<String> = OnceLock::new();
    let build = || {
        let array =
            |fields: &[&str], alias: &str, order: &str, from: &str| json_array(engine, fields, alias, order, from);
        let enterprises = array(
            &["slug", "name", "kind", "description"],
            "e",
            "e.name, e.id",
            "enterprises e WHERE e.village_id = v.id",
        );
        let officials = array(
            &["id", "name", "position", "sort_order", "version", "image_id", "variants:json"],
            "o",
            "o.sort_order, o.name, o.id",
            "(SELECT o.id, o.name, o.position, o.sort_order, o.version, o.photo_id AS image_id, i.variants \
             FROM officials o LEFT JOIN images i ON i.id = o.photo_id WHERE o.village_id = v.id) o",
        );
        let idm = array(&["year", "score"], "i", "i.year", "village_idm i WHERE i.village_id = v.id");
        let flagship_photos = array(
            &["image_id", "variants:json"],
            "f",
            "f.sort_order",
            "(SELECT f.image_id, f.sort_order, i.variants FROM flagship_photos f JOIN images i ON i.id = f.image_id \
             WHERE f.village_id = v.id) f",
        );
        let news = array(
            &["slug", "title", "kind", "summary", "published_at", "image_id", "variants:json"],
            "n",
            "n.published_at DESC, n.id DESC",
            "(SELECT n.id, n.slug, n.title, n.kind, n.summary, n.published_at, n.cover_id AS image_id, i.variants \
             FROM news n LEFT JOIN images i ON i.id = n.cover_id \
             WHERE n.village_id = v.id AND n.status = 'published' AND n.published_at <= $2 \
             ORDER BY n.published_at DESC, n.id DESC LIMIT 5) n",
        );
        let albums = array(
            &["id", "title", "description", "sort_order", "version"],
            "a",
            "a.sort_order, a.id",
            "albums a WHERE a.village_id = v.id",
        );
        let album_photos = array(
            &["id", "album_id", "caption", "sort_order", "version", "image_id", "variants:json"],
            "p",
            "p.sort_order, p.id",
            "(SELECT p.id, p.album_id, p.caption, p.sort_order, p.version, p.image_id, i.variants \
             FROM album_photos p JOIN albums a ON a.id = p.album_id JOIN images i ON i.id = p.image_id \
             WHERE a.village_id = v.id) p",
        );
        format!(
            "SELECT {SUMMARY_COLUMNS}, v.history_html, v.vision_html, v.mission_html, v.population, v.households, \
             v.area_km2, v.lat, v.lon, v.dusun_count, v.office_address, v.contact_phone, v.contact_email, \
             v.opening_hours, v.flagship_story_html, fe.slug AS fe_slug, fe.name AS fe_name, fe.kind AS fe_kind, \
             fe.description AS fe_description, {enterprises} AS enterprises, \
             {officials} AS officials, {idm} AS idm_history, {flagship_photos} AS flagship_photos, {news} AS news, \
             {albums} AS albums, {album_photos} AS album_photos \
             {FROM_VILLAGES} LEFT JOIN enterprises fe ON fe.id = v.flagship_enterprise_id WHERE v.slug = $1"
        )
    };
    match engine {
        Engine::Sqlite => SQLITE.get_or_init(build),
        Engine::Postgres => POSTGRES.get_or_init(build),
    }
}
