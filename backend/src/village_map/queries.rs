//! SQL for the village map: the villages, then every count in one grouped statement, then the IDM
//! years: three statements whatever the number of villages.

use std::collections::HashMap;

use shared::{
    IdmStatus, MapVillage, Sector,
    village_map::{IdmYear, MapFilter, MapFlagship},
};
use sqlx::Row;

use crate::{db::Db, products::queries::LISTED};

/// The villages passing `filter`, by kabupaten, kecamatan and name, with their counts and IDM years.
pub async fn villages(db: &Db, filter: &MapFilter) -> anyhow::Result<Vec<MapVillage>> {
    let mut conditions = Vec::new();
    let mut binds: Vec<&str> = Vec::new();
    if let Some(code) = &filter.kecamatan {
        binds.push(code);
        conditions.push(format!("v.kecamatan_code = ${}", binds.len()));
    }
    if let Some(sector) = filter.sector {
        binds.push(sector.code());
        conditions.push(format!("v.flagship_sector = ${}", binds.len()));
    }
    let filtered = !conditions.is_empty();
    let filter_sql = if filtered { format!("WHERE {}", conditions.join(" AND ")) } else { String::new() };

    let list_sql = format!(
        "SELECT v.id, v.slug, v.name, v.kecamatan_code, kec.name AS kecamatan, kab.name AS kabupaten, v.lat, v.lon, \
            v.idm_status, v.idm_score, v.flagship_name, v.flagship_sector \
         FROM villages v JOIN regions kec ON kec.code = v.kecamatan_code \
         JOIN regions kab ON kab.code = v.kabupaten_code {filter_sql} ORDER BY kab.name, kec.name, v.name, v.id"
    );
    let rows = bound(&list_sql, &binds).fetch_all(&db.pool).await?;
    let mut villages = rows.iter().map(village_from_row).collect::<sqlx::Result<Vec<_>>>()?;
    if villages.is_empty() {
        return Ok(villages);
    }

    // Only the villages shown: all of them, or those the filter names.
    let within = |column: &str| {
        if filtered { format!("{column} IN (SELECT v.id FROM villages v {filter_sql})") } else { "1 = 1".to_owned() }
    };
    // Per village, in column `what`: 0 active shops, 1 listed products, 2 enterprises.
    let (in_shops, in_enterprises) = (within("s.village_id"), within("e.village_id"));
    let counts_sql = format!(
        "SELECT CAST(0 AS BIGINT) AS what, s.village_id, COUNT(*) AS n FROM shops s \
         WHERE s.status = 'active' AND {in_shops} GROUP BY s.village_id \
         UNION ALL SELECT CAST(1 AS BIGINT) AS what, s.village_id, COUNT(*) AS n \
         FROM products p JOIN shops s ON s.id = p.shop_id WHERE {LISTED} AND {in_shops} GROUP BY s.village_id \
         UNION ALL SELECT CAST(2 AS BIGINT) AS what, e.village_id, COUNT(*) AS n FROM enterprises e \
         WHERE {in_enterprises} GROUP BY e.village_id"
    );
    let mut counts: HashMap<i64, [i64; 3]> = HashMap::new();
    for row in bound(&counts_sql, &binds).fetch_all(&db.pool).await? {
        let what = usize::try_from(row.try_get::<i64, _>("what")?).unwrap_or_default().min(2);
        counts.entry(row.try_get("village_id")?).or_default()[what] = row.try_get("n")?;
    }

    let idm_sql = format!(
        "SELECT i.village_id, i.year, i.score FROM village_idm i WHERE {} ORDER BY i.village_id, i.year",
        within("i.village_id")
    );
    let mut years: HashMap<i64, Vec<IdmYear>> = HashMap::new();
    for row in bound(&idm_sql, &binds).fetch_all(&db.pool).await? {
        let year: i64 = row.try_get("year")?;
        let status = IdmStatus::from_score(row.try_get("score")?);
        years
            .entry(row.try_get("village_id")?)
            .or_default()
            .push(IdmYear { year: i32::try_from(year).unwrap_or_default(), status });
    }

    for v in &mut villages {
        [v.shops, v.products, v.enterprises] = counts.get(&v.id).copied().unwrap_or_default();
        v.idm_history = years.remove(&v.id).unwrap_or_default();
    }
    Ok(villages)
}

/// `sql` with the filter's values bound in order.
fn bound<'q>(sql: &'q str, binds: &[&'q str]) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    binds.iter().fold(sqlx::query(sql), |q, b| q.bind(*b))
}

fn village_from_row(row: &sqlx::any::AnyRow) -> sqlx::Result<MapVillage> {
    let idm = match row.try_get::<Option<String>, _>("idm_status")?.and_then(|s| IdmStatus::from_code(&s)) {
        Some(status) => Some(status),
        None => row.try_get::<Option<f64>, _>("idm_score")?.map(IdmStatus::from_score),
    };
    let flagship = match row.try_get::<Option<String>, _>("flagship_name")? {
        Some(name) => Some(MapFlagship {
            name,
            sector: row
                .try_get::<Option<String>, _>("flagship_sector")?
                .and_then(|s| Sector::from_code(&s))
                .unwrap_or(Sector::Lainnya),
        }),
        None => None,
    };
    Ok(MapVillage {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        kecamatan_code: row.try_get("kecamatan_code")?,
        kecamatan: row.try_get("kecamatan")?,
        kabupaten: row.try_get("kabupaten")?,
        lat: row.try_get("lat")?,
        lon: row.try_get("lon")?,
        idm,
        idm_history: Vec::new(),
        flagship,
        shops: 0,
        products: 0,
        enterprises: 0,
    })
}
