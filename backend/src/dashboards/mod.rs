//! Dashboards for district and village admins: headline figures, sales over time and by village,
//! kecamatan, sector and enterprise kind, top products, the market map, new shops, consultations and
//! bulk inquiries, what reached member producers, and the district's records, each as JSON or as a
//! CSV/XLSX file (and a seller's own, `shop`). Sales figures come from summaries kept in the orders' own
//! transactions (`ledger`, and `producer_ledger::credits` for producers' income), never from scanning the
//! orders.

pub mod activity;
pub mod export;
pub mod filter;
pub mod ledger;
pub mod lines;
pub mod producers;
pub mod queries;
pub mod ratings;
pub mod rebuild;
pub mod records;
pub mod sales;
pub mod shop;
pub mod tally;

use axum::{
    Json,
    extract::{Path, State},
    http::header,
    response::{IntoResponse, Response},
};
use shared::api::{self, Endpoint};
use shared::dashboard::{Choice, ColumnKind, Dashboard, DashboardQuery, Figure, Report, ReportKind};
use sqlx::AnyConnection;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::{
    auth::{CurrentUser, guards::Admin},
    error::{AppError, AppResult},
    extract::ApiQuery,
    page_cache::Kind,
    regions::queries as regions,
    state::AppState,
    time_zone::{TimeZone, date_of},
};
use filter::Filter;
use queries::activity as counts;

/// The key of `viewer`'s `filter` for the table `what`: a dashboard viewed again, by its admin or another
/// admin of the same villages, is answered from the kept tables until the next change.
fn key(what: &str, viewer: &CurrentUser, filter: &Filter) -> String {
    format!("{what}|{}|{filter:?}", viewer.village_condition("v"))
}

/// Changes through the API that no dashboard shows: sessions, bare uploads and carts. Every other change
/// (orders, shops, products, consultations, inquiries, villages) drops the kept tables.
pub const NOT_ON_DASHBOARDS: &[&str] = &["/api/v1/auth/", "/api/v1/images", "/api/v1/cart/", "/api/v1/me/cart/"];

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(head)).routes(routes!(report)).routes(routes!(download)).merge(shop::router())
}

/// Reads the filters for `viewer` (looking up the village asked for).
async fn read(state: &AppState, viewer: &CurrentUser, query: &DashboardQuery) -> AppResult<Filter> {
    let code = match query.desa {
        Some(id) => queries::village_code(&state.db, id).await?,
        None => None,
    };
    Filter::read(query, viewer, state.config.time_zone, code.as_deref())
}

fn kind_of(code: &str) -> AppResult<ReportKind> {
    ReportKind::from_code(code).ok_or_else(|| AppError::NotFound("Tabel dasbor ini tidak ada.".into()))
}

async fn build(conn: &mut AnyConnection, kind: ReportKind, filter: &Filter, zone: TimeZone) -> AppResult<Report> {
    match kind {
        ReportKind::Sales => sales::over_time(conn, filter).await,
        ReportKind::Villages => sales::by_village(conn, filter).await,
        ReportKind::Kecamatan => sales::by_kecamatan(conn, filter).await,
        ReportKind::EnterpriseKinds => sales::by_enterprise_kind(conn, filter).await,
        ReportKind::Sectors => lines::by_sector(conn, filter).await,
        ReportKind::TopProducts => lines::top_products(conn, filter).await,
        ReportKind::Market => lines::market(conn, filter).await,
        ReportKind::NewShops => activity::new_shops(conn, filter, zone).await,
        ReportKind::Consultations => activity::consultations(conn, filter).await,
        ReportKind::Inquiries => activity::inquiries(conn, filter).await,
        ReportKind::ProducerIncome => producers::income(conn, filter).await,
        ReportKind::Complaints => activity::complaints(conn, filter).await,
        ReportKind::Ratings => ratings::over_time(conn, filter, zone).await,
        ReportKind::VillageRecords => records::villages(conn, filter).await,
        ReportKind::ShopRecords => records::shops(conn, filter, zone).await,
        ReportKind::ProductRecords => records::products(conn, filter, zone).await,
        ReportKind::OrderRecords => records::orders(conn, filter, zone).await,
    }
}

/// Whose figures, the period, the headline figures and the choices of the village and kecamatan filters.
#[utoipa::path(get, path = api::dashboards::Dashboard::PATH, tag = "admin", params(DashboardQuery),
    responses((status = 200, body = Dashboard), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, description = "The village or product filtered on does not exist", body = shared::Problem)))]
