//! The district's public services, rendered with their content: the village potential map (its list and
//! kecamatan table from the whole map's answer; the tiles start in the browser) and the consultation desk
//! with its published FAQ (the same page for everyone: what is one person's own appears in the browser).

use axum::{extract::State, http::Uri, response::Response};
use frontend::api::Get;
use shared::api::{consultations::Faq, village_map::VillageMap};
use shared::{routes::Page, village_map::MapFilter};

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
        let mut head = site_head(&state, Page::VillageMap, "Peta Potensi Desa — Lapak Desa", "/peta");
        head.description = "Peta desa-desa kabupaten: status Indeks Desa Membangun, produk unggulan, jumlah toko, \
                            produk dan lembaga usaha setiap desa dan kecamatan."
            .into();
        Ok(Found::Page(head, Seeds::default().outcome(Get::of(VillageMap {}).url(), &map)))
    })
    .await
}

/// The consultation desk with its published FAQ: public, titled and described for search engines.
pub async fn consultation_desk(State(state): State<AppState>, uri: Uri) -> AppResult<Response> {
    kept_or_built(&state, &uri, async || {
        let faq = crate::consultations::faq::published(&state.db).await;
        let mut head = site_head(&state, Page::Desk, "Konsultasi Usaha Desa — Lapak Desa", "/konsultasi");
        head.description = "Tanyakan permodalan, perizinan dan sertifikasi (PIRT, halal, merek), pemasaran, \
                            produksi, kemasan dan ekspor kepada dinas kabupaten, dan baca tanya-jawab yang sudah \
                            dijawab."
            .into();
        Ok(Found::Page(head, Seeds::default().outcome(Get::of(Faq {}).url(), &faq)))
    })
    .await
}
