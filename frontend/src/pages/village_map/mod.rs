//! The village potential map (`/peta`): the villages at their places, coloured by IDM status or by
//! flagship sector, a card for the village tapped, and the same villages as a list and a table per
//! kecamatan for everyone the map does not serve (no tiles, a screen reader, a slow phone).
//!
//! The filters and the list's order live in the address (`/peta?kecamatan=52.01.03&sektor=kerajinan`)
//! and are applied here to the one answer of `GET /api/v1/map`. The server renders the page from that
//! answer (the list, the table and the markers on their grid) as a page of islands: its filters are plain
//! forms, and the map is an island of its own bundle, whose tiles start in the browser.

mod list;
mod map;
mod mercator;
mod palette;
mod section;

use std::rc::Rc;

use shared::format::thousands_in;
use shared::texts::{map as t, villages};
use shared::village_map::{MapFilter, summarize};
use shared::{MapQuery, MapVillage, Sector, VillageMap};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::Get;
use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::filter_select::FilterSelect;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::links::without_level;
use crate::pages::directory::sector_options;
use crate::root::use_lang;
pub use list::Order;
use list::{KecamatanTable, VillageList};
pub use section::{MapSection, MapSectionProps, Placed};

use crate::islands::MapHost;

#[component]
pub fn VillageMapPage() -> Html {
    let lang = use_lang();
    use_title(page_title(t::title(lang)));
    let location = use_location();
    let query = location.as_ref().map_or("", |l| l.query_str()).to_owned();
    let (filter, order) = (filter_from(&query), order_from(&query));
    let data = use_endpoint(Get::of(shared::api::village_map::VillageMap {}));
    let navigator = use_navigator();
    let go = Callback::from(move |(next, order): (MapFilter, Order)| {
        if let Some(navigator) = &navigator {
            let _ = navigator.push_with_query(&Route::VillageMap, &address_pairs(&next, order));
        }
    });

    let body = match data.get() {
        Remote::Loading => html! { <SkeletonList count={4} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={data.retry()} /> },
        Remote::Loaded(map) => {
            let on_order = go.reform({
                let filter = filter.clone();
                move |order| (filter.clone(), order)
            });
            html! { <MapAndList map={map.clone()} filter={filter.clone()} {order} {on_order} /> }
        }
    };
    let kecamatan_options = match data.get() {
        Remote::Loaded(map) => map
            .kecamatan
            .iter()
            .map(|k| (k.code.clone(), format!("{} ({})", k.name, without_level(&k.kabupaten))))
            .collect(),
        _ => Vec::new(),
    };
    let sector_options = sector_options(lang);
    let on_kecamatan = {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |kecamatan: Option<String>| go.emit((MapFilter { kecamatan, ..filter.clone() }, order)))
    };
    let on_sector = {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |code: Option<String>| {
            go.emit((MapFilter { sector: code.as_deref().and_then(Sector::from_code), ..filter.clone() }, order))
        })
    };
    let filtered = filter != MapFilter::default();
    // A link to the map without filters, followed inside the app.
    let reset = go.reform(move |event: MouseEvent| {
        event.prevent_default();
        (MapFilter::default(), order)
    });

    html! {
        <div class="container page village-map">
            <h1>{ t::heading(lang) }</h1>
            <p class="lead">{ t::lead(lang) }</p>
            // A plain form to the map, so the filters work without JavaScript; the app (or, on a page of
            // islands, `islands::plain`) applies each change at once.
            <form class="filters" role="group" aria-label={t::filters(lang)} method="get" action={lang.path("/peta")}
                data-apply="true" autocomplete="off" onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                if order != Order::ByKecamatan {
                    <input type="hidden" name="urut" value={order.code()} />
                }
                <FilterSelect id="peta-kecamatan" label={villages::kecamatan(lang)} name="kecamatan"
                    any_label={villages::any_kecamatan(lang)}
                    options={kecamatan_options} value={filter.kecamatan.clone().unwrap_or_default()}
                    on_change={on_kecamatan} />
                <FilterSelect id="peta-sektor" label={villages::flagship_sector(lang)} name="sektor"
                    any_label={villages::any_sector(lang)}
                    options={sector_options} value={filter.sector.map(|s| s.code().to_owned()).unwrap_or_default()}
                    on_change={on_sector} />
                <button type="submit" class="button button--secondary filters__apply">{ villages::apply_filters(lang) }</button>
            </form>
            if filtered {
                <p class="filters__reset">
                    <a class="button button--ghost" href={lang.path(&address(&MapFilter::default(), order))} onclick={reset}>
                        { t::clear_filters(lang) }
                    </a>
                </p>
            }
            { body }
        </div>
    }
}

