//! `/produk`: the catalog with search, filters, sorting and facet counts, its state in the address.
//!
//! The address holds the whole search (`/produk?q=keripik&kecamatan=13.05.04&harga_max=25000`), with the
//! API's own parameter names: a search can be shared, and the back button undoes a filter. Further pages
//! are added below by their cursor, which stays out of the address.

use std::rc::Rc;

use shared::format::thousands;
use shared::{CatalogQuery, Facets};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::catalog_query::{self, Filter, filter_count, price_range_label, slug_words};
use crate::components::catalog_filters::{CatalogFilters, FacetState};
use crate::components::catalog_sort::SortSelect;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::product_list::{ProductList, ProductSkeleton};
use crate::components::search_box::SearchBox;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::links::without_level;

#[component]
pub fn CatalogPage() -> Html {
    let location = use_location();
    let query = catalog_query::parse(location.as_ref().map_or("", |l| l.query_str()));
    let results = use_endpoint(api::catalog::catalog(&query));
    let facets = use_endpoint(api::catalog::facets(&query));
    use_title(match query.words() {
        Some(words) => page_title(&format!("Cari \u{201c}{words}\u{201d}")),
        None => page_title("Produk desa"),
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
    let count = match (facets.get(), query.words()) {
        (Remote::Loaded(f), Some(words)) => format!("{} produk untuk \u{201c}{words}\u{201d}", thousands(f.total)),
        (Remote::Loaded(f), None) => format!("{} produk", thousands(f.total)),
        (Remote::Loading, _) => "Menghitung…".to_owned(),
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
                <p class="error-state__title">{ "Pencarian ini tidak dapat dilakukan." }</p>
                <p class="error-state__detail">{ error.message() }</p>
                { search_link(&go, CatalogQuery::default(), "button button--primary", html! { "Mulai pencarian baru" }, None) }
            </div>
        },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={retry_all} /> },
        Remote::Loaded(page) if page.items.is_empty() => empty(&query, &go),
        Remote::Loaded(page) => html! { <ProductList query={query.clone()} first={page.clone()} /> },
    };

    html! {
        <div class="container page catalog">
            <h1>{ "Produk desa" }</h1>
            <p class="lead">{ "Belanja langsung dari BUMDes, koperasi dan UMKM desa." }</p>
            <SearchBox value={query.q.clone().unwrap_or_default()} {on_search} action="/produk" id="cari-produk"
                label="Cari produk desa" placeholder="Cari keripik, kopi, tenun…" max_len={shared::catalog::QUERY_MAX} />
            <details class="catalog-filters">
                <summary class="catalog-filters__toggle">
                    { "Saring hasil" }
                    if active > 0 { <span class="catalog-filters__count">{ format!("{active} aktif") }</span> }
                </summary>
                <CatalogFilters query={query.clone()} facets={facet_state} on_change={go.clone()} />
            </details>
            { chips(&query, first.as_deref(), known_facets.as_deref(), &go) }
            <div class="catalog-bar">
                <p class="result-count" aria-live="polite">{ count }</p>
                <SortSelect query={query.clone()} value={query.sort()} has_words={query.words().is_some()} on_change={on_sort} />
            </div>
            <section class="section--results" aria-labelledby="hasil">
                <h2 id="hasil" class="visually-hidden">{ "Hasil pencarian" }</h2>
                { body }
            </section>
        </div>
    }
}

