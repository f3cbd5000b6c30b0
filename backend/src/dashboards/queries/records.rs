//! SQL of the district's records for download: villages, shops, products and orders of the filter, each
//! column as stored (text and numbers that may be missing read as such).

use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{dashboards::filter::Filter, error::AppResult, products::queries::LISTED};

fn text(row: &AnyRow, name: &str) -> AppResult<Option<String>> {
    Ok(row.try_get(name)?)
}

fn number(row: &AnyRow, name: &str) -> AppResult<Option<i64>> {
    Ok(row.try_get(name)?)
}

/// A village with what it has today.
pub struct VillageRecord {
    pub region_code: Option<String>,
    pub name: Option<String>,
    pub kecamatan: Option<String>,
    pub idm_status: Option<String>,
    pub idm_year: Option<i64>,
    pub flagship_name: Option<String>,
    pub flagship_sector: Option<String>,
    pub shops: Option<i64>,
    pub products: Option<i64>,
    pub enterprises: Option<i64>,
}

/// The filter's villages, by kecamatan and name.
pub async fn villages(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<VillageRecord>> {
    let sql = format!(
        "SELECT v.region_code, v.name, k.name AS kecamatan, v.idm_status, v.idm_year, v.flagship_name, \
             v.flagship_sector, \
             (SELECT COUNT(*) FROM shops s WHERE s.village_id = v.id AND s.status = 'active') AS shops, \
             (SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE s.village_id = v.id AND {LISTED}) \
                 AS products, \
             (SELECT COUNT(*) FROM enterprises e WHERE e.village_id = v.id) AS enterprises \
         FROM villages v JOIN regions k ON k.code = v.kecamatan_code WHERE {} ORDER BY k.name, v.name",
        filter.villages()
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(VillageRecord {
                region_code: text(row, "region_code")?,
                name: text(row, "name")?,
                kecamatan: text(row, "kecamatan")?,
                idm_status: text(row, "idm_status")?,
                idm_year: number(row, "idm_year")?,
                flagship_name: text(row, "flagship_name")?,
                flagship_sector: text(row, "flagship_sector")?,
                shops: number(row, "shops")?,
                products: number(row, "products")?,
                enterprises: number(row, "enterprises")?,
            })
        })
        .collect()
}

/// A shop with its enterprise and what it sells today.
pub struct ShopRecord {
    pub name: Option<String>,
    pub village: Option<String>,
    pub kecamatan: Option<String>,
    pub enterprise: Option<String>,
    /// Its enterprise's kind code, empty for none.
    pub kind: String,
    pub whatsapp: Option<String>,
    pub status: Option<String>,
    pub created_at: i64,
    pub products: Option<i64>,
}

/// The filter's shops, by village and name.
pub async fn shops(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<ShopRecord>> {
    let sql = format!(
        "SELECT s.name, v.name AS village, k.name AS kecamatan, e.name AS enterprise, COALESCE(e.kind, '') AS kind, \
             s.whatsapp, s.status, s.created_at, \
             (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS products \
         FROM shops s JOIN villages v ON v.id = s.village_id JOIN regions k ON k.code = v.kecamatan_code \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id WHERE {} ORDER BY v.name, s.name",
        filter.shops()
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(ShopRecord {
                kind: row.try_get("kind")?,
                name: text(row, "name")?,
                village: text(row, "village")?,
                kecamatan: text(row, "kecamatan")?,
                enterprise: text(row, "enterprise")?,
                whatsapp: text(row, "whatsapp")?,
                status: text(row, "status")?,
                created_at: row.try_get("created_at")?,
                products: number(row, "products")?,
            })
        })
        .collect()
}

/// A product with its shop and where it stands today.
pub struct ProductRecord {
    pub id: Option<i64>,
    pub name: Option<String>,
    pub shop: Option<String>,
    pub village: Option<String>,
    pub sector: Option<String>,
    pub price: Option<i64>,
    pub unit: Option<String>,
    pub stock: Option<i64>,
    /// `dijual`, `disembunyikan admin` or its own status code.
    pub state: Option<String>,
    pub created_at: i64,
}

/// The filter's products, by village, shop and id.
pub async fn products(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<ProductRecord>> {
    let sql = format!(
        "SELECT p.id, p.name, s.name AS shop, v.name AS village, p.sector, p.price, p.unit, p.stock, \
             CASE WHEN {LISTED} THEN 'dijual' WHEN p.hidden_reason IS NOT NULL THEN 'disembunyikan admin' \
                 ELSE p.status END AS state, p.created_at \
         FROM products p JOIN shops s ON s.id = p.shop_id JOIN villages v ON v.id = s.village_id \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id WHERE {} ORDER BY v.name, s.name, p.id",
        filter.products()
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(ProductRecord {
                id: number(row, "id")?,
                name: text(row, "name")?,
                shop: text(row, "shop")?,
                village: text(row, "village")?,
                sector: text(row, "sector")?,
                price: number(row, "price")?,
                unit: text(row, "unit")?,
                stock: number(row, "stock")?,
                state: text(row, "state")?,
                created_at: row.try_get("created_at")?,
            })
        })
        .collect()
}

/// An order without its buyer's name and number.
pub struct OrderRecord {
    pub code: Option<String>,
    pub created_at: i64,
    pub shop: Option<String>,
    pub village: Option<String>,
    pub status: Option<String>,
    pub payment: Option<String>,
    pub delivery: Option<String>,
    /// The kabupaten it goes to.
    pub destination: Option<String>,
    pub items: Option<i64>,
    pub items_total: Option<i64>,
    pub delivery_fee: Option<i64>,
}

/// The filter's orders of the period, oldest first.
pub async fn orders(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<OrderRecord>> {
    let sql = format!(
        "SELECT o.code, o.created_at, s.name AS shop, v.name AS village, o.status, o.payment, o.delivery, \
             r.name AS destination, \
             (SELECT CAST(SUM(l.quantity) AS BIGINT) FROM order_lines l WHERE l.order_id = o.id) AS items, \
             o.items_total, o.delivery_fee \
         FROM orders o JOIN shops s ON s.id = o.shop_id JOIN villages v ON v.id = s.village_id \
         LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         LEFT JOIN regions r ON r.code = SUBSTR(o.dest_desa_code, 1, 5) \
         WHERE o.created_at >= {} AND o.created_at < {} AND {} ORDER BY o.created_at, o.id",
        filter.since_ms,
        filter.until_ms,
        filter.shops()
    );
    let rows = sqlx::query(&sql).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok(OrderRecord {
                code: text(row, "code")?,
                created_at: row.try_get("created_at")?,
                shop: text(row, "shop")?,
                village: text(row, "village")?,
                status: text(row, "status")?,
                payment: text(row, "payment")?,
                delivery: text(row, "delivery")?,
                destination: text(row, "destination")?,
                items: number(row, "items")?,
                items_total: number(row, "items_total")?,
                delivery_fee: number(row, "delivery_fee")?,
            })
        })
        .collect()
}
