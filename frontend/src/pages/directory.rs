//! The village directory: search, filters by region, IDM status and sector, results and pages.
//!
//! The filters live in the address (`/desa?kabupaten=52.01&idm=maju&page=2`): links can be shared and
//! the back button undoes a filter. They are a plain form, so they work without JavaScript too.

use shared::format::thousands;
use shared::{IdmStatus, Region, Sector, VillageQuery};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::filter_select::FilterSelect;
use crate::components::pagination::{Pagination, Query};
use crate::components::search_box::SearchBox;
use crate::components::skeleton::SkeletonCards;
use crate::components::village_card::VillageGrid;
use crate::directory_query;
use crate::hooks::{Remote, RemoteHandle, page_title, use_endpoint, use_seeded, use_title};
use crate::links::without_level;

#[component]
pub fn DirectoryPage() -> Html {
    use_title(page_title("Direktori Desa"));
    let location = use_location();
    let filter = directory_query::parse(location.as_ref().map_or("", |l| l.query_str()));
    let results = use_endpoint(api::villages(&filter));
    let kabupaten = use_endpoint(api::kabupaten());
    // Without a kabupaten nothing is asked (nor seeded): the drop-down says to choose one first.
    let kecamatan_url =
        |kabupaten: &Option<String>| kabupaten.as_deref().map_or_else(String::new, |k| api::kecamatan(k).url());
    let kecamatan = use_seeded(filter.kabupaten.clone(), kecamatan_url, |kabupaten| async move {
        match kabupaten {
            Some(code) => api::fetch(api::kecamatan(&code)).await,
            None => Ok(Vec::new()),
        }
    });

    let navigator = use_navigator();
    let go = Callback::from(move |next: VillageQuery| {
        if let Some(navigator) = &navigator {
            let _ = navigator.push_with_query(&Route::Directory, &directory_query::to_pairs(&next));
        }
    });
    let change = |apply: fn(&VillageQuery, Option<String>) -> VillageQuery| {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |value: Option<String>| go.emit(apply(&filter, value)))
    };
    let on_search = {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |words: String| go.emit(directory_query::with_words(&filter, &words)))
    };
    // A link to the unfiltered directory, followed inside the app.
    let reset = go.reform(|event: MouseEvent| {
        event.prevent_default();
        VillageQuery::default()
    });
    // One error box per page: its button also retries the region lists that failed.
    let region_retries: Vec<Callback<()>> =
        [failed_retry(&kabupaten), failed_retry(&kecamatan)].into_iter().flatten().collect();
    let regions_failed = !region_retries.is_empty();
    let retry_regions = {
        let retries = region_retries.clone();
        Callback::from(move |_: MouseEvent| retries.iter().for_each(|r| r.emit(())))
    };
    let retry_all = {
        let retries: Vec<Callback<()>> = failed_retry(&results).into_iter().chain(region_retries).collect();
        Callback::from(move |()| retries.iter().for_each(|r| r.emit(())))
    };
    let results_failed = matches!(results.get(), Remote::Failed(_));

    let (kab_options, kab_state) = region_options(kabupaten.get());
    let (kec_options, kec_state) = match &filter.kabupaten {
        None => (Vec::new(), Some("Pilih kabupaten/kota dulu")),
        Some(_) => region_options(kecamatan.get()),
    };
    let idm_options = IdmStatus::ALL.iter().map(|s| (s.code().to_owned(), s.label().to_owned())).collect::<Vec<_>>();
    let sector_options = Sector::ALL.iter().map(|s| (s.code().to_owned(), s.label().to_owned())).collect::<Vec<_>>();
    let filtered = directory_query::is_filtered(&filter);

    html! {
        <div class="container page">
            <h1>{ "Direktori desa" }</h1>
            <p class="lead">
                { "Temukan desa menurut wilayah, status Indeks Desa Membangun, atau sektor produk unggulannya." }
            </p>
            <p class="directory__map">
                <Link<Route> to={Route::VillageMap} classes="button button--ghost">{ "Peta potensi desa" }</Link<Route>>
            </p>
            <SearchBox value={filter.q.clone().unwrap_or_default()} {on_search} action="/desa" id="cari-desa"
                label="Cari desa" placeholder="Cari desa atau produk" max_len={shared::village::MAX_QUERY_LEN} />
            // A plain form to the directory, so the filters work without JavaScript; the app (or, on a page of
            // islands, `islands::plain`) applies each change at once.
            <form class="filters" role="group" aria-label="Saring desa" method="get" action="/desa"
                data-apply="true" autocomplete="off" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                if let Some(words) = filter.words() {
                    <input type="hidden" name="q" value={words.to_owned()} />
                }
                <FilterSelect
                    id="filter-kabupaten" label="Kabupaten/kota" name="kabupaten"
                    any_label={kab_state.unwrap_or("Semua kabupaten/kota")}
                    options={kab_options} disabled={kab_state.is_some()}
                    value={filter.kabupaten.clone().unwrap_or_default()}
                    on_change={change(directory_query::with_kabupaten)}
                />
                <FilterSelect
                    id="filter-kecamatan" label="Kecamatan" name="kecamatan"
                    any_label={kec_state.unwrap_or("Semua kecamatan")}
                    options={kec_options} disabled={kec_state.is_some()}
                    value={filter.kecamatan.clone().unwrap_or_default()}
                    on_change={change(directory_query::with_kecamatan)}
                />
                <FilterSelect
                    id="filter-idm" label="Status IDM" name="idm" any_label="Semua status"
                    options={idm_options}
                    value={filter.idm.map(|s| s.code().to_owned()).unwrap_or_default()}
                    on_change={change(|f, v| directory_query::with_idm(f, v.as_deref().and_then(IdmStatus::from_code)))}
                />
                <FilterSelect
                    id="filter-sector" label="Sektor unggulan" name="sector" any_label="Semua sektor"
                    options={sector_options}
                    value={filter.sector.map(|s| s.code().to_owned()).unwrap_or_default()}
                    on_change={change(|f, v| directory_query::with_sector(f, v.as_deref().and_then(Sector::from_code)))}
                />
                <button type="submit" class="button button--secondary filters__apply">{ "Terapkan filter" }</button>
            </form>
            if regions_failed && !results_failed {
                <p class="filters__problem">
                    { "Daftar wilayah gagal dimuat. " }
                    <button type="button" class="button button--ghost" onclick={retry_regions}>
                        { "Muat ulang wilayah" }
                    </button>
                </p>
            }
            if filtered {
                <p class="filters__reset">
                    <a class="button button--ghost" href="/desa" onclick={reset.clone()}>{ "Hapus semua filter" }</a>
                </p>
            }
            <section class="section section--results" aria-labelledby="hasil">
                <h2 id="hasil" class="visually-hidden">{ "Hasil" }</h2>
                { match results.get() {
                    Remote::Loading => html! { <SkeletonCards count={6} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={retry_all} /> },
                    Remote::Loaded(page) if page.items.is_empty() => {
                        if filtered {
                            html! {
                                <EmptyState message="Tidak ada desa yang cocok dengan filter ini.">
                                    <p class="empty-state__hint">{ "Coba kata kunci lain atau longgarkan filter." }</p>
                                    <a class="button button--primary" href="/desa" onclick={reset}>
                                        { "Hapus semua filter" }
                                    </a>
                                </EmptyState>
                            }
                        } else if page.total > 0 {
                            let first: Query = directory_query::to_pairs(&directory_query::with_page(&filter, 1));
                            html! {
                                <EmptyState message="Halaman ini kosong: daftar desa tidak sepanjang itu.">
                                    <Link<Route, Query>
                                        classes="button button--primary"
                                        to={Route::Directory}
                                        query={Some(first)}
                                    >
                                        { "Ke halaman pertama" }
                                    </Link<Route, Query>>
                                </EmptyState>
                            }
                        } else {
                            html! { <EmptyState message="Belum ada desa yang terdaftar di portal ini." /> }
                        }
                    }
                    Remote::Loaded(page) => {
                        let query_for = {
                            let filter = filter.clone();
                            Callback::from(move |n: u32| directory_query::to_pairs(&directory_query::with_page(&filter, n)))
                        };
                        html! {
                            <>
                                <p class="result-count">{ format!("{} desa ditemukan", thousands(page.total)) }</p>
                                <VillageGrid villages={page.items.clone()} />
                                <Pagination
                                    page={page.page}
                                    page_count={page.page_count()}
                                    route={Route::Directory}
                                    {query_for}
                                />
                            </>
                        }
                    }
                } }
            </section>
        </div>
    }
}

/// The retry of a list that failed, if it did.
fn failed_retry<K: PartialEq + Clone + 'static, T: 'static>(handle: &RemoteHandle<K, T>) -> Option<Callback<()>> {
    matches!(handle.get(), Remote::Failed(_)).then(|| handle.retry())
}

/// Choices for a region drop-down ("Lombok Barat (12)"), or why there are none to choose yet.
fn region_options(regions: Remote<'_, Vec<Region>>) -> (Vec<(String, String)>, Option<&'static str>) {
    match regions {
        Remote::Loading => (Vec::new(), Some("Memuat…")),
        Remote::Failed(_) => (Vec::new(), Some("Gagal dimuat")),
        Remote::Loaded(list) => {
            let options = list
                .iter()
                .map(|r| (r.code.clone(), format!("{} ({})", without_level(&r.name), r.village_count)))
                .collect();
            (options, None)
        }
    }
}
