//! SQL of the demo loader: what the feature folders' own queries do not cover (a village's flagship
//! enterprise, a shop's terms and producers, the demo consultant and the state of the example
//! consultations).

use shared::{ConsultationStatus, Office, consultation::VisitStatus};
use sqlx::AnyConnection;

use crate::db::Db;

/// How many villages the database holds.
pub async fn village_count(db: &Db) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT COUNT(*) FROM villages").fetch_one(&db.pool).await
}

/// The id of the village with this desa code.
pub async fn village_id(conn: &mut AnyConnection, code: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("SELECT id FROM villages WHERE region_code = $1").bind(code).fetch_one(conn).await
}

/// Names the enterprise behind the village's flagship product (none: `None`).
pub async fn set_flagship_enterprise(
    conn: &mut AnyConnection,
    village_id: i64,
    enterprise_id: Option<i64>,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE villages SET flagship_enterprise_id = $1 WHERE id = $2")
        .bind(enterprise_id)
        .bind(village_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A demo shop's terms: the enterprise it represents, where buyers collect, how it delivers and the bank
/// accounts it takes transfers to (both JSON).
pub struct ShopTerms<'a> {
    pub enterprise_id: Option<i64>,
    pub pickup_address: &'a str,
    pub delivery: String,
    pub bank_accounts: String,
}

/// Sets a shop's terms.
pub async fn set_shop_terms(conn: &mut AnyConnection, shop_id: i64, terms: ShopTerms<'_>) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE shops SET enterprise_id = $1, pickup_address = $2, delivery = $3, bank_accounts = $4 \
         WHERE id = $5",
    )
    .bind(terms.enterprise_id)
    .bind(terms.pickup_address)
    .bind(terms.delivery)
    .bind(terms.bank_accounts)
    .bind(shop_id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds a member producer to a shop at `now`; returns its id.
pub async fn insert_producer(
    conn: &mut AnyConnection,
    shop_id: i64,
    (name, dusun, makes): (&str, &str, &str),
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO producers (shop_id, name, dusun, makes, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(shop_id)
    .bind(name)
    .bind(dusun)
    .bind(makes)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Makes the user a consultant of `office` for the region at `now`.
pub async fn insert_consultant(
    conn: &mut AnyConnection,
    user_id: i64,
    region: &str,
    office: Office,
    now: i64,
) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO consultants (user_id, region_code, office, created_at) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(region)
        .bind(office.code())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The shop with this WhatsApp number (canonical form), as (owner id, shop id, village id, village slug).
pub async fn shop_of_whatsapp(conn: &mut AnyConnection, whatsapp: &str) -> sqlx::Result<(i64, i64, i64, String)> {
    sqlx::query_as(
        "SELECT s.owner_id, s.id, s.village_id, v.slug FROM shops s JOIN villages v ON v.id = s.village_id \
         WHERE s.whatsapp = $1",
    )
    .bind(whatsapp)
    .fetch_one(conn)
    .await
}

/// Records a field visit of the consultation, asked for by `by` at `at`.
pub async fn insert_visit(
    conn: &mut AnyConnection,
    consultation_id: i64,
    (status, place): (VisitStatus, &str),
    by: i64,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO consultation_visits (consultation_id, status, place, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5)",
    )
    .bind(consultation_id)
    .bind(status.code())
    .bind(place)
    .bind(by)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Sets where a consultation stands: its status, the office answering it and its consultant, changed at
/// `updated`.
pub async fn set_consultation_state(
    conn: &mut AnyConnection,
    id: i64,
    status: ConsultationStatus,
    office: Option<Office>,
    assignee: Option<i64>,
    updated: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE consultations SET status = $1, office = $2, assignee_id = $3, updated_at = $4 WHERE id = $5")
        .bind(status.code())
        .bind(office.map(Office::code))
        .bind(assignee)
        .bind(updated)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Publishes a consultation as a FAQ entry (question and answer) at `at`.
pub async fn publish_faq(
    conn: &mut AnyConnection,
    id: i64,
    (question, answer): (&str, &str),
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE consultations SET faq_question = $1, faq_answer = $2, faq_published = $3, \
         faq_published_at = $4 WHERE id = $5",
    )
    .bind(question)
    .bind(answer)
    .bind(true)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
