//! A seller's own figures: the shop's sales over time, best products, where its buyers live, the shares
//! of orders completed and cancelled, and its rating, read from the same kept summaries as the district's
//! dashboards, as JSON or as a CSV/XLSX file. Only the shop's owner sees them.

use axum::{
    Json,
    extract::{Path, State},
    response::IntoResponse,
};
use shared::api::{self, Endpoint};
use shared::dashboard::{DashboardQuery, Report, ReportKind, ShopFigures};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{build, file, filter::Filter, kind_of, sales_figures};
use crate::{
    error::{AppError, AppResult},
    extract::ApiQuery,
    reviews::queries::{Of, summary},
    shops::owner::ShopOwner,
    state::AppState,
    time_zone::date_of,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(figures)).routes(routes!(report)).routes(routes!(download))
}

/// One of the shop's tables, or 404 for a table sellers do not have.
fn shop_kind(code: &str) -> AppResult<ReportKind> {
    let kind = kind_of(code)?;
    if ReportKind::OF_A_SHOP.contains(&kind) {
        Ok(kind)
    } else {
        Err(AppError::NotFound("Tabel ini tidak tersedia untuk toko.".into()))
    }
}

/// The period, the headline figures and the shop's rating.
#[utoipa::path(get, path = api::dashboards::ShopFigures::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), DashboardQuery),
    responses((status = 200, body = ShopFigures), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn figures(
    State(state): State<AppState>,
    owner: ShopOwner,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> AppResult<Json<ShopFigures>> {
    let zone = state.config.time_zone;
    let filter = Filter::of_shop(&query, zone, owner.shop_id)?;
    let mut conn = state.db.pool.acquire().await?;
    let figures = sales_figures(&mut conn, &filter).await?;
    drop(conn);
    Ok(Json(ShopFigures {
        from: date_of(filter.days.from),
        to: date_of(filter.days.to),
        today: date_of(zone.day_of(crate::db::now_ms())),
        figures,
        rating: summary(&state.db, Of::Shop(owner.shop_id)).await?,
    }))
}

/// One table of the shop's own: `penjualan`, `produk` or `pasar`.
#[utoipa::path(get, path = api::dashboards::ShopReport::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"),
        ("report" = String, Path, description = "penjualan, produk, pasar or data-pesanan"), DashboardQuery),
    responses((status = 200, body = Report), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn report(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, report)): Path<(i64, String)>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> AppResult<Json<Report>> {
    let kind = shop_kind(&report)?;
    let filter = Filter::of_shop(&query, state.config.time_zone, owner.shop_id)?;
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(build(&mut conn, kind, &filter, state.config.time_zone).await?))
}

/// One table of the shop's own as a file: `format=csv` (default) or `xlsx`.
#[utoipa::path(get, path = api::dashboards::ShopDownload::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"),
        ("report" = String, Path, description = "As for the table"), DashboardQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn download(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, report)): Path<(i64, String)>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> AppResult<impl IntoResponse> {
    let kind = shop_kind(&report)?;
    let filter = Filter::of_shop(&query, state.config.time_zone, owner.shop_id)?;
    file(&state, kind, &filter, &format!("toko-{}-{}", owner.shop_id, kind.code())).await
}
