//! SQL for products: the card every list shows, the public page with the chain behind it, and the
//! listings as their seller edits and deletes them.

use shared::{
    Flagship, Image, ProductDetail, ProductForm, ProductRecord, ProductStatus, ProductSummary, Sector, Unit, Valid,
    product::ProducerRef, product::ProductChain,
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{
    catalog::index,
    db::{Db, Engine, flag},
    images::{self, queries::PhotoList},
    markdown,
    slugs::slugify,
    villages::queries::json::{Picture, json_array, json_column},
};

/// A product's photos, in order; the first is its cover.
pub const PHOTOS: PhotoList = PhotoList { table: "product_photos", owner: "product_id" };

/// The columns of a product card, over [`CARD_FROM`].
pub const CARD: &str = "p.id, p.slug, p.name, p.name_en, p.price, p.unit, p.stock, p.sector, p.created_at, \
    s.name AS shop_name, s.slug AS shop_slug, v.name AS village_name, v.slug AS village_slug, \
    p.cover_id, ci.variants AS cover_variants, p.rating_count, p.rating_stars";

/// Products with their shop, village and cover.
pub const CARD_FROM: &str = "FROM products p JOIN shops s ON s.id = p.shop_id JOIN villages v ON v.id = s.village_id \
    LEFT JOIN images ci ON ci.id = p.cover_id";

/// What shoppers may see: listed by the seller, not hidden by the village admin, in an active shop. (Each
/// shop's `listed_products`, kept by the triggers of migration 0013, counts the first two per shop.)
pub const LISTED: &str = "p.status = 'active' AND p.hidden_reason IS NULL AND s.status = 'active'";

fn code<T>(row: &AnyRow, column: &str, from: fn(&str) -> Option<T>) -> sqlx::Result<T> {
    let code: String = row.try_get(column)?;
    from(&code).ok_or_else(|| sqlx::Error::Decode(format!("{column} {code}").into()))
}

fn cover(row: &AnyRow) -> anyhow::Result<Option<Image>> {
    match (row.try_get::<Option<i64>, _>("cover_id")?, row.try_get::<Option<String>, _>("cover_variants")?) {
        (Some(id), Some(variants)) => Ok(Some(images::stored(id, &variants)?)),
        _ => Ok(None),
    }
}

/// A card from a row of [`CARD`].
pub fn card(row: &AnyRow) -> anyhow::Result<ProductSummary> {
    Ok(ProductSummary {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        price: row.try_get("price")?,
        unit: code(row, "unit", Unit::from_code)?,
        stock: row.try_get("stock")?,
        sector: code(row, "sector", Sector::from_code)?,
        shop_name: row.try_get("shop_name")?,
        shop_slug: row.try_get("shop_slug")?,
        village_name: row.try_get("village_name")?,
        village_slug: row.try_get("village_slug")?,
        photo: cover(row)?,
        stars: shared::review::RatingBrief { count: row.try_get("rating_count")?, total: row.try_get("rating_stars")? },
        certified: Vec::new(),
        name_en: row.try_get("name_en")?,
    })
}

/// A product to list in a shop.
pub struct NewProduct<'a> {
    pub shop_id: i64,
    pub form: &'a Valid<ProductForm>,
}

/// Lists a product with its photos and indexes it for search; returns its id.
pub async fn create(conn: &mut AnyConnection, new: &NewProduct<'_>, now: i64) -> anyhow::Result<i64> {
    let f = new.form;
    let id = sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, description_html, price, unit, min_order, stock, \
            sector, weight_grams, producer_id, status, cover_id, created_at, updated_at, name_en, description_en, \
            description_en_html) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17, $18) RETURNING id",
    )
    .bind(new.shop_id)
    .bind(base_slug(&f.name))
    .bind(f.name.trim())
    .bind(&f.description_md)
    .bind(markdown::to_safe_html(&f.description_md))
    .bind(f.price)
    .bind(f.unit.code())
    .bind(f.min_order)
    .bind(f.stock)
    .bind(f.sector.code())
    .bind(f.weight_grams)
    .bind(f.producer_id)
    .bind(f.status.code())
    .bind(f.photo_ids.first().copied())
    .bind(now)
    .bind(f.english_name())
    .bind(f.english_description())
    .bind(f.english_description().map(markdown::to_safe_html))
    .fetch_one(&mut *conn)
    .await?;
    PHOTOS.replace(conn, id, &f.photo_ids).await?;
    index::reindex(conn, &[id]).await?;
    Ok(id)
}

