//! SQL for villages: lists with filters, a village's card and slug, creation; the page in [`detail`].

pub mod detail;
pub mod json;

use shared::{
    Flagship, Idm, IdmStatus, Location, Page, PageRequest, RegionCode, RegionLevel, RegionPath, Sector, VillageQuery,
    VillageSummary,
};
use sqlx::{Row, any::AnyRow};

use crate::{db::Db, markdown, media::Media};

pub(super) const SUMMARY_COLUMNS: &str = "v.id, v.slug, v.name, v.region_code, kec.name AS kecamatan, kab.name AS kabupaten, \
    prov.name AS provinsi, v.tagline, v.idm_status, v.idm_score, v.idm_year, v.flagship_name, v.flagship_sector, \
    v.flagship_description, v.cover_key, v.is_demo";
pub(super) const FROM_VILLAGES: &str = "FROM villages v JOIN regions kec ON kec.code = v.kecamatan_code \
    JOIN regions kab ON kab.code = v.kabupaten_code JOIN regions prov ON prov.code = v.provinsi_code";

/// One page of villages matching the directory's filters (already validated), ordered by name.
pub async fn list(db: &Db, query: &VillageQuery, page: PageRequest) -> sqlx::Result<Page<VillageSummary>> {
    let mut conditions = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    let mut bind = |value: String| {
        binds.push(value);
        binds.len()
    };
    if let Some(words) = query.words() {
        let n = bind(format!("%{}%", escape_like(&words.to_lowercase())));
        conditions.push(format!(
            "(LOWER(v.name) LIKE ${n} ESCAPE '\\' OR LOWER(v.tagline) LIKE ${n} ESCAPE '\\' \
             OR LOWER(COALESCE(v.flagship_name, '')) LIKE ${n} ESCAPE '\\')"
        ));
    }
    if let Some(kab) = &query.kabupaten {
        conditions.push(format!("v.kabupaten_code = ${}", bind(kab.clone())));
    }
    if let Some(kec) = &query.kecamatan {
        conditions.push(format!("v.kecamatan_code = ${}", bind(kec.clone())));
    }
    if let Some(idm) = query.idm {
        conditions.push(format!("v.idm_status = ${}", bind(idm.code().to_owned())));
    }
    if let Some(sector) = query.sector {
        conditions.push(format!("v.flagship_sector = ${}", bind(sector.code().to_owned())));
    }
    let filter = if conditions.is_empty() { String::new() } else { format!("WHERE {}", conditions.join(" AND ")) };

    let count_sql = format!("SELECT COUNT(*) FROM villages v {filter}");
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for b in &binds {
        count = count.bind(b);
    }
    let total = count.fetch_one(&db.pool).await?;

    let list_sql = format!(
        "SELECT {SUMMARY_COLUMNS} {FROM_VILLAGES} {filter} ORDER BY v.name, v.id LIMIT ${} OFFSET ${}",
        binds.len() + 1,
        binds.len() + 2
    );
    let mut list = sqlx::query(&list_sql);
    for b in &binds {
        list = list.bind(b);
    }
    let rows = list.bind(page.limit()).bind(page.offset()).fetch_all(&db.pool).await?;
    let items = rows.iter().map(summary_from_row).collect::<sqlx::Result<_>>()?;
    Ok(Page { items, total, page: page.page, per_page: page.per_page })
}

/// What a slug leads to.
pub enum Lookup<T> {
    Found(T),
    /// The village is now at another slug: its links redirect there.
    Moved(String),
    Missing,
}

/// A village's card by its current slug, or where an old slug went.
pub async fn summary_by_slug(db: &Db, slug: &str) -> sqlx::Result<Lookup<(i64, VillageSummary)>> {
    let sql = format!("SELECT {SUMMARY_COLUMNS} {FROM_VILLAGES} WHERE v.slug = $1");
    match sqlx::query(&sql).bind(slug).fetch_optional(&db.pool).await? {
        Some(row) => Ok(Lookup::Found((row.try_get("id")?, summary_from_row(&row)?))),
        None => {
            let moved: Option<String> = sqlx::query_scalar(
                "SELECT v.slug FROM village_slugs s JOIN villages v ON v.id = s.village_id WHERE s.slug = $1",
            )
            .bind(slug)
            .fetch_optional(&db.pool)
            .await?;
            Ok(moved.map_or(Lookup::Missing, Lookup::Moved))
        }
    }
}

/// The current slug of the village with this id.
pub async fn slug_of(db: &Db, id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT slug FROM villages WHERE id = $1").bind(id).fetch_one(&db.pool).await
}

/// Every village's slug and last change, for the sitemap.
pub async fn all_slugs(db: &Db) -> sqlx::Result<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT slug, updated_at FROM villages ORDER BY slug").fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok((r.try_get("slug")?, r.try_get("updated_at")?))).collect()
}

/// A village's region names from `region_code`, `kecamatan`, `kabupaten`, `provinsi` columns.
pub fn region_path(row: &AnyRow) -> sqlx::Result<RegionPath> {
    Ok(RegionPath {
        code: row.try_get("region_code")?,
        kecamatan: row.try_get("kecamatan")?,
        kabupaten: row.try_get("kabupaten")?,
        provinsi: row.try_get("provinsi")?,
    })
}

