//! SQL for regions: the idempotent bulk load and the lists behind directory filters.

use anyhow::Context;
use shared::{Region, RegionCode, RegionLevel};
use sqlx::Row;

use crate::db::Db;

/// The official region data (Kepmendagri 2025, MIT licence: `vendor/wilayah/LICENSE`).
const WILAYAH_CSV: &str = include_str!("../../../vendor/wilayah/wilayah.csv");
/// How many rows the vendored file holds.
pub const REGION_COUNT: i64 = 91_599;
/// Rows per INSERT: 4 parameters each stays far below both engines' parameter limits.
const BATCH: usize = 1000;

/// Loads every region unless they are all there already; returns how many rows it inserted.
pub async fn load(db: &Db) -> anyhow::Result<usize> {
    let present: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM regions").fetch_one(&db.pool).await?;
    if present == REGION_COUNT {
        return Ok(0);
    }
    let rows = parse_csv()?;
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM regions").execute(&mut *tx).await?;
    for chunk in rows.chunks(BATCH) {
        let mut sql = String::from("INSERT INTO regions (code, name, level, parent_code) VALUES ");
        for i in 0..chunk.len() {
            let p = i * 4;
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!("(${},${},${},${})", p + 1, p + 2, p + 3, p + 4));
        }
        let mut query = sqlx::query(&sql);
        for (code, name) in chunk {
            let level = i64::try_from(code.level().depth()).unwrap_or(4);
            query =
                query.bind(code.as_str()).bind(name.as_str()).bind(level).bind(code.parent().map(|p| p.to_string()));
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}

fn parse_csv() -> anyhow::Result<Vec<(RegionCode, String)>> {
    let mut reader = csv::Reader::from_reader(WILAYAH_CSV.as_bytes());
    let mut rows = Vec::with_capacity(usize::try_from(REGION_COUNT).unwrap_or_default());
    for record in reader.records() {
        let record = record.context("vendored region CSV is malformed")?;
        let code = RegionCode::parse(record.get(0).unwrap_or_default().trim())
            .with_context(|| format!("bad region code in vendored CSV: {:?}", record.get(0)))?;
        rows.push((code, record.get(1).unwrap_or_default().trim().to_owned()));
    }
    Ok(rows)
}

/// The name of one region (none when the code is not in the table), on the pool or inside a transaction.
pub async fn name_of<'c>(
    conn: impl sqlx::Executor<'c, Database = sqlx::Any>,
    code: &RegionCode,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT name FROM regions WHERE code = $1").bind(code.as_str()).fetch_optional(conn).await
}

/// Every region of the official table under `parent` (or every provinsi), with their village counts.
pub async fn all_children(db: &Db, parent: Option<&RegionCode>, level: RegionLevel) -> sqlx::Result<Vec<Region>> {
    let column = village_column(level);
    let sql = format!(
        "SELECT r.code, r.name, (SELECT COUNT(*) FROM villages v WHERE v.{column} = r.code) AS village_count \
         FROM regions r WHERE r.level = $1 AND ($2 = '' OR r.parent_code = $2) ORDER BY r.name, r.code"
    );
    let depth = i64::try_from(level.depth()).unwrap_or(4);
    let rows = sqlx::query(&sql)
        .bind(depth)
        .bind(parent.map(|p| p.to_string()).unwrap_or_default())
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(|row| region_from_row(row, level)).collect()
}

fn village_column(level: RegionLevel) -> &'static str {
    match level {
        RegionLevel::Provinsi => "provinsi_code",
        RegionLevel::Kabupaten => "kabupaten_code",
        RegionLevel::Kecamatan => "kecamatan_code",
        RegionLevel::Desa => "region_code",
    }
}

fn region_from_row(row: &sqlx::any::AnyRow, level: RegionLevel) -> sqlx::Result<Region> {
    Ok(Region {
        code: row.try_get("code")?,
        name: row.try_get("name")?,
        level,
        village_count: row.try_get("village_count")?,
    })
}

/// Regions that contain at least one portal village: the children of `parent`, or every region of
/// `level`, with their village counts.
pub async fn with_villages(db: &Db, parent: Option<&RegionCode>, level: RegionLevel) -> sqlx::Result<Vec<Region>> {
    let column = village_column(level);
    let sql = format!(
        "SELECT r.code, r.name, COUNT(v.id) AS village_count \
         FROM villages v JOIN regions r ON r.code = v.{column} \
         WHERE ($1 = '' OR r.parent_code = $1) \
         GROUP BY r.code, r.name ORDER BY r.name"
    );
    let rows = sqlx::query(&sql).bind(parent.map(|p| p.to_string()).unwrap_or_default()).fetch_all(&db.pool).await?;
    rows.iter().map(|row| region_from_row(row, level)).collect()
}