pub async fn head(
    State(state): State<AppState>,
    Admin(viewer): Admin,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> AppResult<Response> {
    let filter = read(&state, &viewer, &query).await?;
    // A kept answer takes no connection from the pool.
    let build = async {
        let mut conn = state.db.pool.acquire().await?;
        headline(&state, &mut conn, &viewer, &query, &filter).await
    };
    state.dashboards.json(Kind::Dashboard, &key("head", &viewer, &filter), build).await
}

/// The head of `viewer`'s dashboard.
async fn headline(
    state: &AppState,
    conn: &mut AnyConnection,
    viewer: &CurrentUser,
    query: &DashboardQuery,
    filter: &Filter,
) -> AppResult<Dashboard> {
    let mut figures = sales_figures(&mut *conn, filter).await?;
    figures.extend([
        figure("Toko baru", counts::new_shop_count(&mut *conn, filter).await?, ColumnKind::Count),
        figure("Produk dijual", counts::listed_count(&mut *conn, filter).await?, ColumnKind::Count),
        figure("Konsultasi menunggu", counts::waiting_consultations(&mut *conn, filter).await?, ColumnKind::Count),
        figure("Permintaan partai besar", counts::inquiry_count(&mut *conn, filter).await?, ColumnKind::Count),
    ]);
    let everything = Filter::read(&DashboardQuery::default(), viewer, state.config.time_zone, None)?;
    let choices = queries::village_choices(&mut *conn, &everything).await?;
    let mut villages = Vec::with_capacity(choices.len());
    let mut kecamatan: Vec<Choice> = Vec::new();
    for choice in choices {
        villages.push(Choice { value: choice.id.to_string(), label: choice.name });
        if !kecamatan.iter().any(|k| k.value == choice.kecamatan_code) {
            kecamatan.push(Choice { value: choice.kecamatan_code, label: choice.kecamatan });
        }
    }
    kecamatan.sort_by(|a, b| a.label.cmp(&b.label));
    let scope =
        scope_name(&mut *conn, viewer, query.desa.and_then(|id| villages.iter().find(|v| v.value == id.to_string())))
            .await?;
    Ok(Dashboard {
        scope,
        from: date_of(filter.days.from),
        to: date_of(filter.days.to),
        today: date_of(state.config.time_zone.day_of(crate::db::now_ms())),
        figures,
        villages,
        kecamatan,
    })
}

fn figure(label: &str, value: i64, kind: ColumnKind) -> Figure {
    Figure { label: label.into(), value, kind }
}

/// The sales figures every dashboard heads with: orders, their value, goods sold, and the shares of
/// orders completed and cancelled.
async fn sales_figures(conn: &mut AnyConnection, filter: &Filter) -> AppResult<Vec<Figure>> {
    let total = sales::total(conn, filter).await?;
    Ok(vec![
        figure("Pesanan", total.orders, ColumnKind::Count),
        figure("Nilai penjualan", total.rupiah, ColumnKind::Rupiah),
        figure("Barang terjual", total.items, ColumnKind::Count),
        figure("Pesanan selesai", total.done_share(), ColumnKind::Permille),
        figure("Pesanan batal", total.cancelled_share(), ColumnKind::Permille),
    ])
}

/// "Desa Darmaji", or the viewer's regions and villages.
async fn scope_name(conn: &mut AnyConnection, viewer: &CurrentUser, village: Option<&Choice>) -> AppResult<String> {
    if let Some(v) = village {
        return Ok(format!("Desa {}", v.label));
    }
    let mut names = Vec::new();
    for region in viewer.district_regions() {
        let name = regions::name_of(&mut *conn, region).await?;
        names.push(name.unwrap_or_else(|| region.as_str().to_owned()));
    }
    for id in viewer.village_ids() {
        let name = queries::village_name(&mut *conn, id).await?;
        names.extend(name.map(|n| format!("Desa {n}")));
    }
    Ok(names.join(", "))
}

/// One table of the dashboard.
#[utoipa::path(get, path = api::dashboards::Report::PATH, tag = "admin",
    params(("report" = String, Path, description = "penjualan, desa, kecamatan, sektor, lembaga, produk, pasar, \
        toko-baru, konsultasi, permintaan, data-desa, data-toko, data-produk or data-pesanan"), DashboardQuery),
    responses((status = 200, body = Report), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn report(
    State(state): State<AppState>,
    Admin(viewer): Admin,
    Path(report): Path<String>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> AppResult<Response> {
    let kind = kind_of(&report)?;
    let filter = read(&state, &viewer, &query).await?;
    // A kept answer takes no connection from the pool.
    let table = async {
        let mut conn = state.db.pool.acquire().await?;
        build(&mut conn, kind, &filter, state.config.time_zone).await
    };
    if kind.is_record() {
        return Ok(Json(table.await?).into_response());
    }
    state.dashboards.json(Kind::Dashboard, &key(kind.code(), &viewer, &filter), table).await
}

/// One table as a file: `format=csv` (default) or `xlsx`.
#[utoipa::path(get, path = api::dashboards::Download::PATH, tag = "admin",
    params(("report" = String, Path, description = "As for the table"), DashboardQuery),
    responses((status = 200, content_type = "text/csv", body = String), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn download(
    State(state): State<AppState>,
    Admin(viewer): Admin,
    Path(report): Path<String>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> AppResult<impl IntoResponse> {
    let kind = kind_of(&report)?;
    let filter = read(&state, &viewer, &query).await?;
    file(&state, kind, &filter, kind.code()).await
}

/// The table `kind` of `filter` as a file named `{name}-{from}-{to}`.
async fn file(state: &AppState, kind: ReportKind, filter: &Filter, name: &str) -> AppResult<impl IntoResponse + use<>> {
    let mut conn = state.db.pool.acquire().await?;
    let table = build(&mut conn, kind, filter, state.config.time_zone).await?;
    drop(conn);
    let name = format!("{name}-{}-{}", date_of(filter.days.from), date_of(filter.days.to));
    let (body, content_type, name) = export::file(&table, filter.format, &name)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    ))
}