pub(super) fn summary_from_row(row: &AnyRow) -> sqlx::Result<VillageSummary> {
    let idm = match row.try_get::<Option<f64>, _>("idm_score")? {
        Some(score) => Some(Idm {
            status: row
                .try_get::<Option<String>, _>("idm_status")?
                .and_then(|s| IdmStatus::from_code(&s))
                .unwrap_or_else(|| IdmStatus::from_score(score)),
            score,
            year: i32::try_from(row.try_get::<Option<i64>, _>("idm_year")?.unwrap_or_default()).unwrap_or_default(),
        }),
        None => None,
    };
    let flagship = match row.try_get::<Option<String>, _>("flagship_name")? {
        Some(name) => Some(Flagship {
            name,
            sector: row
                .try_get::<Option<String>, _>("flagship_sector")?
                .and_then(|s| Sector::from_code(&s))
                .unwrap_or(Sector::Lainnya),
            description: row.try_get("flagship_description")?,
        }),
        None => None,
    };
    Ok(VillageSummary {
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        region: region_path(row)?,
        tagline: row.try_get("tagline")?,
        idm,
        flagship,
        cover_url: row.try_get::<Option<String>, _>("cover_key")?.map(|k| Media::url(&k)),
        is_demo: crate::db::flag(row, "is_demo")?,
    })
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// A village to create from its desa code; its name and containing regions come from the region table.
pub struct NewVillage {
    pub code: RegionCode,
    pub tagline: String,
    pub history_md: String,
    pub vision_md: String,
    pub mission_md: String,
    pub population: Option<i64>,
    pub households: Option<i64>,
    pub area_km2: Option<f64>,
    pub location: Option<Location>,
    pub idm: Option<(f64, i32)>,
    pub flagship: Option<Flagship>,
    pub is_demo: bool,
}

impl NewVillage {
    /// A village with only its code: its admin fills in the profile later.
    pub fn from_region(code: RegionCode) -> NewVillage {
        NewVillage {
            code,
            tagline: String::new(),
            history_md: String::new(),
            vision_md: String::new(),
            mission_md: String::new(),
            population: None,
            households: None,
            area_km2: None,
            location: None,
            idm: None,
            flagship: None,
            is_demo: false,
        }
    }
}

/// Creates a village and its first slug; returns its id and slug.
pub async fn create(tx: &mut sqlx::AnyConnection, new: &NewVillage, now: i64) -> anyhow::Result<(i64, String)> {
    anyhow::ensure!(new.code.level() == RegionLevel::Desa, "{} is not a desa/kelurahan code", new.code);
    let name = crate::regions::queries::name_of(&mut *tx, &new.code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("unknown region code {}", new.code))?;
    let slug = crate::slugs::allocate_village(tx, &new.code, &name).await?;
    let ancestor = |level| new.code.ancestor(level).map(|c| c.to_string()).unwrap_or_default();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO villages (region_code, kecamatan_code, kabupaten_code, provinsi_code, slug, name, tagline, \
         history_md, history_html, vision_md, vision_html, mission_md, mission_html, population, households, area_km2, \
         lat, lon, idm_status, idm_score, idm_year, flagship_name, flagship_sector, flagship_description, is_demo, \
         created_at, updated_at) \
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$26) \
         RETURNING id",
    )
    .bind(new.code.as_str())
    .bind(ancestor(RegionLevel::Kecamatan))
    .bind(ancestor(RegionLevel::Kabupaten))
    .bind(ancestor(RegionLevel::Provinsi))
    .bind(&slug)
    .bind(&name)
    .bind(&new.tagline)
    .bind(&new.history_md)
    .bind(markdown::to_safe_html(&new.history_md))
    .bind(&new.vision_md)
    .bind(markdown::to_safe_html(&new.vision_md))
    .bind(&new.mission_md)
    .bind(markdown::to_safe_html(&new.mission_md))
    .bind(new.population)
    .bind(new.households)
    .bind(new.area_km2)
    .bind(new.location.map(|l| l.lat))
    .bind(new.location.map(|l| l.lon))
    .bind(new.idm.map(|(score, _)| IdmStatus::from_score(score).code()))
    .bind(new.idm.map(|(score, _)| score))
    .bind(new.idm.map(|(_, year)| i64::from(year)))
    .bind(new.flagship.as_ref().map(|f| f.name.clone()))
    .bind(new.flagship.as_ref().map(|f| f.sector.code()))
    .bind(new.flagship.as_ref().map(|f| f.description.clone()).unwrap_or_default())
    .bind(new.is_demo)
    .bind(now)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO village_slugs (slug, village_id) VALUES ($1, $2)")
        .bind(&slug)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if let Some((score, year)) = new.idm {
        sqlx::query("INSERT INTO village_idm (village_id, year, score) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(i64::from(year))
            .bind(score)
            .execute(&mut *tx)
            .await?;
    }
    Ok((id, slug))
}

/// Sets a village's cover image.
pub async fn set_cover(tx: &mut sqlx::AnyConnection, village_id: i64, key: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE villages SET cover_key = $1 WHERE id = $2").bind(key).bind(village_id).execute(tx).await?;
    Ok(())
}
