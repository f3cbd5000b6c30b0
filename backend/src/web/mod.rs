//! The site around the API: pages with link previews, static files, robots.txt and sitemap.xml.

mod assets;
mod market;
mod offline;
pub mod pages;
mod render;
mod seo;
mod services;
mod villages;

use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
    routing::{MethodRouter, get},
};

use crate::{
    error::{AppError, AppResult},
    media::Media,
    state::AppState,
    villages::queries::{self, Lookup},
};
use pages::{Head, Preview};
use shared::Lang;
use shared::routes::{Draw, PAGES, Page, axum_pattern};
use shared::texts::head as texts;
use shared::texts::head_buying as buying;

/// The default preview image (generated on first start).
pub const SITE_IMAGE_KEY: &str = "site/lapak-desa.jpg";

pub fn router(state: &AppState) -> Router<AppState> {
    // Every page at its address; the public ones in English too, under `/en` (`Lang`).
    let pages = PAGES.iter().fold(Router::new(), |router, route| {
        let router = router.route(&axum_pattern(route.pattern), handler(route.page));
        match route.app.is_public() {
            true => router.route(&Lang::En.path(&axum_pattern(route.pattern)), handler(route.page)),
            false => router,
        }
    });
    pages
        .route("/en", get(|| async { Redirect::permanent(&Lang::En.path("/")) }))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/sitemap/{file}", get(seo::sitemap_part))
        .route("/api/{*rest}", get(api_not_found).fallback(api_not_found))
        .merge(offline::router(state))
        .fallback_service(assets::service(state))
}

/// What answers for each page of the table.
fn handler(page: Page) -> MethodRouter<AppState> {
    match page {
        Page::Home => get(villages::home),
        Page::Directory => get(villages::directory_page),
        Page::VillageMap => get(services::village_map),
        Page::Village => get(villages::village),
        Page::VillageNews => get(villages::news_list),
        Page::NewsArticle => get(villages::news_item),
        Page::VillageInquiry => get(flagship_inquiry),
        Page::Enterprise => get(villages::enterprise),
        Page::Catalog => get(market::catalog),
        Page::Product => get(market::product),
        Page::ProductReviews => get(market::product_reviews),
        Page::Shop => get(market::shop),
        Page::Desk => get(services::consultation_desk),
        Page::Cart => private_in(buying::cart, page),
        Page::Checkout => private_in(buying::checkout, page),
        Page::Order => private_in(buying::order, page),
        Page::DeskNew | Page::DeskMine | Page::DeskQueue | Page::DeskThread => private("Konsultasi", page),
        Page::Sell
        | Page::SellPart
        | Page::SellOrder
        | Page::SellOrderPrint
        | Page::SellProducer
        | Page::SellProducerPrint => private("Jual", page),
        Page::SignIn => private("Masuk", page),
        Page::SignUp => private("Daftar", page),
        Page::Account | Page::SetPassword | Page::MyOrders | Page::Notifications => private("Akun saya", page),
        Page::Admin | Page::AdminSection | Page::AdminVillagePart => private("Admin", page),
    }
}

/// The bulk or export inquiry form of a village's flagship product: the browse app, titled with the village.
async fn flagship_inquiry(State(state): State<AppState>, Path(slug): Path<String>, uri: Uri) -> AppResult<Response> {
    let lang = Lang::of_path(uri.path()).0;
    match queries::summary_by_slug(&state.db, &slug).await? {
        Lookup::Found((_, v)) => {
            let title = shared::texts::head_villages::inquiry_title(lang, &v.name);
            let mut head = site_head(&state, Page::VillageInquiry, &title, &format!("/desa/{slug}/permintaan"));
            if let Some(f) = &v.flagship {
                head.description = shared::texts::head_villages::inquiry_description(lang, &f.name, &v.name);
            }
            Ok(page(&state, StatusCode::OK, Head { lang, ..head }))
        }
        Lookup::Moved(to) => Ok(Redirect::permanent(&lang.path(&format!("/desa/{to}/permintaan"))).into_response()),
        Lookup::Missing => Ok(page(&state, StatusCode::NOT_FOUND, not_found_head(&state, lang))),
    }
}

/// Any other address: the app's "not found" page with status 404.
pub fn not_found(state: &AppState) -> Response {
    page(state, StatusCode::NOT_FOUND, not_found_head(state, Lang::Id))
}

/// The head of the "not found" page in `lang`.
pub(super) fn not_found_head(state: &AppState, lang: Lang) -> Head {
    let mut head = site_head(state, Page::Home, texts::not_found_title(lang), "/");
    head.description = texts::not_found_description(lang).into();
    head.lang = lang;
    // Served with its app (which draws it when the server does not).
    head.islands = false;
    head
}

async fn api_not_found() -> AppError {
    AppError::NotFound("Alamat API ini tidak ada.".into())
}

/// The head of `page` (shown by its app of the route table) with the site's description and picture.
pub(super) fn site_head(state: &AppState, page: Page, title: &str, path: &str) -> Head {
    Head {
        title: title.into(),
        description: "Profil desa, produk unggulan dan lapak online desa-desa Indonesia: belanja langsung dari \
                      BUMDes, koperasi dan UMKM desa."
            .into(),
        path: path.into(),
        image: Some(site_image(state)),
        published_at: None,
        app: page.route().app,
        islands: page.route().draw == Draw::Islands,
        offer: None,
        private: false,
        lang: Lang::Id,
    }
}

/// A page of one person's own (the cart, an order, accounts, selling, the admin area), titled, never
/// indexed; its canonical path is the pattern's literal start.
fn private(title: &'static str, which: Page) -> MethodRouter<AppState> {
    private_in(move |_| title, which)
}

/// [`private`] titled in the language of its address (`/en/keranjang`: "Cart").
fn private_in(
    title: impl Fn(Lang) -> &'static str + Clone + Send + Sync + 'static,
    which: Page,
) -> MethodRouter<AppState> {
    let pattern = which.route().pattern;
    let path = pattern.split("/:").next().unwrap_or(pattern);
    get(move |State(state): State<AppState>, uri: Uri| {
        let lang = Lang::of_path(uri.path()).0;
        let title = title(lang);
        async move {
            let mut head = site_head(&state, which, &format!("{title} — Lapak Desa"), path);
            head.private = true;
            head.lang = lang;
            page(&state, StatusCode::OK, head)
        }
    })
}

/// The site's default preview picture (1200×630).
pub(super) fn site_image(state: &AppState) -> Preview {
    cover_preview(state, &Media::url(SITE_IMAGE_KEY))
}

/// A village cover (always drawn or cropped to 1200×630) as a preview.
pub(super) fn cover_preview(state: &AppState, path: &str) -> Preview {
    Preview { url: format!("{}{path}", state.config.public_url), width: 1200, height: 630 }
}

/// The JPEG size of an uploaded picture as a preview.
pub(super) fn image_preview(state: &AppState, jpeg: &shared::ImageVariant) -> Preview {
    Preview { url: format!("{}{}", state.config.public_url, jpeg.url), width: jpeg.width, height: jpeg.height }
}

pub(super) fn page(state: &AppState, status: StatusCode, head: Head) -> Response {
    let mut res = html_response(status, render(state, &head));
    offline::never_keep_personal(&head, &mut res);
    res
}

/// A page's HTML: the shell of its app with the head filled in.
pub(super) fn render(state: &AppState, head: &Head) -> String {
    state.shells.of(head).render(head, &state.config.public_url, None)
}

/// HTML that browsers check again before reusing.
pub(super) fn html_response(status: StatusCode, html: impl Into<axum::body::Body>) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], html.into())
        .into_response()
}
