//! The site around the API: pages with link previews, static files, robots.txt and sitemap.xml.

mod assets;
mod market;
mod offline;
pub mod pages;
mod seo;

use axum::{
    Router,
    extract::{Path, State},
    http::{StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::{MethodRouter, get},
};

use crate::{
    error::{AppError, AppResult},
    media::Media,
    state::AppState,
    villages::queries::{self, Lookup},
};
use pages::{App, Head, Preview};

/// The default preview image (generated on first start).
pub const SITE_IMAGE_KEY: &str = "site/lapak-desa.jpg";

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/desa", get(directory))
        .route("/peta", get(village_map))
        .route("/desa/{slug}", get(village))
        .route("/desa/{slug}/berita", get(news_list))
        .route("/desa/{slug}/berita/{news}", get(news_item))
        .route("/desa/{slug}/permintaan", get(flagship_inquiry))
        .route("/lembaga/{slug}", get(enterprise))
        .route("/produk", get(market::catalog))
        .route("/produk/{id}", get(market::product))
        .route("/toko/{slug}", get(market::shop))
        .route("/keranjang", private_browse("Keranjang", "/keranjang"))
        .route("/pesan", private_browse("Pesan", "/pesan"))
        .route("/pesanan/{code}", private_browse("Pesanan", "/pesanan"))
        .route("/konsultasi", get(consultation_desk))
        .route("/konsultasi/{*rest}", private("Konsultasi", "/konsultasi"))
        .route("/jual", private("Jual", "/jual"))
        .route("/jual/{*rest}", private("Jual", "/jual"))
        .route("/masuk", private("Masuk", "/masuk"))
        .route("/daftar", private("Daftar", "/daftar"))
        .route("/akun", private("Akun saya", "/akun"))
        .route("/akun/{*rest}", private("Akun saya", "/akun"))
        .route("/admin", private_page("Admin", "/admin", App::Admin))
        .route("/admin/{*rest}", private_page("Admin", "/admin", App::Admin))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/sitemap/{file}", get(seo::sitemap_part))
        .route("/api/{*rest}", get(api_not_found).fallback(api_not_found))
        .merge(offline::router(state))
        .fallback_service(assets::service(state))
}

async fn home(State(state): State<AppState>) -> Response {
    page(&state, StatusCode::OK, site_head(&state, "Lapak Desa — informasi dan lapak online desa", "/"))
}

async fn directory(State(state): State<AppState>) -> Response {
    let mut head = site_head(&state, "Direktori Desa — Lapak Desa", "/desa");
    head.description = "Cari desa berdasarkan kabupaten, kecamatan, status IDM dan produk unggulannya.".into();
    head.app = App::Browse;
    page(&state, StatusCode::OK, head)
}

/// The consultation desk with its published FAQ: public, titled and described for search engines (the
/// workspace app shows it; its other pages are one person's own).
async fn consultation_desk(State(state): State<AppState>) -> Response {
    let mut head = site_head(&state, "Konsultasi Usaha Desa — Lapak Desa", "/konsultasi");
    head.description = "Tanyakan permodalan, perizinan dan sertifikasi (PIRT, halal, merek), pemasaran, produksi, \
                        kemasan dan ekspor kepada dinas kabupaten, dan baca tanya-jawab yang sudah dijawab."
        .into();
    head.app = App::Workspace;
    page(&state, StatusCode::OK, head)
}

/// The village potential map: a page of the browse app, described for link previews and search engines.
async fn village_map(State(state): State<AppState>) -> Response {
    let mut head = site_head(&state, "Peta Potensi Desa — Lapak Desa", "/peta");
    head.description = "Peta desa-desa kabupaten: status Indeks Desa Membangun, produk unggulan, jumlah toko, \
                        produk dan lembaga usaha setiap desa dan kecamatan."
        .into();
    head.app = App::Browse;
    page(&state, StatusCode::OK, head)
}

/// A village's page: its own title, description and cover as the preview, so a link shared on
/// WhatsApp shows the village.
async fn village(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    match queries::summary_by_slug(&state.db, &slug).await? {
        Lookup::Found((_, v)) => {
            let mut description = if v.tagline.is_empty() { String::new() } else { format!("{} ", v.tagline) };
            if let Some(f) = &v.flagship {
                description.push_str(&format!("Produk unggulan: {}. ", f.name));
            }
            description.push_str(&format!(
                "Desa di Kecamatan {}, {}, {}.",
                v.region.kecamatan, v.region.kabupaten, v.region.provinsi
            ));
            let image = v.cover_url.map(|u| cover_preview(&state, &u));
            let head = Head {
                title: format!("Desa {} — {} | Lapak Desa", v.name, v.region.kabupaten),
                description,
                path: format!("/desa/{}", v.slug),
                image: image.or_else(|| Some(site_image(&state))),
                published_at: None,
                app: App::Portal,
                offer: None,
                private: false,
            };
            Ok(page(&state, StatusCode::OK, head))
        }
        Lookup::Moved(to) => Ok(Redirect::permanent(&format!("/desa/{to}")).into_response()),
        Lookup::Missing => Ok(not_found(&state)),
    }
}

/// A village's news list: the app, titled with the village's name.
async fn news_list(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    match queries::summary_by_slug(&state.db, &slug).await? {
        Lookup::Found((_, v)) => {
            let mut head =
                site_head(&state, &format!("Berita Desa {} | Lapak Desa", v.name), &format!("/desa/{slug}/berita"));
            head.description = format!("Berita dan pengumuman terbaru dari Desa {}, {}.", v.name, v.region.kabupaten);
            head.image = v.cover_url.map(|u| cover_preview(&state, &u)).or(head.image);
            head.app = App::Browse;
            Ok(page(&state, StatusCode::OK, head))
        }
        Lookup::Moved(to) => Ok(Redirect::permanent(&format!("/desa/{to}/berita")).into_response()),
        Lookup::Missing => Ok(not_found(&state)),
    }
}