/// Saves a seller's changes when `version` is current; false when it is not (or the product is gone).
pub async fn update(
    conn: &mut AnyConnection,
    shop_id: i64,
    id: i64,
    f: &Valid<ProductForm>,
    now: i64,
) -> anyhow::Result<bool> {
    let saved = sqlx::query(
        "UPDATE products SET name = $1, description = $2, description_html = $3, price = $4, unit = $5, \
            min_order = $6, stock = $7, sector = $8, weight_grams = $9, producer_id = $10, status = $11, \
            cover_id = $12, updated_at = $13, name_en = $17, description_en = $18, description_en_html = $19, \
            version = version + 1 \
         WHERE id = $14 AND shop_id = $15 AND version = $16",
    )
    .bind(f.name.trim())
    .bind(&f.description_md)
    .bind(markdown::to_safe_html(&f.description_md))
    .bind(f.price)
    .bind(f.unit.code())
    .bind(f.min_order)
    .bind(f.stock)
    .bind(f.sector.code())
    .bind(f.weight_grams)
    .bind(f.producer_id)
    .bind(f.status.code())
    .bind(f.photo_ids.first().copied())
    .bind(now)
    .bind(id)
    .bind(shop_id)
    .bind(f.version)
    .bind(f.english_name())
    .bind(f.english_description())
    .bind(f.english_description().map(markdown::to_safe_html))
    .execute(&mut *conn)
    .await?;
    if saved.rows_affected() != 1 {
        return Ok(false);
    }
    PHOTOS.replace(conn, id, &f.photo_ids).await?;
    index::reindex(conn, &[id]).await?;
    Ok(true)
}

/// Whether the producer `id` is a member of the shop.
pub async fn is_producer_of(conn: &mut AnyConnection, id: i64, shop_id: i64) -> sqlx::Result<bool> {
    let known: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM producers WHERE id = $1 AND shop_id = $2")
        .bind(id)
        .bind(shop_id)
        .fetch_one(conn)
        .await?;
    Ok(known > 0)
}

/// Locks the shop's product until the transaction ends, so that a checkout ordering it has finished (and
/// its line is seen) or waits (and then finds it gone); false when the shop has no such product. On SQLite
/// the write transaction holds the whole database already.
pub async fn lock(conn: &mut AnyConnection, engine: Engine, shop_id: i64, id: i64) -> sqlx::Result<bool> {
    let sql = match engine {
        Engine::Sqlite => "SELECT id FROM products WHERE id = $1 AND shop_id = $2",
        // FOR UPDATE: the one row lock a checkout's order line (KEY SHARE, from its foreign key) waits for.
        Engine::Postgres => "SELECT id FROM products WHERE id = $1 AND shop_id = $2 FOR UPDATE",
    };
    let found: Option<i64> = sqlx::query_scalar(sql).bind(id).bind(shop_id).fetch_optional(conn).await?;
    Ok(found.is_some())
}

/// Whether the product was ever ordered.
pub async fn was_ordered(conn: &mut AnyConnection, id: i64) -> sqlx::Result<bool> {
    let ordered: Option<i64> = sqlx::query_scalar("SELECT 1 FROM order_lines WHERE product_id = $1 LIMIT 1")
        .bind(id)
        .fetch_optional(conn)
        .await?;
    Ok(ordered.is_some())
}

/// Deletes the shop's product for good.
pub async fn delete(conn: &mut AnyConnection, shop_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM products WHERE id = $1 AND shop_id = $2").bind(id).bind(shop_id).execute(conn).await?;
    Ok(())
}

