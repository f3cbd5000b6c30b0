//! The catalog's filters: kecamatan and category with their facet counts, a certificate, a price range,
//! "only in stock" and "4 stars and up"; each change is a new search (and a new address).

use std::rc::Rc;

use shared::catalog::GOOD_RATING;
use shared::certificate::CertificateKind;
use shared::format::thousands;
use shared::texts::{catalog as t, common};
use shared::{CatalogQuery, Facets, Lang, Sector};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::catalog_query::{pairs_but, parse_price, with_prices};
use crate::components::filter_select::FilterSelect;
use crate::links::without_level;
use crate::root::use_lang;
use shared::format::thousands_in;

/// Where the facet counts stand.
#[derive(Clone, PartialEq)]
pub enum FacetState {
    Loading,
    Failed,
    Loaded(Rc<Facets>),
}

#[derive(Properties, PartialEq)]
pub struct CatalogFiltersProps {
    pub query: CatalogQuery,
    pub facets: FacetState,
    /// Receives the search with the filter changed.
    pub on_change: Callback<CatalogQuery>,
}

#[component]
pub fn CatalogFilters(props: &CatalogFiltersProps) -> Html {
    let lang = use_lang();
    let q = &props.query;
    let (waiting, facets) = match &props.facets {
        FacetState::Loading => (Some(common::loading(lang)), None),
        FacetState::Failed => (Some(t::facets_failed(lang)), None),
        FacetState::Loaded(f) => (None, Some(f.clone())),
    };
    let kecamatan: Vec<(String, String)> = facets
        .iter()
        .flat_map(|f| f.kecamatan.iter())
        .map(|k| {
            let place = format!("{}, {}", without_level(&k.name), without_level(&k.kabupaten));
            (k.code.clone(), format!("{place} ({})", thousands_in(lang, k.count)))
        })
        .collect();
    let mut categories: Vec<(String, String)> = facets
        .iter()
        .flat_map(|f| f.categories.iter())
        .map(|c| (c.sector.code().to_owned(), format!("{} ({})", c.sector.label_in(lang), thousands_in(lang, c.count))))
        .collect();
    if let (Some(chosen), Some(_)) = (q.kategori, &facets)
        && !categories.iter().any(|(code, _)| code == chosen.code())
    {
        categories.push((chosen.code().to_owned(), format!("{} (0)", chosen.label_in(lang))));
    }
    let change = |apply: fn(&CatalogQuery, Option<String>) -> CatalogQuery| {
        let (on_change, q) = (props.on_change.clone(), q.clone());
        Callback::from(move |value: Option<String>| on_change.emit(apply(&q, value)))
    };
    let check = |apply: fn(&CatalogQuery, bool) -> CatalogQuery| {
        let (on_change, q) = (props.on_change.clone(), q.clone());
        Callback::from(move |event: Event| {
            on_change.emit(apply(&q, event.target_unchecked_into::<HtmlInputElement>().checked()));
        })
    };
    let on_stock = check(|q, on| CatalogQuery { tersedia: on.then_some(true), ..q.first_page() });
    let on_rating = check(|q, on| CatalogQuery { bintang: on.then_some(GOOD_RATING), ..q.first_page() });
    // A plain form to the catalog, so filters work without JavaScript; the app (or, on a page of islands,
    // `islands::plain`) applies each change at once.
    html! {
        <form class="filters catalog-filters__fields" role="group" aria-label={t::filters_label(lang)} method="get"
            action={lang.path("/produk")} data-apply="true" autocomplete="off" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            { kept_fields(q, &FORM_FIELDS) }
            <FilterSelect id="filter-kecamatan" label={t::kecamatan(lang)} any_label={waiting.unwrap_or(t::any_kecamatan(lang))}
                name="kecamatan" options={kecamatan} disabled={waiting.is_some()}
                value={q.kecamatan.clone().unwrap_or_default()}
                on_change={change(|q, v| CatalogQuery { kecamatan: v, ..q.first_page() })} />
            <FilterSelect id="filter-kategori" label={t::category(lang)} any_label={waiting.unwrap_or(t::any_category(lang))}
                name="kategori" options={categories} disabled={waiting.is_some()}
                value={q.kategori.map(|s| s.code().to_owned()).unwrap_or_default()}
                on_change={change(|q, v| {
                    CatalogQuery { kategori: v.as_deref().and_then(Sector::from_code), ..q.first_page() }
                })} />
            <FilterSelect id="filter-sertifikat" label={t::certificate(lang)} any_label={t::any_certificate(lang)}
                name="sertifikat"
                options={CertificateKind::ALL.iter().map(|k| (k.code().to_owned(), k.label_in(lang).to_owned())).collect::<Vec<_>>()}
                value={q.sertifikat.map(|k| k.code().to_owned()).unwrap_or_default()}
                on_change={change(|q, v| {
                    CatalogQuery { sertifikat: v.as_deref().and_then(CertificateKind::from_code), ..q.first_page() }
                })} />
            <PriceRange query={q.clone()} on_change={props.on_change.clone()} />
            <label class="check">
                <input type="checkbox" class="check__box" name="tersedia" value="true" checked={q.tersedia == Some(true)}
                    onchange={on_stock} />
                <span>{ t::in_stock(lang) }</span>
            </label>
            <label class="check">
                <input type="checkbox" class="check__box" name="bintang" value={GOOD_RATING.to_string()}
                    checked={q.bintang.is_some()} onchange={on_rating} />
                <span>{ t::stars_up(lang, GOOD_RATING) }</span>
            </label>
            <button type="submit" class="button button--secondary filters__apply">{ t::apply_filters(lang) }</button>
        </form>
    }
}