/// "12 desa, 10 di peta": the villages the filters leave, and how many of them the map shows.
fn placed_count(lang: shared::Lang, villages: i64, placed: i64) -> String {
    t::placed(lang, villages, thousands_in(lang, villages), thousands_in(lang, placed))
}

/// The map page's query pairs as the app writes them: the filters, then the list's order (the server
/// sends an address written otherwise here).
pub fn address_pairs(filter: &MapFilter, order: Order) -> Vec<(String, String)> {
    let mut pairs = filter.to_pairs();
    if order != Order::ByKecamatan {
        pairs.push(("urut".to_owned(), order.code().to_owned()));
    }
    pairs
}

/// The map page's address with `filter` and `order`.
fn address(filter: &MapFilter, order: Order) -> String {
    let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(address_pairs(filter, order)).finish();
    if query.is_empty() { "/peta".to_owned() } else { format!("/peta?{query}") }
}

/// The list's order in the address (`urut`), by kecamatan when absent or unknown.
fn order_from(query: &str) -> Order {
    let query = query.strip_prefix('?').unwrap_or(query);
    form_urlencoded::parse(query.as_bytes())
        .filter(|(key, _)| key == "urut")
        .find_map(|(_, value)| Order::ALL.into_iter().find(|o| o.code() == value))
        .unwrap_or(Order::ByKecamatan)
}

/// The page's filters and order, as the address `query` asks them.
pub fn asked(query: &str) -> (MapFilter, Order) {
    (filter_from(query), order_from(query))
}

/// The filters in the address, leniently: a value that is not valid is dropped, not refused.
fn filter_from(query: &str) -> MapFilter {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut filter = MapFilter::default();
    for (key, value) in form_urlencoded::parse(query.as_bytes()) {
        let one = match &*key {
            "kecamatan" => MapQuery { kecamatan: Some(value.into_owned()), sektor: None },
            "sektor" => MapQuery { kecamatan: None, sektor: Some(value.into_owned()) },
            _ => continue,
        };
        if let Ok(valid) = one.validate() {
            filter.kecamatan = valid.kecamatan.or(filter.kecamatan);
            filter.sector = valid.sector.or(filter.sector);
        }
    }
    filter
}

#[derive(Properties, PartialEq)]
struct MapAndListProps {
    map: Rc<VillageMap>,
    filter: MapFilter,
    order: Order,
    on_order: Callback<Order>,
}

/// The map (an island), the list and the table, for the villages the filters leave.
#[component]
fn MapAndList(props: &MapAndListProps) -> Html {
    let lang = use_lang();
    let villages: Rc<Vec<MapVillage>> =
        Rc::new(props.map.villages.iter().filter(|v| props.filter.matches(v)).cloned().collect());
    if villages.is_empty() {
        return html! { <EmptyState message={villages::no_match(lang)} /> };
    }
    let summaries = Rc::new(summarize(&villages));
    let placed = villages.iter().filter(|v| v.location().is_some()).count();
    let on_order = props.on_order.reform(|e: Event| {
        let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
        Order::ALL.into_iter().find(|o| o.code() == value).unwrap_or(Order::ByKecamatan)
    });
    let map = Placed {
        villages: villages.to_vec(),
        tiles: props.map.tiles.clone(),
        attribution: props.map.attribution.clone(),
    };
    html! {
        <>
            <p class="result-count">{ placed_count(lang, villages.len() as i64, placed as i64) }</p>
            <div class="village-map__layout">
                <section class="village-map__map" aria-labelledby="peta-judul">
                    <h2 id="peta-judul" class="visually-hidden">{ t::map(lang) }</h2>
                    <MapHost {map} />
                </section>
                <section class="village-map__list" aria-labelledby="daftar-desa">
                    <div class="village-map__list-head">
                        <h2 id="daftar-desa">{ t::list(lang) }</h2>
                        // A plain form too: the order is part of the address.
                        <form class="sort" method="get" action={lang.path("/peta")} data-apply="true" autocomplete="off"
                            onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                            { for props.filter.to_pairs().into_iter().map(|(name, value)| html! {
                                <input type="hidden" {name} {value} />
                            }) }
                            <label class="sort__label" for="peta-urut">{ t::sort(lang) }</label>
                            <select id="peta-urut" name="urut" class="field__select sort__select" onchange={on_order}>
                                { for Order::ALL.iter().map(|o| html! {
                                    <option value={o.code()} selected={*o == props.order}>{ o.label(lang) }</option>
                                }) }
                            </select>
                            <button type="submit" class="button button--ghost sort__apply">{ t::apply(lang) }</button>
                        </form>
                    </div>
                    <VillageList villages={villages.clone()} order={props.order} />
                </section>
            </div>
            <section class="section" aria-labelledby="ringkasan-kecamatan">
                <h2 id="ringkasan-kecamatan">{ t::summary(lang) }</h2>
                <KecamatanTable {summaries} />
            </section>
        </>
    }
}
