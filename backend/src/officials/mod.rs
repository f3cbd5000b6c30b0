//! A village's officials (perangkat desa): kept by the village's admins, shown on its page.

mod handlers;

use shared::Official;
use sqlx::Row;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{db::Db, state::AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::list, handlers::create))
        .routes(routes!(handlers::update, handlers::remove))
}

const SELECT: &str = "SELECT o.id, o.name, o.position, o.sort_order, o.version, o.photo_id, i.variants \
    FROM officials o JOIN villages v ON v.id = o.village_id LEFT JOIN images i ON i.id = o.photo_id";

/// The officials of the village with this slug, in their order.
pub async fn of_village(db: &Db, slug: &str) -> anyhow::Result<Vec<Official>> {
    let rows = sqlx::query(&format!("{SELECT} WHERE v.slug = $1 ORDER BY o.sort_order, o.name, o.id"))
        .bind(slug)
        .fetch_all(&db.pool)
        .await?;
    rows.iter().map(official).collect()
}

/// One official of a village, if it is that village's.
async fn one(db: &Db, village_id: i64, id: i64) -> anyhow::Result<Option<Official>> {
    let row = sqlx::query(&format!("{SELECT} WHERE v.id = $1 AND o.id = $2"))
        .bind(village_id)
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.as_ref().map(official).transpose()
}

fn official(row: &sqlx::any::AnyRow) -> anyhow::Result<Official> {
    let photo = match (row.try_get::<Option<i64>, _>("photo_id")?, row.try_get::<Option<String>, _>("variants")?) {
        (Some(id), Some(variants)) => Some(crate::images::stored(id, &variants)?),
        _ => None,
    };
    Ok(Official {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        position: row.try_get("position")?,
        photo,
        sort_order: row.try_get("sort_order")?,
        version: row.try_get("version")?,
    })
}