/// The bulk or export inquiry form of a village's flagship product: the browse app, titled with the village.
async fn flagship_inquiry(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    match queries::summary_by_slug(&state.db, &slug).await? {
        Lookup::Found((_, v)) => {
            let title = format!("Permintaan partai besar / ekspor — Desa {} | Lapak Desa", v.name);
            let mut head = site_head(&state, &title, &format!("/desa/{slug}/permintaan"));
            if let Some(f) = &v.flagship {
                head.description =
                    format!("Ajukan permintaan partai besar atau ekspor {} dari Desa {}.", f.name, v.name);
            }
            head.app = App::Browse;
            Ok(page(&state, StatusCode::OK, head))
        }
        Lookup::Moved(to) => Ok(Redirect::permanent(&format!("/desa/{to}/permintaan")).into_response()),
        Lookup::Missing => Ok(not_found(&state)),
    }
}

/// A news item: its title, summary and cover as the link preview, dated as an article.
async fn news_item(
    State(state): State<AppState>,
    Path((village, slug)): Path<(String, String)>,
) -> AppResult<Response> {
    let Some(article) = crate::news::queries::article(&state.db, &village, &slug).await? else {
        return Ok(match queries::summary_by_slug(&state.db, &village).await? {
            Lookup::Moved(to) => Redirect::permanent(&format!("/desa/{to}/berita/{slug}")).into_response(),
            _ => not_found(&state),
        });
    };
    let s = &article.summary;
    let description = if s.summary.is_empty() {
        format!("{} dari Desa {}.", s.kind.label(), article.village_name)
    } else {
        s.summary.clone()
    };
    let head = Head {
        title: format!("{} — Desa {} | Lapak Desa", s.title, article.village_name),
        description,
        path: format!("/desa/{village}/berita/{slug}"),
        image: Some(s.cover.as_ref().map_or_else(|| site_image(&state), |c| image_preview(&state, &c.jpeg))),
        published_at: Some(s.published_at),
        app: App::Browse,
        offer: None,
        private: false,
    };
    Ok(page(&state, StatusCode::OK, head))
}

/// An enterprise's page: its name, kind, village and first photo as the preview.
async fn enterprise(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    let Some(e) = crate::enterprises::queries::detail(&state.db, &slug).await? else {
        return Ok(not_found(&state));
    };
    let mut description = format!(
        "{} {} di Desa {}, {}.",
        e.enterprise.kind.label(),
        e.enterprise.name,
        e.village_name,
        e.region.kabupaten
    );
    if !e.enterprise.description.is_empty() {
        description = format!("{} {description}", e.enterprise.description);
    }
    let head = Head {
        title: format!("{} — Desa {} | Lapak Desa", e.enterprise.name, e.village_name),
        description,
        path: format!("/lembaga/{slug}"),
        image: Some(e.photos.first().map_or_else(|| site_image(&state), |p| image_preview(&state, &p.jpeg))),
        published_at: None,
        app: App::Browse,
        offer: None,
        private: false,
    };
    Ok(page(&state, StatusCode::OK, head))
}

/// Any other address: the app's "not found" page with status 404.
pub fn not_found(state: &AppState) -> Response {
    let mut head = site_head(state, "Halaman tidak ditemukan — Lapak Desa", "/");
    head.description = "Halaman yang Anda cari tidak ada di Lapak Desa.".into();
    page(state, StatusCode::NOT_FOUND, head)
}

async fn api_not_found() -> AppError {
    AppError::NotFound("Alamat API ini tidak ada.".into())
}

pub(super) fn site_head(state: &AppState, title: &str, path: &str) -> Head {
    Head {
        title: title.into(),
        description: "Profil desa, produk unggulan dan lapak online desa-desa Indonesia: belanja langsung dari \
                      BUMDes, koperasi dan UMKM desa."
            .into(),
        path: path.into(),
        image: Some(site_image(state)),
        published_at: None,
        app: App::Portal,
        offer: None,
        private: false,
    }
}

/// A page of accounts, selling or the desk: the workspace app, titled, never indexed.
fn private(title: &'static str, path: &'static str) -> MethodRouter<AppState> {
    private_page(title, path, App::Workspace)
}

/// A buyer's own page of the browse app (cart, checkout, an order), never indexed.
fn private_browse(title: &'static str, path: &'static str) -> MethodRouter<AppState> {
    private_page(title, path, App::Browse)
}

fn private_page(title: &'static str, path: &'static str, app: App) -> MethodRouter<AppState> {
    get(move |State(state): State<AppState>| async move {
        let mut head = site_head(&state, &format!("{title} — Lapak Desa"), path);
        head.app = app;
        head.private = true;
        page(&state, StatusCode::OK, head)
    })
}

/// The site's default preview picture (1200×630).
pub(super) fn site_image(state: &AppState) -> Preview {
    cover_preview(state, &Media::url(SITE_IMAGE_KEY))
}

/// A village cover (always drawn or cropped to 1200×630) as a preview.
fn cover_preview(state: &AppState, path: &str) -> Preview {
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
    state.shells.of(head.app).render(head, &state.config.public_url)
}

/// HTML that browsers check again before reusing.
pub(super) fn html_response(status: StatusCode, html: impl Into<axum::body::Body>) -> Response {
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], html.into())
        .into_response()
}
