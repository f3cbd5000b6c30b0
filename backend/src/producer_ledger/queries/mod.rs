//! SQL of the producers' ledger: the shop's fee per producer, payouts, the accounts and a statement's
//! rows; the credits themselves and the dashboards' summary are in `credits.rs`.

pub mod credits;

use shared::{
    Producer,
    producer_ledger::{Credit, CreditKind, Fee, FeeKind, PayoutMethod, ProducerAccount, day_date},
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{db::Db, images::queries::PhotoList};

/// A payout's receipt photo (at most one).
pub const RECEIPT: PhotoList = PhotoList { table: "producer_payout_photos", owner: "payout_id" };

/// The fee columns of a row.
fn fee_of(row: &AnyRow) -> sqlx::Result<Fee> {
    let kind: String = row.try_get("fee_kind")?;
    Ok(Fee { kind: FeeKind::from_code(&kind).unwrap_or_default(), value: row.try_get("fee_value")? })
}

/// Sets the fee and WhatsApp of the shop's producer; false when it is not the shop's.
pub async fn set_terms(
    conn: &mut AnyConnection,
    shop_id: i64,
    producer_id: i64,
    fee: Fee,
    phone: Option<&str>,
) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE producers SET fee_kind = $1, fee_value = $2, phone = $3 WHERE id = $4 AND shop_id = $5")
            .bind(fee.kind.code())
            .bind(fee.value)
            .bind(phone)
            .bind(producer_id)
            .bind(shop_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// A payout about to be recorded.
pub struct NewPayout<'a> {
    pub shop_id: i64,
    pub producer_id: i64,
    pub amount: i64,
    pub method: PayoutMethod,
    pub paid_on: i64,
    pub note: &'a str,
    pub recorded_by: i64,
    pub at: i64,
}

/// Records the payout; answers its id.
pub async fn insert_payout(conn: &mut AnyConnection, new: &NewPayout<'_>) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO producer_payouts (shop_id, producer_id, amount, method, paid_on, note, recorded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(new.shop_id)
    .bind(new.producer_id)
    .bind(new.amount)
    .bind(new.method.code())
    .bind(new.paid_on)
    .bind(new.note)
    .bind(new.recorded_by)
    .bind(new.at)
    .fetch_one(conn)
    .await
}

/// The columns of an account, over `producers pr`, its sums up to day `$2` (inclusive).
const ACCOUNT: &str = "SELECT pr.id, pr.name, pr.dusun, pr.makes, pr.phone, pr.fee_kind, pr.fee_value, \
    (SELECT CAST(COALESCE(SUM(c.quantity), 0) AS BIGINT) FROM producer_credits c WHERE c.producer_id = pr.id AND c.day <= $2) AS items, \
    (SELECT CAST(COALESCE(SUM(c.amount), 0) AS BIGINT) FROM producer_credits c WHERE c.producer_id = pr.id AND c.day <= $2) AS sold, \
    (SELECT CAST(COALESCE(SUM(c.fee), 0) AS BIGINT) FROM producer_credits c WHERE c.producer_id = pr.id AND c.day <= $2) AS fees, \
    (SELECT CAST(COALESCE(SUM(p.amount), 0) AS BIGINT) FROM producer_payouts p WHERE p.producer_id = pr.id AND p.paid_on <= $2) AS paid \
    FROM producers pr WHERE pr.shop_id = $1";

fn account_of(row: &AnyRow) -> sqlx::Result<ProducerAccount> {
    let (sold, fees, paid): (i64, i64, i64) = (row.try_get("sold")?, row.try_get("fees")?, row.try_get("paid")?);
    Ok(ProducerAccount {
        producer: Producer {
            id: row.try_get("id")?,
            name: row.try_get("name")?,
            dusun: row.try_get("dusun")?,
            makes: row.try_get("makes")?,
        },
        phone: row.try_get("phone")?,
        fee: fee_of(row)?,
        items: row.try_get("items")?,
        sold,
        fees,
        owed: sold - fees,
        paid,
        balance: sold - fees - paid,
    })
}

/// Every producer's account with the shop up to day `until` (inclusive), by name.
pub async fn accounts(db: &Db, shop_id: i64, until: i64) -> sqlx::Result<Vec<ProducerAccount>> {
    let rows = sqlx::query(&format!("{ACCOUNT} ORDER BY pr.name, pr.id"))
        .bind(shop_id)
        .bind(until)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(account_of).collect()
}

/// The shop's producer `producer_id`'s account up to day `until`; `None` when it is not the shop's.
pub async fn account(db: &Db, shop_id: i64, producer_id: i64, until: i64) -> sqlx::Result<Option<ProducerAccount>> {
    let row = sqlx::query(&format!("{ACCOUNT} AND pr.id = $3"))
        .bind(shop_id)
        .bind(until)
        .bind(producer_id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(account_of).transpose()
}

/// The producer's credits of days `from` to `to`, oldest first, with the order and product as sold.
pub async fn credits(db: &Db, producer_id: i64, from: i64, to: i64) -> sqlx::Result<Vec<Credit>> {
    let rows = sqlx::query(
        "SELECT c.kind, c.day, o.code, l.name, c.quantity, c.amount, c.fee FROM producer_credits c \
            JOIN orders o ON o.id = c.order_id JOIN order_lines l ON l.id = c.line_id \
         WHERE c.producer_id = $1 AND c.day >= $2 AND c.day <= $3 ORDER BY c.day, c.id",
    )
    .bind(producer_id)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let kind: String = r.try_get("kind")?;
            let (amount, fee): (i64, i64) = (r.try_get("amount")?, r.try_get("fee")?);
            Ok(Credit {
                kind: if kind == "refund" { CreditKind::Refund } else { CreditKind::Jual },
                date: day_date(r.try_get("day")?),
                order_code: r.try_get("code")?,
                product_name: r.try_get("name")?,
                quantity: r.try_get("quantity")?,
                amount,
                fee,
                owed: amount - fee,
            })
        })
        .collect()
}

/// A payout as stored, without its receipt photo.
pub struct StoredPayout {
    pub id: i64,
    pub amount: i64,
    pub method: PayoutMethod,
    pub paid_on: i64,
    pub note: String,
}

/// The producer's payouts of days `from` to `to` (all with `id`), oldest first.
pub async fn payouts(db: &Db, producer_id: i64, from: i64, to: i64) -> sqlx::Result<Vec<StoredPayout>> {
    let rows = sqlx::query(
        "SELECT id, amount, method, paid_on, note FROM producer_payouts \
         WHERE producer_id = $1 AND paid_on >= $2 AND paid_on <= $3 ORDER BY paid_on, id",
    )
    .bind(producer_id)
    .bind(from)
    .bind(to)
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            let method: String = r.try_get("method")?;
            Ok(StoredPayout {
                id: r.try_get("id")?,
                amount: r.try_get("amount")?,
                method: PayoutMethod::from_code(&method).unwrap_or_default(),
                paid_on: r.try_get("paid_on")?,
                note: r.try_get("note")?,
            })
        })
        .collect()
}

/// The shop's name and its village's.
pub async fn shop_names(db: &Db, shop_id: i64) -> sqlx::Result<(String, String)> {
    sqlx::query_as("SELECT s.name, v.name FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.id = $1")
        .bind(shop_id)
        .fetch_one(&db.pool)
        .await
}
