//! SQL of certificates: the seller's writes, the village admin's decision, the lists both read, and what
//! shoppers see — verified certificates whose last valid day is not before today, compared when read.

use std::collections::HashMap;

use shared::certificate::{Certificate, CertificateForm, CertificateKind, CertificateStatus, ShownCertificate};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{db::Db, images};

/// The columns of a certificate as its seller and admin see it, over [`FROM`].
const COLUMNS: &str = "c.id, c.product_id, p.name AS product_name, s.name AS shop_name, c.kind, c.number, c.issuer, \
    c.expires_on, c.photo_id, i.variants, c.status, c.refusal_reason, c.updated_at";
const FROM: &str = "FROM product_certificates c JOIN products p ON p.id = c.product_id JOIN shops s ON s.id = p.shop_id \
    JOIN images i ON i.id = c.photo_id";

/// The condition "shown to shoppers" over `c`, with `today` a bound `YYYY-MM-DD`.
fn shown_condition(today: &str) -> String {
    format!("c.status = 'verified' AND (c.expires_on IS NULL OR c.expires_on >= {today})")
}

/// The catalog's filter over `p`: the product holds a shown certificate of the kind bound at `kind`.
pub fn holding(kind: &str, today: &str) -> String {
    format!(
        "p.id IN (SELECT c.product_id FROM product_certificates c WHERE c.kind = {kind} AND {})",
        shown_condition(today)
    )
}

fn record(r: &AnyRow, today: &str) -> anyhow::Result<Certificate> {
    let code: String = r.try_get("kind")?;
    let kind = CertificateKind::from_code(&code).ok_or_else(|| anyhow::anyhow!("unknown certificate kind {code}"))?;
    let code: String = r.try_get("status")?;
    let status = CertificateStatus::from_code(&code).ok_or_else(|| anyhow::anyhow!("unknown status {code}"))?;
    let expires_on: Option<String> = r.try_get("expires_on")?;
    Ok(Certificate {
        id: r.try_get("id")?,
        product_id: r.try_get("product_id")?,
        product_name: r.try_get("product_name")?,
        shop_name: r.try_get("shop_name")?,
        kind,
        number: r.try_get("number")?,
        issuer: r.try_get("issuer")?,
        expired: !shared::certificate::still_valid(expires_on.as_deref(), today),
        expires_on,
        photo: images::stored(r.try_get("photo_id")?, &r.try_get::<String, _>("variants")?)?,
        status,
        refusal_reason: r.try_get("refusal_reason")?,
        updated_at: r.try_get("updated_at")?,
    })
}

/// The certificates of the shop's product, oldest first.
pub async fn of_product(db: &Db, shop_id: i64, product_id: i64) -> anyhow::Result<Vec<Certificate>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE p.shop_id = $1 AND c.product_id = $2 ORDER BY c.id");
    let rows = sqlx::query(&sql).bind(shop_id).bind(product_id).fetch_all(&db.pool).await?;
    let today = db.today();
    rows.iter().map(|r| record(r, &today)).collect()
}

/// The certificates of the village's products: waiting ones first, then the newest changes.
pub async fn of_village(db: &Db, village_id: i64) -> anyhow::Result<Vec<Certificate>> {
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE s.village_id = $1 \
         ORDER BY CASE c.status WHEN 'waiting' THEN 0 ELSE 1 END, c.updated_at DESC, c.id DESC"
    );
    let rows = sqlx::query(&sql).bind(village_id).fetch_all(&db.pool).await?;
    let today = db.today();
    rows.iter().map(|r| record(r, &today)).collect()
}

/// One certificate.
pub async fn one(db: &Db, id: i64) -> anyhow::Result<Option<Certificate>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE c.id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&db.pool).await?;
    let today = db.today();
    row.map(|r| record(&r, &today)).transpose()
}

/// Whether the product is the shop's.
pub async fn product_of_shop(db: &Db, product_id: i64, shop_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM products WHERE id = $1 AND shop_id = $2")
        .bind(product_id)
        .bind(shop_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}

/// What a certificate holds that its verification vouches for: kind, number, expiry, photo; and its status.
#[derive(Clone, Debug, PartialEq)]
pub struct Vouched {
    pub kind: String,
    pub number: String,
    pub expires_on: Option<String>,
    pub photo_id: i64,
    pub status: String,
}

/// The shop's certificate `id`, as [`Vouched`].
pub async fn of_shop(conn: &mut AnyConnection, id: i64, shop_id: i64) -> sqlx::Result<Option<Vouched>> {
    let row = sqlx::query(
        "SELECT c.kind, c.number, c.expires_on, c.photo_id, c.status FROM product_certificates c \
         JOIN products p ON p.id = c.product_id WHERE c.id = $1 AND p.shop_id = $2",
    )
    .bind(id)
    .bind(shop_id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(Vouched {
            kind: r.try_get("kind")?,
            number: r.try_get("number")?,
            expires_on: r.try_get("expires_on")?,
            photo_id: r.try_get("photo_id")?,
            status: r.try_get("status")?,
        })
    })
    .transpose()
}

/// What the form would make of a certificate, as [`Vouched`] (for comparing with the stored one).
pub fn vouched(form: &CertificateForm, photo_id: i64, status: &str) -> Vouched {
    Vouched {
        kind: form.kind.code().to_owned(),
        number: form.number.trim().to_owned(),
        expires_on: form.expiry().map(str::to_owned),
        photo_id,
        status: status.to_owned(),
    }
}

