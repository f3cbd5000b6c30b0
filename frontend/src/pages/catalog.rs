//! `/produk`: the catalog with search, filters, sorting and facet counts, its state in the address.
//!
//! The address holds the whole search (`/produk?q=keripik&kecamatan=13.05.04&harga_max=25000`), with the
//! API's own parameter names: a search can be shared, and the back button undoes a filter. Further pages
//! are added below by their cursor, which stays out of the address.

use std::rc::Rc;

use shared::texts::catalog as t;
use shared::{CatalogQuery, Facets, Lang};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::catalog_query::{self, filter_count};
use crate::components::catalog_chips::{Known, chips, clear_link, search_link};
use crate::components::catalog_filters::{CatalogFilters, FacetState};
use crate::components::catalog_sort::SortSelect;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::product_list::{ProductList, ProductSkeleton};
use crate::components::search_box::SearchBox;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::root::use_lang;
use shared::format::thousands_in;

#[component]
pub fn CatalogPage() -> Html {
    let lang = use_lang();
    let location = use_location();
    let query = catalog_query::parse(location.as_ref().map_or("", |l| l.query_str()));
    let results = use_endpoint(api::catalog::catalog(&query));
    let facets = use_endpoint(api::catalog::facets(&query));
    use_title(match query.words() {
        Some(words) => page_title(&t::search_title(lang, words)),
        None => page_title(t::title(lang)),
    });

    let navigator = use_navigator();
    let go = {
        let current = catalog_query::to_address(&query);
        Callback::from(move |next: CatalogQuery| {
            // A new search starts at its first page; the same search again adds no step to the back button.
            let next = next.first_page();
            if let Some(navigator) = navigator.as_ref().filter(|_| catalog_query::to_address(&next) != current) {
                let _ = navigator.push_with_query(&Route::Catalog, &catalog_query::address_pairs(&next));
            }
        })
    };
    let on_search = {
        let (go, query) = (go.clone(), query.clone());
        Callback::from(move |words: String| go.emit(catalog_query::with_words(&query, &words)))
    };
    let on_sort = {
        let (go, query) = (go.clone(), query.clone());
        Callback::from(move |urut| go.emit(CatalogQuery { urut: Some(urut), ..query.first_page() }))
    };
    // While new counts load, the drop-downs keep the last ones rather than going blank.
    let last_facets = use_mut_ref(|| None::<Rc<Facets>>);
    let facet_state = match facets.get() {
        Remote::Loaded(f) => {
            *last_facets.borrow_mut() = Some(f.clone());
            FacetState::Loaded(f.clone())
        }
        Remote::Loading => last_facets.borrow().clone().map_or(FacetState::Loading, FacetState::Loaded),
        Remote::Failed(_) => FacetState::Failed,
    };
    let known_facets = match &facet_state {
        FacetState::Loaded(f) => Some(f.clone()),
        _ => None,
    };
    let first = match results.get() {
        Remote::Loaded(page) => Some(page.clone()),
        _ => None,
    };
    let known = Known {
        items: first.as_deref().map(|p| p.items.as_slice()).unwrap_or_default(),
        facets: known_facets.as_deref(),
    };
    let result_count = match (facets.get(), query.words()) {
        (Remote::Loaded(f), Some(words)) => t::count_for(lang, f.total, thousands_in(lang, f.total), words),
        (Remote::Loaded(f), None) => t::count(lang, f.total, thousands_in(lang, f.total)),
        (Remote::Loading, _) => t::counting(lang).to_owned(),
        (Remote::Failed(_), _) => String::new(),
    };
    let retry_all = {
        let (a, b) = (results.retry(), facets.retry());
        let facets_failed = matches!(facets.get(), Remote::Failed(_));
        Callback::from(move |()| {
            a.emit(());
            if facets_failed {
                b.emit(());
            }
        })
    };
    let active = filter_count(&query);
    let body = match results.get() {
        Remote::Loading => html! { <ProductSkeleton /> },
        Remote::Failed(error) if error.status() == Some(400) => html! {
            <div class="error-state" role="alert">
                <p class="error-state__title">{ t::bad_search(lang) }</p>
                <p class="error-state__detail">{ error.message_in(lang) }</p>
                { search_link(lang, &go, CatalogQuery::default(), "button button--primary", html! { { t::new_search(lang) } }, None) }
            </div>
        },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={retry_all} /> },
        Remote::Loaded(page) if page.items.is_empty() => empty(lang, &query, &go),
        Remote::Loaded(page) => html! { <ProductList query={query.clone()} first={page.clone()} /> },
    };

    html! {
        <div class="container page catalog">
            <h1>{ t::title(lang) }</h1>
            <p class="lead">{ t::lead(lang) }</p>
            <SearchBox value={query.q.clone().unwrap_or_default()} {on_search} action={lang.path("/produk")} id="cari-produk"
                label={t::search_label(lang)} placeholder={t::search_placeholder(lang)} max_len={shared::catalog::QUERY_MAX} />
            <details class="catalog-filters">
                <summary class="catalog-filters__toggle">
                    { t::filters_toggle(lang) }
                    if active > 0 { <span class="catalog-filters__count">{ t::filters_active(lang, active) }</span> }
                </summary>
                <CatalogFilters query={query.clone()} facets={facet_state} on_change={go.clone()} />
            </details>
            { chips(lang, &query, known, &go) }
            <div class="catalog-bar">
                <p class="result-count" aria-live="polite">{ result_count }</p>
                <SortSelect query={query.clone()} value={query.sort()} has_words={query.words().is_some()} on_change={on_sort} />
            </div>
            <section class="section--results" aria-labelledby="hasil">
                <h2 id="hasil" class="visually-hidden">{ t::results(lang) }</h2>
                { body }
            </section>
        </div>
    }
}

/// Why nothing was found, and the way out.
fn empty(lang: Lang, q: &CatalogQuery, go: &Callback<CatalogQuery>) -> Html {
    if q.is_filtered() {
        html! {
            <EmptyState message={t::no_match(lang)}>
                <p class="empty-state__hint">{ t::no_match_hint(lang) }</p>
                { clear_link(lang, go, q, "button button--primary") }
            </EmptyState>
        }
    } else if let Some(words) = q.words() {
        html! {
            <EmptyState message={t::no_words(lang, words)}>
                <p class="empty-state__hint">{ t::no_words_hint(lang) }</p>
                { search_link(lang, go, CatalogQuery::default(), "button button--primary", html! { { t::see_all(lang) } }, None) }
            </EmptyState>
        }
    } else {
        html! { <EmptyState message={t::none_yet(lang)} /> }
    }
}
