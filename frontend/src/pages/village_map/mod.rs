//! The village potential map (`/peta`): the villages at their places, coloured by IDM status or by
//! flagship sector, a card for the village tapped, and the same villages as a list and a table per
//! kecamatan for everyone the map does not serve (no tiles, a screen reader, a slow phone).
//!
//! The filters live in the address (`/peta?kecamatan=52.01.03&sektor=kerajinan`) and are applied here to
//! the one answer of `GET /api/v1/map`, so changing them costs no request. The server renders the page
//! from that answer (the list, the table and the markers on their grid); the tiles start in the browser.

mod list;
mod map;
mod mercator;
mod palette;

use std::rc::Rc;

use shared::format::thousands;
use shared::village_map::{MapFilter, summarize};
use shared::{MapQuery, MapVillage, Sector, VillageMap};
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::filter_select::FilterSelect;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_seeded, use_title};
use crate::links::without_level;
use list::{IdmStatusBadge, KecamatanTable, Order, VillageList, counts};
use map::TileMap;
use palette::{ColourBy, Legend};

#[component]
pub fn VillageMapPage() -> Html {
    use_title(page_title("Peta Potensi Desa"));
    let location = use_location();
    let filter = filter_from(location.as_ref().map_or("", |l| l.query_str()));
    let data = use_seeded((), |()| api::village_map::village_map_url(), |()| api::village_map::village_map());
    let navigator = use_navigator();
    let go = Callback::from(move |next: MapFilter| {
        if let Some(navigator) = &navigator {
            let _ = navigator.push_with_query(&Route::VillageMap, &next.to_pairs());
        }
    });

    let body = match data.get() {
        Remote::Loading => html! { <SkeletonList count={4} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={data.retry()} /> },
        Remote::Loaded(map) => html! { <MapAndList map={map.clone()} filter={filter.clone()} /> },
    };
    let kecamatan_options = match data.get() {
        Remote::Loaded(map) => map
            .kecamatan
            .iter()
            .map(|k| (k.code.clone(), format!("{} ({})", k.name, without_level(&k.kabupaten))))
            .collect(),
        _ => Vec::new(),
    };
    let sector_options = Sector::ALL.iter().map(|s| (s.code().to_owned(), s.label().to_owned())).collect::<Vec<_>>();
    let on_kecamatan = {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |kecamatan: Option<String>| go.emit(MapFilter { kecamatan, ..filter.clone() }))
    };
    let on_sector = {
        let (go, filter) = (go.clone(), filter.clone());
        Callback::from(move |code: Option<String>| {
            go.emit(MapFilter { sector: code.as_deref().and_then(Sector::from_code), ..filter.clone() })
        })
    };
    let filtered = filter != MapFilter::default();
    let reset = go.reform(|_: MouseEvent| MapFilter::default());

    html! {
        <div class="container page village-map">
            <h1>{ "Peta potensi desa" }</h1>
            <p class="lead">
                { "Di mana desa-desa berada, status Indeks Desa Membangun, produk unggulan, dan jumlah toko, \
                   produk serta lembaga usaha setiap desa dan kecamatan." }
            </p>
            <div class="filters" role="group" aria-label="Saring desa di peta">
                <FilterSelect id="peta-kecamatan" label="Kecamatan" any_label="Semua kecamatan"
                    options={kecamatan_options} value={filter.kecamatan.clone().unwrap_or_default()}
                    on_change={on_kecamatan} />
                <FilterSelect id="peta-sektor" label="Sektor unggulan" any_label="Semua sektor"
                    options={sector_options} value={filter.sector.map(|s| s.code().to_owned()).unwrap_or_default()}
                    on_change={on_sector} />
            </div>
            if filtered {
                <p class="filters__reset">
                    <button type="button" class="button button--ghost" onclick={reset}>{ "Hapus filter" }</button>
                </p>
            }
            { body }
        </div>
    }
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
}

