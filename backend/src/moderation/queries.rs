//! SQL of a village's moderation: its listings and shops as its admins see them, hiding a listing, moving a
//! shop between active and suspended, and linking a shop to one of the village's enterprises.

use shared::{ProductStatus, UserRef, product::ModeratedProduct, storefront::ModeratedShop};
use sqlx::{AnyConnection, Row};

use crate::{
    accounts::queries::{phone, shop_status},
    db::{Db, flag},
    products::queries::{CARD, CARD_FROM, LISTED, card},
    shops::queries::enterprise,
};

/// Every listing of the village's shops, drafts excluded (they are the seller's own), newest first.
pub async fn village_products(db: &Db, village_id: i64) -> anyhow::Result<Vec<ModeratedProduct>> {
    let sql = format!(
        "SELECT {CARD}, p.status, p.hidden_reason {CARD_FROM} WHERE s.village_id = $1 AND p.status <> 'draft' \
         ORDER BY p.created_at DESC, p.id DESC"
    );
    let rows = sqlx::query(&sql).bind(village_id).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let status: String = r.try_get("status")?;
        out.push(ModeratedProduct {
            card: card(r)?,
            status: ProductStatus::from_code(&status).ok_or_else(|| anyhow::anyhow!("status {status}"))?,
            hidden_reason: r.try_get("hidden_reason")?,
        });
    }
    Ok(out)
}

/// The name of the product `id` when it is sold in the village.
pub async fn product_name(conn: &mut AnyConnection, id: i64, village_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT p.name FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.id = $1 AND s.village_id = $2",
    )
    .bind(id)
    .bind(village_id)
    .fetch_optional(conn)
    .await
}

/// Hides a product with a reason, by `admin` (or, with no reason, shows it again).
pub async fn set_hidden(
    conn: &mut AnyConnection,
    id: i64,
    reason: Option<&str>,
    admin: Option<i64>,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE products SET hidden_reason = $1, hidden_by = $2, updated_at = $3 WHERE id = $4")
        .bind(reason)
        .bind(admin)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether the shop's owner (on `shops s`) is an admin of its village.
const BY_VILLAGE_ADMIN: &str = "EXISTS (SELECT 1 FROM grants g WHERE g.role = 'village_admin' \
    AND g.village_id = s.village_id AND g.user_id = s.owner_id) AS by_village_admin";

/// A shop of the village as its admins list it (`moderable` still false), and whether its owner is an
/// admin of the village.
pub struct VillageShop {
    pub shop: ModeratedShop,
    pub by_village_admin: bool,
}

/// The village's approved shops (active or suspended), by name.
pub async fn village_shops(db: &Db, village_id: i64) -> anyhow::Result<Vec<VillageShop>> {
    let sql = format!(
        "SELECT s.id, s.slug, s.name, s.status, s.status_reason, u.id AS owner_id, u.name AS owner_name, \
            u.phone AS owner_phone, e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, e.description AS e_description, \
            (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id) AS products, \
            (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS listed, {BY_VILLAGE_ADMIN} \
         FROM shops s LEFT JOIN users u ON u.id = s.owner_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.village_id = $1 AND s.status IN ('active', 'suspended') ORDER BY s.name, s.id"
    );
    let rows = sqlx::query(&sql).bind(village_id).fetch_all(&db.pool).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let owner = match r.try_get::<Option<i64>, _>("owner_id")? {
            Some(id) => Some(UserRef { id, name: r.try_get("owner_name")?, phone: phone(r, "owner_phone")? }),
            None => None,
        };
        let enterprise = enterprise(r)?;
        let shop = ModeratedShop {
            id: r.try_get("id")?,
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            status: shop_status(r)?,
            status_reason: r.try_get("status_reason")?,
            owner,
            enterprise,
            products: r.try_get("products")?,
            listed: r.try_get("listed")?,
            moderable: false,
        };
        out.push(VillageShop { shop, by_village_admin: flag(r, "by_village_admin")? });
    }
    Ok(out)
}

/// What moving a shop needs to know of it.
pub struct ShopState {
    pub name: String,
    /// Its status code.
    pub status: String,
    pub owner_id: Option<i64>,
    pub by_village_admin: bool,
}

/// The shop `id` when it is in the village.
pub async fn shop_state(conn: &mut AnyConnection, id: i64, village_id: i64) -> sqlx::Result<Option<ShopState>> {
    let row = sqlx::query(&format!(
        "SELECT s.name, s.status, s.owner_id, {BY_VILLAGE_ADMIN} FROM shops s WHERE s.id = $1 AND s.village_id = $2"
    ))
    .bind(id)
    .bind(village_id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(ShopState {
            name: r.try_get("name")?,
            status: r.try_get("status")?,
            owner_id: r.try_get("owner_id")?,
            by_village_admin: flag(&r, "by_village_admin")?,
        })
    })
    .transpose()
}

/// Records an admin's decision on a shop: its new status (code) and why.
pub async fn decide(
    conn: &mut AnyConnection,
    id: i64,
    status: &str,
    reason: Option<&str>,
    admin: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE shops SET status = $1, status_reason = $2, decided_by = $3, decided_at = $4 WHERE id = $5")
        .bind(status)
        .bind(reason)
        .bind(admin)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The name of the enterprise `id` when it is one of the village's.
pub async fn enterprise_name(conn: &mut AnyConnection, id: i64, village_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar::<_, String>("SELECT name FROM enterprises WHERE id = $1 AND village_id = $2")
        .bind(id)
        .bind(village_id)
        .fetch_optional(conn)
        .await
}

/// The name of the shop `id` when it is in the village.
pub async fn shop_name(conn: &mut AnyConnection, id: i64, village_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM shops WHERE id = $1 AND village_id = $2")
        .bind(id)
        .bind(village_id)
        .fetch_optional(conn)
        .await
}

/// Links the shop to an enterprise, or unlinks it.
pub async fn set_enterprise(conn: &mut AnyConnection, shop_id: i64, enterprise_id: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("UPDATE shops SET enterprise_id = $1 WHERE id = $2")
        .bind(enterprise_id)
        .bind(shop_id)
        .execute(conn)
        .await?;
    Ok(())
}
