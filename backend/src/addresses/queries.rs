//! SQL for addresses: the names of a desa's regions (walking up the region table) and the address
//! book of each user.

use shared::{Address, Phone, PlacedAddress, Valid};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::error::AppResult;

/// The names of a desa `d` and the regions above it.
const NAMES: &str = "d.name AS desa, COALESCE(kc.name, '') AS kecamatan, COALESCE(kb.name, '') AS kabupaten, \
    COALESCE(pv.name, '') AS provinsi";

/// The regions above a desa `d`, each the parent of the one below.
const ANCESTORS: &str = "LEFT JOIN regions kc ON kc.code = d.parent_code LEFT JOIN regions kb ON kb.code = kc.parent_code \
    LEFT JOIN regions pv ON pv.code = kb.parent_code";

/// The address as it is kept: text trimmed, the WhatsApp number in the form people read.
fn tidy(a: &Valid<Address>) -> Address {
    Address {
        recipient: a.recipient.trim().to_owned(),
        whatsapp: a.parsed().whatsapp.display(),
        desa_code: a.desa_code.clone(),
        street: a.street.trim().to_owned(),
        rt_rw: a.rt_rw.trim().to_owned(),
        landmark: a.landmark.trim().to_owned(),
    }
}

fn placed_from(r: &AnyRow, id: Option<i64>, address: Address) -> sqlx::Result<PlacedAddress> {
    Ok(PlacedAddress {
        id,
        address,
        desa: r.try_get("desa")?,
        kecamatan: r.try_get("kecamatan")?,
        kabupaten: r.try_get("kabupaten")?,
        provinsi: r.try_get("provinsi")?,
    })
}

/// `address` (tidied) with the names of its desa, kecamatan, kabupaten and provinsi; `None` when its
/// desa is not in the region table.
pub async fn placed(conn: &mut AnyConnection, address: &Valid<Address>) -> AppResult<Option<PlacedAddress>> {
    let sql = format!("SELECT {NAMES} FROM regions d {ANCESTORS} WHERE d.code = $1 AND d.level = 4");
    let row = sqlx::query(&sql).bind(address.parsed().desa.as_str()).fetch_optional(conn).await?;
    Ok(row.map(|r| placed_from(&r, None, tidy(address))).transpose()?)
}

/// The user's saved addresses, newest first.
pub async fn list(conn: &mut AnyConnection, user_id: i64) -> AppResult<Vec<PlacedAddress>> {
    let sql = format!(
        "SELECT a.id, a.recipient, a.whatsapp, a.desa_code, a.street, a.rt_rw, a.landmark, {NAMES} \
         FROM addresses a JOIN regions d ON d.code = a.desa_code {ANCESTORS} \
         WHERE a.user_id = $1 ORDER BY a.id DESC"
    );
    let rows = sqlx::query(&sql).bind(user_id).fetch_all(conn).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let whatsapp: String = r.try_get("whatsapp")?;
        let address = Address {
            recipient: r.try_get("recipient")?,
            whatsapp: Phone::parse(&whatsapp).map(|p| p.display()).unwrap_or(whatsapp),
            desa_code: r.try_get("desa_code")?,
            street: r.try_get("street")?,
            rt_rw: r.try_get("rt_rw")?,
            landmark: r.try_get("landmark")?,
        };
        out.push(placed_from(r, Some(r.try_get("id")?), address)?);
    }
    Ok(out)
}

/// How many addresses the user has saved.
pub async fn count(conn: &mut AnyConnection, user_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM addresses WHERE user_id = $1").bind(user_id).fetch_one(conn).await
}

/// Saves an address in the user's book, tidied as [`placed`] shows it (the number in canonical form);
/// returns its id.
pub async fn insert(conn: &mut AnyConnection, user_id: i64, address: &Valid<Address>, now: i64) -> AppResult<i64> {
    let tidied = tidy(address);
    let id = sqlx::query_scalar(
        "INSERT INTO addresses (user_id, recipient, whatsapp, desa_code, street, rt_rw, landmark, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(user_id)
    .bind(&tidied.recipient)
    .bind(address.parsed().whatsapp.as_str())
    .bind(address.parsed().desa.as_str())
    .bind(&tidied.street)
    .bind(&tidied.rt_rw)
    .bind(&tidied.landmark)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Removes one of the user's addresses; false when the user has no address with this id.
pub async fn delete(conn: &mut AnyConnection, user_id: i64, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("DELETE FROM addresses WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() > 0)
}
