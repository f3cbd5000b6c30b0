//! Lapak Desa's server: village information sites and their marketplace, as one axum application.

pub mod accounts;
pub mod addresses;
pub mod admin;
pub mod auth;
pub mod backup;
pub mod cart;
pub mod catalog;
pub mod certificates;
pub mod cli;
pub mod complaints;
pub mod config;
pub mod consultations;
pub mod dashboards;
pub mod db;
pub mod demo;
pub mod enterprises;
pub mod error;
pub mod extract;
pub mod flagship;
pub mod gallery;
mod hash;
mod health;
pub mod idm;
pub mod images;
pub mod inquiries;
pub mod markdown;
pub mod media;
pub mod moderation;
pub mod news;
pub mod notifications;
pub mod officials;
mod openapi;
pub mod orders;
pub mod page_cache;
pub mod producer_ledger;
pub mod products;
pub mod push;
pub mod rate_limit;
pub mod regions;
pub mod reviews;
pub mod shops;
pub mod slugs;
pub mod spreadsheet;
pub mod state;
pub mod telemetry;
pub mod time_zone;
pub mod village_map;
pub mod villages;
pub mod web;

mod layers;

use std::{sync::Arc, time::Instant};

use axum::Router;
use config::Config;
use db::Db;
use media::Media;
use page_cache::{PageCache, invalidate_on_change};
use state::AppState;

/// Connects, migrates, loads the region table and (into an empty database) the demo data.
pub async fn prepare(config: Config) -> anyhow::Result<AppState> {
    let started = Instant::now();
    let db = Db::connect(&config).await?;
    db.migrate().await?;
    let loaded = regions::queries::load(&db).await?;
    if loaded > 0 {
        tracing::info!(rows = loaded, elapsed_ms = started.elapsed().as_millis(), "region table loaded");
    }
    let media = Media::from_config(&config)?;
    demo::ensure_site_picture(&media).await?;
    let hasher = auth::password::Hasher::new(config.hash_concurrency)?;
    if config.demo_data {
        tracing::info!("demo data: loading it if the database has no villages (its pictures take the longest)");
        let villages = demo::load_if_empty(&db, &media, &hasher).await?;
        if villages > 0 {
            tracing::info!(villages, "demo data loaded");
        }
    }
    if dashboards::rebuild::ensure(&db, config.time_zone).await? {
        tracing::info!(time_zone = config.time_zone.code(), "sales summaries rebuilt from the orders");
    }
    let vapid = push::vapid::Vapid::load_or_create(&db).await?;
    let pusher = Arc::new(push::deliver::Pusher::new(vapid, &config)?);
    let shells = web::pages::Shells::load(&config.dist_dir, config.time_zone)?;
    let pages = Arc::new(PageCache::new(config.page_cache, page_cache::NOT_ON_PAGES));
    let tables = Arc::new(PageCache::new(config.dashboard_cache, dashboards::NOT_ON_DASHBOARDS));
    Ok(AppState {
        db,
        config: Arc::new(config),
        media,
        shells: Arc::new(shells),
        hasher,
        pages,
        dashboards: tables,
        push: pusher,
    })
}

/// The whole application: the JSON API, its OpenAPI document, media, pages and static files.
pub fn app(state: AppState) -> Router {
    let (api, document) = openapi::api(&state.config);
    let methods = Arc::new(openapi::DocumentedMethods::from_document(&document));
    let openapi_json = Arc::new(serde_json::to_string_pretty(&document).unwrap_or_default());
    let api = api.route(
        "/api/v1/openapi.json",
        axum::routing::get(move || {
            let body = openapi_json.clone();
            async move { ([(axum::http::header::CONTENT_TYPE, "application/json")], body.as_bytes().to_vec()) }
        }),
    );
    let router = api
        .merge(media::router())
        .merge(web::router(&state))
        .layer(axum::middleware::from_fn_with_state(state.pages.clone(), invalidate_on_change))
        .layer(axum::middleware::from_fn_with_state(state.dashboards.clone(), invalidate_on_change))
        .layer(axum::middleware::from_fn_with_state(state.push.clone(), push::deliver::wake_after_changes))
        .with_state(state.clone());
    layers::apply(router, &state.config, methods)
}

/// Serves until `shutdown` resolves, then finishes in-flight requests and closes the pool; pushes go out
/// meanwhile.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let pool = state.db.pool.clone();
    state.push.spawn(state.db.clone());
    let service = app(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown).await?;
    pool.close().await;
    Ok(())
}
