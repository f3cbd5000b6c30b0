//! SQL for news: what the public sees (published, dated no later than now, newest first) and the
//! records the village's admins write, change and remove.

use shared::{NewsArticle, NewsForm, NewsKind, NewsRecord, NewsStatus, NewsSummary, Page, PageRequest, Valid};
use sqlx::{Row, any::AnyRow};

use crate::{
    db::{Db, now_ms},
    slugs::slugify,
};

const SUMMARY: &str = "SELECT n.id, n.slug, n.title, n.kind, n.summary, n.published_at, n.cover_id, \
    i.variants AS cover_variants, n.status, n.body_md, n.body_html, n.version, n.updated_at, \
    v.slug AS village_slug, v.name AS village_name \
    FROM news n JOIN villages v ON v.id = n.village_id LEFT JOIN images i ON i.id = n.cover_id";

/// Published and due: what visitors may read.
const PUBLIC: &str = "n.status = 'published' AND n.published_at <= $2";

/// A news item to write.
pub struct NewNews<'a> {
    pub village_id: i64,
    pub title: &'a str,
    pub kind: NewsKind,
    pub summary: &'a str,
    pub body_md: &'a str,
    pub cover_id: Option<i64>,
    pub status: NewsStatus,
    pub published_at: Option<i64>,
    /// The admin who wrote it (none for demo data).
    pub by: Option<i64>,
}

/// Writes a news item with a slug from its title, unique within its village; returns its id and slug.
pub async fn create(conn: &mut sqlx::AnyConnection, n: &NewNews<'_>, now: i64) -> anyhow::Result<(i64, String)> {
    let slug = crate::slugs::free_within(conn, "news", ("village_id", n.village_id), &[base_slug(n.title)]).await?;
    let id = sqlx::query_scalar(
        "INSERT INTO news (village_id, slug, title, kind, summary, body_md, body_html, cover_id, status, \
            published_at, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
    )
    .bind(n.village_id)
    .bind(&slug)
    .bind(n.title)
    .bind(n.kind.code())
    .bind(n.summary)
    .bind(n.body_md)
    .bind(crate::markdown::to_safe_html(n.body_md))
    .bind(n.cover_id)
    .bind(n.status.code())
    .bind(n.published_at)
    .bind(n.by)
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok((id, slug))
}

/// Saves changes to an item of the village (dated `published_at`) when `version` is current; false when
/// it is not (or the item is gone).
pub async fn update(
    conn: &mut sqlx::AnyConnection,
    village_id: i64,
    id: i64,
    form: &Valid<NewsForm>,
    published_at: Option<i64>,
    by: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let saved = sqlx::query(
        "UPDATE news SET title = $1, kind = $2, summary = $3, body_md = $4, body_html = $5, cover_id = $6, \
            status = $7, published_at = $8, updated_by = $9, updated_at = $10, version = version + 1 \
         WHERE id = $11 AND village_id = $12 AND version = $13",
    )
    .bind(form.title.trim())
    .bind(form.kind.code())
    .bind(form.summary.trim())
    .bind(&form.body_md)
    .bind(crate::markdown::to_safe_html(&form.body_md))
    .bind(form.cover_id)
    .bind(form.status.code())
    .bind(published_at)
    .bind(by)
    .bind(now)
    .bind(id)
    .bind(village_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}

/// Removes an item of the village for good.
pub async fn delete(conn: &mut sqlx::AnyConnection, village_id: i64, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM news WHERE id = $1 AND village_id = $2").bind(id).bind(village_id).execute(conn).await?;
    Ok(())
}

/// A slug from the title: at most 80 characters, cut at a word.
fn base_slug(title: &str) -> String {
    let mut slug = slugify(title);
    if slug.len() > 80 {
        let cut = slug[..80].rfind('-').unwrap_or(80);
        slug.truncate(cut);
    }
    if slug.is_empty() { "berita".into() } else { slug }
}

fn code<T>(row: &AnyRow, column: &str, from: fn(&str) -> Option<T>) -> sqlx::Result<T> {
    let code: String = row.try_get(column)?;
    from(&code).ok_or_else(|| sqlx::Error::Decode(format!("{column} {code}").into()))
}

fn cover(row: &AnyRow) -> anyhow::Result<Option<shared::Image>> {
    match (row.try_get::<Option<i64>, _>("cover_id")?, row.try_get::<Option<String>, _>("cover_variants")?) {
        (Some(id), Some(variants)) => Ok(Some(crate::images::stored(id, &variants)?)),
        _ => Ok(None),
    }
}

fn summary(row: &AnyRow) -> anyhow::Result<NewsSummary> {
    Ok(NewsSummary {
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        kind: code(row, "kind", NewsKind::from_code)?,
        summary: row.try_get("summary")?,
        published_at: row.try_get::<Option<i64>, _>("published_at")?.unwrap_or_default(),
        cover: cover(row)?,
    })
}

/// Whether a village has `slug` now (an old slug is not its own any more).
pub async fn village_exists(db: &Db, slug: &str) -> anyhow::Result<bool> {
    let known: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM villages WHERE slug = $1").bind(slug).fetch_one(&db.pool).await?;
    Ok(known > 0)
}

/// A page of a village's published items, newest first.
pub async fn page(db: &Db, village_slug: &str, page: PageRequest) -> anyhow::Result<Page<NewsSummary>> {
    let now = now_ms();
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM news n JOIN villages v ON v.id = n.village_id WHERE v.slug = $1 AND {PUBLIC}"
    ))
    .bind(village_slug)
    .bind(now)
    .fetch_one(&db.pool)
    .await?;
    let sql =
        format!("{SUMMARY} WHERE v.slug = $1 AND {PUBLIC} ORDER BY n.published_at DESC, n.id DESC LIMIT $3 OFFSET $4");
    let rows = sqlx::query(&sql)
        .bind(village_slug)
        .bind(now)
        .bind(page.limit())
        .bind(page.offset())
        .fetch_all(&db.pool)
        .await?;
    let items = rows.iter().map(summary).collect::<anyhow::Result<_>>()?;
    Ok(Page { items, total, page: page.page, per_page: page.per_page })
}

