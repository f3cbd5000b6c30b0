//! The village directory: search, filters by region, IDM status and sector, results and pages.
//!
//! The filters live in the address (`/desa?kabupaten=52.01&idm=maju&page=2`): links can be shared and
//! the back button undoes a filter. They are a plain form, so they work without JavaScript too.

use shared::format::thousands_in;
use shared::texts::{map as map_texts, villages as t};
use shared::{IdmStatus, Lang, Region, Sector, VillageQuery};
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
use crate::root::use_lang;

#[component]
pub fn DirectoryPage() -> Html {
    let lang = use_lang();
    use_title(page_title(t::directory_title(lang)));
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

    let (kab_options, kab_state) = region_options(lang, kabupaten.get());
    let (kec_options, kec_state) = match &filter.kabupaten {
        None => (Vec::new(), Some(t::choose_kabupaten_first(lang))),
        Some(_) => region_options(lang, kecamatan.get()),
    };
    let idm_options: Vec<_> =
        IdmStatus::ALL.iter().map(|s| (s.code().to_owned(), s.label_in(lang).to_owned())).collect();
    let sector_options = sector_options(lang);
    let filtered = directory_query::is_filtered(&filter);

    html! {
        <div class="container page">
            <h1>{ t::directory_heading(lang) }</h1>
            <p class="lead">{ t::directory_lead(lang) }</p>
            <p class="directory__map">
                <Link<Route> to={Route::VillageMap} classes="button button--ghost">{ map_texts::heading(lang) }</Link<Route>>
            </p>
            <SearchBox value={filter.q.clone().unwrap_or_default()} {on_search} action={lang.path("/desa")} id="cari-desa"
                label={t::search_label(lang)} placeholder={t::search_placeholder(lang)}
                max_len={shared::village::MAX_QUERY_LEN} />
            // A plain form to the directory, so the filters work without JavaScript; the app (or, on a page of
            // islands, `islands::plain`) applies each change at once.
            <form class="filters" role="group" aria-label={t::filters(lang)} method="get" action={lang.path("/desa")}
                data-apply="true" autocomplete="off" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                if let Some(words) = filter.words() {
                    <input type="hidden" name="q" value={words.to_owned()} />
                }
                <FilterSelect
                    id="filter-kabupaten" label={t::kabupaten(lang)} name="kabupaten"
                    any_label={kab_state.unwrap_or(t::any_kabupaten(lang))}
                    options={kab_options} disabled={kab_state.is_some()}
                    value={filter.kabupaten.clone().unwrap_or_default()}
                    on_change={change(directory_query::with_kabupaten)}
                />
                <FilterSelect
                    id="filter-kecamatan" label={t::kecamatan(lang)} name="kecamatan"
                    any_label={kec_state.unwrap_or(t::any_kecamatan(lang))}
                    options={kec_options} disabled={kec_state.is_some()}
                    value={filter.kecamatan.clone().unwrap_or_default()}
                    on_change={change(directory_query::with_kecamatan)}
                />
                <FilterSelect
                    id="filter-idm" label={t::idm_status(lang)} name="idm" any_label={t::any_status(lang)}
                    options={idm_options}
                    value={filter.idm.map(|s| s.code().to_owned()).unwrap_or_default()}
                    on_change={change(|f, v| directory_query::with_idm(f, v.as_deref().and_then(IdmStatus::from_code)))}
                />
                <FilterSelect
                    id="filter-sector" label={t::flagship_sector(lang)} name="sector" any_label={t::any_sector(lang)}
                    options={sector_options}
                    value={filter.sector.map(|s| s.code().to_owned()).unwrap_or_default()}
                    on_change={change(|f, v| directory_query::with_sector(f, v.as_deref().and_then(Sector::from_code)))}
                />
                <button type="submit" class="button button--secondary filters__apply">{ t::apply_filters(lang) }</button>
            </form>
            if regions_failed && !results_failed {
                <p class="filters__problem">
                    { t::regions_failed(lang) }
                    <button type="button" class="button button--ghost" onclick={retry_regions}>
                        { t::reload_regions(lang) }
                    </button>
                </p>
            }
            if filtered {
                <p class="filters__reset">
                    <a class="button button--ghost" href={lang.path("/desa")} onclick={reset.clone()}>
                        { t::clear_filters(lang) }
                    </a>
                </p>
            }
            <section class="section section--results" aria-labelledby="hasil">
                <h2 id="hasil" class="visually-hidden">{ t::results(lang) }</h2>
                { match results.get() {
                    Remote::Loading => html! { <SkeletonCards count={6} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={retry_all} /> },
                    Remote::Loaded(page) if page.items.is_empty() => {
                        if filtered {
                            html! {
                                <EmptyState message={t::no_match(lang)}>
                                    <p class="empty-state__hint">{ t::no_match_hint(lang) }</p>
                                    <a class="button button--primary" href={lang.path("/desa")} onclick={reset}>
                                        { t::clear_filters(lang) }
                                    </a>
                                </EmptyState>
                            }
                        } else if page.total > 0 {
                            let first: Query = directory_query::to_pairs(&directory_query::with_page(&filter, 1));
                            html! {
                                <EmptyState message={t::page_empty(lang)}>
                                    <Link<Route, Query>
                                        classes="button button--primary"
                                        to={Route::Directory}
                                        query={Some(first)}
                                    >
                                        { t::first_page(lang) }
                                    </Link<Route, Query>>
                                </EmptyState>
                            }
                        } else {
                            html! { <EmptyState message={t::none_listed(lang)} /> }
                        }
                    }
                    Remote::Loaded(page) => {
                        let query_for = {
                            let filter = filter.clone();
                            Callback::from(move |n: u32| directory_query::to_pairs(&directory_query::with_page(&filter, n)))
                        };
                        html! {
                            <>
                                <p class="result-count">{ t::found(lang, page.total, thousands_in(lang, page.total)) }</p>
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

/// The sectors to choose from, named in `lang` (the map's drop-down too).
pub fn sector_options(lang: Lang) -> Vec<(String, String)> {
    Sector::ALL.iter().map(|s| (s.code().to_owned(), s.label_in(lang).to_owned())).collect()
}

/// Choices for a region drop-down ("Lombok Barat (12)"), or why there are none to choose yet.
fn region_options(lang: Lang, regions: Remote<'_, Vec<Region>>) -> (Vec<(String, String)>, Option<&'static str>) {
    match regions {
        Remote::Loading => (Vec::new(), Some(t::loading(lang))),
        Remote::Failed(_) => (Vec::new(), Some(t::load_failed(lang))),
        Remote::Loaded(list) => {
            let options = list
                .iter()
                .map(|r| (r.code.clone(), format!("{} ({})", without_level(&r.name), r.village_count)))
                .collect();
            (options, None)
        }
    }
}
