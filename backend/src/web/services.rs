//! The district's public services, rendered with their content: the village potential map (its list and
//! kecamatan table from the whole map's answer; the tiles start in the browser) and the consultation desk
//! with its published FAQ (the same page for everyone: what is one person's own appears in the browser).

use axum::{extract::State, http::Uri, response::Response};
use frontend::api::Get;
use shared::api::{consultations::Faq, village_map::VillageMap};
use shared::texts::head_villages as t;
use shared::{Lang, routes::Page, village_map::MapFilter};

use super::{
    render::{Found, Seeds, kept_or_built, searched_at},
    site_head,
};
use crate::{error::AppResult, state::AppState};

/// The village potential map, rendered from the whole map (the page applies the filters and the order in
/// its address itself, as it does in the browser); an address written otherwise moves to the app's.
pub async fn village_map(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let (filter, order) = frontend::pages::village_map::asked(uri.query().unwrap_or_default());
        let pairs = frontend::pages::village_map::address_pairs(&filter, order);
        if let Some(address) = searched_at(&uri, "/peta", &pairs) {
            return Ok(Found::Elsewhere(address));
        }
        let map = crate::village_map::read(&state, &MapFilter::default()).await;
        let lang = Lang::of_path(uri.path()).0;
        let mut head = site_head(&state, Page::VillageMap, t::map_title(lang), "/peta");
        head.description = t::map_description(lang).into();
        Ok(Found::Page(head, Seeds::default().outcome(Get::of(VillageMap {}).url(), &map)))
    })
    .await
}

/// The consultation desk with its published FAQ: public, titled and described for search engines.
pub async fn consultation_desk(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let faq = crate::consultations::faq::published(&state.db).await;
        let lang = Lang::of_path(uri.path()).0;
        let mut head = site_head(&state, Page::Desk, t::desk_title(lang), "/konsultasi");
        head.description = t::desk_description(lang).into();
        Ok(Found::Page(head, Seeds::default().outcome(Get::of(Faq {}).url(), &faq)))
    })
    .await
}