/// The fields the filter form sets; the rest of the search goes along hidden.
const FORM_FIELDS: [&str; 7] = ["kecamatan", "kategori", "sertifikat", "harga_min", "harga_max", "tersedia", "bintang"];

/// Hidden fields carrying the search `q` but those `set_by_form`, so a plain form keeps it.
pub fn kept_fields(q: &CatalogQuery, set_by_form: &[&str]) -> Html {
    html! {
        { for pairs_but(q, set_by_form).into_iter().map(|(name, value)| html! {
            <input type="hidden" {name} {value} />
        }) }
    }
}

#[derive(Properties, PartialEq)]
struct PriceRangeProps {
    query: CatalogQuery,
    on_change: Callback<CatalogQuery>,
}

/// Lowest and highest price, applied when a field is left or Enter is pressed; a range the server
/// would refuse is explained here instead.
#[component]
fn PriceRange(props: &PriceRangeProps) -> Html {
    let lang = use_lang();
    let (min, max) = (use_node_ref(), use_node_ref());
    let problem = use_state_eq(|| None::<String>);
    {
        let problem = problem.clone();
        use_effect_with((props.query.harga_min, props.query.harga_max), move |_| problem.set(None));
    }
    let apply = {
        let (min, max, problem) = (min.clone(), max.clone(), problem.clone());
        let (q, on_change) = (props.query.clone(), props.on_change.clone());
        Callback::from(move |()| {
            let value = |field: &NodeRef| field.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let (Ok(low), Ok(high)) = (parse_price(&value(&min)), parse_price(&value(&max))) else {
                problem.set(Some(t::price_not_number(lang).into()));
                return;
            };
            if (low, high) == (q.harga_min, q.harga_max) {
                problem.set(None);
                return;
            }
            let next = with_prices(&q, low, high);
            match price_problem(lang, &next) {
                Some(message) => problem.set(Some(message)),
                None => {
                    problem.set(None);
                    on_change.emit(next);
                }
            }
        })
    };
    // Enter in either field applies the range (the filter form itself is not sent while the app runs).
    let onkeydown = {
        let apply = apply.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                apply.emit(());
            }
        })
    };
    let onchange = apply.reform(|_: Event| ());
    // The prices searched, as the server renders them; set again only when they change (a new address).
    let field = |(id, name): (&'static str, &'static str),
                 label: &'static str,
                 node: &NodeRef,
                 value: Option<i64>,
                 placeholder: &'static str| {
        html! {
            <div class="field">
                <label class="field__label" for={id}>{ label }</label>
                <input ref={node.clone()} {id} {name} value={value.map(thousands).unwrap_or_default()}
                    class="field__select" type="text" inputmode="numeric"
                    autocomplete="off" enterkeyhint="search" {placeholder} onchange={onchange.clone()}
                    onkeydown={onkeydown.clone()}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={problem.is_some().then_some("harga-masalah")} />
            </div>
        }
    };
    html! {
        <div class="price-range">
            { field(("harga-min", "harga_min"), t::price_min(lang), &min, props.query.harga_min, "0") }
            { field(("harga-max", "harga_max"), t::price_max(lang), &max, props.query.harga_max, t::price_any(lang)) }
            if let Some(message) = &*problem {
                <p id="harga-masalah" class="price-range__problem" role="alert">{ message }</p>
            }
        </div>
    }
}

/// Why the search with a new price range cannot be made: the shared check's words, in English the range
/// it can see reversed (any other problem came with the address, in the server's words).
fn price_problem(lang: Lang, next: &CatalogQuery) -> Option<String> {
    let problem = next.problem()?;
    let reversed = matches!((next.harga_min, next.harga_max), (Some(min), Some(max)) if min > max);
    Some(if lang != Lang::Id && reversed { t::price_reversed(lang).to_owned() } else { problem })
}
