//! Products found by a catalog search, as a grid of cards with a "Muat lebih banyak" button that
//! fetches the next page by its cursor and adds it below; and the grid's loading placeholder.

use std::collections::HashSet;
use std::rc::Rc;

use shared::texts::{catalog as t, common};
use shared::{CatalogPage, CatalogQuery, ProductSummary};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::catalog_query::next_page_address;
use crate::components::error_state::ErrorState;
use crate::components::product_card::ProductCard;
use crate::root::use_lang;

/// Cards whose photo loads at once (the first row or two on a phone).
const EAGER: usize = 4;

/// The pages loaded after the first one, for one search.
#[derive(Clone, Default, PartialEq)]
struct More {
    /// The search they belong to.
    key: Option<CatalogQuery>,
    items: Vec<ProductSummary>,
    /// Pages added so far.
    pages: u32,
    /// The cursor after the last page added.
    next: Option<String>,
    loading: bool,
    error: Option<ApiError>,
}

enum Step {
    Start(CatalogQuery),
    Loaded(CatalogQuery, CatalogPage),
    Failed(CatalogQuery, ApiError),
}

impl Reducible for More {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        match step {
            Step::Start(key) => {
                let mut more = if self.key.as_ref() == Some(&key) {
                    (*self).clone()
                } else {
                    More { key: Some(key), ..More::default() }
                };
                more.loading = true;
                more.error = None;
                Rc::new(more)
            }
            Step::Loaded(key, page) if self.key.as_ref() == Some(&key) => {
                let mut more = (*self).clone();
                more.items.extend(page.items);
                more.pages += 1;
                more.next = page.next;
                more.loading = false;
                Rc::new(more)
            }
            Step::Failed(key, error) if self.key.as_ref() == Some(&key) => {
                Rc::new(More { loading: false, error: Some(error), ..(*self).clone() })
            }
            // An answer for a search no longer shown.
            Step::Loaded(..) | Step::Failed(..) => self,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ProductListProps {
    /// The search (without a cursor).
    pub query: CatalogQuery,
    /// Its first page, already loaded and not empty.
    pub first: Rc<CatalogPage>,
    /// Names each product's village (lists that mix villages).
    #[prop_or(true)]
    pub show_village: bool,
}

#[component]
pub fn ProductList(props: &ProductListProps) -> Html {
    let lang = use_lang();
    let more = use_reducer(More::default);
    let mine = more.key.as_ref() == Some(&props.query);
    let (extra, cursor, loading, error) = if mine {
        let cursor = if more.pages > 0 { more.next.clone() } else { props.first.next.clone() };
        (more.items.as_slice(), cursor, more.loading, more.error.clone())
    } else {
        (&[][..], props.first.next.clone(), false, None)
    };
    // A product moved between pages while reading them shows once.
    let mut seen = HashSet::new();
    let items: Vec<&ProductSummary> =
        props.first.items.iter().chain(extra.iter()).filter(|p| seen.insert(p.id)).collect();

    let load = {
        let (more, query, cursor) = (more.dispatcher(), props.query.clone(), cursor.clone());
        Callback::from(move |()| {
            let Some(cursor) = cursor.clone() else { return };
            let (more, query) = (more.clone(), query.clone());
            more.dispatch(Step::Start(query.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                let page = CatalogQuery { setelah: Some(cursor), ..query.clone() };
                match api::fetch(api::catalog::catalog(&page)).await {
                    Ok(page) => more.dispatch(Step::Loaded(query, page)),
                    Err(error) => more.dispatch(Step::Failed(query, error)),
                }
            });
        })
    };
    let show_village = props.show_village;
    html! {
        <>
            <div class="card-grid card-grid--products" data-more-list="true">
                { for items.iter().enumerate().map(|(i, p)| html! {
                    <ProductCard key={p.id} product={(*p).clone()} {show_village} eager={i < EAGER} />
                }) }
            </div>
            if let Some(error) = error {
                <div class="load-more"><ErrorState {error} on_retry={load} /></div>
            } else if let Some(cursor) = &cursor {
                // A link to the next page's address, so it works without JavaScript; the app (or, on a
                // page of islands, `islands::plain`) adds the page below instead.
                <div class="load-more">
                    <a class="button button--secondary load-more__button" href={lang.path(&next_page_address(&props.query, cursor))}
                        data-more="true"
                        aria-busy={loading.then_some("true")} aria-disabled={loading.then_some("true")}
                        onclick={Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            if !loading {
                                load.emit(());
                            }
                        })}>
                        { if loading { common::loading(lang) } else { t::load_more(lang) } }
                    </a>
                </div>
            } else if items.len() > EAGER * 2 {
                <p class="load-more muted">{ t::all_shown(lang, items.len()) }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProductSkeletonProps {
    /// How many card placeholders to show.
    #[prop_or(6)]
    pub count: usize,
}

/// Placeholder product cards while a search loads.
#[component]
pub fn ProductSkeleton(props: &ProductSkeletonProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="card-grid card-grid--products" aria-busy="true">
            <p class="visually-hidden" role="status">{ t::loading_products(lang) }</p>
            { for (0..props.count).map(|_| html! {
                <div class="card card--skeleton" aria-hidden="true">
                    <div class="skeleton skeleton--square"></div>
                    <div class="card__body">
                        <div class="skeleton skeleton--title"></div>
                        <div class="skeleton skeleton--line skeleton--short"></div>
                    </div>
                </div>
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(ids: &[i64], next: Option<&str>) -> CatalogPage {
        let card = |id: i64| ProductSummary {
            id,
            slug: format!("p{id}"),
            name: format!("Produk {id}"),
            price: 1000,
            unit: shared::Unit::Pcs,
            stock: 1,
            sector: shared::Sector::Olahan,
            shop_name: "Toko".into(),
            shop_slug: "toko".into(),
            village_name: "Desa".into(),
            village_slug: "desa".into(),
            photo: None,
            stars: Default::default(),
            certified: Vec::new(),
            name_en: None,
        };
        CatalogPage { items: ids.iter().copied().map(card).collect(), next: next.map(str::to_owned) }
    }

    #[test]
    fn pages_add_up_for_their_own_search_only() {
        let a = CatalogQuery { q: Some("a".into()), ..CatalogQuery::default() };
        let b = CatalogQuery { q: Some("b".into()), ..CatalogQuery::default() };
        let more = Rc::new(More::default()).reduce(Step::Start(a.clone()));
        assert!(more.loading);
        let more = more.reduce(Step::Loaded(a.clone(), page(&[3, 4], Some("c2"))));
        assert_eq!((more.items.len(), more.pages, more.next.as_deref(), more.loading), (2, 1, Some("c2"), false));
        // An answer for another search is dropped.
        let more = more.reduce(Step::Loaded(b.clone(), page(&[9], None)));
        assert_eq!(more.items.len(), 2);
        let more = more.reduce(Step::Start(a.clone())).reduce(Step::Failed(a.clone(), ApiError::Network));
        assert_eq!((more.error.clone(), more.loading, more.items.len()), (Some(ApiError::Network), false, 2));
        // A new search starts afresh.
        let more = more.reduce(Step::Start(b.clone()));
        assert_eq!((more.key.as_ref(), more.items.len(), more.error.clone()), (Some(&b), 0, None));
    }
}