/// A slug from the name: at most 80 characters, cut at a word.
fn base_slug(name: &str) -> String {
    let mut slug = slugify(name);
    if slug.len() > 80 {
        let cut = slug[..80].rfind('-').unwrap_or(80);
        slug.truncate(cut);
    }
    if slug.is_empty() { "produk".into() } else { slug }
}

const RECORD: &str = "SELECT p.id, p.slug, p.name, p.name_en, p.description, p.description_en, p.price, p.unit, p.min_order, p.stock, \
    p.sector, p.weight_grams, p.producer_id, p.status, p.hidden_reason, p.version, p.updated_at FROM products p";

/// The shop's listings (or just `only`) as the seller edits them, newest first.
pub async fn records(db: &Db, shop_id: i64, only: Option<i64>) -> anyhow::Result<Vec<ProductRecord>> {
    let sql = format!("{RECORD} WHERE p.shop_id = $1 AND ($2 = 0 OR p.id = $2) ORDER BY p.created_at DESC, p.id DESC");
    let rows = sqlx::query(&sql).bind(shop_id).bind(only.unwrap_or(0)).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let photos = PHOTOS.load(db, id).await?;
        out.push(ProductRecord {
            id,
            slug: r.try_get("slug")?,
            form: ProductForm {
                version: r.try_get("version")?,
                name: r.try_get("name")?,
                sector: code(r, "sector", Sector::from_code)?,
                description_md: r.try_get("description")?,
                price: r.try_get("price")?,
                unit: code(r, "unit", Unit::from_code)?,
                min_order: r.try_get("min_order")?,
                stock: r.try_get("stock")?,
                weight_grams: r.try_get("weight_grams")?,
                photo_ids: photos.iter().map(|p| p.id).collect(),
                producer_id: r.try_get("producer_id")?,
                status: code(r, "status", ProductStatus::from_code)?,
                name_en: r.try_get::<Option<String>, _>("name_en")?.unwrap_or_default(),
                description_en_md: r.try_get::<Option<String>, _>("description_en")?.unwrap_or_default(),
            },
            photos,
            hidden_reason: r.try_get("hidden_reason")?,
            updated_at: r.try_get("updated_at")?,
        });
    }
    Ok(out)
}

/// The public page's statement for `engine`: the product with its chain and its photos as JSON, one query.
fn detail_sql(engine: Engine) -> &'static str {
    use std::sync::OnceLock;
    static SQLITE: OnceLock<String> = OnceLock::new();
    static POSTGRES: OnceLock<String> = OnceLock::new();
    let build = || {
        let photos = json_array(
            engine,
            &["image_id", "variants:json"],
            "f",
            "f.sort_order",
            "(SELECT pp.image_id, pp.sort_order, i.variants FROM product_photos pp JOIN images i ON i.id = pp.image_id \
             WHERE pp.product_id = p.id) f",
        );
        format!(
            "SELECT {CARD}, p.description, p.description_html, p.description_en, p.description_en_html, p.min_order, p.weight_grams, p.updated_at, \
                s.whatsapp, s.on_holiday, s.is_demo, s.enterprise_id, pr.name AS producer_name, pr.dusun AS producer_dusun, \
                e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, e.description AS e_description, v.region_code, \
                kc.name AS kecamatan, kb.name AS kabupaten, pv.name AS provinsi, v.flagship_name, v.flagship_sector, \
                v.flagship_description, v.flagship_enterprise_id, {photos} AS photos \
             {CARD_FROM} JOIN regions kc ON kc.code = v.kecamatan_code JOIN regions kb ON kb.code = v.kabupaten_code \
             JOIN regions pv ON pv.code = v.provinsi_code LEFT JOIN producers pr ON pr.id = p.producer_id \
             LEFT JOIN enterprises e ON e.id = s.enterprise_id WHERE p.id = $1 AND {LISTED}"
        )
    };
    match engine {
        Engine::Sqlite => SQLITE.get_or_init(build),
        Engine::Postgres => POSTGRES.get_or_init(build),
    }
}