/// A published item by its village's slug and its own.
pub async fn article(db: &Db, village_slug: &str, slug: &str) -> anyhow::Result<Option<NewsArticle>> {
    let sql = format!("{SUMMARY} WHERE v.slug = $1 AND {PUBLIC} AND n.slug = $3");
    let Some(row) = sqlx::query(&sql).bind(village_slug).bind(now_ms()).bind(slug).fetch_optional(&db.pool).await?
    else {
        return Ok(None);
    };
    Ok(Some(NewsArticle {
        summary: summary(&row)?,
        body_html: row.try_get("body_html")?,
        village_slug: row.try_get("village_slug")?,
        village_name: row.try_get("village_name")?,
        updated_at: row.try_get("updated_at")?,
    }))
}

/// The village's items (or just `only`) as its admins edit them: undated drafts first, then newest.
pub async fn records(db: &Db, village_id: i64, only: Option<i64>) -> anyhow::Result<Vec<NewsRecord>> {
    let sql = format!(
        "{SUMMARY} WHERE n.village_id = $1 AND ($2 = 0 OR n.id = $2) \
         ORDER BY CASE WHEN n.published_at IS NULL THEN 0 ELSE 1 END, n.published_at DESC, n.id DESC"
    );
    let rows = sqlx::query(&sql).bind(village_id).bind(only.unwrap_or(0)).fetch_all(&db.pool).await?;
    rows.iter()
        .map(|r| {
            Ok(NewsRecord {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                form: NewsForm {
                    version: r.try_get("version")?,
                    title: r.try_get("title")?,
                    kind: code(r, "kind", NewsKind::from_code)?,
                    summary: r.try_get("summary")?,
                    body_md: r.try_get("body_md")?,
                    cover_id: r.try_get("cover_id")?,
                    status: code(r, "status", NewsStatus::from_code)?,
                    published_at: r.try_get("published_at")?,
                },
                cover: cover(r)?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect()
}

/// Every published item's village slug, slug and last change, for the sitemap.
pub async fn all_published(db: &Db) -> anyhow::Result<Vec<(String, String, i64)>> {
    let rows = sqlx::query(
        "SELECT v.slug AS village_slug, n.slug, n.updated_at FROM news n JOIN villages v ON v.id = n.village_id \
         WHERE n.status = 'published' AND n.published_at <= $1 ORDER BY v.slug, n.published_at DESC",
    )
    .bind(now_ms())
    .fetch_all(&db.pool)
    .await?;
    rows.iter().map(|r| Ok((r.try_get("village_slug")?, r.try_get("slug")?, r.try_get("updated_at")?))).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_are_short_and_never_empty() {
        assert_eq!(super::base_slug("Panen Raya Rumput Laut 2026"), "panen-raya-rumput-laut-2026");
        assert_eq!(super::base_slug("!!!"), "berita");
        let long = super::base_slug(&"gotong royong ".repeat(20));
        assert!(long.len() <= 80 && !long.ends_with('-'), "{long}");
    }
}
