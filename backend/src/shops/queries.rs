//! SQL for shops: opening one, who owns it, its member producers, its settings as the owner keeps them,
//! its public page and the sitemap's list.

use shared::{
    DeliveryOptions, Enterprise, EnterpriseKind, Image, MyShop, Phone, Producer, ShopSettings, ShopSettingsRecord,
    ShopStatus, Storefront, Valid,
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{
    accounts::queries::{my_shop, phone, shop_status},
    db::{Db, flag},
    images,
    products::queries::LISTED,
    slugs::slugify,
};

/// A shop to open in a village.
pub struct NewShop<'a> {
    pub village_id: i64,
    pub village_slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub whatsapp: &'a Phone,
    pub owner_id: Option<i64>,
    pub status: ShopStatus,
    pub is_demo: bool,
}

/// Opens a shop (or records an application, with status pending); returns its id and slug.
pub async fn create(conn: &mut sqlx::AnyConnection, shop: &NewShop<'_>, now: i64) -> anyhow::Result<(i64, String)> {
    let base = slugify(shop.name);
    let slug = crate::slugs::free(conn, "shops", &[base.clone(), format!("{base}-{}", shop.village_slug)]).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO shops (village_id, slug, name, description, whatsapp, owner_id, status, is_demo, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(shop.village_id)
    .bind(&slug)
    .bind(shop.name.trim())
    .bind(shop.description.trim())
    .bind(shop.whatsapp.as_str())
    .bind(shop.owner_id)
    .bind(shop.status.code())
    .bind(shop.is_demo)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok((id, slug))
}

/// Every open shop's slug and last change (its opening when never changed since), for the sitemap.
pub async fn all_open(db: &Db) -> anyhow::Result<Vec<(String, i64)>> {
    let rows = sqlx::query("SELECT slug, created_at, updated_at FROM shops WHERE status = 'active' ORDER BY slug")
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let (created, updated): (i64, i64) = (r.try_get("created_at")?, r.try_get("updated_at")?);
            Ok((r.try_get("slug")?, created.max(updated)))
        })
        .collect()
}

/// A village a shop may be opened in.
pub struct Village {
    pub id: i64,
    pub slug: String,
    pub name: String,
}

/// The village with this slug, if there is one.
pub async fn village_by_slug(db: &Db, slug: &str) -> sqlx::Result<Option<Village>> {
    let row =
        sqlx::query("SELECT id, slug, name FROM villages WHERE slug = $1").bind(slug).fetch_optional(&db.pool).await?;
    row.map(|r| Ok(Village { id: r.try_get("id")?, slug: r.try_get("slug")?, name: r.try_get("name")? })).transpose()
}

/// Locks the applicant's row until the transaction ends (a no-op UPDATE: the same on both engines), so that
/// one person's applications take their turns on PostgreSQL too.
pub async fn lock_applicant(conn: &mut AnyConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET updated_at = updated_at WHERE id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

/// Whether the user already has a shop, or an application waiting, in the village.
pub async fn has_shop_in(conn: &mut AnyConnection, owner_id: i64, village_id: i64) -> sqlx::Result<bool> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM shops WHERE owner_id = $1 AND village_id = $2 AND status IN ('pending', 'active')",
    )
    .bind(owner_id)
    .bind(village_id)
    .fetch_one(conn)
    .await?;
    Ok(open > 0)
}

/// The shop as its owner lists it among their own.
pub async fn my_shop_by_id(db: &Db, id: i64) -> anyhow::Result<MyShop> {
    let row = sqlx::query(
        "SELECT s.id, s.slug, s.name, s.status, s.status_reason, s.created_at, v.id AS village_id, \
                v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code \
         FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    my_shop(&row)
}

/// Who owns a shop and where it stands.
pub struct Ownership {
    pub owner_id: Option<i64>,
    pub status: ShopStatus,
    pub status_reason: Option<String>,
}

/// The owner and status of the shop with this id, if there is one.
pub async fn ownership(db: &Db, shop_id: i64) -> anyhow::Result<Option<Ownership>> {
    let row = sqlx::query("SELECT owner_id, status, status_reason FROM shops WHERE id = $1")
        .bind(shop_id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let status: String = row.try_get("status")?;
    Ok(Some(Ownership {
        owner_id: row.try_get("owner_id")?,
        status: ShopStatus::from_code(&status).ok_or_else(|| anyhow::anyhow!("shop status {status}"))?,
        status_reason: row.try_get("status_reason")?,
    }))
}

/// The shop's member producers, by name.
pub async fn producers(db: &Db, shop_id: i64) -> sqlx::Result<Vec<Producer>> {
    let rows = sqlx::query("SELECT id, name, dusun, makes FROM producers WHERE shop_id = $1 ORDER BY name, id")
        .bind(shop_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Producer {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                dusun: r.try_get("dusun")?,
                makes: r.try_get("makes")?,
            })
        })
        .collect()
}

