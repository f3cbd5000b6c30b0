//! The site around the API: pages with link previews, static files, robots.txt and sitemap.xml.

mod assets;
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
use pages::Head;

/// The default preview image (generated on first start).
pub const SITE_IMAGE_KEY: &str = "site/lapak-desa.jpg";

pub fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/desa", get(directory))
        .route("/desa/{slug}", get(village))
        .route("/masuk", private("Masuk", "/masuk"))
        .route("/daftar", private("Daftar", "/daftar"))
        .route("/akun", private("Akun saya", "/akun"))
        .route("/akun/{*rest}", private("Akun saya", "/akun"))
        .route("/admin", private("Admin", "/admin"))
        .route("/admin/{*rest}", private("Admin", "/admin"))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::sitemap))
        .route("/api/{*rest}", get(api_not_found).fallback(api_not_found))
        .fallback_service(assets::service(state))
}

async fn home(State(state): State<AppState>) -> Response {
    page(&state, StatusCode::OK, site_head(&state, "Lapak Desa — informasi dan lapak online desa", "/"))
}

async fn directory(State(state): State<AppState>) -> Response {
    let mut head = site_head(&state, "Direktori Desa — Lapak Desa", "/desa");
    head.description = "Cari desa berdasarkan kabupaten, kecamatan, status IDM dan produk unggulannya.".into();
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
            let image = v.cover_url.map(|u| format!("{}{u}", state.config.public_url));
            let head = Head {
                title: format!("Desa {} — {} | Lapak Desa", v.name, v.region.kabupaten),
                description,
                path: format!("/desa/{}", v.slug),
                image: image.or_else(|| Some(site_image(&state))),
                private: false,
            };
            Ok(page(&state, StatusCode::OK, head))
        }
        Lookup::Moved(to) => Ok(Redirect::permanent(&format!("/desa/{to}")).into_response()),
        Lookup::Missing => Ok(not_found(&state)),
    }
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

fn site_head(state: &AppState, title: &str, path: &str) -> Head {
    Head {
        title: title.into(),
        description: "Profil desa, produk unggulan dan lapak online desa-desa Indonesia: belanja langsung dari \
                      BUMDes, koperasi dan UMKM desa."
            .into(),
        path: path.into(),
        image: Some(site_image(state)),
        private: false,
    }
}

/// A page of accounts or the admin area: the app, titled, never indexed.
fn private(title: &'static str, path: &'static str) -> MethodRouter<AppState> {
    get(move |State(state): State<AppState>| async move {
        let mut head = site_head(&state, &format!("{title} — Lapak Desa"), path);
        head.private = true;
        page(&state, StatusCode::OK, head)
    })
}

/// The absolute address of the site's default preview picture.
fn site_image(state: &AppState) -> String {
    format!("{}{}", state.config.public_url, Media::url(SITE_IMAGE_KEY))
}

fn page(state: &AppState, status: StatusCode, head: Head) -> Response {
    let shell = if head.private { &state.shells.workspace } else { &state.shells.portal };
    let html = shell.render(&head, &state.config.public_url);
    (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], html)
        .into_response()
}
