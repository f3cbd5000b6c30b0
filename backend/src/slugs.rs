//! Picking a free slug in a table from a list of candidates.

/// The first candidate no row of `table` has as its slug; `table` is one of this crate's own names.
pub async fn free(
    conn: &mut sqlx::AnyConnection,
    table: &'static str,
    candidates: &[String],
) -> anyhow::Result<String> {
    free_where(conn, &format!("SELECT COUNT(*) FROM {table} WHERE slug = $1"), candidates).await
}

/// The first candidate no row of `table` with `column = value` has as its slug (slugs unique per village).
pub async fn free_within(
    conn: &mut sqlx::AnyConnection,
    table: &'static str,
    (column, value): (&'static str, i64),
    candidates: &[String],
) -> anyhow::Result<String> {
    free_where(conn, &format!("SELECT COUNT(*) FROM {table} WHERE slug = $1 AND {column} = {value}"), candidates).await
}

async fn free_where(conn: &mut sqlx::AnyConnection, sql: &str, candidates: &[String]) -> anyhow::Result<String> {
    for slug in candidates {
        let taken: i64 = sqlx::query_scalar(sql).bind(slug).fetch_one(&mut *conn).await?;
        if taken == 0 {
            return Ok(slug.clone());
        }
    }
    let base = candidates.first().map(String::as_str).unwrap_or("item");
    for n in 2.. {
        let slug = format!("{base}-{n}");
        let taken: i64 = sqlx::query_scalar(sql).bind(&slug).fetch_one(&mut *conn).await?;
        if taken == 0 {
            return Ok(slug);
        }
    }
    unreachable!("an unbounded range always yields a free slug")
}
