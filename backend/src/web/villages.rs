//! Pages of the portal's side, rendered with their content and their link previews: the front page,
//! the directory (with its filters), a village, its news and a news item, and an enterprise. Each reads
//! what its page asks the API for with the API's own functions, keyed by the page's own addresses.

use axum::{
    extract::{Path, State},
    http::Uri,
    response::Response,
};
use frontend::api::{self, Get};
use shared::api::{enterprises::Enterprise, news::Article, villages::Village};
use shared::texts::{head_villages as t, home as home_texts};
use shared::{Lang, RegionLevel};

use shared::routes::Page;

use super::{
    cover_preview, image_preview,
    pages::Head,
    render::{Found, Seeds, kept_or_built, searched_at},
    site_head, site_image,
};
use crate::{
    error::{AppError, AppResult},
    news::NewsQuery,
    regions::{RegionQuery, listed},
    state::AppState,
    villages::{
        detail::detail_by_slug,
        directory,
        queries::{self, Lookup},
    },
};

/// The front page: the featured villages and the kabupaten on the portal.
pub async fn home(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let featured = frontend::pages::home::featured_query();
        let seeds = Seeds::default().outcome(api::villages(&featured).url(), &directory(&state.db, &featured).await);
        let lang = lang_of(&uri);
        let mut head = site_head(&state, Page::Home, home_texts::title(lang), "/");
        head.description = home_texts::description(lang).into();
        Ok(Found::Page(head, with_kabupaten(&state, seeds).await))
    })
    .await
}

/// The directory with the filters in its query, read as the page reads them: the villages found, the
/// kabupaten to choose from and the kecamatan of the chosen one.
pub async fn directory_page(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let filter = frontend::directory_query::parse(uri.query().unwrap_or_default());
        if let Some(address) = searched_at(&uri, "/desa", &frontend::directory_query::to_pairs(&filter)) {
            return Ok(Found::Elsewhere(address));
        }
        let mut seeds = Seeds::default().outcome(api::villages(&filter).url(), &directory(&state.db, &filter).await);
        seeds = with_kabupaten(&state, seeds).await;
        if let Some(kabupaten) = &filter.kabupaten {
            let kecamatan = RegionQuery { parent: Some(kabupaten.clone()), ..RegionQuery::default() };
            seeds = seeds.outcome(api::kecamatan(kabupaten).url(), &listed(&state.db, &kecamatan).await);
        }
        let lang = lang_of(&uri);
        let mut head = site_head(&state, Page::Directory, t::directory_title(lang), "/desa");
        head.description = t::directory_description(lang).into();
        Ok(Found::Page(head, seeds))
    })
    .await
}

/// The language of the page at `uri` (its head's; `render` sets the rest).
fn lang_of(uri: &Uri) -> Lang {
    Lang::of_path(uri.path()).0
}

/// `seeds` with the kabupaten/kota on the portal (the directory's first drop-down, the front page's regions).
async fn with_kabupaten(state: &AppState, seeds: Seeds) -> Seeds {
    let kabupaten = RegionQuery { level: Some(RegionLevel::Kabupaten), ..RegionQuery::default() };
    seeds.outcome(api::kabupaten().url(), &listed(&state.db, &kabupaten).await)
}

/// A village's page: its own title, description and cover as the preview, so a link shared on
/// WhatsApp shows the village; an old slug moves to the current one.
pub async fn village(State(state): State<AppState>, Path(slug): Path<String>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let api = Get::of(Village { slug: slug.clone() }).url();
        let detail = match detail_by_slug(&state.db, &slug).await? {
            Lookup::Found(detail) => detail,
            Lookup::Moved(to) => return Ok(Found::Moved(format!("/desa/{to}"))),
            Lookup::Missing => {
                return Ok(Found::Missing(Page::Village.route().app, Seeds::default().not_found(api)));
            }
        };
        let (v, lang) = (&detail.summary, lang_of(&uri));
        let mut description = if v.tagline.is_empty() { String::new() } else { format!("{} ", v.tagline) };
        if let Some(f) = &v.flagship {
            description.push_str(&t::village_flagship(lang, &f.name));
        }
        description.push_str(&t::village_place(lang, &v.region.kecamatan, &v.region.kabupaten, &v.region.provinsi));
        let image = v.cover_url.as_ref().map(|u| cover_preview(&state, u));
        let title = t::village_title(lang, &v.name, &v.region.kabupaten);
        let head = Head {
            description,
            image: image.or_else(|| Some(site_image(&state))),
            ..site_head(&state, Page::Village, &title, &format!("/desa/{}", v.slug))
        };
        Ok(Found::Page(head, Seeds::default().answer(api, &detail)))
    })
    .await
}

