//! SQL of the admin area, one file per topic (applications, the audit log, care, grants); here the
//! villages admins manage, their profiles, and what a refused versioned save was refused for.

pub mod applications;
pub mod audit;
pub mod care;
pub mod grants;

use shared::{AdminVillage, GrantHolder, Phone, ProfileForm, RegionCode, Valid};
use sqlx::Row;

use super::villages::VillageRow;
use crate::{
    accounts::queries::user_ref,
    db::{Db, flag},
    error::AppResult,
    markdown,
    villages::queries::region_path,
};

/// The village with this id, as guards and audit lines need it.
pub async fn village(db: &Db, id: i64) -> AppResult<Option<VillageRow>> {
    let row = sqlx::query("SELECT id, name, region_code FROM villages WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("region_code")?;
    Ok(Some(VillageRow {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        code: RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("village {id}: {e}"))?,
    }))
}

/// Villages matching `condition` (on `villages v`), by name, with their admins and waiting applications.
pub async fn admin_villages(db: &Db, condition: &str) -> AppResult<Vec<AdminVillage>> {
    let rows = sqlx::query(&format!(
        "SELECT v.id, v.slug, v.name, v.region_code, v.is_demo, kc.name AS kecamatan, kb.name AS kabupaten, \
                pr.name AS provinsi, \
                (SELECT COUNT(*) FROM shops s WHERE s.village_id = v.id AND s.status = 'pending') AS pending_shops \
         FROM villages v JOIN regions kc ON kc.code = v.kecamatan_code JOIN regions kb ON kb.code = v.kabupaten_code \
         JOIN regions pr ON pr.code = v.provinsi_code WHERE {condition} ORDER BY v.name, v.id"
    ))
    .fetch_all(&db.pool)
    .await?;
    let admins = sqlx::query(&format!(
        "SELECT g.id AS grant_id, g.village_id, u.id, u.name, u.phone FROM grants g \
         JOIN users u ON u.id = g.user_id JOIN villages v ON v.id = g.village_id \
         WHERE g.role = 'village_admin' AND {condition} ORDER BY u.name"
    ))
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let id: i64 = r.try_get("id")?;
        let mut holders = Vec::new();
        for a in admins.iter().filter(|a| a.try_get::<i64, _>("village_id").ok() == Some(id)) {
            holders.push(GrantHolder { grant_id: a.try_get("grant_id")?, user: user_ref(a)? });
        }
        out.push(AdminVillage {
            id,
            slug: r.try_get("slug")?,
            name: r.try_get("name")?,
            region: region_path(r)?,
            admins: holders,
            pending_shops: r.try_get("pending_shops")?,
            is_demo: flag(r, "is_demo")?,
        });
    }
    Ok(out)
}

/// The village with this id as [`admin_villages`] lists it.
pub async fn admin_village(db: &Db, id: i64) -> AppResult<Option<AdminVillage>> {
    Ok(admin_villages(db, &format!("v.id = {id}")).await?.into_iter().next())
}

/// Whether a village with this desa code exists.
pub async fn village_exists(db: &Db, code: &RegionCode) -> sqlx::Result<bool> {
    let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM villages WHERE region_code = $1")
        .bind(code.as_str())
        .fetch_one(&db.pool)
        .await?;
    Ok(exists > 0)
}

/// The village's profile as its admins edit it, with its version.
pub async fn profile(db: &Db, village_id: i64) -> AppResult<ProfileForm> {
    let r = sqlx::query(
        "SELECT version, name, tagline, history_md, vision_md, mission_md, population, households, area_km2, \
                dusun_count, lat, lon, office_address, contact_phone, contact_email, opening_hours \
         FROM villages WHERE id = $1",
    )
    .bind(village_id)
    .fetch_one(&db.pool)
    .await?;
    let phone: Option<String> = r.try_get("contact_phone")?;
    Ok(ProfileForm {
        version: r.try_get("version")?,
        name: r.try_get("name")?,
        tagline: r.try_get("tagline")?,
        history_md: r.try_get("history_md")?,
        vision_md: r.try_get("vision_md")?,
        mission_md: r.try_get("mission_md")?,
        population: r.try_get("population")?,
        households: r.try_get("households")?,
        area_km2: r.try_get("area_km2")?,
        dusun_count: r.try_get("dusun_count")?,
        lat: r.try_get("lat")?,
        lon: r.try_get("lon")?,
        office_address: r.try_get("office_address")?,
        phone: phone.and_then(|p| Phone::parse(&p).ok()).map(|p| p.display()).unwrap_or_default(),
        email: r.try_get::<Option<String>, _>("contact_email")?.unwrap_or_default(),
        opening_hours: r.try_get("opening_hours")?,
    })
}

/// Saves the village's profile (with its contact number and e-mail as read) by `by` at `now` when
/// `form.version` is current; false when it is not.
pub async fn save_profile(
    conn: &mut sqlx::AnyConnection,
    village_id: i64,
    form: &Valid<ProfileForm>,
    by: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let saved = sqlx::query(
        "UPDATE villages SET name = $1, tagline = $2, history_md = $3, history_html = $4, vision_md = $5, \
            vision_html = $6, mission_md = $7, mission_html = $8, population = $9, households = $10, area_km2 = $11, \
            dusun_count = $12, lat = $13, lon = $14, office_address = $15, contact_phone = $16, contact_email = $17, \
            opening_hours = $18, version = version + 1, updated_by = $19, updated_at = $20 \
         WHERE id = $21 AND version = $22",
    )
    .bind(form.name.trim())
    .bind(form.tagline.trim())
    .bind(&form.history_md)
    .bind(markdown::to_safe_html(&form.history_md))
    .bind(&form.vision_md)
    .bind(markdown::to_safe_html(&form.vision_md))
    .bind(&form.mission_md)
    .bind(markdown::to_safe_html(&form.mission_md))
    .bind(form.population)
    .bind(form.households)
    .bind(form.area_km2)
    .bind(form.dusun_count)
    .bind(form.lat)
    .bind(form.lon)
    .bind(form.office_address.trim())
    .bind(form.parsed().phone.as_ref().map(Phone::as_str))
    .bind(&form.parsed().email)
    .bind(form.opening_hours.trim())
    .bind(by)
    .bind(now)
    .bind(village_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}

/// Who saved the rows of `table` matching `filter` (with `ids` bound as `$1`, `$2`…) last, by the column
/// `by`: `None` when no row matches, `Some(None)` when nobody is named.
pub async fn last_saver(
    db: &Db,
    table: &str,
    by: &str,
    filter: &str,
    ids: &[i64],
) -> sqlx::Result<Option<Option<String>>> {
    let sql = format!("SELECT u.name FROM {table} t LEFT JOIN users u ON u.id = t.{by} WHERE {filter}");
    let mut query = sqlx::query_scalar::<_, Option<String>>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    query.fetch_optional(&db.pool).await
}
