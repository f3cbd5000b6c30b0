//! SQL for a village's flagship product: as its admins edit it (with its photos), whether an enterprise
//! is the village's, and saving it.

use shared::{FlagshipForm, FlagshipRecord, Sector, Valid};
use sqlx::{AnyConnection, Row};

use super::PHOTOS;
use crate::{db::Db, markdown};

/// The flagship product of the village as its admins edit it, with its version and photos.
pub async fn record(db: &Db, village_id: i64) -> anyhow::Result<FlagshipRecord> {
    let r = sqlx::query(
        "SELECT flagship_version, flagship_name, flagship_sector, flagship_description, flagship_story_md, \
                flagship_enterprise_id FROM villages WHERE id = $1",
    )
    .bind(village_id)
    .fetch_one(&db.pool)
    .await?;
    let form = FlagshipForm {
        version: r.try_get("flagship_version")?,
        name: r.try_get::<Option<String>, _>("flagship_name")?.unwrap_or_default(),
        sector: r.try_get::<Option<String>, _>("flagship_sector")?.and_then(|c| Sector::from_code(&c)),
        description: r.try_get("flagship_description")?,
        story_md: r.try_get("flagship_story_md")?,
        enterprise_id: r.try_get("flagship_enterprise_id")?,
        photo_ids: PHOTOS.ids(db, village_id).await?,
    };
    Ok(FlagshipRecord { form, photos: PHOTOS.load(db, village_id).await? })
}

/// Whether the enterprise `id` is one of the village's.
pub async fn is_village_enterprise(db: &Db, id: i64, village_id: i64) -> sqlx::Result<bool> {
    let ours: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM enterprises WHERE id = $1 AND village_id = $2")
        .bind(id)
        .bind(village_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(ours > 0)
}

/// Saves the flagship product (an empty form removes it) when `version` is current; false when it is not.
pub async fn save(
    conn: &mut AnyConnection,
    village_id: i64,
    form: &Valid<FlagshipForm>,
    by: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let empty = form.is_empty();
    let saved = sqlx::query(
        "UPDATE villages SET flagship_name = $1, flagship_sector = $2, flagship_description = $3, \
            flagship_story_md = $4, flagship_story_html = $5, flagship_enterprise_id = $6, \
            flagship_version = flagship_version + 1, flagship_updated_by = $7, updated_at = $8 \
         WHERE id = $9 AND flagship_version = $10",
    )
    .bind((!empty).then(|| form.name.trim().to_owned()))
    .bind(form.sector.filter(|_| !empty).map(Sector::code))
    .bind(if empty { "" } else { form.description.trim() })
    .bind(if empty { "" } else { form.story_md.as_str() })
    .bind(if empty { String::new() } else { markdown::to_safe_html(&form.story_md) })
    .bind(form.enterprise_id.filter(|_| !empty))
    .bind(by)
    .bind(now)
    .bind(village_id)
    .bind(form.version)
    .execute(conn)
    .await?;
    Ok(saved.rows_affected() == 1)
}