/// The map with its card and legend, the list and the table, for the villages the filters leave.
#[component]
fn MapAndList(props: &MapAndListProps) -> Html {
    let colour = use_state_eq(|| ColourBy::Idm);
    let selected = use_state_eq(|| None::<i64>);
    let order = use_state_eq(|| Order::ByKecamatan);
    let card_ref = use_node_ref();
    // On a phone the card opens below the map: bring it into view.
    {
        let card_ref = card_ref.clone();
        use_effect_with(*selected, move |_| {
            if let Some(card) = card_ref.cast::<web_sys::Element>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                options.set_behavior(web_sys::ScrollBehavior::Smooth);
                card.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let villages: Rc<Vec<MapVillage>> =
        Rc::new(props.map.villages.iter().filter(|v| props.filter.matches(v)).cloned().collect());
    let summaries = Rc::new(summarize(&villages));
    let on_select = {
        let selected = selected.clone();
        Callback::from(move |id: i64| selected.set(Some(id)))
    };
    let close = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(None))
    };
    let colour_button = |mode: ColourBy, label: &'static str| {
        let pressed = *colour == mode;
        let onclick = {
            let colour = colour.clone();
            Callback::from(move |_: MouseEvent| colour.set(mode))
        };
        html! {
            <button type="button" class={classes!("segmented__option", pressed.then_some("is-active"))}
                aria-pressed={pressed.to_string()} {onclick}>{ label }</button>
        }
    };
    let on_order = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            order.set(Order::ALL.into_iter().find(|o| o.code() == value).unwrap_or(Order::ByKecamatan));
        })
    };
    if villages.is_empty() {
        return html! { <EmptyState message="Tidak ada desa yang cocok dengan filter ini." /> };
    }
    let unplaced: Vec<&MapVillage> = villages.iter().filter(|v| v.location().is_none()).collect();
    let card =
        selected.and_then(|id| villages.iter().find(|v| v.id == id)).map(|v| village_card(v, close, card_ref.clone()));

    html! {
        <>
            <p class="result-count">
                { format!("{} desa, {} di peta", thousands(villages.len() as i64),
                    thousands((villages.len() - unplaced.len()) as i64)) }
            </p>
            <div class="village-map__layout">
                <section class="village-map__map" aria-labelledby="peta-judul">
                    <h2 id="peta-judul" class="visually-hidden">{ "Peta" }</h2>
                    <div class="segmented" role="group" aria-label="Warna penanda">
                        { colour_button(ColourBy::Idm, "Status IDM") }
                        { colour_button(ColourBy::Sector, "Sektor unggulan") }
                    </div>
                    <TileMap villages={villages.clone()} colour={*colour} selected={*selected} {on_select}
                        tiles={props.map.tiles.clone()} attribution={props.map.attribution.clone()} />
                    { card.unwrap_or_default() }
                    <Legend colour={*colour} villages={villages.clone()} />
                    if !unplaced.is_empty() {
                        <p class="village-map__unplaced">
                            { format!("Belum di peta (lokasi belum diisi): {}.",
                                unplaced.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", ")) }
                        </p>
                    }
                </section>
                <section class="village-map__list" aria-labelledby="daftar-desa">
                    <div class="village-map__list-head">
                        <h2 id="daftar-desa">{ "Daftar desa" }</h2>
                        <div class="field">
                            <label class="field__label" for="peta-urut">{ "Urutkan" }</label>
                            <select id="peta-urut" class="field__select" onchange={on_order}>
                                { for Order::ALL.iter().map(|o| html! {
                                    <option value={o.code()} selected={*o == *order}>{ o.label() }</option>
                                }) }
                            </select>
                        </div>
                    </div>
                    <VillageList villages={villages.clone()} order={*order} />
                </section>
            </div>
            <section class="section" aria-labelledby="ringkasan-kecamatan">
                <h2 id="ringkasan-kecamatan">{ "Ringkasan per kecamatan" }</h2>
                <KecamatanTable {summaries} />
            </section>
        </>
    }
}

/// What the map says about the village tapped, with the way to its page.
fn village_card(v: &MapVillage, close: Callback<MouseEvent>, node: NodeRef) -> Html {
    html! {
        <div ref={node} class="map-card" role="region" aria-label={format!("Desa {}", v.name)} aria-live="polite">
            <div class="map-card__head">
                <h3 class="map-card__title">{ &v.name }</h3>
                <button type="button" class="map-card__close" aria-label="Tutup keterangan desa" onclick={close}>
                    { "×" }
                </button>
            </div>
            <p class="map-card__place">{ format!("Kecamatan {}, {}", v.kecamatan, without_level(&v.kabupaten)) }</p>
            <p>{ "Status IDM: " }<IdmStatusBadge status={v.idm} /></p>
            <p>
                { "Produk unggulan: " }
                { match &v.flagship {
                    Some(f) => html! { <><strong>{ &f.name }</strong>{ format!(" ({})", f.sector.label()) }</> },
                    None => html! { { "belum ada" } },
                } }
            </p>
            <p class="map-card__counts">{ counts(v.shops, v.products, v.enterprises) }</p>
            <a class="button button--primary map-card__link" href={format!("/desa/{}", v.slug)}>
                { format!("Lihat profil Desa {}", v.name) }
            </a>
        </div>
    }
}