/// Adds a member producer to the shop; returns its id.
pub async fn add_producer(db: &Db, shop_id: i64, name: &str, dusun: &str, makes: &str, now: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO producers (shop_id, name, dusun, makes, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(shop_id)
    .bind(name)
    .bind(dusun)
    .bind(makes)
    .bind(now)
    .fetch_one(&db.pool)
    .await
}

/// The shop's products made by this producer.
pub async fn products_of_producer(conn: &mut AnyConnection, producer_id: i64, shop_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT id FROM products WHERE producer_id = $1 AND shop_id = $2")
        .bind(producer_id)
        .bind(shop_id)
        .fetch_all(conn)
        .await
}

/// Removes a member producer of the shop; false when the shop has no such producer.
pub async fn remove_producer(conn: &mut AnyConnection, producer_id: i64, shop_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM producers WHERE id = $1 AND shop_id = $2")
        .bind(producer_id)
        .bind(shop_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// The enterprise in `e_slug`, `e_name`, `e_kind`, `e_description` of a shop row.
pub fn enterprise(r: &AnyRow) -> anyhow::Result<Option<Enterprise>> {
    let Some(slug) = r.try_get::<Option<String>, _>("e_slug")? else { return Ok(None) };
    let kind: String = r.try_get("e_kind")?;
    Ok(Some(Enterprise {
        slug,
        name: r.try_get("e_name")?,
        kind: EnterpriseKind::from_code(&kind).ok_or_else(|| anyhow::anyhow!("kind {kind}"))?,
        description: r.try_get("e_description")?,
    }))
}

/// The `delivery` column of a shop row.
pub fn delivery(r: &AnyRow) -> anyhow::Result<DeliveryOptions> {
    Ok(serde_json::from_str(&r.try_get::<String, _>("delivery")?)?)
}

async fn picture(db: &Db, id: Option<i64>) -> anyhow::Result<Option<Image>> {
    let Some(id) = id else { return Ok(None) };
    let variants: Option<String> =
        sqlx::query_scalar("SELECT variants FROM images WHERE id = $1").bind(id).fetch_optional(&db.pool).await?;
    variants.map(|v| images::stored(id, &v)).transpose()
}

/// A shop's settings as its owner keeps them.
pub async fn settings(db: &Db, shop_id: i64) -> anyhow::Result<ShopSettingsRecord> {
    let r = sqlx::query(
        "SELECT s.id, s.slug, s.name, s.description, s.whatsapp, s.logo_id, s.pickup_address, s.bank_accounts, \
            s.qris_id, s.delivery, s.on_holiday, s.holiday_note, s.order_quantity_max, s.version, s.status, s.status_reason, \
            v.slug AS village_slug, v.name AS village_name, e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, \
            e.description AS e_description \
         FROM shops s JOIN villages v ON v.id = s.village_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.id = $1",
    )
    .bind(shop_id)
    .fetch_one(&db.pool)
    .await?;
    let whatsapp: String = r.try_get("whatsapp")?;
    let (logo_id, qris_id) = (r.try_get("logo_id")?, r.try_get("qris_id")?);
    Ok(ShopSettingsRecord {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        settings: ShopSettings {
            version: r.try_get("version")?,
            name: r.try_get("name")?,
            description: r.try_get("description")?,
            whatsapp: Phone::parse(&whatsapp).map(|p| p.display()).unwrap_or(whatsapp),
            logo_id,
            pickup_address: r.try_get("pickup_address")?,
            bank_accounts: serde_json::from_str(&r.try_get::<String, _>("bank_accounts")?)?,
            qris_id,
            delivery: delivery(&r)?,
            on_holiday: flag(&r, "on_holiday")?,
            holiday_note: r.try_get("holiday_note")?,
            order_quantity_max: r.try_get("order_quantity_max")?,
        },
        logo: picture(db, logo_id).await?,
        qris: picture(db, qris_id).await?,
        status: shop_status(&r)?,
        status_reason: r.try_get("status_reason")?,
        enterprise: enterprise(&r)?,
        village_slug: r.try_get("village_slug")?,
        village_name: r.try_get("village_name")?,
    })
}

/// Settings as they are saved: the form (with its WhatsApp number read), its lists as JSON.
pub struct SavedSettings<'a> {
    pub form: &'a Valid<ShopSettings>,
    pub bank_accounts: String,
    pub delivery: String,
}

/// Saves a shop's settings when `version` is current; false when it is not.
pub async fn save_settings(
    conn: &mut AnyConnection,
    shop_id: i64,
    saved: SavedSettings<'_>,
    now: i64,
) -> sqlx::Result<bool> {
    let form = saved.form;
    let done = sqlx::query(
        "UPDATE shops SET name = $1, description = $2, whatsapp = $3, logo_id = $4, pickup_address = $5, \
            bank_accounts = $6, qris_id = $7, delivery = $8, on_holiday = $9, holiday_note = $10, updated_at = $11, \
            order_quantity_max = $12, version = version + 1 \
         WHERE id = $13 AND version = $14",
    )
    .bind(form.name.trim())
    .bind(form.description.trim())
    .bind(form.parsed().as_str())
    .bind(form.logo_id)
    .bind(form.pickup_address.trim())
    .bind(saved.bank_accounts)
    .bind(form.qris_id)
    .bind(saved.delivery)
    .bind(form.on_holiday)
    .bind(form.holiday_note.trim())
    .bind(now)
    .bind(form.order_quantity_max)
    .bind(shop_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// An active shop's public page without its producers (see [`producers`]); `None` when there is no such
/// shop or it is not open to shoppers.
pub async fn open_shop(db: &Db, slug: &str) -> anyhow::Result<Option<Storefront>> {
    let sql = format!(
        "SELECT s.id, s.slug, s.name, s.description, s.whatsapp, s.pickup_address, s.delivery, s.on_holiday, \
            s.holiday_note, s.is_demo, li.id AS logo_id, li.variants AS logo_variants, v.slug AS village_slug, \
            v.name AS village_name, v.region_code, kc.name AS kecamatan, kb.name AS kabupaten, pv.name AS provinsi, \
            e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, e.description AS e_description, \
            (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS product_count \
         FROM shops s JOIN villages v ON v.id = s.village_id JOIN regions kc ON kc.code = v.kecamatan_code \
         JOIN regions kb ON kb.code = v.kabupaten_code JOIN regions pv ON pv.code = v.provinsi_code \
         LEFT JOIN images li ON li.id = s.logo_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.slug = $1 AND s.status = 'active'"
    );
    let Some(r) = sqlx::query(&sql).bind(slug).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let logo = match (r.try_get::<Option<i64>, _>("logo_id")?, r.try_get::<Option<String>, _>("logo_variants")?) {
        (Some(id), Some(v)) => Some(images::stored(id, &v)?),
        _ => None,
    };
    Ok(Some(Storefront {
        id: r.try_get("id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        logo,
        whatsapp: phone(&r, "whatsapp")?,
        village_slug: r.try_get("village_slug")?,
        village_name: r.try_get("village_name")?,
        region: shared::RegionPath {
            code: r.try_get("region_code")?,
            kecamatan: r.try_get("kecamatan")?,
            kabupaten: r.try_get("kabupaten")?,
            provinsi: r.try_get("provinsi")?,
        },
        enterprise: enterprise(&r)?,
        pickup_address: r.try_get("pickup_address")?,
        delivery: delivery(&r)?,
        on_holiday: flag(&r, "on_holiday")?,
        holiday_note: r.try_get("holiday_note")?,
        producers: Vec::new(),
        product_count: r.try_get("product_count")?,
        is_demo: flag(&r, "is_demo")?,
        rating: Default::default(),
    }))
}
