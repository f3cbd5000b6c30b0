//! SQL for village enterprises.

use shared::{EnterpriseKind, slug::slugify};

/// Adds an enterprise to a village; its slug is its name, or its name and the village's slug when taken.
pub async fn create(
    conn: &mut sqlx::AnyConnection,
    village_id: i64,
    village_slug: &str,
    name: &str,
    kind: EnterpriseKind,
    description: &str,
    now: i64,
) -> anyhow::Result<String> {
    let slug =
        crate::slugs::free(conn, "enterprises", &[slugify(name), format!("{}-{village_slug}", slugify(name))]).await?;
    sqlx::query(
        "INSERT INTO enterprises (village_id, slug, name, kind, description, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(village_id)
    .bind(&slug)
    .bind(name)
    .bind(kind.code())
    .bind(description)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(slug)
}
