//! SQL of slugs: whether a slug is taken among a table's rows (all of them, or those of one village), and
//! which village ever had a slug.

use sqlx::AnyConnection;

/// Where a slug must be free: a table of this crate (`shops`, `news`…), or its rows with `column = value`.
#[derive(Clone, Copy)]
pub enum Among {
    Table(&'static str),
    Within(&'static str, (&'static str, i64)),
}

impl Among {
    /// The count of rows with a slug (bound as `$1`).
    pub fn count_sql(self) -> String {
        match self {
            Among::Table(table) => format!("SELECT COUNT(*) FROM {table} WHERE slug = $1"),
            Among::Within(table, (column, value)) => {
                format!("SELECT COUNT(*) FROM {table} WHERE slug = $1 AND {column} = {value}")
            }
        }
    }
}

/// Whether some row counted by `count_sql` (see [`Among::count_sql`]) has this slug.
pub async fn is_taken(conn: &mut AnyConnection, count_sql: &str, slug: &str) -> sqlx::Result<bool> {
    let taken: i64 = sqlx::query_scalar(count_sql).bind(slug).fetch_one(conn).await?;
    Ok(taken != 0)
}

/// Whether a village has (or once had) this slug.
pub async fn village_slug_taken(conn: &mut AnyConnection, slug: &str) -> sqlx::Result<bool> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT village_id FROM village_slugs WHERE slug = $1")
        .bind(slug)
        .fetch_optional(conn)
        .await?;
    Ok(taken.is_some())
}