/// Adds a waiting certificate to the product; answers its id.
pub async fn insert(
    conn: &mut AnyConnection,
    product_id: i64,
    new: &Vouched,
    issuer: &str,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO product_certificates (product_id, kind, number, issuer, expires_on, photo_id, status, created_at, \
            updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $7) RETURNING id",
    )
    .bind(product_id)
    .bind(&new.kind)
    .bind(&new.number)
    .bind(issuer)
    .bind(&new.expires_on)
    .bind(new.photo_id)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Writes the certificate's fields and status; back to waiting, the admin's decision is forgotten.
pub async fn update(conn: &mut AnyConnection, id: i64, new: &Vouched, issuer: &str, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE product_certificates SET kind = $1, number = $2, issuer = $3, expires_on = $4, photo_id = $5, \
            status = $6, updated_at = $7, \
            refusal_reason = CASE WHEN $6 = 'waiting' THEN NULL ELSE refusal_reason END, \
            decided_by = CASE WHEN $6 = 'waiting' THEN NULL ELSE decided_by END, \
            decided_at = CASE WHEN $6 = 'waiting' THEN NULL ELSE decided_at END \
         WHERE id = $8",
    )
    .bind(&new.kind)
    .bind(&new.number)
    .bind(issuer)
    .bind(&new.expires_on)
    .bind(new.photo_id)
    .bind(&new.status)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Removes the shop's certificate; false when it is not the shop's.
pub async fn delete(conn: &mut AnyConnection, id: i64, shop_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "DELETE FROM product_certificates WHERE id = $1 \
         AND product_id IN (SELECT id FROM products WHERE shop_id = $2)",
    )
    .bind(id)
    .bind(shop_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The certificate `id` of a product of the village, named for the audit log ("Halal ID… — Kopi, Toko").
pub async fn in_village(conn: &mut AnyConnection, id: i64, village_id: i64) -> anyhow::Result<Option<String>> {
    let row = sqlx::query(
        "SELECT c.kind, c.number, p.name AS product_name, s.name AS shop_name FROM product_certificates c \
         JOIN products p ON p.id = c.product_id JOIN shops s ON s.id = p.shop_id WHERE c.id = $1 AND s.village_id = $2",
    )
    .bind(id)
    .bind(village_id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        let kind = CertificateKind::from_code(&r.try_get::<String, _>("kind")?).map_or("Sertifikat", |k| k.label());
        let (number, product, shop): (String, String, String) =
            (r.try_get("number")?, r.try_get("product_name")?, r.try_get("shop_name")?);
        Ok(format!("Sertifikat {kind} {number} — {product}, {shop}"))
    })
    .transpose()
}

/// Sets the admin's decision: verified (no reason) or refused (with one).
pub async fn decide(
    conn: &mut AnyConnection,
    id: i64,
    status: CertificateStatus,
    reason: Option<&str>,
    by: i64,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE product_certificates SET status = $1, refusal_reason = $2, decided_by = $3, decided_at = $4 \
         WHERE id = $5",
    )
    .bind(status.code())
    .bind(reason)
    .bind(by)
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// The product's certificates shoppers see, in the order of the kinds.
pub async fn shown(db: &Db, product_id: i64) -> anyhow::Result<Vec<ShownCertificate>> {
    let sql = format!(
        "SELECT c.kind, c.number, c.issuer, c.expires_on FROM product_certificates c \
         WHERE c.product_id = $1 AND {} ORDER BY c.id",
        shown_condition("$2")
    );
    let rows = sqlx::query(&sql).bind(product_id).bind(db.today()).fetch_all(&db.pool).await?;
    let mut shown = Vec::with_capacity(rows.len());
    for r in &rows {
        if let Some(kind) = CertificateKind::from_code(&r.try_get::<String, _>("kind")?) {
            shown.push(ShownCertificate {
                kind,
                number: r.try_get("number")?,
                issuer: r.try_get("issuer")?,
                expires_on: r.try_get("expires_on")?,
            });
        }
    }
    shown.sort_by_key(|c| c.kind);
    Ok(shown)
}

/// The kinds of certificates shoppers see on each of these products' cards, each kind once, in order.
pub async fn shown_kinds(db: &Db, ids: &[i64]) -> anyhow::Result<HashMap<i64, Vec<CertificateKind>>> {
    let mut kinds: HashMap<i64, Vec<CertificateKind>> = HashMap::new();
    if ids.is_empty() {
        return Ok(kinds);
    }
    // Integers we hold, written into the statement.
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    let sql = format!(
        "SELECT DISTINCT c.product_id, c.kind FROM product_certificates c WHERE c.product_id IN ({list}) AND {}",
        shown_condition("$1")
    );
    for r in sqlx::query(&sql).persistent(false).bind(db.today()).fetch_all(&db.pool).await? {
        if let Some(kind) = CertificateKind::from_code(&r.try_get::<String, _>("kind")?) {
            kinds.entry(r.try_get("product_id")?).or_default().push(kind);
        }
    }
    for list in kinds.values_mut() {
        list.sort();
    }
    Ok(kinds)
}
