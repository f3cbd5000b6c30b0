//! The district's public services, rendered with their content: the village potential map (its list and
//! kecamatan table from the whole map's answer; the tiles start in the browser).

use axum::{extract::State, http::Uri, response::Response};
use frontend::api::village_map::village_map_url;
use shared::village_map::MapFilter;

use super::{
    pages::App,
    render::{Found, Seeds, kept_or_built},
    site_head,
};
use crate::{error::AppResult, state::AppState};

/// The village potential map, rendered from the whole map (the page applies the filters in its address
/// itself, as it does in the browser).
pub async fn village_map(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let map = crate::village_map::read(&state, &MapFilter::default()).await;
        let mut head = site_head(&state, "Peta Potensi Desa — Lapak Desa", "/peta");
        head.description = "Peta desa-desa kabupaten: status Indeks Desa Membangun, produk unggulan, jumlah toko, \
                            produk dan lembaga usaha setiap desa dan kecamatan."
            .into();
        head.app = App::Browse;
        Ok(Found::Page(head, Seeds::default().outcome(village_map_url(), &map)))
    })
    .await
}