/// The filters in use, each a button that removes it, and one that removes them all.
fn chips(
    q: &CatalogQuery,
    first: Option<&shared::CatalogPage>,
    facets: Option<&Facets>,
    go: &Callback<CatalogQuery>,
) -> Html {
    let set: Vec<Filter> = Filter::ALL.into_iter().filter(|f| f.is_set(q)).collect();
    if set.is_empty() {
        return Html::default();
    }
    let items = first.map(|p| p.items.as_slice()).unwrap_or_default();
    let label = |filter: Filter| -> String {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        match filter {
            Filter::Toko => {
                let slug = text(&q.toko);
                let name = items.iter().find(|p| p.shop_slug == slug).map(|p| p.shop_name.clone());
                format!("Toko {}", name.unwrap_or_else(|| slug_words(&slug)))
            }
            Filter::Lembaga => format!("Lembaga {}", slug_words(&text(&q.lembaga))),
            Filter::Jenis => q.jenis.map(|k| format!("Usaha {}", k.label())).unwrap_or_default(),
            Filter::Desa => {
                let slug = text(&q.desa);
                let name = items.iter().find(|p| p.village_slug == slug).map(|p| p.village_name.clone());
                format!("Desa {}", name.unwrap_or_else(|| slug_words(&slug)))
            }
            Filter::Kecamatan => {
                let code = text(&q.kecamatan);
                let place = facets.and_then(|f| f.kecamatan.iter().find(|k| k.code == code));
                format!("Kecamatan {}", place.map_or(code.clone(), |k| without_level(&k.name).to_owned()))
            }
            Filter::Kabupaten => {
                let code = text(&q.kabupaten);
                let prefix = format!("{code}.");
                let place = facets.and_then(|f| f.kecamatan.iter().find(|k| k.code.starts_with(&prefix)));
                place.map_or(format!("Kabupaten {code}"), |k| k.kabupaten.clone())
            }
            Filter::Kategori => q.kategori.map(|s| s.label().to_owned()).unwrap_or_default(),
            Filter::Harga => price_range_label(q.harga_min, q.harga_max),
            Filter::Tersedia => "Hanya yang tersedia".to_owned(),
            Filter::Bintang => q.bintang.map(|b| format!("Bintang {b} ke atas")).unwrap_or_default(),
            Filter::Sertifikat => q.sertifikat.map(|k| format!("Sertifikat {}", k.label())).unwrap_or_default(),
        }
    };
    html! {
        <ul class="chip-list filter-chips" aria-label="Filter yang dipakai">
            { for set.into_iter().map(|filter| {
                let text = label(filter);
                let chip = html! { <>{ text.clone() }<span class="chip__remove" aria-hidden="true">{ "×" }</span></> };
                html! {
                    <li key={format!("{filter:?}")}>
                        { search_link(go, filter.remove(q), "chip chip--filter", chip, Some(format!("Hapus filter {text}"))) }
                    </li>
                }
            }) }
            <li>{ search_link(go, catalog_query::cleared(q), "button button--ghost", html! { "Hapus semua filter" }, None) }</li>
        </ul>
    }
}

/// Why nothing was found, and the way out.
fn empty(q: &CatalogQuery, go: &Callback<CatalogQuery>) -> Html {
    if q.is_filtered() {
        let cleared = catalog_query::cleared(q);
        html! {
            <EmptyState message="Tidak ada produk yang cocok dengan filter ini.">
                <p class="empty-state__hint">{ "Coba hapus beberapa filter, atau longgarkan batas harganya." }</p>
                { search_link(go, cleared, "button button--primary", html! { "Hapus semua filter" }, None) }
            </EmptyState>
        }
    } else if let Some(words) = q.words() {
        html! {
            <EmptyState message={format!("Belum ada produk untuk \u{201c}{words}\u{201d}.")}>
                <p class="empty-state__hint">{ "Coba kata lain, misalnya nama bahan atau jenis olahannya." }</p>
                { search_link(go, CatalogQuery::default(), "button button--primary", html! { "Lihat semua produk" }, None) }
            </EmptyState>
        }
    } else {
        html! { <EmptyState message="Belum ada produk yang dijual di Lapak Desa." /> }
    }
}

/// A link to another search: a plain link without JavaScript, a step of the app's history with it.
fn search_link(
    go: &Callback<CatalogQuery>,
    next: CatalogQuery,
    class: &'static str,
    label: Html,
    aria_label: Option<String>,
) -> Html {
    let href = catalog_query::catalog_address(&next);
    let onclick = go.reform(move |event: MouseEvent| {
        event.prevent_default();
        next.clone()
    });
    html! { <a {class} {href} {onclick} aria-label={aria_label}>{ label }</a> }
}
