//! SQL of sending an inquiry: what it is about (a listed product, an open shop, a village with its
//! flagship), how many the same sender sent lately, writing it, and who hears of one about a flagship.

use shared::{InquiryForm, Valid, inquiry::given};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::products::queries::LISTED;

/// A product on sale or an open shop, with its village.
pub struct ShopTarget {
    pub product_id: Option<i64>,
    pub product_name: Option<String>,
    pub shop_id: i64,
    pub shop_name: String,
    /// The shop's stored WhatsApp number.
    pub whatsapp: String,
    pub owner_id: Option<i64>,
    pub village_id: i64,
    pub village_name: String,
    pub village_code: String,
}

const SHOP: &str = "s.id AS shop_id, s.name AS shop_name, s.whatsapp, s.owner_id, v.id AS village_id, \
                    v.name AS village_name, v.region_code";

fn shop_target(row: &AnyRow) -> sqlx::Result<ShopTarget> {
    Ok(ShopTarget {
        product_id: row.try_get("product_id")?,
        product_name: row.try_get("product_name")?,
        shop_id: row.try_get("shop_id")?,
        shop_name: row.try_get("shop_name")?,
        whatsapp: row.try_get("whatsapp")?,
        owner_id: row.try_get("owner_id")?,
        village_id: row.try_get("village_id")?,
        village_name: row.try_get("village_name")?,
        village_code: row.try_get("region_code")?,
    })
}

/// The product `id` when shoppers may see it, with its shop and village.
pub async fn listed_product(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<ShopTarget>> {
    let sql = format!(
        "SELECT p.id AS product_id, p.name AS product_name, {SHOP} FROM products p JOIN shops s ON s.id = p.shop_id \
         JOIN villages v ON v.id = s.village_id WHERE p.id = $1 AND {LISTED}"
    );
    let row = sqlx::query(&sql).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(shop_target).transpose()
}

/// The shop `id` when it is open, with its village.
pub async fn open_shop(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<ShopTarget>> {
    let sql = format!(
        "SELECT NULL AS product_id, NULL AS product_name, {SHOP} FROM shops s JOIN villages v ON v.id = s.village_id \
         WHERE s.id = $1 AND s.status = 'active'"
    );
    let row = sqlx::query(&sql).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(shop_target).transpose()
}

/// A village with its flagship product's name and its office's phone.
pub struct FlagshipVillage {
    pub id: i64,
    pub name: String,
    pub code: String,
    pub flagship_name: Option<String>,
    pub contact_phone: Option<String>,
}

const VILLAGE: &str = "SELECT v.id, v.name, v.region_code, v.flagship_name, v.contact_phone FROM villages v";

fn flagship_village(row: &AnyRow) -> sqlx::Result<FlagshipVillage> {
    Ok(FlagshipVillage {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        code: row.try_get("region_code")?,
        flagship_name: row.try_get("flagship_name")?,
        contact_phone: row.try_get("contact_phone")?,
    })
}

/// The village with this id.
pub async fn village_by_id(conn: &mut AnyConnection, id: i64) -> sqlx::Result<Option<FlagshipVillage>> {
    let row = sqlx::query(&format!("{VILLAGE} WHERE v.id = $1")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(flagship_village).transpose()
}

/// The village with this slug, current or old.
pub async fn village_by_slug(conn: &mut AnyConnection, slug: &str) -> sqlx::Result<Option<FlagshipVillage>> {
    let row = sqlx::query(&format!(
        "{VILLAGE} WHERE v.slug = $1 OR v.id IN (SELECT village_id FROM village_slugs WHERE slug = $1)"
    ))
    .bind(slug)
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(flagship_village).transpose()
}

/// How many inquiries with this fingerprint arrived after `since`.
pub async fn same_since(conn: &mut AnyConnection, fingerprint: &str, since: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM inquiries WHERE fingerprint = $1 AND created_at > $2")
        .bind(fingerprint)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// How many inquiries this buyer's number sent after `since`, and when the oldest of them arrived.
pub async fn sent_since(conn: &mut AnyConnection, number: &str, since: i64) -> sqlx::Result<(i64, Option<i64>)> {
    sqlx::query_as("SELECT COUNT(*), MIN(created_at) FROM inquiries WHERE buyer_whatsapp = $1 AND created_at > $2")
        .bind(number)
        .bind(since)
        .fetch_one(conn)
        .await
}

/// An inquiry to write: what it is about (as found), the form, and who sends it.
pub struct NewInquiry<'a> {
    pub village_id: i64,
    pub shop_id: Option<i64>,
    pub product_id: Option<i64>,
    pub flagship: bool,
    pub subject: &'a str,
    /// The form, with the buyer's WhatsApp number read.
    pub form: &'a Valid<InquiryForm>,
    pub user_id: Option<i64>,
    pub fingerprint: &'a str,
}

/// Writes a new inquiry (status `baru`); returns its id.
pub async fn insert(conn: &mut AnyConnection, new: &NewInquiry<'_>, now: i64) -> sqlx::Result<i64> {
    let form = new.form;
    let trimmed = |text: &Option<String>| given(text).map(str::to_owned);
    sqlx::query_scalar(
        "INSERT INTO inquiries (village_id, shop_id, product_id, flagship, subject, kind, buyer_name, buyer_whatsapp, \
         buyer_email, organisation, quantity, unit, destination, dest_country, needed_by, message, status, user_id, \
         fingerprint, created_at, updated_at, lang) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'baru', $17, $18, $19, $19, \
         $20) RETURNING id",
    )
    .bind(new.village_id)
    .bind(new.shop_id)
    .bind(new.product_id)
    .bind(new.flagship)
    .bind(new.subject)
    .bind(form.kind.code())
    .bind(form.buyer_name.trim())
    .bind(&form.parsed().number)
    .bind(trimmed(&form.buyer_email))
    .bind(trimmed(&form.organisation))
    .bind(form.quantity)
    .bind(form.unit.trim())
    .bind(form.destination.trim())
    .bind(form.country())
    .bind(trimmed(&form.needed_by))
    .bind(form.message.trim())
    .bind(new.user_id)
    .bind(new.fingerprint)
    .bind(now)
    .bind(form.lang.code())
    .fetch_one(conn)
    .await
}

/// The village's admins, by id.
pub async fn village_admins(conn: &mut AnyConnection, village_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("SELECT user_id FROM grants WHERE role = 'village_admin' AND village_id = $1 ORDER BY user_id")
        .bind(village_id)
        .fetch_all(conn)
        .await
}

/// The district admins of a region containing the desa `code`, by id.
pub async fn district_admins(conn: &mut AnyConnection, code: &str) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar(
        "SELECT DISTINCT user_id FROM grants WHERE role = 'district_admin' \
         AND ($1 = region_code OR $1 LIKE region_code || '.%') ORDER BY user_id",
    )
    .bind(code)
    .fetch_all(conn)
    .await
}