/// A listed product's public page.
pub async fn detail(db: &Db, id: i64) -> anyhow::Result<Option<ProductDetail>> {
    let sql = detail_sql(db.engine);
    let Some(r) = sqlx::query(sql).bind(id).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let enterprise = crate::shops::queries::enterprise(&r)?;
    let flagship =
        match (r.try_get::<Option<String>, _>("flagship_name")?, r.try_get::<Option<String>, _>("flagship_sector")?) {
            (Some(name), Some(sector)) => Sector::from_code(&sector).map(|sector| Flagship {
                name,
                sector,
                description: r.try_get("flagship_description").unwrap_or_default(),
            }),
            _ => None,
        };
    let shop_enterprise: Option<i64> = r.try_get("enterprise_id")?;
    let flagship_enterprise: Option<i64> = r.try_get("flagship_enterprise_id")?;
    let producer = match r.try_get::<Option<String>, _>("producer_name")? {
        Some(name) => Some(ProducerRef { name, dusun: r.try_get("producer_dusun")? }),
        None => None,
    };
    let description_md: String = r.try_get("description")?;
    let description_en: Option<String> = r.try_get("description_en")?;
    let mut summary = card(&r)?;
    let certificates = crate::certificates::queries::shown(db, summary.id).await?;
    summary.certified = certificates.iter().map(|c| c.kind).collect();
    let reviewed = crate::reviews::queries::Of::Product(summary.id);
    let newest = i64::try_from(shared::review::NEWEST).unwrap_or(i64::MAX);
    Ok(Some(ProductDetail {
        description_en_html: r.try_get("description_en_html")?,
        description_en_text: description_en.map(|md| preview_text(&markdown::to_plain_text(&md))),
        rating: crate::reviews::queries::summary(db, reviewed).await?,
        reviews: crate::reviews::queries::of_product(db, summary.id, newest, 0).await?,
        description_html: r.try_get("description_html")?,
        description_text: preview_text(&markdown::to_plain_text(&description_md)),
        min_order: r.try_get("min_order")?,
        weight_grams: r.try_get("weight_grams")?,
        photos: json_column::<Vec<Picture>>(&r, "photos")?
            .into_iter()
            .map(Picture::image)
            .collect::<anyhow::Result<_>>()?,
        chain: ProductChain {
            producer,
            shop_slug: summary.shop_slug.clone(),
            shop_name: summary.shop_name.clone(),
            whatsapp: shared::Phone::parse(&r.try_get::<String, _>("whatsapp")?)?,
            on_holiday: flag(&r, "on_holiday")?,
            enterprise,
            village_slug: summary.village_slug.clone(),
            village_name: summary.village_name.clone(),
            region: shared::RegionPath {
                code: r.try_get("region_code")?,
                kecamatan: r.try_get("kecamatan")?,
                kabupaten: r.try_get("kabupaten")?,
                provinsi: r.try_get("provinsi")?,
            },
            is_flagship: flagship.is_some() && shop_enterprise.is_some() && shop_enterprise == flagship_enterprise,
            flagship,
        },
        is_demo: flag(&r, "is_demo")?,
        updated_at: r.try_get("updated_at")?,
        certificates,
        summary,
    }))
}

/// At most about 200 characters, cut at a word.
fn preview_text(text: &str) -> String {
    if text.chars().count() <= 200 {
        return text.to_owned();
    }
    let cut: String = text.chars().take(200).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', '.', ';', ':']))
}

/// Every listed product's address and last change, for the sitemap.
pub async fn all_listed(db: &Db) -> anyhow::Result<Vec<(String, i64)>> {
    let sql = format!(
        "SELECT p.id, p.slug, p.updated_at FROM products p JOIN shops s ON s.id = p.shop_id WHERE {LISTED} ORDER BY p.id"
    );
    let rows = sqlx::query(&sql).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            Ok((
                shared::product::product_path(r.try_get("id")?, &r.try_get::<String, _>("slug")?),
                r.try_get("updated_at")?,
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn previews_are_cut_at_a_word() {
        let long = "Madu hutan asli dari lebah liar, dipanen tanpa merusak sarang. ".repeat(8);
        let cut = super::preview_text(&long);
        assert!(cut.chars().count() <= 201 && cut.ends_with('…'), "{cut}");
        assert_eq!(super::preview_text("Pendek."), "Pendek.");
    }
}
