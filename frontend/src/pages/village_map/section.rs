//! The map's section of the page: the colour toggle, the map, the card of the village tapped, the legend
//! and the villages not yet placed. On the public page it is an island of its own bundle (`map`),
//! fetched as soon as the page runs: the list, the table and the filters work before it comes.

use serde::{Deserialize, Serialize};
use shared::texts::{map as t, villages};
use shared::{Lang, MapVillage};
use yew::prelude::*;

use super::list::{IdmStatusBadge, counts};
use super::map::TileMap;
use super::palette::{ColourBy, Legend};
use crate::lang_text::as_written;
use crate::links::without_level;
use crate::root::use_lang;

/// What the map section starts from: the villages the filters leave, and the tile server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Placed {
    pub villages: Vec<MapVillage>,
    /// The tile address template, if any.
    pub tiles: Option<String>,
    pub attribution: String,
}

#[derive(Properties, PartialEq)]
pub struct MapSectionProps {
    pub placed: Placed,
}

#[component]
pub fn MapSection(props: &MapSectionProps) -> Html {
    let lang = use_lang();
    let Placed { villages, tiles, attribution } = &props.placed;
    let villages = use_memo(villages.clone(), |villages| villages.clone());
    let colour = use_state_eq(|| ColourBy::Idm);
    let selected = use_state_eq(|| None::<i64>);
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
    let unplaced: Vec<&MapVillage> = villages.iter().filter(|v| v.location().is_none()).collect();
    let card = selected
        .and_then(|id| villages.iter().find(|v| v.id == id))
        .map(|v| village_card(lang, v, close, card_ref.clone()));
    html! {
        <>
            <div class="segmented" role="group" aria-label={t::colour_by(lang)}>
                { colour_button(ColourBy::Idm, villages::idm_status(lang)) }
                { colour_button(ColourBy::Sector, villages::flagship_sector(lang)) }
            </div>
            <TileMap villages={villages.clone()} colour={*colour} selected={*selected} {on_select}
                tiles={tiles.clone()} attribution={attribution.clone()} />
            { card.unwrap_or_default() }
            <Legend colour={*colour} villages={villages.clone()} />
            if !unplaced.is_empty() {
                <p class="village-map__unplaced">
                    { t::unplaced(lang, unplaced.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", ")) }
                </p>
            }
        </>
    }
}

/// What the map says about the village tapped, with the way to its page.
fn village_card(lang: Lang, v: &MapVillage, close: Callback<MouseEvent>, node: NodeRef) -> Html {
    let place = format!("{}, {}", villages::district(lang, &v.kecamatan), without_level(&v.kabupaten));
    html! {
        <div ref={node} class="map-card" role="region" aria-label={villages::village(lang, &v.name)} aria-live="polite">
            <div class="map-card__head">
                <h3 class="map-card__title">{ &v.name }</h3>
                <button type="button" class="map-card__close" aria-label={t::close_card(lang)} onclick={close}>
                    { "×" }
                </button>
            </div>
            <p class="map-card__place">{ place }</p>
            <p>{ t::card_idm(lang) }<IdmStatusBadge status={v.idm} /></p>
            <p>
                { villages::flagship_label(lang) }
                { match &v.flagship {
                    Some(f) => html! {
                        <><strong lang={as_written(lang)}>{ &f.name }</strong>{ format!(" ({})", f.sector.label_in(lang)) }</>
                    },
                    None => html! { { t::none_yet(lang) } },
                } }
            </p>
            <p class="map-card__counts">{ counts(lang, v.shops, v.products, v.enterprises) }</p>
            <a class="button button--primary map-card__link" href={lang.path(&format!("/desa/{}", v.slug))}>
                { t::see_profile(lang, &v.name) }
            </a>
        </div>
    }
}
