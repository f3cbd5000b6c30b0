//! SQL for village enterprises: creating, changing and removing one, the records its admins edit and its
//! public page.

use shared::{
    Enterprise, EnterpriseDetail, EnterpriseForm, EnterpriseKind, EnterpriseRecord, Flagship, Phone, ProductSummary,
    Sector, Valid,
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use super::PHOTOS;
use crate::{db::Db, slugs::slugify};

/// A new enterprise of a village.
pub struct NewEnterprise<'a> {
    pub village_id: i64,
    pub village_slug: &'a str,
    pub name: &'a str,
    pub kind: EnterpriseKind,
    /// One or two plain sentences.
    pub description: &'a str,
}

/// Adds an enterprise to a village; its slug is its name, or its name and the village's slug when taken.
/// Returns its id and slug.
pub async fn create(conn: &mut sqlx::AnyConnection, e: &NewEnterprise<'_>, now: i64) -> anyhow::Result<(i64, String)> {
    let base = Some(slugify(e.name)).filter(|s| !s.is_empty()).unwrap_or_else(|| "lembaga".into());
    let slug = crate::slugs::free(conn, "enterprises", &[base.clone(), format!("{base}-{}", e.village_slug)]).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO enterprises (village_id, slug, name, kind, description, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(e.village_id)
    .bind(&slug)
    .bind(e.name)
    .bind(e.kind.code())
    .bind(e.description)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok((id, slug))
}

/// The form's phone in canonical form, as stored.
fn stored_phone(form: &Valid<EnterpriseForm>) -> Option<&str> {
    form.parsed().phone.as_ref().map(Phone::as_str)
}

/// Stores what a new enterprise has beyond its name, kind and description.
pub async fn save_details(
    conn: &mut AnyConnection,
    id: i64,
    form: &Valid<EnterpriseForm>,
    by: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE enterprises SET story_md = $1, story_html = $2, address = $3, phone = $4, email = $5, \
            updated_by = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(&form.story_md)
    .bind(crate::markdown::to_safe_html(&form.story_md))
    .bind(form.address.trim())
    .bind(stored_phone(form))
    .bind(&form.parsed().email)
    .bind(by)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Saves changes to an enterprise of the village when `version` is current; false when it is not (or the
/// enterprise is gone).
pub async fn update(
    conn: &mut AnyConnection,
    village_id: i64,
    id: i64,
    form: &Valid<EnterpriseForm>,
    by: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let saved = sqlx::query(
        "UPDATE enterprises SET name = $1, kind = $2, description = $3, story_md = $4, story_html = $5, \
            address = $6, phone = $7, email = $8, updated_by = $9, updated_at = $10, version = version + 1 \
         WHERE id = $11 AND village_id = $12 AND version = $13",
    )
    .bind(form.name.trim())
    .bind(form.kind.code())
    .bind(form.description.trim())
    .bind(&form.story_md)
    .bind(crate::markdown::to_safe_html(&form.story_md))
    .bind(form.address.trim())
    .bind(stored_phone(form))
    .bind(&form.parsed().email)
    .bind(by)
    .bind(now)
    .bind(id)
    .bind(village_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}

/// The products of the shops that represent the enterprise.
pub async fn products_of(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT p.id FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.enterprise_id = $1")
        .bind(id)
        .fetch_all(conn)
        .await
}

/// Removes an enterprise of the village.
pub async fn delete(conn: &mut AnyConnection, village_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM enterprises WHERE id = $1 AND village_id = $2")
        .bind(id)
        .bind(village_id)
        .execute(conn)
        .await?;
    Ok(())
}

fn kind(row: &AnyRow) -> sqlx::Result<EnterpriseKind> {
    let code: String = row.try_get("kind")?;
    EnterpriseKind::from_code(&code).ok_or_else(|| sqlx::Error::Decode(format!("enterprise kind {code}").into()))
}

fn phone(row: &AnyRow) -> sqlx::Result<Option<Phone>> {
    Ok(row.try_get::<Option<String>, _>("phone")?.and_then(|p| Phone::parse(&p).ok()))
}

/// The village's enterprises as its admins edit them (or just `only`), by name.
pub async fn records(db: &Db, village_id: i64, only: Option<i64>) -> anyhow::Result<Vec<EnterpriseRecord>> {
    let rows = sqlx::query(
        "SELECT id, slug, version, name, kind, description, story_md, address, phone, email FROM enterprises \
         WHERE village_id = $1 AND ($2 = 0 OR id = $2) ORDER BY name, id",
    )
    .bind(village_id)
    .bind(only.unwrap_or(0))
    .fetch_all(&db.pool)
    .await?;
    let mut records = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let photo_ids = PHOTOS.ids(db, id).await?;
        records.push(EnterpriseRecord {
            id,
            slug: r.try_get("slug")?,
            form: EnterpriseForm {
                version: r.try_get("version")?,
                name: r.try_get("name")?,
                kind: kind(r)?,
                description: r.try_get("description")?,
                story_md: r.try_get("story_md")?,
                address: r.try_get("address")?,
                phone: phone(r)?.map(|p| p.display()).unwrap_or_default(),
                email: r.try_get::<Option<String>, _>("email")?.unwrap_or_default(),
                photo_ids,
            },
            photos: PHOTOS.load(db, id).await?,
        });
    }
    Ok(records)
}

/// An enterprise's public page by its slug.
pub async fn detail(db: &Db, slug: &str) -> anyhow::Result<Option<EnterpriseDetail>> {
    let Some(r) = sqlx::query(
        "SELECT e.id, e.slug, e.name, e.kind, e.description, e.story_html, e.address, e.phone, e.email, \
                v.slug AS village_slug, v.name AS village_name, v.region_code, kec.name AS kecamatan, \
                kab.name AS kabupaten, prov.name AS provinsi, v.is_demo, v.flagship_enterprise_id, \
                v.flagship_name, v.flagship_sector, v.flagship_description \
         FROM enterprises e JOIN villages v ON v.id = e.village_id \
         JOIN regions kec ON kec.code = v.kecamatan_code JOIN regions kab ON kab.code = v.kabupaten_code \
         JOIN regions prov ON prov.code = v.provinsi_code WHERE e.slug = $1",
    )
    .bind(slug)
    .fetch_optional(&db.pool)
    .await?
    else {
        return Ok(None);
    };
    let id: i64 = r.try_get("id")?;
    let makes_flagship = r.try_get::<Option<i64>, _>("flagship_enterprise_id")? == Some(id);
    let flagship = match (makes_flagship, r.try_get::<Option<String>, _>("flagship_name")?) {
        (true, Some(name)) => Some(Flagship {
            name,
            sector: r
                .try_get::<Option<String>, _>("flagship_sector")?
                .and_then(|c| Sector::from_code(&c))
                .unwrap_or(Sector::Lainnya),
            description: r.try_get("flagship_description")?,
        }),
        _ => None,
    };
    Ok(Some(EnterpriseDetail {
        enterprise: Enterprise {
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            kind: kind(&r)?,
            description: r.try_get("description")?,
        },
        story_html: r.try_get("story_html")?,
        address: r.try_get("address")?,
        phone: phone(&r)?,
        email: r.try_get("email")?,
        photos: PHOTOS.load(db, id).await?,
        village_slug: r.try_get("village_slug")?,
        village_name: r.try_get("village_name")?,
        region: crate::villages::queries::region_path(&r)?,
        flagship,
        products: products(db, slug).await?,
        is_demo: crate::db::flag(&r, "is_demo")?,
    }))
}

/// Products on sale in the shops that represent the enterprise, newest first (the catalog's first page).
async fn products(db: &Db, slug: &str) -> anyhow::Result<Vec<ProductSummary>> {
    let q = shared::CatalogQuery { lembaga: Some(slug.to_owned()), ..shared::CatalogQuery::default() };
    Ok(crate::catalog::query::browse(db, &q).await?.items)
}

/// Every enterprise's slug and last change, for the sitemap.
pub async fn all_slugs(db: &Db) -> anyhow::Result<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT slug, updated_at FROM enterprises ORDER BY slug").fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok((r.try_get("slug")?, r.try_get("updated_at")?))).collect()
}
