//! A shop's public page (`/toko/{slug}`): who sells, where, how goods travel, its member producers; its
//! products come from the catalog (`toko=` filter).

use axum::{
    Json,
    extract::{Path, State},
};
use shared::{Producer, Storefront};
use sqlx::Row;

use super::settings::{delivery, enterprise};
use crate::{
    accounts::queries::phone,
    db::{Db, flag},
    error::{AppError, AppResult},
    images,
    products::queries::LISTED,
    state::AppState,
};

/// An active shop's public page, `None` when there is no such shop or it is not open to shoppers.
pub async fn storefront(db: &Db, slug: &str) -> anyhow::Result<Option<Storefront>> {
    let sql = format!(
        "SELECT s.id, s.slug, s.name, s.description, s.whatsapp, s.pickup_address, s.delivery, s.on_holiday, \
            s.holiday_note, s.is_demo, li.id AS logo_id, li.variants AS logo_variants, v.slug AS village_slug, \
            v.name AS village_name, v.region_code, kc.name AS kecamatan, kb.name AS kabupaten, pv.name AS provinsi, \
            e.slug AS e_slug, e.name AS e_name, e.kind AS e_kind, e.description AS e_description, \
            (SELECT COUNT(*) FROM products p WHERE p.shop_id = s.id AND {LISTED}) AS product_count \
         FROM shops s JOIN villages v ON v.id = s.village_id JOIN regions kc ON kc.code = v.kecamatan_code \
         JOIN regions kb ON kb.code = v.kabupaten_code JOIN regions pv ON pv.code = v.provinsi_code \
         LEFT JOIN images li ON li.id = s.logo_id LEFT JOIN enterprises e ON e.id = s.enterprise_id \
         WHERE s.slug = $1 AND s.status = 'active'"
    );
    let Some(r) = sqlx::query(&sql).bind(slug).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let shop_id: i64 = r.try_get("id")?;
    let producers = sqlx::query("SELECT id, name, dusun, makes FROM producers WHERE shop_id = $1 ORDER BY name, id")
        .bind(shop_id)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|p| {
            Ok(Producer {
                id: p.try_get("id")?,
                name: p.try_get("name")?,
                dusun: p.try_get("dusun")?,
                makes: p.try_get("makes")?,
            })
        })
        .collect::<sqlx::Result<_>>()?;
    let logo = match (r.try_get::<Option<i64>, _>("logo_id")?, r.try_get::<Option<String>, _>("logo_variants")?) {
        (Some(id), Some(v)) => Some(images::stored(id, &v)?),
        _ => None,
    };
    let enterprise = enterprise(&r)?;
    Ok(Some(Storefront {
        id: shop_id,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        description: r.try_get("description")?,
        logo,
        whatsapp: phone(&r, "whatsapp")?,
        village_slug: r.try_get("village_slug")?,
        village_name: r.try_get("village_name")?,
        region: shared::RegionPath {
            code: r.try_get("region_code")?,
            kecamatan: r.try_get("kecamatan")?,
            kabupaten: r.try_get("kabupaten")?,
            provinsi: r.try_get("provinsi")?,
        },
        enterprise,
        pickup_address: r.try_get("pickup_address")?,
        delivery: delivery(&r)?,
        on_holiday: flag(&r, "on_holiday")?,
        holiday_note: r.try_get("holiday_note")?,
        producers,
        product_count: r.try_get("product_count")?,
        is_demo: flag(&r, "is_demo")?,
    }))
}

/// A shop's public page.
#[utoipa::path(get, path = "/api/v1/storefronts/{slug}", tag = "shops",
    params(("slug" = String, Path, description = "The shop's slug")),
    responses((status = 200, body = Storefront), (status = 404, body = shared::Problem)))]
pub async fn get(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Json<Storefront>> {
    let found = storefront(&state.db, &slug).await?;
    Ok(Json(found.ok_or_else(|| AppError::NotFound("Toko ini tidak ditemukan atau sedang tidak berjualan.".into()))?))
}