/// A village's news list (`?page=N`), titled with the village's name, which the page also shows.
pub async fn news_list(State(state): State<AppState>, Path(slug): Path<String>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let page = frontend::page_number(uri.query().unwrap_or_default());
        let (village_api, news_api) =
            (Get::of(Village { slug: slug.clone() }).url(), api::news_page(&slug, page).url());
        let detail = match detail_by_slug(&state.db, &slug).await? {
            Lookup::Found(detail) => detail,
            Lookup::Moved(to) => return Ok(Found::Moved(format!("/desa/{to}/berita"))),
            Lookup::Missing => {
                let seeds = Seeds::default().not_found(village_api).not_found(news_api);
                return Ok(Found::Missing(Page::VillageNews.route().app, seeds));
            }
        };
        let query = NewsQuery { page: Some(page), per_page: Some(api::NEWS_PER_PAGE) };
        let news = crate::news::village_news(&state.db, &slug, &query).await;
        let seeds = Seeds::default().answer(village_api, &detail).outcome(news_api, &news);
        let (v, lang) = (&detail.summary, lang_of(&uri));
        let title = t::news_title(lang, &v.name);
        let mut head = site_head(&state, Page::VillageNews, &title, &format!("/desa/{slug}/berita"));
        head.description = t::news_description(lang, &v.name, &v.region.kabupaten);
        head.image = v.cover_url.as_ref().map(|u| cover_preview(&state, u)).or(head.image);
        Ok(Found::Page(head, seeds))
    })
    .await
}

/// A news item: its title, summary and cover as the link preview, dated as an article.
pub async fn news_item(
    State(state): State<AppState>,
    Path((village, slug)): Path<(String, String)>,
    uri: Uri,
) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let api = Get::of(Article { slug: village.clone(), news: slug.clone() }).url();
        let article = match crate::news::published(&state.db, &village, &slug).await {
            Ok(article) => article,
            Err(AppError::NotFound(_)) => {
                if let Lookup::Moved(to) = queries::summary_by_slug(&state.db, &village).await? {
                    return Ok(Found::Moved(format!("/desa/{to}/berita/{slug}")));
                }
                return Ok(Found::Missing(Page::NewsArticle.route().app, Seeds::default().not_found(api)));
            }
            Err(error) => return Err(error),
        };
        let (s, lang) = (&article.summary, lang_of(&uri));
        let description = if s.summary.is_empty() {
            t::item_description(lang, s.kind.label_in(lang), &article.village_name)
        } else {
            s.summary.clone()
        };
        let title = t::item_title(lang, &s.title, &article.village_name);
        let head = Head {
            description,
            image: s.cover.as_ref().map(|c| image_preview(&state, &c.jpeg)).or_else(|| Some(site_image(&state))),
            published_at: Some(s.published_at),
            ..site_head(&state, Page::NewsArticle, &title, &format!("/desa/{village}/berita/{slug}"))
        };
        Ok(Found::Page(head, Seeds::default().answer(api, &article)))
    })
    .await
}

/// An enterprise's page: its name, kind, village and first photo as the preview.
pub async fn enterprise(State(state): State<AppState>, Path(slug): Path<String>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let api = Get::of(Enterprise { slug: slug.clone() }).url();
        let e = match crate::enterprises::public_page(&state.db, &slug).await {
            Ok(e) => e,
            Err(AppError::NotFound(_)) => {
                return Ok(Found::Missing(Page::Enterprise.route().app, Seeds::default().not_found(api)));
            }
            Err(error) => return Err(error),
        };
        let lang = lang_of(&uri);
        let kind = e.enterprise.kind.label_in(lang);
        let mut description =
            t::enterprise_description(lang, kind, &e.enterprise.name, &e.village_name, &e.region.kabupaten);
        if !e.enterprise.description.is_empty() {
            description = format!("{} {description}", e.enterprise.description);
        }
        let title = t::enterprise_title(lang, &e.enterprise.name, &e.village_name);
        let head = Head {
            description,
            image: e.photos.first().map(|p| image_preview(&state, &p.jpeg)).or_else(|| Some(site_image(&state))),
            ..site_head(&state, Page::Enterprise, &title, &format!("/lembaga/{slug}"))
        };
        Ok(Found::Page(head, Seeds::default().answer(api, &e)))
    })
    .await
}
